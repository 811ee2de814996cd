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
from hearth.security import csrf_token_for
from web.rendering import TOKEN_PLACEHOLDER, environment

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


async def serve(request: Request, *, version: Any, render: Render, overlay: Overlay) -> Response:
    """The page for this signed-in viewer: the audience's shared render with their slots put in.

    `render(audience)` renders the page for the stand-in viewer and returns its HTML and the
    state `overlay(state)` needs to give this viewer's slots (called on every request)."""
    account: Account = request.state.account
    viewers = audience(frozenset(account.roles))
    key = (request.url.path, request.url.query, i18n.current.get(), viewers.roles)
    now = time.monotonic()
    shared = _pages.get(key)
    if shared is None or shared.version != version or shared.expires < now:
        token = _sharing.set(True)
        try:
            html, state = await render(viewers)
        finally:
            _sharing.reset(token)
        shared = _pages[key] = Shared(version, _split(html), state, now + TTL_SECONDS)
        _pages.move_to_end(key)
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)
    fills = await overlay(shared.state)
    fills["viewer"] = viewer_menu(account)
    nonce = getattr(request.state, "csrf_nonce", None) or ""
    return HTMLResponse(_join(shared.parts, fills).replace(TOKEN_PLACEHOLDER, csrf_token_for(nonce)))


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
