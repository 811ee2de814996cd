"""SQLite connections that run each statement in one trip to their thread (hearth.sqlite):
the same results, errors and transactions as aiosqlite's, with a quarter of the trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Integer, String, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hearth import sqlite
from hearth.db import create_engine


class _Base(DeclarativeBase):
    pass


class Note(_Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(String(50), unique=True)


@pytest.fixture
async def engine(tmp_path: Path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/driver.db")
    async with engine.begin() as connection:
        await connection.run_sync(_Base.metadata.create_all)
    yield engine
    await engine.dispose()


async def test_rows_counts_and_ids_come_back_as_from_aiosqlite(engine) -> None:
    async with engine.begin() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.driver_connection, sqlite.FusedConnection)
        result = await connection.execute(insert(Note).values(body="first"))
        assert result.inserted_primary_key == (1,)
        await connection.execute(insert(Note), [{"body": f"note {i}"} for i in range(50)])  # executemany
        updated = await connection.execute(text("UPDATE notes SET body = body || '!' WHERE id > 40"))
        assert updated.rowcount == 11
        rows = (await connection.execute(select(Note.id, Note.body).order_by(Note.id))).all()
    assert len(rows) == 51 and rows[0] == (1, "first") and rows[-1] == (51, "note 49!")


async def test_errors_and_rollbacks_behave_as_before(engine) -> None:
    sessions = async_sessionmaker(engine)
    async with sessions() as session:
        session.add(Note(body="once"))
        await session.commit()
    async with sessions() as session:
        session.add(Note(body="once"))
        with pytest.raises(IntegrityError):
            await session.commit()
        await session.rollback()
        session.add(Note(body="twice"))
        await session.commit()
    async with sessions() as session:
        assert sorted(await session.scalars(select(Note.body))) == ["once", "twice"]


async def test_a_statement_is_one_trip_to_the_thread(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    trips: list[str] = []
    original = sqlite.FusedConnection._execute

    async def counted(self, fn, *args, **kwargs):  # noqa: ANN002, ANN003
        trips.append(getattr(fn, "__name__", "call"))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(sqlite.FusedConnection, "_execute", counted)
    async with engine.connect() as connection:
        await connection.execute(select(Note.id))  # the pool's first connection: BEGIN, the query
        trips.clear()
        for _ in range(5):
            (await connection.execute(select(Note.id).where(Note.id > 0))).all()
        assert len(trips) == 5  # aiosqlite's adapter made 20: cursor, execute, fetchall, close
