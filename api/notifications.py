from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hearth import paging
from hearth.auth import CurrentMember
from hearth.db import DbSession
from hearth.ids import Id
from hearth.notifications import service
from hearth.notifications.schemas import NotificationPage
from hearth.paging import Cursor, Limit

router = APIRouter(tags=["notifications"])


@router.get("/notifications", response_model=NotificationPage)
async def notifications(member: CurrentMember, db: DbSession, cursor: Cursor = None,
                        limit: Limit = paging.DEFAULT_LIMIT) -> NotificationPage:
    return await service.list_for(db, member, cursor=cursor, limit=limit)


class MarkRead(BaseModel):
    ids: list[Id] | None = Field(default=None, max_length=500, description="Leave out to mark all read")


class MarkedRead(BaseModel):
    marked: int
    unread: int


@router.post("/notifications/read", response_model=MarkedRead)
async def mark_read(data: MarkRead, member: CurrentMember, db: DbSession) -> MarkedRead:
    marked = await service.mark_read(db, member, data.ids)
    return MarkedRead(marked=marked, unread=member.unread_notifications)
