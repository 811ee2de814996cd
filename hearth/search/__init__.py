"""Full-text search for the domains: one interface, two backends.

Domains index `SearchDocument`s (usually from an event handler, in the handler's
session, so the SQL backend's index update commits with the event) and ask `search`
and `similar`. `backend()` is Meilisearch when HEARTH_MEILI_URL is set, else the
database's own full-text search (SQLite FTS5 / PostgreSQL tsvector).

The kernel knows no domain, so `hearth reindex` rebuilds from sources the domains
register with `register_source`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hearth.db import Database, get_database
from hearth.search.base import (
    TOTAL_CAP,
    SearchBackend,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
    check_kind,
)
from hearth.settings import get_settings

__all__ = [
    "TOTAL_CAP", "SearchBackend", "SearchDocument", "SearchHit", "SearchQuery", "SearchResults",
    "Source", "backend", "register_source", "reindex", "set_backend", "sources", "unregister_source",
]

_backend: SearchBackend | None = None


def backend() -> SearchBackend:
    global _backend
    if _backend is None:
        settings = get_settings()
        if settings.meili_url:
            from hearth.search.meili import MeiliSearchBackend

            key = settings.meili_key.get_secret_value() if settings.meili_key else None
            _backend = MeiliSearchBackend(settings.meili_url, key)
        else:
            from hearth.search.sql import SqlSearchBackend

            _backend = SqlSearchBackend()
    return _backend


def set_backend(search_backend: SearchBackend | None) -> None:
    """Use another backend (tests); None goes back to the configured one."""
    global _backend
    _backend = search_backend


Count = Callable[[AsyncSession], Awaitable[int]]
# Called with (session, batch size). Reindex commits between batches in another
# session, so a source may run one query per batch (keyset pagination) or stream.
Batches = Callable[[AsyncSession, int], AsyncIterator[list[SearchDocument]]]
Progress = Callable[[str, int, int], None]  # kind, documents done, documents expected


@dataclass(frozen=True, slots=True)
class Source:
    kind: str
    count: Count
    batches: Batches


_sources: dict[str, Source] = {}


def register_source(kind: str, count: Count, batches: Batches) -> None:
    """Tell `hearth reindex` how to rebuild one kind; registering again replaces it."""
    check_kind(kind)
    _sources[kind] = Source(kind, count, batches)


def unregister_source(kind: str) -> None:
    _sources.pop(kind, None)


def sources() -> list[Source]:
    return [_sources[kind] for kind in sorted(_sources)]


async def reindex(database: Database | None = None, progress: Progress | None = None, *,
                  kinds: Sequence[str] | None = None, batch_size: int = 500) -> dict[str, int]:
    """Rebuild registered kinds (all by default) from scratch; returns documents indexed per kind."""
    database = database or get_database()
    done: dict[str, int] = {}
    for source in sources():
        if kinds is None or source.kind in kinds:
            done[source.kind] = await _reindex_kind(database, source, progress, batch_size)
    return done


async def _reindex_kind(database: Database, source: Source, progress: Progress | None,
                        batch_size: int) -> int:
    search = backend()
    report = progress or (lambda _kind, _done, _total: None)
    # Reading and writing in separate sessions lets the writer commit per batch
    # without ending the reader's query.
    async with database.sessionmaker() as reader, database.sessionmaker() as writer:
        expected = await source.count(reader)
        await search.clear(writer, source.kind)
        await writer.commit()
        indexed = 0
        report(source.kind, indexed, expected)
        async for batch in source.batches(reader, batch_size):
            await search.index(writer, batch)
            await writer.commit()
            indexed += len(batch)
            report(source.kind, indexed, max(expected, indexed))
        return indexed
