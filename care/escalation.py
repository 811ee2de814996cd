"""Escalation procedures and crisis mode.

A procedure is a named scenario (account hacked, outage, legal threat, journalist) with steps
and contacts. Escalating an item starts one: the item turns escalated, its timeline says so,
the contacts are told (`care.escalation_started`, handled by the worker) and each step is
ticked off on the timeline until all are done.

Crisis mode (one row): while it is active, new items whose text holds one of its keywords
(every new item when it has none) rise to its priority, and every agent sees its banner.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import items
from care.models import (
    CareEntry,
    CareItem,
    Crisis,
    EntryKind,
    Escalation,
    EscalationProcedure,
    ItemPriority,
    ItemStatus,
)
from care.schemas import CrisisIn, ProcedureIn
from hearth import clock, events
from hearth.accounts.models import Account, Role
from hearth.errors import Conflict, Invalid, NotFound
from hearth.notifications import service as notifications
from hearth.saving import add_unique

log = logging.getLogger(__name__)

STARTED_EVENT = "care.escalation_started"
CRISIS_ROW = 1


# --- procedures -------------------------------------------------------------------------------


async def list_procedures(session: AsyncSession) -> list[EscalationProcedure]:
    return list(await session.scalars(select(EscalationProcedure).where(EscalationProcedure.active.is_(True))
                                      .order_by(EscalationProcedure.name, EscalationProcedure.id)))


async def get_procedure(session: AsyncSession, procedure_id: int) -> EscalationProcedure:
    procedure = await session.get(EscalationProcedure, procedure_id)
    if procedure is None or not procedure.active:
        raise NotFound("No such escalation procedure")
    return procedure


async def save_procedure(session: AsyncSession, data: ProcedureIn,
                         procedure_id: int | None = None) -> EscalationProcedure:
    now = clock.now()
    values: dict[str, Any] = {"name": data.name, "description": data.description, "steps": list(data.steps),
                              "contacts": [c.model_dump() for c in data.contacts], "updated_at": now}
    if procedure_id is None:
        procedure = EscalationProcedure(created_at=now, active=True)
    else:
        procedure = await get_procedure(session, procedure_id)
    if not await add_unique(session, procedure, **values):
        raise Conflict("An escalation procedure with this name already exists", field="name")
    return procedure


async def remove_procedure(session: AsyncSession, procedure_id: int) -> None:
    """Gone from the list; a procedure items were escalated with is kept (inactive) so their
    timelines and steps still read true."""
    procedure = await get_procedure(session, procedure_id)
    if await session.scalar(select(exists().where(Escalation.procedure_id == procedure.id))):
        procedure.active = False
        procedure.name = f"{procedure.name[:60]} (removed {procedure.id})"  # frees the name for a new one
        procedure.updated_at = clock.now()
        return
    await session.execute(delete(EscalationProcedure).where(EscalationProcedure.id == procedure.id))


# --- escalating an item -----------------------------------------------------------------------


@dataclass(frozen=True)
class Started:
    """An escalation as an item's page shows it."""

    escalation: Escalation
    name: str | None
    steps: list[str]

    @property
    def done(self) -> list[int]:
        return sorted(self.escalation.steps_done)


async def _bump(session: AsyncSession, item: CareItem, version: int | None, what: str) -> None:
    await items.changed(session, item, version, what)


async def running(session: AsyncSession, item_id: int, procedure_id: int | None) -> bool:
    """Whether the procedure (None: any) is running on the item."""
    query = exists().where(Escalation.item_id == item_id, Escalation.closed_at.is_(None))
    if procedure_id is not None:
        query = query.where(Escalation.procedure_id == procedure_id)
    return bool(await session.scalar(select(query)))


async def start(session: AsyncSession, agent: Account | None, item_id: int, *, procedure_id: int | None = None,
                reason: str | None = None, version: int | None = None) -> Escalation:
    """Escalate the item (its holder, or anyone when nobody holds it; None: the system)."""
    if procedure_id is None and not reason:
        raise Invalid("Choose a procedure or say why the item is escalated", field="procedure_id")
    item = await items.get(session, item_id)
    if agent is not None:
        items.check_holder(item, agent)
    procedure = await get_procedure(session, procedure_id) if procedure_id is not None else None
    if procedure is not None and await running(session, item.id, procedure.id):
        raise Conflict("This procedure is already running on this item", field="procedure_id")
    if item.status == ItemStatus.ESCALATED:
        await _bump(session, item, version, "escalation")
    elif agent is not None:
        await items.set_status(session, agent, item.id, ItemStatus.ESCALATED, version=version)
    else:
        await _system_escalate(session, item, version)
    now = clock.now()
    row = Escalation(item_id=item.id, procedure_id=procedure.id if procedure else None,
                     started_by_id=agent.id if agent else None, reason=reason, steps_done=[], started_at=now)
    session.add(row)
    await session.flush()
    items.entry(session, item, EntryKind.ESCALATION, actor=agent, body=reason,
                data={"escalation_id": row.id, "procedure": procedure.name if procedure else None,
                      "steps": len(procedure.steps) if procedure else 0,
                      "contacts": [c["email"] for c in procedure.contacts] if procedure else []})
    if procedure is not None and procedure.contacts:
        events.publish(session, STARTED_EVENT, escalation_id=row.id, item_id=item.id, title=item.title,
                       procedure=procedure.name, contacts=procedure.contacts, reason=reason,
                       started_by=agent.display_name if agent else None)
    return row


async def _system_escalate(session: AsyncSession, item: CareItem, version: int | None) -> None:
    before, now = item.status, clock.now()
    items.entry(session, item, EntryKind.STATUS, data={"from": str(before), "to": str(ItemStatus.ESCALATED)}, at=now)
    await items.changed(session, item, version, "status", status=ItemStatus.ESCALATED)


async def _open_escalation(session: AsyncSession, item_id: int) -> tuple[Escalation, EscalationProcedure]:
    found = (await session.execute(
        select(Escalation, EscalationProcedure).join(EscalationProcedure,
                                                     EscalationProcedure.id == Escalation.procedure_id)
        .where(Escalation.item_id == item_id, Escalation.closed_at.is_(None))
        .order_by(Escalation.started_at.desc(), Escalation.id.desc()).limit(1))).first()
    if found is None:
        raise NotFound("No escalation procedure is running on this item")
    return found[0], found[1]


async def step_done(session: AsyncSession, agent: Account, item_id: int, step: int, *,
                    version: int | None = None) -> Escalation:
    """Tick off step `step` (from 1) of the procedure running on the item; when the last one
    is done the escalation closes (the item stays escalated until an agent says otherwise)."""
    item = await items.get(session, item_id)
    items.check_holder(item, agent)
    row, procedure = await _open_escalation(session, item.id)
    if not 1 <= step <= len(procedure.steps):
        raise NotFound("This procedure has no such step")
    if step in row.steps_done:
        return row
    # The item's version guards the escalation too: two agents ticking steps at once take turns.
    await _bump(session, item, version, "escalation")
    done = sorted({*row.steps_done, step})
    row.steps_done = done  # a new list: the JSON column sees the change
    data: dict[str, Any] = {"escalation_id": row.id, "procedure": procedure.name, "step": step,
                            "text": procedure.steps[step - 1]}
    if len(done) == len(procedure.steps):
        row.closed_at = clock.now()
        data["all_done"] = True
    items.entry(session, item, EntryKind.ESCALATION, actor=agent, data=data)
    return row


async def on_item(session: AsyncSession, item_id: int) -> list[Started]:
    rows = await session.execute(
        select(Escalation, EscalationProcedure.name, EscalationProcedure.steps)
        .outerjoin(EscalationProcedure, EscalationProcedure.id == Escalation.procedure_id)
        .where(Escalation.item_id == item_id).order_by(Escalation.started_at, Escalation.id))
    return [Started(e, name, list(steps or [])) for e, name, steps in rows]


async def tell_contacts(session: AsyncSession, payload: dict[str, Any]) -> int:
    """Hearth has no e-mail transport: a contact who is staff is told in Hearth (a
    notification); the others are logged, with what they should have been told."""
    emails = {str(c.get("email", "")).lower() for c in payload.get("contacts") or []}
    staff = list(await session.scalars(select(Account).where(func.lower(Account.email).in_(emails),
                                                             Account.is_active.is_(True))))
    told = [a for a in staff if a.has_role(Role.CARE_AGENT) or a.has_role(Role.ADMIN)]
    item_id = payload["item_id"]
    await notifications.notify_many(session, [a.id for a in told], kind="care.escalation",
                                    title=f"{payload['procedure']}: {payload.get('title') or ''}"[:200],
                                    url=f"/care/items/{item_id}", dedupe_key=f"escalation:{payload['escalation_id']}")
    for email in sorted(emails - {a.email.lower() for a in told}):
        log.warning("escalation %s (%s) on care item %s: no e-mail transport is configured; %s was not e-mailed",
                    payload["escalation_id"], payload["procedure"], item_id, email)
    return len(told)


# --- crisis mode ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Banner:
    message: str
    priority: str
    keywords: list[str]
    started_at: datetime | None
    started_by: str | None


async def crisis(session: AsyncSession) -> Crisis | None:
    return await session.get(Crisis, CRISIS_ROW)


async def banner(session: AsyncSession) -> Banner | None:
    """The active crisis for every agent's pages (None when there is none)."""
    row = (await session.execute(select(Crisis, Account.display_name)
                                 .outerjoin(Account, Account.id == Crisis.started_by_id)
                                 .where(Crisis.id == CRISIS_ROW, Crisis.active.is_(True)))).first()
    if row is None:
        return None
    found, name = row
    return Banner(found.message, ItemPriority(found.priority).name.lower(), list(found.keywords), found.started_at,
                  name)


async def set_crisis(session: AsyncSession, actor: Account, data: CrisisIn) -> Crisis:
    """Start, change or end crisis mode; who started it is recorded (and kept while it changes)."""
    now = clock.now()
    row = await crisis(session)
    starting = data.active and (row is None or not row.active)
    values: dict[str, Any] = {"active": data.active, "message": data.message, "keywords": list(data.keywords),
                              "priority": int(ItemPriority[data.priority.upper()]), "updated_at": now}
    if starting:
        values.update(started_by_id=actor.id, started_at=now)
    if row is None:
        row = Crisis(id=CRISIS_ROW)
        if await add_unique(session, row, **values):
            return row
        row = await crisis(session)  # another lead saved it a moment ago: this change goes on top
        assert row is not None
    for name, value in values.items():
        setattr(row, name, value)
    log.info("crisis mode %s by %s", "on" if data.active else "off", actor.id)
    return row


def _pattern(keywords: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w){re.escape(k)}(?!\w)" for k in keywords), re.IGNORECASE)


async def apply_crisis(session: AsyncSession, item_id: int) -> bool:
    """A new item during a crisis: raised to the crisis priority when its text matches."""
    row = await crisis(session)
    item = await session.get(CareItem, item_id)
    if row is None or not row.active or item is None or item.priority <= row.priority:
        return False
    if row.keywords:
        bodies = await session.scalars(select(CareEntry.body).where(CareEntry.item_id == item.id,
                                                                     CareEntry.kind == EntryKind.MESSAGE))
        text = "\n".join([item.title, *(b for b in bodies if b)])
        if not _pattern(row.keywords).search(text):
            return False
    await items.set_priority(session, None, item, row.priority, reason=f"crisis mode: {row.message}"[:300])
    return True
