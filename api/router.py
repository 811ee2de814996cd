"""The JSON API's routers and what every one of their routes gets (hearth.app adds them)."""

from fastapi import Depends

from api import accounts, care, forums, moderation, notifications, operations, retention, reviews
from hearth.auth import verify_api_csrf
from hearth.ratelimit import limit_writes

PREFIX = "/api/v1"
DEPENDENCIES = [Depends(verify_api_csrf), Depends(limit_writes)]
ROUTERS = [accounts.router, forums.router, notifications.router, moderation.router, reviews.router,
           retention.router, care.router, operations.router]
