"""Demo care queue: the webcare team's setup and a year of its work on every source of care items.

The setup, dated before the first conversation: business hours with Belgium's holidays, SLA
policies, tag folders, canned responses in three languages, two recipes, the "account hacked"
procedure, and a second care agent (care2@demo.hearth.test, the demo password) so two agents can
be tried side by side.

The work replays, in time order with the clock set back, the events the other seeders left in
the outbox — mentions stored, questions asked, low-star reviews published and answered — and
hands each to care.sources at the moment the worker would have, so every item and its timeline
are what real use would have made. Moderators route a few forum posts members flagged (flags).
The agents then act as a team does: they claim conversations the brand answered on X or
Facebook and resolve them, answer older unanswered mentions from Hearth with a canned response,
ignore pure insults, settle old questions and reviews off the platform (a note, then resolved),
and leave the last day's work open, some of it claimed. The SLA sweep runs when each goal
passes, as the worker's would, so breaches are recorded with their true times.

When the worker later runs those outbox events itself, they find their messages on the items
already and change nothing. Idempotent: when the demo's canned responses exist, it does nothing.
The words are in care/seed/*.toml, under [queue].
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care import canned, escalation, items, recipes, replies, routing, sla, sources, tags
from care.models import (
    ACTIVE_STATUSES,
    CannedResponse,
    CareItem,
    Channel,
    ItemPriority,
    ItemSource,
    ItemStatus,
    Mention,
    Sentiment,
    SlaBreach,
)
from care.schemas import (
    AgentIn,
    BusinessHoursIn,
    CannedIn,
    ProcedureIn,
    RecipeIn,
    ReplyIn,
    SlaPolicyIn,
    TagFolderIn,
    TagIn,
)
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.errors import Conflict
from hearth.events import OutboxEvent
from hearth.saving import add_unique
from hearth.seed import DEMO_PASSWORD, MEMBERS, _email, load_content
from hearth.settings import get_settings
from moderation import kinds
from moderation import service as moderation
from moderation.models import ContentState, FlagReason
from moderation.schemas import ActionIn, FlagIn
from moderation.trust import is_staff

RANDOM_SEED = 2026
SOURCE_EVENTS = ("care.mentions_stored", "forum.thread_created", "review.published", "review.responded",
                 "review.updated")
SWEEP_DELAY = timedelta(seconds=30)  # the worker's SLA sweep runs every 30 seconds
RECENT = timedelta(hours=20)  # mentions this recent are still being worked
SETTLED_AFTER = timedelta(days=3)  # questions and reviews older than this were settled…
KEEP_OPEN = 4  # …except the latest few of each
FLAGS_PER_LANGUAGE = 2
POST_KIND = "forum.post"  # how moderation knows forum posts (forums.service.POST_KIND; care may not import it)
MODERATOR_EMAIL = "moderator@demo.hearth.test"
CARE_EMAIL = "care@demo.hearth.test"


def read_content() -> dict[str, Any]:
    files = load_content("care")
    queue = dict(files["common"]["queue"])
    queue["languages"] = {language: data["queue"] for language, data in files.items()
                          if language != "common" and "queue" in data}
    return queue


content = read_content()


@dataclass(order=True)
class Step:
    at: datetime
    order: int
    action: Callable[[], Awaitable[None]] = field(compare=False)


class Team:
    """The timeline being replayed, the agents, and what they do to items."""

    def __init__(self, session: AsyncSession, frozen: clock.FrozenClock, end: datetime,
                 agents: dict[str, Account]) -> None:
        self.session, self.frozen, self.end, self.agents = session, frozen, end, agents
        self.rng = random.Random(RANDOM_SEED)
        self.steps: list[Step] = []
        self.counter = itertools.count()
        self.created = 0
        self.swept: set[tuple[int, datetime]] = set()
        self.keep_open: set[tuple[ItemSource, int]] = set()  # the latest of each source: still worked
        self.words = [(spec["name"], [w.casefold() for w in spec["words"]]) for spec in content["tags"]]

    # --- the timeline -------------------------------------------------------------------------

    def at(self, when: datetime, action: Callable[[], Awaitable[None]]) -> None:
        """Do `action` at `when`, or at once when that has passed (a goal that was due before the
        message reached Hearth: the next sweep records it)."""
        when = max(when, self.frozen.at)
        if when <= self.end:
            heapq.heappush(self.steps, Step(when, next(self.counter), action))

    async def run(self, progress: Progress, task: Any) -> None:
        while self.steps:
            step = heapq.heappop(self.steps)
            self.frozen.at = step.at
            await step.action()
            progress.advance(task)

    def agent_for(self, item: CareItem) -> Account:
        languages = {a.id: spec["languages"] for spec in content["agents"]
                     for a in [self.agents[spec["email"]]]}
        speakers = [a for a in self.agents.values() if item.language in languages[a.id]]
        pool = speakers or list(self.agents.values())
        return pool[item.id % len(pool)]

    # --- items as they arrive -------------------------------------------------------------------

    async def arrived(self, item: CareItem | None, created: bool) -> bool:
        """A new item gets the recipes the worker would run on it at once; every item is watched
        for its next goal passing."""
        if item is None:
            return False
        if created:
            self.created += 1
            await recipes.on_received(self.session, item.id, created=True, messages=0, event_id=0)
        self.watch(item)
        return created

    def watch(self, item: CareItem) -> None:
        """The SLA sweep after the item's next goal passes (if it still has one by then)."""
        if item.due_at is not None and (item.id, item.due_at) not in self.swept:
            self.swept.add((item.id, item.due_at))
            item_id = item.id
            self.at(item.due_at + SWEEP_DELAY, lambda: self.sweep(item_id))

    async def sweep(self, item_id: int) -> None:
        """What care.sla.record_breaches does for this item at this moment, in this session."""
        item = await items.get(self.session, item_id)
        now = clock.now()
        if item.status in ACTIVE_STATUSES:
            for goal, due in sla.open_goals(item).items():
                if due <= now and await add_unique(self.session, SlaBreach(
                        item_id=item.id, goal=goal, due_at=due, breached_at=now, assignee_id=item.assignee_id)):
                    sla._breached(self.session, item, goal, due, now)  # noqa: SLF001 - the sweep's own record
        await self.session.flush()
        self.watch(item)

    # --- what agents do ---------------------------------------------------------------------------

    async def claim(self, item_id: int, agent: Account | None = None) -> Account | None:
        item = await items.get(self.session, item_id)
        if item.status not in ACTIVE_STATUSES and item.status != ItemStatus.PENDING_CUSTOMER:
            return None
        holder = self.agents_by_id().get(item.assignee_id or 0)
        if holder is not None:
            return holder
        agent = agent or self.agent_for(item)
        await items.claim(self.session, agent, item_id)
        await self.tag(item, agent)
        return agent

    def agents_by_id(self) -> dict[int, Account]:
        return {a.id: a for a in self.agents.values()}

    async def tag(self, item: CareItem, agent: Account) -> None:
        text = " ".join(e.body or "" for e, _a in await items.timeline(self.session, item.id)).casefold()
        found = [name for name, words in self.words if any(w in text for w in words)]
        current = (await items.tag_names(self.session, [item.id]))[item.id]
        if set(found) - set(current):
            await tags.set_item_tags(self.session, agent, item.id, sorted({*current, *found}))

    async def finish(self, item_id: int, status: ItemStatus, note: str | None = None) -> None:
        agent = await self.claim(item_id)
        if agent is None:
            return
        if note:
            await replies.add_note(self.session, agent, item_id, note)
        item = await items.set_status(self.session, agent, item_id, status)
        self.watch(item)

    async def answer(self, item_id: int, code: str) -> None:
        """A reply from Hearth with a canned response; the item resolves a little later."""
        agent = await self.claim(item_id)
        item = await items.get(self.session, item_id)
        if agent is None or item.status not in ACTIVE_STATUSES:
            return
        await replies.reply(self.session, agent, item_id, ReplyIn(canned=code))
        self.at(clock.now() + self.minutes(15, 60), lambda: self.finish(item_id, ItemStatus.RESOLVED))

    def minutes(self, low: int, high: int) -> timedelta:
        return timedelta(minutes=self.rng.randint(low, high), seconds=self.rng.randint(0, 59))

    def note(self, item: CareItem) -> str:
        notes = content["languages"].get(item.language or "en", content["languages"]["en"])["notes"]
        return str(self.rng.choice(notes))


# --- the setup -------------------------------------------------------------------------------------

async def _second_agent(session: AsyncSession, at: datetime) -> Account:
    spec = content["second_agent"]
    account = await accounts.get_by_email(session, spec["email"])
    if account is None:
        account = await accounts.create_account(session, email=spec["email"], display_name=spec["name"],
                                                password=DEMO_PASSWORD, language=spec["language"],
                                                roles=frozenset({Role.CARE_AGENT}))
        account.created_at = at
    return account


async def _agents(session: AsyncSession, at: datetime) -> dict[str, Account]:
    await _second_agent(session, at)
    found: dict[str, Account] = {}
    for spec in content["agents"]:
        account = await accounts.get_by_email(session, spec["email"])
        if account is None:
            raise RuntimeError("The care queue demo needs the demo care agent: run the accounts seeder first")
        await routing.update_agent(session, account.id, AgentIn(
            capacity=spec["capacity"], languages=spec["languages"], signature=spec["signature"]))
        found[spec["email"]] = account
    return found


async def _setup(session: AsyncSession) -> None:
    hours = content["business_hours"]
    await sla.save_business_hours(session, BusinessHoursIn(timezone=hours["timezone"], week=hours["week"],
                                                           holidays=hours["holidays"]))
    for spec in content["sla_policies"]:
        await sla.save_policy(session, SlaPolicyIn(**spec))
    folders = {}
    for spec in content["folders"]:
        folders[spec["name"]] = await tags.create_folder(session, TagFolderIn(**spec))
    for spec in content["tags"]:
        await tags.save_tag(session, TagIn(name=spec["name"], folder_id=folders[spec["folder"]].id))
    for spec in content["canned"]:
        texts = {language: data["canned"][spec["code"]] for language, data in content["languages"].items()}
        await canned.save(session, CannedIn(code=spec["code"], title=spec["title"], texts=texts,
                                            folder=spec.get("folder")))
    for spec in content["procedures"]:
        await escalation.save_procedure(session, ProcedureIn(**spec))
    await session.flush()
    for spec in content["recipes"]:
        await recipes.save(session, RecipeIn(**spec))
    await session.flush()


# --- the sources --------------------------------------------------------------------------------------

async def _source_events(session: AsyncSession) -> list[OutboxEvent]:
    return list(await session.scalars(select(OutboxEvent).where(OutboxEvent.name.in_(SOURCE_EVENTS))
                                      .order_by(OutboxEvent.created_at, OutboxEvent.id)))


async def _latest_waiting(session: AsyncSession, events: list[OutboxEvent]) -> set[tuple[ItemSource, int]]:
    """The latest questions no staff member answered and low-star reviews nobody responded to:
    the team is still on them (older ones were settled)."""
    answers: dict[int, list[int]] = {}
    for post in await session.scalars(select(OutboxEvent.payload).where(OutboxEvent.name == "forum.post_created")):
        answers.setdefault(int(post["thread_id"]), []).append(int(post["post_id"]))
    views = await kinds.get(POST_KIND).views(session, [p for ids in answers.values() for p in ids])
    staff = {a.id for a in await session.scalars(select(Account).where(
        Account.id.in_({v.author_id for v in views.values() if v.author_id}))) if is_staff(a)}
    questions = [int(e.payload["thread_id"]) for e in events if e.name == "forum.thread_created"
                 and not any(views[p].author_id in staff for p in answers.get(int(e.payload["thread_id"]), [])
                             if p in views)]
    responded = {int(e.payload["review_id"]) for e in events if e.name == "review.responded"}
    low = [int(e.payload["review_id"]) for e in events if e.name == "review.published"
           and int(e.payload.get("rating", 5)) <= sources.LOW_RATING and int(e.payload["review_id"]) not in responded]
    return ({(ItemSource.QUESTION, i) for i in questions[-KEEP_OPEN:]}
            | {(ItemSource.REVIEW, i) for i in low[-KEEP_OPEN:]})


def _schedule_sources(team: Team, events: list[OutboxEvent]) -> None:
    responded = {int(e.payload["review_id"]) for e in events if e.name == "review.responded"}
    question_delay = timedelta(hours=get_settings().care_question_hours)
    for event in events:
        payload = event.payload
        if event.name == "care.mentions_stored":
            team.at(event.created_at, _mentions(team, int(payload["channel_id"]), payload["conversation_ids"]))
        elif event.name == "forum.thread_created":
            team.at(event.created_at + question_delay, _question(team, int(payload["thread_id"])))
        elif event.name == "review.published" and int(payload.get("rating", 5)) <= sources.LOW_RATING:
            review_id = int(payload["review_id"])
            team.at(event.created_at, _review(team, review_id, answered=review_id in responded))
        elif event.name == "review.responded":
            team.at(event.created_at, _response(team, int(payload["review_id"]), int(payload["response_id"])))
        elif event.name == "review.updated":
            team.at(event.created_at, _review_updated(team, int(payload["review_id"])))


def _mentions(team: Team, channel_id: int, conversation_ids: list[int]) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        session = team.session
        known = {i.source_id for i in await session.scalars(select(CareItem).where(
            CareItem.source == ItemSource.MENTION, CareItem.source_id.in_(conversation_ids)))}
        await sources.mentions_stored(session, channel_id, conversation_ids)
        channel = await session.get(Channel, channel_id)
        brand = await sources.brand_handles(session, channel) if channel else frozenset()
        for conversation_id in conversation_ids:
            item = await items.find(session, ItemSource.MENTION, conversation_id)
            if await team.arrived(item, created=item is not None and conversation_id not in known):
                assert item is not None
                await _plan_mention(team, item, brand)
    return run


async def _plan_mention(team: Team, item: CareItem, brand: frozenset[str]) -> None:
    """What the team does with a conversation, from what it will turn out to hold."""
    mentions = list(await team.session.scalars(select(Mention).where(
        Mention.conversation_id == item.source_id, Mention.removed_at.is_(None)).order_by(Mention.published_at)))
    ours = [m for m in mentions if m.author_handle.lower() in brand]
    theirs = [m for m in mentions if m.author_handle.lower() not in brand]
    if not theirs:
        return
    now, first = clock.now(), theirs[0].published_at
    if ours and ours[-1].published_at > first:
        # Answered on the platform: claimed just before, resolved once the brand had the last word.
        answered = [m for m in ours if m.published_at > first]
        team.at(max(now, answered[0].published_at - team.minutes(2, 6)), lambda: _claimed(team, item.id))
        if answered[-1].published_at > theirs[-1].published_at and answered[-1].published_at < team.end - RECENT / 5:
            team.at(answered[-1].published_at + team.minutes(10, 40),
                    lambda: team.finish(item.id, ItemStatus.RESOLVED))
    elif item.pure_insult:
        team.at(now + team.minutes(15, 45), lambda: team.finish(item.id, ItemStatus.IGNORED))
    elif first < team.end - RECENT:
        code = _canned_for(item, theirs)
        wait = team.minutes(5, 50) if team.rng.random() < 0.7 else team.minutes(70, 300)
        if code is None:
            team.at(now + wait, lambda: team.finish(item.id, ItemStatus.IGNORED))
        else:
            team.at(now + wait, lambda: team.answer(item.id, code))
    elif team.rng.random() < 0.5:
        team.at(now + team.minutes(3, 30), lambda: _claimed(team, item.id))


async def _claimed(team: Team, item_id: int) -> None:
    await team.claim(item_id)


def _canned_for(item: CareItem, messages: list[Mention]) -> str | None:
    text = " ".join(m.text for m in messages).casefold()
    if any(w in text for w in ("phishing", "hameçonnage", "valse sms", "faux sms", "fake sms", "smishing")):
        return "phishing"
    if item.sentiment == Sentiment.POSITIVE:
        return "thanks"
    if item.sentiment == Sentiment.NEGATIVE or "?" in text:
        return "dm-please"
    return None  # nothing to answer: a remark, news shared


def _question(team: Team, thread_id: int) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        known = await items.find(team.session, ItemSource.QUESTION, thread_id)
        item = await sources.question_due(team.session, thread_id)
        if await team.arrived(item, created=item is not None and known is None):
            assert item is not None
            _settle_or_leave(team, item)
    return run


def _settle_or_leave(team: Team, item: CareItem) -> None:
    """An old question or review was settled off the platform; the latest ones are still worked."""
    now = clock.now()
    if (item.source, item.source_id) not in team.keep_open and now < team.end - SETTLED_AFTER:
        item_id, note = item.id, team.note(item)
        team.at(now + team.minutes(60, 600), lambda: team.finish(item_id, ItemStatus.RESOLVED, note))
    elif team.rng.random() < 0.5:
        team.at(now + team.minutes(10, 90), lambda: _claimed(team, item.id))


def _review(team: Team, review_id: int, *, answered: bool) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        known = await items.find(team.session, ItemSource.REVIEW, review_id)
        item = await sources.review_published(team.session, review_id)
        if await team.arrived(item, created=item is not None and known is None) and not answered:
            assert item is not None
            _settle_or_leave(team, item)
    return run


def _response(team: Team, review_id: int, response_id: int) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        item = await items.find(team.session, ItemSource.REVIEW, review_id)
        if item is None:
            return
        await team.claim(item.id)  # the agent who wrote the response on the review page
        await sources.review_responded(team.session, review_id, response_id)
        team.watch(item)
        item_id = item.id
        team.at(clock.now() + team.minutes(10, 60), lambda: team.finish(item_id, ItemStatus.RESOLVED))
    return run


def _review_updated(team: Team, review_id: int) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        if await items.find(team.session, ItemSource.REVIEW, review_id) is None:
            return
        item = await sources.review_published(team.session, review_id, updated=True)
        if item is not None and item.status in ACTIVE_STATUSES:
            # Rewritten once the problem was solved: read, and closed again.
            item_id = item.id
            team.at(clock.now() + team.minutes(20, 90), lambda: team.finish(item_id, ItemStatus.RESOLVED))
    return run


# --- flags ----------------------------------------------------------------------------------------------

async def _flag_candidates(session: AsyncSession) -> dict[str, list[kinds.ContentView]]:
    """Members' latest forum answers per language: what the demo's members flag for the bank."""
    post_ids = [int(p["post_id"]) for p in await session.scalars(
        select(OutboxEvent.payload).where(OutboxEvent.name == "forum.post_created").order_by(OutboxEvent.id.desc()))]
    views = await kinds.get(POST_KIND).views(session, post_ids)
    authors = {a.id: a for a in await session.scalars(select(Account).where(
        Account.id.in_({v.author_id for v in views.values() if v.author_id})))}
    found: dict[str, list[kinds.ContentView]] = {}
    for post_id in post_ids:
        view = views.get(post_id)
        author = authors.get(view.author_id or 0) if view else None
        if view is None or author is None or is_staff(author) or view.state != ContentState.PUBLISHED:
            continue
        chosen = found.setdefault(view.language or "", [])
        if len(chosen) < FLAGS_PER_LANGUAGE and view.language in content["languages"]:
            chosen.append(view)
    return found


def _schedule_flags(team: Team, candidates: dict[str, list[kinds.ContentView]]) -> None:
    members = {language: [_email(name) for name, lang in MEMBERS if lang == language] for language in candidates}
    for number, (language, views) in enumerate(sorted(candidates.items())):
        words = content["languages"][language]
        for index, view in enumerate(views):
            flagged = team.end - timedelta(hours=6 + 20 * index + 7 * number, minutes=team.rng.randint(0, 59))
            flagger = members[language][(index * 7 + 3) % len(members[language])]
            team.at(flagged, _flag(team, view, flagger, words["flag_notes"][index % len(words["flag_notes"])],
                                   words["route_note"], settle=index == 0, note=words["notes"][index]))


def _flag(team: Team, view: kinds.ContentView, flagger_email: str, why: str, route_note: str, *, settle: bool,
          note: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        flagger = await accounts.get_by_email(team.session, flagger_email)
        if flagger is None or flagger.id == view.author_id:
            return
        reviewable = await moderation.flag(team.session, flagger, FlagIn(kind=view.kind, content_id=view.id,
                                                                         reason=FlagReason.OTHER, note=why))
        # The moderator reads the queue a little later.
        team.at(clock.now() + team.minutes(20, 90), _route(team, reviewable.id, route_note, settle=settle, note=note))
    return run


def _route(team: Team, reviewable_id: int, route_note: str, *, settle: bool,
           note: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        session = team.session
        moderator = await accounts.get_by_email(session, MODERATOR_EMAIL)
        if moderator is None:
            return
        reviewable = await moderation.get_reviewable(session, reviewable_id)
        await moderation.act(session, moderator, reviewable_id, ActionIn(action="route_to_care",
                                                                         version=reviewable.version, note=route_note))
        await session.flush()
        # As the worker would, at once: the routing's event becomes the flag's item.
        routed = await session.scalar(select(OutboxEvent.payload).where(
            OutboxEvent.name == "moderation.routed_to_care").order_by(OutboxEvent.id.desc()).limit(1))
        known = await items.find(session, ItemSource.FLAG, reviewable_id)
        item = await sources.flag_routed(session, routed or {})
        if await team.arrived(item, created=known is None):
            item_id = item.id
            if settle:
                team.at(clock.now() + team.minutes(30, 120),
                        lambda: team.finish(item_id, ItemStatus.RESOLVED, note))
            else:
                team.at(clock.now() + team.minutes(5, 30), lambda: _claimed(team, item_id))
    return run


# --- an escalation ---------------------------------------------------------------------------------------

async def _escalate_one(team: Team) -> None:
    """The newest open security item is escalated with the procedure, its first step done."""
    session = team.session
    procedure = content["procedures"][0]["name"]
    found = await session.scalar(select(CareItem).where(
        CareItem.status.in_(ACTIVE_STATUSES), CareItem.priority == ItemPriority.URGENT)
        .order_by(CareItem.created_at.desc()).limit(1))
    if found is None:
        found = await session.scalar(select(CareItem).where(CareItem.status.in_(ACTIVE_STATUSES))
                                     .order_by(CareItem.created_at.desc()).limit(1))
    if found is None:
        return
    agent = await team.claim(found.id) or team.agent_for(found)
    procedure_id = next(p.id for p in await escalation.list_procedures(session) if p.name == procedure)
    reason = content["languages"].get(found.language or "en", content["languages"]["en"])["escalation_reason"]
    try:
        await escalation.start(session, agent, found.id, procedure_id=procedure_id, reason=reason)
        await escalation.step_done(session, agent, found.id, 1)
    except Conflict:  # pragma: no cover - the item is the team's own: nobody else holds it
        return


# --- the seeder --------------------------------------------------------------------------------------------

async def seed_queue(session: AsyncSession, progress: Progress) -> int:
    if await session.scalar(select(CannedResponse.id).where(
            CannedResponse.code == content["canned"][0]["code"])) is not None:
        return 0
    events = await _source_events(session)
    now = clock.now()
    start = min([e.created_at for e in events] + [now]) - timedelta(days=1)
    frozen = clock.FrozenClock(start)
    previous = clock.use(frozen)
    try:
        agents = await _agents(session, start)
        await _setup(session)
        team = Team(session, frozen, now, agents)
        team.keep_open = await _latest_waiting(session, events)
        _schedule_sources(team, events)
        _schedule_flags(team, await _flag_candidates(session))
        task = progress.add_task("Care queue", total=None)
        await team.run(progress, task)
        frozen.at = now - timedelta(minutes=20)
        await _escalate_one(team)
        await session.flush()
    finally:
        clock.use(previous)
    return team.created


SEEDERS = [("care queue", seed_queue)]
