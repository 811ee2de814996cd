"""The kept-page lane: a page already kept for this viewer is answered before FastAPI routes it.

Routing a request through FastAPI (its middleware stack, the route match, solving the
dependencies, building a Request and a Response) costs several times what a kept page
itself needs: to know the viewer, to check that the page has not changed, and to put in
the viewer's own parts. So a GET for a page that `web.pagecache` (visitors) or `web.shared`
(members) has kept is answered here, from what the page's route left with its render: its
`Look` (its version now, and the viewer's own part). Everything else — a first visit, a
page that changed, a form, an htmx fragment, an API call, anything unusual — goes to FastAPI
as it always did, and it is the route that keeps a page in the first place: the lane never
decides what a page shows or who may see it, it only serves again what the route served.

What the lane checks on every request is what the route's own path checks: the session
(sign-out, expiry, deactivation, a role change: `resolve_session` and the audience in the
key) and the page's version, read in one statement with the viewer's own part of the page.
It runs inside `hearth.middleware.RequestContext`, so its answers get the same language,
CSRF cookie, security headers and metrics.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Receive, Scope, Send

from hearth import i18n
from hearth.accounts import service as accounts
from hearth.db import get_database
from hearth.security import SESSION_COOKIE
from web import pagecache, shared
from web.rendering import join_token

log = logging.getLogger(__name__)
_SKIP = frozenset({b"authorization", b"hx-request"})  # API tokens and htmx fragments: always the route


class KeptLane:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        page = None
        if scope["type"] == "http" and scope["method"] == "GET" and not any(n in _SKIP for n, _ in scope["headers"]):
            page = await answer(scope)
        if page is None:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(page)).encode())]})
        await send({"type": "http.response.body", "body": page})


async def answer(scope: Scope) -> bytes | None:
    """The kept page for this request, or None when the route must answer."""
    state = scope["state"]
    token = state["cookies"].get(SESSION_COOKIE)
    if token is None:
        hit = pagecache.kept(scope)
        if hit is None:
            return None
        scope["route"] = hit[2]
        return join_token(hit[1], state["csrf_nonce"])
    here = shared.look_here(scope)
    if here is None:  # (before the session is read: most other requests end here)
        return None
    session = get_database().sessionmaker()
    try:
        page = await _for_member(scope, session, token, *here, state["csrf_nonce"])
        if session.in_transaction():
            await session.commit()  # what resolving the session wrote (when it was last seen)
    except Exception:
        log.debug("the kept-page lane gave way to the route", exc_info=True)
        with suppress(Exception):
            await session.rollback()
        return None
    finally:
        await session.close()
    return page


async def _for_member(scope: Scope, session: AsyncSession, token: str, look: shared.Look, params: dict[str, Any],
                      nonce: str) -> bytes | None:
    # The session, the versions and what the page reads about itself: one statement.
    check = await accounts.resolve_session(session, token, look.columns, **params)
    account = check.account
    if account is None:  # signed out or expired: the route says so, or serves the visitor's page
        scope["state"]["signed_out"] = (token, check)
        return None
    if account.language:
        i18n.current.set(account.language)
        scope["state"]["language"] = account.language
    found = (shared.kept(shared.key(scope, shared.who(account, private=True)))
             or shared.kept(shared.key(scope, shared.who(account, private=False))))
    if found is None:
        return None
    current, mine = await look.read(session, account, check.also)
    if current is None or current != found.version:
        return None
    scope["route"] = found.route
    return shared.fill(found, account, mine, nonce)
