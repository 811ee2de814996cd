from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hearth.ids import Id
from hearth.paging import Page
from hearth.untrusted import CleanLine
from retention.models import CaseStatus, Channel, ContactResult, Outcome

View = Literal["open", "mine", "pool", "overdue", "closed", "all"]


def _strip(value: str | None) -> str | None:
    value = (value or "").replace("\r\n", "\n").strip()
    return value or None


class TakeIn(BaseModel):
    version: Id


class AssignIn(BaseModel):
    version: Id
    agent_id: Id | None = Field(default=None, description="The agent to give the case to; none puts it back "
                                                           "in the pool")


class AttemptIn(BaseModel):
    channel: Channel
    result: ContactResult
    note: str | None = Field(default=None, max_length=2000)

    _note = field_validator("note")(lambda value: _strip(value))


class NoteIn(BaseModel):
    text: str = Field(min_length=2, max_length=2000)

    _text = field_validator("text")(lambda value: _strip(value) or "")


class CloseIn(BaseModel):
    version: Id
    # Optional here so that leaving it out gets the service's own clear message.
    outcome: Outcome | None = None
    root_cause_id: Id | None = None
    note: str | None = Field(default=None, max_length=2000)

    _note = field_validator("note")(lambda value: _strip(value))


class RootCauseIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    position: int = Field(default=0, ge=0, le=10_000)
    active: bool = True


class RootCauseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    position: int
    active: bool


class PersonOut(BaseModel):
    id: int
    handle: str
    display_name: str


class CustomerOut(PersonOut):
    email: str
    language: str | None


class ReviewFactsOut(BaseModel):
    id: int
    product_id: int
    product_name: str
    rating: int
    title: str
    body: str
    state: str
    url: str
    created_at: datetime
    updated_at: datetime


class CaseOut(BaseModel):
    id: int
    review_id: int
    product_id: int
    status: CaseStatus
    rating_before: int
    rating_after: int | None
    version: int
    customer: PersonOut | None
    assignee: PersonOut | None
    review: ReviewFactsOut | None
    opened_at: datetime
    due_at: datetime
    overdue: bool
    first_contact_at: datetime | None
    reminded_at: datetime | None
    escalated_at: datetime | None
    review_removed_at: datetime | None
    outcome: Outcome | None
    root_cause: RootCauseOut | None
    closed_at: datetime | None


class AttemptOut(BaseModel):
    id: int
    channel: Channel
    result: ContactResult
    note: str | None
    agent: PersonOut | None
    created_at: datetime


class EntryOut(BaseModel):
    id: int
    action: str
    actor: PersonOut | None
    note: str | None
    details: dict
    created_at: datetime


class CaseDetailOut(CaseOut):
    customer: CustomerOut | None
    closed_by: PersonOut | None
    closing_note: str | None
    attempts: list[AttemptOut]
    history: list[EntryOut]
    other_reviews: list[ReviewFactsOut]
    other_cases: list[CaseOut]


class CasePage(Page[CaseOut]):
    total: int


class RateOut(BaseModel):
    key: str = Field(description="The product's id or the month (YYYY-MM)")
    label: str
    retained: int
    churned: int
    rate: float | None = Field(description="retained / (retained + churned)")


class DashboardOut(BaseModel):
    since: datetime
    open: int
    overdue: int
    unassigned: int
    mine: int
    contacted: int
    median_hours_to_first_contact: float | None
    contacted_in_time: float | None = Field(description="Share of first contacts made before the deadline")
    outcomes: dict[str, int]
    retention_rate: float | None
    by_product: list[RateOut]
    by_month: list[RateOut]
