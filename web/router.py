from fastapi import APIRouter, Depends

from hearth.auth import verify_form_csrf
from hearth.ratelimit import limit_writes
from web import accounts, care, forums, moderation, notifications, operations, retention, reviews

router = APIRouter(dependencies=[Depends(verify_form_csrf), Depends(limit_writes)], include_in_schema=False)
router.include_router(forums.router)
router.include_router(accounts.router)
router.include_router(notifications.router)
router.include_router(moderation.router)
router.include_router(reviews.router)
router.include_router(retention.router)
router.include_router(care.router)
router.include_router(operations.router)
