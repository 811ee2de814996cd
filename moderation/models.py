"""Moderation's tables: one polymorphic review queue (Discourse's Reviewable), flags,
watched words, guidelines, the audit trail, screenings and members' standing.

Moderation knows content only as a kind ("forum.post") and an id; the domain that owns
the content registers how to show it and change its state (see moderation.kinds).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base


def _enum(cls: type[enum.Enum], length: int = 20) -> Enum:
    return Enum(cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class ContentState(enum.StrEnum):
    """Where a piece of content stands; owned by its domain, set through moderation."""

    PUBLISHED = "published"
    HELD = "held"          # waiting for a moderator before anyone else sees it
    HIDDEN = "hidden"      # was public; hidden by flags or a moderator pending review
    REJECTED = "rejected"  # a moderator refused it with a guideline reason
    DELETED = "deleted"    # removed by a moderator; kept for the audit trail


class Decision(enum.StrEnum):
    PUBLISH = "publish"
    PUBLISH_AND_FLAG = "publish_and_flag"
    HOLD = "hold"
    REJECT = "reject"


class ReviewStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"   # the content may stay (or go) public
    REJECTED = "rejected"   # the content was refused, hidden or deleted
    IGNORED = "ignored"     # nothing to do; flags set aside


class Priority(enum.IntEnum):
    LOW = 0
    NORMAL = 1
    HIGH = 2


class FlagReason(enum.StrEnum):
    SPAM = "spam"
    INSULT = "insult"
    PERSONAL_DATA = "personal_data"
    OFF_TOPIC = "off_topic"
    OTHER = "other"


class WordAction(enum.StrEnum):
    BLOCK = "block"
    REQUIRE_APPROVAL = "require_approval"
    FLAG = "flag"
    CENSOR = "censor"
    REPLACE = "replace"


class Reviewable(Base):
    """One item in the review queue per piece of content, however many flags it gets."""

    __tablename__ = "moderation_reviewables"
    __table_args__ = (
        UniqueConstraint("content_kind", "content_id"),
        Index("ix_moderation_reviewables_queue", "status", "priority", "score", "id"),
        Index("ix_moderation_reviewables_author_id", "author_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content_kind: Mapped[str] = mapped_column(String(40))
    content_id: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    status: Mapped[ReviewStatus] = mapped_column(_enum(ReviewStatus))
    priority: Mapped[int] = mapped_column(default=Priority.NORMAL)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    # Reason codes, each once, in the order they arrived: "insult", "flag:spam", "appeal", …
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Optimistic lock: every change bumps it, and an action names the version it saw.
    version: Mapped[int] = mapped_column(default=1)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None]
    guideline_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_guidelines.id", ondelete="SET NULL"))
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None]
    appeal_text: Mapped[str | None] = mapped_column(Text)
    appealed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Flag(Base):
    __tablename__ = "moderation_flags"
    # One flag per member per item: the constraint settles two clicks at the same moment.
    __table_args__ = (UniqueConstraint("content_kind", "content_id", "flagger_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reviewable_id: Mapped[int] = mapped_column(ForeignKey("moderation_reviewables.id", ondelete="CASCADE"),
                                               index=True)
    content_kind: Mapped[str] = mapped_column(String(40))
    content_id: Mapped[int]
    flagger_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    reason: Mapped[FlagReason] = mapped_column(_enum(FlagReason))
    note: Mapped[str | None] = mapped_column(String(500))
    weight: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime]


class WatchedWord(Base):
    __tablename__ = "moderation_watched_words"
    __table_args__ = (UniqueConstraint("pattern"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern: Mapped[str] = mapped_column(String(200))
    is_regex: Mapped[bool] = mapped_column(default=False)
    action: Mapped[WordAction] = mapped_column(_enum(WordAction))
    replacement: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class Guideline(Base):
    """A community rule a moderator cites when refusing content; admins keep the list."""

    __tablename__ = "moderation_guidelines"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class ModerationAction(Base):
    """The audit trail: who (None: the automatic screening) did what to which content, and why."""

    __tablename__ = "moderation_actions"
    __table_args__ = (
        Index("ix_moderation_actions_subject_id_id", "subject_id", "id"),
        Index("ix_moderation_actions_reviewable_id_id", "reviewable_id", "id"),
        Index("ix_moderation_actions_action_id", "action", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reviewable_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_reviewables.id", ondelete="SET NULL"))
    content_kind: Mapped[str | None] = mapped_column(String(40))
    content_id: Mapped[int | None]
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(30))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    guideline_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_guidelines.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]


class Original(Base):
    """Text as the author wrote it, before personal data was masked: for moderators only."""

    __tablename__ = "moderation_originals"

    content_kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    content_id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    findings: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]


class Screening(Base):
    """One screened text: the trail for rate limits, repeated posts and first-post approval."""

    __tablename__ = "moderation_screenings"
    __table_args__ = (
        Index("ix_moderation_screenings_author_id_created_at", "author_id", "created_at"),
        Index("ix_moderation_screenings_text_hash_created_at", "text_hash", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    content_kind: Mapped[str] = mapped_column(String(40))
    content_id: Mapped[int | None]
    decision: Mapped[Decision] = mapped_column(_enum(Decision))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str | None] = mapped_column(String(8))
    text_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Standing(Base):
    """How a member has taken part, from which their trust level follows (see moderation.trust)."""

    __tablename__ = "moderation_standings"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    published_count: Mapped[int] = mapped_column(default=0)
    rejected_count: Mapped[int] = mapped_column(default=0)
    warning_count: Mapped[int] = mapped_column(default=0)
    flags_agreed: Mapped[int] = mapped_column(default=0)
    flags_disagreed: Mapped[int] = mapped_column(default=0)
    last_rejected_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
