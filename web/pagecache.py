"""A short-lived cache of whole pages for visitors who are not signed in.

Most readers of a community arrive from a search engine, signed out, and read the same
popular threads; rendering each of those pages for every visit is wasted work. Like
Discourse's anonymous cache, pages are kept a few seconds per process: a visitor may see
an answer up to TTL seconds late, a signed-in member never does (they always get a fresh
render). The CSRF token, the one per-visitor value on such a page, is put in per response.
A page kept here is answered by `web.lane` before FastAPI routes the request.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

from hearth import i18n
from web.rendering import join_token, split_token

TTL_SECONDS = 10.0
MAX_PAGES = 2_000

# (expires, the page cut where the CSRF token goes, the route)
_pages: OrderedDict[tuple[Any, ...], tuple[float, list[bytes], Any]] = OrderedDict()


def cacheable(request: Request) -> bool:
    return (request.method == "GET" and getattr(request.state, "account", None) is None
            and request.headers.get("hx-request") != "true")


async def serve(request: Request, render: Callable[[], Awaitable[Response]]) -> Response:
    """The cached page for this visitor's language, or a fresh render that is then kept."""
    if not cacheable(request):
        return await render()
    key = _key(request.scope)
    hit = kept(request.scope)
    if hit is None:
        request.state.csrf_placeholder = True
        response = await render()
        if response.status_code != 200:
            return response
        hit = (time.monotonic() + TTL_SECONDS, split_token(bytes(response.body)), request.scope.get("route"))
        _pages[key] = hit
        _pages.move_to_end(key)
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)
    return HTMLResponse(join_token(hit[1], getattr(request.state, "csrf_nonce", "")))


def _key(scope: Scope) -> tuple[Any, ...]:
    return (scope["path"], scope["query_string"], i18n.current.get())


def kept(scope: Scope) -> tuple[float, list[bytes], Any] | None:
    """The page kept for this path, query and language: (expires, page, route), if still fresh."""
    hit = _pages.get(_key(scope))
    return None if hit is None or hit[0] < time.monotonic() else hit


def clear() -> None:
    _pages.clear()
