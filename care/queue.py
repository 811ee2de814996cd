"""The care queue as agents read it: items filtered by a view (mine, unassigned, due soon,
breached), status, source, channel, language or tag, or by a saved view; ordered by what is
due first, then priority, then age; paged by a keyset cursor.

A page costs the same few statements whatever it shows: the items with their assignee, their
tags, and who else has them open (care.presence), one statement each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from care import escalation, items, presence
from care.models import CLOSED_STATUSES, CareEntry, CareItem, CareTag, ItemSource, ItemStatus, ItemTag, SavedView
from hearth import clock, paging
from hearth.accounts.models import Account
from hearth.errors import Conflict, Invalid, NotFound
from hearth.saving import add_unique
from hearth.settings import get_settings

log = logging.getLogger(__name__)

VIEWS = ("mine", "unassigned", "due", "breached")
# Without a status filter the queue shows everything not closed (pending customer included:
# it is still the brand's conversation, only its clock is paused).
QUEUE_STATUSES = tuple(s for s in ItemStatus if s not in CLOSED_STATUSES)
# The free-text filters and their column widths.
_LENGTHS = {"channel": 16, "language": 8, "tag": 60}
MAX_SAVED_VIEWS = 50

Assignee = aliased(Account, name="assignee")


@dataclass(frozen=True)
class QueueFilter:
    """The list's filters, as the API's query parameters name them (a saved view stores these)."""

    view: str | None = None
    status: str | None = None
    source: str | None = None
    channel: str | None = None
    language: str | None = None
    tag: str | None = None

    def given(self) -> dict[str, str]:
        return {name: value for name, value in asdict(self).items() if value is not None}

    def over(self, saved: QueueFilter) -> QueueFilter:
        """These filters on top of a saved view's: what is given here wins."""
        return replace(saved, **self.given())


KNOWN = tuple(f.name for f in fields(QueueFilter))
_CHOICES: dict[str, tuple[str, ...]] = {"view": VIEWS, "status": tuple(ItemStatus), "source": tuple(ItemSource)}


def parse_filters(raw: Mapping[str, Any], *, where: str = "filters") -> QueueFilter:
    """Filters from outside (a saved view's body): unknown names and values are refused, by name."""
    values: dict[str, str] = {}
    for name, value in raw.items():
        if name not in KNOWN:
            raise Invalid("%(name)s is not a filter of the care queue", field=f"{where}.{name}", name=str(name)[:60])
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise Invalid("A filter's value is text", field=f"{where}.{name}")
        value = value.strip().lower()
        if name in _CHOICES and value not in _CHOICES[name]:
            raise Invalid("%(value)s is not one of the values of %(name)s", field=f"{where}.{name}",
                          value=value[:60], name=name)
        if name in _LENGTHS and len(value) > _LENGTHS[name]:
            raise Invalid("This value is too long", field=f"{where}.{name}")
        values[name] = value
    return QueueFilter(**values)


@dataclass(frozen=True)
class AssigneeRef:
    id: int
    display_name: str


@dataclass
class QueueRow:
    item: CareItem
    assignee: AssigneeRef | None
    tags: list[str]
    viewers: list[presence.Viewer]
    breached: bool


def is_breached(item: CareItem, now: datetime) -> bool:
    """Recorded as breached, or a goal passed that the SLA check has not marked yet."""
    return item.breached or (item.due_at is not None and item.due_at < now)


def _view(view: str | None, agent: Account, now: datetime) -> ColumnElement[bool] | None:
    if view == "mine":
        return CareItem.assignee_id == agent.id
    if view == "unassigned":
        return CareItem.assignee_id.is_(None)
    if view == "due":
        soon = now + timedelta(minutes=get_settings().care_due_soon_minutes)
        return and_(CareItem.due_at >= now, CareItem.due_at <= soon, CareItem.breached.is_(False))
    if view == "breached":
        return or_(CareItem.breached.is_(True), CareItem.due_at < now)
    return None


def _filtered(query: Select[*tuple[Any, ...]], filters: QueueFilter, agent: Account,
              now: datetime) -> Select[*tuple[Any, ...]]:
    # Every waiting item has a queue_due (and no closed one has): the condition the queue's
    # indexes answer, where a list of statuses would send the planner to another index.
    query = query.where(CareItem.status == filters.status if filters.status else CareItem.queue_due.is_not(None))
    view = _view(filters.view, agent, now)
    if view is not None:
        query = query.where(view)
    for column, value in ((CareItem.source, filters.source), (CareItem.channel, filters.channel),
                          (CareItem.language, filters.language)):
        if value is not None:
            query = query.where(column == value)
    if filters.tag is not None:
        query = query.where(exists().where(ItemTag.item_id == CareItem.id, ItemTag.tag_id == CareTag.id,
                                           CareTag.name == filters.tag.lower()))
    return query


def _after(cursor: str) -> ColumnElement[bool]:
    """Items after the cursor: (queue_due, priority, id) in the queue; a closed list's by id."""
    due_text, priority, last_id = paging.decode(cursor, str, int, paging.BigInt)
    if not due_text:
        return CareItem.id < last_id
    try:
        due = datetime.fromisoformat(due_text)
    except ValueError as exc:
        raise Invalid("This cursor is broken; start again from the first page", field="cursor") from exc
    return or_(CareItem.queue_due > due, and_(CareItem.queue_due == due, or_(
        CareItem.priority > priority, and_(CareItem.priority == priority, CareItem.id > last_id))))


def _cursor(item: CareItem) -> str:
    return paging.encode(item.queue_due.isoformat() if item.queue_due else "", item.priority, item.id)


async def list_items(session: AsyncSession, agent: Account, filters: QueueFilter, *, saved: int | None = None,
                     cursor: str | None = None, limit: int = paging.DEFAULT_LIMIT) -> tuple[list[QueueRow], str | None]:
    """What is due first, then the most urgent, then the oldest; `saved` adds one of the agent's views."""
    if saved is not None:
        filters = filters.over(parse_filters((await get_view(session, agent, saved)).filters))
    now = clock.now()
    query = _filtered(select(CareItem, Assignee.id, Assignee.display_name)
                      .outerjoin(Assignee, Assignee.id == CareItem.assignee_id), filters, agent, now)
    if cursor:
        query = query.where(_after(cursor))
    # Waiting items in queue_due order straight off ix_care_items_(assignee_)queue; closed ones
    # (queue_due NULL) when a closed status is asked for, the newest first.
    if filters.status is None or ItemStatus(filters.status) in QUEUE_STATUSES:
        query = query.order_by(CareItem.queue_due, CareItem.priority, CareItem.id)
    else:
        query = query.order_by(CareItem.id.desc())
    found = (await session.execute(query.limit(limit + 1))).all()
    rows = await _rows(session, agent, [(i, AssigneeRef(a, n) if a else None) for i, a, n in found[:limit]], now)
    return rows, _cursor(found[limit - 1][0]) if len(found) > limit else None


async def _rows(session: AsyncSession, agent: Account, found: Sequence[tuple[CareItem, AssigneeRef | None]],
                now: datetime) -> list[QueueRow]:
    ids = [item.id for item, _ in found]
    tags = await items.tag_names(session, ids) if ids else {}
    seen = await presence.viewers(session, ids, excluding=agent.id)
    return [QueueRow(item, assignee, tags[item.id], seen[item.id], is_breached(item, now)) for item, assignee in found]


async def row(session: AsyncSession, agent: Account, item: CareItem) -> QueueRow:
    """One item as the list shows it (after an action, and on its own page)."""
    assignee = await session.get(Account, item.assignee_id) if item.assignee_id else None
    ref = AssigneeRef(assignee.id, assignee.display_name) if assignee else None
    return (await _rows(session, agent, [(item, ref)], clock.now()))[0]


@dataclass
class Detail:
    row: QueueRow
    timeline: list[tuple[CareEntry, Account | None]]
    escalations: list[escalation.Started]


async def detail(session: AsyncSession, agent: Account, item_id: int) -> Detail:
    item = await items.get(session, item_id)
    return Detail(await row(session, agent, item), await items.timeline(session, item_id),
                  await escalation.on_item(session, item_id))


# --- saved views ------------------------------------------------------------------------------


async def list_views(session: AsyncSession, agent: Account) -> list[SavedView]:
    return list(await session.scalars(select(SavedView).where(SavedView.agent_id == agent.id)
                                      .order_by(SavedView.name, SavedView.id)))


async def get_view(session: AsyncSession, agent: Account, view_id: int) -> SavedView:
    view = await session.get(SavedView, view_id)
    if view is None or view.agent_id != agent.id:  # another agent's view is none of this one's business
        raise NotFound("No such saved view")
    return view


async def save_view(session: AsyncSession, agent: Account, name: str, raw: Mapping[str, Any]) -> SavedView:
    filters = parse_filters(raw).given()
    if not filters:
        raise Invalid("A saved view needs at least one filter", field="filters")
    if len(await list_views(session, agent)) >= MAX_SAVED_VIEWS:
        raise Invalid("You have as many saved views as an agent may keep; delete one first", field="name")
    view = SavedView(agent_id=agent.id, name=name, filters=filters, created_at=clock.now())
    if not await add_unique(session, view):
        raise Conflict("You already have a view with this name", field="name")
    return view


async def delete_view(session: AsyncSession, agent: Account, view_id: int) -> None:
    view = await get_view(session, agent, view_id)
    await session.execute(delete(SavedView).where(SavedView.id == view.id))


# --- the live stream ---------------------------------------------------------------------------

# A write stamps updated_at a moment before it commits: each poll reads this far back again
# (and skips what it already sent), so a slow commit is not missed.
LAG = timedelta(seconds=10)
POLL_BATCH = 500
POLL_MAX = 5_000  # rows per poll at most; a burst beyond that goes on at the next poll


@dataclass(frozen=True)
class Change:
    id: int
    version: int
    status: str
    assignee_id: int | None
    change: str  # created, assignee, status or changed

    def data(self) -> dict[str, Any]:
        return asdict(self)


class Watch:
    """One live stream: what it has sent (each item's version, status and assignee), and from
    when it reads the next changes. Items changed before the stream began are not replayed."""

    def __init__(self, started: datetime) -> None:
        self.started = started
        self.since = started
        self.sent: dict[int, tuple[int, str, int | None, datetime]] = {}

    def news(self, found: Sequence[Any]) -> list[Change]:
        changes = []
        for item_id, version, status, assignee_id, created_at, updated_at in found:
            before = self.sent.get(item_id)
            if updated_at < self.started or (before is not None and before[0] >= version):
                continue
            if before is None:
                what = "created" if created_at >= self.started else "changed"
            else:
                what = "assignee" if before[2] != assignee_id else "status" if before[1] != status else "changed"
            self.sent[item_id] = (version, str(status), assignee_id, updated_at)
            changes.append(Change(item_id, version, str(status), assignee_id, what))
        if found:
            self.since = max(self.since, found[-1][5])
        self.sent = {k: v for k, v in self.sent.items() if v[3] >= self.since - LAG}
        return changes


async def poll(session: AsyncSession, watch: Watch) -> list[Change]:
    """Items changed since the watch's last poll, on ix_care_items_updated."""
    return watch.news(await changed_since(session, watch.since))


async def changed_since(session: AsyncSession, since: datetime) -> list[Any]:
    """(id, version, status, assignee_id, created_at, updated_at) of the items changed since
    `since` (less LAG), oldest change first, at most POLL_MAX rows."""
    columns = (CareItem.id, CareItem.version, CareItem.status, CareItem.assignee_id, CareItem.created_at,
               CareItem.updated_at)
    found: list[Any] = []
    at, last_id = since - LAG, 0
    while len(found) < POLL_MAX:
        batch = (await session.execute(
            select(*columns)
            .where(or_(CareItem.updated_at > at, and_(CareItem.updated_at == at, CareItem.id > last_id)))
            .order_by(CareItem.updated_at, CareItem.id).limit(POLL_BATCH))).all()
        found.extend(batch)
        if len(batch) < POLL_BATCH:
            break
        at, last_id = batch[-1][5], batch[-1][0]
    return found


class Feed:
    """The live streams of one server process, fed by one poll: 50 agents with the queue open
    cost one query every POLL_SECONDS, not 50. Each stream keeps its own Watch (what it sent)
    and reads the rows the poll shares; the poll runs while at least one stream listens."""

    def __init__(self, sessions: Callable[[], AsyncSession], interval: float) -> None:
        self.sessions, self.interval = sessions, interval
        self.listeners: set[asyncio.Queue[list[Any]]] = set()
        self.since = clock.now()
        self.task: asyncio.Task[None] | None = None

    def listen(self) -> asyncio.Queue[list[Any]]:
        rows: asyncio.Queue[list[Any]] = asyncio.Queue(maxsize=64)
        if not self.listeners:
            self.since = clock.now()
        self.listeners.add(rows)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._run())
        return rows

    def leave(self, rows: asyncio.Queue[list[Any]]) -> None:
        self.listeners.discard(rows)

    async def _run(self) -> None:
        while self.listeners:
            try:
                async with self.sessions() as session:
                    found = await changed_since(session, self.since)
            except Exception:  # a failed poll (the database restarting): the next one reads it again
                log.warning("the care queue's live poll failed; trying again", exc_info=True)
                found = []
            if found:
                self.since = max(self.since, found[-1][5])
                for rows in list(self.listeners):
                    if rows.full():  # a stream that stopped reading: it catches up from its watch's rows
                        rows.get_nowait()
                    rows.put_nowait(found)
            await asyncio.sleep(self.interval)
