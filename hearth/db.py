"""Database: one async engine per process, one session per request, typed models.

Services flush and never commit; the request (or the job runner) owns the transaction.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, cast

from fastapi import Depends, Request
from sqlalchemy import BigInteger, DateTime, Executable, MetaData, String, Table, column, event, table
from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult, Result, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.types import TypeDecorator

from hearth import sqlite
from hearth.settings import get_settings

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}
    if TYPE_CHECKING:  # every model here maps a table (DeclarativeBase types it as any FromClause)
        __table__: ClassVar[Table]


def _prepare_sqlite(engine: AsyncEngine, url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # (hearth.sqlite opens connections without pysqlite's own transaction handling, which
        # starts transactions late and skips SELECTs: BEGIN below means what it says.)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers that must not race (the outbox worker) ask for the write lock up front.
        immediate = conn.get_execution_options().get("sqlite_immediate")
        if immediate == "background":
            conn.exec_driver_sql(f"BEGIN IMMEDIATE {sqlite.BACKGROUND}")
        elif immediate:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            _raw_begin(conn)


def _raw_begin(conn: Any) -> None:
    cursor = conn.connection.dbapi_connection.cursor()
    cursor.execute("BEGIN")
    cursor.close()


# Connections of their own for `Prepared` reads outside any transaction. Taking a pooled
# connection, beginning and ending a transaction costs about 100 µs per request through
# SQLAlchemy on SQLite, and two more round trips on PostgreSQL; an autocommit read on a
# connection kept for it costs a few µs (one trip). SQLite has one per engine: its statements
# run to the end where they are awaited (hearth.sqlite), so requests never interleave on it.
# PostgreSQL keeps a few, each used by one read at a time, opened through an engine of their
# own (so the driver is set up as SQLAlchemy sets it up); when all are busy a read waits for
# one (a single trip) rather than take the session's way (four). A driver connection belongs
# to the event loop that opened it: reads on any other loop (a test's server thread) take
# the session's way.
class _SqliteReader:
    def __init__(self, creator: Callable[[], Awaitable[Any]]) -> None:
        self.creator = creator
        self.connection: Any = None

    async def acquire(self) -> Any:
        if self.connection is None:
            connection = await self.creator()
            if self.connection is None:
                self.connection = connection
            else:
                await connection.close()
        return self.connection

    async def release(self, _driver: Any, *, broken: bool = False) -> None:
        return None

    async def close(self) -> bool:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            await connection.close()
        return True


class _PostgresReaders:
    def __init__(self, url: str, size: int, **kwargs: Any) -> None:
        self.engine = create_async_engine(url, pool_size=size, max_overflow=0, isolation_level="AUTOCOMMIT", **kwargs)
        self.size = size
        self.opened = 0
        self.idle: asyncio.LifoQueue[tuple[Any, Any]] = asyncio.LifoQueue()  # (driver connection, its AsyncConnection)
        self.busy: dict[int, Any] = {}
        self.loop: asyncio.AbstractEventLoop | None = None

    async def acquire(self) -> Any:
        loop = asyncio.get_running_loop()
        if self.loop is None:
            self.loop = loop
        elif loop is not self.loop:
            return None
        if self.idle.empty() and self.opened < self.size:
            self.opened += 1
            try:
                connection = await self.engine.connect()
                driver = (await connection.get_raw_connection()).driver_connection
            except BaseException:
                self.opened -= 1
                raise
        else:
            driver, connection = await self.idle.get()
        self.busy[id(driver)] = connection
        return driver

    async def release(self, driver: Any, *, broken: bool = False) -> None:
        connection = self.busy.pop(id(driver))
        if not broken:
            self.idle.put_nowait((driver, connection))
            return
        self.opened -= 1
        try:
            await connection.invalidate()
            await connection.close()
        except Exception:
            log.debug("a side reader could not be closed", exc_info=True)

    async def close(self) -> bool:
        if self.loop not in (None, asyncio.get_running_loop()):
            return False  # its connections can only be closed on their own loop, by its own disposal
        while not self.idle.empty():
            await self.idle.get_nowait()[1].close()
        await self.engine.dispose()
        return True


SIDE_READERS = 8  # PostgreSQL connections per server process for reads outside a transaction
_side_readers: weakref.WeakKeyDictionary[Any, _SqliteReader | _PostgresReaders] = weakref.WeakKeyDictionary()


async def _close_side_reader(engine: AsyncEngine) -> None:
    found = _side_readers.get(engine.sync_engine)
    if found is not None and await found.close():
        _side_readers.pop(engine.sync_engine, None)


def _sqlite_creator(url: str, lock_timeout: float) -> Callable[[], Awaitable[Any]]:
    """Connections that run a statement in one trip to their thread (see hearth.sqlite),
    opened with the arguments SQLAlchemy would give aiosqlite for this URL."""
    parsed = make_url(url)
    args, params = parsed.get_dialect()().create_connect_args(parsed)

    async def creator() -> Any:
        return await sqlite.connect(*args, lock_timeout=lock_timeout, **params)

    return creator


def create_engine(url: str | None = None, *, lock_timeout: float | None = None, **kwargs: Any) -> AsyncEngine:
    """`lock_timeout`: seconds a statement may wait for a lock another transaction holds
    (SQLite's write lock; PostgreSQL's row and table locks) before it fails."""
    url = url or get_settings().database_url
    if lock_timeout is None:
        lock_timeout = get_settings().database_lock_timeout_ms / 1000
    if url.startswith("sqlite"):
        creator = _sqlite_creator(url, lock_timeout)
        kwargs.setdefault("async_creator", creator)
        engine = create_async_engine(url, **kwargs)
        _prepare_sqlite(engine, url)
        if make_url(url).database not in (None, "", ":memory:"):  # another connection would be another database
            _side_readers[engine.sync_engine] = _SqliteReader(creator)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"server_settings": {"lock_timeout": str(int(lock_timeout * 1000))}})
    engine = create_async_engine(url, **kwargs)
    _side_readers[engine.sync_engine] = _PostgresReaders(url, SIDE_READERS, connect_args=kwargs["connect_args"])
    return engine


class Database:
    """The process's engine and session factory, created at start-up."""

    def __init__(self, url: str | None = None, *, lock_timeout: float | None = None) -> None:
        self.url = url or get_settings().database_url
        self.engine = create_engine(self.url, lock_timeout=lock_timeout)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def dispose(self) -> None:
        await _close_side_reader(self.engine)
        await self.engine.dispose()

    async def writer(self, *, background: bool = False) -> AsyncSession:
        """A session for work that will write. On SQLite it takes the write lock at BEGIN:
        a transaction that reads first and writes later would otherwise fail outright
        (SQLITE_BUSY_SNAPSHOT) when another writer got in between, instead of waiting.
        `background` writers (the outbox worker) let requests' writers go first."""
        session = self.sessionmaker()
        session.info["writer"] = True
        if self.dialect == "sqlite":
            await session.connection(execution_options={"sqlite_immediate": "background" if background else True})
        return session


def engine_of(session: AsyncSession) -> AsyncEngine:
    """The engine a session works on: `Database.sessionmaker` binds every session to one."""
    return cast(AsyncEngine, session.bind)


def upsert_insert(session: AsyncSession | Session, target: Any) -> Any:
    """The dialect's INSERT for `target` (a model or table), the one with ON CONFLICT: SQLite's
    and PostgreSQL's are separate constructs with the same methods."""
    bind = session.get_bind()
    return (sqlite_insert if bind.dialect.name == "sqlite" else pg_insert)(target)


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched. `execute` is typed as returning a `Result`;
    for those statements it is a `CursorResult`, which counts them."""
    return cast(CursorResult[Any], result).rowcount


async def side_write(session: AsyncSession, statement: Executable) -> None:
    """A small write a reading request must make (when a session or token was last used).

    In the request's own transaction when that is a writer; otherwise in a short transaction
    of its own: SQLite cannot turn a read transaction into a write once another writer has
    committed since it began (SQLITE_BUSY_SNAPSHOT, an error at once), which the outbox
    worker does many times a second."""
    if session.info.get("writer") or engine_of(session).dialect.name != "sqlite":
        await session.execute(statement)
        return
    async with await get_database().writer() as own:
        await own.execute(statement)
        await own.commit()


# --- content versions: every transaction counts the tables it writes --------------------------
# A page kept for signed-in members (web/shared.py) must never be served after what it shows
# has changed, in any server process. Rather than each service remembering to say what it
# changed, the session is watched: every table an ORM flush or an insert/update/delete
# statement touched is noted, and its counter in `content_versions` (hearth/versions.py) is
# raised in the same transaction, just before it commits. Bookkeeping tables that change on
# every request or event and that no kept page shows are left out: counting them would make
# every write wait for the same counter row on PostgreSQL for nothing. Counters are raised in
# name order, last in the transaction, so two transactions never wait for each other's
# counters the other way round.

KNOWN_VERSIONS = "hearth_known_versions"  # session.info: versions read along with the session (hearth.versions)
UNVERSIONED = frozenset({"content_versions", "outbox_events", "outbox_workers", "auth_sessions", "api_tokens",
                         "notifications"})
_CHANGED = "hearth_tables_changed"
_VERSIONS = table("content_versions", column("name", String), column("version", BigInteger))


def _note(session: Session, written: Any) -> None:
    name = getattr(written, "name", None)
    # Hearth's own tables only: a session may also write tables the application does not know.
    # (By name: update(Model) names an annotated copy of the model's table, not the table itself.)
    if name and name not in UNVERSIONED and isinstance(written, Table) and name in Base.metadata.tables:
        session.info.setdefault(_CHANGED, set()).add(name)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    for instance in chain(session.new, session.dirty, session.deleted):
        _note(session, getattr(type(instance), "__table__", None))


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _note(state.session, getattr(state.statement, "table", None))


@event.listens_for(Session, "before_commit")
def _raise_versions(session: Session) -> None:
    if session.in_nested_transaction():
        # A savepoint released (the worker runs each event's handlers in one): the counters go
        # up at the real commit. Raised here they would stay locked for the rest of the batch.
        return
    session.info.pop(KNOWN_VERSIONS, None)  # read before this commit: no longer now
    session.flush()  # what is still pending is written by this commit too
    names = session.info.pop(_CHANGED, None)
    if not names:
        return
    for name in sorted(names):
        session.execute(upsert_insert(session, _VERSIONS).values(name=name, version=1).on_conflict_do_update(
            index_elements=["name"], set_={"version": _VERSIONS.c.version + 1}))


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, previous: Any) -> None:
    if not previous.nested:  # a savepoint rolled back: what the transaction wrote before it still counts
        session.info.pop(_CHANGED, None)


class Prepared:
    """A read on a hot path (every signed-in request, every page view), run straight on the driver.

    SQLAlchemy spends 50–200 µs preparing and reading each statement (building it, its cache
    key, the ORM's loading); on SQLite the query itself takes a few µs. A `Prepared` statement
    is compiled once per dialect and then runs on the session's own connection (its
    transaction) with only the types' own conversions applied to parameters and rows. On
    SQLite, a session that has not begun yet reads on the process's side reader instead (see
    `_side_reader`): a request served from kept renders then never takes a connection at all.
    Only for fixed reads: no expanding `IN` lists, no ORM entities (select columns). Listeners
    of `before_cursor_execute` (statement counters, tracing) still see it."""

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._compiled: dict[str, tuple[str, list[str], dict[str, Any], list[Any], dict[str, Any]]] = {}

    def _compile(self, dialect: Any) -> tuple[str, list[str], dict[str, Any], list[Any], dict[str, Any]]:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            binds = {name: processor for name, processor in compiled._bind_processors.items()  # noqa: SLF001
                     if processor is not None}
            results = [column.type._cached_result_processor(dialect, None)  # noqa: SLF001
                       for column in self.statement.selected_columns]
            # Values the statement itself holds (a literal, a function's argument) go in as they are.
            fixed = {name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required}
            # Values rendered into the text ("literal execute", as a function's separator) are
            # rendered now; the others stay parameters.
            sql, names = compiled.string, list(compiled.positiontup or ())
            if compiled.literal_execute_params:
                expanded = compiled.construct_expanded_state(
                    {name: fixed.get(name) for name in compiled.bind_names.values()})
                sql, names = expanded.statement, list(expanded.positiontup or ())
            found = self._compiled[dialect.name] = (sql, names, binds, results, fixed)
        return found

    async def rows(self, session: AsyncSession, **params: Any) -> list[tuple[Any, ...]]:
        engine = engine_of(session)
        dialect = engine.dialect
        sql, names, binds, results, fixed = self._compile(dialect)
        values = [binds[name](value) if name in binds else value
                  for name, value in ((name, params[name] if name in params else fixed[name]) for name in names)]
        readers = None if session.in_transaction() else _side_readers.get(engine.sync_engine)
        try:
            reader = None if readers is None else await readers.acquire()
        except Exception:  # noqa: BLE001 - the session's own connection reports it in its usual form
            reader = None
        connection = None if reader is not None else await session.connection()
        # Below SQLAlchemy's public, typed surface: its event flags and the driver's connection.
        sync: Any = engine.sync_engine if connection is None else connection.sync_connection
        if sync._has_events or sync.engine._has_events:  # noqa: SLF001 - a statement counter or a tracer listens
            for listener in sync.dispatch.before_cursor_execute:
                listener(sync, None, sql, values, None, False)
        try:
            driver: Any = reader if connection is None else (await connection.get_raw_connection()).driver_connection
            if dialect.name == "sqlite":
                cursor = driver.cursor()
                await cursor.execute(sql, values)
                raw = await cursor.fetchall()
            else:
                raw = await driver.fetch(sql, *values)
        except BaseException as exc:
            if readers is not None and reader is not None:
                await readers.release(reader, broken=True)
            if not isinstance(exc, Exception):  # cancelled
                raise
            # Once more through SQLAlchemy, which gives the error its usual form and drops a
            # broken connection from the pool (the driver's own error would do neither).
            return [tuple(row) for row in await session.execute(self.statement, params)]
        if readers is not None and reader is not None:
            await readers.release(reader)
        if not any(results):
            return [tuple(row) for row in raw]
        return [tuple(value if convert is None else convert(value) for convert, value in zip(results, row, strict=True))
                for row in raw]

    async def first(self, session: AsyncSession, **params: Any) -> tuple[Any, ...] | None:
        found = await self.rows(session, **params)
        return found[0] if found else None


def attach(session: AsyncSession, model: type, values: dict[str, Any]) -> Any:
    """An ORM object for a row read with `Prepared`, put in the session as if the session had
    loaded it (so a change to it is flushed as usual), or the one the session holds already.
    This is what SQLAlchemy's loader does per row, without its per-attribute events."""
    sync = session.sync_session
    mapper: Any = sa_inspect(model)  # used at the level of its loader, below its typed surface
    key = mapper.identity_key_from_primary_key([values[column.key] for column in mapper.primary_key])
    loaded = sync.identity_map.get(key)
    if loaded is not None:
        return loaded
    instance = mapper.class_manager.new_instance()
    state = instance_state(instance)
    state.key = key
    state.identity_token = None
    state.dict.update(values)
    state.session_id = sync.hash_key
    sync.identity_map._add_unpresent(state, key)  # noqa: SLF001
    state._commit_all(state.dict, sync.identity_map)  # noqa: SLF001
    return instance


# What a request meets when the database cannot be reached or answer just now: a 503 to retry,
# not a 500. (asyncpg raises its connection errors as they are, unwrapped.)
UNREACHABLE_ERRORS = (sa_exc.DBAPIError, sa_exc.TimeoutError, ConnectionError, TimeoutError, socket.gaierror)


def unreachable(exc: BaseException) -> bool:
    if isinstance(exc, sa_exc.DBAPIError):
        return exc.connection_invalidated or isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError))
    return isinstance(exc, UNREACHABLE_ERRORS)


_database: Database | None = None


def get_database() -> Database:
    global _database
    if _database is None:
        _database = Database()
    return _database


def set_database(database: Database | None) -> None:
    global _database
    _database = database


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    from hearth import events  # events imports db; avoid the import cycle at module load

    database = get_database()
    writes = request.method in {"POST", "PUT", "PATCH", "DELETE"}
    session = await database.writer() if writes else database.sessionmaker()
    try:
        yield session
        await session.commit()
    except BaseException:
        # Detach first so what the request loaded stays readable for its error page;
        # a rollback would expire it and the page would try to reload it.
        session.expunge_all()
        await session.rollback()
        raise
    finally:
        await session.close()
    # Jobs run only after the change they depend on is committed.
    if session.info.get("published_events"):
        events.wake_worker()


# scope="function" closes the session before the response is sent, so a failed
# commit becomes an error response instead of a lost write behind a 200.
DbSession = Annotated[AsyncSession, Depends(_request_session, scope="function")]


async def _read_session() -> AsyncIterator[AsyncSession]:
    session = get_database().sessionmaker()
    try:
        yield session
    finally:
        await session.rollback()
        await session.close()


# For writes that must read (and compute) first and hold the write lock only briefly, such as
# webhooks: the route reads with this and opens its own short writer.
ReadSession = Annotated[AsyncSession, Depends(_read_session, scope="function")]

