"""Who gets a new care item: routing by `care_assignment`.

- round_robin: the available agent with room who got an item longest ago;
- language: the same among agents who answer the item's language, else any agent with room;
- pool: nobody; agents claim items themselves.

Room: fewer active items than the agent's capacity (`care_capacity` for agents without
settings of their own). When nobody has room the item waits unassigned; when an agent's load
drops (an item resolved, released or taken over), `fill` gives the waiting items out, the
oldest due first.

Two workers routing at once: each locks the chosen agent's settings row before counting the
agent's load (so the second counts the first's assignment once it is committed and never
goes over capacity), and the item is given with its version (`bump_version`): an item is
never given twice, and one an agent claimed meanwhile stays theirs.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import items
from care.models import ACTIVE_STATUSES, CareAgent, CareItem
from care.schemas import AgentIn
from hearth import clock, events
from hearth.accounts.models import Account, Role, holds_role
from hearth.errors import Conflict, NotFound
from hearth.saving import add_unique
from hearth.settings import get_settings

log = logging.getLogger(__name__)

FILL_BATCH = 100  # waiting items given out per pass at most (the next change or pass goes on)
AGENT_EVENT = "care.agent_changed"


@dataclass
class AgentState:
    account: Account
    capacity: int
    languages: list[str]
    available: bool
    signature: str
    last_assigned_at: datetime | None
    load: int

    @property
    def has_room(self) -> bool:
        return self.available and self.account.is_active and self.load < self.capacity


def _defaults(account_id: int) -> CareAgent:
    return CareAgent(account_id=account_id, capacity=get_settings().care_capacity, languages=[], available=True,
                     signature="", last_assigned_at=None)


async def agents(session: AsyncSession, *, active_only: bool = True) -> list[AgentState]:
    """Care agents (and anyone with queue settings, such as an admin who works the queue), with
    their load: three statements whatever their number."""
    query = (select(Account, CareAgent).outerjoin(CareAgent, CareAgent.account_id == Account.id)
             .where(or_(holds_role(Role.CARE_AGENT), CareAgent.account_id.is_not(None))))
    if active_only:
        query = query.where(Account.is_active.is_(True))
    found = (await session.execute(query.order_by(Account.display_name, Account.id))).all()
    load = await items.active_load(session, [a.id for a, _ in found]) if found else {}
    states = []
    for account, settings in found:
        if not items.is_agent(account):  # settings kept from before the role was taken away
            continue
        settings = settings or _defaults(account.id)
        states.append(AgentState(account, settings.capacity, list(settings.languages or []), settings.available,
                                 settings.signature, settings.last_assigned_at, load[account.id]))
    return states


async def agent(session: AsyncSession, account_id: int) -> AgentState:
    for state in await agents(session, active_only=False):
        if state.account.id == account_id:
            return state
    raise NotFound("No such care agent")


async def update_agent(session: AsyncSession, account_id: int, data: AgentIn) -> AgentState:
    """An admin sets an agent's capacity, languages, availability or signature; more room (or
    an agent back) gives waiting items out at once."""
    account = await session.get(Account, account_id)
    if account is None or not items.is_agent(account):
        raise NotFound("No such care agent")
    row = await _settings_row(session, account_id)
    for name in ("capacity", "languages", "available", "signature"):
        value = getattr(data, name)
        if value is not None:
            setattr(row, name, sorted(set(value)) if name == "languages" else value)
    events.publish(session, AGENT_EVENT, account_id=account_id)
    await session.flush()
    return await agent(session, account_id)


async def _settings_row(session: AsyncSession, account_id: int, *, lock: bool = False) -> CareAgent:
    """The agent's settings row, made with the defaults the first time (by whoever comes first)."""
    query = select(CareAgent).where(CareAgent.account_id == account_id).execution_options(populate_existing=True)
    row = await session.scalar(query.with_for_update() if lock else query)
    if row is None:
        await add_unique(session, _defaults(account_id))
        row = await session.scalar(query.with_for_update() if lock else query)
    assert row is not None
    return row


def _order(states: Sequence[AgentState], item: CareItem, mode: str) -> list[AgentState]:
    """Agents with room, in the order they should get the item."""
    room = sorted((s for s in states if s.has_room),
                  key=lambda s: (s.last_assigned_at is not None, s.last_assigned_at or clock.now(), s.account.id))
    if mode == "language" and item.language:
        speakers = [s for s in room if item.language in s.languages]
        return speakers + [s for s in room if s not in speakers]
    return room


async def route(session: AsyncSession, item_id: int, *, states: list[AgentState] | None = None,
                force: bool = False) -> Account | None:
    """Give the item to the next agent with room (None: it waits, or the queue is a pool).
    `force` routes in a pool too (a recipe that says "give it to the team"), round robin."""
    mode = get_settings().care_assignment
    if force and mode == "pool":
        mode = "round_robin"
    item = await session.get(CareItem, item_id, populate_existing=True)
    if mode == "pool" or item is None or item.assignee_id is not None or item.status not in ACTIVE_STATUSES:
        return None
    for candidate in _order(states if states is not None else await agents(session), item, mode):
        outcome = await _give(session, item, candidate)
        if outcome == Outcome.GIVEN:
            return candidate.account
        if outcome == Outcome.TAKEN:
            return None
    return None


class Outcome(enum.Enum):
    GIVEN = "given"
    NO_ROOM = "no room"  # the agent filled up meanwhile: try the next one
    TAKEN = "taken"  # the item changed meanwhile (claimed, routed by another worker): leave it


async def _give(session: AsyncSession, item: CareItem, candidate: AgentState) -> Outcome:
    """The item to `candidate` if they still have room."""
    row = await _settings_row(session, candidate.account.id, lock=True)  # the agent's turn: others wait here
    load = (await items.active_load(session, [candidate.account.id]))[candidate.account.id]
    candidate.load, candidate.capacity, candidate.available = load, row.capacity, row.available
    if not candidate.has_room:
        return Outcome.NO_ROOM
    item_id = item.id  # the savepoint's rollback expires the item
    try:
        async with session.begin_nested():
            await items.assign(session, None, item, candidate.account, what="route")
    except Conflict:
        log.info("care item %s changed while it was routed; left as it is", item_id)
        return Outcome.TAKEN
    now = clock.now()
    row.last_assigned_at = now
    candidate.last_assigned_at, candidate.load = now, load + 1
    return Outcome.GIVEN


async def waiting(session: AsyncSession, limit: int) -> list[int]:
    """Unassigned active items, oldest due first (then the most urgent, then the oldest)."""
    return list(await session.scalars(
        select(CareItem.id).where(CareItem.assignee_id.is_(None), CareItem.queue_due.is_not(None),
                                  CareItem.status.in_(ACTIVE_STATUSES))
        .order_by(CareItem.queue_due, CareItem.priority, CareItem.id).limit(limit)))


async def fill(session: AsyncSession) -> int:
    """Give waiting items to agents with room; returns how many were given."""
    if get_settings().care_assignment == "pool":
        return 0
    states = await agents(session)
    room = sum(max(s.capacity - s.load, 0) for s in states if s.has_room)
    given = 0
    for item_id in await waiting(session, min(room, FILL_BATCH)) if room else []:
        if await route(session, item_id, states=states) is not None:
            given += 1
        elif not any(s.has_room for s in states):
            break
    return given
