"""The only code that writes social listening's tables (with care.ingest, care.threading and
care.jobs, its rooms for the pipeline). Services flush; the request commits.

Channels and their credentials, the mention stream and its conversations, agents'
sentiment corrections (which retrain the model), and smart delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import ingest, threading, topics
from care.models import (
    Channel,
    ChannelKind,
    Conversation,
    Mention,
    MentionTopic,
    Sentiment,
    SentimentCorrection,
    SentimentModel,
    SmartDelete,
    Topic,
)
from care.schemas import ChannelIn
from care.topics import topic_index
from hearth import clock, events, paging, saving
from hearth.accounts.models import Account
from hearth.errors import Conflict, Invalid, NotFound
from hearth.security import decrypt_secret, encrypt_secret, secret_hint
from hearth.untrusted import safe_url

PAGE = 50


# --- channels ---------------------------------------------------------------------------------

async def list_channels(session: AsyncSession) -> list[Channel]:
    return list(await session.scalars(select(Channel).order_by(Channel.kind, Channel.name)))


async def get_channel(session: AsyncSession, channel_id: int) -> Channel:
    channel = await session.get(Channel, channel_id)
    if channel is None:
        raise NotFound("No such channel")
    return channel


async def channel_by_name(session: AsyncSession, name: str) -> Channel:
    channel = await session.scalar(select(Channel).where(Channel.name == name))
    if channel is None:
        raise NotFound("No channel is called %(name)s", name=name[:80])
    return channel


def _check_account(data: ChannelIn) -> None:
    if data.kind == "feed" and safe_url(data.account) is None:
        raise Invalid("A feed needs its address, starting with https://", field="account")
    if data.kind in ("x", "facebook") and not data.account.strip():
        raise Invalid("Say which account of the brand this is (X handle or Facebook page id)", field="account")


async def save_channel(session: AsyncSession, data: ChannelIn, channel_id: int | None = None) -> Channel:
    """Create or change a channel. Secrets are write-only: left empty, the stored one stays."""
    _check_account(data)
    now = clock.now()
    channel = Channel(created_at=now, kind=ChannelKind(data.kind)) if channel_id is None else await get_channel(
        session, channel_id)
    if channel_id is not None and channel.kind != ChannelKind(data.kind):
        raise Invalid("A channel's kind cannot change; add a new channel instead", field="kind")
    values: dict[str, Any] = {"name": data.name, "account": data.account.strip().lstrip("@"), "news": data.news,
                              "poll_minutes": data.poll_minutes, "active": data.active, "updated_at": now}
    if data.secret:
        values.update(secret_encrypted=encrypt_secret(data.secret), secret_hint=secret_hint(data.secret))
    if data.verify_token:
        values["verify_token_encrypted"] = encrypt_secret(data.verify_token)
    if data.access_token:
        values["access_token_encrypted"] = encrypt_secret(data.access_token)
    if channel.kind in (ChannelKind.X, ChannelKind.FACEBOOK) and not values.get("secret_encrypted",
                                                                               channel.secret_encrypted):
        raise Invalid("This channel needs its secret to check that messages really come from the platform",
                      field="secret")
    if channel.kind == ChannelKind.FEED and channel.next_poll_at is None:
        values["next_poll_at"] = now
    if not await saving.add_unique(session, channel, **values):
        raise Conflict("Another channel has this name", field="name")
    return channel


def channel_secret(channel: Channel) -> str | None:
    return decrypt_secret(channel.secret_encrypted) if channel.secret_encrypted else None


def channel_verify_token(channel: Channel) -> str | None:
    return decrypt_secret(channel.verify_token_encrypted) if channel.verify_token_encrypted else None


def channel_access_token(channel: Channel) -> str | None:
    return decrypt_secret(channel.access_token_encrypted) if channel.access_token_encrypted else None


# --- the mention stream -----------------------------------------------------------------------

@dataclass
class StreamFilter:
    topic_id: int | None = None
    channel_id: int | None = None
    language: str | None = None
    sentiment: Sentiment | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass
class MentionRow:
    mention: Mention
    channel: Channel
    topics: list[str]


async def stream(session: AsyncSession, filters: StreamFilter, *, cursor: str | None = None,
                 limit: int = PAGE) -> tuple[list[MentionRow], str | None]:
    """Mentions newest first, filtered; a cursor pages on through (published time, id)."""
    query = select(Mention, Channel).join(Channel, Channel.id == Mention.channel_id)
    if filters.topic_id is not None:
        query = query.where(exists().where(MentionTopic.mention_id == Mention.id,
                                           MentionTopic.topic_id == filters.topic_id))
    for column, value in ((Mention.channel_id, filters.channel_id), (Mention.language, filters.language),
                          (Mention.sentiment, filters.sentiment)):
        if value is not None:
            query = query.where(column == value)
    if filters.since is not None:
        query = query.where(Mention.published_at >= filters.since)
    if filters.until is not None:
        query = query.where(Mention.published_at < filters.until)
    if cursor:
        at, last_id = paging.decode(cursor, datetime, paging.BigInt)
        query = query.where(or_(Mention.published_at < at, and_(Mention.published_at == at, Mention.id < last_id)))
    rows = (await session.execute(query.order_by(Mention.published_at.desc(), Mention.id.desc())
                                  .limit(limit + 1))).all()
    names = await topic_names(session, [m.id for m, _c in rows[:limit]])
    items = [MentionRow(m, c, names.get(m.id, [])) for m, c in rows[:limit]]
    more = paging.encode(items[-1].mention.published_at, items[-1].mention.id) if len(rows) > limit else None
    return items, more


async def topic_names(session: AsyncSession, mention_ids: list[int]) -> dict[int, list[str]]:
    if not mention_ids:
        return {}
    found: dict[int, list[str]] = {}
    for mention_id, name in (await session.execute(
            select(MentionTopic.mention_id, Topic.name).join(Topic, Topic.id == MentionTopic.topic_id)
            .where(MentionTopic.mention_id.in_(mention_ids)).order_by(Topic.name))).all():
        found.setdefault(mention_id, []).append(name)
    return found


async def get_mention(session: AsyncSession, mention_id: int) -> Mention:
    mention = await session.get(Mention, mention_id)
    if mention is None:
        raise NotFound("No such mention")
    return mention


@dataclass
class ConversationView:
    conversation: Conversation
    channel: Channel
    mentions: list[Mention]
    topics: dict[int, list[str]]


async def conversation(session: AsyncSession, conversation_id: int) -> ConversationView:
    found = await session.get(Conversation, conversation_id)
    if found is None:
        raise NotFound("No such conversation")
    mentions = list(await session.scalars(select(Mention).where(Mention.conversation_id == found.id)
                                          .order_by(Mention.published_at, Mention.id).limit(500)))
    return ConversationView(found, await get_channel(session, found.channel_id), mentions,
                            await topic_names(session, [m.id for m in mentions]))


# --- sentiment corrections --------------------------------------------------------------------

async def correct_sentiment(session: AsyncSession, agent: Account, mention_id: int, label: str) -> Mention:
    mention = await get_mention(session, mention_id)
    after = Sentiment(label)
    now = clock.now()
    if mention.sentiment != after or mention.sentiment_source != "agent":
        session.add(SentimentCorrection(mention_id=mention.id, agent_id=agent.id, before=mention.sentiment,
                                        after=after, text=mention.text, language=mention.language, created_at=now))
        events.publish(session, "care.sentiment_corrected", mention_id=mention.id)
    mention.sentiment, mention.sentiment_score, mention.sentiment_source = after, _score(after), "agent"
    mention.handled_at = mention.handled_at or now
    await session.flush()
    return mention


def _score(label: Sentiment) -> float:
    return {Sentiment.POSITIVE: 1.0, Sentiment.NEUTRAL: 0.0, Sentiment.NEGATIVE: -1.0}[label]


async def corrections(session: AsyncSession, mention_id: int) -> list[tuple[SentimentCorrection, Account | None]]:
    rows = await session.execute(select(SentimentCorrection, Account)
                                 .outerjoin(Account, Account.id == SentimentCorrection.agent_id)
                                 .where(SentimentCorrection.mention_id == mention_id)
                                 .order_by(SentimentCorrection.id))
    return [(c, a) for c, a in rows.all()]


async def correction_examples(session: AsyncSession) -> list[tuple[str, str | None, str]]:
    """What the sentiment model learns from: every corrected text with the latest word on it."""
    latest: dict[int, tuple[str, str | None, str]] = {}
    for mention_id, text, language, after in await session.execute(
            select(SentimentCorrection.mention_id, SentimentCorrection.text, SentimentCorrection.language,
                   SentimentCorrection.after).order_by(SentimentCorrection.id)):
        latest[mention_id] = (text, language, str(after))
    return list(latest.values())


async def store_model(session: AsyncSession, data: dict[str, Any], examples: int) -> SentimentModel:
    """Keep a newly trained model (CorrectionModel.to_json()) in place of the previous one."""
    stored = SentimentModel(data=data, examples=examples, trained_at=clock.now())
    session.add(stored)
    await session.flush()
    await session.execute(delete(SentimentModel).where(SentimentModel.id < stored.id))
    return stored


# --- smart delete -----------------------------------------------------------------------------

@dataclass
class SmartDeletePlan:
    unmatched: list[int]  # mentions no active topic matches any more, nobody handled
    kept_handled: int     # would go, but an agent worked on them


async def plan_smart_delete(session: AsyncSession, *, limit: int = 200_000) -> SmartDeletePlan:
    index = await topic_index(session)
    unmatched: list[int] = []
    kept = 0
    last_id = None
    seen = 0
    while seen < limit:
        query = select(Mention.id, Mention.text, Mention.author_handle, Mention.handled_at).order_by(
            Mention.id).limit(5_000)
        if last_id is not None:
            query = query.where(Mention.id > last_id)
        rows = (await session.execute(query)).all()
        if not rows:
            break
        for mention_id, text, author, handled_at in rows:
            if index.match(topics.document(text, author)):
                continue
            if handled_at is not None:
                kept += 1
            else:
                unmatched.append(mention_id)
        seen += len(rows)
        last_id = rows[-1][0]
    return SmartDeletePlan(unmatched, kept)


async def smart_delete(session: AsyncSession, actor: Account, *, expected: int) -> SmartDelete:
    """Delete the mentions the current topics no longer match (never those agents handled).

    `expected` is the count the preview showed: if topics or mentions changed since, the
    agent is told instead of deleting something they did not see."""
    plan = await plan_smart_delete(session)
    if expected != len(plan.unmatched):
        raise Conflict("The topics or mentions changed since the preview (%(now)s to delete now, %(then)s "
                       "before). Look at the preview again.", now=len(plan.unmatched), then=expected)
    conversations = set()
    for start in range(0, len(plan.unmatched), 1_000):
        chunk = plan.unmatched[start:start + 1_000]
        conversations |= set(await session.scalars(select(Mention.conversation_id).where(Mention.id.in_(chunk))))
        await session.execute(delete(MentionTopic).where(MentionTopic.mention_id.in_(chunk)))
        await session.execute(delete(Mention).where(Mention.id.in_(chunk)))
    await threading.recount(session, sorted(conversations))
    snapshot = [{"id": t.id, "name": t.name, "query": t.query, "profiles": t.profiles}
                for t in await session.scalars(select(Topic).where(Topic.active.is_(True)))]
    record = SmartDelete(actor_id=actor.id, deleted=len(plan.unmatched), kept_handled=plan.kept_handled,
                         topics=snapshot, created_at=clock.now())
    session.add(record)
    await session.flush()
    return record


async def smart_deletes(session: AsyncSession) -> list[tuple[SmartDelete, Account | None]]:
    rows = await session.execute(select(SmartDelete, Account).outerjoin(Account, Account.id == SmartDelete.actor_id)
                                 .order_by(SmartDelete.id.desc()).limit(50))
    return [(r, a) for r, a in rows.all()]


async def counts(session: AsyncSession) -> dict[str, Any]:
    total = await session.scalar(select(func.count()).select_from(Mention)) or 0
    by_sentiment = dict((await session.execute(select(Mention.sentiment, func.count())
                                               .group_by(Mention.sentiment))).all())
    return {"mentions": total, "pending": await ingest.pending(session),
            "by_sentiment": {str(k): v for k, v in by_sentiment.items()}}
