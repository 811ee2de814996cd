"""Response-time goals on care items: which policy applies, and when each goal is due.

Three goals: the first response (from the first customer message), the next response
(from a customer message after the brand already answered) and the resolution (from the
item's creation). A policy counts around the clock, or business time only (`business_hours`:
the community's week, holidays and time zone, see care.calendar). Pending-customer pauses
every clock: on resuming, open goals move later by the time spent waiting for the customer
(the business time of it, for a business-hours policy). `due_at` is the earliest open goal:
the queue sorts and filters on it, and the breach sweep finds passed goals through it.

Changing a policy or the business hours applies to goals started afterwards; goals already
running keep their due time (agents plan on it).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from care import calendar
from care.calendar import Calendar
from care.models import (
    ACTIVE_STATUSES,
    CLOSED_STATUSES,
    BusinessHours,
    CareItem,
    EntryKind,
    ItemStatus,
    SlaBreach,
    SlaPolicy,
)
from care.schemas import BusinessHoursIn, SlaPolicyIn
from hearth import clock, events, paging
from hearth.db import Database
from hearth.errors import Conflict, NotFound
from hearth.notifications import service as notifications
from hearth.saving import add_unique
from hearth.settings import get_settings

log = logging.getLogger(__name__)

GOALS = {"first_response": "first_response_due_at", "next_response": "next_response_due_at",
         "resolution": "resolution_due_at"}
DEFAULT_WEEK = {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
BUSINESS_HOURS_ID = 1
# The sweep reads overdue ids in pages this long, then records them in batches this small:
# each batch is its own short write transaction, so requests never wait long for the lock.
SWEEP_PAGE = 1_000
SWEEP_BATCH = 20


# --- the clocks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hours:
    """How a policy counts time: around the clock (`calendar` None) or in business hours."""

    calendar: Calendar | None = None

    def add(self, start: datetime, minutes: float | None) -> datetime | None:
        if minutes is None:
            return None
        if self.calendar is None:
            return start + timedelta(minutes=minutes)
        try:
            return calendar.add_business_time(start, timedelta(minutes=minutes), self.calendar)
        except ValueError:  # a week without hours (refused on saving): no due time beats a stuck intake
            log.warning("no business time to count a goal in; the goal has no due time")
            return None

    def between(self, a: datetime, b: datetime) -> timedelta:
        if self.calendar is None:
            return b - a
        return calendar.business_time_between(a, b, self.calendar)


def _calendar_of(row: BusinessHours | None) -> Calendar:
    if row is None:
        return Calendar.of(DEFAULT_WEEK, (), get_settings().care_timezone)
    return Calendar.of(row.week, row.holidays, row.timezone)


async def _hours(session: AsyncSession, policy: SlaPolicy | None) -> Hours:
    if policy is None or not policy.business_hours:
        return Hours()
    return Hours(_calendar_of(await session.get(BusinessHours, BUSINESS_HOURS_ID)))


# --- goals on an item ----------------------------------------------------------------------


async def policy_for(session: AsyncSession, item: CareItem) -> SlaPolicy | None:
    return await session.scalar(
        select(SlaPolicy).where(SlaPolicy.active.is_(True),
                                or_(SlaPolicy.channel.is_(None), SlaPolicy.channel == item.channel),
                                or_(SlaPolicy.priority.is_(None), SlaPolicy.priority == item.priority))
        .order_by(SlaPolicy.position, SlaPolicy.id).limit(1))


async def start(session: AsyncSession, item: CareItem, now: datetime) -> None:
    """Choose a new item's policy (none: no goals) and start its resolution clock; the
    response goals start with the customer's messages."""
    policy = await policy_for(session, item)
    item.sla_policy_id = policy.id if policy else None
    if policy is not None:
        item.resolution_due_at = (await _hours(session, policy)).add(item.created_at, policy.resolution_minutes)
    else:
        item.resolution_due_at = None
    refresh(item, now)


async def _policy(session: AsyncSession, item: CareItem) -> SlaPolicy | None:
    return await session.get(SlaPolicy, item.sla_policy_id) if item.sla_policy_id else None


async def customer_wrote(session: AsyncSession, item: CareItem, at: datetime, now: datetime) -> None:
    """A customer message while nothing was waiting: the first-response goal starts with the
    first one, the next-response goal with each one after a brand reply. A message on a paused
    item ends the pause first, so the goal it starts is not moved by the pause."""
    policy = await _policy(session, item)
    if policy is None:
        return
    hours = await _hours(session, policy)
    if item.paused_at is not None:
        _resume(item, hours, until=min(max(at, item.paused_at), now))
    if item.first_response_at is None:
        if item.first_response_due_at is None:
            item.first_response_due_at = hours.add(at, policy.first_response_minutes)
    elif item.next_response_due_at is None:
        item.next_response_due_at = hours.add(at, policy.next_response_minutes)


def brand_replied(item: CareItem, at: datetime, now: datetime) -> None:
    if item.first_response_at is None:
        item.first_response_at = at
    item.next_response_due_at = None


def _resume(item: CareItem, hours: Hours, until: datetime) -> None:
    """End the pause: every goal moves later by the (business) time it lasted."""
    assert item.paused_at is not None
    paused = hours.between(item.paused_at, until)
    item.paused_at = None
    for name in GOALS.values():
        due = getattr(item, name)
        if due is not None:
            setattr(item, name, _later(due, paused, hours))


def _later(due: datetime, paused: timedelta, hours: Hours) -> datetime | None:
    # Nothing paused (a pause outside business hours) moves nothing: a goal due at 17:00 on a
    # Friday stays there rather than jumping to Monday's opening, the same moment in business time.
    if paused <= timedelta(0):
        return due
    return hours.add(due, paused / timedelta(minutes=1))


async def status_changed(session: AsyncSession, item: CareItem, before: ItemStatus, after: ItemStatus,
                         now: datetime) -> None:
    """Pending customer pauses the clocks; leaving it resumes them, later by the (business)
    time paused."""
    if after == ItemStatus.PENDING_CUSTOMER:
        item.paused_at = now
    elif before == ItemStatus.PENDING_CUSTOMER and item.paused_at is not None:
        _resume(item, await _hours(session, await _policy(session, item)), until=now)
    refresh(item, now)


def open_goals(item: CareItem) -> dict[str, datetime]:
    """The goals still running, by name."""
    if item.status in CLOSED_STATUSES or item.paused_at is not None:
        return {}
    goals: dict[str, datetime] = {}
    if item.first_response_at is None and item.first_response_due_at is not None:
        goals["first_response"] = item.first_response_due_at
    if item.next_response_due_at is not None:
        goals["next_response"] = item.next_response_due_at
    if item.resolution_due_at is not None:
        goals["resolution"] = item.resolution_due_at
    return goals


def refresh(item: CareItem, now: datetime) -> None:
    goals = open_goals(item)
    item.due_at = min(goals.values()) if goals else None
    item.queue_due = None if item.status in CLOSED_STATUSES else item.due_at or NOTHING_DUE


# Where an item with no running goal sorts in the queue: after every item that has one.
NOTHING_DUE = datetime(3000, 1, 1, tzinfo=UTC)


# --- countdowns ------------------------------------------------------------------------------


def countdown(item: CareItem, now: datetime, *, due_soon_minutes: int | None = None) -> dict[str, dict[str, Any]]:
    """Each open goal, soonest first: {"first_response": {"due_at", "seconds_left", "state"}}.
    `seconds_left` is negative once late; `state` is "ok", "due_soon" (within
    `care_due_soon_minutes`) or "breached". A paused or closed item has no running goal."""
    soon = timedelta(minutes=get_settings().care_due_soon_minutes if due_soon_minutes is None else due_soon_minutes)
    shown: dict[str, dict[str, Any]] = {}
    for goal, due in sorted(open_goals(item).items(), key=lambda pair: pair[1]):
        left = due - now
        state = "breached" if left <= timedelta(0) else "due_soon" if left <= soon else "ok"
        shown[goal] = {"due_at": due, "seconds_left": math.floor(left.total_seconds()), "state": state}
    return shown


async def breaches(session: AsyncSession, item_id: int) -> list[SlaBreach]:
    return list(await session.scalars(select(SlaBreach).where(SlaBreach.item_id == item_id)
                                      .order_by(SlaBreach.due_at, SlaBreach.id)))


# --- the breach sweep ------------------------------------------------------------------------


def _unrecorded(goal: str, due: Any) -> Any:
    return ~exists().where(SlaBreach.item_id == CareItem.id, SlaBreach.goal == goal, SlaBreach.due_at == due)


def _overdue(now: datetime) -> Any:
    """Items with a passed goal not recorded yet. `due_at <= now` narrows it through
    ix_care_items_status_due; the unique constraint's index answers each NOT EXISTS."""
    return and_(CareItem.status.in_(ACTIVE_STATUSES), CareItem.due_at <= now, or_(
        and_(CareItem.first_response_at.is_(None), CareItem.first_response_due_at <= now,
             _unrecorded("first_response", CareItem.first_response_due_at)),
        and_(CareItem.next_response_due_at <= now, _unrecorded("next_response", CareItem.next_response_due_at)),
        and_(CareItem.resolution_due_at <= now, _unrecorded("resolution", CareItem.resolution_due_at))))


async def record_breaches(database: Database, *, batch: int = SWEEP_BATCH) -> int:
    """Record every goal that passed unmet: one SlaBreach per goal (the unique constraint keeps
    it to one however often the sweep runs), the item marked breached, a line on its timeline,
    and `care.item_changed` (change="breach") and `care.sla_breached` published. Returns how
    many breaches it recorded."""
    now = clock.now()
    recorded = 0
    after: tuple[datetime, int] | None = None
    while True:
        page = await _overdue_page(database, now, after)
        for start_at in range(0, len(page), batch):
            recorded += await _record_batch(database, [item_id for item_id, _ in page[start_at:start_at + batch]], now)
        if len(page) < SWEEP_PAGE:
            return recorded
        after = (page[-1][1], page[-1][0])


async def _overdue_page(database: Database, now: datetime,
                        after: tuple[datetime, int] | None) -> list[tuple[int, datetime]]:
    query = select(CareItem.id, CareItem.due_at).where(_overdue(now))
    if after is not None:
        query = query.where(tuple_(CareItem.due_at, CareItem.id) > tuple_(*after))
    async with database.sessionmaker() as session:
        rows = await session.execute(query.order_by(CareItem.due_at, CareItem.id).limit(SWEEP_PAGE))
        return [(item_id, due) for item_id, due in rows if due is not None]  # never None: due_at <= now


async def _record_batch(database: Database, item_ids: list[int], now: datetime) -> int:
    async with await database.writer(background=True) as session:
        # SKIP LOCKED (PostgreSQL): an item an agent is changing right now waits for the next sweep,
        # which sees it as the agent left it (answered in time, perhaps).
        items = list(await session.scalars(select(CareItem).where(CareItem.id.in_(item_ids))
                                           .with_for_update(skip_locked=True)))
        # The breaches first, each in its own savepoint; then the items' lines and events, which
        # the commit writes together (a savepoint flushes what is pending: interleaved, every
        # breach would cost two flushes).
        recorded: list[tuple[CareItem, str, datetime]] = []
        for item in items:
            for goal, due in open_goals(item).items():
                if due <= now and await add_unique(session, SlaBreach(
                        item_id=item.id, goal=goal, due_at=due, breached_at=now, assignee_id=item.assignee_id)):
                    recorded.append((item, goal, due))
        for item, goal, due in recorded:
            _breached(session, item, goal, due, now)
        await session.commit()
    return len(recorded)


def _breached(session: AsyncSession, item: CareItem, goal: str, due: datetime, now: datetime) -> None:
    from care import items  # care.items calls this module: imported when the sweep runs

    # The version stays: a breach changes nothing an agent edits, and raising it would turn an
    # agent's claim made a moment ago into a false "another agent changed this item".
    item.breached = True
    item.updated_at = now
    items.entry(session, item, EntryKind.SLA, data={"goal": goal, "due_at": due.isoformat()}, at=due)
    events.publish(session, "care.item_changed", item_id=item.id, change="breach")
    events.publish(session, "care.sla_breached", item_id=item.id, goal=goal, due_at=due.isoformat())


GOAL_NAMES = {"first_response": "first response", "next_response": "next response", "resolution": "resolution"}


async def tell_breach(session: AsyncSession, item_id: int, goal: str, due_at: str) -> bool:
    """The agent holding an item hears when one of its goals passes (once per goal and due
    time); an item nobody holds is on the queue's breached view for everyone."""
    item = await session.get(CareItem, item_id)
    if item is None or item.assignee_id is None or item.status in CLOSED_STATUSES:
        return False
    return await notifications.notify(
        session, item.assignee_id, kind="care.breach", url=f"/care/items/{item.id}",
        title=f"Overdue ({GOAL_NAMES.get(goal, goal)}): {item.title}"[:200],
        dedupe_key=f"breach:{item.id}:{goal}:{due_at}")


# --- policies --------------------------------------------------------------------------------


async def list_policies(session: AsyncSession, *, cursor: str | None = None,
                        limit: int = paging.DEFAULT_LIMIT) -> tuple[list[SlaPolicy], str | None]:
    """In the order they are tried (position, then id)."""
    query = select(SlaPolicy).order_by(SlaPolicy.position, SlaPolicy.id).limit(limit + 1)
    if cursor:
        position, policy_id = paging.decode(cursor, int, int)
        query = query.where(tuple_(SlaPolicy.position, SlaPolicy.id) > tuple_(position, policy_id))
    rows = list(await session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, paging.encode(rows[-1].position, rows[-1].id) if more else None


async def get_policy(session: AsyncSession, policy_id: int) -> SlaPolicy:
    policy = await session.get(SlaPolicy, policy_id)
    if policy is None:
        raise NotFound("No such SLA policy")
    return policy


async def save_policy(session: AsyncSession, data: SlaPolicyIn, policy_id: int | None = None) -> SlaPolicy:
    """Create a policy, or change one (`policy_id`); the schema has checked the times."""
    now = clock.now()
    policy = SlaPolicy(created_at=now) if policy_id is None else await get_policy(session, policy_id)
    values = data.model_dump()
    if not await add_unique(session, policy, **values, updated_at=now):
        raise Conflict("Another SLA policy has this name", field="name")
    return policy


# --- business hours --------------------------------------------------------------------------


async def business_hours(session: AsyncSession) -> BusinessHours:
    """The community's week; until an admin saves one, Monday to Friday 9 to 5 in the
    configured time zone (not stored)."""
    row = await session.get(BusinessHours, BUSINESS_HOURS_ID)
    if row is not None:
        return row
    return BusinessHours(id=BUSINESS_HOURS_ID, timezone=get_settings().care_timezone, week=DEFAULT_WEEK,
                         holidays=[], updated_at=clock.now())


async def save_business_hours(session: AsyncSession, data: BusinessHoursIn) -> BusinessHours:
    values = {"timezone": data.timezone, "week": data.week, "holidays": [d.isoformat() for d in data.holidays],
              "updated_at": clock.now()}
    row = await session.get(BusinessHours, BUSINESS_HOURS_ID)
    if row is None:
        row = BusinessHours(id=BUSINESS_HOURS_ID)
        if await add_unique(session, row, **values):
            return row
        # Another request saved the first one a moment ago: change that row instead.
        row = await session.get(BusinessHours, BUSINESS_HOURS_ID)
        if row is None:  # pragma: no cover - the primary key refused a row that is gone
            raise Conflict("The business hours changed while they were saved; try again")
    for name, value in values.items():
        setattr(row, name, value)
    await session.flush()
    return row
