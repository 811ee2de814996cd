"""Per-request plumbing as plain ASGI (cheaper than BaseHTTPMiddleware on every request):
the interface language, the CSRF nonce cookie, security headers, the body size limit and metrics."""

from __future__ import annotations

import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hearth import i18n, metrics
from hearth.errors import PayloadTooLarge
from hearth.security import CSRF_COOKIE, LANGUAGE_COOKIE, new_nonce
from hearth.settings import get_settings

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
}


def _cookies(scope: Scope) -> dict[str, str]:
    # Parsed as Starlette's Request.cookies parses them, so every layer sees the same cookies.
    for name, value in scope["headers"]:
        if name == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope["headers"]:
        if name == wanted:
            return value.decode("latin-1")
    return None


BODILESS = frozenset({"GET", "HEAD", "OPTIONS"})


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge("The request body is larger than %(limit)s", limit=f"{limit / 1_000_000:g} MB")


def limit_body(receive: Receive, limit: int, declared: str | None) -> Receive:
    """The request's receive, refusing a body above `limit` bytes: at once when its declared
    length says so (nothing of it is read), else as soon as the bytes that arrive pass it."""
    too_large = declared is not None and declared.isdigit() and int(declared) > limit
    received = 0

    async def limited() -> Message:
        nonlocal received
        if too_large:
            raise _too_large(limit)
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise _too_large(limit)
        return message

    return limited


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        settings = get_settings()
        self.secure = settings.secure_cookies
        self.body_limit = settings.body_limit_bytes
        self.upload_limit = settings.upload_limit_bytes

    def _limited(self, scope: Scope, receive: Receive) -> Receive:
        if scope["method"] in BODILESS:
            return receive
        content_type = _header(scope, b"content-type") or ""
        limit = self.upload_limit if content_type.startswith("multipart/form-data") else self.body_limit
        return limit_body(receive, limit, _header(scope, b"content-length"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = _cookies(scope)
        language = i18n.choose(None, cookies.get(LANGUAGE_COOKIE), _header(scope, b"accept-language"))
        i18n.current.set(language)
        nonce = cookies.get(CSRF_COOKIE)
        fresh_nonce = None if nonce else new_nonce()
        state: dict[str, Any] = scope.setdefault("state", {})
        state["language"] = language
        state["cookies"] = cookies
        state["csrf_nonce"] = nonce or fresh_nonce
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                headers.append("vary", "Cookie, Accept-Language")
                if fresh_nonce:
                    secure = "; Secure" if self.secure else ""
                    headers.append("set-cookie", f"{CSRF_COOKIE}={fresh_nonce}; Path=/; HttpOnly; SameSite=Lax{secure}")
            await send(message)

        try:
            await self.app(scope, self._limited(scope, receive), send_wrapper)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            metrics.REQUESTS.inc(method=scope["method"], route=path, status=str(status))
            metrics.LATENCY.observe(time.perf_counter() - started, route=path)
