"""Automation recipes: a trigger, conditions that must all hold, and actions done in order.

Triggers: an item was created or a customer message arrived (the `care.item_created` and
`care.item_changed` events that `care.items.receive` publishes, with `messages` > 0), the
customer has had no reply for `minutes`, or a response-time goal is due within `minutes`
(both found by a recurring sweep over active items, on indexed columns). Recipes run in the
order of their position, each logged on the item's timeline with what it did.

Nothing loops: actions change the item through `care.items` and publish at most
`care.item_changed` without `messages`, which no trigger listens for; the time-based
triggers act once per occasion (the wait that began at `waiting_since`, the goal due at
`due_at`), kept in `RecipeRun` whose primary key refuses a second run; and a webhook to
Hearth's own address is refused on save.

Evaluation is pure and cheap: a recipe's conditions are parsed once (`compile_recipe`) into
predicates over `Facts`, an item's plain values plus the texts and topic names its
conditions need, which `load_facts` reads for a whole batch of items in two statements.
`plan` is the one evaluation: running and trying a recipe (`try_recipe`) both use it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import and_, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from care import calendar, escalation, items, routing, sla
from care.models import (
    ACTIVE_STATUSES,
    BusinessHours,
    CannedResponse,
    CareEntry,
    CareItem,
    EntryKind,
    EscalationProcedure,
    ItemPriority,
    ItemSource,
    ItemStatus,
    Mention,
    MentionTopic,
    Recipe,
    RecipeRun,
    RecipeTrigger,
    Sentiment,
    Topic,
)
from care.schemas import RecipeIn
from hearth import clock, events, paging
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.errors import Conflict, Invalid, NotFound
from hearth.notifications import service as notifications
from hearth.saving import add_unique
from hearth.settings import get_settings
from hearth.untrusted import safe_url

log = logging.getLogger("hearth.care.recipes")

NOTIFY_EVENT = "care.recipe_notify"
TIMED = (RecipeTrigger.NO_REPLY, RecipeTrigger.SLA_WARNING)
TRY_DEFAULT, TRY_MAX = 50, 500
SWEEP_BATCH = 200  # items read per sweep step; only the ones a recipe acts on are written,
WRITE_BATCH = 20  # so many items per write transaction (short: requests wait for the write lock)
MAX_MINUTES = 60 * 24 * 30
WEBHOOK_TIMEOUT = 10.0

CHANNELS = ("x", "facebook", "feed", "import", "community", "reviews")
LANGUAGES = ("en", "nl", "fr", "de")
PRIORITIES = {p.name.lower(): int(p) for p in ItemPriority}
CHOICES: dict[str, tuple[str, ...]] = {
    "source": tuple(ItemSource), "channel": CHANNELS, "language": LANGUAGES, "sentiment": tuple(Sentiment),
    "priority": tuple(PRIORITIES),
}
CHOICE_OPS = ("is", "is_not", "in", "not_in")
# Each field and the operators it takes; the value's shape follows from the operator.
FIELDS: dict[str, tuple[str, ...]] = {
    "source": CHOICE_OPS, "channel": CHOICE_OPS, "language": CHOICE_OPS, "sentiment": CHOICE_OPS,
    "priority": (*CHOICE_OPS, "at_least", "at_most"),  # at least as urgent as / at most as urgent as
    "topic": ("is", "in", "not_in"),  # a listening topic one of the item's mentions matched
    "text": ("contains", "not_contains"),  # any of the words or phrases, in the customer's messages
    "followers": ("above", "below"),
    "insult": ("is",),  # every customer message is a pure insult
    "business_hours": ("is",),  # the recipe runs within the community's business hours
}
ACTION_KEYS: dict[str, tuple[str, ...]] = {
    "tag": ("tags",), "priority": ("priority",), "sentiment": ("sentiment",), "assign": ("agent",),
    "escalate": ("procedure",), "ignore": (), "resolve": (), "draft": ("canned",), "notify": ("email", "webhook"),
}
STATUS_ACTIONS = {"escalate": ItemStatus.ESCALATED, "ignore": ItemStatus.IGNORED, "resolve": ItemStatus.RESOLVED}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# --- validation: every bad part named by its path (conditions[1].op) ---------------------------


async def validate(session: AsyncSession, data: RecipeIn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The recipe's conditions and actions as stored (normalised), or Invalid naming the first fault."""
    trigger = RecipeTrigger(data.trigger)
    if trigger in TIMED and (data.minutes is None or not 0 < data.minutes <= MAX_MINUTES):
        raise Invalid("minutes: a time-based trigger needs minutes above 0 (at most 30 days)", field="minutes")
    if trigger not in TIMED and data.minutes is not None:
        raise Invalid("minutes: only the time-based triggers take minutes", field="minutes")
    conditions = [await _condition(session, f"conditions[{i}]", c) for i, c in enumerate(data.conditions)]
    actions = [await _action(session, f"actions[{i}]", a) for i, a in enumerate(data.actions)]
    _check_together(actions)
    return conditions, actions


def _keys(path: str, raw: Any, allowed: Sequence[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise Invalid("%(path)s: expected an object", field=path, path=path)
    for key in raw:
        if key not in allowed:
            where = f"{path}.{key}"
            raise Invalid("%(path)s: unknown key %(value)s", field=where, path=where, value=key)
    return raw


async def _condition(session: AsyncSession, path: str, raw: Any) -> dict[str, Any]:
    raw = _keys(path, raw, ("field", "op", "value"))
    name, op = raw.get("field"), raw.get("op")
    if name not in FIELDS:
        raise Invalid("%(path)s: unknown field %(value)s", field=f"{path}.field", path=f"{path}.field",
                      value=str(name))
    if op not in FIELDS[name]:
        raise Invalid("%(path)s: unknown operator %(value)s for this field (use %(allowed)s)", field=f"{path}.op",
                      path=f"{path}.op", value=str(op), allowed=", ".join(FIELDS[name]))
    value = await _value(session, f"{path}.value", name, op, raw.get("value"))
    return {"field": name, "op": op, "value": value}


async def _value(session: AsyncSession, path: str, name: str, op: str, value: Any) -> Any:
    if name in CHOICES:
        return _choice(path, CHOICES[name], op, value)
    if name == "topic":
        return await _topics(session, path, op, value)
    if name == "text":
        return _words(path, value)
    if name == "followers":
        if type(value) is not int or value < 0:
            raise Invalid("%(path)s: expected a whole number, 0 or more", field=path, path=path)
        return value
    if not isinstance(value, bool):
        raise Invalid("%(path)s: expected true or false", field=path, path=path)
    return value


def _choice(path: str, allowed: Sequence[str], op: str, value: Any) -> Any:
    many = op in ("in", "not_in")
    values = value if many and isinstance(value, list) else [value]
    if many and (not isinstance(value, list) or not value):
        raise Invalid("%(path)s: expected a list of one or more values", field=path, path=path)
    for v in values:
        if not isinstance(v, str) or v not in allowed:
            raise Invalid("%(path)s: expected one of %(allowed)s", field=path, path=path, allowed=", ".join(allowed))
    return sorted(set(values)) if many else value


async def _topics(session: AsyncSession, path: str, op: str, value: Any) -> Any:
    if op == "is" and not isinstance(value, str):
        raise Invalid("%(path)s: expected the name of a listening topic", field=path, path=path)
    if op != "is" and (not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value)):
        raise Invalid("%(path)s: expected a list of one or more values", field=path, path=path)
    wanted = [value] if op == "is" else sorted(set(value))
    known = set(await session.scalars(select(Topic.name).where(Topic.name.in_(wanted))))
    for name in wanted:
        if name not in known:
            raise Invalid("%(path)s: no listening topic is called %(value)s", field=path, path=path, value=name)
    return value if op == "is" else wanted


def _words(path: str, value: Any) -> list[str]:
    words = [value] if isinstance(value, str) else value
    if (not isinstance(words, list) or not 0 < len(words) <= 50
            or not all(isinstance(w, str) and 0 < len(w.strip()) <= 100 for w in words)):
        raise Invalid("%(path)s: expected one or more words of at most 100 characters", field=path, path=path)
    return sorted({" ".join(w.casefold().split()) for w in words})


async def _action(session: AsyncSession, path: str, raw: Any) -> dict[str, Any]:
    kind = raw.get("type") if isinstance(raw, dict) else None
    if kind not in ACTION_KEYS:
        if not isinstance(raw, dict):
            raise Invalid("%(path)s: expected an object", field=path, path=path)
        raise Invalid("%(path)s: unknown action %(value)s", field=f"{path}.type", path=f"{path}.type",
                      value=str(kind))
    raw = _keys(path, raw, ("type", *ACTION_KEYS[kind]))
    check = ACTION_CHECKS.get(kind)
    return {"type": kind, **(await check(session, path, raw) if check else {})}


def _required(path: str, raw: dict[str, Any], key: str) -> Any:
    if raw.get(key) is None:
        raise Invalid("%(path)s: required", field=f"{path}.{key}", path=f"{path}.{key}")
    return raw[key]


async def _check_tag(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    tags = _required(path, raw, "tags")
    tags = [tags] if isinstance(tags, str) else tags
    if (not isinstance(tags, list) or not 0 < len(tags) <= 10
            or not all(isinstance(t, str) and 0 < len(t.strip()) <= 60 for t in tags)):
        raise Invalid("%(path)s: expected one to ten tags of at most 60 characters", field=f"{path}.tags",
                      path=f"{path}.tags")
    return {"tags": sorted({t.strip().lower() for t in tags})}


async def _check_priority(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    return {"priority": _choice(f"{path}.priority", CHOICES["priority"], "is", _required(path, raw, "priority"))}


async def _check_sentiment(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    return {"sentiment": _choice(f"{path}.sentiment", CHOICES["sentiment"], "is", _required(path, raw, "sentiment"))}


async def _check_assign(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    agent = _required(path, raw, "agent")
    if agent == "team":
        return {"agent": "team"}
    account = await session.get(Account, agent) if type(agent) is int and 0 < agent < 2**31 else None
    if account is None or not account.is_active or not items.is_agent(account):
        raise Invalid("%(path)s: no care agent has id %(value)s (or say team)", field=f"{path}.agent",
                      path=f"{path}.agent", value=str(agent))
    return {"agent": agent}


async def _check_escalate(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    name = raw.get("procedure")
    if name is None:
        return {}
    if not isinstance(name, str) or await session.scalar(
            select(EscalationProcedure.id).where(EscalationProcedure.name == name)) is None:
        raise Invalid("%(path)s: no escalation procedure is called %(value)s", field=f"{path}.procedure",
                      path=f"{path}.procedure", value=str(name))
    return {"procedure": name}


async def _check_draft(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    code = _required(path, raw, "canned")
    if not isinstance(code, str) or await session.scalar(
            select(CannedResponse.id).where(CannedResponse.code == code)) is None:
        raise Invalid("%(path)s: no canned response has code %(value)s", field=f"{path}.canned",
                      path=f"{path}.canned", value=str(code))
    return {"canned": code}


async def _check_notify(session: AsyncSession, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    if ("email" in raw) == ("webhook" in raw):
        raise Invalid("%(path)s: give either an e-mail address or a webhook address", field=path, path=path)
    if "email" in raw:
        email = raw["email"]
        if not isinstance(email, str) or len(email) > 254 or not EMAIL.fullmatch(email.strip()):
            raise Invalid("%(path)s: expected an e-mail address", field=f"{path}.email", path=f"{path}.email")
        return {"email": email.strip().lower()}
    url = safe_url(raw["webhook"])
    if url is None or len(url) > 1000:
        raise Invalid("%(path)s: expected an http or https address", field=f"{path}.webhook", path=f"{path}.webhook")
    if _own_address(url):
        raise Invalid("%(path)s: this is Hearth's own address: the recipe could trigger itself",
                      field=f"{path}.webhook", path=f"{path}.webhook")
    return {"webhook": url}


def _own_address(url: str) -> bool:
    """A webhook into Hearth itself (its own origin, or any instance's platform hooks) could feed
    its own messages back in: the one way an action could reach a trigger."""
    target, own = urlsplit(url), urlsplit(get_settings().base_url)
    same_origin = (target.scheme, target.hostname, target.port) == (own.scheme, own.hostname, own.port)
    return same_origin or target.path.startswith("/api/hooks/")


ACTION_CHECKS: dict[str, Callable[..., Any]] = {
    "tag": _check_tag, "priority": _check_priority, "sentiment": _check_sentiment, "assign": _check_assign,
    "escalate": _check_escalate, "draft": _check_draft, "notify": _check_notify,
}


def _check_together(actions: list[dict[str, Any]]) -> None:
    statuses = [i for i, a in enumerate(actions) if a["type"] in STATUS_ACTIONS]
    if len(statuses) > 1:
        path = f"actions[{statuses[1]}].type"
        raise Invalid("%(path)s: a recipe changes the status once", field=path, path=path)
    drafts = [i for i, a in enumerate(actions) if a["type"] == "draft"]
    if len(drafts) > 1:
        path = f"actions[{drafts[1]}].type"
        raise Invalid("%(path)s: a recipe drafts one canned response", field=path, path=path)


# --- saving ---------------------------------------------------------------------------------


async def list_recipes(session: AsyncSession, *, cursor: str | None = None,
                       limit: int = paging.DEFAULT_LIMIT) -> tuple[list[Recipe], str | None]:
    query = select(Recipe).order_by(Recipe.position, Recipe.id).limit(limit + 1)
    if cursor:
        position, recipe_id = paging.decode(cursor, int, int)
        query = query.where(tuple_(Recipe.position, Recipe.id) > (position, recipe_id))
    rows = list(await session.scalars(query))
    more = paging.encode(rows[limit - 1].position, rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], more


async def get(session: AsyncSession, recipe_id: int) -> Recipe:
    recipe = await session.get(Recipe, recipe_id)
    if recipe is None:
        raise NotFound("No such recipe")
    return recipe


async def save(session: AsyncSession, data: RecipeIn, recipe_id: int | None = None) -> Recipe:
    """Create or change a recipe. A time-based recipe acts on the waits that reach their moment
    from now on (its sweep starts here when it is new or its trigger or minutes change)."""
    conditions, actions = await validate(session, data)
    now = clock.now()
    recipe = await get(session, recipe_id) if recipe_id is not None else Recipe(created_at=now)
    restart = recipe_id is None or (recipe.trigger, recipe.minutes) != (RecipeTrigger(data.trigger), data.minutes)
    values = {"name": data.name, "trigger": RecipeTrigger(data.trigger), "minutes": data.minutes,
              "conditions": conditions, "actions": actions, "position": data.position, "active": data.active,
              "updated_at": now, **({"swept_until": now} if restart else {})}
    if not await add_unique(session, recipe, **values):
        raise Conflict("A recipe with this name already exists", field="name")
    return recipe


async def remove(session: AsyncSession, recipe_id: int) -> None:
    await session.delete(await get(session, recipe_id))
    await session.flush()


# --- evaluation: pure, over facts loaded for a batch ----------------------------------------


@dataclass(slots=True)
class Facts:
    """What conditions look at, for one item: read once per batch, changed as recipes act."""

    id: int
    title: str
    source: str
    channel: str
    language: str | None
    sentiment: str | None
    followers: int
    pure_insult: bool
    priority: int
    text: str = ""  # the customer's messages, casefolded
    topics: frozenset[str] = frozenset()

    @classmethod
    def of(cls, item: CareItem) -> Facts:
        return cls(item.id, item.title, str(item.source), item.channel, item.language,
                   str(item.sentiment) if item.sentiment else None, item.customer_followers or 0,
                   item.pure_insult, item.priority)


@dataclass(frozen=True, slots=True)
class Context:
    open_hours: bool  # within business hours at the moment the recipes run


Predicate = Callable[[Facts, Context], bool]


@dataclass(frozen=True, slots=True)
class Compiled:
    id: int
    name: str
    trigger: RecipeTrigger
    minutes: int | None
    tests: tuple[Predicate, ...]
    actions: tuple[dict[str, Any], ...]
    needs_text: bool
    needs_topics: bool
    swept_until: datetime | None = None

    def matches(self, facts: Facts, context: Context) -> bool:
        return all(test(facts, context) for test in self.tests)


def _choice_test(attribute: str, op: str, value: Any) -> Predicate:
    if op == "is":
        return lambda f, _c: getattr(f, attribute) == value
    if op == "is_not":
        return lambda f, _c: getattr(f, attribute) != value
    wanted = frozenset(value)
    if op == "in":
        return lambda f, _c: getattr(f, attribute) in wanted
    return lambda f, _c: getattr(f, attribute) not in wanted


def _priority_test(op: str, value: Any) -> Predicate:
    if op in ("at_least", "at_most"):  # 1 is the most urgent
        level = PRIORITIES[value]
        return (lambda f, _c: f.priority <= level) if op == "at_least" else (lambda f, _c: f.priority >= level)
    return _choice_test("priority", op, [PRIORITIES[v] for v in value] if isinstance(value, list)
                        else PRIORITIES[value])


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    # Whole words or phrases (card, not discard), spaces matching any run of blanks.
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _test(condition: dict[str, Any]) -> Predicate:
    name, op, value = condition["field"], condition["op"], condition["value"]
    if name == "priority":
        return _priority_test(op, value)
    if name in CHOICES:
        return _choice_test(name, op, value)
    if name == "topic":
        wanted = frozenset([value] if isinstance(value, str) else value)
        if op == "not_in":
            return lambda f, _c: wanted.isdisjoint(f.topics)
        return lambda f, _c: not wanted.isdisjoint(f.topics)
    if name == "text":
        pattern = _words_pattern(value)
        return (lambda f, _c: pattern.search(f.text) is not None) if op == "contains" else (
            lambda f, _c: pattern.search(f.text) is None)
    if name == "followers":
        return (lambda f, _c: f.followers > value) if op == "above" else (lambda f, _c: f.followers < value)
    if name == "insult":
        return lambda f, _c: f.pure_insult is value
    return lambda _f, c: c.open_hours is value  # business_hours


# Conditions are tested cheapest first (all must hold, so the order changes nothing else):
# a comparison before a set lookup before a search through the text.
COST = {"text": 2, "topic": 1}


def compile_recipe(recipe: Recipe) -> Compiled:
    """Parse a stored (validated) recipe into predicates, once per run."""
    conditions = sorted(recipe.conditions, key=lambda c: COST.get(c["field"], 0))
    fields = {c["field"] for c in conditions}
    return Compiled(recipe.id, recipe.name, RecipeTrigger(recipe.trigger), recipe.minutes,
                    tuple(_test(c) for c in conditions), tuple(recipe.actions), "text" in fields,
                    "topic" in fields, recipe.swept_until)


def plan(recipes: Sequence[Compiled], facts: Facts, context: Context) -> list[Compiled]:
    """The recipes that act on this item, in order. A recipe sees what the ones before it
    changed (priority, sentiment), as it will when they run."""
    acting = []
    for recipe in recipes:
        if recipe.matches(facts, context):
            acting.append(recipe)
            for action in recipe.actions:
                if action["type"] == "priority":
                    facts.priority = PRIORITIES[action["priority"]]
                elif action["type"] == "sentiment":
                    facts.sentiment = action["sentiment"]
    return acting


async def load_facts(session: AsyncSession, batch: Sequence[CareItem], recipes: Sequence[Compiled], *,
                     newest: dict[int, int] | None = None) -> list[Facts]:
    """Facts for a batch of items in at most two more statements: the customer's messages when
    a recipe looks at text (only the `newest[item_id]` last ones when given), and the topics
    their mentions matched when a recipe looks at topics."""
    facts = [Facts.of(item) for item in batch]
    ids = [item.id for item in batch]
    if not ids:
        return facts
    by_id = {f.id: f for f in facts}
    if any(r.needs_text for r in recipes):
        texts: dict[int, list[str]] = {i: [] for i in ids}
        rows = await session.execute(
            select(CareEntry.item_id, func.coalesce(CareEntry.body, Mention.text))
            .outerjoin(Mention, Mention.id == CareEntry.mention_id)
            .where(CareEntry.item_id.in_(ids), CareEntry.kind == EntryKind.MESSAGE)
            .order_by(CareEntry.item_id, CareEntry.at, CareEntry.id))
        for item_id, body in rows:
            texts[item_id].append(body or "")
        for item_id, bodies in texts.items():
            keep = bodies[-newest[item_id]:] if newest and newest.get(item_id) else bodies
            by_id[item_id].text = "\n".join(keep or [by_id[item_id].title]).casefold()
    if any(r.needs_topics for r in recipes):
        rows = await session.execute(
            select(CareEntry.item_id, Topic.name).distinct()
            .join(MentionTopic, MentionTopic.mention_id == CareEntry.mention_id)
            .join(Topic, Topic.id == MentionTopic.topic_id)
            .where(CareEntry.item_id.in_(ids), CareEntry.mention_id.is_not(None)))
        found: dict[int, set[str]] = {}
        for item_id, name in rows:
            found.setdefault(item_id, set()).add(name)
        for item_id, names in found.items():
            by_id[item_id].topics = frozenset(names)
    return facts


def open_at(hours: BusinessHours, at: datetime) -> bool:
    """Within the community's business hours at `at` (care.calendar: its week, holidays and
    time zone): no business time has to pass from `at` before the brand is at work."""
    try:
        week = calendar.Calendar.of(hours.week, hours.holidays or (), hours.timezone)
        return calendar.add_business_time(at, timedelta(0), week) == at
    except ValueError:  # a week without any business hours
        return False


async def context(session: AsyncSession, at: datetime) -> Context:
    return Context(open_hours=open_at(await sla.business_hours(session), at))


async def active_recipes(session: AsyncSession, triggers: Sequence[RecipeTrigger]) -> list[Compiled]:
    rows = await session.scalars(select(Recipe).where(Recipe.active.is_(True), Recipe.trigger.in_(triggers))
                                 .order_by(Recipe.position, Recipe.id))
    return [compile_recipe(r) for r in rows]


# --- trying a recipe before saving it -------------------------------------------------------


@dataclass
class Tried:
    item_id: int
    title: str
    matched: bool
    actions: list[dict[str, Any]] = field(default_factory=list)


def _occasion_now(recipe: Compiled, item: CareItem, now: datetime) -> bool:
    """Whether a time-based trigger holds for the item right now (an event trigger always does)."""
    if recipe.trigger == RecipeTrigger.NO_REPLY:
        return (item.status in ACTIVE_STATUSES and item.waiting_since is not None
                and item.waiting_since <= now - timedelta(minutes=recipe.minutes or 0))
    if recipe.trigger == RecipeTrigger.SLA_WARNING:
        return (item.status in ACTIVE_STATUSES and item.due_at is not None
                and item.due_at <= now + timedelta(minutes=recipe.minutes or 0))
    return True


async def try_recipe(session: AsyncSession, data: RecipeIn, *, last: int = TRY_DEFAULT) -> list[Tried]:
    """What the recipe would do to each of the last `last` items, as they are now: evaluated,
    never run, so nothing changes (a time-based recipe: for the items whose wait is over its
    minutes, or whose goal is due within them, now)."""
    conditions, actions = await validate(session, data)
    recipe = compile_recipe(Recipe(id=None, name=data.name, trigger=RecipeTrigger(data.trigger),
                                   minutes=data.minutes, conditions=conditions, actions=actions,
                                   swept_until=None))
    now = clock.now()
    batch = list(await session.scalars(select(CareItem).order_by(CareItem.id.desc()).limit(min(last, TRY_MAX))))
    facts = await load_facts(session, batch, [recipe])
    where = await context(session, now)
    tried = []
    for item, fact in zip(batch, facts, strict=True):
        acts = _occasion_now(recipe, item, now) and bool(plan([recipe], fact, where))
        tried.append(Tried(item.id, item.title, acts, list(recipe.actions) if acts else []))
    return tried


# --- running ----------------------------------------------------------------------------------


async def on_received(session: AsyncSession, item_id: int, *, created: bool, messages: int, event_id: int) -> int:
    """Run the event-triggered recipes for an item that was just created or got customer
    messages (`messages`: how many, the newest ones). Returns how many recipes acted."""
    triggers = ([RecipeTrigger.ITEM_CREATED] if created else []) + ([RecipeTrigger.MESSAGE_RECEIVED]
                                                                     if messages > 0 else [])
    if not triggers:
        return 0
    recipes = await active_recipes(session, triggers)
    item = await session.get(CareItem, item_id) if recipes else None
    if item is None:
        return 0
    now = clock.now()
    facts = (await load_facts(session, [item], recipes, newest=None if created else {item.id: messages}))[0]
    ran = 0
    for recipe in plan(recipes, facts, await context(session, now)):
        key = "created" if recipe.trigger == RecipeTrigger.ITEM_CREATED else f"message:{event_id}"
        ran += await run(session, item, recipe, key)
    return ran


async def run(session: AsyncSession, item: CareItem, recipe: Compiled, key: str) -> int:
    """Do the recipe's actions on the item once for this occasion (`key`) and log them."""
    now = clock.now()
    if not await add_unique(session, RecipeRun(recipe_id=recipe.id, item_id=item.id, key=key[:80], ran_at=now)):
        return 0
    logged = items.entry(session, item, EntryKind.RECIPE, data={"recipe": recipe.name})
    did = []
    for action in recipe.actions:
        done, text = await ACTIONS[action["type"]](session, item, recipe, action)
        did.append(done)
        if text is not None:
            logged.body = text
    logged.data = {"recipe": recipe.name, "recipe_id": recipe.id, "trigger": str(recipe.trigger),
                   "occasion": key, "did": did}
    await session.flush()
    return 1


Done = tuple[dict[str, Any], str | None]


async def _do_tag(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    await items.add_tags(session, None, item, action["tags"])
    return {"type": "tag", "tags": action["tags"]}, None


async def _do_priority(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    before = ItemPriority(item.priority).name.lower()
    await items.set_priority(session, None, item, PRIORITIES[action["priority"]], reason=f"recipe {recipe.name}")
    return {"type": "priority", "from": before, "to": action["priority"]}, None


async def _bump(session: AsyncSession, item: CareItem, what: str, **values: Any) -> None:
    await items.changed(session, item, None, what, **values)


async def _do_sentiment(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    before, after = item.sentiment, Sentiment(action["sentiment"])
    if before != after:
        items.entry(session, item, EntryKind.SENTIMENT, data={"from": str(before) if before else None,
                                                              "to": str(after), "reason": f"recipe {recipe.name}"})
        await _bump(session, item, "sentiment", sentiment=after)
    return {"type": "sentiment", "from": str(before) if before else None, "to": str(after)}, None


async def _set_status(session: AsyncSession, item: CareItem, recipe: Compiled, status: ItemStatus) -> None:
    await items.change_status(session, item, status, note=f"recipe {recipe.name}")


async def _do_status(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    before = item.status
    status = STATUS_ACTIONS[action["type"]]
    await _set_status(session, item, recipe, status)
    return {"type": action["type"], "from": str(before), "to": str(status)}, None


async def _do_escalate(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    """Start the named procedure (its contacts are told), or escalate with the recipe as the reason."""
    name = action.get("procedure")
    done: dict[str, Any] = {"type": "escalate", "procedure": name, "from": str(item.status)}
    procedure_id = await session.scalar(select(EscalationProcedure.id).where(
        EscalationProcedure.name == name, EscalationProcedure.active.is_(True))) if name else None
    if name and procedure_id is None:
        return {**done, "note": "no such procedure any more"}, None
    if await escalation.running(session, item.id, procedure_id):
        return {**done, "note": "already running"}, None
    started = await escalation.start(session, None, item.id, procedure_id=procedure_id,
                                     reason=None if procedure_id else f"recipe {recipe.name}")
    return {**done, "to": str(ItemStatus.ESCALATED), "escalation_id": started.id}, None


async def _do_assign(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    if action["agent"] == "team":
        # The queue's own routing: its mode (round robin or language), capacity and turn.
        held = await session.get(Account, item.assignee_id) if item.assignee_id else None
        await session.flush()  # routing reads the item afresh: what earlier actions changed goes first
        agent = held or await routing.route(session, item.id, force=True)
    else:
        agent = await session.get(Account, action["agent"])
        agent = agent if agent is not None and agent.is_active and items.is_agent(agent) else None
    if agent is None:
        return {"type": "assign", "agent": action["agent"], "to": None, "note": "no agent with room"}, None
    if agent.id != item.assignee_id:
        await items.assign(session, None, item, agent, what="recipe")
    return {"type": "assign", "agent": action["agent"], "to": agent.id}, None


async def _do_draft(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    canned = await session.scalar(select(CannedResponse).where(CannedResponse.code == action["canned"]))
    if canned is None or not canned.texts:
        return {"type": "draft", "canned": action["canned"], "note": "no such canned response"}, None
    language = item.language if item.language in canned.texts else ("en" if "en" in canned.texts
                                                                      else next(iter(canned.texts)))
    # Kept on the timeline for an agent to use: a draft is never sent by a recipe.
    return {"type": "draft", "canned": canned.code, "language": language}, canned.texts[language]


async def _do_notify(session: AsyncSession, item: CareItem, recipe: Compiled, action: dict[str, Any]) -> Done:
    target = {"email": action["email"]} if "email" in action else {"webhook": action["webhook"]}
    events.publish(session, NOTIFY_EVENT, item_id=item.id, recipe_id=recipe.id, recipe=recipe.name,
                   trigger=str(recipe.trigger), **target)
    return {"type": "notify", **target, "state": "queued"}, None


ACTIONS: dict[str, Callable[..., Any]] = {
    "tag": _do_tag, "priority": _do_priority, "sentiment": _do_sentiment, "assign": _do_assign,
    "escalate": _do_escalate, "ignore": _do_status, "resolve": _do_status, "draft": _do_draft, "notify": _do_notify,
}


# --- the time-based sweep -----------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """Where a time-based trigger's occasions are: the column they start from and how the
    recipe's minutes move it (a wait reaches its moment `minutes` after waiting_since; a goal
    warns `minutes` before due_at)."""

    column: str
    sign: int  # moment = column + sign * minutes
    prefix: str


MOMENTS = {RecipeTrigger.NO_REPLY: Moment("waiting_since", 1, "no_reply"),
           RecipeTrigger.SLA_WARNING: Moment("due_at", -1, "sla")}


def _moment(recipe: Compiled, value: datetime) -> datetime:
    return value + MOMENTS[recipe.trigger].sign * timedelta(minutes=recipe.minutes or 0)


async def sweep(database: Database, *, batch: int = SWEEP_BATCH) -> int:
    """Run the time-based recipes on every occasion that reached its moment since the last
    sweep, in order; returns how many recipe runs acted. Reads go in batches on indexed
    columns; each batch's runs are written in one short transaction."""
    now = clock.now()
    async with database.sessionmaker() as session:
        recipes = await active_recipes(session, TIMED)
        where = await context(session, now)
    ran = 0
    for trigger in TIMED:
        group = [r for r in recipes if r.trigger == trigger]
        if group:
            ran += await _sweep_trigger(database, MOMENTS[trigger], group, where, now, batch)
    if recipes:
        async with await database.writer(background=True) as session:
            # Not back in time: a recipe saved during the sweep starts at its own saving.
            await session.execute(update(Recipe).where(
                Recipe.id.in_([r.id for r in recipes]), or_(Recipe.swept_until.is_(None), Recipe.swept_until < now))
                .values(swept_until=now))
            await session.commit()
    return ran


def _window(moment: Moment, recipe: Compiled, now: datetime) -> tuple[datetime, datetime]:
    """The column values whose moment for this recipe falls in (swept_until, now]."""
    start = recipe.swept_until or now
    shift = moment.sign * timedelta(minutes=recipe.minutes or 0)
    return start - shift, now - shift


async def _sweep_trigger(database: Database, moment: Moment, recipes: list[Compiled], where: Context,
                         now: datetime, batch: int) -> int:
    """Recipes with the same window (the same minutes, swept together) share one indexed scan."""
    windows: dict[tuple[datetime, datetime], list[Compiled]] = {}
    for recipe in recipes:
        windows.setdefault(_window(moment, recipe, now), []).append(recipe)
    ran = 0
    for (low, high), group in sorted(windows.items()):
        if low < high:
            ran += await _sweep_window(database, moment, group, where, low, high, batch)
    return ran


async def _sweep_window(database: Database, moment: Moment, recipes: list[Compiled], where: Context,
                        low: datetime, high: datetime, batch: int) -> int:
    column = getattr(CareItem, moment.column)
    after: tuple[datetime, int] | None = None
    ran = 0
    while True:
        query = (select(CareItem).where(CareItem.status.in_(ACTIVE_STATUSES), column > low, column <= high)
                 .order_by(column, CareItem.id).limit(batch))
        if after is not None:
            query = query.where(or_(column > after[0], and_(column == after[0], CareItem.id > after[1])))
        async with database.sessionmaker() as session:
            found = list(await session.scalars(query))
            facts = await load_facts(session, found, recipes)
        todo = [(item.id, getattr(item, moment.column), acting) for item, fact in zip(found, facts, strict=True)
                if (acting := plan(recipes, fact, where))]
        if todo:
            ran += await _run_batch(database, moment, todo)
        if len(found) < batch:
            return ran
        after = (getattr(found[-1], moment.column), found[-1].id)


async def _run_batch(database: Database, moment: Moment, todo: list[tuple[int, datetime, list[Compiled]]]) -> int:
    ran = 0
    for start in range(0, len(todo), WRITE_BATCH):
        ran += await _write_batch(database, moment, todo[start:start + WRITE_BATCH])
    return ran


async def _write_batch(database: Database, moment: Moment, todo: list[tuple[int, datetime, list[Compiled]]]) -> int:
    ran = 0
    async with await database.writer(background=True) as session:
        found = {i.id: i for i in await session.scalars(select(CareItem).where(CareItem.id.in_([t[0] for t in todo])))}
        for item_id, value, acting in todo:
            item = found.get(item_id)
            # Answered or closed since it was read: that occasion is over.
            if item is None or item.status not in ACTIVE_STATUSES or getattr(item, moment.column) != value:
                continue
            for recipe in acting:
                ran += await run(session, item, recipe, f"{moment.prefix}:{value.isoformat()}")
        await session.commit()
    return ran


# --- notifications (the outbox job) ---------------------------------------------------------------


def http_client() -> httpx.AsyncClient:
    """Replaced in tests by a client with a mock transport."""
    return httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT, headers={"user-agent": "Hearth care recipes"})


async def notify_payload(session: AsyncSession, payload: dict[str, Any]) -> dict[str, Any] | None:
    item = await session.get(CareItem, int(payload["item_id"]))
    if item is None:
        return None
    return {"event": "care.recipe", "recipe": payload.get("recipe"), "trigger": payload.get("trigger"),
            "item": {"id": item.id, "source": str(item.source), "channel": item.channel, "status": str(item.status),
                     "priority": ItemPriority(item.priority).name.lower(), "language": item.language,
                     "title": item.title, "url": item.url}}


async def post_webhook(url: str, body: dict[str, Any]) -> int:
    """POST the JSON; an error or a non-2xx answer raises, so the outbox retries with backoff."""
    if safe_url(url) is None or _own_address(url):
        log.warning("recipe webhook %s refused: not an outside http(s) address", url)
        return 0
    async with http_client() as client:
        response = await client.post(url, json=body)
    response.raise_for_status()
    return response.status_code


async def notify_email(session: AsyncSession, payload: dict[str, Any], body: dict[str, Any]) -> bool:
    """Hearth has no e-mail transport yet: a staff account with that address is told in Hearth
    (its notifications); any other address is logged as not sent."""
    email, item = payload["email"], body["item"]
    account = await session.scalar(select(Account).where(func.lower(Account.email) == email,
                                                         Account.is_active.is_(True)))
    if account is not None and (account.has_role(Role.CARE_AGENT) or account.has_role(Role.ADMIN)):
        await notifications.notify(session, account.id, kind="care.recipe",
                                   title=f"{payload.get('recipe')}: {item['title']}"[:200],
                                   url=f"/care/items/{item['id']}",
                                   dedupe_key=f"recipe:{payload.get('recipe_id')}:{item['id']}:{payload['event_id']}")
        log.info("recipe %s notified %s in Hearth about care item %s", payload.get("recipe"), email, item["id"])
        return True
    log.warning("recipe %s: no e-mail transport is configured; the e-mail to %s about care item %s was not sent",
                payload.get("recipe"), email, item["id"])
    return False
