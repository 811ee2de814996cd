"""Pages rendered once for every member who sees them alike, with each member's own parts put in.

Visitors get whole pages from `web.pagecache`. Signed-in members used to get a full render
each, although most of what they see is what every other member sees. A page served
through `serve` is rendered once per *audience* — the path, the interface language and the
roles that change what it shows (a moderator's extra controls) — and kept for its
*version*: a value the page reads anyway that changes whenever its content does (a thread's
`version` column). Each request then only puts in the viewer's own parts:

- in a template, `{% call slot("name") %}default{% endcall %}` marks a part that may be
  different for each viewer (their vote on a post, whether they follow, their held post);
- for one viewer, the page's `Look` reads what is theirs (their votes) with the page's
  version, in the statement that reads their session, and `own_parts` gives the slots
  that differ from the default (worked out once per viewer and what the Look read, then
  kept with the page);
- the account menu in the header is the slot `viewer`, filled for every signed-in page.

A `Look` works from the session and the viewer it is given, not from the first request's:
a kept page is then answered by `web.lane` before FastAPI routes the request at all, and
only a page that changed (or was never kept) goes to its route.

The shared render is made for a stand-in viewer (`Audience`): it has the audience's roles
and no identity, so no member's private state can end up in what others are served. The
CSRF token is put in per response, as everywhere. A shared render lives at most `TTL`
seconds, so what a version does not cover (an author renaming themself) shows soon too.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fastapi import Request
from markupsafe import Markup
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

from hearth import i18n, versions
from hearth.accounts.models import Account, Role
from hearth.db import Prepared
from web import pagecache
from web.rendering import TOKEN_PLACEHOLDER, environment, is_htmx, split_token, token_bytes

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

# What every viewer gets, the CSRF token's place (None), or (slot name, its default); UTF-8.
# A slot's text is kept cut where the token goes (`split_token`), as every kept page is.
Part = bytes | None | tuple[str, list[bytes]]

Parts = Callable[[Any, Account, Any], dict[str, str]]
MEMO_SIZE = 64  # viewers' slots kept per page


class Look:
    """What a kept page reads about itself for each viewer, with the viewer's session, in the
    one statement a kept page costs.

    `columns` are scalar subqueries in which `Account.id` is the viewer and whose bind
    parameters are the page's `params` (its thread id, say; never `token_hash` or `viewer_id`);
    `read(db, viewer, values)` makes of their values the page's version now (None: it may not
    be kept) and what is the viewer's own on it (hashable: their votes, say). The versions of
    tables come along with every session (`hearth.versions.of` then costs nothing). Made once,
    where the page is defined: the statement is compiled once per Look."""

    def __init__(self, read: Callable[[AsyncSession, Account, tuple[Any, ...]], Awaitable[tuple[Any, Hashable]]],
                 columns: tuple[Any, ...] = ()) -> None:
        self.read = read
        self.columns = columns
        self._alone = Prepared(select(*columns).select_from(Account).where(Account.id == bindparam("viewer_id"))) \
            if columns else None

    async def now(self, db: AsyncSession, viewer: Account, params: dict[str, Any]) -> tuple[Any, Hashable]:
        """Read on its own (when the session was read without it: the route's way)."""
        values = (await self._alone.first(db, viewer_id=viewer.id, **params) or ()) if self._alone else ()
        return await self.read(db, viewer, values)


def tables(*names: str) -> Look:
    """A page whose version is the content versions of the tables it shows (hearth.versions)."""
    async def read(db: AsyncSession, _viewer: Account, _values: tuple[Any, ...]) -> tuple[tuple[int, ...], None]:
        return await versions.of(db, *names), None

    return Look(read)


@dataclass
class Shared:
    version: Any
    parts: list[Part]
    state: Any  # what the page kept from its render to fill a viewer's slots (its view)
    expires: float
    own_parts: Parts | None
    route: Any  # the route that rendered it (for the request metrics of web.lane's answers)
    memo: OrderedDict[tuple[Any, ...], dict[str, list[bytes]]] = field(default_factory=OrderedDict)


_pages: OrderedDict[tuple[Any, ...], Shared] = OrderedDict()
# For each path and query kept: how many renders, and the page's Look and its params (web.lane).
_paths: dict[tuple[str, bytes], tuple[int, Look, dict[str, Any]]] = {}


def _split(html: str) -> list[Part]:
    parts: list[Part] = []

    def common(text: str) -> None:
        for piece in split_token(text.encode()):
            parts.extend((piece, None))
        parts.pop()

    position = 0
    for match in _SLOT.finditer(html):
        common(html[position:match.start()])
        parts.append((match[1], split_token(match[2].encode())))
        position = match.end()
    common(html[position:])
    return parts


def _join(parts: list[Part], fills: dict[str, list[bytes]], token: bytes) -> bytes:
    out = []
    for part in parts:
        if part is None:
            out.append(token)
        elif isinstance(part, bytes):
            out.append(part)
        else:
            out.append(token.join(fills.get(part[0], part[1])))
    return b"".join(out)


Render = Callable[[Audience], Awaitable[tuple[str, Any]]]


def kept(key: tuple[Any, ...]) -> Shared | None:
    """The render kept under this key, if it has not outlived `TTL_SECONDS`."""
    shared = _pages.get(key)
    if shared is None or shared.expires < time.monotonic():
        return None
    return shared


def _kept(key: tuple[Any, ...], version: Any) -> Shared | None:
    shared = kept(key)
    if shared is None or version is None or shared.version != version:
        return None
    return shared


def _shared(request: Request, version: Any, html: str, state: Any, own_parts: Parts | None = None) -> Shared:
    return Shared(version, _split(html), state, time.monotonic() + TTL_SECONDS, own_parts, request.scope.get("route"))


def _keep(key: tuple[Any, ...], shared: Shared, look: Look, params: dict[str, Any]) -> Shared:
    count = _paths.get(key[:2], (0,))[0]
    _paths[key[:2]] = (count + (key not in _pages), look, params)
    _pages[key] = shared
    _pages.move_to_end(key)
    while len(_pages) > MAX_PAGES:
        _forget_path(_pages.popitem(last=False)[0])
    return shared


def _forget_path(key: tuple[Any, ...]) -> None:
    count, look, params = _paths[key[:2]]
    if count > 1:
        _paths[key[:2]] = (count - 1, look, params)
    else:
        del _paths[key[:2]]


def fill(shared: Shared, viewer: Account, mine: Hashable, nonce: str | None) -> bytes:
    """A kept render for this viewer: their own slots, account menu and CSRF token put in.

    The slots are worked out once per viewer and what `look` read as theirs, and kept with the render."""
    fills: dict[str, list[bytes]] = {}
    if shared.own_parts is not None:
        memo_key = (viewer.id, frozenset(viewer.roles), mine)
        found = shared.memo.get(memo_key)
        if found is None:
            found = shared.memo[memo_key] = {name: split_token(text.encode()) for name, text
                                             in shared.own_parts(shared.state, viewer, mine).items()}
            if len(shared.memo) > MEMO_SIZE:
                shared.memo.popitem(last=False)
        fills.update(found)
    fills["viewer"] = viewer_menu(viewer)
    return _join(shared.parts, fills, token_bytes(nonce))


def key(scope: Scope, viewers: Any) -> tuple[Any, ...]:
    """What a render is kept under: the path and query, the interface language, and who (`who`)."""
    return (scope["path"], scope["query_string"], i18n.current.get(), viewers)


def who(account: Account, *, private: bool) -> Any:
    """An audience's roles, or for a private page the member with their roles: a page kept for
    someone is never served to them once their roles change (the route checks them again)."""
    roles = frozenset(account.roles)
    return (account.id, roles) if private else roles


def _respond(request: Request, shared: Shared, mine: Hashable = None) -> Response:
    return HTMLResponse(fill(shared, request.state.account, mine, request.state.csrf_nonce))


async def serve(request: Request, db: AsyncSession, *, look: Look, params: dict[str, Any], render: Render,
                own_parts: Parts) -> Response:
    """The page for this signed-in viewer: the audience's shared render with their slots put in.

    `look` (with this page's `params`) gives its version now and what is the viewer's own on it.
    `render(audience)` renders the page for the stand-in viewer and returns its HTML and the
    state (its view) the slots are made from; `own_parts(state, viewer, what look read as
    theirs)` gives the slots that differ for them."""
    account = request.state.account
    viewers = audience(frozenset(account.roles))
    found_key = key(request.scope, viewers.roles)
    current, mine = await look.now(db, account, params)
    shared = _kept(found_key, current)
    if shared is None:
        token = _sharing.set(True)
        try:
            html, state = await render(viewers)
        finally:
            _sharing.reset(token)
        shared = _shared(request, current, html, state, own_parts)
        if current is not None:  # (None: changing as we speak; served, not kept)
            _keep(found_key, shared, look, params)
    return _respond(request, shared, mine)


async def page(request: Request, db: AsyncSession, *, look: Look, render: Callable[[], Awaitable[Response]],
               params: dict[str, Any] | None = None, private: bool = False) -> Response:
    """A page every viewer of the same roles sees alike but for the account menu: rendered once
    per audience and the version `look` reads, for visitors through the visitors' cache.

    `render()` is the route's usual render. It runs with the stand-in viewer as the account,
    so the page may show what the roles allow but nothing of the viewer themself; a page
    that does (their own cases, their notifications) is `private`: kept per member and
    rendered for them. htmx fragments and anything but a 200 are never kept."""
    account = request.state.account
    if account is None:
        return await pagecache.serve(request, render)
    if request.method != "GET" or is_htmx(request):
        return await render()
    found_key = key(request.scope, who(account, private=private))
    params = params or {}
    current, _mine = await look.now(db, account, params)
    shared = _kept(found_key, current)
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
        shared = _keep(found_key, _shared(request, current, bytes(response.body).decode(), None), look, params)
    return _respond(request, shared)


_menus: OrderedDict[tuple[Any, ...], list[bytes]] = OrderedDict()


def viewer_menu(account: Account) -> list[bytes]:
    """The header's account menu for this member (their name, their unread count)."""
    key = (account.id, account.display_name, account.handle, account.unread_notifications, i18n.current.get())
    found = _menus.get(key)
    if found is None:
        found = _menus[key] = split_token(environment.get_template("_viewer.html").render(
            account=account, csrf_token=TOKEN_PLACEHOLDER).encode())
        if len(_menus) > MAX_PAGES:
            _menus.popitem(last=False)
    return found


def look_here(scope: Scope) -> tuple[Look, dict[str, Any]] | None:
    """The Look of the page at this path and query and its params, if some render of it is kept
    (for anyone, in any language)."""
    found = _paths.get((scope["path"], scope["query_string"]))
    return None if found is None else found[1:]


def clear() -> None:
    _pages.clear()
    _paths.clear()
    _menus.clear()
