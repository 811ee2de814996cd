"""One error hierarchy; api/ renders it as RFC 9457 problem+json, web/ as a page or toast."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException


class HearthError(Exception):
    status = 500
    title = "Something went wrong"
    type_slug = "internal"

    def __init__(self, message: str | None = None, *, field: str | None = None,
                 errors: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None, **params: Any) -> None:
        # `message` is an English msgid with %(name)s placeholders: web/ translates it
        # before formatting, the API sends it formatted in English.
        self.message = message or self.title
        self.params = params
        self.field = field
        self.errors = errors or []
        self.headers = headers or {}
        # Exception's own, not the next class's: PayloadTooLarge is an HTTPException as well.
        Exception.__init__(self, self.detail)

    @property
    def detail(self) -> str:
        return self.message % self.params if self.params else self.message

    def translated(self, gettext: Any) -> str:
        text = gettext(self.message)
        return text % self.params if self.params else text


class Invalid(HearthError):
    status, title, type_slug = 422, "Invalid input", "invalid"


class Unauthorized(HearthError):
    status, title, type_slug = 401, "Sign-in required", "unauthorized"


class Forbidden(HearthError):
    status, title, type_slug = 403, "Not allowed", "forbidden"


class NotFound(HearthError):
    status, title, type_slug = 404, "Not found", "not-found"


class Conflict(HearthError):
    status, title, type_slug = 409, "Conflict", "conflict"


# Both on purpose, so HearthError's read-only `detail` and its `headers` stand for HTTPException's.
class PayloadTooLarge(HearthError, HTTPException):  # type: ignore[override, misc]
    """Raised while the body arrives (hearth.middleware). Also an HTTPException because FastAPI's
    body reading lets those through and turns every other error into a 400."""

    status, title, type_slug = 413, "Payload too large", "too-large"
    status_code = 413



class TooManyRequests(HearthError):
    status, title, type_slug = 429, "Too many requests", "rate-limited"

    def __init__(self, message: str | None = None, *, retry_after: int = 60, **params: Any) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)}, **params)
        self.retry_after = retry_after


class Unavailable(HearthError):
    status, title, type_slug = 503, "Unavailable", "unavailable"

    def __init__(self, message: str | None = None, *, retry_after: int = 5, **params: Any) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)}, **params)


class CsrfFailed(Forbidden):
    title, type_slug = "Form expired", "csrf"
