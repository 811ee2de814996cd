from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, UploadFile, status
from pydantic import BaseModel, Field

from care import jobs, service, topics, views
from care.models import Sentiment
from care.schemas import ChannelIn, CorrectionIn, TopicIn
from care.views import (
    ChannelOut,
    ConversationOut,
    ImportOut,
    MentionDetailOut,
    PreviewOut,
    SmartDeleteOut,
    StreamOut,
    TopicOut,
)
from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import require_role
from hearth.db import DbSession
from hearth.errors import Invalid
from hearth.ids import BigId, Id
from hearth.paging import Cursor, Limit

router = APIRouter(prefix="/care", tags=["social listening"])
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]
MAX_UPLOAD = 50_000_000


@router.get("/channels", response_model=list[ChannelOut])
async def channels(agent: Agent, db: DbSession) -> list[ChannelOut]:
    return [views.channel(c) for c in await service.list_channels(db)]


@router.post("/channels", response_model=ChannelOut, status_code=status.HTTP_201_CREATED)
async def create_channel(data: ChannelIn, agent: Agent, db: DbSession) -> ChannelOut:
    """Secrets are write-only: the answer shows only their last four characters."""
    return views.channel(await service.save_channel(db, data))


@router.put("/channels/{channel_id}", response_model=ChannelOut)
async def update_channel(channel_id: Id, data: ChannelIn, agent: Agent, db: DbSession) -> ChannelOut:
    return views.channel(await service.save_channel(db, data, channel_id))


@router.get("/topics", response_model=list[TopicOut])
async def list_topics(agent: Agent, db: DbSession) -> list[TopicOut]:
    return [views.topic(t) for t in await topics.list_topics(db)]


@router.post("/topics", response_model=TopicOut, status_code=status.HTTP_201_CREATED)
async def create_topic(data: TopicIn, agent: Agent, db: DbSession) -> TopicOut:
    return views.topic(await topics.save_topic(db, data))


@router.put("/topics/{topic_id}", response_model=TopicOut)
async def update_topic(topic_id: Id, data: TopicIn, agent: Agent, db: DbSession) -> TopicOut:
    return views.topic(await topics.save_topic(db, data, topic_id))


@router.post("/topics/preview", response_model=PreviewOut)
async def preview(data: TopicIn, agent: Agent, db: DbSession) -> PreviewOut:
    """How many stored mentions this query would match, before saving it."""
    matched, seen = await topics.preview(db, data)
    return PreviewOut(matched=matched, looked_at=seen)


@router.get("/mentions", response_model=StreamOut)
async def mentions(agent: Agent, db: DbSession, topic: Id | None = None, channel: Id | None = None,
                   language: Literal["en", "nl", "fr", "de"] | None = None, sentiment: Sentiment | None = None,
                   since: datetime | None = None, until: datetime | None = None,
                   cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> StreamOut:
    rows, more = await service.stream(db, service.StreamFilter(topic, channel, language, sentiment, since, until),
                                      cursor=cursor, limit=limit)
    return StreamOut(items=[views.mention(r) for r in rows], next=more)


@router.get("/mentions/{mention_id}", response_model=MentionDetailOut)
async def mention(mention_id: BigId, agent: Agent, db: DbSession) -> MentionDetailOut:
    return await views.mention_detail(db, mention_id)


@router.put("/mentions/{mention_id}/sentiment", response_model=MentionDetailOut)
async def correct(mention_id: BigId, data: CorrectionIn, agent: Agent, db: DbSession) -> MentionDetailOut:
    """Correct the sentiment; the correction is kept with who and when, and the model learns from it."""
    await service.correct_sentiment(db, agent, mention_id, data.sentiment)
    return await views.mention_detail(db, mention_id)


@router.get("/conversations/{conversation_id}", response_model=ConversationOut)
async def conversation(conversation_id: BigId, agent: Agent, db: DbSession) -> ConversationOut:
    return views.conversation(await service.conversation(db, conversation_id))


class SmartDeletePreview(BaseModel):
    to_delete: int
    kept_handled: int


@router.get("/smart-delete", response_model=SmartDeletePreview)
async def smart_delete_preview(agent: Agent, db: DbSession) -> SmartDeletePreview:
    plan = await service.plan_smart_delete(db)
    return SmartDeletePreview(to_delete=len(plan.unmatched), kept_handled=plan.kept_handled)


class SmartDeleteIn(BaseModel):
    # Required: without it nothing would check that the agent saw what goes.
    expected: int = Field(ge=0, le=2**31 - 1, description="The preview's `to_delete`")


@router.post("/smart-delete", response_model=SmartDeleteOut)
async def smart_delete(data: SmartDeleteIn, agent: Agent, db: DbSession) -> SmartDeleteOut:
    """Delete mentions that no active topic matches any more (never those agents handled).
    Send the preview's `to_delete` as `expected` (required): if it changed meanwhile, nothing is deleted."""
    return views.smart_delete(await service.smart_delete(db, agent, expected=data.expected), agent)


@router.get("/imports", response_model=list[ImportOut])
async def list_imports(agent: Agent, db: DbSession) -> list[ImportOut]:
    return [views.import_job(j) for j in await jobs.list_imports(db)]


@router.get("/imports/{import_id}", response_model=ImportOut)
async def import_status(import_id: Id, agent: Agent, db: DbSession) -> ImportOut:
    return views.import_job(await jobs.get_import(db, import_id))


@router.post("/imports", response_model=ImportOut, status_code=status.HTTP_202_ACCEPTED)
async def upload(agent: Agent, db: DbSession, channel_id: Annotated[Id, Form()], file: Annotated[UploadFile, File()],
                 format: Literal["jsonl", "twcs"] = Form(...)) -> ImportOut:
    """Import a JSONL file of mentions or a Customer Support on Twitter CSV. It runs in the
    background: poll `GET /imports/{id}` for its progress and the lines it skipped."""
    content = await file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise Invalid("The file is larger than 50 MB; import it with `hearth import-mentions`", field="file")
    job = await jobs.upload(db, agent, await service.get_channel(db, channel_id), format,
                            file.filename or "upload", content)
    return views.import_job(job)
