from fastapi import Request

from hearth import ratelimit
from hearth.settings import get_settings


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def limit_signin(request: Request, email: str) -> None:
    limit = get_settings().signin_limit
    await ratelimit.check("signin-ip", client_address(request), limit)
    await ratelimit.check("signin-email", email.strip().lower(), limit)


async def limit_signup(request: Request) -> None:
    await ratelimit.check("signup-ip", client_address(request), get_settings().signup_limit)
