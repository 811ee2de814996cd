"""Errors under /api as RFC 9457 problem+json (web/errors.py is the pages' twin)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from hearth.errors import HearthError

log = logging.getLogger("hearth.errors")
PROBLEM = "application/problem+json"


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where: `body`, `query`, `path` or `header`, then the field")
    msg: str
    type: str | None = None


class Problem(BaseModel):
    """What every error under /api answers (RFC 9457), as `application/problem+json`."""

    type: str = Field(description="A URI reference naming the kind of problem, e.g. `/problems/invalid`")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The path that was asked for")
    errors: list[FieldError] | None = Field(default=None, description="Each field at fault (422s)")


def problem(request: Request, status: int, title: str, detail: str, slug: str,
            errors: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"type": f"/problems/{slug}", "title": title, "status": status,
                            "detail": detail, "instance": request.url.path}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


def respond(request: Request, exc: Exception) -> Response:
    """Any error raised under /api as problem+json."""
    if isinstance(exc, HearthError):
        errors = exc.errors or ([{"loc": ["body", exc.field], "msg": exc.detail}] if exc.field else None)
        return problem(request, exc.status, exc.title, exc.detail, exc.type_slug, errors, exc.headers)
    if isinstance(exc, RequestValidationError):
        return problem(request, 422, "Invalid input", "The request does not have the expected shape",
                       "invalid", _validation_errors(exc))
    if isinstance(exc, StarletteHTTPException):
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Error")
        return problem(request, exc.status_code, title, str(exc.detail), title.lower().replace(" ", "-"),
                       headers=getattr(exc, "headers", None))
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(request, 500, "Something went wrong", "An unexpected error happened; it was logged.",
                   "internal")
