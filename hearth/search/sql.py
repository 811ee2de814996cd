"""Search in the database itself: SQLite FTS5, or PostgreSQL tsvector with per-language configs.

Writes go through the caller's session, so an index update commits with the event that
caused it; triggers (alembic/versions/0002_search.py) keep the full-text index in step.
Every query starts from the full-text index and applies the other filters to its matches.
Highlights are computed only for the returned page, in an outer query over the LIMITed
inner one: FTS5's snippet() and ts_headline() cost far more than ranking.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import reduce
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    Text,
    bindparam,
    column,
    delete,
    func,
    literal,
    literal_column,
    select,
    table,
    true,
)
from sqlalchemy.dialects.postgresql import TSVECTOR, to_tsquery, websearch_to_tsquery
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from hearth.search.base import (
    MARK_START,
    MARK_STOP,
    MAX_BODY_CHARS,
    MAX_PER_PAGE,
    TOTAL_CAP,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
    clean,
    empty_results,
    enough_letters,
    marked_html,
    normalise_tag,
    query_terms,
    typed_words,
)
from hearth.search.models import FTS_TABLE, TSV_COLUMN, IndexedDocument

Order = Literal["relevance", "newest"]
Terms = list[tuple[str, ...]]

DOCS = IndexedDocument.__table__
_UPDATED = ("title", "body", "language", "category_id", "tags", "solved", "created_at", "url")
_CHUNK = 500

# SQLite FTS5
FTS = table(FTS_TABLE, column("rowid", Integer))
_FTS = literal_column(FTS_TABLE)
_TITLE_WEIGHT, _BODY_WEIGHT = 10.0, 1.0
_SNIPPET_TOKENS = 30

# PostgreSQL: a query is read in each language (stemmed) and as-is, OR-ed, because the
# searcher's language is unknown and a community mixes English, Dutch and French.
_QUERY_CONFIGS = ("hearth_english", "hearth_dutch", "hearth_french", "hearth_german", "hearth_simple")
TSV = literal_column(f"{IndexedDocument.__tablename__}.{TSV_COLUMN}", TSVECTOR)
_TITLE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_STOP}, HighlightAll=true"
_BODY_OPTIONS = (f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxFragments=2, MaxWords=30, MinWords=12,"
                 ' FragmentDelimiter=" … "')
_PARSER_HIDDEN, _PARSER_STAND_INS = "<&", "\x04\x05"
_RANK_NORMALISATION = 1  # divide by 1 + log(length): a long post does not win by length


class SqlSearchBackend:
    """The embedded backend; reads the dialect from each session."""

    async def index(self, session: AsyncSession, docs: Sequence[SearchDocument]) -> None:
        # One row per identity: an upsert may not touch the same row twice.
        rows = list({(doc.kind, doc.ref_id): _row(doc) for doc in docs}.values())
        if not rows:
            return
        insert = sqlite_insert if await _dialect(session) == "sqlite" else pg_insert
        stmt = insert(DOCS)
        stmt = stmt.on_conflict_do_update(index_elements=["kind", "ref_id"],
                                          set_={name: stmt.excluded[name] for name in _UPDATED})
        for chunk in _chunks(rows):
            await session.execute(stmt, chunk)

    async def delete(self, session: AsyncSession, kind: str, ref_ids: Sequence[int]) -> None:
        for chunk in _chunks(list(ref_ids)):
            await session.execute(delete(DOCS).where(DOCS.c.kind == kind, DOCS.c.ref_id.in_(chunk)))

    async def clear(self, session: AsyncSession, kind: str | None = None) -> None:
        stmt = delete(DOCS)
        await session.execute(stmt if kind is None else stmt.where(DOCS.c.kind == kind))

    async def search(self, session: AsyncSession, query: SearchQuery) -> SearchResults:
        terms = query_terms(query.text)
        if not terms:
            return empty_results(query)
        if await _dialect(session) == "sqlite":
            engine: _Engine = _Fts5(_fts5_match(terms))
        else:
            engine = _Tsvector(_pg_search_query(terms))
        where = _filters(query)
        rows = await engine.page(session, where, query.sort, query.per_page, query.offset, snippets=True)
        hits = [_hit(row, snippets=True) for row in rows]
        if (hits and len(hits) < query.per_page) or (not hits and query.page == 1):
            total, capped = query.offset + len(hits), False  # the last page: no count needed
        else:
            total, capped = await engine.total(session, where)
        return SearchResults(hits, total, query.page, query.per_page, total_capped=capped)

    async def similar(self, session: AsyncSession, kind: str, title: str, limit: int = 5) -> list[SearchHit]:
        words, prefix = typed_words(title)
        if not enough_letters(title) or not (words or prefix):
            return []
        if await _dialect(session) == "sqlite":
            engine: _Engine = _Fts5(_fts5_title_match(words, prefix))
        else:
            engine = _Tsvector(_pg_title_query(words, prefix))
        limit = max(1, min(limit, MAX_PER_PAGE))
        rows = await engine.page(session, [IndexedDocument.kind == kind], "relevance", limit, 0, snippets=False)
        return [_hit(row, snippets=False) for row in rows]


class _Engine:
    """One dialect's full-text query: a page of matches with highlights, and a capped count."""

    def matches(self) -> Select[Any]:
        raise NotImplementedError

    async def page(self, session: AsyncSession, where: list[ColumnElement[bool]], order: Order,
                   limit: int, offset: int, *, snippets: bool) -> Sequence[Row[Any]]:
        raise NotImplementedError

    async def total(self, session: AsyncSession, where: list[ColumnElement[bool]]) -> tuple[int, bool]:
        found = self.matches().where(*where).limit(TOTAL_CAP + 1)
        count = await session.scalar(select(func.count()).select_from(found.subquery())) or 0
        return min(count, TOTAL_CAP), count > TOTAL_CAP


class _Fts5(_Engine):
    def __init__(self, match: str) -> None:
        self.match = _FTS.op("MATCH")(bindparam("fts_match", match, type_=Text))

    def matches(self) -> Select[Any]:
        return (select(IndexedDocument.id).select_from(FTS)
                .join(IndexedDocument, IndexedDocument.id == FTS.c.rowid).where(self.match))

    async def page(self, session: AsyncSession, where: list[ColumnElement[bool]], order: Order,
                   limit: int, offset: int, *, snippets: bool) -> Sequence[Row[Any]]:
        d = IndexedDocument
        rank = func.bm25(_FTS, _TITLE_WEIGHT, _BODY_WEIGHT)  # lower is better
        first = [rank.asc()] if order == "relevance" else []
        inner = (self.matches().add_columns((-rank).label("score")).where(*where)
                 .order_by(*first, d.created_at.desc(), d.id.desc()).limit(limit).offset(offset)
                 .subquery("page"))
        snippet = (func.snippet(_FTS, 1, MARK_START, MARK_STOP, "…", _SNIPPET_TOKENS) if snippets
                   else literal(""))
        # The FTS table joined again by rowid: FTS5 then runs the match for one row only.
        stmt = (select(*_HIT_COLUMNS, inner.c.score,
                       func.highlight(_FTS, 0, MARK_START, MARK_STOP).label("title_marked"),
                       snippet.label("snippet_marked"))
                .select_from(inner).join(FTS, FTS.c.rowid == inner.c.id).join(d, d.id == inner.c.id)
                .where(self.match)
                .order_by(*([inner.c.score.desc()] if order == "relevance" else []),
                          d.created_at.desc(), d.id.desc()))
        return (await session.execute(stmt)).all()


class _Tsvector(_Engine):
    def __init__(self, tsquery: ColumnElement[Any]) -> None:
        # Materialised once per statement, not re-parsed for every row ranked.
        self.query = select(tsquery.label("query")).cte("q").prefix_with("MATERIALIZED")

    def matches(self) -> Select[Any]:
        return (select(IndexedDocument.id).select_from(IndexedDocument)
                .join(self.query, TSV.op("@@")(self.query.c.query)))

    async def page(self, session: AsyncSession, where: list[ColumnElement[bool]], order: Order,
                   limit: int, offset: int, *, snippets: bool) -> Sequence[Row[Any]]:
        d, q = IndexedDocument, self.query.c.query
        rank = func.ts_rank_cd(TSV, q, _RANK_NORMALISATION)
        first = [rank.desc()] if order == "relevance" else []
        inner = (self.matches().add_columns(rank.label("score")).where(*where)
                 .order_by(*first, d.created_at.desc(), d.id.desc()).limit(limit).offset(offset)
                 .subquery("page"))
        snippet = _headline(d.body, q, _BODY_OPTIONS) if snippets else literal("")
        stmt = (select(*_HIT_COLUMNS, inner.c.score, _headline(d.title, q, _TITLE_OPTIONS).label("title_marked"),
                       snippet.label("snippet_marked"))
                .select_from(inner).join(d, d.id == inner.c.id).join(self.query, true())
                .order_by(*([inner.c.score.desc()] if order == "relevance" else []),
                          d.created_at.desc(), d.id.desc()))
        return (await session.execute(stmt)).all()


def _headline(text: ColumnElement[str], query: ColumnElement[Any], options: str) -> ColumnElement[str]:
    # As when indexing (0002_search.py): "<" and "&" hidden from the parser, which would
    # drop what looks like HTML from the headline; restored afterwards, escaped later.
    hidden = func.translate(text, _PARSER_HIDDEN, _PARSER_STAND_INS)
    marked = func.ts_headline(func.hearth_search_config(IndexedDocument.language), hidden, query, options)
    return func.translate(marked, _PARSER_STAND_INS, _PARSER_HIDDEN)


_HIT_COLUMNS = (IndexedDocument.kind, IndexedDocument.ref_id, IndexedDocument.url, IndexedDocument.language,
                IndexedDocument.solved, IndexedDocument.created_at)


def _fts5_match(terms: Terms) -> str:
    # Every term quoted: FTS5 then sees no operators, columns or prefixes from the user.
    return " AND ".join(_quoted(words) for words in terms)


def _fts5_title_match(words: list[str], prefix: str | None) -> str:
    parts = [_quoted((w,)) for w in words] + ([f"{_quoted((prefix,))} *"] if prefix else [])
    return f"title : ({' OR '.join(parts)})"


def _quoted(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words) + '"'  # words hold letters and digits only


def _pg_search_query(terms: Terms) -> ColumnElement[Any]:
    # Quoted even when single, so "or" and "-" in the text stay words, as on SQLite.
    text = bindparam("search_text", " ".join(_quoted(words) for words in terms), type_=Text)
    return _any_language(lambda config: websearch_to_tsquery(config, text))


def _pg_title_query(words: list[str], prefix: str | None) -> ColumnElement[Any]:
    # Weight A is the title; words hold letters and digits only, so to_tsquery cannot fail.
    parts = [f"{w}:A" for w in words] + ([f"{prefix}:*A"] if prefix else [])
    text = bindparam("title_query", " | ".join(parts), type_=Text)
    return _any_language(lambda config: to_tsquery(config, text))


def _any_language(build: Any) -> ColumnElement[Any]:
    return reduce(lambda a, b: a.op("||")(b), [build(config) for config in _QUERY_CONFIGS])


def _filters(query: SearchQuery) -> list[ColumnElement[bool]]:
    d = IndexedDocument
    where = [d.kind == query.kind]
    if query.category_id is not None:
        where.append(d.category_id == query.category_id)
    if query.tag and (tag := normalise_tag(query.tag)):
        # A whole tag: the stored list is " "-separated, so pad both sides.
        where.append((literal(" ") + d.tags + literal(" ")).contains(f" {tag} ", autoescape=True))
    if query.solved is not None:
        where.append(d.solved == query.solved)
    if query.language:
        where.append(d.language == query.language)
    return where


def _row(doc: SearchDocument) -> dict[str, Any]:
    tags = sorted({normalise_tag(tag) for tag in doc.tags} - {""})
    return {"kind": doc.kind, "ref_id": doc.ref_id, "title": clean(doc.title, 1000),
            "body": clean(doc.body, MAX_BODY_CHARS), "language": doc.language,
            "category_id": doc.category_id, "tags": " ".join(tags), "solved": doc.solved,
            "created_at": doc.created_at, "url": doc.url}


def _hit(row: Row[Any], *, snippets: bool) -> SearchHit:
    return SearchHit(kind=row.kind, ref_id=row.ref_id, title_html=marked_html(row.title_marked or ""),
                     snippet_html=marked_html(row.snippet_marked or "") if snippets else "",
                     url=row.url, language=row.language, solved=row.solved, created_at=row.created_at,
                     score=float(row.score or 0.0))


async def _dialect(session: AsyncSession) -> str:
    bind = session.bind
    return bind.dialect.name if bind is not None else (await session.connection()).dialect.name


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
