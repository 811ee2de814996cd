"""aiosqlite connections whose statements cost one trip to the connection's thread, not four.

aiosqlite runs every call on the connection's own thread, and SQLAlchemy's adapter makes
four calls per statement: open a cursor, execute, fetch the rows, close the cursor. Each
trip is a hand-over to that thread and back to the event loop, and on a small virtual
machine a hand-over costs about 0.1 ms — far more than SQLite takes for an indexed
query (a few µs). Here a statement's cursor is opened, executed, read to the end and
closed in one call on the thread; the adapter then reads the rows it already has.

Everything else (transactions, errors, closing, the thread itself) is aiosqlite's.
Server-side cursors get all rows at once too, which is what the SQLite adapter did
before it had them: SQLite's result sets are read from local disk, not a network.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Sequence
from typing import Any

import aiosqlite

__all__ = ["FusedConnection", "connect"]

_Outcome = tuple[Any, int, int | None, list[Any]]


class FusedCursor:
    """The cursor SQLAlchemy's adapter sees: each execute is one call on the thread."""

    __slots__ = ("_connection", "_rows", "arraysize", "description", "lastrowid", "rowcount")

    def __init__(self, connection: FusedConnection) -> None:
        self._connection = connection
        self._rows: list[Any] = []
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1

    # SQLAlchemy enters the cursor as aiosqlite's does (`await cursor.__aenter__()`).
    async def __aenter__(self) -> FusedCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    def __await__(self) -> Generator[Any, None, FusedCursor]:
        return self.__aenter__().__await__()

    def _run(self, call: Callable[[sqlite3.Cursor], object]) -> _Outcome:
        cursor = self._connection._conn.cursor()
        try:
            call(cursor)
            rows = cursor.fetchall() if cursor.description else []
            return cursor.description, cursor.rowcount, cursor.lastrowid, rows
        finally:
            cursor.close()

    async def _call(self, call: Callable[[sqlite3.Cursor], object]) -> FusedCursor:
        self.description, self.rowcount, self.lastrowid, self._rows = await self._connection._execute(
            self._run, call)
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> FusedCursor:
        return await self._call(lambda cursor: cursor.execute(sql, parameters))

    async def executemany(self, sql: str, parameters: Any) -> FusedCursor:
        return await self._call(lambda cursor: cursor.executemany(sql, parameters))

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        size = size or self.arraysize
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def close(self) -> None:
        self._rows = []


class FusedConnection(aiosqlite.Connection):
    def cursor(self) -> FusedCursor:  # type: ignore[override]
        return FusedCursor(self)


def connect(database: str, **kwargs: Any) -> FusedConnection:
    """Like `aiosqlite.connect`; await it (SQLAlchemy's `async_creator` does)."""

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = FusedConnection(connector, iter_chunk_size=64)
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite: never hold up exit
    return connection
