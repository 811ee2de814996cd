"""Demo forum: the Hearth Bank community's categories, threads, answers, votes and accepted answers.

Everything is written through forums.service, so counters, follows and outbox events are exactly
what real use would have produced. The clock is set before each write, so the history spreads over
the last ten months. All choices come from one seeded random generator: every run builds the same
community. Idempotent: when the first category exists, the seeder does nothing.

The words are in forums/seed/*.toml: common.toml has the categories, nl.toml, fr.toml and
en.toml the threads (their header says how they are written).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from forums import service
from forums.models import Category, Post, ThreadKind
from forums.schemas import CategoryIn, PostEdit, PostIn, ThreadIn
from forums.seed_moderation import seed_moderation
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.seed import demo_people, filled, load_content

RANDOM_SEED = 2026
SPAN_DAYS = 300            # threads spread over the last ~10 months
UNANSWERED = 25            # questions left without an answer, for the "unanswered" list
ACCEPT_SHARE = 0.6         # share of answered questions whose asker accepted an answer
STAFF_ROLES = {"care": Role.CARE_AGENT, "moderator": Role.MODERATOR, "retention": Role.RETENTION_AGENT,
               "product": Role.PRODUCT_MANAGER, "admin": Role.ADMIN}


def read_content() -> SimpleNamespace:
    """The demo's words, each thread told its language and its answers as (who, text)."""
    files = load_content("forums")
    languages = [(language, data) for language, data in files.items() if language != "common"]
    return SimpleNamespace(
        CATEGORIES=files["common"]["categories"],
        THREADS=[{**t, "language": language, "answers": [(a["who"], a["text"]) for a in t.get("answers", [])]}
                 for language, data in languages for t in data.get("threads", [])],
        VARIATIONS=[{**v, "language": language, "answers": [(a["who"], a["options"]) for a in v["answers"]]}
                    for language, data in languages for v in data.get("variations", [])])


content = read_content()


@dataclass
class PlannedPost:
    who: str
    body: str
    author: Account | None = None
    at: datetime | None = None
    post_id: int | None = None


@dataclass
class PlannedThread:
    category: str
    language: str
    kind: ThreadKind
    title: str
    body: str
    tags: list[str]
    answers: list[PlannedPost]
    accept: int | None = None          # index into answers the asker marks as accepted
    update: str | None = None          # a later note the asker appends to the question
    variation: bool = False
    author: Account | None = None
    at: datetime | None = None
    thread_id: int | None = None
    opening: PlannedPost = field(default_factory=lambda: PlannedPost("asker", ""))


def _fill(text: str, values: dict[str, Any]) -> str:
    return text.format(**values) if "{" in text else text


def plan_threads(rng: random.Random) -> list[PlannedThread]:
    """The hand-written threads, then each variation filled in; titles must be unique."""
    planned = [PlannedThread(
        category=t["category"], language=t["language"], kind=ThreadKind(t["kind"]), title=t["title"],
        body=t["body"], tags=list(t.get("tags", [])), answers=[PlannedPost(w, b) for w, b in t["answers"]],
        accept=t.get("accept"), update=t.get("update")) for t in content.THREADS]
    for variation in content.VARIATIONS:
        bodies = variation["bodies"]
        for i, values in enumerate(variation["fills"]):
            answers = [PlannedPost(who, _fill(rng.choice(options), values)) for who, options in variation["answers"]]
            if variation["kind"] == "question" and rng.random() < 0.45:
                answers = answers[:rng.randint(1, len(answers))]  # not every thread runs its full course
            accept = variation.get("accept")
            tags = list(dict.fromkeys([*variation.get("tags", []), *values.get("tags", [])]))[:3]
            planned.append(PlannedThread(
                category=variation["category"], language=variation["language"], kind=ThreadKind(variation["kind"]),
                title=values["title"], body=_fill(bodies[i % len(bodies)], values), tags=tags, answers=answers,
                accept=accept if accept is not None and accept < len(answers) else None, variation=True))
    titles = [t.title for t in planned]
    duplicates = {t for t in titles if titles.count(t) > 1}
    if duplicates:
        raise ValueError(f"Seed thread titles must be unique: {sorted(duplicates)}")
    return planned


def _delay(rng: random.Random) -> timedelta:
    """How long until the next answer: mostly within hours, sometimes days."""
    roll = rng.random()
    if roll < 0.35:
        return timedelta(minutes=rng.randint(6, 90))
    if roll < 0.75:
        return timedelta(minutes=rng.randint(90, 8 * 60))
    if roll < 0.95:
        return timedelta(minutes=rng.randint(8 * 60, 72 * 60))
    return timedelta(days=rng.randint(3, 6), minutes=rng.randint(0, 600))


def _thread_time(rng: random.Random, now: datetime, unanswered: bool) -> datetime:
    # The community grew: more threads lately. Unanswered questions are mostly recent.
    if unanswered and rng.random() < 0.7:
        days_ago = rng.uniform(0.2, 60)
    else:
        days_ago = SPAN_DAYS * rng.random() ** 1.25 + 0.2
    at = now - timedelta(days=days_ago)
    hour = rng.choice([7, 8, 9, 10, 11, 12, 12, 13, 14, 16, 18, 19, 20, 20, 21, 21, 22, 23])
    at = at.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59), microsecond=0)
    return min(at, now - timedelta(hours=2))


def _schedule(rng: random.Random, threads: list[PlannedThread], now: datetime,
              staff: dict[str, Account], by_language: dict[str, list[Account]]) -> None:
    """Authors and times for every thread and answer."""
    everyone = [a for pool in by_language.values() for a in pool]
    # A few members in each language are the regular helpers who answer most.
    weights = {a.id: 1 / (rank + 1) ** 0.9 for pool in by_language.values()
               for rank, a in enumerate(rng.sample(pool, len(pool)))}
    for thread in threads:
        own = by_language.get(thread.language, [])
        if thread.language == "en" and rng.random() < 0.4:
            own = everyone  # Belgians and expats of every language ask in English too
        thread.author = author = rng.choice(own)
        thread.opening.author = thread.author
        thread.at = started = _thread_time(rng, now, not thread.answers)
        thread.opening.at = thread.at
        helpers = everyone if thread.language == "en" else by_language[thread.language]
        at, answered_by = started, {author.id}
        for answer in thread.answers:
            if answer.who == "asker":
                answer.author = thread.author
                at += timedelta(minutes=rng.randint(15, 26 * 60))
            elif answer.who in staff:
                answer.author = staff[answer.who]
                at += _delay(rng)
            else:
                candidates = [a for a in helpers if a.id not in answered_by] or [a for a in helpers
                                                                                 if a.id != author.id]
                answer.author = rng.choices(candidates, weights=[weights[a.id] for a in candidates])[0]
                at += _delay(rng)
            answered_by.add(answer.author.id)
            answer.at = at
        if thread.answers and at > now - timedelta(minutes=10):  # `at`: the last answer's
            # A recent thread: squeeze its answers into the time it has had so far.
            room = (now - timedelta(minutes=10) - started) / (at - started)
            for answer in thread.answers:
                answer.at = started + (filled(answer.at) - started) * room + timedelta(seconds=1)


def _choose_unanswered(rng: random.Random, threads: list[PlannedThread]) -> None:
    empty = sum(1 for t in threads if t.kind == ThreadKind.QUESTION and not t.answers)
    candidates = [t for t in threads if t.variation and t.kind == ThreadKind.QUESTION and t.answers]
    for thread in rng.sample(candidates, max(0, min(len(candidates), UNANSWERED - empty))):
        thread.answers, thread.accept = [], None


def _choose_accepted(rng: random.Random, threads: list[PlannedThread]) -> None:
    """About ACCEPT_SHARE of answered questions end accepted; askers who said thanks come first."""
    answered = [t for t in threads if t.kind == ThreadKind.QUESTION and any(a.who != "asker" for a in t.answers)]
    target = round(ACCEPT_SHARE * len(answered))
    hinted = [t for t in answered if t.accept is not None]
    others = [t for t in answered if t.accept is None]
    keep = set(map(id, rng.sample(hinted, min(target, len(hinted)))))
    for thread in hinted:
        if id(thread) not in keep:
            thread.accept = None
    for thread in rng.sample(others, max(0, min(len(others), target - len(hinted)))):
        options = [i for i, a in enumerate(thread.answers) if a.who != "asker"]
        thread.accept = options[0] if rng.random() < 0.7 else rng.choice(options)
    for thread in threads:
        if thread.accept is not None and thread.answers[thread.accept].who == "asker":
            thread.accept = None


@dataclass(order=True)
class Step:
    at: datetime
    seq: int
    action: str = field(compare=False)
    thread: PlannedThread = field(compare=False)
    post: PlannedPost | None = field(default=None, compare=False)
    actor: Account | None = field(default=None, compare=False)


def _steps(rng: random.Random, threads: list[PlannedThread], now: datetime,
           everyone: list[Account]) -> list[Step]:
    steps: list[Step] = []

    def add(at: datetime, action: str, thread: PlannedThread, post: PlannedPost | None = None,
            actor: Account | None = None) -> None:
        steps.append(Step(min(at, now - timedelta(seconds=30)), len(steps), action, thread, post, actor))

    def later(at: datetime, low_minutes: int, high_minutes: int) -> datetime:
        return at + timedelta(minutes=rng.randint(low_minutes, high_minutes))

    for thread in threads:
        add(filled(thread.at), "thread", thread)
        for answer in thread.answers:
            add(filled(answer.at), "answer", thread, answer)
        accepted = thread.answers[thread.accept] if thread.accept is not None else None
        last = max([filled(thread.at), *(filled(a.at) for a in thread.answers)])
        if accepted is not None and thread.accept is not None:
            thanks = [filled(a.at) for a in thread.answers[thread.accept + 1:] if a.who == "asker"]
            at = later(thanks[0], 1, 20) if thanks else later(filled(accepted.at), 30, 36 * 60)
            add(at, "accept", thread, accepted, thread.author)
            last = max(last, at)
        if thread.update:
            add(later(last, 60, 5 * 24 * 60), "edit", thread, thread.opening, thread.author)
        # Votes: useful answers (and the accepted one above all) collect the most.
        for post in [thread.opening, *thread.answers]:
            if post is thread.opening:
                count = rng.choice([0, 0, 0, 1, 1, 2, 3, 5])
            elif post.who == "asker":
                count = rng.choice([0, 0, 0, 1])
            elif post is accepted:
                count = rng.randint(2, 7)
            elif post.who in STAFF_ROLES:
                count = rng.choice([0, 1, 1, 2, 3])
            else:
                count = rng.choice([0, 0, 1, 1, 2, 3, 4])
            voters = [a for a in everyone if a.id != filled(post.author).id]
            for voter in rng.sample(voters, min(count, len(voters))):
                add(later(filled(post.at), 5, 15 * 24 * 60), "vote", thread, post, voter)
    steps.sort()
    return steps


async def _opening_post_id(session: AsyncSession, thread_id: int) -> int | None:
    return await session.scalar(select(Post.id).where(Post.thread_id == thread_id, Post.is_opening.is_(True)))


async def seed_forums(session: AsyncSession, progress: Progress) -> int:
    first_slug = content.CATEGORIES[0]["slug"]
    if await session.scalar(select(Category.id).where(Category.slug == first_slug)) is not None:
        return 0
    rng = random.Random(RANDOM_SEED)
    staff, by_language = await demo_people(session, STAFF_ROLES, "forum")
    everyone = [a for pool in by_language.values() for a in pool] + list(dict.fromkeys(staff.values()))
    now = clock.now()
    threads = plan_threads(rng)
    _choose_unanswered(rng, threads)
    _choose_accepted(rng, threads)
    _schedule(rng, threads, now, staff, by_language)
    steps = _steps(rng, threads, now, everyone)

    task = progress.add_task("Forum threads", total=len(content.CATEGORIES) + len(steps))
    frozen = clock.FrozenClock(now - timedelta(days=SPAN_DAYS + 10))
    previous = clock.use(frozen)
    try:
        categories: dict[str, int] = {}
        for spec in content.CATEGORIES:
            category = await service.save_category(session, CategoryIn(
                name=spec["name"], slug=spec["slug"], description=spec["description"], language=None,
                position=spec["position"]))
            categories[spec["slug"]] = category.id
            progress.advance(task)
        await session.flush()
        created = 0
        for step in steps:
            frozen.at = step.at
            thread = step.thread
            if step.action == "thread":
                made = await service.create_thread(session, filled(thread.author), ThreadIn(
                    category_id=categories[thread.category], kind=thread.kind, title=thread.title, body=thread.body,
                    tags=thread.tags, language=thread.language))
                thread.thread_id = made.id
                thread.opening.post_id = await _opening_post_id(session, made.id)
                created += 1
            elif step.action == "answer":
                answer = filled(step.post)
                post = await service.create_answer(session, filled(answer.author), filled(thread.thread_id),
                                                   PostIn(body=answer.body))
                answer.post_id = post.id
            elif step.action == "vote":
                await service.vote(session, filled(step.actor), filled(filled(step.post).post_id))
            elif step.action == "accept":
                await service.accept(session, filled(step.actor), filled(thread.thread_id),
                                     filled(filled(step.post).post_id))
            elif step.action == "edit":
                await service.edit_post(session, filled(step.actor), filled(thread.opening.post_id),
                                        PostEdit(body=f"{thread.body}\n\n{thread.update}"))
            progress.advance(task)
        await session.flush()
    finally:
        clock.use(previous)
    return created


# The moderation examples answer threads seeded above, so they come second.
SEEDERS = [("forum threads", seed_forums), ("moderation examples", seed_moderation)]
