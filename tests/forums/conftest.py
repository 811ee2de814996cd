from __future__ import annotations

import pytest

from forums import service
from forums.schemas import PostIn, ThreadIn
from hearth.accounts.models import Account, Role
from hearth.db import Database
from tests.conftest import create_member


@pytest.fixture
async def helper(database: Database) -> Account:
    return await create_member(database, "helper@example.com", "Hanna Helper")


@pytest.fixture
async def moderator(database: Database) -> Account:
    return await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))


async def ask(database: Database, author: Account, category, title: str = "My card is blocked abroad",
              body: str = "I am in Spain and my debit card stopped working at every shop.", **extra):  # noqa: ANN003
    async with database.sessionmaker() as s:
        thread = await service.create_thread(s, await s.get(Account, author.id),
                                             ThreadIn(category_id=category.id, title=title, body=body, **extra))
        await s.commit()
        return thread


async def answer(database: Database, author: Account, thread_id: int,
                 body: str = "Check the geo-blocking setting in the app."):
    async with database.sessionmaker() as s:
        post = await service.create_answer(s, await s.get(Account, author.id), thread_id, PostIn(body=body))
        await s.commit()
        return post
