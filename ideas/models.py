"""The idea exchange: product areas, ideas with their votes, comments, followers and status
history, and the themes of low-star reviews that product managers read beside them.

`Idea.vote_count` and `Idea.comment_count` are kept by ideas.service in the same statements
as the rows they count; `Idea.trending` is the log of the time-decayed sum of its votes and
comments (see ideas.service.TAU), so "trending now" is one indexed column.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hearth.accounts.models import Account
from hearth.db import Base
from moderation.models import ContentState

_STATE = Enum(ContentState, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class IdeaStatus(enum.StrEnum):
    OPEN = "open"
    UNDER_REVIEW = "under_review"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DECLINED = "declined"
    MERGED = "merged"


_STATUS = Enum(IdeaStatus, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])
# Ideas that still take votes; a vote on any other idea has done its work and leaves the budget.
ACTIVE = frozenset({IdeaStatus.OPEN, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS})


class IdeaArea(Base):
    """A product area ideas are about (cards, the app, mobile plans…), of one of the brand's lines."""

    __tablename__ = "idea_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    brand: Mapped[str] = mapped_column(String(80), default="")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]


class Idea(Base):
    __tablename__ = "ideas"
    # Every list reads one of these in order: by status or area, or all, each by its sort.
    __table_args__ = (
        Index("ix_ideas_status_trending", "status", "trending", "id"),
        Index("ix_ideas_status_votes", "status", "vote_count", "id"),
        Index("ix_ideas_status_created", "status", "created_at", "id"),
        Index("ix_ideas_area_trending", "area_id", "trending", "id"),
        Index("ix_ideas_area_votes", "area_id", "vote_count", "id"),
        Index("ix_ideas_area_created", "area_id", "created_at", "id"),
        Index("ix_ideas_trending", "trending", "id"),
        Index("ix_ideas_votes", "vote_count", "id"),
        Index("ix_ideas_created", "created_at", "id"),
        Index("ix_ideas_author_id", "author_id"),
        Index("ix_ideas_merged_into_id", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("idea_areas.id", ondelete="SET NULL"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(80))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[IdeaStatus] = mapped_column(_STATUS, default=IdeaStatus.OPEN)
    state: Mapped[ContentState] = mapped_column(_STATE, default=ContentState.PUBLISHED)
    vote_count: Mapped[int] = mapped_column(default=0)
    comment_count: Mapped[int] = mapped_column(default=0)
    trending: Mapped[float] = mapped_column(Float)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id", ondelete="SET NULL"))
    status_changed_at: Mapped[datetime | None]
    # Moves with every triage (status, merge): a product manager's form for an older one is refused.
    version: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_activity_at: Mapped[datetime]

    author: Mapped[Account] = relationship(lazy="raise")
    area: Mapped[IdeaArea | None] = relationship(lazy="raise")

    @property
    def public(self) -> bool:
        return self.state == ContentState.PUBLISHED

    @property
    def takes_votes(self) -> bool:
        return self.status in ACTIVE


class IdeaTag(Base):
    __tablename__ = "idea_tags"

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)


class IdeaVote(Base):
    __tablename__ = "idea_votes"
    # A member's votes with their ideas, read from the index alone: a list's "did the viewer vote
    # for it" (PostgreSQL reads all the viewer's votes once and hashes them), "my votes", the budget.
    __table_args__ = (Index("ix_idea_votes_voter_id_idea_id", "voter_id", "idea_id"),)

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime]


class IdeaComment(Base):
    __tablename__ = "idea_comments"
    __table_args__ = (Index("ix_idea_comments_idea_id_id", "idea_id", "id"),
                      Index("ix_idea_comments_author_id", "author_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[ContentState] = mapped_column(_STATE, default=ContentState.PUBLISHED)
    created_at: Mapped[datetime]

    author: Mapped[Account] = relationship(lazy="raise")

    @property
    def public(self) -> bool:
        return self.state == ContentState.PUBLISHED


class IdeaFollow(Base):
    __tablename__ = "idea_follows"

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    created_at: Mapped[datetime]


class IdeaStatusChange(Base):
    """A product manager's triage of an idea, with the public response voters are told."""

    __tablename__ = "idea_status_changes"
    __table_args__ = (Index("ix_idea_status_changes_idea_id_id", "idea_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    from_status: Mapped[IdeaStatus] = mapped_column(_STATUS)
    to_status: Mapped[IdeaStatus] = mapped_column(_STATUS)
    response: Mapped[str] = mapped_column(Text, default="")
    response_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class IdeaReviewTheme(Base):
    """What 1–2 star reviews complain about: a review's rating dimensions rated 1 or 2 (fees,
    the app…), counted from reviews' `review.published` events."""

    __tablename__ = "idea_review_themes"

    theme: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    low_reviews: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime]
