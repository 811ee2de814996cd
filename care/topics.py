"""Listening topics: their queries, and the in-process index every mention is matched with."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import query as queries
from care.models import Mention, Topic
from care.query import Document, TopicIndex
from care.schemas import TopicIn
from hearth import clock, saving
from hearth.errors import Conflict, Invalid, NotFound

HANDLE = re.compile(r"(?<![\w@])@(\w{1,50})")
_cached: tuple[object, TopicIndex | None] = (None, None)


def compile_topic(text: str, profiles: list[str]) -> queries.Query | None:
    """The parsed query (None when the topic only monitors profiles); a topic needs one or the other."""
    if not text.strip():
        if not profiles:
            raise Invalid("Give the topic a query, monitored profiles, or both", field="query")
        return None
    return queries.parse(text)


async def topic_index(session: AsyncSession) -> TopicIndex:
    """The active topics as one index, rebuilt only when a topic changed (in any process)."""
    global _cached
    # Adding, changing (deactivating included) or removing a topic moves one of these; each
    # is a lookup in an index, not a scan of thousands of topics for every received batch.
    stamp = tuple((await session.execute(select(
        select(func.count()).select_from(Topic).scalar_subquery(),
        select(func.max(Topic.id)).scalar_subquery(),
        select(func.max(Topic.updated_at)).scalar_subquery()))).one())
    index = _cached[1]
    if stamp != _cached[0] or index is None:
        topics = await session.scalars(select(Topic).where(Topic.active.is_(True)))
        index = TopicIndex((t.id, compile_topic(t.query, t.profiles), frozenset(t.profiles)) for t in topics)
        _cached = (stamp, index)
    return index


async def list_topics(session: AsyncSession) -> list[Topic]:
    return list(await session.scalars(select(Topic).order_by(Topic.active.desc(), Topic.name)))


async def get_topic(session: AsyncSession, topic_id: int) -> Topic:
    topic = await session.get(Topic, topic_id)
    if topic is None:
        raise NotFound("No such topic")
    return topic


async def save_topic(session: AsyncSession, data: TopicIn, topic_id: int | None = None) -> Topic:
    compile_topic(data.query, data.profiles)
    now = clock.now()
    topic = Topic(created_at=now) if topic_id is None else await get_topic(session, topic_id)
    if not await saving.add_unique(session, topic, name=data.name, query=data.query.strip(),
                                   profiles=data.profiles, active=data.active, updated_at=now):
        raise Conflict("Another topic has this name", field="name")
    return topic


def document(text: str, author: str) -> Document:
    """A mention as topics see it: its words, its author and the accounts it @mentions."""
    return Document.of(text, author=author.lower(), mentions=[h.lower() for h in HANDLE.findall(text)])


async def preview(session: AsyncSession, data: TopicIn, *, limit: int = 100_000) -> tuple[int, int]:
    """(stored mentions this topic would match, mentions looked at: the newest `limit`), before saving."""
    index = TopicIndex([(0, compile_topic(data.query, data.profiles), frozenset(data.profiles))])
    matched = seen = 0
    last_id: int | None = None
    while seen < limit:
        query = select(Mention.id, Mention.text, Mention.author_handle).order_by(Mention.id.desc()).limit(2_000)
        if last_id is not None:
            query = query.where(Mention.id < last_id)
        rows = (await session.execute(query)).all()
        if not rows:
            break
        matched += sum(1 for _id, text, author in rows if index.match(document(text, author)))
        seen += len(rows)
        last_id = rows[-1][0]
    return matched, seen
