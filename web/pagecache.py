"""A short-lived cache of whole pages for visitors who are not signed in.

Most readers of a community arrive from a search engine, signed out, and read the same
popular threads; rendering each of those pages for every visit is wasted work. Like
Discourse's anonymous cache, pages are kept a few seconds per process: a visitor may see
an answer up to TTL seconds late, a signed-in member never does (they always get a fresh
render). The CSRF token, the one per-visitor value on such a page, is put in per response.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from fastapi import Request
from starlette.responses import HTMLResponse, Response

from hearth import i18n
from hearth.security import csrf_token_for
from web.rendering import TOKEN_PLACEHOLDER

TTL_SECONDS = 10.0
MAX_PAGES = 2_000

_pages: OrderedDict[tuple[str, str], tuple[float, bytes]] = OrderedDict()


def cacheable(request: Request) -> bool:
    return (request.method == "GET" and getattr(request.state, "account", None) is None
            and request.headers.get("hx-request") != "true")


async def serve(request: Request, render: Callable[[], Awaitable[Response]]) -> Response:
    """The cached page for this visitor's language, or a fresh render that is then kept."""
    if not cacheable(request):
        return await render()
    key = (str(request.url.path) + "?" + request.url.query, i18n.current.get())
    now = time.monotonic()
    hit = _pages.get(key)
    if hit is None or hit[0] < now:
        request.state.csrf_placeholder = True
        response = await render()
        if response.status_code != 200:
            return response
        hit = (now + TTL_SECONDS, bytes(response.body))
        _pages[key] = hit
        _pages.move_to_end(key)
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)
    nonce = getattr(request.state, "csrf_nonce", "")
    body = hit[1].replace(TOKEN_PLACEHOLDER.encode(), csrf_token_for(nonce).encode())
    return HTMLResponse(body)


def clear() -> None:
    _pages.clear()
