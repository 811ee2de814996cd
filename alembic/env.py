"""Migrations run on the app's own async engine, against HEARTH_DATABASE_URL or the URL
passed in by `hearth.migrations.upgrade` (tests use that)."""

from __future__ import annotations

import asyncio

from sqlalchemy.engine import Connection

from alembic import context
from hearth.db import Base, create_engine
from hearth.models import import_all_models
from hearth.search.models import include_name, include_object
from hearth.settings import get_settings

import_all_models()
target_metadata = Base.metadata
config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
        compare_type=True,
        # The full-text index exists only in the database (see hearth.search.models).
        include_name=include_name, include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_configure)
            await connection.commit()
    finally:
        await engine.dispose()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    url = config.attributes.get("url") or get_settings().database_url
    asyncio.run(_run_async(url))


if context.is_offline_mode():
    context.configure(url=get_settings().database_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
