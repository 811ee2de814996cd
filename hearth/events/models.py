"""The outbox's tables: events (and the jobs they fan out to), and the workers' heartbeats."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Float, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base


class Lane(StrEnum):
    """Where an event's work runs. `fast`: in a short write transaction of its own (a
    handler reads and writes a few rows). `slow`: outside any transaction, claimed with a
    lease, CPU-heavy parts in a process pool (training, imports, rollups, outgoing HTTP)."""

    FAST = "fast"
    SLOW = "slow"


class Outcome(StrEnum):
    PROCESSED = "processed"
    FAILED = "failed"          # parked after the last attempt, until someone retries or dismisses it
    UNHANDLED = "unhandled"    # no handler listens for it
    COALESCED = "coalesced"    # a later run of the same job covered it
    DISMISSED = "dismissed"    # a failure an admin decided to drop


class OutboxEvent(Base):
    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    lane: Mapped[str] = mapped_column(String(10), default=Lane.FAST, server_default=Lane.FAST)
    # Jobs that coalesce share a key: one run covers every pending row with the same name and key.
    key: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    available_at: Mapped[datetime]
    # When it should be done by (available_at plus its kind's latency budget): workers take the
    # earliest deadline first, so a kind with a tight budget overtakes a burst of another.
    deadline: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    # A slow job's claim: the worker holding it and until when (renewed while the job runs).
    locked_by: Mapped[str | None] = mapped_column(String(100))
    locked_until: Mapped[datetime | None]
    processed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    duration_ms: Mapped[float | None] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # Workers only ever look at pending rows, lane by lane by deadline; keep that index small.
        Index("ix_outbox_events_pending", "lane", "deadline", "id",
              postgresql_where=text("processed_at IS NULL"), sqlite_where=text("processed_at IS NULL")),
        Index("ix_outbox_events_coalesce", "name", "key",
              postgresql_where=text("processed_at IS NULL"), sqlite_where=text("processed_at IS NULL")),
        # Pruning and the last hour's handler times.
        Index("ix_outbox_events_processed_at", "processed_at"),
        Index("ix_outbox_events_failed", "name",
              postgresql_where=text("outcome = 'failed'"), sqlite_where=text("outcome = 'failed'")),
    )


class WorkerBeat(Base):
    """A running worker's heartbeat, for `hearth worker --status`, the admin page and /healthz."""

    __tablename__ = "outbox_workers"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    pid: Mapped[int]
    lanes: Mapped[str] = mapped_column(String(50))
    started_at: Mapped[datetime]
    seen_at: Mapped[datetime]
    handled: Mapped[int] = mapped_column(default=0)
    current: Mapped[str | None] = mapped_column(String(200))
