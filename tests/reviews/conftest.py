from __future__ import annotations

import pytest

from hearth.accounts.models import Account, Role
from hearth.db import Database
from reviews import service
from reviews.schemas import CategoryIn, DimensionIn, ProductIn, ReviewIn
from tests.conftest import create_member
from tests.moderation.conftest import aged_member


@pytest.fixture
async def card_product(database: Database):
    async with database.sessionmaker() as s:
        category = await service.save_category(s, CategoryIn(slug="cards", name="Cards", dimensions=[
            DimensionIn(key="fees", label="Fees"), DimensionIn(key="service", label="Service")]))
        product = await service.save_product(s, ProductIn(slug="visa-classic", name="Visa Classic",
                                                          category_id=category.id, description="A credit card"))
        await s.commit()
        return product


@pytest.fixture
async def reviewer(database: Database) -> Account:
    return await aged_member(database, "reviewer@example.com", "Rik Reviewer")


@pytest.fixture
async def other(database: Database) -> Account:
    return await aged_member(database, "other@example.com", "Olga Other")


@pytest.fixture
async def care(database: Database) -> Account:
    return await create_member(database, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))


async def write(database: Database, author: Account, product_id: int, rating: int = 4, **extra):  # noqa: ANN003
    data = {"title": f"{rating} stars from me", "body": f"My honest opinion, worth {rating} stars overall.", **extra}
    async with database.sessionmaker() as s:
        review = await service.write_review(s, await s.get(Account, author.id), product_id,
                                            ReviewIn(rating=rating, **data))
        await s.commit()
        return review
