"""Demo idea exchange: Hearth Bank's and Hearth Mobile's product areas, about 80 ideas in Dutch,
French and English, with their votes, comments, the product team's status changes and responses,
and duplicates merged into the ideas they repeat.

Everything is written through ideas.service, so screening, follows, counters, trending scores,
notifications and outbox events are exactly what real use would have produced. The clock is
frozen and moved forward to each write, so the history spreads over the last eight months: votes
come after the idea and before it closes, status changes follow each other weeks apart, and a
duplicate is proposed after the idea it repeats and merged days later. All choices come from one
seeded random generator: every run builds the same exchange. Idempotent: when the first area
exists, the seeder does nothing.

The words are in ideas/seed/*.toml: common.toml has the areas, nl.toml, fr.toml and en.toml the
ideas with their fate (their header says how they are written).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace

from rich.progress import Progress
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.seed import demo_people, filled, load_content
from ideas import service
from ideas.schemas import AreaIn, CommentIn, IdeaIn, StatusIn
from moderation.models import ContentState

RANDOM_SEED = 2026
SPAN_DAYS = 240             # ideas spread over the last eight months
OPEN = "open"
MERGED = "merged"
CLOSED = frozenset({"completed", "declined", MERGED})
STAFF_ROLES = {"product": Role.PRODUCT_MANAGER, "care": Role.CARE_AGENT, "moderator": Role.MODERATOR}
OWN_LANGUAGE = 3.0          # a member who writes the idea's language votes for it 3 times as likely
ENGLISH_BY_ANYONE = 0.4     # English ideas by members of every language, as Belgians write them
SHARED_VOTERS = 0.4         # share of a duplicate's voters who voted for the idea it repeats too
ROOM_FOR_DUPLICATES = timedelta(days=40)  # an idea others repeat was proposed at least this long ago
HOURS = [7, 8, 9, 10, 11, 12, 12, 13, 14, 16, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23]


def read_content() -> SimpleNamespace:
    """The demo's words: the areas, and every idea told its language, with its optional parts filled."""
    files = load_content("ideas")
    common = files.pop("common")
    ideas = [{"tags": [], "history": [], "comments": [], "into": None, **idea, "language": language}
             for language, data in files.items() for idea in data.get("ideas", [])]
    return SimpleNamespace(BRANDS=common["brands"], AREAS=common["areas"], IDEAS=ideas)


content = read_content()


@dataclass
class PlannedComment:
    who: str
    text: str
    after_response: bool
    author: Account | None = None
    at: datetime | None = None


@dataclass
class PlannedIdea:
    key: str
    language: str
    area: str
    title: str
    body: str
    tags: list[str]
    votes: int
    changes: list[tuple[str, str]]     # (status, response) in order; the last is the idea's fate
    into: str | None
    comments: list[PlannedComment]
    author: Account | None = None
    at: datetime | None = None
    change_times: list[datetime] = field(default_factory=list)
    voters: list[Account] = field(default_factory=list)
    reserves: list[Account] = field(default_factory=list)  # who votes instead of a voter out of votes
    cast: set[int] = field(default_factory=set)            # who has voted, as the seeder runs
    idea_id: int | None = None

    @property
    def status(self) -> str:
        return self.changes[-1][0] if self.changes else OPEN

    @property
    def closes_at(self) -> datetime | None:
        """When the idea stops taking votes: completed, declined or merged."""
        return next((at for (status, _), at in zip(self.changes, self.change_times, strict=True)
                     if status in CLOSED), None)


def plan_ideas() -> list[PlannedIdea]:
    """The ideas as written, in file order; keys must be unique."""
    planned = [PlannedIdea(
        key=spec["key"], language=spec["language"], area=spec["area"], title=spec["title"],
        body=spec["body"].strip(), tags=list(spec["tags"]), votes=spec["votes"],
        changes=[(h["status"], h["response"].strip()) for h in spec["history"]]
        + ([(spec["status"], spec["response"].strip())] if spec["status"] != OPEN else []),
        into=spec["into"], comments=[PlannedComment(c["who"], c["text"].strip(), c.get("after_response", False))
                                     for c in spec["comments"]]) for spec in content.IDEAS]
    keys = [idea.key for idea in planned]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"Seed idea keys must be unique: {sorted(duplicates)}")
    return planned


def _at_hour(rng: random.Random, at: datetime, earliest: datetime, latest: datetime) -> datetime:
    """`at` moved to an hour people write at, kept between earliest and latest."""
    moved = at.replace(hour=rng.choice(HOURS), minute=rng.randint(0, 59), second=rng.randint(0, 59), microsecond=0)
    return moved if earliest <= moved <= latest else at


def _gaps(rng: random.Random, idea: PlannedIdea) -> list[timedelta]:
    """The time before each status change: a first triage within weeks, later steps weeks apart,
    a duplicate merged within days."""
    gaps = []
    for i, (status, _response) in enumerate(idea.changes):
        if status == MERGED:
            gaps.append(timedelta(days=rng.uniform(0.5, 9)))
        elif i == 0:
            gaps.append(timedelta(days=rng.uniform(2, 25)))
        else:
            gaps.append(timedelta(days=rng.uniform(12, 45)))
    return gaps


def _schedule(rng: random.Random, ideas: list[PlannedIdea], now: datetime,
              by_language: dict[str, list[Account]]) -> None:
    """An author, a time and the times of its status changes for every idea; ideas others repeat
    first, so a duplicate comes after the idea it repeats."""
    everyone = [a for pool in by_language.values() for a in pool]
    by_key = {idea.key: idea for idea in ideas}
    repeated = {idea.into for idea in ideas if idea.into}
    for idea in sorted(ideas, key=lambda i: i.into is not None):
        gaps = _gaps(rng, idea)
        needed = sum(gaps, timedelta()) + (ROOM_FOR_DUPLICATES if idea.key in repeated else timedelta())
        latest = now - needed - timedelta(days=rng.uniform(0.5, 4) if idea.changes else 0.1)
        earliest = now - timedelta(days=SPAN_DAYS)
        if idea.into:
            earliest = filled(by_key[idea.into].at) + timedelta(days=rng.uniform(3, 20))
        pool = everyone if idea.language == "en" and rng.random() < ENGLISH_BY_ANYONE else by_language[idea.language]
        authors = [a for a in pool if a.created_at + timedelta(days=2) < latest]
        if not authors or earliest >= latest:
            raise RuntimeError(f"The idea {idea.key!r} does not fit in the demo's time")
        idea.author = rng.choice(authors)
        earliest = max(earliest, idea.author.created_at + timedelta(days=2))
        if idea.changes or idea.into:
            at = earliest + (latest - earliest) * rng.random()
        else:  # open ideas: the exchange grew, more of them lately
            at = max(earliest, latest - (latest - earliest) * rng.random() ** 1.4)
        idea.at = _at_hour(rng, at, earliest, latest)
        change_at = idea.at
        for gap in gaps:
            change_at = _at_hour(rng, change_at + gap, change_at + timedelta(hours=2), now - timedelta(hours=1))
            idea.change_times.append(change_at)


def _choose_voters(rng: random.Random, ideas: list[PlannedIdea], by_language: dict[str, list[Account]]) -> None:
    """Voters for every idea, more often in its language; some who vote for a duplicate voted
    for the idea it repeats too (they keep one vote when the two are merged)."""
    everyone = [a for pool in by_language.values() for a in pool]
    by_key = {idea.key: idea for idea in ideas}

    def weighted_order(idea: PlannedIdea, candidates: list[Account]) -> list[Account]:
        # Efraimidis-Spirakis: a weighted random order, drawn in one pass.
        keyed = [(rng.random() ** (1 / (OWN_LANGUAGE if a.language == idea.language else 1.0)), a)
                 for a in candidates]
        return [a for _key, a in sorted(keyed, key=lambda pair: pair[0], reverse=True)]

    for idea in sorted(ideas, key=lambda i: i.into is not None):
        end = filled(idea.closes_at) if idea.closes_at else None
        candidates = [a for a in everyone if a.id != filled(idea.author).id
                      and (end is None or a.created_at < end - timedelta(days=1))]
        order = weighted_order(idea, candidates)
        if idea.into:
            earlier = [a for a in by_key[idea.into].voters if a in candidates]
            shared = rng.sample(earlier, min(len(earlier), round(SHARED_VOTERS * idea.votes)))
            order = shared + [a for a in order if a not in shared and a not in earlier]
        if len(order) < idea.votes:
            raise RuntimeError(f"Not enough members to vote for {idea.key!r}")
        idea.voters, idea.reserves = order[:idea.votes], order[idea.votes:]


@dataclass(order=True)
class Step:
    at: datetime
    seq: int
    action: str = field(compare=False)  # propose, vote, comment, status or merge
    idea: PlannedIdea = field(compare=False)
    actor: Account | None = field(default=None, compare=False)
    comment: PlannedComment | None = field(default=None, compare=False)
    change: tuple[str, str] | None = field(default=None, compare=False)


def _pick_commenter(rng: random.Random, idea: PlannedIdea, comment: PlannedComment, staff: dict[str, Account],
                    pool: list[Account], used: set[int]) -> Account:
    if comment.who == "author":
        return filled(idea.author)
    if comment.who in staff:
        return staff[comment.who]
    at = filled(comment.at)
    joined = [a for a in pool if a.created_at < at - timedelta(days=1) and a.id != filled(idea.author).id]
    # Members who vote for the idea are the likeliest to say something about it.
    voters = [a for a in idea.voters if a in joined and a.id not in used]
    others = [a for a in joined if a.id not in used]
    return rng.choice(voters or others or joined)


def plan(rng: random.Random, now: datetime, ideas: list[PlannedIdea], staff: dict[str, Account],
         by_language: dict[str, list[Account]]) -> list[Step]:
    """Every write of the demo, in time order."""
    _schedule(rng, ideas, now, by_language)
    _choose_voters(rng, ideas, by_language)
    everyone = [a for pool in by_language.values() for a in pool]
    by_key = {idea.key: idea for idea in ideas}
    latest = now - timedelta(minutes=10)
    steps: list[Step] = []

    def add(at: datetime, action: str, idea: PlannedIdea, actor: Account | None,
            comment: PlannedComment | None = None, change: tuple[str, str] | None = None) -> None:
        steps.append(Step(at, len(steps), action, idea, actor, comment, change))

    for idea in ideas:
        start = filled(idea.at)
        add(start, "propose", idea, idea.author)
        # Comments: the ones written before the last status change, then those answering it.
        last_change = idea.change_times[-1] if idea.change_times else latest
        before = [c for c in idea.comments if not c.after_response]
        after = [c for c in idea.comments if c.after_response]
        for group, low, high in ((before, start + timedelta(minutes=20), last_change - timedelta(minutes=30)),
                                 (after, last_change + timedelta(minutes=30), latest)):
            times = sorted(low + (high - low) * rng.random() ** 1.3 for _ in group)
            used: set[int] = set()
            for comment, at in zip(group, times, strict=True):
                comment.at = at
                comment.author = _pick_commenter(rng, idea, comment, staff,
                                                 everyone if idea.language == "en" else by_language[idea.language],
                                                 used)
                used.add(comment.author.id)
                add(at, "comment", idea, comment.author, comment=comment)
        # Votes: most come in the first weeks; none once the idea is closed.
        end = (filled(idea.closes_at) if idea.closes_at else latest) - timedelta(minutes=10)
        for voter in idea.voters:
            low = max(start + timedelta(minutes=10), voter.created_at + timedelta(hours=6))
            add(low + (end - low) * rng.random() ** 1.6, "vote", idea, voter)
        for change, at in zip(idea.changes, idea.change_times, strict=True):
            add(at, "merge" if change[0] == MERGED else "status", idea, staff["product"], change=change)
    for step in steps:
        if step.action == "merge" and filled(by_key[filled(step.idea.into)].at) >= step.at:
            raise RuntimeError(f"{step.idea.key!r} is merged before the idea it joins exists")
    steps.sort()
    return steps


async def _vote(session: AsyncSession, step: Step) -> None:
    """The planned voter's vote, or a reserve's when a vote budget leaves the voter none."""
    idea = step.idea
    for voter in [filled(step.actor), *idea.reserves]:
        if voter.id in idea.cast or voter.created_at > step.at - timedelta(hours=6):
            continue
        left = await service.budget_left(session, voter)
        if left is None or left > 0:
            await service.vote(session, voter, filled(idea.idea_id))
            idea.cast.add(voter.id)
            return


async def seed_ideas(session: AsyncSession, progress: Progress) -> int:
    first_slug = content.AREAS[0]["slug"]
    if any(area.slug == first_slug for area in await service.list_areas(session)):
        return 0
    rng = random.Random(RANDOM_SEED)
    staff, by_language = await demo_people(session, STAFF_ROLES, "idea")
    now = clock.now()
    ideas = plan_ideas()
    by_key = {idea.key: idea for idea in ideas}
    steps = plan(rng, now, ideas, staff, by_language)

    task = progress.add_task("Ideas", total=len(content.AREAS) + len(steps))
    frozen = clock.FrozenClock(now - timedelta(days=SPAN_DAYS + 10))
    previous = clock.use(frozen)
    try:
        areas: dict[str, int] = {}
        for spec in content.AREAS:
            area = await service.save_area(session, AreaIn(
                slug=spec["slug"], name=spec["name"], description=spec["description"],
                brand=content.BRANDS[spec["brand"]], position=spec["position"]))
            areas[spec["slug"]] = area.id
            progress.advance(task)
        created = 0
        for step in steps:
            frozen.at = step.at
            idea = step.idea
            if step.action == "propose":
                made = await service.propose(session, filled(idea.author), IdeaIn(
                    title=idea.title, body=idea.body, area=areas[idea.area], tags=idea.tags,
                    language=idea.language))
                if made.state != ContentState.PUBLISHED:
                    raise RuntimeError(f"A demo idea was held by moderation: {idea.title!r}")
                idea.idea_id = made.id
                created += 1
            elif step.action == "vote":
                await _vote(session, step)
            elif step.action == "comment":
                comment = filled(step.comment)
                written = await service.comment(session, filled(comment.author), filled(idea.idea_id),
                                                CommentIn(body=comment.text))
                if written.state != ContentState.PUBLISHED:
                    raise RuntimeError(f"A demo comment was held by moderation: {comment.text[:60]!r}")
            elif step.action == "status":
                status, response = filled(step.change)
                await service.set_status(session, filled(step.actor), filled(idea.idea_id),
                                         StatusIn(status=status, response=response))
            elif step.action == "merge":
                _status, response = filled(step.change)
                await service.merge(session, filled(step.actor), filled(idea.idea_id),
                                    filled(by_key[filled(idea.into)].idea_id), response=response)
            progress.advance(task)
        await session.flush()
    finally:
        clock.use(previous)
    return created


SEEDERS = [("ideas", seed_ideas)]
