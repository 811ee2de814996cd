"""Pages rendered once for every member who sees them alike, with each member's own parts put in.

Visitors get whole pages from `web.pagecache`. Signed-in members used to get a full render
each, although most of what they see is what every other member sees. A page served
through `serve` is rendered once per *audience* — the path, the interface language and the
roles that change what it shows (a moderator's extra controls) — and kept for its
*version*: a value the page reads anyway that changes whenever its content does (a thread's
`version` column). Each request then only puts in the viewer's own parts:

- in a template, `{% call slot("name") %}default{% endcall %}` marks a part that may be
  different for each viewer (their vote on a post, whether they follow, their held post);
- the page's `overlay` returns, for one viewer, the slots that differ from the default;
- the account menu in the header is the slot `viewer`, filled for every signed-in page.

The shared render is made for a stand-in viewer (`Audience`): it has the audience's roles
and no identity, so no member's private state can end up in what others are served. The
CSRF token is put in per response, as everywhere. A shared render lives at most `TTL`
seconds, so what a version does not cover (an author renaming themself) shows soon too.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fastapi import Request
from markupsafe import Markup
from starlette.responses import HTMLResponse, Response

from hearth import i18n
from hearth.accounts.models import Account, Role
from web import pagecache
from web.rendering import TOKEN_PLACEHOLDER, environment, is_htmx, respond

TTL_SECONDS = 60.0
MAX_PAGES = 2_000
_SLOT = re.compile(r"<!--slot:([\w.-]+)-->(.*?)<!--/slot:\1-->", re.S)
_sharing: ContextVar[bool] = ContextVar("hearth_sharing", default=False)


@dataclass(frozen=True)
class Audience:
    """Who a shared render is made for: roles, and nobody in particular."""

    roles: frozenset[Role]
    id: None = None
    display_name: str = ""
    handle: str = ""
    initials: str = ""
    unread_notifications: int = 0

    def has_role(self, role: Role | str) -> bool:
        return Role(role) in self.roles or Role.ADMIN in self.roles


@lru_cache(maxsize=64)
def audience(roles: frozenset[Role]) -> Audience:
    return Audience(roles)


def slot(name: str, caller: Callable[[], str]) -> Markup:
    """A part of a page that may be each viewer's own (see the module's docstring)."""
    inner = Markup(caller())
    if not _sharing.get():
        return inner
    return Markup(f"<!--slot:{name}-->") + inner + Markup(f"<!--/slot:{name}-->")


environment.globals["slot"] = slot

Part = str | tuple[str, str]  # text every viewer gets, or (slot name, its default)


@dataclass
class Shared:
    version: Any
    parts: list[Part]
    state: Any  # what the page kept from its render to fill a viewer's slots (its view)
    expires: float


_pages: OrderedDict[tuple[Any, ...], Shared] = OrderedDict()


def _split(html: str) -> list[Part]:
    parts: list[Part] = []
    position = 0
    for match in _SLOT.finditer(html):
        parts.append(html[position:match.start()])
        parts.append((match[1], match[2]))
        position = match.end()
    parts.append(html[position:])
    return parts


def _join(parts: list[Part], fills: dict[str, str]) -> str:
    return "".join(part if isinstance(part, str) else fills.get(part[0], part[1]) for part in parts)


Render = Callable[[Audience], Awaitable[tuple[str, Any]]]
Overlay = Callable[[Any], Awaitable[dict[str, str]]]


def _kept(key: tuple[Any, ...], version: Any) -> Shared | None:
    shared = _pages.get(key)
    if shared is None or shared.version != version or shared.expires < time.monotonic():
        return None
    return shared


def _keep(key: tuple[Any, ...], version: Any, html: str, state: Any) -> Shared:
    shared = _pages[key] = Shared(version, _split(html), state, time.monotonic() + TTL_SECONDS)
    _pages.move_to_end(key)
    while len(_pages) > MAX_PAGES:
        _pages.popitem(last=False)
    return shared


def _respond(request: Request, shared: Shared, fills: dict[str, str]) -> Response:
    fills["viewer"] = viewer_menu(request.state.account)
    return respond(request, _join(shared.parts, fills))


def _key(request: Request, *who: Any) -> tuple[Any, ...]:
    scope = request.scope  # (request.url would build and parse the whole URL)
    return (scope["path"], scope["query_string"], i18n.current.get(), *who)


async def serve(request: Request, *, version: Any, render: Render, overlay: Overlay) -> Response:
    """The page for this signed-in viewer: the audience's shared render with their slots put in.

    `render(audience)` renders the page for the stand-in viewer and returns its HTML and the
    state `overlay(state)` needs to give this viewer's slots (called on every request)."""
    viewers = audience(frozenset(request.state.account.roles))
    key = _key(request, viewers.roles)
    shared = _kept(key, version)
    if shared is None:
        token = _sharing.set(True)
        try:
            html, state = await render(viewers)
        finally:
            _sharing.reset(token)
        shared = _keep(key, version, html, state)
    return _respond(request, shared, await overlay(shared.state))


async def page(request: Request, *, version: Callable[[], Awaitable[Any]], render: Callable[[], Awaitable[Response]],
               private: bool = False) -> Response:
    """A page every viewer of the same roles sees alike but for the account menu: rendered once
    per audience and `version()`, for visitors through the visitors' cache.

    `render()` is the route's usual render. It runs with the stand-in viewer as the account,
    so the page may show what the roles allow but nothing of the viewer themself; a page
    that does (their own cases, their notifications) is `private`: kept per member and
    rendered for them. htmx fragments and anything but a 200 are never kept."""
    account = request.state.account
    if account is None:
        return await pagecache.serve(request, render)
    if request.method != "GET" or is_htmx(request):
        return await render()
    key = _key(request, account.id) if private else _key(request, frozenset(account.roles))
    current = await version()
    shared = _kept(key, current)
    if shared is None:
        token = _sharing.set(True)
        request.state.csrf_placeholder = True
        if not private:
            request.state.account = audience(frozenset(account.roles))
        try:
            response = await render()
        finally:
            _sharing.reset(token)
            request.state.csrf_placeholder = False
            request.state.account = account
        if response.status_code != 200 or not isinstance(response, HTMLResponse):
            return response
        shared = _keep(key, current, bytes(response.body).decode(), None)
    return _respond(request, shared, {})


_menus: OrderedDict[tuple[Any, ...], str] = OrderedDict()


def viewer_menu(account: Account) -> str:
    """The header's account menu for this member (their name, their unread count)."""
    key = (account.id, account.display_name, account.handle, account.unread_notifications, i18n.current.get())
    found = _menus.get(key)
    if found is None:
        found = _menus[key] = environment.get_template("_viewer.html").render(
            account=account, csrf_token=TOKEN_PLACEHOLDER)
        if len(_menus) > MAX_PAGES:
            _menus.popitem(last=False)
    return found


def clear() -> None:
    _pages.clear()
    _menus.clear()
