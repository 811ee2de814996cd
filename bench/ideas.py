"""Idea data for the benchmark: 50,000 ideas in product areas with 1,000,000 votes from the bench's
reviewers, the most wanted ideas voted for again and again, over the past months (so the trending
list orders by recent weight); one idea with 20 comments and a status history for its page; the
bench member's own votes on some of the trending ones."""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import accumulate

from sqlalchemy import insert, select

from forums import service as forums
from hearth import clock, markdown
from hearth.accounts.models import Account
from hearth.db import Database
from ideas import service
from ideas.models import Idea, IdeaStatus, IdeaTag, IdeaVote
from ideas.schemas import AreaIn, CommentIn, StatusIn
from moderation.models import ContentState

AREAS = [("bench-app", "Mobile banking app", "Belfius Bank"), ("bench-cards", "Cards and payments", "Belfius Bank"),
         ("bench-savings", "Savings and loans", "Belfius Bank"), ("bench-mobile", "Mobile plans", "Proximus"),
         ("bench-internet", "Internet and TV", "Proximus"), ("bench-shops", "Shops and service", "Proximus")]
WORDS = ("dark mode app card freeze contactless watch savings round-up roaming data bundle invoice fibre "
         "modem tv replay esim family plan instant transfer fees pin itsme login chart notification budget "
         "shop appointment chat night abroad refund limit").split()
STATUSES = [(IdeaStatus.OPEN, 70), (IdeaStatus.UNDER_REVIEW, 10), (IdeaStatus.PLANNED, 8),
            (IdeaStatus.IN_PROGRESS, 5), (IdeaStatus.COMPLETED, 4), (IdeaStatus.DECLINED, 2), (IdeaStatus.MERGED, 1)]
BATCH = 10_000


def _title(rng: random.Random, n: int) -> str:
    return f"{' '.join(rng.sample(WORDS, rng.randint(3, 6))).capitalize()} ({n})"


async def _voters(database: Database) -> list[int]:
    """The bench's reviewers (bench/reviews.py), who vote here too."""
    async with database.sessionmaker() as session:
        return list(await session.scalars(select(Account.id).where(Account.email.like("bench.reviewer%"))
                                          .order_by(Account.id)))


async def ideas_with_votes(database: Database, thread_path: str, *, ideas: int = 50_000,
                           votes: int = 1_000_000, progress=None) -> str:  # noqa: ANN001
    """The ideas and votes, straight into their tables as the service would keep them (vote_count
    the votes stored, trending their time-decayed weight); returns the path of the idea with comments."""
    rng = random.Random(16)
    now = clock.now()
    voters = await _voters(database)
    async with database.sessionmaker() as session:
        areas = [await service.save_area(session, AreaIn(slug=slug, name=name, brand=brand, position=i))
                 for i, (slug, name, brand) in enumerate(AREAS)]
        asker = (await forums.get_thread(session, int(thread_path.split("/")[2]))).author_id
        await session.commit()
    # Who votes for what: the most wanted ideas (a long tail, as in every idea exchange) again and again.
    weights = list(accumulate(1 / (rank + 20) ** 0.9 for rank in range(ideas)))
    per_voter = min(votes // max(len(voters), 1), ideas)
    voted: list[tuple[int, int, float]] = []  # (idea index, voter, seconds ago)
    for voter in voters:
        chosen: set[int] = set()
        while len(chosen) < per_voter:
            chosen.update(rng.choices(range(ideas), cum_weights=weights, k=per_voter - len(chosen)))
        voted += [(i, voter, rng.uniform(0, 120 * 86400)) for i in chosen]
    counts = [0] * ideas
    created = [now - timedelta(days=rng.uniform(120, 400)) for _ in range(ideas)]
    trending = [service.moment(at) for at in created]
    for i, _voter, ago in voted:
        counts[i] += 1
        trending[i] = service.logaddexp(trending[i], service.moment(now - timedelta(seconds=ago)))
    statuses = rng.choices([s for s, _w in STATUSES], [w for _s, w in STATUSES], k=ideas)
    first_id = None
    for start in range(0, ideas, BATCH):
        rows = []
        for i in range(start, min(start + BATCH, ideas)):
            title = _title(rng, i)
            body = f"{title}: it would help me every week. " + " ".join(rng.sample(WORDS, 12)) + "."
            rows.append({"area_id": areas[i % len(areas)].id, "author_id": voters[i % len(voters)], "title": title,
                         "slug": service.slugify(title), "body": body, "body_html": markdown.render(body),
                         "language": rng.choice(["en", "nl", "fr"]), "status": statuses[i],
                         "state": ContentState.PUBLISHED, "vote_count": counts[i], "comment_count": 0,
                         "trending": trending[i], "version": 0, "created_at": created[i], "updated_at": created[i],
                         "last_activity_at": created[i], "status_changed_at": None})
        async with database.sessionmaker() as session:
            await session.execute(insert(Idea), rows)
            await session.commit()
            if first_id is None:
                first_id = await session.scalar(select(Idea.id).order_by(Idea.id).limit(1))
        if progress:
            progress(min(start + BATCH, ideas) / ideas / 2)
    assert first_id is not None
    async with database.sessionmaker() as session:
        await session.execute(insert(IdeaTag), [{"idea_id": first_id + i, "name": rng.choice(WORDS).replace(" ", "-")}
                                                for i in range(ideas)])
        await session.commit()
    for start in range(0, len(voted), BATCH):
        async with database.sessionmaker() as session:
            await session.execute(insert(IdeaVote), [
                {"idea_id": first_id + i, "voter_id": voter, "created_at": now - timedelta(seconds=ago)}
                for i, voter, ago in voted[start:start + BATCH]])
            await session.commit()
        if progress:
            progress(0.5 + min(start + BATCH, len(voted)) / len(voted) / 2)
    return await _idea_page(database, first_id, asker, voters, rng)


async def _idea_page(database: Database, first_id: int, asker: int, voters: list[int], rng: random.Random) -> str:
    """The most voted idea still open gets 20 comments and a status history; the bench member votes
    for some of the trending ideas (their rows show as theirs on the list)."""
    async with await database.writer() as session:
        manager = await session.scalar(select(Account).where(Account.email == "product@demo.hearth.test"))
        member = await session.get(Account, asker)
        trending = list(await session.scalars(select(Idea.id).where(Idea.status == IdeaStatus.OPEN)
                                              .order_by(Idea.trending.desc()).limit(60)))
        for idea_id in trending[1::2]:
            await service.vote(session, member, idea_id)
        page = trending[0]
        for i, voter_id in enumerate(rng.sample(voters, 20)):
            author = await session.get(Account, voter_id)
            body = f"**Comment {i + 1}:** " + " ".join(rng.sample(WORDS, 15)) + "."
            await service.comment(session, author, page, CommentIn(body=body))
        if manager is not None:
            for status in ("under_review", "planned"):
                await service.set_status(session, manager, page, StatusIn(
                    status=status, response=f"Moved to {status.replace('_', ' ')}: " + " ".join(rng.sample(WORDS, 12))))
        await session.commit()
        return f"/ideas/{page}"

