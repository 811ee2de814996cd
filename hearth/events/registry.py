"""Who listens to which event, in which lane, and how fast it must be done.

`on(name)` subscribes a handler. A plain subscription runs inside the transaction that
marks the event handled (the fast lane). A subscription in the slow lane, or one that
coalesces, gets rows of its own — a *job* — written when the event is published: the job
is named after the event and the handler (`care.sentiment_corrected>retrain_sentiment`),
keeps its own retries, and when it coalesces, one run covers every pending row with the
same key (a burst of 2,000 corrections, one retrain). Every row carries a deadline (its
time plus the budget) and workers take the earliest deadline first.

Handlers in the fast lane take `(session, event)` and must be idempotent. Jobs in the slow
lane take `(work, event)` (see `hearth.events.outbox.Work`): they read in short sessions,
compute outside any transaction (`await work.cpu(func, …)` for CPU-heavy parts) and write
their result in one short `async with work.write() as session:`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hearth.events.models import Lane

# Latency budgets (seconds from an event's publication to its handling) unless a
# subscription names its own; the status pages flag kinds that are behind theirs.
DEFAULT_BUDGET = {Lane.FAST: 30.0, Lane.SLOW: 600.0}
JOB_SEPARATOR = ">"


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    name: str
    payload: dict[str, Any]
    created_at: datetime


Handler = Callable[..., Awaitable[None]]
KeyFunction = Callable[[dict[str, Any]], str]


@dataclass(frozen=True, eq=False)
class Subscription:
    event: str
    handler: Handler
    lane: Lane
    key: KeyFunction | None  # coalescing key of a job's rows; None: every trigger runs
    delay: float             # seconds a coalescing job waits for the rest of a burst
    budget: float
    job_name: str | None = None  # several events may feed one job (and coalesce together)

    @property
    def is_job(self) -> bool:
        return self.lane is Lane.SLOW or self.key is not None

    @property
    def job(self) -> str:
        return self.job_name or f"{self.event}{JOB_SEPARATOR}{self.handler.__name__}"


@dataclass
class Registry:
    by_event: dict[str, list[Subscription]] = field(default_factory=dict)
    by_job: dict[str, Subscription] = field(default_factory=dict)


_registry = Registry()


def _key_function(coalesce: bool | str | KeyFunction | None) -> KeyFunction | None:
    if coalesce is None or coalesce is False:
        return None
    if coalesce is True:
        return lambda _payload: "*"
    if isinstance(coalesce, str):
        return lambda payload: str(payload.get(coalesce))[:200]
    return lambda payload: str(coalesce(payload))[:200]


def on(name: str, *, lane: Lane = Lane.FAST, coalesce: bool | str | KeyFunction | None = None,
       delay: float = 0.0, budget: float | None = None, job: str | None = None) -> Callable[[Handler], Handler]:
    """Subscribe a handler to an event.

    `lane`: FAST (default) runs it in a short transaction with `(session, event)`; SLOW runs
    it as a job with `(work, event)`. `coalesce`: True (one run covers every pending trigger),
    a payload field name (one run per value, e.g. "thread_id") or a function of the payload.
    `delay`: seconds a coalescing job waits so a burst is handled by one run. `budget`: the
    documented latency, in seconds from publication. `job`: a name several events' triggers
    share, so they coalesce together (a thread's reindex, whichever change asked for it)."""

    def register(handler: Handler) -> Handler:
        subscriptions = _registry.by_event.setdefault(name, [])
        if any(s.handler is handler for s in subscriptions):
            return handler
        subscription = Subscription(name, handler, Lane(lane), _key_function(coalesce), delay,
                                    budget if budget is not None else DEFAULT_BUDGET[Lane(lane)], job)
        known = _registry.by_job.get(subscription.job) if subscription.is_job else None
        if known is not None and known.handler is not handler:
            raise ValueError(f"two jobs named {subscription.job}: give one handler another name")
        subscriptions.append(subscription)
        if subscription.is_job:
            _registry.by_job[subscription.job] = subscription
        return handler

    return register


def remove_handler(name: str, handler: Handler) -> None:
    subscriptions = _registry.by_event.get(name, [])
    for subscription in [s for s in subscriptions if s.handler is handler]:
        subscriptions.remove(subscription)
        still_fed = any(s.job == subscription.job and s.is_job for subs in _registry.by_event.values() for s in subs)
        if not still_fed:
            _registry.by_job.pop(subscription.job, None)
    if not subscriptions:
        _registry.by_event.pop(name, None)


def subscriptions(name: str) -> list[Subscription]:
    return _registry.by_event.get(name, [])


def job(name: str) -> Subscription | None:
    return _registry.by_job.get(name)


@dataclass(frozen=True)
class Kind:
    """A kind of outbox row as the status pages show it: an event, or a job it fans out to."""

    name: str
    lane: Lane
    budget: float
    coalesced: bool
    handlers: tuple[str, ...]


def kinds() -> list[Kind]:
    found: dict[str, Kind] = {}
    for name, subs in sorted(_registry.by_event.items()):
        inline = [s for s in subs if not s.is_job]
        if inline:  # an event whose work is all in jobs has no row of its own
            found[name] = Kind(name, Lane.FAST, budget_of_event(inline), False,
                               tuple(s.handler.__name__ for s in inline))
        for s in subs:
            if s.is_job:
                found.setdefault(s.job, Kind(s.job, s.lane, s.budget, s.key is not None, (s.handler.__name__,)))
    return list(found.values())


def budget_of_event(inline: list[Subscription]) -> float:
    """An event's budget: the tightest of its handlers in the fast lane."""
    return min((s.budget for s in inline), default=DEFAULT_BUDGET[Lane.FAST])


# --- recurring work --------------------------------------------------------------------------

Chore = Callable[[AsyncSession], Awaitable[int]]
# Housekeeping the worker runs about once an hour. Each call does one small batch in its own
# short transaction and returns how many rows it touched; it is called again until it returns 0.
_chores: list[Chore] = []


def chore(func: Chore) -> Chore:
    if func not in _chores:
        _chores.append(func)
    return func


def chores() -> list[Chore]:
    return list(_chores)


Periodic = Callable[[Any], Awaitable[int]]
# Work the worker does every so often outside any transaction (polling feeds, resuming
# interrupted imports): each task opens the transactions it needs itself.
_periodic: dict[Periodic, float] = {}


def every(seconds: float) -> Callable[[Periodic], Periodic]:
    def register(func: Periodic) -> Periodic:
        _periodic[func] = seconds
        return func

    return register


def periodic() -> dict[Periodic, float]:
    return dict(_periodic)
