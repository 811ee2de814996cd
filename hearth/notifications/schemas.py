from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from hearth.paging import Page


class NotificationOut(BaseModel):
    id: int
    kind: str
    title: str
    url: str
    actor_handle: str | None
    actor_name: str | None
    created_at: datetime
    read: bool


class NotificationPage(Page[NotificationOut]):
    unread: int
