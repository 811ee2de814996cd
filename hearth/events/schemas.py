"""The outbox's status as the API shows it (GET /api/v1/admin/outbox)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from hearth.events.models import OutboxEvent, WorkerBeat
from hearth.events.status import KindStatus, Status


class KindOut(BaseModel):
    name: str = Field(description="An event, or a job it fans out to (event>handler)")
    lane: str = Field(description="fast: short transactions; slow: jobs outside transactions")
    budget_seconds: float = Field(description="Documented latency from publication to handling")
    pending: int
    due: int
    oldest_wait_seconds: float | None
    behind: bool = Field(description="The longest-waiting due event has waited longer than the budget")
    failed: int = Field(description="Parked after the last attempt, until retried or dismissed")
    last_hour: dict[str, int] = Field(description="Handled in the last hour, by outcome")
    mean_ms: float | None = Field(description="Mean handler time in the last hour")
    max_ms: float | None

    @classmethod
    def of(cls, k: KindStatus) -> KindOut:
        return cls(name=k.name, lane=k.lane, budget_seconds=k.budget, pending=k.pending, due=k.due,
                   oldest_wait_seconds=k.oldest_wait, behind=k.behind, failed=k.failed, last_hour=k.last_hour,
                   mean_ms=k.mean_ms, max_ms=k.max_ms)


class WorkerOut(BaseModel):
    name: str
    pid: int
    lanes: str
    started_at: datetime
    seen_at: datetime
    handled: int
    current: str | None

    @classmethod
    def of(cls, w: WorkerBeat) -> WorkerOut:
        return cls(name=w.name, pid=w.pid, lanes=w.lanes, started_at=w.started_at, seen_at=w.seen_at,
                   handled=w.handled, current=w.current)


class OutboxStatusOut(BaseModel):
    state: str = Field(description="ok, behind (some kind is over its budget) or stalled")
    pending: int
    failed: int
    oldest_wait_seconds: float | None
    workers: list[WorkerOut]
    kinds: list[KindOut]

    @classmethod
    def of(cls, s: Status) -> OutboxStatusOut:
        return cls(state=s.state, pending=s.pending, failed=s.failed, oldest_wait_seconds=s.oldest_wait,
                   workers=[WorkerOut.of(w) for w in s.workers], kinds=[KindOut.of(k) for k in s.kinds])


class EventOut(BaseModel):
    id: int
    name: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    outcome: str | None
    last_error: str | None

    @classmethod
    def of(cls, e: OutboxEvent) -> EventOut:
        return cls(id=e.id, name=e.name, payload=e.payload, created_at=e.created_at, attempts=e.attempts,
                   outcome=e.outcome, last_error=e.last_error)
