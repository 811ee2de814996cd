from __future__ import annotations

import pytest
from sqlalchemy import select

from hearth import events
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.settings import get_settings
from retention import service
from retention.models import RetentionCase, RootCause
from retention.schemas import RootCauseIn
from reviews import service as reviews
from reviews.schemas import CategoryIn, ProductIn, ReviewIn
from tests.conftest import create_member

AGENT = frozenset({Role.RETENTION_AGENT})


@pytest.fixture
async def product(database: Database):
    async with database.sessionmaker() as s:
        category = await reviews.save_category(s, CategoryIn(slug="accounts", name="Accounts"))
        found = await reviews.save_product(s, ProductIn(slug="current-account", name="Current account",
                                                        category_id=category.id))
        await s.commit()
        return found


@pytest.fixture
async def other_product(database: Database, product):
    async with database.sessionmaker() as s:
        found = await reviews.save_product(s, ProductIn(slug="mobile-app", name="Mobile app",
                                                        category_id=product.category_id))
        await s.commit()
        return found


@pytest.fixture
async def agent(database: Database) -> Account:
    return await create_member(database, "agent@example.com", "Ruben Agent", AGENT)


@pytest.fixture
async def other_agent(database: Database, agent: Account) -> Account:
    return await create_member(database, "agent2@example.com", "Sara Agent", AGENT)


@pytest.fixture
async def customer(database: Database) -> Account:
    return await create_member(database, "customer@example.com", "Chris Customer")


@pytest.fixture
async def root_cause(database: Database) -> RootCause:
    async with database.sessionmaker() as s:
        found = await service.save_root_cause(s, RootCauseIn(name="Fees and pricing"))
        await s.commit()
        return found


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "retention_assignment", "pool")


async def write(database: Database, author: Account, product_id: int, rating: int = 1,
                title: str = "Hidden fees everywhere") -> int:
    """A review through the reviews service, then the outbox drained so retention reacts."""
    async with database.sessionmaker() as s:
        # Each author in their own words: the same text from several members is held as spam.
        review = await reviews.write_review(s, await s.get(Account, author.id), product_id, ReviewIn(
            rating=rating, title=title, body=f"{author.display_name} here: I pay fees nobody told me of. {rating}/5"))
        await s.commit()
    await drain(database)
    return review.id


async def drain(database: Database) -> None:
    while await events.drain_once(database):
        pass
    async with database.sessionmaker() as s:
        errors = list(await s.scalars(select(events.OutboxEvent.last_error).where(
            events.OutboxEvent.last_error.is_not(None))))
    assert errors == [], f"event handlers failed: {errors}"


async def case_of(database: Database, review_id: int) -> RetentionCase | None:
    async with database.sessionmaker() as s:
        return await s.scalar(select(RetentionCase).where(RetentionCase.review_id == review_id))


async def as_account(s, account: Account) -> Account:
    return await s.get(Account, account.id)
