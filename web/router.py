"""The pages' routers and what every one of their routes gets (server.py adds them)."""

from fastapi import Depends

from hearth.auth import verify_form_csrf
from hearth.ratelimit import limit_writes
from web import accounts, care, forums, ideas, moderation, notifications, operations, retention, reviews
from web.care_queue import router as care_queue_router

DEPENDENCIES = [Depends(verify_form_csrf), Depends(limit_writes)]
ROUTERS = [forums.router, accounts.router, notifications.router, moderation.router, reviews.router, ideas.router,
           retention.router, care.router, operations.router,
           care_queue_router]
