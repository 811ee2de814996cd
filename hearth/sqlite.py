"""SQLite connections whose statements run right where they are awaited, not on a thread.

aiosqlite runs every call on a thread of its own, and SQLAlchemy's adapter makes four
calls per statement (open a cursor, execute, fetch the rows, close the cursor). Each is a
hand-over to that thread and back to the event loop: about 0.13 ms on a small virtual
machine, against 3 µs for the indexed query itself, so a page of nine statements spent
most of its time handing work to and fro. SQLite reads from local disk in microseconds,
so here each statement runs on the calling thread, in one piece (cursor, execute, every
row, close); the adapter then reads the rows it already has. The rest of aiosqlite's
interface stays, so SQLAlchemy's dialect works unchanged.

SQLite never waits on this thread: connections have no busy timeout. A statement that
finds the database locked (`SQLITE_BUSY`: another writer holds the write lock) is tried
again after an asynchronous pause of a millisecond or two, until `lock_timeout`. That is
how writers take the write lock (`BEGIN IMMEDIATE`) too, rather than in SQLite's busy
handler, which sleeps ever longer (25, 50, then 100 ms between tries) and would keep
missing the gaps between the outbox worker's short transactions. Background writers
(the worker) pause longer between tries, so requests go first. How long each request's
writer waited is in `hearth_db_write_wait_seconds`.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Coroutine, Generator, Sequence
from typing import Any

import aiosqlite

from hearth import metrics

__all__ = ["BACKGROUND", "FusedConnection", "connect", "writers_waiting"]

_Outcome = tuple[Any, int, int | None, list[Any]]

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


class FusedCursor:
    """The cursor SQLAlchemy's adapter sees: each execute runs the statement to the end at once."""

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

    async def _call(self, call: Callable[[sqlite3.Cursor], object], *, background: bool = False) -> FusedCursor:
        self.description, self.rowcount, self.lastrowid, self._rows = await self._connection.run_statement(
            call, background=background)
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> FusedCursor:
        if sql.startswith("BEGIN IMMEDIATE"):
            return await self._begin_immediate(background=sql.endswith(BACKGROUND))
        return await self._call(lambda cursor: cursor.execute(sql, parameters))

    async def executemany(self, sql: str, parameters: Any) -> FusedCursor:
        return await self._call(lambda cursor: cursor.executemany(sql, parameters))

    async def _begin_immediate(self, *, background: bool) -> FusedCursor:
        global _waiting
        started = time.monotonic()
        _waiting += not background
        try:
            return await self._call(lambda cursor: cursor.execute("BEGIN IMMEDIATE"), background=background)
        finally:
            _waiting -= not background
            if not background:
                metrics.DB_WRITE_WAIT.observe(time.monotonic() - started)

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


def _busy(exc: sqlite3.OperationalError) -> bool:
    # Plain SQLITE_BUSY only: the statement changed nothing and may simply run again.
    # SQLITE_BUSY_SNAPSHOT (a read transaction overtaken by a writer) cannot be retried.
    return getattr(exc, "sqlite_errorname", "") in {"SQLITE_BUSY", "SQLITE_LOCKED"}


class FusedConnection(aiosqlite.Connection):
    """aiosqlite's interface over a sqlite3 connection used on the caller's own thread."""

    lock_timeout: float = 10.0  # seconds a statement waits for a lock before it fails

    def __await__(self) -> Generator[Any, None, FusedConnection]:
        return self._connect().__await__()  # no thread to start

    async def _connect(self) -> FusedConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def stop(self) -> None:  # nothing runs elsewhere to stop
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def cursor(self) -> FusedCursor:  # type: ignore[override]
        return FusedCursor(self)

    # Not a coroutine itself: a statement costs one await, as it did when cursors called `_execute`.
    def run_statement(self, call: Callable[[sqlite3.Cursor], object], *,
                      background: bool = False) -> Coroutine[Any, Any, _Outcome]:
        """`call` on a cursor of its own, every row read and the cursor closed, in one piece."""
        return self._execute(self._to_the_end, call, background=background)

    def _to_the_end(self, call: Callable[[sqlite3.Cursor], object]) -> _Outcome:
        cursor = self._conn.cursor()
        try:
            call(cursor)
            rows = cursor.fetchall() if cursor.description else []
            return cursor.description, cursor.rowcount, cursor.lastrowid, rows
        finally:
            cursor.close()

    async def _execute(self, fn: Callable[..., Any], *args: Any, background: bool = False, **kwargs: Any) -> Any:
        if not self._running or self._connection is None:
            raise ValueError("Connection closed")
        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
        return await self._retry(fn, args, kwargs, background)

    async def _retry(self, fn: Callable[..., Any], args: tuple, kwargs: dict, background: bool) -> Any:
        started = time.monotonic()
        pause, longest = (0.002, 0.005) if background else (0.0005, FOREGROUND_POLL)
        while True:
            waited = time.monotonic() - started
            if waited >= self.lock_timeout:
                raise sqlite3.OperationalError(f"database is locked (waited {waited * 1000:.0f} ms for the lock)")
            if background and waited > AGING:  # under a steady stream of requests, it still gets a turn
                longest = FOREGROUND_POLL
            await asyncio.sleep(min(pause, self.lock_timeout - waited))
            pause = min(pause * 2, longest)
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as exc:
                if not _busy(exc):
                    raise


def connect(database: str, *, lock_timeout: float = 10.0, **kwargs: Any) -> FusedConnection:
    """Like `aiosqlite.connect`; await it (SQLAlchemy's `async_creator` does). `lock_timeout`
    bounds how long a statement waits for a lock held by another connection."""
    kwargs["timeout"] = 0  # SQLite itself never waits: see the module's docstring
    kwargs["check_same_thread"] = False  # each connection serves one event loop, whichever thread runs it
    kwargs["isolation_level"] = None  # transactions are begun explicitly (hearth.db)

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = FusedConnection(connector, iter_chunk_size=64)
    connection.lock_timeout = lock_timeout
    return connection
