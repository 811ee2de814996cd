from __future__ import annotations

from fastapi import APIRouter, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from hearth.accounts.models import Account
from hearth.auth import CurrentMember
from hearth.db import DbSession
from hearth.notifications import service
from web import shared
from web.forms import number, safe_next
from web.rendering import render

router = APIRouter()


@router.get("/notifications")
async def notifications(request: Request, member: CurrentMember, db: DbSession,
                        cursor: str | None = Query(None, max_length=300)) -> Response:
    async def page() -> Response:
        return render(request, "notifications.html", {"page": await service.list_for(db, member, cursor=cursor)})

    return await shared.page(request, db, look=_LOOK, render=page, private=True)


async def _version(_db: AsyncSession, viewer: Account, values: tuple) -> tuple[tuple[int, int], None]:
    return service.version(viewer, *values), None


_LOOK = shared.Look(_version, (service.LATEST,))


@router.post("/notifications/read")
async def mark_read(request: Request, member: CurrentMember, db: DbSession) -> Response:
    form = await request.form()
    ids = [n for v in form.getlist("id") if (n := number(str(v), "id")) is not None] or None
    await service.mark_read(db, member, ids)
    # Opening one notification marks it read and goes where it points.
    target = form.get("go")
    return RedirectResponse(safe_next(str(target) if target else None, "/notifications"), status_code=303)
