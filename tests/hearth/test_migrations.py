"""The migrations are the schema's only source: they must build exactly the models."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from hearth import migrations
from hearth.db import Base, Database
from hearth.search.models import include_name, include_object
from tests.conftest import DATABASE_URL


async def test_models_and_migrations_do_not_drift(database: Database) -> None:
    def diff(connection):
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_name": include_name, "include_object": include_object})
        return compare_metadata(context, Base.metadata)

    async with database.engine.connect() as conn:
        changes = await conn.run_sync(diff)
    assert changes == [], f"models differ from migrations; write a migration: {changes}"


async def test_every_model_table_exists(database: Database) -> None:
    async with database.engine.connect() as conn:
        tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    assert set(Base.metadata.tables) <= tables


@pytest.fixture
def scratch_url(tmp_path) -> Iterator[str]:
    """A second, empty database of the same kind as the test database."""
    if DATABASE_URL.startswith("sqlite"):
        yield f"sqlite+aiosqlite:///{tmp_path}/roundtrip.db"
        return
    admin = psycopg_free_admin()
    admin("DROP DATABASE IF EXISTS hearth_roundtrip")
    admin("CREATE DATABASE hearth_roundtrip")
    yield DATABASE_URL.rsplit("/", 1)[0] + "/hearth_roundtrip"
    admin("DROP DATABASE IF EXISTS hearth_roundtrip WITH (FORCE)")


def psycopg_free_admin():
    """Run one statement outside a transaction (CREATE DATABASE needs that)."""
    import asyncio

    import asyncpg

    dsn = DATABASE_URL.replace("postgresql+asyncpg://", "postgresql://")

    def run(sql: str) -> None:
        async def go() -> None:
            conn = await asyncpg.connect(dsn)
            try:
                await conn.execute(sql)
            finally:
                await conn.close()

        asyncio.run(go())

    return run


def test_downgrade_to_base_and_back(scratch_url: str) -> None:
    migrations.upgrade(scratch_url)
    migrations.downgrade(scratch_url, "base")
    migrations.upgrade(scratch_url)


def test_a_new_community_starts_with_guidelines(scratch_url: str) -> None:
    import asyncio

    from hearth.db import create_engine

    migrations.upgrade(scratch_url)

    async def titles() -> list[str]:
        engine = create_engine(scratch_url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(text("SELECT title FROM moderation_guidelines ORDER BY position")))
                            .scalars())
        finally:
            await engine.dispose()

    assert asyncio.run(titles())[:2] == ["Insults and harassment", "Spam and advertising"]
