"""The JSON API's routers and what every one of their routes gets (server.py adds them)."""

from fastapi import Depends

from api import accounts, care, care_recipes, forums, ideas, moderation, notifications, operations, retention, reviews
from api.care_queue import router as care_queue_router
from api.care_replies import router as care_replies_router
from api.care_sla import router as care_sla_router
from api.openapi import document
from hearth.auth import verify_api_csrf
from hearth.ratelimit import limit_writes
from hearth.routing import refuse_unknown_query

PREFIX = "/api/v1"
DEPENDENCIES = [Depends(refuse_unknown_query), Depends(verify_api_csrf), Depends(limit_writes)]
ROUTERS = [accounts.router, forums.router, notifications.router, moderation.router, reviews.router, ideas.router,
           retention.router, care.router, operations.router, care_sla_router, care_recipes.router,
           care_replies_router,
           care_queue_router]
__all__ = ["DEPENDENCIES", "PREFIX", "ROUTERS", "document"]
