"""Social listening: channels, the inbox of received messages, mentions with their labels,
conversations rebuilt from reply references, listening topics, and the audit of what
agents changed (sentiment corrections) and removed (smart deletes).

Messages land in the inbox in the request (or import chunk) that received them; the
outbox worker turns inbox rows into mentions in batches. Both steps are transactions and
a mention is unique per (channel, external id), so a crash or a retried webhook can
neither lose nor duplicate one.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Enum, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


def _enum(cls: type[enum.Enum], length: int = 16) -> Enum:
    return Enum(cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class ChannelKind(enum.StrEnum):
    X = "x"
    FACEBOOK = "facebook"
    FEED = "feed"
    IMPORT = "import"


class Sentiment(enum.StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Channel(Base):
    __tablename__ = "care_channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ChannelKind] = mapped_column(_enum(ChannelKind))
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The brand's account on the platform (X handle, Facebook page id) or the feed's address.
    account: Mapped[str] = mapped_column(String(500), default="")
    news: Mapped[bool] = mapped_column(default=False)  # a news source: sentiment neutral by default
    poll_minutes: Mapped[int] = mapped_column(default=15)
    # Credentials, encrypted (hearth.security.encrypt_secret); only a hint is ever shown back.
    secret_encrypted: Mapped[str | None] = mapped_column(Text)
    secret_hint: Mapped[str | None] = mapped_column(String(12))
    verify_token_encrypted: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[datetime | None]
    next_poll_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class InboxItem(Base):
    """A received message, normalised but not yet processed."""

    __tablename__ = "care_inbox"
    __table_args__ = (
        Index("ix_care_inbox_pending", "id", postgresql_where=text("processed_at IS NULL"),
              sqlite_where=text("processed_at IS NULL")),
        Index("ix_care_inbox_processed_at", "processed_at"),  # pruning
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("care_channels.id", ondelete="CASCADE"))
    import_id: Mapped[int | None] = mapped_column(ForeignKey("care_imports.id", ondelete="SET NULL"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # a MentionIn as JSON
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]


class Conversation(Base):
    __tablename__ = "care_conversations"
    __table_args__ = (Index("ix_care_conversations_channel_last", "channel_id", "last_at"),
                      UniqueConstraint("channel_id", "root_key"))

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("care_channels.id", ondelete="CASCADE"))
    # The external id that opened it: how a batch finds the ids of the conversations it made.
    root_key: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    last_at: Mapped[datetime]
    mention_count: Mapped[int] = mapped_column(default=0)


class ConversationKey(Base):
    """Every external id seen in a channel (a mention's, or one it replies to) and its conversation:
    how a reply that arrives before its parent still ends up in the same thread."""

    __tablename__ = "care_conversation_keys"

    channel_id: Mapped[int] = mapped_column(ForeignKey("care_channels.id", ondelete="CASCADE"), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("care_conversations.id", ondelete="CASCADE"), index=True)


class Mention(Base):
    __tablename__ = "care_mentions"
    __table_args__ = (
        UniqueConstraint("channel_id", "external_id"),
        Index("ix_care_mentions_published", "published_at", "id"),
        Index("ix_care_mentions_conversation", "conversation_id", "published_at"),
        Index("ix_care_mentions_channel_published", "channel_id", "published_at"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("care_channels.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(200))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("care_conversations.id"))
    parent_external_id: Mapped[str | None] = mapped_column(String(200))
    author_handle: Mapped[str] = mapped_column(String(100))
    author_name: Mapped[str | None] = mapped_column(String(200))
    author_followers: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)  # personal data masked
    url: Mapped[str | None] = mapped_column(String(1000))
    language: Mapped[str | None] = mapped_column(String(8))
    sentiment: Mapped[Sentiment] = mapped_column(_enum(Sentiment))
    sentiment_score: Mapped[float] = mapped_column(Float)
    sentiment_source: Mapped[str] = mapped_column(String(10))  # lexicon, model, rule or agent
    insult: Mapped[bool] = mapped_column(default=False)  # insults someone
    pure_insult: Mapped[bool] = mapped_column(default=False)  # and says nothing else: may be left unanswered
    personal_data: Mapped[bool] = mapped_column(default=False)
    is_news: Mapped[bool] = mapped_column(default=False)
    edited: Mapped[bool] = mapped_column(default=False)
    removed_at: Mapped[datetime | None]  # the author deleted it on the platform
    # Set when an agent works on the mention (a correction now, replies and tags later):
    # smart delete never removes what people handled.
    handled_at: Mapped[datetime | None]
    published_at: Mapped[datetime]
    received_at: Mapped[datetime]


class Topic(Base):
    __tablename__ = "care_topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    query: Mapped[str] = mapped_column(Text, default="")
    profiles: Mapped[list[str]] = mapped_column(JSON, default=list)  # monitored brand accounts, lowercased
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    # Indexed: every received batch asks whether a topic changed (care.topics.topic_index).
    updated_at: Mapped[datetime] = mapped_column(index=True)


class MentionTopic(Base):
    __tablename__ = "care_mention_topics"

    mention_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_mentions.id", ondelete="CASCADE"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("care_topics.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)


class SentimentCorrection(Base):
    """An agent's correction: the training data of the sentiment model, and who changed what when."""

    __tablename__ = "care_sentiment_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    mention_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_mentions.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    before: Mapped[Sentiment] = mapped_column(_enum(Sentiment))
    after: Mapped[Sentiment] = mapped_column(_enum(Sentiment))
    text: Mapped[str] = mapped_column(Text)  # kept: a smart delete must not erase what the model learned
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime]


class SentimentModel(Base):
    """The learned model (hearth.text.sentiment.CorrectionModel as JSON), one row."""

    __tablename__ = "care_sentiment_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    examples: Mapped[int]
    trained_at: Mapped[datetime]


class SmartDelete(Base):
    """What a smart delete removed: counts and the topics as they were, for the audit."""

    __tablename__ = "care_smart_deletes"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    deleted: Mapped[int]
    kept_handled: Mapped[int]
    topics: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]


class ImportStatus(enum.StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportJob(Base):
    """A file being imported, with its progress and the lines it skipped."""

    __tablename__ = "care_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("care_channels.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(10))  # jsonl or twcs
    filename: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(500))  # the uploaded copy, read again to resume after a crash
    status: Mapped[ImportStatus] = mapped_column(_enum(ImportStatus))
    total_lines: Mapped[int] = mapped_column(default=0)
    lines_read: Mapped[int] = mapped_column(default=0)  # every record up to this line is queued
    queued: Mapped[int] = mapped_column(default=0)
    stored: Mapped[int] = mapped_column(default=0)
    duplicates: Mapped[int] = mapped_column(default=0)
    dropped: Mapped[int] = mapped_column(default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{"line": n, "error": "…"}]
    error_count: Mapped[int] = mapped_column(default=0)
    # What the importer should know though nothing was skipped (columns left out of a CSV).
    notices: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]  # the runner's heartbeat: a job silent for long was interrupted
    finished_at: Mapped[datetime | None]
