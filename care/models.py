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
    # The page or user access token replies are posted with (care.replies); none: dry run.
    access_token_encrypted: Mapped[str | None] = mapped_column(Text)
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


# ---------------------------------------------------------------------------------------
# The care queue: one item per conversation that needs the brand, whatever its source.
# Like Discourse's Reviewable: one polymorphic table (source + source_id), a status, a
# priority, a version for optimistic locking, and a timeline of everything that happened.


class ItemSource(enum.StrEnum):
    MENTION = "mention"  # a listening conversation (source_id: care_conversations.id)
    QUESTION = "question"  # a forum question left unanswered (source_id: forum_threads.id)
    REVIEW = "review"  # a 1-2 star review without a brand response (source_id: reviews.id)
    FLAG = "flag"  # a flag a moderator routed to care (source_id: moderation_reviewables.id)


class ItemStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING_CUSTOMER = "pending_customer"  # the brand asked something: the SLA clock pauses
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    IGNORED = "ignored"


# Statuses in which an item still waits for the brand (and counts against capacity).
ACTIVE_STATUSES = (ItemStatus.NEW, ItemStatus.OPEN, ItemStatus.ESCALATED)
CLOSED_STATUSES = (ItemStatus.RESOLVED, ItemStatus.IGNORED)


class ItemPriority(enum.IntEnum):
    """Stored as a number so the queue sorts on it; the API speaks the names."""

    URGENT = 1
    HIGH = 2
    NORMAL = 3
    LOW = 4


class EntryKind(enum.StrEnum):
    MESSAGE = "message"  # the customer wrote (mention_id, or the community text in body)
    REPLY = "reply"  # the brand answered (reply_id), from Hearth or on the platform itself
    NOTE = "note"  # a private note between agents
    STATUS = "status"
    ASSIGNMENT = "assignment"
    TAGS = "tags"
    PRIORITY = "priority"
    SENTIMENT = "sentiment"
    SLA = "sla"  # a goal breached
    RECIPE = "recipe"  # what an automation recipe did
    ESCALATION = "escalation"  # a procedure started, a step done
    SEND = "send"  # a reply's delivery failed (or succeeded after a failure)


class CareItem(Base):
    __tablename__ = "care_items"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_care_items_source"),
        Index("ix_care_items_status_due", "status", "due_at"),
        Index("ix_care_items_assignee_status", "assignee_id", "status"),
        Index("ix_care_items_updated", "updated_at"),
        # The no-reply recipes' sweep: active items by how long the customer has waited.
        Index("ix_care_items_status_waiting", "status", "waiting_since"),
        # The queue's order, read straight off an index however many items wait: everything
        # waiting, and each agent's own (the unassigned too, assignee_id NULL).
        Index("ix_care_items_queue", "queue_due", "priority", "id"),
        Index("ix_care_items_assignee_queue", "assignee_id", "queue_due", "priority", "id"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    source: Mapped[ItemSource] = mapped_column(_enum(ItemSource))
    source_id: Mapped[int] = mapped_column(_ID)
    # x, facebook, feed, import (mentions), community (questions, flags), reviews
    channel: Mapped[str] = mapped_column(String(16), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("care_channels.id", ondelete="SET NULL"))
    status: Mapped[ItemStatus] = mapped_column(_enum(ItemStatus))
    priority: Mapped[int] = mapped_column(default=ItemPriority.NORMAL)
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    title: Mapped[str] = mapped_column(String(300))  # the first message, shortened
    url: Mapped[str | None] = mapped_column(String(1000))  # where the conversation lives
    # The customer: a handle on a platform, or a member of the community.
    customer_handle: Mapped[str | None] = mapped_column(String(200), index=True)
    customer_name: Mapped[str | None] = mapped_column(String(200))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"), index=True)
    customer_followers: Mapped[int | None]
    sentiment: Mapped[Sentiment | None] = mapped_column(_enum(Sentiment))
    pure_insult: Mapped[bool] = mapped_column(default=False)  # every customer message so far is one
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    assigned_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    # Response-time goals: the policy that set them and when each is due.
    sla_policy_id: Mapped[int | None] = mapped_column(ForeignKey("care_sla_policies.id", ondelete="SET NULL"))
    first_response_due_at: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    next_response_due_at: Mapped[datetime | None]
    resolution_due_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None]  # the earliest goal still open
    # What the queue sorts on: due_at, or far ahead when nothing is due, while the item is in
    # the queue; NULL once it is closed (care.sla.refresh keeps it).
    queue_due: Mapped[datetime | None]
    paused_at: Mapped[datetime | None]  # pending customer since
    breached: Mapped[bool] = mapped_column(default=False)
    waiting_since: Mapped[datetime | None]  # the oldest customer message without a brand reply
    last_message_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    reopened: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CareEntry(Base):
    """The item's timeline: append-only, in the order things happened."""

    __tablename__ = "care_entries"
    # `ref` names what an entry records (mention:12, post:7, review:3): the same message
    # delivered twice is refused by the database, not by a read before the write.
    __table_args__ = (Index("ix_care_entries_item", "item_id", "id"),
                      UniqueConstraint("item_id", "ref", name="uq_care_entries_ref"))

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"))
    kind: Mapped[EntryKind] = mapped_column(_enum(EntryKind))
    ref: Mapped[str | None] = mapped_column(String(80))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    # An incoming message is kept where it lives (a mention) and pointed to; other
    # sources' messages and every note and reply carry their text here.
    mention_id: Mapped[int | None] = mapped_column(_ID, ForeignKey("care_mentions.id", ondelete="SET NULL"))
    reply_id: Mapped[int | None] = mapped_column(_ID, ForeignKey("care_replies.id", ondelete="SET NULL"))
    author: Mapped[str | None] = mapped_column(String(200))  # who wrote a message
    body: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"from": …, "to": …}, a recipe's name, …
    at: Mapped[datetime]  # when it happened (a message: when it was written)
    created_at: Mapped[datetime]


class ReplyState(enum.StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DRY_RUN = "dry_run"  # no credentials for the platform: recorded, not sent
    FAILED = "failed"


class CareReply(Base):
    """A brand reply sent through the conversation's source. Recorded once, in the request;
    the outbox sends it and only moves its state, so a retried send never doubles it."""

    __tablename__ = "care_replies"

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    canned_code: Mapped[str | None] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(16))  # community, reviews, x, facebook, feed, import
    in_reply_to: Mapped[str | None] = mapped_column(String(200))  # the platform message answered
    state: Mapped[ReplyState] = mapped_column(_enum(ReplyState))
    attempts: Mapped[int] = mapped_column(default=0)
    external_id: Mapped[str | None] = mapped_column(String(200))  # the post, response or tweet it became
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class TagFolder(Base):
    __tablename__ = "care_tag_folders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(default=0)


class CareTag(Base):
    __tablename__ = "care_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[int | None] = mapped_column(ForeignKey("care_tag_folders.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(60), unique=True)  # lowercased


class ItemTag(Base):
    __tablename__ = "care_item_tags"

    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("care_tags.id", ondelete="CASCADE"), primary_key=True, index=True)


class CannedResponse(Base):
    __tablename__ = "care_canned_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # what agents type: /card-blocked
    title: Mapped[str] = mapped_column(String(120))
    texts: Mapped[dict[str, str]] = mapped_column(JSON)  # {"en": …, "nl": …, "fr": …}, with {variables}
    folder: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SlaPolicy(Base):
    """Response-time goals. The first active policy (by position) whose channel and priority
    match an item applies; minutes count business hours only when `business_hours` is set."""

    __tablename__ = "care_sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    channel: Mapped[str | None] = mapped_column(String(16))  # None: every channel
    priority: Mapped[int | None]  # None: every priority
    first_response_minutes: Mapped[int]
    next_response_minutes: Mapped[int | None]
    resolution_minutes: Mapped[int | None]
    business_hours: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class BusinessHours(Base):
    """The community's working week (one row): hours per weekday in its time zone, and
    holidays on which the clock stands still."""

    __tablename__ = "care_business_hours"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    timezone: Mapped[str] = mapped_column(String(64))
    week: Mapped[dict[str, list[list[str]]]] = mapped_column(JSON)  # {"mon": [["09:00", "17:00"]], …}
    holidays: Mapped[list[str]] = mapped_column(JSON, default=list)  # ["2026-12-25", …]
    updated_at: Mapped[datetime]


class SlaBreach(Base):
    __tablename__ = "care_sla_breaches"
    __table_args__ = (UniqueConstraint("item_id", "goal", "due_at", name="uq_care_sla_breaches"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), index=True)
    goal: Mapped[str] = mapped_column(String(16))  # first_response, next_response, resolution
    due_at: Mapped[datetime]
    breached_at: Mapped[datetime]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class RecipeTrigger(enum.StrEnum):
    ITEM_CREATED = "item_created"
    MESSAGE_RECEIVED = "message_received"
    NO_REPLY = "no_reply"  # no brand reply for `minutes`
    SLA_WARNING = "sla_warning"  # `minutes` before a goal is due


class Recipe(Base):
    """Trigger + conditions -> actions. Conditions and actions are data (JSON lists) that
    care.recipes validates; a recipe's actions never fire another trigger, so none loops."""

    __tablename__ = "care_recipes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    trigger: Mapped[RecipeTrigger] = mapped_column(_enum(RecipeTrigger, 20))
    minutes: Mapped[int | None]  # for the time-based triggers
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    actions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)
    # Time-based recipes: every wait that reached its moment up to here was looked at (the
    # sweep's bookmark, so each occasion is evaluated once however often the sweep passes).
    swept_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RecipeRun(Base):
    """A recipe ran on an item for one occasion (`key`: the trigger and what it fired on):
    a time-based recipe acts once per occasion, however often the sweep passes."""

    __tablename__ = "care_recipe_runs"

    recipe_id: Mapped[int] = mapped_column(ForeignKey("care_recipes.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    ran_at: Mapped[datetime]


class EscalationProcedure(Base):
    __tablename__ = "care_procedures"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)  # account hacked, outage, legal threat, journalist
    description: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    contacts: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"name", "email"}]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Escalation(Base):
    """A procedure started on an item, and which of its steps are done."""

    __tablename__ = "care_escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), index=True)
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("care_procedures.id", ondelete="SET NULL"))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)
    steps_done: Mapped[list[int]] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class Crisis(Base):
    """Crisis mode (one row): while active, matching items rise to `priority` and every
    agent sees the banner."""

    __tablename__ = "care_crisis"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    active: Mapped[bool] = mapped_column(default=False)
    message: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: every new item
    priority: Mapped[int] = mapped_column(default=ItemPriority.URGENT)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    started_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class CareAgent(Base):
    """An agent's queue settings: how many active items they hold at most, the languages
    they answer, and when they last got one (round-robin takes the longest idle)."""

    __tablename__ = "care_agents"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    capacity: Mapped[int] = mapped_column(default=10)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: any
    available: Mapped[bool] = mapped_column(default=True)
    signature: Mapped[str] = mapped_column(String(120), default="")
    last_assigned_at: Mapped[datetime | None]


class Presence(Base):
    """Who has an item open right now: pages beat every few seconds; a row older than the
    presence window no longer counts."""

    __tablename__ = "care_presence"

    item_id: Mapped[int] = mapped_column(_ID, ForeignKey("care_items.id", ondelete="CASCADE"), primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(index=True)


class SavedView(Base):
    __tablename__ = "care_saved_views"
    __table_args__ = (UniqueConstraint("agent_id", "name", name="uq_care_saved_views"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    filters: Mapped[dict[str, str]] = mapped_column(JSON)  # the queue's query parameters
    created_at: Mapped[datetime]
