"""Test set-up: a real database built by the migrations, one app, isolated tests.

HEARTH_TEST_DATABASE=postgresql runs everything against the PostgreSQL on
127.0.0.1:5432 (database `test`); otherwise a fresh SQLite file is used.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

_tmp = Path(tempfile.mkdtemp(prefix="hearth-tests-"))
POSTGRES_URL = os.environ.get("HEARTH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
BACKEND = os.environ.get("HEARTH_TEST_DATABASE", "sqlite")
DATABASE_URL = POSTGRES_URL if BACKEND == "postgresql" else f"sqlite+aiosqlite:///{_tmp}/test.db"

# Settings are read once per process: fix them before anything imports the app.
os.environ.update({
    "HEARTH_DATABASE_URL": DATABASE_URL,
    "HEARTH_SECRET_KEY": "test-secret-key-not-for-production-0123456789",
    "HEARTH_INPROCESS_WORKER": "false",
    "HEARTH_BASE_URL": "http://testserver",
    "HEARTH_LOG_LEVEL": "warning",
})
for key in ("HEARTH_REDIS_URL", "HEARTH_MEILI_URL", "HEARTH_OIDC_DISCOVERY_URL"):
    os.environ.pop(key, None)

import httpx  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession  # noqa: E402

from hearth import clock, migrations, ratelimit  # noqa: E402
from hearth.accounts import service as accounts  # noqa: E402
from hearth.accounts.models import Account, Role  # noqa: E402
from hearth.db import Base, Database  # noqa: E402
from hearth.models import import_all_models  # noqa: E402
from hearth.settings import get_settings  # noqa: E402

PASSWORD = "correct horse battery"


def reset_schema(url: str) -> None:
    """An empty database for a migration run."""
    if url.startswith("postgresql"):
        import asyncio

        from hearth.db import create_engine

        async def drop() -> None:
            engine = create_engine(url)
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            await engine.dispose()

        asyncio.run(drop())
    else:
        path = Path(url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def pytest_configure(config: pytest.Config) -> None:
    get_settings.cache_clear()
    import_all_models()
    reset_schema(DATABASE_URL)
    migrations.upgrade(DATABASE_URL)


def pytest_report_header(config: pytest.Config) -> str:
    return f"hearth test database: {BACKEND} ({DATABASE_URL.split('@')[-1]})"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[Database]:
    db = Database(DATABASE_URL)
    yield db
    await db.dispose()


async def _empty(database: Database) -> None:
    """Every table emptied; the schema stays as the migrations built it."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    async with database.engine.begin() as conn:
        if database.dialect == "postgresql":
            await conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(scope="session", autouse=True)
async def _start_empty(database: Database) -> None:
    # The migrations add rows of their own (the default guidelines); tests start without them.
    await _empty(database)


@pytest.fixture(autouse=True)
async def _clean(database: Database) -> AsyncIterator[None]:
    yield
    await _empty(database)
    await ratelimit.backend().reset()
    from web import cards, pagecache, shared

    pagecache.clear()
    cards.clear()
    shared.clear()


@pytest.fixture
async def session(database: Database) -> AsyncIterator[AsyncSession]:
    async with database.sessionmaker() as s:
        yield s
        await s.rollback()


@pytest.fixture
def frozen_clock() -> Iterator[clock.FrozenClock]:
    frozen = clock.FrozenClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    previous = clock.use(frozen)
    yield frozen
    clock.use(previous)


@pytest.fixture(scope="session")
def app(database: Database):
    from server import create_app

    return create_app(database)


@pytest.fixture
async def live_server(app, database: Database) -> AsyncIterator[str]:
    """The app served by uvicorn on a free loopback port, in a background thread."""
    from tests.live import serving

    async with serving(app, database) as base:
        yield base


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def make_client(app):
    """Another browser: separate cookies, optionally another address."""
    clients: list[httpx.AsyncClient] = []

    def make(address: str = "127.0.0.2") -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 50000))
        c = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        clients.append(c)
        return c

    yield make
    for c in clients:
        await c.aclose()


async def create_member(database: Database, email: str = "member@example.com", name: str = "Mia Member",
                        roles: frozenset[Role] = frozenset(), password: str = PASSWORD,
                        active: bool = True) -> Account:
    async with database.sessionmaker() as s:
        account = await accounts.create_account(s, email=email, display_name=name, password=password,
                                                roles=roles)
        account.is_active = active
        await s.commit()
        return account


@pytest.fixture
async def member(database: Database) -> Account:
    return await create_member(database)


@pytest.fixture
async def admin(database: Database) -> Account:
    return await create_member(database, "admin@example.com", "Ada Admin", frozenset({Role.ADMIN}))


# Shared by the domains' tests: a question needs a forum category, a suspension a guideline.
@pytest.fixture
async def category(database: Database):
    from forums import service as forums
    from forums.schemas import CategoryIn

    async with database.sessionmaker() as s:
        found = await forums.save_category(s, CategoryIn(name="Cards and payments", slug="cards-payments",
                                                          description="Debit and credit cards"))
        await s.commit()
        return found


@pytest.fixture
async def guideline(database: Database, admin: Account):
    from moderation import service as moderation
    from moderation.schemas import GuidelineIn

    async with database.sessionmaker() as s:
        found = await moderation.save_guideline(s, await s.get(Account, admin.id), GuidelineIn(
            title="Insults and harassment", description="Attack ideas, not people."))
        await s.commit()
        return found


async def sign_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    response = await client.post("/api/v1/auth/signin", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return response


def csrf_of(client: httpx.AsyncClient) -> str:
    """The form token a page would carry for this client's CSRF cookie."""
    from hearth.security import CSRF_COOKIE, csrf_token_for

    return csrf_token_for(client.cookies[CSRF_COOKIE])
