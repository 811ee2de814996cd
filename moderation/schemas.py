from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hearth.ids import Id
from hearth.paging import Page
from hearth.untrusted import CleanLine
from moderation.models import FlagReason, ReviewStatus, WordAction

# route_to_care: the content needs the brand's answer, not (only) a moderator's decision.
ACTIONS = ("approve", "reject", "edit", "hide", "delete", "ignore", "warn", "suspend", "route_to_care")
Action = Literal["approve", "reject", "edit", "hide", "delete", "ignore", "warn", "suspend", "route_to_care"]
# Actions that refuse content or act on its author must cite a community guideline.
NEEDS_GUIDELINE = frozenset({"reject", "hide", "delete", "warn", "suspend"})


def _strip(value: str | None) -> str | None:
    value = (value or "").replace("\r\n", "\n").strip()
    return value or None


class FlagIn(BaseModel):
    kind: str = Field(min_length=1, max_length=40)
    content_id: Id
    reason: FlagReason
    note: str | None = Field(default=None, max_length=500)

    _note = field_validator("note")(lambda value: _strip(value))


class ActionIn(BaseModel):
    action: Action
    version: Id
    guideline_id: Id | None = None
    note: str | None = Field(default=None, max_length=2000)
    text: str | None = Field(default=None, max_length=20_000)
    days: int | None = Field(default=None, ge=1, le=365)

    _note = field_validator("note", "text")(lambda value: _strip(value))


class ClaimIn(BaseModel):
    version: Id


class AppealIn(BaseModel):
    text: str = Field(min_length=10, max_length=2000)

    _text = field_validator("text")(lambda value: _strip(value) or "")


class WatchedWordIn(BaseModel):
    pattern: str = Field(min_length=1, max_length=200)
    is_regex: bool = False
    action: WordAction
    replacement: str | None = Field(default=None, max_length=200)

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("Enter a word or phrase")
        return value

    @model_validator(mode="after")
    def _replacement(self) -> WatchedWordIn:
        if self.action != WordAction.REPLACE:
            self.replacement = None
        return self


class GuidelineIn(BaseModel):
    title: CleanLine = Field(min_length=3, max_length=80)
    description: str = Field(default="", max_length=500)
    position: int = Field(default=0, ge=0, le=10_000)
    active: bool = True


class GuidelineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str
    position: int
    active: bool


class WatchedWordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    pattern: str
    is_regex: bool
    action: WordAction
    replacement: str | None
    created_at: datetime


class PersonOut(BaseModel):
    id: int
    handle: str
    display_name: str


class ReasonOut(BaseModel):
    code: str
    message: str


class ContentOut(BaseModel):
    kind: str
    id: int
    title: str
    body: str
    body_html: str
    url: str
    state: str
    context: str
    context_excerpt: str
    language: str | None
    created_at: datetime


class ReviewableOut(BaseModel):
    id: int
    content_kind: str
    content_id: int
    status: ReviewStatus
    priority: int
    score: float
    reasons: list[ReasonOut]
    version: int
    author: PersonOut | None
    claimed_by: PersonOut | None
    content: ContentOut | None
    flag_count: int
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    appealed: bool


class QueuePage(Page[ReviewableOut]):
    total: int


class FlagOut(BaseModel):
    id: int
    reason: FlagReason
    note: str | None
    weight: float
    flagger: PersonOut
    created_at: datetime


class ActionOut(BaseModel):
    id: int
    reviewable_id: int | None
    content_kind: str | None
    content_id: int | None
    action: str
    actor: PersonOut | None
    subject: PersonOut | None
    reasons: list[str]
    guideline: str | None
    note: str | None
    details: dict[str, Any]
    created_at: datetime


class ItemOut(ReviewableOut):
    flags: list[FlagOut]
    history: list[ActionOut]
    original: str | None
    guideline: str | None
    appeal_text: str | None
    author_trust_level: int | None


class AuditPage(Page[ActionOut]):
    pass


class MemberHistoryOut(BaseModel):
    member: PersonOut
    trust_level: int
    published_count: int
    rejected_count: int
    warning_count: int
    suspended_until: datetime | None
    items: list[ReviewableOut]
    actions: list[ActionOut]


class SuspensionIn(BaseModel):
    """Either `days` (suspend) or `lift: true` (lift the suspension): never neither, so an
    empty or cut-off body cannot lift a suspension by accident."""

    days: int | None = Field(default=None, ge=1, le=365, description="Suspend for this many days")
    lift: bool = Field(default=False, description="Lift the member's suspension; send it instead of `days`")
    guideline_id: Id | None = None
    note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_of(self) -> SuspensionIn:
        if (self.days is None) == (not self.lift):
            raise ValueError("Send either days (1 to 365) to suspend or lift: true to lift the suspension")
        return self
