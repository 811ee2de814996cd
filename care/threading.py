"""Conversations rebuilt from reply references, whatever order the messages arrive in.

Every external id a channel has seen — a mention's own, the one it replies to, its
platform conversation id — is a key to one conversation. A mention joins the conversation
of any of its keys; when its keys lead to two conversations (a reply arrived before its
parent, and the parent's own replies started a thread of their own), they are merged.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from care import sources
from care.models import Conversation, ConversationKey, Mention, MentionTopic
from care.schemas import MentionIn
from hearth.db import upsert_insert


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


def roots(mentions: list[MentionIn]) -> dict[str, str]:
    """Each key of these mentions (external ids and the ids they reply to) and the conversation
    it belongs to within them, named by one of its keys: messages with the same root share it."""
    groups = _Groups()
    for mention in mentions:
        groups.join(_keys(mention))
    return {key: groups.find(key) for key in list(groups.parent)}


async def known_topics(session: AsyncSession, channel_id: int, mentions: list[MentionIn]) -> dict[str, set[int]]:
    """The keys of these mentions the channel has seen (their conversation is kept), each with
    the topics of that conversation's mentions (possibly none)."""
    keys = {key for mention in mentions for key in _keys(mention)}
    if not keys:
        return {}
    rows = await session.execute(
        select(ConversationKey.external_id, MentionTopic.topic_id).select_from(ConversationKey)
        .outerjoin(Mention, Mention.conversation_id == ConversationKey.conversation_id)
        .outerjoin(MentionTopic, MentionTopic.mention_id == Mention.id)
        .where(ConversationKey.channel_id == channel_id, ConversationKey.external_id.in_(keys)).distinct())
    found: dict[str, set[int]] = {}
    for key, topic_id in rows:
        found.setdefault(key, set()).update([topic_id] if topic_id is not None else [])
    return found


async def assign(session: AsyncSession, channel_id: int, mentions: list[MentionIn]) -> dict[str, int]:
    """The conversation of each mention, by its external id; creates and merges as needed."""
    groups = _Groups()
    for mention in mentions:
        groups.join(_keys(mention))
    keys = list(groups.parent)
    known = dict((await session.execute(select(ConversationKey.external_id, ConversationKey.conversation_id)
                                        .where(ConversationKey.channel_id == channel_id,
                                               ConversationKey.external_id.in_(keys)))).all())
    # Groups that reach the same stored conversation are one group: otherwise each would pick
    # its own survivor, and one could merge away (delete) the conversation the other chose.
    by_conversation: dict[int, list[str]] = {}
    for key, conversation_id in known.items():
        by_conversation.setdefault(conversation_id, []).append(key)
    for linked in by_conversation.values():
        groups.join(linked)
    by_root: dict[str, set[int]] = {}
    for key in keys:
        found = by_root.setdefault(groups.find(key), set())
        if key in known:
            found.add(known[key])
    earliest = sorted(mentions, key=lambda m: m.created_at, reverse=True)  # the earliest is written last
    first_seen = {groups.find(m.external_id): m.created_at for m in earliest}
    opener = {groups.find(m.external_id): m.external_id for m in earliest}
    chosen: dict[str, int] = {}
    fresh: dict[str, dict] = {}
    for root, conversation_ids in by_root.items():
        if conversation_ids:
            chosen[root] = await _survivor(session, conversation_ids)
        else:
            opened = first_seen[root]
            fresh[root] = {"channel_id": channel_id, "root_key": opener[root], "started_at": opened,
                           "last_at": opened, "mention_count": 0}
    if fresh:
        chosen.update(await _create(session, channel_id, fresh))
    await _add_keys(session, channel_id, {key: chosen[groups.find(key)] for key in keys if key not in known})
    return {m.external_id: chosen[groups.find(m.external_id)] for m in mentions}


async def _create(session: AsyncSession, channel_id: int, fresh: dict[str, dict]) -> dict[str, int]:
    """New conversations in one statement, then their ids by the keys that opened them. A
    conversation another worker opened with the same key a moment ago is simply shared."""
    await session.execute(upsert_insert(session, Conversation).on_conflict_do_nothing(), list(fresh.values()))
    ids = dict((await session.execute(select(Conversation.root_key, Conversation.id).where(
        Conversation.channel_id == channel_id,
        Conversation.root_key.in_([row["root_key"] for row in fresh.values()])))).all())
    return {root: ids[row["root_key"]] for root, row in fresh.items()}


async def _survivor(session: AsyncSession, ids: set[int]) -> int:
    """Of the conversations a batch links, the oldest stays; the others merge into it."""
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
    await sources.conversations_merged(session, survivor, others)  # their care items become one


async def _add_keys(session: AsyncSession, channel_id: int, keys: dict[str, int]) -> None:
    if not keys:
        return
    rows = [{"channel_id": channel_id, "external_id": k, "conversation_id": v} for k, v in keys.items()]
    # Another worker may have keyed the same message a moment ago: keep its key; the next
    # message that links the two conversations merges them.
    await session.execute(upsert_insert(session, ConversationKey).on_conflict_do_nothing(), rows)


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
