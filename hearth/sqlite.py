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

Taking the write lock (`BEGIN IMMEDIATE`) waits here, on the event loop, in steps of a
millisecond or two, rather than in SQLite's busy handler on the connection's thread: that
handler sleeps ever longer (25, 50, then 100 ms between tries), so a writer that arrives
while the outbox worker commits short transactions one after another would keep waking up
just after the lock was taken again. Polling every few milliseconds gets it in at the
first gap; background writers poll less often, so requests go first. How long each
request's writer waited is in `hearth_db_write_wait_seconds`.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Generator, Sequence
from typing import Any

import aiosqlite

from hearth import metrics

__all__ = ["BACKGROUND", "FusedConnection", "connect", "writers_waiting"]

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
        if sql.startswith("BEGIN IMMEDIATE"):
            await self._connection.begin_immediate(background=sql.endswith(BACKGROUND))
            self.description, self.rowcount, self.lastrowid, self._rows = None, -1, None, []
            return self
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


def _try_begin(conn: sqlite3.Connection, busy_ms: int) -> bool:
    """One try at the write lock without SQLite's own waiting; False when another writer has it."""
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") in {"SQLITE_BUSY", "SQLITE_LOCKED"}:
            return False
        raise
    finally:
        conn.execute(f"PRAGMA busy_timeout={busy_ms}")


# Appended to BEGIN IMMEDIATE by background writers (the outbox worker): they look for the
# lock less often, so a request's writer that waits beside them gets it first.
BACKGROUND = "-- background"
FOREGROUND_POLL = 0.002  # the longest pause between a request's tries
AGING = 0.05  # a background writer that waited this long tries as often as requests do
_waiting = 0  # requests' writers of this process waiting for the lock right now


def writers_waiting() -> int:
    """How many foreground writers of this process wait for the write lock; the worker hands
    the lock over (commits early) when there are any."""
    return _waiting


class FusedConnection(aiosqlite.Connection):
    lock_timeout: float = 10.0  # seconds a writer waits for the write lock before giving up

    def cursor(self) -> FusedCursor:  # type: ignore[override]
        return FusedCursor(self)

    async def begin_immediate(self, *, background: bool = False) -> None:
        global _waiting
        started = time.monotonic()
        busy_ms = int(self.lock_timeout * 1000)
        pause, longest = (0.002, 0.005) if background else (0.0005, FOREGROUND_POLL)
        if await self._execute(_try_begin, self._conn, busy_ms):
            if not background:
                metrics.DB_WRITE_WAIT.observe(time.monotonic() - started)
            return
        _waiting += not background
        try:
            while not await self._execute(_try_begin, self._conn, busy_ms):
                waited = time.monotonic() - started
                if waited >= self.lock_timeout:
                    raise sqlite3.OperationalError(
                        f"database is locked (waited {waited * 1000:.0f} ms for the write lock)")
                if background and waited > AGING:  # under a steady stream of requests, it still gets a turn
                    longest = FOREGROUND_POLL
                await asyncio.sleep(min(pause, self.lock_timeout - waited))
                pause = min(pause * 2, longest)
        finally:
            _waiting -= not background
            if not background:
                metrics.DB_WRITE_WAIT.observe(time.monotonic() - started)


def connect(database: str, *, lock_timeout: float = 10.0, **kwargs: Any) -> FusedConnection:
    """Like `aiosqlite.connect`; await it (SQLAlchemy's `async_creator` does). `lock_timeout`
    bounds the wait for the write lock (and SQLite's busy timeout for everything else)."""
    kwargs["timeout"] = lock_timeout

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = FusedConnection(connector, iter_chunk_size=64)
    connection.lock_timeout = lock_timeout
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite: never hold up exit
    return connection
