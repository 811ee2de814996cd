"""Conversations rebuilt from reply references, whatever order the messages arrive in.

Every external id a channel has seen — a mention's own, the one it replies to, its
platform conversation id — is a key to one conversation. A mention joins the conversation
of any of its keys; when its keys lead to two conversations (a reply arrived before its
parent, and the parent's own replies started a thread of their own), they are merged.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import Conversation, ConversationKey, Mention
from care.schemas import MentionIn


def _keys(mention: MentionIn) -> list[str]:
    return [k for k in (mention.external_id, mention.parent_external_id, mention.conversation_external_id) if k]


class _Groups:
    """Union-find over the batch's keys: messages that share a key share a conversation."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, keys: list[str]) -> None:
        roots = [self.find(k) for k in keys]
        for root in roots[1:]:
            self.parent[root] = roots[0]


async def assign(session: AsyncSession, channel_id: int, mentions: list[MentionIn]) -> dict[str, int]:
    """The conversation of each mention, by its external id; creates and merges as needed."""
    groups = _Groups()
    for mention in mentions:
        groups.join(_keys(mention))
    keys = list(groups.parent)
    known = dict((await session.execute(select(ConversationKey.external_id, ConversationKey.conversation_id)
                                        .where(ConversationKey.channel_id == channel_id,
                                               ConversationKey.external_id.in_(keys)))).all())
    by_root: dict[str, set[int]] = {}
    for key in keys:
        found = by_root.setdefault(groups.find(key), set())
        if key in known:
            found.add(known[key])
    first_seen = {groups.find(_keys(m)[0]): m.created_at for m in sorted(mentions, key=lambda m: m.created_at,
                                                                         reverse=True)}
    chosen: dict[str, int] = {}
    for root, conversation_ids in by_root.items():
        chosen[root] = await _one_conversation(session, channel_id, conversation_ids, first_seen[root])
    await _add_keys(session, channel_id, {key: chosen[groups.find(key)] for key in keys if key not in known})
    return {m.external_id: chosen[groups.find(m.external_id)] for m in mentions}


async def _one_conversation(session: AsyncSession, channel_id: int, ids: set[int], started: datetime) -> int:
    if not ids:
        conversation = Conversation(channel_id=channel_id, started_at=started, last_at=started, mention_count=0)
        session.add(conversation)
        await session.flush()
        return conversation.id
    survivor, *others = sorted(ids)
    if others:
        await _merge(session, survivor, others)
    return survivor


async def _merge(session: AsyncSession, survivor: int, others: list[int]) -> None:
    await session.execute(update(Mention).where(Mention.conversation_id.in_(others))
                          .values(conversation_id=survivor).execution_options(synchronize_session=False))
    await session.execute(update(ConversationKey).where(ConversationKey.conversation_id.in_(others))
                          .values(conversation_id=survivor).execution_options(synchronize_session=False))
    await session.execute(delete(Conversation).where(Conversation.id.in_(others))
                          .execution_options(synchronize_session=False))
    await recount(session, [survivor])


async def _add_keys(session: AsyncSession, channel_id: int, keys: dict[str, int]) -> None:
    if not keys:
        return
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    rows = [{"channel_id": channel_id, "external_id": k, "conversation_id": v} for k, v in keys.items()]
    # Another worker may have keyed the same message a moment ago: keep its key; the next
    # message that links the two conversations merges them.
    await session.execute(insert(ConversationKey).values(rows).on_conflict_do_nothing())


async def recount(session: AsyncSession, conversation_ids: list[int]) -> None:
    """Counts and times of conversations, from their mentions (so merges and retries stay exact)."""
    if not conversation_ids:
        return
    mentions = select(func.count()).where(Mention.conversation_id == Conversation.id).scalar_subquery()
    first = select(func.min(Mention.published_at)).where(Mention.conversation_id == Conversation.id).scalar_subquery()
    last = select(func.max(Mention.published_at)).where(Mention.conversation_id == Conversation.id).scalar_subquery()
    await session.execute(update(Conversation).where(Conversation.id.in_(conversation_ids)).values(
        mention_count=mentions, started_at=func.coalesce(first, Conversation.started_at),
        last_at=func.coalesce(last, Conversation.last_at)).execution_options(synchronize_session=False))


async def count(session: AsyncSession, rows: list[Mention]) -> None:
    await session.flush()
    await recount(session, sorted({r.conversation_id for r in rows}))

