from __future__ import annotations

import pytest

from forums import service as forums
from forums.schemas import CategoryIn
from hearth.db import Database
from tests.ideas.conftest import area, manager  # noqa: F401 - the idea pages' fixtures


@pytest.fixture
async def category(database: Database):
    async with database.sessionmaker() as s:
        found = await forums.save_category(s, CategoryIn(name="Cards", slug="cards", description="Cards abroad"))
        await s.commit()
        return found
