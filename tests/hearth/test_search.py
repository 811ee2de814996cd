"""Search: the SQL backend on SQLite and PostgreSQL, and Meilisearch when one is reachable."""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from hearth import search
from hearth.cli import app
from hearth.db import Database
from hearth.search import SearchBackend, SearchDocument, SearchQuery
from hearth.search.models import IndexedDocument
from hearth.search.sql import SqlSearchBackend

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def doc(ref_id: int, title: str, body: str, language: str | None = "en", *, category_id: int | None = None,
        tags: tuple[str, ...] = (), solved: bool | None = None, kind: str = "thread") -> SearchDocument:
    return SearchDocument(kind=kind, ref_id=ref_id, title=title, body=body, language=language,
                          category_id=category_id, tags=tags, solved=solved,
                          created_at=START + timedelta(days=ref_id), url=f"/{kind}s/{ref_id}")


CORPUS = [
    doc(1, "Card blocked abroad", "My Visa debit card was blocked while travelling in Spain. How do I fix it?",
        category_id=1, tags=("Cards", "travel"), solved=True),
    doc(2, "Mijn kaart is geblokkeerd in het buitenland",
        "Sinds gisteren werkt mijn Visa-kaart niet meer in Frankrijk.", "nl", category_id=1, tags=("cards",),
        solved=False),
    doc(3, "Ma carte est bloquée à l'étranger", "Ma carte Visa est bloquée depuis mon arrivée en Italie.", "fr",
        category_id=1, tags=("cards", "travel")),
    doc(4, "Kaartlezer werkt niet", "De kaartlezer geeft een foutmelding bij het inloggen.", "nl",
        category_id=2, tags=("digipass",), solved=True),
    doc(5, "Virement instantané refusé", "Mon virement instantané vers un autre compte a été refusé.", "fr",
        category_id=3, tags=("transfers",), solved=False),
    doc(6, "Mortgage interest rate going up?", "Will the interest rate on my fixed mortgage change at renewal?",
        category_id=4, tags=("mortgage",)),
    doc(7, "Hypotheekrente vergelijken", "Hoe vergelijk ik de hypotheekrente met die van andere banken?", "nl",
        category_id=4, tags=("mortgage",)),
    doc(8, "Savings account interest", "Which savings account gives the best interest for children?",
        category_id=5, tags=("savings",), solved=True),
    doc(9, "Phishing e-mail <script>alert(1)</script>",
        "I received <script>alert(1)</script> in a mail & it claims to be from the bank.", None,
        category_id=6, tags=("security",)),
]


@pytest.fixture
def backend() -> SearchBackend:
    return SqlSearchBackend()


@pytest.fixture
async def indexed(session: AsyncSession, backend: SearchBackend) -> SearchBackend:
    await backend.index(session, CORPUS)
    return backend


async def refs(backend: SearchBackend, session: AsyncSession, text: str, **filters: object) -> list[int]:
    results = await backend.search(session, SearchQuery(text, **filters))  # type: ignore[arg-type]
    return [hit.ref_id for hit in results.hits]


async def test_words_match_across_case_and_accents(indexed: SearchBackend, session: AsyncSession) -> None:
    assert await refs(indexed, session, "bloquee") == [3]
    assert await refs(indexed, session, "BLOQUÉE") == [3]
    assert await refs(indexed, session, "geblokkeerd") == [2]
    assert await refs(indexed, session, "virement instantane") == [5]
    assert await refs(indexed, session, "KAARTLEZER") == [4]


async def test_stemming_on_postgresql_only(indexed: SearchBackend, session: AsyncSession,
                                          database: Database) -> None:
    stemmed = database.dialect == "postgresql"
    assert await refs(indexed, session, "blocking") == ([1] if stemmed else [])
    assert await refs(indexed, session, "mortgages") == ([6] if stemmed else [])
    assert await refs(indexed, session, "blocked") == [1]


async def test_phrases_keep_their_word_order(indexed: SearchBackend, session: AsyncSession) -> None:
    assert await refs(indexed, session, '"card blocked" abroad') == [1]
    assert await refs(indexed, session, '"blocked card"') == []


async def test_every_word_must_match(indexed: SearchBackend, session: AsyncSession) -> None:
    assert await refs(indexed, session, "interest savings") == [8]
    assert sorted(await refs(indexed, session, "interest")) == [6, 8]


async def test_title_matches_rank_above_body_matches(session: AsyncSession, backend: SearchBackend) -> None:
    await backend.index(session, [doc(1, "Pension questions", "I also wonder about my overdraft limit here."),
                                  doc(2, "Overdraft limit", "Can I raise it online?")])
    assert await refs(backend, session, "overdraft") == [2, 1]


async def test_filters(indexed: SearchBackend, session: AsyncSession) -> None:
    assert sorted(await refs(indexed, session, "visa")) == [1, 2, 3]
    assert await refs(indexed, session, "visa", language="nl") == [2]
    assert sorted(await refs(indexed, session, "visa", category_id=1)) == [1, 2, 3]
    assert await refs(indexed, session, "visa", category_id=2) == []
    assert sorted(await refs(indexed, session, "visa", tag="travel")) == [1, 3]
    assert sorted(await refs(indexed, session, "visa", tag="CARDS")) == [1, 2, 3]
    assert await refs(indexed, session, "visa", tag="card") == []  # whole tags only
    assert await refs(indexed, session, "visa", tag="100%") == []
    assert await refs(indexed, session, "visa", solved=True) == [1]
    assert await refs(indexed, session, "visa", solved=False) == [2]
    assert await refs(indexed, session, "visa", tag="travel", language="fr") == [3]
    assert await refs(indexed, session, "visa", kind="idea") == []


async def test_sort_newest_and_pages(session: AsyncSession, backend: SearchBackend) -> None:
    await backend.index(session, [doc(n, f"Loan question {n}", "About my car loan.") for n in range(1, 26)])
    first = await backend.search(session, SearchQuery("loan", sort="newest", per_page=10))
    assert [hit.ref_id for hit in first.hits] == list(range(25, 15, -1))
    assert (first.total, first.pages, first.total_capped) == (25, 3, False)
    last = await backend.search(session, SearchQuery("loan", sort="newest", per_page=10, page=3))
    assert [hit.ref_id for hit in last.hits] == [5, 4, 3, 2, 1] and last.total == 25
    beyond = await backend.search(session, SearchQuery("loan", per_page=10, page=4))
    assert beyond.hits == [] and beyond.total == 25
    seen = []
    for page in (1, 2, 3):
        results = await backend.search(session, SearchQuery("loan", per_page=10, page=page))
        seen += [hit.ref_id for hit in results.hits]
    assert sorted(seen) == list(range(1, 26))


async def test_total_stops_counting_at_the_cap(session: AsyncSession, backend: SearchBackend,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hearth.search.sql.TOTAL_CAP", 10)
    await backend.index(session, [doc(n, f"Loan question {n}", "About my loan.") for n in range(1, 16)])
    results = await backend.search(session, SearchQuery("loan", per_page=5))
    assert (len(results.hits), results.total, results.total_capped) == (5, 10, True)
    last = await backend.search(session, SearchQuery("loan", per_page=4, page=3))
    assert (len(last.hits), last.total) == (2, 10)  # hits past the cap are not served
    beyond = await backend.search(session, SearchQuery("loan", per_page=5, page=3))
    assert (beyond.hits, beyond.total, beyond.total_capped) == ([], 10, True)


async def test_indexing_again_replaces(indexed: SearchBackend, session: AsyncSession) -> None:
    await indexed.index(session, [replace(CORPUS[0], title="Contactless limit", body="How high can it go?")])
    await indexed.index(session, [replace(CORPUS[0], title="Contactless limit", body="How high can it go?")])
    assert await refs(indexed, session, "abroad") == []
    assert await refs(indexed, session, "contactless") == [1]
    assert sorted(await refs(indexed, session, "visa")) == [2, 3]
    count = await session.scalar(select(func.count()).select_from(IndexedDocument))
    assert count == len(CORPUS)


async def test_delete_and_clear(indexed: SearchBackend, session: AsyncSession) -> None:
    await indexed.index(session, [doc(3, "Idea: block cards abroad by default", "Safer.", kind="idea")])
    await indexed.delete(session, "thread", [3, 404])
    assert await refs(indexed, session, "bloquee") == []
    assert await refs(indexed, session, "abroad", kind="idea") == [3]
    await indexed.clear(session, "idea")
    assert await refs(indexed, session, "abroad", kind="idea") == []
    assert await refs(indexed, session, "abroad") == [1]
    await indexed.clear(session)
    assert await refs(indexed, session, "abroad") == []


async def test_highlights_are_escaped_html(indexed: SearchBackend, session: AsyncSession) -> None:
    results = await indexed.search(session, SearchQuery("alert"))
    [hit] = results.hits
    for html in (hit.title_html, hit.snippet_html):
        assert "<script" not in html and "&lt;script&gt;" in html
        assert re.findall(r"<[^>]*>", html) == ["<mark>", "</mark>"] * html.count("<mark>")
        assert "<mark>alert</mark>" in html
    assert "&amp;" in hit.snippet_html
    assert hit.url == "/threads/9" and hit.solved is None and hit.created_at == CORPUS[8].created_at


async def test_stored_text_cannot_forge_marks(session: AsyncSession, backend: SearchBackend) -> None:
    await backend.index(session, [doc(1, "Sneaky \x02title\x03 here", "body \x02with\x03 marks\x00")])
    [hit] = (await backend.search(session, SearchQuery("sneaky"))).hits
    assert " ".join(hit.title_html.split()) == "<mark>Sneaky</mark> title here"
    assert "<mark>" not in hit.snippet_html


@pytest.mark.parametrize("text", [
    '"unbalanced', "AND OR NOT", "*", "-", ":", "NEAR(", "title:x", "')) OR 1=1 --", "\\", "\x00",
    "card -blocked", "card OR kaart", "^card", "card*", "{title}: card", "🎉🎉", "", "   ", "card " * 1000,
])
async def test_hostile_queries_never_raise(indexed: SearchBackend, session: AsyncSession, text: str) -> None:
    results = await indexed.search(session, SearchQuery(text))
    assert results.total == len(results.hits) <= len(CORPUS)
    assert {hit.ref_id for hit in results.hits} <= {d.ref_id for d in CORPUS}
    if not re.search(r"[^\W_]", text):
        assert results.hits == []
    if len(text) > 1000:  # cut to its first words
        assert [hit.ref_id for hit in results.hits] == [1]


async def test_query_and_document_validation() -> None:
    with pytest.raises(ValueError):
        SearchQuery("x", page=0)
    with pytest.raises(ValueError):
        SearchQuery("x", per_page=101)
    with pytest.raises(ValueError):  # kinds are single words: "care" must not match "care_item"
        SearchQuery("x", kind="care_item")
    with pytest.raises(ValueError):
        doc(1, "Title", "Body", kind="Thread")


async def test_similar_matches_the_title_being_typed(indexed: SearchBackend, session: AsyncSession) -> None:
    hits = await indexed.similar(session, "thread", "card blo")
    assert hits[0].ref_id == 1 and hits[0].title_html.startswith("<mark>Card</mark> <mark>blocked</mark>")
    assert hits[0].snippet_html == ""
    assert (await indexed.similar(session, "thread", "Mijn kaart is geblok"))[0].ref_id == 2
    assert (await indexed.similar(session, "thread", "How is the interest on my savings"))[0].ref_id == 8
    assert len(await indexed.similar(session, "thread", "interest", limit=1)) == 1
    assert await indexed.similar(session, "thread", "ca") == []
    assert await indexed.similar(session, "thread", "") == []
    assert await indexed.similar(session, "thread", "how do I") == []
    assert await indexed.similar(session, "idea", "card blo") == []


async def test_backend_follows_the_settings() -> None:
    search.set_backend(None)
    try:
        assert isinstance(search.backend(), SqlSearchBackend)
        fake = SqlSearchBackend()
        search.set_backend(fake)
        assert search.backend() is fake
    finally:
        search.set_backend(None)


@pytest.fixture
def fake_source() -> Iterator[list[SearchDocument]]:
    """A registered source of 1,201 FAQ entries, read one batch per query as a domain would."""
    docs = [doc(n, f"Question {n} about pensions", "Body.", kind="faq") for n in range(1, 1202)]

    async def count(session: AsyncSession) -> int:
        return len(docs)

    async def batches(session: AsyncSession, size: int) -> AsyncIterator[list[SearchDocument]]:
        for start in range(0, len(docs), size):
            await session.execute(select(1))  # a real source queries here
            yield docs[start:start + size]

    search.register_source("faq", count, batches)
    search.set_backend(SqlSearchBackend())
    yield docs
    search.unregister_source("faq")
    search.set_backend(None)


async def test_reindex_rebuilds_from_scratch(database: Database, fake_source: list[SearchDocument]) -> None:
    async with database.sessionmaker() as session:
        await search.backend().index(session, [doc(5000, "Stale pensions question", "Gone.", kind="faq"),
                                               doc(5001, "A thread about pensions", "Stays.")])
        await session.commit()
    reports: list[tuple[str, int, int]] = []
    done = await search.reindex(database, lambda *report: reports.append(report), kinds=["faq"])
    assert done == {"faq": 1201}
    assert reports[0] == ("faq", 0, 1201) and reports[-1] == ("faq", 1201, 1201) and len(reports) == 4
    async with database.sessionmaker() as session:
        results = await search.backend().search(session, SearchQuery("pensions", kind="faq", per_page=50))
        assert results.total == 1000 and results.total_capped
        assert await refs(search.backend(), session, "stale", kind="faq") == []
        assert await refs(search.backend(), session, "question 1201", kind="faq") == [1201]
        assert await refs(search.backend(), session, "pensions") == [5001]  # other kinds untouched


async def test_reindex_command(database: Database, fake_source: list[SearchDocument]) -> None:
    args = ["reindex", "--kind", "faq", "--batch-size", "600"]
    result = await asyncio.to_thread(CliRunner().invoke, app, args)
    assert result.exit_code == 0, result.output
    assert "Reindexed: 1201 faq" in result.output
    async with database.sessionmaker() as session:
        assert await refs(search.backend(), session, "question 7", kind="faq") == [7]


# Meilisearch cannot run here; point HEARTH_TEST_MEILI_URL at a server to run these.
# (conftest.py removes HEARTH_MEILI_URL so that the rest of the suite uses the SQL backend.)
MEILI_URL = os.environ.get("HEARTH_TEST_MEILI_URL")
MEILI_KIND = f"t{uuid.uuid4().hex[:10]}"  # a fresh index per run: never touch real data


@pytest.fixture
async def meili() -> AsyncIterator[SearchBackend]:
    if not MEILI_URL:
        pytest.skip("Meilisearch tests need HEARTH_TEST_MEILI_URL (HEARTH_MEILI_URL is unset in tests)")
    from hearth.search.meili import MeiliSearchBackend

    backend = MeiliSearchBackend(MEILI_URL, os.environ.get("HEARTH_TEST_MEILI_KEY"), wait=True)
    yield backend
    await asyncio.to_thread(backend.client.index(f"hearth_{MEILI_KIND}s").delete)


def meili_corpus() -> list[SearchDocument]:
    return [replace(d, kind=MEILI_KIND) for d in CORPUS]


async def test_meili_index_search_and_filters(meili: SearchBackend, session: AsyncSession) -> None:
    await meili.index(session, meili_corpus())

    async def found(text: str, **filters: object) -> list[int]:
        return await refs(meili, session, text, kind=MEILI_KIND, **filters)

    assert await found("bloquee") == [3]
    assert sorted(await found("visa")) == [1, 2, 3]
    assert await found("visa", language="nl") == [2]
    assert sorted(await found("visa", tag="travel")) == [1, 3]
    assert await found("visa", solved=True) == [1]
    assert await found("visa", category_id=2) == []
    assert await found('"card blocked"') == [1]
    newest = await meili.search(session, SearchQuery("visa", kind=MEILI_KIND, sort="newest", per_page=2))
    assert [h.ref_id for h in newest.hits] == [3, 2] and newest.total == 3
    [hit] = (await meili.search(session, SearchQuery("alert", kind=MEILI_KIND))).hits
    assert "<script" not in hit.title_html and "<mark>alert</mark>" in hit.title_html
    for text in ('"unbalanced', "')) OR 1=1 --", "", "🎉", "card " * 1000):
        await meili.search(session, SearchQuery(text, kind=MEILI_KIND))


async def test_meili_similar_upsert_and_delete(meili: SearchBackend, session: AsyncSession) -> None:
    await meili.index(session, meili_corpus())
    assert (await meili.similar(session, MEILI_KIND, "card blo"))[0].ref_id == 1
    assert len(await meili.similar(session, MEILI_KIND, "interest", limit=1)) == 1
    assert await meili.similar(session, MEILI_KIND, "ca") == []
    await meili.index(session, [replace(meili_corpus()[0], title="Contactless limit", body="How high?")])
    assert await refs(meili, session, "abroad", kind=MEILI_KIND) == []
    await meili.delete(session, MEILI_KIND, [3])
    assert await refs(meili, session, "bloquee", kind=MEILI_KIND) == []
    await meili.clear(session, MEILI_KIND)
    assert await refs(meili, session, "visa", kind=MEILI_KIND) == []
