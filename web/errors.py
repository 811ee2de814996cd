"""Errors on pages: a readable page, an htmx toast, or a trip to the sign-in page."""

from __future__ import annotations

import logging
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response

from hearth import i18n
from hearth.errors import HearthError, Unauthorized
from web.forms import safe_next
from web.rendering import is_htmx, render

_ = i18n.gettext
log = logging.getLogger("hearth.errors")

TITLES = {
    400: "This request cannot be handled",
    401: "Please sign in",
    403: "Not allowed",
    404: "Page not found",
    405: "This page does not accept that",
    409: "That conflicts with something",
    422: "Please check what you entered",
    429: "Slow down a little",
    500: "Something went wrong on our side",
    503: "Back in a moment",
}

HINTS = {
    404: "The page may have moved, or the link is mistyped.",
    500: "It was logged and the team will look into it. Try again in a moment.",
    422: "Some of the values you sent are not valid.",
}


def _return_path(request: Request) -> str:
    """Where to come back after signing in: this page, or for a form post the page it came from."""
    if request.method == "GET":
        return request.url.path
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.url.netloc and referer.path:
        return safe_next(referer.path)
    return "/"


def render_error(request: Request, status: int, exc: HearthError | None,
                 headers: dict[str, str] | None = None) -> Response:
    if isinstance(exc, Unauthorized):
        target = "/signin?next=" + quote(_return_path(request), safe="")
        if getattr(request.state, "session_expired", False):
            target += "&expired=1"
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    title = _(TITLES.get(status, "Something went wrong"))
    message = exc.translated(_) if exc else _(HINTS.get(status, ""))
    all_headers = {**(exc.headers if exc else {}), **(headers or {})}
    if is_htmx(request):
        all_headers.update({"HX-Retarget": "#toasts", "HX-Reswap": "beforeend"})
        return render(request, "_toast.html", {"kind": "error", "message": message or title},
                      status_code=status, headers=all_headers)
    return render(request, "error.html", {"status": status, "title": title, "message": message},
                  status_code=status, headers=all_headers)


def respond(request: Request, exc: Exception) -> Response:
    """Any error raised on a page: a readable page, a toast, or the way to sign in."""
    if isinstance(exc, HearthError):
        return render_error(request, exc.status, exc)
    if isinstance(exc, RequestValidationError):
        # A path that does not validate (/t/99999999999999999999) names a page that cannot exist.
        in_path = all(error.get("loc", ("",))[0] == "path" for error in exc.errors())
        return render_error(request, 404 if in_path else 422, None)
    if isinstance(exc, StarletteHTTPException):
        return render_error(request, exc.status_code, None, headers=getattr(exc, "headers", None))
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return render_error(request, 500, None)
