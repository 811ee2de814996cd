"""Working the care queue: the list and its views, one item with its timeline, claim, release,
take over, status, escalation, presence, the live stream; saved views, agents' capacity,
escalation procedures and crisis mode. Care agents and admins only (members 403, visitors 401).

Thin: care.items, care.queue, care.routing, care.escalation and care.presence do the work."""

from __future__ import annotations

import asyncio
import json
import time
import weakref
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import StreamingResponse

from care import escalation, items, presence, queue, routing
from care.models import Crisis, EscalationProcedure, ItemPriority, SavedView
from care.schemas import (
    AgentIn,
    AgentOut,
    CrisisIn,
    CrisisOut,
    CustomerOut,
    EntryOut,
    EscalateIn,
    EscalationOut,
    ItemStatusIn,
    PersonOut,
    PresenceOut,
    ProcedureIn,
    ProcedureOut,
    QueueItemDetailOut,
    QueueItemOut,
    QueuePage,
    SavedViewIn,
    SavedViewOut,
    VersionIn,
    ViewerOut,
)
from hearth import clock, paging
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, require_role
from hearth.db import Database, DbSession, get_database
from hearth.ids import BigId, Id
from hearth.paging import Cursor, Limit

router = APIRouter(prefix="/care", tags=["care queue"])
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]

View = Literal["mine", "unassigned", "due", "breached"]
Status = Literal["new", "open", "pending_customer", "escalated", "resolved", "ignored"]  # care.models.ItemStatus
Source = Literal["mention", "question", "review", "flag"]  # care.models.ItemSource

# The live stream: how often it looks for changes, a comment to keep proxies from closing it,
# and how long one connection lasts (EventSource reconnects by itself, after `retry` ms).
POLL_SECONDS = 1.5
HEARTBEAT_SECONDS = 15.0
STREAM_SECONDS = 600.0
RETRY_MS = 2_000


def _person(account: Account | queue.AssigneeRef | None) -> PersonOut | None:
    return PersonOut(id=account.id, display_name=account.display_name) if account is not None else None


def _fields(row: queue.QueueRow) -> dict[str, Any]:
    item = row.item
    return dict(
        id=item.id, source=str(item.source), status=str(item.status), priority=ItemPriority(item.priority).name.lower(),
        language=item.language, assignee=_person(row.assignee), title=item.title, channel=item.channel, url=item.url,
        customer=CustomerOut(handle=item.customer_handle, name=item.customer_name, account_id=item.customer_id,
                             followers=item.customer_followers),
        sentiment=str(item.sentiment) if item.sentiment else None, first_response_due_at=item.first_response_due_at,
        first_response_at=item.first_response_at, due_at=item.due_at, breached=row.breached, tags=row.tags,
        version=item.version, viewers=[ViewerOut(id=v.id, display_name=v.display_name, seen_at=v.seen_at)
                                       for v in row.viewers],
        last_message_at=item.last_message_at, created_at=item.created_at, updated_at=item.updated_at)


def _item(row: queue.QueueRow) -> QueueItemOut:
    return QueueItemOut(**_fields(row))


def _escalation(started: escalation.Started) -> EscalationOut:
    e = started.escalation
    return EscalationOut(id=e.id, procedure_id=e.procedure_id, procedure=started.name, reason=e.reason,
                         steps=started.steps, steps_done=started.done, started_at=e.started_at, closed_at=e.closed_at)


async def _acted(db: DbSession, agent: Account, item_id: int) -> QueueItemOut:
    return _item(await queue.row(db, agent, await items.get(db, item_id)))


# --- the list and the live stream (declared before /items/{item_id}) ---------------------------


@router.get("/items", response_model=QueuePage)
async def list_items(agent: Agent, db: DbSession, view: View | None = None, status: Status | None = None,
                     source: Source | None = None, channel: str | None = None, language: str | None = None,
                     tag: str | None = None, saved: Id | None = None, cursor: Cursor = None,
                     limit: Limit = paging.DEFAULT_LIMIT) -> QueuePage:
    """Not closed unless `status` says otherwise; what is due first, then the most urgent, then
    the oldest. `saved` applies one of your saved views (the other filters go on top of it)."""
    filters = queue.parse_filters({"channel": channel, "language": language, "tag": tag}, where="query")
    filters = queue.QueueFilter(view=view, status=status, source=source, channel=filters.channel,
                                language=filters.language, tag=filters.tag)
    rows, more = await queue.list_items(db, agent, filters, saved=saved, cursor=cursor, limit=limit)
    return QueuePage(items=[_item(r) for r in rows], next=more)


def _event(change: queue.Change) -> str:
    return f"event: item\ndata: {json.dumps(change.data(), separators=(',', ':'))}\n\n"


_feeds: weakref.WeakKeyDictionary[Database, queue.Feed] = weakref.WeakKeyDictionary()


def _feed() -> queue.Feed:
    database = get_database()
    feed = _feeds.get(database)
    if feed is None:
        feed = _feeds[database] = queue.Feed(database.sessionmaker, POLL_SECONDS)
    return feed


async def _stream(request: Request) -> AsyncIterator[str]:
    feed = _feed()
    watch = queue.Watch(clock.now())
    rows = feed.listen()
    try:
        yield f"retry: {RETRY_MS}\n: watching the care queue\n\n"
        began = time.monotonic()
        while time.monotonic() - began < STREAM_SECONDS and not await request.is_disconnected():
            try:
                found = await asyncio.wait_for(rows.get(), HEARTBEAT_SECONDS)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            for change in watch.news(found):
                yield _event(change)
    finally:
        feed.leave(rows)


@router.get("/items/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {"schema": {"type": "string"}}},
                             "description": "Server-sent events"}})
async def item_events(agent: Agent, request: Request) -> StreamingResponse:
    """Server-sent events as items arrive or change: `event: item` with `data: {"id", "version",
    "status", "assignee_id", "change"}` (change: created, assignee, status or changed), a comment
    every 15 seconds, and the stream ends after 10 minutes (EventSource reconnects)."""
    return StreamingResponse(_stream(request), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


# --- one item ----------------------------------------------------------------------------------


@router.get("/items/{item_id}", response_model=QueueItemDetailOut)
async def get_item(item_id: BigId, agent: Agent, db: DbSession) -> QueueItemDetailOut:
    found = await queue.detail(db, agent, item_id)
    timeline = [EntryOut(id=e.id, kind=str(e.kind), actor=_person(a), author=e.author, body=e.body, data=e.data,
                         at=e.at) for e, a in found.timeline]
    return QueueItemDetailOut(**_fields(found.row), timeline=timeline,
                              escalations=[_escalation(s) for s in found.escalations])


@router.post("/items/{item_id}/claim", response_model=QueueItemOut)
async def claim(item_id: BigId, agent: Agent, db: DbSession, data: VersionIn | None = None) -> QueueItemOut:
    """A 409 when another agent holds it (take it over instead) or it changed since `version`."""
    await items.claim(db, agent, item_id, version=data.version if data else None)
    return await _acted(db, agent, item_id)


@router.post("/items/{item_id}/release", response_model=QueueItemOut)
async def release(item_id: BigId, agent: Agent, db: DbSession, data: VersionIn | None = None) -> QueueItemOut:
    await items.release(db, agent, item_id, version=data.version if data else None)
    return await _acted(db, agent, item_id)


@router.post("/items/{item_id}/takeover", response_model=QueueItemOut)
async def take_over(item_id: BigId, agent: Agent, db: DbSession, data: VersionIn | None = None) -> QueueItemOut:
    """Claim an item another agent holds, out loud: the timeline names both."""
    await items.take_over(db, agent, item_id, version=data.version if data else None)
    return await _acted(db, agent, item_id)


@router.put("/items/{item_id}/status", response_model=QueueItemOut)
async def set_status(item_id: BigId, data: ItemStatusIn, agent: Agent, db: DbSession) -> QueueItemOut:
    await items.set_status(db, agent, item_id, data.status, version=data.version)
    return await _acted(db, agent, item_id)


@router.post("/items/{item_id}/escalate", response_model=EscalationOut, status_code=status.HTTP_201_CREATED)
async def escalate(item_id: BigId, data: EscalateIn, agent: Agent, db: DbSession) -> EscalationOut:
    """Start a procedure (or escalate with a reason only): the item turns escalated and the
    procedure's contacts are told."""
    row = await escalation.start(db, agent, item_id, procedure_id=data.procedure_id, reason=data.reason,
                                 version=data.version)
    return _escalation(next(s for s in await escalation.on_item(db, item_id) if s.escalation.id == row.id))


@router.post("/items/{item_id}/escalation/steps/{step}", response_model=EscalationOut)
async def escalation_step(item_id: BigId, step: Id, agent: Agent, db: DbSession,
                          data: VersionIn | None = None) -> EscalationOut:
    """Mark step `step` (from 1) of the running procedure done."""
    row = await escalation.step_done(db, agent, item_id, step, version=data.version if data else None)
    return _escalation(next(s for s in await escalation.on_item(db, item_id) if s.escalation.id == row.id))


@router.post("/items/{item_id}/presence", response_model=PresenceOut)
async def beat(item_id: BigId, agent: Agent, db: DbSession) -> PresenceOut:
    """The item's page beats every few seconds while it is open; the answer says who else has it open."""
    await presence.beat(db, agent, item_id)
    seen = (await presence.viewers(db, [item_id], excluding=agent.id))[item_id]
    return PresenceOut(viewers=[ViewerOut(id=v.id, display_name=v.display_name, seen_at=v.seen_at) for v in seen])


@router.delete("/items/{item_id}/presence", status_code=status.HTTP_204_NO_CONTENT)
async def leave(item_id: BigId, agent: Agent, db: DbSession) -> None:
    """The page was closed: the agent stops counting as a viewer at once."""
    await presence.leave(db, agent, item_id)


# --- saved views ------------------------------------------------------------------------------


def _view(view: SavedView) -> SavedViewOut:
    return SavedViewOut(id=view.id, name=view.name, filters=view.filters, created_at=view.created_at)


@router.get("/views", response_model=list[SavedViewOut])
async def list_views(agent: Agent, db: DbSession) -> list[SavedViewOut]:
    """Your own saved views (use one with `GET /care/items?saved={id}`)."""
    return [_view(v) for v in await queue.list_views(db, agent)]


@router.post("/views", response_model=SavedViewOut, status_code=status.HTTP_201_CREATED)
async def save_view(data: SavedViewIn, agent: Agent, db: DbSession) -> SavedViewOut:
    """A 409 when you already have a view with this name; a 422 names an unknown filter."""
    return _view(await queue.save_view(db, agent, data.name, data.filters))


@router.delete("/views/{view_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_view(view_id: Id, agent: Agent, db: DbSession) -> None:
    await queue.delete_view(db, agent, view_id)


# --- agents -----------------------------------------------------------------------------------


def _agent(state: routing.AgentState) -> AgentOut:
    return AgentOut(id=state.account.id, display_name=state.account.display_name, capacity=state.capacity,
                    languages=state.languages, available=state.available, load=state.load, has_room=state.has_room,
                    last_assigned_at=state.last_assigned_at)


@router.get("/agents", response_model=list[AgentOut])
async def list_agents(agent: Agent, db: DbSession) -> list[AgentOut]:
    """Every care agent with their load (active items held) against their capacity."""
    return [_agent(s) for s in await routing.agents(db)]


@router.put("/agents/{account_id}", response_model=AgentOut)
async def update_agent(account_id: Id, data: AgentIn, admin: AdminAccount, db: DbSession) -> AgentOut:
    """Capacity, languages, availability, signature; waiting items go to whoever has room now."""
    return _agent(await routing.update_agent(db, account_id, data))


# --- escalation procedures and crisis mode ----------------------------------------------------


def _procedure(p: EscalationProcedure) -> ProcedureOut:
    return ProcedureOut(id=p.id, name=p.name, description=p.description, steps=p.steps, contacts=p.contacts,
                        created_at=p.created_at, updated_at=p.updated_at)


@router.get("/escalation-procedures", response_model=list[ProcedureOut])
async def list_procedures(agent: Agent, db: DbSession) -> list[ProcedureOut]:
    return [_procedure(p) for p in await escalation.list_procedures(db)]


@router.post("/escalation-procedures", response_model=ProcedureOut, status_code=status.HTTP_201_CREATED)
async def create_procedure(data: ProcedureIn, admin: AdminAccount, db: DbSession) -> ProcedureOut:
    return _procedure(await escalation.save_procedure(db, data))


@router.get("/escalation-procedures/{procedure_id}", response_model=ProcedureOut)
async def get_procedure(procedure_id: Id, agent: Agent, db: DbSession) -> ProcedureOut:
    return _procedure(await escalation.get_procedure(db, procedure_id))


@router.put("/escalation-procedures/{procedure_id}", response_model=ProcedureOut)
async def update_procedure(procedure_id: Id, data: ProcedureIn, admin: AdminAccount, db: DbSession) -> ProcedureOut:
    return _procedure(await escalation.save_procedure(db, data, procedure_id))


@router.delete("/escalation-procedures/{procedure_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_procedure(procedure_id: Id, admin: AdminAccount, db: DbSession) -> None:
    """Items escalated with it keep their steps (it is only hidden)."""
    await escalation.remove_procedure(db, procedure_id)


async def _crisis(db: DbSession, row: Crisis | None) -> CrisisOut:
    if row is None:
        return CrisisOut(active=False, message="", keywords=[], priority="urgent", started_by=None, started_at=None,
                         updated_at=None)
    starter = await db.get(Account, row.started_by_id) if row.started_by_id else None
    return CrisisOut(active=row.active, message=row.message, keywords=row.keywords,
                     priority=ItemPriority(row.priority).name.lower(), started_by=_person(starter),
                     started_at=row.started_at, updated_at=row.updated_at)


@router.get("/crisis", response_model=CrisisOut)
async def get_crisis(agent: Agent, db: DbSession) -> CrisisOut:
    return await _crisis(db, await escalation.crisis(db))


@router.put("/crisis", response_model=CrisisOut)
async def set_crisis(data: CrisisIn, agent: Agent, db: DbSession) -> CrisisOut:
    """Care leads (any care agent or admin) start, change or end crisis mode; who started it is kept.
    While it is active, new items matching a keyword (every new item without keywords) rise to
    its priority."""
    return await _crisis(db, await escalation.set_crisis(db, agent, data))
