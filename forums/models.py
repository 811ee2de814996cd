from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hearth.accounts.models import Account
from hearth.db import Base
from moderation.models import ContentState

_STATE = Enum(ContentState, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ThreadKind(enum.StrEnum):
    QUESTION = "question"
    DISCUSSION = "discussion"


class Category(Base):
    __tablename__ = "forum_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str | None] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(default=0)
    # Counters kept by forums.service in the same statements as the rows they count.
    thread_count: Mapped[int] = mapped_column(default=0)
    post_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]


class Thread(Base):
    __tablename__ = "forum_threads"
    __table_args__ = (
        Index("ix_forum_threads_category_activity", "category_id", "last_activity_at", "id"),
        Index("ix_forum_threads_activity", "last_activity_at", "id"),
        Index("ix_forum_threads_unanswered", "kind", "answer_count", "created_at"),
        Index("ix_forum_threads_author_id", "author_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("forum_categories.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    kind: Mapped[ThreadKind] = mapped_column(Enum(ThreadKind, native_enum=False, length=16,
                                                  values_callable=lambda e: [m.value for m in e]))
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(80))
    language: Mapped[str | None] = mapped_column(String(8))
    locked: Mapped[bool] = mapped_column(default=False)
    accepted_post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_posts.id", use_alter=True,
                                                                   ondelete="SET NULL"))
    # Counts published answers only; the thread's state is its question's (see moderation).
    answer_count: Mapped[int] = mapped_column(default=0)
    state: Mapped[ContentState] = mapped_column(_STATE, default=ContentState.PUBLISHED,
                                                server_default=ContentState.PUBLISHED.value)
    created_at: Mapped[datetime]
    last_activity_at: Mapped[datetime]
    # Moves whenever anything the thread page shows changes (answers, edits, votes, acceptance,
    # moderation): a page rendered for an older version is rendered again (web/shared.py).
    version: Mapped[int] = mapped_column(default=0, server_default="0")

    author: Mapped[Account] = relationship(lazy="raise")
    category: Mapped[Category] = relationship(lazy="raise")

    @property
    def solved(self) -> bool:
        return self.accepted_post_id is not None


class Post(Base):
    """The question (or opening post) and every answer; `is_opening` marks the first."""

    __tablename__ = "forum_posts"
    __table_args__ = (Index("ix_forum_posts_thread_id_id", "thread_id", "id"),
                      Index("ix_forum_posts_author_id", "author_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_threads.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    is_opening: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(default=0)
    state: Mapped[ContentState] = mapped_column(_STATE, default=ContentState.PUBLISHED,
                                                server_default=ContentState.PUBLISHED.value)
    created_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]

    author: Mapped[Account] = relationship(lazy="raise")

    @property
    def public(self) -> bool:
        return self.state == ContentState.PUBLISHED


class PostRevision(Base):
    """The text a post had before an edit, with who replaced it; moderators can read them."""

    __tablename__ = "forum_post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("forum_posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    title: Mapped[str | None] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class PostVote(Base):
    __tablename__ = "forum_post_votes"

    post_id: Mapped[int] = mapped_column(ForeignKey("forum_posts.id", ondelete="CASCADE"), primary_key=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
    created_at: Mapped[datetime]


class Tag(Base):
    __tablename__ = "forum_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


class ThreadTag(Base):
    __tablename__ = "forum_thread_tags"

    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_threads.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("forum_tags.id", ondelete="CASCADE"), primary_key=True,
                                        index=True)


class Follow(Base):
    __tablename__ = "forum_follows"

    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_threads.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    created_at: Mapped[datetime]


