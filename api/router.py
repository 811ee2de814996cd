from fastapi import APIRouter, Depends

from api import accounts, care, forums, moderation, notifications, operations, retention, reviews
from hearth.ratelimit import limit_writes
from hearth.auth import verify_api_csrf

router = APIRouter(prefix="/api/v1", dependencies=[Depends(verify_api_csrf), Depends(limit_writes)])
router.include_router(accounts.router)
router.include_router(forums.router)
router.include_router(notifications.router)
router.include_router(moderation.router)
router.include_router(reviews.router)
router.include_router(retention.router)
router.include_router(care.router)
router.include_router(operations.router)
