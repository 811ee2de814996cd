from __future__ import annotations

from datetime import timedelta

import pytest

from forums import service as forums
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from moderation import service
from moderation.models import Reviewable
from moderation.schemas import FlagIn
from tests.conftest import create_member
from tests.forums.conftest import ask


@pytest.fixture
async def moderator(database: Database) -> Account:
    return await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))


@pytest.fixture
async def other_moderator(database: Database) -> Account:
    return await create_member(database, "mod2@example.com", "Mia Moderator", frozenset({Role.MODERATOR}))


async def aged_member(database: Database, email: str, name: str, *, days: int = 365) -> Account:
    """A member who joined `days` ago (trust levels depend on it)."""
    account = await create_member(database, email, name)
    async with database.sessionmaker() as s:
        stored = await s.get(Account, account.id)
        stored.created_at = clock.now() - timedelta(days=days)
        await s.commit()
        return stored


@pytest.fixture
async def regular(database: Database) -> Account:
    return await aged_member(database, "regular@example.com", "Rita Regular")


@pytest.fixture
async def newcomer(database: Database) -> Account:
    return await aged_member(database, "new@example.com", "Nico Newcomer", days=0)


@pytest.fixture
async def helper_member(database: Database) -> Account:
    return await aged_member(database, "helper@example.com", "Hanna Helper")


async def flagged_post(database: Database, author: Account, flagger: Account, category) -> Reviewable:
    """A queue item: `author`'s published question, flagged as spam by `flagger`."""
    thread = await ask(database, author, category, title="Where do I change my card limit?",
                       body="I would like to raise the limit of my debit card for a trip.")
    async with database.sessionmaker() as s:
        post_id = (await forums.thread_view(s, thread.id, None)).question.id
        reviewable = await service.flag(s, await s.get(Account, flagger.id), FlagIn(
            kind=forums.POST_KIND, content_id=post_id, reason="spam"))
        await s.commit()
        return reviewable
