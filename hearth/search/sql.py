"""Search in the database itself: SQLite FTS5, or PostgreSQL tsvector with per-language configs.

Writes go through the caller's session, so an index update commits with the event that
caused it; triggers (alembic/versions/0002_search.py) keep the full-text index in step.
Every query starts from the full-text index and applies the other filters to its matches;
highlights are computed for the returned page only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import reduce
from typing import Any, Literal

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Integer,
    Row,
    Select,
    Text,
    bindparam,
    case,
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
from sqlalchemy.orm import QueryableAttribute

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
from hearth.search.models import FTS_TABLE, TITLE_TSV_COLUMN, TSV_COLUMN, IndexedDocument

Order = Literal["relevance", "newest"]
Terms = list[tuple[str, ...]]

DOCS = IndexedDocument.__table__
_UPDATED = ("title", "body", "language", "category_id", "tags", "solved", "created_at", "url")
_CHUNK = 500

# SQLite FTS5
FTS = table(FTS_TABLE, column("rowid", Integer))
_FTS: ColumnClause[Any] = literal_column(FTS_TABLE)
_TITLE_WEIGHT, _BODY_WEIGHT = 10.0, 1.0
_SNIPPET_TOKENS = 30

# PostgreSQL: a query is read in each language (stemmed) and as-is, OR-ed, because the
# searcher's language is unknown and a community mixes English, Dutch and French.
# Language -> configuration as in hearth_search_config() (alembic/versions/0002_search.py).
_CONFIGS = {"en": "hearth_english", "nl": "hearth_dutch", "fr": "hearth_french", "de": "hearth_german"}
_SIMPLE = "hearth_simple"
TSV = literal_column(f"{IndexedDocument.__tablename__}.{TSV_COLUMN}", TSVECTOR)
TITLE_TSV = literal_column(f"{IndexedDocument.__tablename__}.{TITLE_TSV_COLUMN}", TSVECTOR)
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
            engine: _Engine = _Fts5(query.kind, _fts5_match(terms))
        else:
            engine = _Tsvector(query.kind, _pg_search_query(terms), TSV)
        window = await engine.ranked(session, _filters(query), query.sort, TOTAL_CAP + 1)
        # Hits past TOTAL_CAP are not served, as with Meilisearch's maxTotalHits.
        ranked = window[query.offset:min(query.offset + query.per_page, TOTAL_CAP)]
        hits = await engine.hits(session, ranked, snippets=True)
        return SearchResults(hits, min(len(window), TOTAL_CAP), query.page, query.per_page,
                             total_capped=len(window) > TOTAL_CAP)

    async def similar(self, session: AsyncSession, kind: str, title: str, limit: int = 5) -> list[SearchHit]:
        words, prefix = typed_words(title)
        if not enough_letters(title) or not (words or prefix):
            return []
        if await _dialect(session) == "sqlite":
            engine: _Engine = _Fts5(kind, _fts5_title_match(words, prefix))
        else:
            engine = _Tsvector(kind, _pg_title_query(words, prefix), TITLE_TSV)
        ranked = await engine.ranked(session, [], "relevance", max(1, min(limit, MAX_PER_PAGE)))
        return await engine.hits(session, ranked, snippets=False)


class _Engine:
    """One dialect's full-text query: ranked (id, score) rows, then the hits for a page of them.

    Ranking touches every match, so it reads as little as it can. The caller ranks the first
    TOTAL_CAP + 1 matches (hardly dearer than one page) and so learns the capped total
    without counting in a second pass. Columns and highlights (FTS5's snippet(),
    ts_headline(): costly) come from a second query for the page's ids only.
    """

    def matches(self, where: list[ColumnElement[bool]], *, joined: bool = False) -> Select[*tuple[Any, ...]]:
        """Ids of the documents that match and pass `where`; joined: search_documents is in FROM."""
        raise NotImplementedError

    def rank(self) -> ColumnElement[float]:
        """Higher is better."""
        raise NotImplementedError

    async def details(self, session: AsyncSession, ids: list[int], snippets: bool) -> dict[int, Row[*tuple[Any, ...]]]:
        """Hit columns, and title and snippet with sentinel marks, by document id."""
        raise NotImplementedError

    def ranking(self, where: list[ColumnElement[bool]], order: Order) -> Select[*tuple[Any, ...]]:
        if order == "newest":
            d = IndexedDocument
            found = self.matches(where, joined=True)
            return found.add_columns(literal(0.0).label("score")).order_by(d.created_at.desc(), d.id.desc())
        found = self.matches(where)
        score = self.rank().label("score")
        return found.add_columns(score).order_by(score.desc(), found.selected_columns[0].desc())

    async def ranked(self, session: AsyncSession, where: list[ColumnElement[bool]], order: Order,
                     limit: int) -> list[Row[*tuple[Any, ...]]]:
        return list((await session.execute(self.ranking(where, order).limit(limit))).all())

    async def hits(self, session: AsyncSession, ranked: list[Row[*tuple[Any, ...]]], *,
                   snippets: bool) -> list[SearchHit]:
        details = await self.details(session, [row[0] for row in ranked], snippets) if ranked else {}
        # A document deleted between the two queries has no details: leave it out.
        return [_hit(details[id_], score) for id_, score in ranked if id_ in details]


class _Fts5(_Engine):
    def __init__(self, kind: str, match: str) -> None:
        # The kind is a column of the FTS table; the user's terms look at title and body only.
        match = f"{{title body}} : ({match}) AND kind : {_quoted((kind,))}"
        self.match = _FTS.op("MATCH")(bindparam("fts_match", match, type_=Text))

    def matches(self, where: list[ColumnElement[bool]], *, joined: bool = False) -> Select[*tuple[Any, ...]]:
        if not (where or joined):
            return select(FTS.c.rowid.label("id")).where(self.match)
        # "+ 0" hides the rowid from the planner, which would otherwise walk search_documents
        # (by kind or category) and re-run the full-text match once per row: 100x slower.
        return (select(IndexedDocument.id).select_from(FTS)
                .join(IndexedDocument, IndexedDocument.id == FTS.c.rowid + 0).where(self.match, *where))

    def rank(self) -> ColumnElement[float]:
        # Only in the ranking query: bm25() over a few rowids still scans every match for its statistics.
        return -func.bm25(_FTS, _TITLE_WEIGHT, _BODY_WEIGHT, 0.0)

    async def details(self, session: AsyncSession, ids: list[int], snippets: bool) -> dict[int, Row[*tuple[Any, ...]]]:
        snippet = (func.snippet(_FTS, 1, MARK_START, MARK_STOP, "…", _SNIPPET_TOKENS) if snippets
                   else literal(""))
        stmt = (select(*_HIT_COLUMNS, func.highlight(_FTS, 0, MARK_START, MARK_STOP).label("title_marked"),
                       snippet.label("snippet_marked"))
                .select_from(FTS).join(IndexedDocument, IndexedDocument.id == FTS.c.rowid)
                .where(self.match, FTS.c.rowid.in_(ids)))
        return {row.id: row for row in await session.execute(stmt)}


class _Tsvector(_Engine):
    def __init__(self, kind: str, tsquery: Callable[[str], ColumnElement[Any]],
                 vector: ColumnElement[Any]) -> None:
        self.kind, self.vector = kind, vector
        # Built once per statement (materialised), not re-parsed for every row: the query
        # read in each configuration, and all of them OR-ed for matching.
        each: list[ColumnElement[Any]] = [tsquery(config).label(config) for config in (*_CONFIGS.values(), _SIMPLE)]
        self.query = select(reduce(lambda a, b: a.op("||")(b), each).label("any"), *each).cte("q")
        self.query = self.query.prefix_with("MATERIALIZED")

    def matches(self, where: list[ColumnElement[bool]], *, joined: bool = False) -> Select[*tuple[Any, ...]]:
        return (select(IndexedDocument.id).select_from(IndexedDocument)
                .join(self.query, self.vector.op("@@")(self.query.c.any))
                .where(IndexedDocument.kind == self.kind, *where))

    def rank(self) -> ColumnElement[float]:
        # Against the query read in the document's own language only: its tsvector holds
        # that language's stems, and ranking with a fifth of the query is 3x faster.
        q = self.query.c
        own = case(*((IndexedDocument.language == lang, q[config]) for lang, config in _CONFIGS.items()),
                   else_=q[_SIMPLE])
        return func.ts_rank_cd(self.vector, own, _RANK_NORMALISATION)

    def ranking(self, where: list[ColumnElement[bool]], order: Order) -> Select[*tuple[Any, ...]]:
        if order == "newest":
            return super().ranking(where, order)
        # ts_rank_cd reads each match's whole tsvector (~5-10 µs a row), too slow for a
        # common word among 100,000 posts: rank the TOTAL_CAP + 1 newest matches only.
        # Up to TOTAL_CAP matches that is exact; past it, the best of the recent ones.
        d = IndexedDocument
        pool = (self.matches(where).order_by(d.id.desc()).limit(TOTAL_CAP + 1)
                .cte("pool").prefix_with("MATERIALIZED"))
        score = self.rank().label("score")
        return (select(d.id, score).select_from(pool).join(d, d.id == pool.c.id).join(self.query, true())
                .order_by(score.desc(), d.id.desc()))

    async def details(self, session: AsyncSession, ids: list[int], snippets: bool) -> dict[int, Row[*tuple[Any, ...]]]:
        d, q = IndexedDocument, self.query.c.any
        snippet = _headline(d.body, q, _BODY_OPTIONS) if snippets else literal("")
        stmt = (select(*_HIT_COLUMNS, _headline(d.title, q, _TITLE_OPTIONS).label("title_marked"),
                       snippet.label("snippet_marked"))
                .select_from(d).join(self.query, true()).where(d.id.in_(ids)))
        return {row.id: row for row in await session.execute(stmt)}


def _headline(text: ColumnElement[str] | QueryableAttribute[str], query: ColumnElement[Any],
              options: str) -> ColumnElement[str]:
    # As when indexing (0002_search.py): "<" and "&" hidden from the parser, which would
    # drop what looks like HTML from the headline; restored afterwards, escaped later.
    hidden = func.translate(text, _PARSER_HIDDEN, _PARSER_STAND_INS)
    marked = func.ts_headline(func.hearth_search_config(IndexedDocument.language), hidden, query, options)
    return func.translate(marked, _PARSER_STAND_INS, _PARSER_HIDDEN)


_HIT_COLUMNS = (IndexedDocument.id, IndexedDocument.kind, IndexedDocument.ref_id, IndexedDocument.url,
                IndexedDocument.language, IndexedDocument.solved, IndexedDocument.created_at)


def _fts5_match(terms: Terms) -> str:
    # Every term quoted: FTS5 then sees no operators, columns or prefixes from the user.
    return " AND ".join(_quoted(words) for words in terms)


def _fts5_title_match(words: list[str], prefix: str | None) -> str:
    parts = [_quoted((w,)) for w in words] + ([f"{_quoted((prefix,))} *"] if prefix else [])
    return f"title : ({' OR '.join(parts)})"  # within {title body}: the title alone


def _quoted(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'  # an FTS5 string


def _pg_search_query(terms: Terms) -> Callable[[str], ColumnElement[Any]]:
    # Quoted even when single, so "or" and "-" in the text stay words, as on SQLite.
    text = bindparam("search_text", " ".join(_quoted(words) for words in terms), type_=Text)
    return lambda config: websearch_to_tsquery(config, text)


def _pg_title_query(words: list[str], prefix: str | None) -> Callable[[str], ColumnElement[Any]]:
    # Words hold letters and digits only, so to_tsquery cannot fail on them.
    parts = words + ([f"{prefix}:*"] if prefix else [])
    text = bindparam("title_query", " | ".join(parts), type_=Text)
    return lambda config: to_tsquery(config, text)


def _filters(query: SearchQuery) -> list[ColumnElement[bool]]:
    """The filters besides kind, which each engine applies its own way."""
    d = IndexedDocument
    where: list[ColumnElement[bool]] = []
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


def _hit(row: Row[*tuple[Any, ...]], score: float | None) -> SearchHit:
    return SearchHit(kind=row.kind, ref_id=row.ref_id, title_html=marked_html(row.title_marked or ""),
                     snippet_html=marked_html(row.snippet_marked or ""), url=row.url, language=row.language,
                     solved=row.solved, created_at=row.created_at, score=float(score or 0.0))


async def _dialect(session: AsyncSession) -> str:
    bind = session.bind
    return bind.dialect.name if bind is not None else (await session.connection()).dialect.name


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
