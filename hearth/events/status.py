"""How the background work is doing — backlog, waits, failures and handler times per kind —
for /metrics, /healthz, the admin page and `hearth worker --status`; and the housekeeping
that keeps the outbox small (pruning) or unstuck (retrying or dismissing failures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.db import rowcount
from hearth.domains import load_handlers
from hearth.errors import NotFound
from hearth.events import registry
from hearth.events.models import Lane, OutboxEvent, Outcome, WorkerBeat
from hearth.settings import get_settings

LIVE = timedelta(seconds=45)   # a worker whose heartbeat is older is taken for gone
PRUNE_BATCH = 1_000


@dataclass
class KindStatus:
    name: str
    lane: str
    budget: float
    pending: int = 0            # not yet handled, scheduled ones included
    due: int = 0                # of which due now
    oldest_wait: float | None = None  # seconds the longest-waiting due one has waited
    failed: int = 0             # parked, waiting for someone
    last_hour: dict[str, int] = field(default_factory=dict)  # outcome -> count
    mean_ms: float | None = None
    max_ms: float | None = None

    @property
    def behind(self) -> bool:
        return self.oldest_wait is not None and self.oldest_wait > self.budget


@dataclass
class Status:
    kinds: list[KindStatus]
    workers: list[WorkerBeat]
    oldest_wait: float | None
    state: str  # ok | behind | stalled

    @property
    def pending(self) -> int:
        return sum(k.pending for k in self.kinds)

    @property
    def failed(self) -> int:
        return sum(k.failed for k in self.kinds)


async def status(session: AsyncSession) -> Status:
    load_handlers()
    now = clock.now()
    kinds = {k.name: KindStatus(k.name, k.lane, k.budget) for k in registry.kinds()}

    def kind(name: str, lane: str) -> KindStatus:
        return kinds.setdefault(name, KindStatus(name, lane, registry.DEFAULT_BUDGET[Lane(lane)]))

    due = OutboxEvent.available_at <= now
    for name, lane, pending, due_count, oldest in (await session.execute(
            select(OutboxEvent.name, OutboxEvent.lane, func.count(), func.sum(case((due, 1), else_=0)),
                   func.min(case((due, OutboxEvent.available_at), else_=None)))
            .where(OutboxEvent.processed_at.is_(None)).group_by(OutboxEvent.name, OutboxEvent.lane))).all():
        entry = kind(name, lane)
        entry.pending, entry.due = pending, int(due_count or 0)
        entry.oldest_wait = _seconds(now, oldest)
    for name, lane, failed in (await session.execute(
            select(OutboxEvent.name, OutboxEvent.lane, func.count()).where(OutboxEvent.outcome == Outcome.FAILED)
            .group_by(OutboxEvent.name, OutboxEvent.lane))).all():
        kind(name, lane).failed = failed
    for name, lane, outcome, count, mean_ms, max_ms in (await session.execute(
            select(OutboxEvent.name, OutboxEvent.lane, OutboxEvent.outcome, func.count(),
                   func.avg(OutboxEvent.duration_ms), func.max(OutboxEvent.duration_ms))
            .where(OutboxEvent.processed_at >= now - timedelta(hours=1))
            .group_by(OutboxEvent.name, OutboxEvent.lane, OutboxEvent.outcome))).all():
        entry = kind(name, lane)
        entry.last_hour[outcome or "?"] = count
        if outcome == Outcome.PROCESSED:
            entry.mean_ms, entry.max_ms = float(mean_ms or 0), float(max_ms or 0)
    workers = list(await session.scalars(select(WorkerBeat).where(WorkerBeat.seen_at >= now - LIVE)
                                         .order_by(WorkerBeat.name)))
    waits = [k.oldest_wait for k in kinds.values() if k.oldest_wait is not None]
    oldest_wait = max(waits, default=None)
    return Status(sorted(kinds.values(), key=lambda k: (k.lane, k.name)), workers, oldest_wait,
                  _state(kinds.values(), oldest_wait, bool(workers)))


def _seconds(now: datetime, then: datetime | None) -> float | None:
    if then is None:
        return None
    if then.tzinfo is None:  # SQLite's MIN() hands back the stored text, without its zone
        then = then.replace(tzinfo=now.tzinfo)
    return max((now - then).total_seconds(), 0.0)


def _state(kinds: object, oldest_wait: float | None, workers_alive: bool) -> str:
    if oldest_wait is None:
        return "ok"
    stall = get_settings().worker_stall_seconds
    if oldest_wait > stall or (not workers_alive and oldest_wait > LIVE.total_seconds()):
        return "stalled"
    return "behind" if any(k.behind for k in kinds) else "ok"  # type: ignore[attr-defined]


async def health(session: AsyncSession) -> dict[str, object]:
    """What /healthz says about the worker; cheap enough to ask every few seconds."""
    now = clock.now()
    oldest = await session.scalar(select(func.min(OutboxEvent.available_at)).where(
        OutboxEvent.processed_at.is_(None), OutboxEvent.available_at <= now))
    wait = _seconds(now, oldest)
    alive = bool(await session.scalar(select(func.count()).select_from(WorkerBeat).where(
        WorkerBeat.seen_at >= now - LIVE)))
    stall = get_settings().worker_stall_seconds
    stalled = wait is not None and (wait > stall or (not alive and wait > LIVE.total_seconds()))
    return {"state": "stalled" if stalled else "ok", "workers": "running" if alive else "none",
            "oldest_wait_seconds": round(wait, 1) if wait is not None else None}


# --- housekeeping ------------------------------------------------------------------------------

@registry.chore
async def prune_outbox(session: AsyncSession) -> int:
    """Delete one batch of events handled longer ago than `outbox_keep_days`; failures stay
    until someone retries or dismisses them."""
    cutoff = clock.now() - timedelta(days=get_settings().outbox_keep_days)
    batch = select(OutboxEvent.id).where(OutboxEvent.processed_at < cutoff,
                                         OutboxEvent.outcome != Outcome.FAILED).limit(PRUNE_BATCH)
    result = await session.execute(delete(OutboxEvent).where(OutboxEvent.id.in_(batch.scalar_subquery()))
                                   .execution_options(synchronize_session=False))
    return rowcount(result) or 0


@registry.chore
async def prune_workers(session: AsyncSession) -> int:
    result = await session.execute(delete(WorkerBeat).where(WorkerBeat.seen_at < clock.now() - timedelta(days=1)))
    return rowcount(result) or 0


async def failures(session: AsyncSession, *, limit: int = 100) -> list[OutboxEvent]:
    return list(await session.scalars(select(OutboxEvent).where(OutboxEvent.outcome == Outcome.FAILED)
                                      .order_by(OutboxEvent.id.desc()).limit(limit)))


async def _failed(session: AsyncSession, event_id: int) -> OutboxEvent:
    row = await session.get(OutboxEvent, event_id)
    if row is None or row.outcome != Outcome.FAILED:
        raise NotFound("No such failed event")
    return row


async def retry(session: AsyncSession, event_id: int) -> OutboxEvent:
    """Run a parked failure again, with a fresh set of attempts."""
    row = await _failed(session, event_id)
    row.processed_at = row.outcome = row.locked_by = row.locked_until = None
    row.attempts, row.available_at = 0, clock.now()
    await session.flush()
    return row


async def dismiss(session: AsyncSession, event_id: int) -> OutboxEvent:
    """Drop a parked failure: it stays readable until pruned, and is never run again."""
    row = await _failed(session, event_id)
    row.outcome = Outcome.DISMISSED
    await session.flush()
    return row


async def retry_all(session: AsyncSession, name: str | None = None) -> int:
    query = update(OutboxEvent).where(OutboxEvent.outcome == Outcome.FAILED)
    if name:
        query = query.where(OutboxEvent.name == name)
    result = await session.execute(query.values(processed_at=None, outcome=None, attempts=0,
                                                available_at=clock.now()).execution_options(synchronize_session=False))
    return rowcount(result) or 0
