"""Background work for admins: the outbox's backlog per kind, and its parked failures."""

from __future__ import annotations

from fastapi import APIRouter

from hearth.auth import AdminAccount
from hearth.db import DbSession
from hearth.events import status as outbox
from hearth.events.schemas import EventOut, OutboxStatusOut
from hearth.ids import BigId

router = APIRouter(prefix="/admin/outbox", tags=["operations"])


@router.get("", response_model=OutboxStatusOut)
async def outbox_status(admin: AdminAccount, db: DbSession) -> OutboxStatusOut:
    """Backlog, longest wait, failures and handler times per event kind, and the live workers."""
    return OutboxStatusOut.of(await outbox.status(db))


@router.get("/failures", response_model=list[EventOut])
async def failures(admin: AdminAccount, db: DbSession) -> list[EventOut]:
    """Events parked after their last attempt (newest first, at most 100)."""
    return [EventOut.of(e) for e in await outbox.failures(db)]


@router.post("/events/{event_id}/retry", response_model=EventOut)
async def retry(event_id: BigId, admin: AdminAccount, db: DbSession) -> EventOut:
    """Run a parked failure again, with a fresh set of attempts."""
    return EventOut.of(await outbox.retry(db, event_id))


@router.post("/events/{event_id}/dismiss", response_model=EventOut)
async def dismiss(event_id: BigId, admin: AdminAccount, db: DbSession) -> EventOut:
    """Never run this failure again (it stays readable until pruned)."""
    return EventOut.of(await outbox.dismiss(db, event_id))
