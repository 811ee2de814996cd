"""Content versions: one counter per table, raised by every transaction that writes the table.

A page kept for signed-in members (`web/shared.py`) must never be served after what it shows
has changed, in any server process. Rather than each service remembering to say what it
changed, the kernel watches the session: every table an ORM flush or an insert/update/delete
statement touched is counted, and the counters are raised in the same transaction, just
before it commits. A page then reads the versions of the tables it shows (one small
statement for all of them) and keeps its render under them.

Bookkeeping tables that change on every request or every event, and that no shared page
shows, are left out (`UNVERSIONED`): counting them would make every write wait for the same
counter row on PostgreSQL for nothing. The counters are raised in name order, last in the
transaction, so two transactions never wait for each other's counters the other way round.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import BigInteger, String, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from hearth.db import Base, Prepared

UNVERSIONED = frozenset({"content_versions", "outbox_events", "outbox_workers", "auth_sessions", "api_tokens",
                         "notifications"})
_CHANGED = "hearth_tables_changed"


class ContentVersion(Base):
    __tablename__ = "content_versions"

    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


def _note(session: Session, table: Any) -> None:
    name = getattr(table, "name", None)
    # Hearth's own tables only: a session may also write tables the application does not know.
    if name and name not in UNVERSIONED and Base.metadata.tables.get(name) is table:
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
    session.flush()  # what is still pending is written by this commit too
    names = session.info.pop(_CHANGED, None)
    if not names:
        return
    table = ContentVersion.__table__
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    for name in sorted(names):
        session.execute(insert(table).values(name=name, version=1).on_conflict_do_update(
            index_elements=[table.c.name], set_={"version": table.c.version + 1}))


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous: Any) -> None:
    session.info.pop(_CHANGED, None)


_ALL = Prepared(select(ContentVersion.name, ContentVersion.version))


async def of(session: AsyncSession, *tables: str) -> tuple[int, ...]:
    """The versions of these tables now (0 for a table never written since versions began)."""
    current = dict(await _ALL.rows(session))
    return tuple(current.get(name, 0) for name in tables)
