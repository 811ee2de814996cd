from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hearth.accounts.models import Account, Role
from hearth.db import Database
from ideas import service
from ideas.models import Idea, IdeaArea, IdeaVote
from ideas.schemas import AreaIn, CommentIn, IdeaIn, StatusIn
from tests.conftest import create_member


@pytest.fixture
async def manager(database: Database) -> Account:
    return await create_member(database, "pm@example.com", "Pia Product", frozenset({Role.PRODUCT_MANAGER}))


@pytest.fixture
async def area(database: Database) -> IdeaArea:
    async with database.sessionmaker() as s:
        found = await service.save_area(s, AreaIn(name="Mobile app", slug="mobile-app", brand="Belfius Bank"))
        await s.commit()
        return found


async def voters(database: Database, count: int, prefix: str = "voter") -> list[Account]:
    return [await create_member(database, f"{prefix}{i}@example.com", f"{prefix.title()} {i}") for i in range(count)]


async def propose(database: Database, author: Account, title: str = "Pay by card in the app abroad",
                  body: str | None = None, **extra) -> Idea:  # noqa: ANN003
    # Each text its own: the same words twice in a row are held as a duplicate.
    body = body or f"{title}: it would save me a trip to the branch every time."
    async with database.sessionmaker() as s:
        idea = await service.propose(s, await s.get(Account, author.id), IdeaIn(title=title, body=body, **extra))
        await s.commit()
        return idea


async def vote(database: Database, member: Account, idea_id: int) -> Idea:
    async with await database.writer() as s:
        idea = await service.vote(s, await s.get(Account, member.id), idea_id)
        await s.commit()
        return idea


async def comment(database: Database, member: Account, idea_id: int, body: str = "Yes please, I need this too."):
    async with await database.writer() as s:
        row = await service.comment(s, await s.get(Account, member.id), idea_id, CommentIn(body=body))
        await s.commit()
        return row


async def set_status(database: Database, manager: Account, idea_id: int, status: str,
                     response: str = "We looked at it closely.", version: int | None = None) -> Idea:
    async with await database.writer() as s:
        idea = await service.set_status(s, await s.get(Account, manager.id), idea_id,
                                        StatusIn(status=status, response=response, version=version))
        await s.commit()
        return idea


async def merge(database: Database, manager: Account, idea_id: int, into_id: int) -> Idea:
    async with await database.writer() as s:
        idea = await service.merge(s, await s.get(Account, manager.id), idea_id, into_id, "A duplicate.")
        await s.commit()
        return idea


async def counts_match(database: Database) -> dict[int, int]:
    """Every idea's vote_count checked against its stored votes; the counts by idea."""
    async with database.sessionmaker() as s:
        stored = dict((await s.execute(select(IdeaVote.idea_id, func.count()).group_by(IdeaVote.idea_id))).all())
        counted = dict((await s.execute(select(Idea.id, Idea.vote_count))).all())
    assert counted == {i: stored.get(i, 0) for i in counted}
    return counted
