"""Retention's tables: one case per low-star review, the contact attempts on it, its history,
the root causes admins keep, and whose turn it is for the next case.

A case runs beside its review and never changes it: the review is published like any other.
Retention knows reviews by id and reads them through reviews.service.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base


def _enum(cls: type[enum.Enum], length: int = 20) -> Enum:
    return Enum(cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(enum.StrEnum):
    RETAINED = "retained"
    CHURNED = "churned"
    UNREACHABLE = "unreachable"
    NOT_A_CUSTOMER = "not_a_customer"


class Channel(enum.StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    MESSAGE = "message"


class ContactResult(enum.StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"
    WRONG_NUMBER = "wrong_number"


class RootCause(Base):
    """Why the customer was unhappy, from a list admins keep; cited when a case is closed."""

    __tablename__ = "retention_root_causes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class RetentionCase(Base):
    """A retention agent calls back the author of a 1-2 star review before `due_at`."""

    __tablename__ = "retention_cases"
    __table_args__ = (
        Index("ix_retention_cases_status_due_at", "status", "due_at", "id"),
        Index("ix_retention_cases_assignee_id_status", "assignee_id", "status"),
        Index("ix_retention_cases_customer_id", "customer_id"),
        Index("ix_retention_cases_product_id_status", "product_id", "status"),
        Index("ix_retention_cases_closed_at", "closed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # One case per review: the constraint makes a retried event harmless.
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("review_products.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # The stars when the case opened, and the latest ones when the author changed the review since.
    rating_before: Mapped[int]
    rating_after: Mapped[int | None]
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    assigned_at: Mapped[datetime | None]
    # Optimistic lock: every change bumps it; taking and closing name the version they saw.
    version: Mapped[int] = mapped_column(default=1)
    opened_at: Mapped[datetime]
    due_at: Mapped[datetime]
    first_contact_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]
    review_removed_at: Mapped[datetime | None]
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome))
    root_cause_id: Mapped[int | None] = mapped_column(ForeignKey("retention_root_causes.id", ondelete="SET NULL"))
    closing_note: Mapped[str | None] = mapped_column(Text)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN

    def overdue(self, now: datetime) -> bool:
        """The deadline is for the first contact: an open case nobody reached out on in time."""
        return self.is_open and self.first_contact_at is None and self.due_at <= now

    @property
    def rating(self) -> int:
        return self.rating_after if self.rating_after is not None else self.rating_before


class ContactAttempt(Base):
    __tablename__ = "retention_contact_attempts"
    __table_args__ = (Index("ix_retention_contact_attempts_case_id_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("retention_cases.id", ondelete="CASCADE"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel))
    result: Mapped[ContactResult] = mapped_column(_enum(ContactResult))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class CaseEntry(Base):
    """A case's history: who (None: the system) did what, and when."""

    __tablename__ = "retention_case_entries"
    __table_args__ = (Index("ix_retention_case_entries_case_id_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("retention_cases.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]


class AgentTurn(Base):
    """Round robin's memory: the agent with the oldest (or no) turn gets the next case.

    `turn` grows with every assignment; a counter, not a time, so two cases in the same
    instant still go to different agents."""

    __tablename__ = "retention_agent_turns"

    agent_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    turn: Mapped[int]
    last_assigned_at: Mapped[datetime]
