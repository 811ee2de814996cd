from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from care import calendar
from care.models import BusinessHours, SlaPolicy
from hearth.ids import Id
from hearth.paging import Page
from hearth.untrusted import CLEAN, CleanLine, Handle, has_hidden, safe_url


class AuthorIn(BaseModel):
    # Cleaned, not refused: the platform chose it, and refusing it would lose the customer's message.
    handle: CleanLine = Field(min_length=1, max_length=100, description="Screen name or page-scoped name, without @")
    name: Annotated[str, Field(max_length=200), CLEAN] | None = None
    followers: int | None = Field(default=None, ge=0)
    external_id: str | None = Field(default=None, max_length=100)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        return value.lstrip("@").strip()


class MentionIn(BaseModel):
    """A message about the brand, as every connector hands it over (and Hearth's own JSONL format)."""

    external_id: str = Field(min_length=1, max_length=200, description="The platform's id, unique per channel")
    text: str = Field(max_length=20_000)
    author: AuthorIn
    created_at: datetime
    url: str | None = Field(default=None, max_length=1000, description="Kept only when it is an http(s) address")
    language: str | None = Field(default=None, max_length=8, description="The platform's own guess, if any")
    parent_external_id: str | None = Field(default=None, max_length=200, description="The message it replies to")
    conversation_external_id: str | None = Field(default=None, max_length=200)
    is_news: bool = False
    edited: bool = False
    deleted: bool = False

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("created_at needs a time zone")
        return value

    _url = field_validator("url")(lambda value: safe_url(value))


class TopicIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    query: str = Field(default="", max_length=2_000)
    profiles: list[Handle] = Field(default_factory=list, max_length=50, description="Monitored brand accounts")
    active: bool = True

    @field_validator("profiles")
    @classmethod
    def _profiles(cls, values: list[str]) -> list[str]:
        cleaned = []
        for raw in values:
            handle = raw.strip().lstrip("@").lower()
            if handle and handle not in cleaned:
                if len(handle) > 100 or any(c.isspace() for c in handle):
                    raise ValueError("A monitored profile is an account name without spaces")
                cleaned.append(handle)
        return cleaned


class ChannelIn(BaseModel):
    kind: Literal["x", "facebook", "feed", "import"]
    name: CleanLine = Field(min_length=2, max_length=80)
    account: Handle = Field(default="", max_length=500, description="Brand handle, Facebook page id, or feed URL")
    news: bool = False
    poll_minutes: int = Field(default=15, ge=5, le=1440)
    secret: str | None = Field(default=None, max_length=500, description="Consumer or app secret; write-only")
    verify_token: str | None = Field(default=None, max_length=200, description="Facebook verify token; write-only")
    access_token: str | None = Field(default=None, max_length=2_000,
                                     description="X user or Facebook page access token replies are posted with; "
                                                 "write-only (without one, replies are a dry run)")
    active: bool = True


class CorrectionIn(BaseModel):
    sentiment: Literal["positive", "neutral", "negative"]


# --- automation recipes (care.recipes validates conditions and actions, naming each path) ---

class RecipeIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    trigger: Literal["item_created", "message_received", "no_reply", "sla_warning"]
    minutes: int | None = Field(default=None, description="No reply for this long (no_reply); this long before "
                                                          "a goal is due (sla_warning). Required for those two.")
    conditions: list[Any] = Field(default_factory=list, max_length=30,
                                             description='All must hold: [{"field", "op", "value"}]')
    actions: list[Any] = Field(min_length=1, max_length=20, description='In order: [{"type", …}]')
    position: int = Field(default=0, ge=0, le=1_000_000, description="Recipes run in this order (then by id)")
    active: bool = True


class RecipeOut(BaseModel):
    id: int
    name: str
    trigger: str
    minutes: int | None
    conditions: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    position: int
    active: bool
    created_at: datetime
    updated_at: datetime


class RecipePage(Page[RecipeOut]):
    pass


class TriedItemOut(BaseModel):
    item_id: int
    title: str
    matched: bool
    actions: list[dict[str, Any]] = Field(description="What the recipe would have done (empty when not matched)")


class TryOut(BaseModel):
    looked_at: int
    matched: int
    items: list[TriedItemOut]


# --- response-time goals (care.sla) ------------------------------------------------------------

# The channels care items come from (care.items.Conversation.channel).
ItemChannel = Literal["x", "facebook", "feed", "import", "community", "reviews"]
SlaPriorityName = Literal["urgent", "high", "normal", "low"]
PRIORITIES: dict[str, int] = {"urgent": 1, "high": 2, "normal": 3, "low": 4}  # care.models.ItemPriority
PRIORITY_NAMES: dict[int, SlaPriorityName] = {1: "urgent", 2: "high", 3: "normal", 4: "low"}
MAX_GOAL_MINUTES = 365 * 24 * 60
GoalMinutes = Annotated[int, Field(gt=0, le=MAX_GOAL_MINUTES, description="Minutes (business minutes when "
                                                                             "`business_hours`); more than 0")]


class SlaPolicyIn(BaseModel):
    """The first active policy, by `position`, whose channel and priority match an item applies."""

    name: CleanLine = Field(min_length=2, max_length=80)
    position: int = Field(default=0, ge=0, le=10_000, description="Lower positions are tried first")
    channel: ItemChannel | None = Field(default=None, description="Only items from this channel; null: every one")
    priority: Annotated[int, Field(ge=1, le=4)] | SlaPriorityName | None = Field(
        default=None, description="Only items of this priority (1-4 or its name); null: every priority")
    first_response_minutes: GoalMinutes
    next_response_minutes: GoalMinutes | None = None
    resolution_minutes: GoalMinutes | None = None
    business_hours: bool = Field(default=False, description="Count only the community's business hours")
    active: bool = True

    @field_validator("priority")
    @classmethod
    def _priority(cls, value: int | str | None) -> int | None:
        return PRIORITIES[value] if isinstance(value, str) else value


class SlaPolicyOut(BaseModel):
    id: int
    name: str
    position: int
    channel: str | None
    priority: SlaPriorityName | None
    first_response_minutes: int
    next_response_minutes: int | None
    resolution_minutes: int | None
    business_hours: bool
    active: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, policy: SlaPolicy) -> SlaPolicyOut:
        return cls(id=policy.id, name=policy.name, position=policy.position, channel=policy.channel,
                   priority=PRIORITY_NAMES.get(policy.priority) if policy.priority is not None else None,
                   first_response_minutes=policy.first_response_minutes,
                   next_response_minutes=policy.next_response_minutes,
                   resolution_minutes=policy.resolution_minutes, business_hours=policy.business_hours,
                   active=policy.active, created_at=policy.created_at, updated_at=policy.updated_at)


class SlaPolicyPage(Page[SlaPolicyOut]):
    pass


Interval = Annotated[list[str], Field(min_length=2, max_length=2,
                                      description='["09:00", "17:00"]; "24:00" is midnight')]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class BusinessHoursIn(BaseModel):
    timezone: str = Field(max_length=64, description="An IANA time zone, such as Europe/Brussels")
    week: dict[Weekday, Annotated[list[Interval], Field(max_length=calendar.MAX_INTERVALS_PER_DAY)]] = Field(
        description='Opening intervals per weekday in local time: {"mon": [["09:00", "17:00"]], …}; a day left '
                    "out is closed")
    holidays: list[date] = Field(default_factory=list, max_length=400, description="Local dates with no hours")

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        calendar.zone(value)
        return value

    @field_validator("week")
    @classmethod
    def _week(cls, value: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
        calendar.parse_week(value)
        return {day: sorted(value[day]) for day in calendar.DAYS if value.get(day)}

    @field_validator("holidays")
    @classmethod
    def _holidays(cls, value: list[date]) -> list[date]:
        return sorted(set(value))


class BusinessHoursOut(BaseModel):
    timezone: str
    week: dict[str, list[list[str]]]
    holidays: list[date]
    updated_at: datetime

    @classmethod
    def of(cls, row: BusinessHours) -> BusinessHoursOut:
        return cls(timezone=row.timezone, week=row.week, holidays=sorted(date.fromisoformat(d) for d in row.holidays),
                   updated_at=row.updated_at)


class GoalOut(BaseModel):
    goal: str = Field(description="first_response, next_response or resolution")
    due_at: datetime
    seconds_left: int = Field(description="Negative once the goal is late")
    state: Literal["ok", "due_soon", "breached"]


class BreachOut(BaseModel):
    goal: str
    due_at: datetime
    breached_at: datetime = Field(description="When the sweep recorded it")


class ItemSlaOut(BaseModel):
    """An item's response-time goals as a live countdown shows them."""

    item_id: int
    policy: SlaPolicyOut | None
    paused: bool = Field(description="Pending customer: the clocks stand still")
    breached: bool
    goals: list[GoalOut] = Field(description="The goals still running, soonest first")
    breaches: list[BreachOut] = Field(description="Goals that passed unmet, also those met late since")


# --- answering (care.canned, care.replies) and tags in folders (care.tags) ----------------------

CANNED_CODE = r"^[a-z0-9][a-z0-9-]{0,39}$"
CONTENT_LANGUAGES = ("en", "nl", "fr")
NOTE_LIMIT = 5_000
REPLY_LIMIT = 20_000  # the longest target's (a forum answer); each target checks its own


def message_text(value: str) -> str:
    """Several lines an agent typed: line breaks kept, other hidden characters dropped."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join("".join(c for c in line if c == "\t" or not has_hidden(c)).rstrip() for line in lines).strip()


class CannedIn(BaseModel):
    code: str = Field(pattern=CANNED_CODE, description="What agents type: lowercase letters, digits and dashes")
    title: CleanLine = Field(min_length=2, max_length=120)
    texts: dict[Literal["en", "nl", "fr"], Annotated[str, Field(max_length=5_000)]] = Field(
        min_length=1, description="One text per language, with {customer_name}, {agent_name}, {signature}, "
                                  "{item_id} or {brand}; at least one language")
    folder: Annotated[str, Field(max_length=60), CLEAN] | None = None

    @field_validator("texts")
    @classmethod
    def _texts(cls, values: dict[str, str]) -> dict[str, str]:
        cleaned = {language: message_text(text) for language, text in values.items()}
        cleaned = {language: text for language, text in cleaned.items() if text}
        if not cleaned:
            raise ValueError("Give the text in at least one language (en, nl or fr)")
        return cleaned

    @field_validator("folder")
    @classmethod
    def _folder(cls, value: str | None) -> str | None:
        return value or None


class CannedOut(BaseModel):
    id: int
    code: str
    title: str
    texts: dict[str, str]
    folder: str | None
    variables: list[str] = Field(description="The variables its texts use")
    created_at: datetime
    updated_at: datetime


class CannedPage(Page[CannedOut]):
    pass


class NoteIn(BaseModel):
    body: str = Field(min_length=1, max_length=NOTE_LIMIT)

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        value = message_text(value)
        if not value:
            raise ValueError("The note is empty")
        return value


class NoteOut(BaseModel):
    id: int
    item_id: int
    body: str
    actor_id: int | None
    at: datetime


class ReplyIn(BaseModel):
    body: str | None = Field(default=None, max_length=REPLY_LIMIT, description="The reply's text; or `canned`")
    canned: str | None = Field(default=None, pattern=CANNED_CODE,
                               description="A canned response's code, rendered in the item's language")
    insist: bool = Field(default=False, description="Answer even a pure insult")
    version: Id | None = Field(default=None, description="The item's version as the agent saw it")

    @field_validator("body")
    @classmethod
    def _body(cls, value: str | None) -> str | None:
        return None if value is None else message_text(value)

    @model_validator(mode="after")
    def _one(self) -> ReplyIn:
        if bool(self.body) == bool(self.canned):
            raise ValueError("Give either a body or a canned response's code")
        return self


class ReplyOut(BaseModel):
    id: int
    item_id: int
    state: Literal["queued", "sent", "dry_run", "failed"]
    target: str = Field(description="community, reviews, x, facebook, feed or import")
    body: str
    canned_code: str | None
    in_reply_to: str | None
    external_id: str | None = Field(description="What the reply became: post:7, response:3, a tweet or comment id")
    error: str | None
    attempts: int
    agent_id: int | None
    created_at: datetime
    sent_at: datetime | None


class TagFolderIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=60)
    position: int = Field(default=0, ge=0, le=10_000)


class TagFolderOut(BaseModel):
    id: int
    name: str
    position: int
    tags: list[str]


class TagIn(BaseModel):
    name: CleanLine = Field(min_length=1, max_length=60)
    folder_id: Id | None = Field(default=None, description="The folder to put it in; null: none")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return value.lower()


class TagOut(BaseModel):
    id: int
    name: str
    folder_id: int | None
    folder: str | None


class TagPage(Page[TagOut]):
    pass


class ItemTagsIn(BaseModel):
    tags: list[Annotated[str, Field(max_length=60), CLEAN]] = Field(max_length=30)
    version: Id | None = None


class ItemTagsOut(BaseModel):
    item_id: int
    tags: list[TagOut]


# --- working the queue: items, saved views, agents, escalation procedures, crisis mode ---------
# (care.queue, care.routing, care.escalation; api/care_queue.py)

PriorityName = Literal["urgent", "high", "normal", "low"]
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
LanguageCode = Annotated[str, Field(min_length=2, max_length=8, pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,4})?$")]


class PersonOut(BaseModel):
    id: int
    display_name: str


class ViewerOut(PersonOut):
    seen_at: datetime


class CustomerOut(BaseModel):
    handle: str | None
    name: str | None
    account_id: int | None
    followers: int | None


class QueueItemOut(BaseModel):
    id: int
    source: str
    status: str
    priority: PriorityName
    language: str | None
    assignee: PersonOut | None
    title: str
    channel: str
    url: str | None
    customer: CustomerOut
    sentiment: str | None
    first_response_due_at: datetime | None
    first_response_at: datetime | None
    due_at: datetime | None = Field(description="The earliest goal still running: what the queue sorts on")
    breached: bool
    tags: list[str]
    version: int = Field(description="Send it back as `version` to act only on what you saw")
    viewers: list[ViewerOut] = Field(description="Other agents who have the item open now")
    last_message_at: datetime
    created_at: datetime
    updated_at: datetime


class QueuePage(Page[QueueItemOut]):
    pass


class EntryOut(BaseModel):
    id: int
    kind: str
    actor: PersonOut | None
    author: str | None
    body: str | None
    data: dict[str, Any]
    at: datetime


class EscalationOut(BaseModel):
    id: int
    procedure_id: int | None
    procedure: str | None
    reason: str | None
    steps: list[str]
    steps_done: list[int] = Field(description="Step numbers (from 1) done")
    started_at: datetime
    closed_at: datetime | None


class QueueItemDetailOut(QueueItemOut):
    timeline: list[EntryOut]
    escalations: list[EscalationOut]


class VersionIn(BaseModel):
    version: Id | None = Field(default=None, description="The item's version you saw: a 409 if it changed since")


class ItemStatusIn(VersionIn):
    status: Literal["open", "pending_customer", "escalated", "resolved", "ignored"]


class EscalateIn(VersionIn):
    procedure_id: Id | None = None
    reason: Annotated[str, Field(max_length=2_000), CLEAN] | None = None


class SavedViewIn(BaseModel):
    name: CleanLine = Field(min_length=1, max_length=60)
    filters: dict[str, str | None] = Field(max_length=10, description="The list's query parameters: view, status, "
                                                                      "source, channel, language, tag")


class SavedViewOut(BaseModel):
    id: int
    name: str
    filters: dict[str, str]
    created_at: datetime


class AgentOut(PersonOut):
    capacity: int
    languages: list[str]
    available: bool
    load: int = Field(description="Active items the agent holds")
    has_room: bool
    last_assigned_at: datetime | None


class AgentIn(BaseModel):
    """What is left out stays as it is."""

    capacity: int | None = Field(default=None, ge=1, le=1_000)
    languages: list[LanguageCode] | None = Field(default=None, max_length=20, description="Empty: any language")
    available: bool | None = None
    signature: Annotated[str, Field(max_length=120), CLEAN] | None = None


class ContactIn(BaseModel):
    name: CleanLine = Field(min_length=1, max_length=120)
    email: str = Field(max_length=254, pattern=_EMAIL)

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()


class ProcedureIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    description: Annotated[str, Field(max_length=4_000), CLEAN] = ""
    steps: list[Annotated[str, Field(min_length=1, max_length=300), CLEAN]] = Field(min_length=1, max_length=30)
    contacts: list[ContactIn] = Field(default_factory=list, max_length=20)


class ProcedureOut(BaseModel):
    id: int
    name: str
    description: str
    steps: list[str]
    contacts: list[dict[str, str]]
    created_at: datetime
    updated_at: datetime


class CrisisIn(BaseModel):
    active: bool
    message: Annotated[str, Field(max_length=300), CLEAN] = ""
    keywords: list[Annotated[str, Field(min_length=1, max_length=60), CLEAN]] = Field(
        default_factory=list, max_length=50, description="Empty: every new item rises")
    priority: PriorityName = "urgent"

    @model_validator(mode="after")
    def _banner(self) -> CrisisIn:
        if self.active and not self.message.strip():
            raise ValueError("An active crisis needs a message for the banner")
        return self


class CrisisOut(BaseModel):
    active: bool
    message: str
    keywords: list[str]
    priority: PriorityName
    started_by: PersonOut | None
    started_at: datetime | None
    updated_at: datetime | None


class PresenceOut(BaseModel):
    viewers: list[ViewerOut] = Field(description="Other agents who have the item open now")
