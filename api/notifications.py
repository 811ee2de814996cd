from __future__ import annotations

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from hearth.auth import CurrentMember
from hearth.db import DbSession
from hearth.notifications import service
from hearth.notifications.schemas import NotificationPage

router = APIRouter(tags=["notifications"])


@router.get("/notifications", response_model=NotificationPage)
async def notifications(member: CurrentMember, db: DbSession, before: int | None = Query(None, ge=1)) -> NotificationPage:
    return await service.list_for(db, member, before=before)


class MarkRead(BaseModel):
    ids: list[int] | None = Field(default=None, max_length=500, description="Leave out to mark all read")


class MarkedRead(BaseModel):
    marked: int
    unread: int


@router.post("/notifications/read", response_model=MarkedRead)
async def mark_read(data: MarkRead, member: CurrentMember, db: DbSession) -> MarkedRead:
    marked = await service.mark_read(db, member, data.ids)
    return MarkedRead(marked=marked, unread=member.unread_notifications)
