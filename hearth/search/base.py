"""What every search backend accepts and returns, and the text handling they share.

Highlights travel as text with two control characters around each match; `marked_html`
turns that into safe HTML. The stored text is never trusted: it is cleaned of control
characters on the way in and escaped on the way out, so only the backend can add marks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

MARK_START = "\x02"
MARK_STOP = "\x03"
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MAX_BODY_CHARS = 50_000  # enough to find a post; PostgreSQL caps a tsvector at 1 MB
# Counting (and on PostgreSQL ranking) every match of a common word costs more than it
# tells: totals stop at 1,000 ("1,000+") and hits past it are not served, as in Meilisearch.
TOTAL_CAP = 1_000
MAX_PER_PAGE = 100  # hearth.paging.MAX_LIMIT: the API's largest page

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')
_MARKS = re.compile(f"([{MARK_START}{MARK_STOP}])")

# Words too common to say which question is similar; they would also make the
# as-you-type OR query touch most of the index. English, Dutch, French, German.
COMMON_WORDS = frozenset("""
a an and are as at be but by can do does for from has have how i if in is it its me my no not of on or
our so that the their there this to was we what when where which who why will with you your
de het een en van ik je jij u mijn is zijn niet met voor op aan bij om te dat die dit er wat hoe
waarom wanneer waar wie of ook nog al maar naar uit kan heb heeft ben
le la les un une des du et est en au aux ce cette je tu il elle nous vous mon ma mes pas ne que qui
quoi comment pourquoi quand dans sur pour par avec se sa son ses ou mais
der die das ein eine und ist nicht mit für von zu auf im den dem ich du er sie es wie warum wann wo
""".split())


# A kind is one lowercase word: the SQL backend matches it as one full-text token and
# Meilisearch names an index after it.
_KIND = re.compile(r"[a-z][a-z0-9]{0,30}")


def check_kind(kind: str) -> None:
    if not _KIND.fullmatch(kind):
        raise ValueError(f"a search kind is one lowercase word, not {kind!r}")


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One searchable thing; (kind, ref_id) is its identity in every backend."""

    kind: str
    ref_id: int
    title: str
    body: str  # plain text: the caller strips markdown
    language: str | None
    category_id: int | None
    tags: tuple[str, ...]
    solved: bool | None
    created_at: datetime
    url: str

    def __post_init__(self) -> None:
        check_kind(self.kind)


@dataclass(slots=True)
class SearchQuery:
    text: str
    kind: str = "thread"
    category_id: int | None = None
    tag: str | None = None
    solved: bool | None = None
    language: str | None = None
    sort: Literal["relevance", "newest"] = "relevance"
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        check_kind(self.kind)
        if self.page < 1:
            raise ValueError("page starts at 1")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise ValueError(f"per_page must be 1..{MAX_PER_PAGE}")
        if self.sort not in ("relevance", "newest"):
            raise ValueError("sort is relevance or newest")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    ref_id: int
    title_html: str  # safe HTML: escaped, matches in <mark>
    snippet_html: str  # safe HTML; empty for similar()
    url: str
    language: str | None
    solved: bool | None
    created_at: datetime
    score: float  # relevance, higher is better; 0 when sorted by newest


@dataclass(slots=True)
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    # True when counting stopped at TOTAL_CAP: show "1,000+".
    total_capped: bool = False
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = -(-self.total // self.per_page)


def empty_results(query: SearchQuery) -> SearchResults:
    return SearchResults([], 0, query.page, query.per_page)


class SearchBackend(Protocol):
    async def index(self, session: AsyncSession, docs: Sequence[SearchDocument]) -> None:
        """Add or replace documents (idempotent)."""

    async def delete(self, session: AsyncSession, kind: str, ref_ids: Sequence[int]) -> None: ...

    async def search(self, session: AsyncSession, query: SearchQuery) -> SearchResults: ...

    async def similar(self, session: AsyncSession, kind: str, title: str, limit: int = 5) -> list[SearchHit]:
        """Titles like one being typed: the last word counts as a prefix."""

    async def clear(self, session: AsyncSession, kind: str | None = None) -> None: ...


def clean(text: str, limit: int) -> str:
    # Control characters would forge highlight marks (and PostgreSQL rejects NUL).
    return _CONTROL.sub(" ", text[:limit])


def normalise_tag(tag: str) -> str:
    return "-".join(tag.lower().split())


def query_terms(text: str) -> list[tuple[str, ...]]:
    """A user's query as words and "quoted phrases" (tuples of words); syntax is dropped."""
    text = clean(text, MAX_QUERY_CHARS)
    terms: list[tuple[str, ...]] = []
    for i, part in enumerate(_PHRASE.split(text)):
        words = tuple(_WORD.findall(part))
        if i % 2:  # inside quotes
            terms.extend([words] if words else [])
        else:
            terms.extend((w,) for w in words)
    return terms[:MAX_TERMS]


def typed_words(title: str) -> tuple[list[str], str | None]:
    """Whole words worth matching, and the word still being typed (a prefix), if any."""
    text = clean(title, MAX_QUERY_CHARS)
    words = _WORD.findall(text)
    prefix = None
    if words and _WORD.match(text[-1:] or " "):
        prefix = words.pop()
    whole = [w for w in words if len(w) > 1 and w.lower() not in COMMON_WORDS]
    if prefix is not None and len(prefix) < 2:  # one letter would match half the index
        prefix = None
    return whole[-MAX_TERMS:], prefix


def enough_letters(title: str) -> bool:
    return sum(len(w) for w in _WORD.findall(title[:MAX_QUERY_CHARS])) >= 3


def marked_html(text: str) -> str:
    """Safe HTML from text with sentinel marks: everything escaped, marks balanced."""
    out: list[str] = []
    inside = False
    for part in _MARKS.split(text):
        if part == MARK_START:
            out.append("" if inside else "<mark>")
            inside = True
        elif part == MARK_STOP:
            out.append("</mark>" if inside else "")
            inside = False
        else:
            out.append(html.escape(part))
    if inside:
        out.append("</mark>")
    return "".join(out).replace("<mark></mark>", "")
