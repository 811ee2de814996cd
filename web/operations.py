"""The admin page for background work (/admin/background): backlog and waits per kind, the
workers, and parked failures to retry or dismiss. Its API twin is api/operations.py."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from hearth.auth import AdminAccount
from hearth.db import DbSession
from hearth.events import status as outbox
from web.rendering import is_htmx, render

router = APIRouter()
EventId = Path(ge=1, le=2**63 - 1)


@router.get("/admin/background")
async def background(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    context = {"status": await outbox.status(db), "failures": await outbox.failures(db)}
    # The page refreshes its figures itself every few seconds (htmx), without the tabs and header.
    return render(request, "admin/background.html", context, block="figures" if is_htmx(request) else None)


@router.post("/admin/background/events/{event_id}/retry")
async def retry(admin: AdminAccount, db: DbSession, event_id: int = EventId) -> Response:
    await outbox.retry(db, event_id)
    return RedirectResponse("/admin/background", status_code=303)


@router.post("/admin/background/events/{event_id}/dismiss")
async def dismiss(admin: AdminAccount, db: DbSession, event_id: int = EventId) -> Response:
    await outbox.dismiss(db, event_id)
    return RedirectResponse("/admin/background", status_code=303)
