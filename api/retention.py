from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, require_role
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit
from retention import service, views
from retention.models import RootCause
from retention.schemas import (
    AssignIn,
    AttemptIn,
    CaseDetailOut,
    CasePage,
    CloseIn,
    DashboardOut,
    NoteIn,
    PersonOut,
    RootCauseIn,
    RootCauseOut,
    TakeIn,
    View,
)

router = APIRouter(prefix="/retention", tags=["retention"])
Agent = Annotated[Account, Depends(require_role(Role.RETENTION_AGENT))]


@router.get("/dashboard", response_model=DashboardOut)
async def dashboard(agent: Agent, db: DbSession) -> DashboardOut:
    return views.dashboard(await service.dashboard(db, agent))


@router.get("/cases", response_model=CasePage)
async def cases(agent: Agent, db: DbSession, view: View = "open", product_id: Id | None = None,
                cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> CasePage:
    start = paging.offset(cursor)
    rows, total = await service.list_cases(db, agent, view=view, product_id=product_id, offset=start, limit=limit)
    return CasePage(items=[views.case(r) for r in rows], total=total, next=paging.next_offset(start, limit, total))


@router.get("/cases/{case_id}", response_model=CaseDetailOut)
async def case(case_id: Id, agent: Agent, db: DbSession) -> CaseDetailOut:
    return views.detail(await service.case_detail(db, case_id))


@router.post("/cases/{case_id}/take", response_model=CaseDetailOut)
async def take(case_id: Id, data: TakeIn, agent: Agent, db: DbSession) -> CaseDetailOut:
    await service.take(db, agent, case_id, data.version)
    return views.detail(await service.case_detail(db, case_id))


@router.post("/cases/{case_id}/assign", response_model=CaseDetailOut)
async def assign(case_id: Id, data: AssignIn, agent: Agent, db: DbSession) -> CaseDetailOut:
    """Give the case to an agent; leave `agent_id` out to put it back in the pool."""
    await service.assign(db, agent, case_id, data.version, data.agent_id)
    return views.detail(await service.case_detail(db, case_id))


@router.post("/cases/{case_id}/attempts", response_model=CaseDetailOut, status_code=status.HTTP_201_CREATED)
async def log_attempt(case_id: Id, data: AttemptIn, agent: Agent, db: DbSession) -> CaseDetailOut:
    await service.log_attempt(db, agent, case_id, data)
    return views.detail(await service.case_detail(db, case_id))


@router.post("/cases/{case_id}/notes", response_model=CaseDetailOut, status_code=status.HTTP_201_CREATED)
async def add_note(case_id: Id, data: NoteIn, agent: Agent, db: DbSession) -> CaseDetailOut:
    await service.add_note(db, agent, case_id, data.text)
    return views.detail(await service.case_detail(db, case_id))


@router.post("/cases/{case_id}/close", response_model=CaseDetailOut)
async def close(case_id: Id, data: CloseIn, agent: Agent, db: DbSession) -> CaseDetailOut:
    """Close with an outcome; retained and churned also need a root cause and a logged contact."""
    await service.close(db, agent, case_id, data)
    return views.detail(await service.case_detail(db, case_id))


@router.get("/agents", response_model=list[PersonOut])
async def agents(agent: Agent, db: DbSession) -> list[PersonOut]:
    return [p for p in (views.person(a) for a in await service.agents(db)) if p is not None]


@router.get("/root-causes", response_model=list[RootCauseOut])
async def root_causes(agent: Agent, db: DbSession) -> list:
    return await service.list_root_causes(db)


@router.post("/root-causes", response_model=RootCauseOut, status_code=status.HTTP_201_CREATED)
async def add_root_cause(data: RootCauseIn, admin: AdminAccount, db: DbSession) -> RootCause:
    return await service.save_root_cause(db, data)


@router.put("/root-causes/{root_cause_id}", response_model=RootCauseOut)
async def save_root_cause(root_cause_id: Id, data: RootCauseIn, admin: AdminAccount, db: DbSession) -> RootCause:
    """Rename, reorder or retire (`active: false`) a root cause; closed cases keep citing it."""
    return await service.save_root_cause(db, data, root_cause_id)
