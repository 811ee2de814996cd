from fastapi import APIRouter, Depends

from api import accounts
from hearth.auth import verify_api_csrf

router = APIRouter(prefix="/api/v1", dependencies=[Depends(verify_api_csrf)])
router.include_router(accounts.router)
