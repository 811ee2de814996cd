"""Social listening as API schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from care import service
from care.models import Channel, ImportJob, Mention, SmartDelete, Topic
from hearth.accounts.models import Account
from hearth.paging import Page
from hearth.settings import get_settings
from hearth.untrusted import safe_url


class ChannelOut(BaseModel):
    id: int
    kind: str
    name: str
    account: str
    news: bool
    poll_minutes: int
    secret: str | None  # only its last four characters
    has_verify_token: bool
    webhook_url: str | None
    active: bool
    last_polled_at: datetime | None
    last_error: str | None


class TopicOut(BaseModel):
    id: int
    name: str
    query: str
    profiles: list[str]
    active: bool
    updated_at: datetime


class PreviewOut(BaseModel):
    matched: int
    looked_at: int


class MentionOut(BaseModel):
    id: int
    channel: str
    channel_kind: str
    external_id: str
    conversation_id: int
    author_handle: str
    author_name: str | None
    author_followers: int | None
    text: str
    url: str | None
    language: str | None
    sentiment: str
    sentiment_score: float
    sentiment_source: str
    insult: bool
    pure_insult: bool
    personal_data: bool
    is_news: bool
    edited: bool
    removed: bool
    topics: list[str]
    published_at: datetime


class StreamOut(Page[MentionOut]):
    pass


class CorrectionOut(BaseModel):
    before: str
    after: str
    agent: str | None
    created_at: datetime


class MentionDetailOut(MentionOut):
    corrections: list[CorrectionOut]


class ConversationOut(BaseModel):
    id: int
    channel: str
    started_at: datetime
    last_at: datetime
    mention_count: int
    mentions: list[MentionOut]


class SmartDeleteOut(BaseModel):
    id: int
    deleted: int
    kept_handled: int
    by: str | None
    topics: list[dict[str, Any]]
    created_at: datetime


class ImportOut(BaseModel):
    id: int
    channel_id: int
    format: str
    filename: str
    status: str
    total_lines: int
    lines_read: int
    queued: int
    stored: int
    duplicates: int
    dropped: int
    error_count: int
    errors: list[dict[str, Any]]
    notices: list[str] = Field(description="What the importer should know though no line was skipped, "
                                           "such as CSV columns that were ignored")
    created_at: datetime
    finished_at: datetime | None


def webhook_url(channel: Channel) -> str | None:
    if channel.kind not in ("x", "facebook"):
        return None
    return f"{get_settings().base_url.rstrip('/')}/api/hooks/{channel.kind}/{channel.id}"


def channel(c: Channel) -> ChannelOut:
    return ChannelOut(id=c.id, kind=str(c.kind), name=c.name, account=c.account, news=c.news,
                      poll_minutes=c.poll_minutes, secret=c.secret_hint,
                      has_verify_token=bool(c.verify_token_encrypted), webhook_url=webhook_url(c), active=c.active,
                      last_polled_at=c.last_polled_at, last_error=c.last_error)


def topic(t: Topic) -> TopicOut:
    return TopicOut(id=t.id, name=t.name, query=t.query, profiles=t.profiles, active=t.active, updated_at=t.updated_at)


def _mention(m: Mention, channel_: Channel, topics: list[str]) -> dict[str, Any]:
    return dict(id=m.id, channel=channel_.name, channel_kind=str(channel_.kind), external_id=m.external_id,
                conversation_id=m.conversation_id, author_handle=m.author_handle, author_name=m.author_name,
                author_followers=m.author_followers, text=m.text, url=safe_url(m.url), language=m.language,
                sentiment=str(m.sentiment), sentiment_score=m.sentiment_score, sentiment_source=m.sentiment_source,
                insult=m.insult, pure_insult=m.pure_insult, personal_data=m.personal_data, is_news=m.is_news,
                edited=m.edited, removed=m.removed_at is not None, topics=topics, published_at=m.published_at)


def mention(row: service.MentionRow) -> MentionOut:
    return MentionOut(**_mention(row.mention, row.channel, row.topics))


async def mention_detail(session: AsyncSession, mention_id: int) -> MentionDetailOut:
    m = await service.get_mention(session, mention_id)
    names = (await service.topic_names(session, [m.id])).get(m.id, [])
    return MentionDetailOut(**_mention(m, await service.get_channel(session, m.channel_id), names), corrections=[
        CorrectionOut(before=str(c.before), after=str(c.after), agent=a.display_name if a else None,
                      created_at=c.created_at) for c, a in await service.corrections(session, m.id)])


def conversation(view: service.ConversationView) -> ConversationOut:
    c = view.conversation
    return ConversationOut(id=c.id, channel=view.channel.name, started_at=c.started_at, last_at=c.last_at,
                           mention_count=c.mention_count,
                           mentions=[MentionOut(**_mention(m, view.channel, view.topics.get(m.id, [])))
                                     for m in view.mentions])


def smart_delete(record: SmartDelete, actor: Account | None) -> SmartDeleteOut:
    return SmartDeleteOut(id=record.id, deleted=record.deleted, kept_handled=record.kept_handled,
                          by=actor.display_name if actor else None, topics=record.topics,
                          created_at=record.created_at)


def import_job(job: ImportJob) -> ImportOut:
    return ImportOut(id=job.id, channel_id=job.channel_id, format=job.format, filename=job.filename,
                     status=str(job.status), total_lines=job.total_lines, lines_read=job.lines_read,
                     queued=job.queued, stored=job.stored, duplicates=job.duplicates, dropped=job.dropped,
                     error_count=job.error_count, errors=job.errors, notices=job.notices, created_at=job.created_at,
                     finished_at=job.finished_at)
