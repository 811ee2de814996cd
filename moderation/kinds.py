"""The content kinds moderation can act on, registered by the domains that own them.

Moderation must never import a product domain (arrows point down), yet approving a held
answer has to publish it. So each domain registers an adapter for its kinds — how to show
a batch of items, how to change one's state, how a moderator's edit is applied — and
moderation calls it inside the same transaction as the queue change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from hearth.accounts.models import Account
from hearth.domains import load_handlers
from hearth.errors import NotFound
from moderation.models import ContentState


@dataclass(frozen=True, slots=True)
class ContentView:
    kind: str
    id: int
    author_id: int | None
    title: str
    body: str
    body_html: str
    url: str
    state: ContentState
    created_at: datetime
    context: str = ""         # the thread, product or idea this belongs to
    context_excerpt: str = ""  # e.g. the question an answer replies to
    language: str | None = None


class ContentKind(Protocol):
    name: str
    label: str  # an English msgid, e.g. "Forum post"

    async def views(self, session: AsyncSession, ids: list[int]) -> dict[int, ContentView]:
        """The items that still exist, by id; one query per batch, never one per item."""
        ...

    async def set_state(self, session: AsyncSession, content_id: int, state: ContentState) -> None: ...

    async def replace_text(self, session: AsyncSession, content_id: int, text: str, editor: Account) -> None:
        """A moderator's edit; the text has already been screened and masked."""
        ...


_kinds: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> ContentKind:
    _kinds[kind.name] = kind
    return kind


def get(name: str) -> ContentKind:
    load_handlers()  # the domains register their kinds when their handlers load
    try:
        return _kinds[name]
    except KeyError:
        raise NotFound("No such kind of content") from None


def names() -> list[str]:
    load_handlers()
    return sorted(_kinds)


async def view(session: AsyncSession, kind: str, content_id: int) -> ContentView:
    found = (await get(kind).views(session, [content_id])).get(content_id)
    if found is None:
        raise NotFound("This content no longer exists")
    return found


async def views(session: AsyncSession, refs: list[tuple[str, int]]) -> dict[tuple[str, int], ContentView]:
    """Views for many items of mixed kinds: one batch per kind."""
    by_kind: dict[str, list[int]] = {}
    for kind, content_id in refs:
        by_kind.setdefault(kind, []).append(content_id)
    found: dict[tuple[str, int], ContentView] = {}
    for kind, ids in by_kind.items():
        for content_id, item in (await get(kind).views(session, ids)).items():
            found[(kind, content_id)] = item
    return found
