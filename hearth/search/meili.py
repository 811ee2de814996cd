"""Meilisearch behind the same interface, for installations that outgrow the database's search.

One index per kind (`hearth_threads`, …), primary key = ref_id. The official client is
synchronous, so every call runs in a thread. Meilisearch applies writes asynchronously:
the session argument is ignored, and an index update is not part of the caller's
transaction (a reindex repairs what a crash loses). `wait=True` (tests) waits for each task.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import meilisearch
from meilisearch.index import Index
from meilisearch.models.task import TaskInfo
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

T = TypeVar("T")

INDEX_PREFIX = "hearth_"
SETTINGS: dict[str, Any] = {
    "searchableAttributes": ["title", "body"],  # in this order: a title match ranks higher
    "filterableAttributes": ["category_id", "tags", "solved", "language"],
    "sortableAttributes": ["created_at"],
}
_HIGHLIGHT = {"highlightPreTag": MARK_START, "highlightPostTag": MARK_STOP, "showRankingScore": True}


class MeiliSearchBackend:
    def __init__(self, url: str, api_key: str | None = None, *, wait: bool = False,
                 timeout_ms: int = 30_000) -> None:
        self.client = meilisearch.Client(url, api_key, timeout=10)
        self.wait = wait
        self.timeout_ms = timeout_ms
        self._configured: set[str] = set()

    async def index(self, session: AsyncSession, docs: Sequence[SearchDocument]) -> None:
        by_kind: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        for doc in docs:
            by_kind[doc.kind][doc.ref_id] = _document(doc)
        for kind, documents in by_kind.items():
            index = await self._index(kind)
            await self._settle(await _call(index.add_documents, list(documents.values()), "id"))

    async def delete(self, session: AsyncSession, kind: str, ref_ids: Sequence[int]) -> None:
        if ref_ids:
            index = await self._index(kind)
            await self._settle(await _call(index.delete_documents, list(ref_ids)))

    async def clear(self, session: AsyncSession, kind: str | None = None) -> None:
        names = [index_name(kind)] if kind else await self._index_names()
        for name in names:
            await self._settle(await _call(self.client.index(name).delete_all_documents))

    async def search(self, session: AsyncSession, query: SearchQuery) -> SearchResults:
        terms = query_terms(query.text)
        if not terms:
            return empty_results(query)
        text = " ".join(f'"{" ".join(words)}"' if len(words) > 1 else words[0] for words in terms)
        params: dict[str, Any] = {
            **_HIGHLIGHT, "filter": _filter(query), "page": query.page, "hitsPerPage": query.per_page,
            "attributesToHighlight": ["title", "body"], "attributesToCrop": ["body"], "cropLength": 30,
            "cropMarker": "…", "matchingStrategy": "all",  # every word, as the SQL backend does
        }
        if query.sort == "newest":
            params["sort"] = ["created_at:desc"]
        index = await self._index(query.kind)
        found = await _call(index.search, text, params)
        hits = [_hit(query.kind, hit, snippets=True) for hit in found["hits"]]
        total = int(found.get("totalHits", len(hits)))
        # Meilisearch stops counting at maxTotalHits (1,000 by default), like the SQL backend.
        return SearchResults(hits, min(total, TOTAL_CAP), query.page, query.per_page,
                             total_capped=total >= TOTAL_CAP)

    async def similar(self, session: AsyncSession, kind: str, title: str, limit: int = 5) -> list[SearchHit]:
        words, prefix = typed_words(title)
        if not enough_letters(title) or not (words or prefix):
            return []
        # Meilisearch treats the query's last word as a prefix by itself.
        text = " ".join(words + ([prefix] if prefix else []))
        params = {**_HIGHLIGHT, "attributesToSearchOn": ["title"], "attributesToHighlight": ["title"],
                  "limit": max(1, min(limit, MAX_PER_PAGE)), "matchingStrategy": "frequency"}
        index = await self._index(kind)
        found = await _call(index.search, text, params)
        return [_hit(kind, hit, snippets=False) for hit in found["hits"]]

    async def _index(self, kind: str) -> Index:
        name = index_name(kind)
        index = self.client.index(name)
        if name not in self._configured:
            # Always waited for: a filter on an attribute not yet filterable is an error.
            task = await _call(index.update_settings, SETTINGS)
            await self._wait(task)
            self._configured.add(name)
        return index

    async def _index_names(self) -> list[str]:
        found = await _call(self.client.get_indexes, {"limit": 1000})
        return [index.uid for index in found["results"] if index.uid.startswith(INDEX_PREFIX)]

    async def _settle(self, task: TaskInfo) -> None:
        if self.wait:
            await self._wait(task)

    async def _wait(self, task: TaskInfo) -> None:
        done = await _call(self.client.wait_for_task, task.task_uid, self.timeout_ms)
        if done.status != "succeeded":
            raise RuntimeError(f"Meilisearch task {done.uid} {done.status}: {done.error}")


def index_name(kind: str) -> str:
    return f"{INDEX_PREFIX}{kind}s"


async def _call(func: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(func, *args)


def _document(doc: SearchDocument) -> dict[str, Any]:
    return {"id": doc.ref_id, "title": clean(doc.title, 1000), "body": clean(doc.body, MAX_BODY_CHARS),
            "language": doc.language, "category_id": doc.category_id,
            "tags": sorted({normalise_tag(tag) for tag in doc.tags} - {""}), "solved": doc.solved,
            "created_at": doc.created_at.timestamp(), "url": doc.url}


def _filter(query: SearchQuery) -> list[str]:
    where = []
    if query.category_id is not None:
        where.append(f"category_id = {int(query.category_id)}")
    if query.tag and (tag := normalise_tag(query.tag)):
        where.append(f"tags = {_quoted(tag)}")
    if query.solved is not None:
        where.append(f"solved = {'true' if query.solved else 'false'}")
    if query.language:
        where.append(f"language = {_quoted(query.language)}")
    return where  # a list is AND-ed


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hit(kind: str, hit: dict[str, Any], *, snippets: bool) -> SearchHit:
    formatted = hit.get("_formatted", {})
    return SearchHit(kind=kind, ref_id=int(hit["id"]), title_html=marked_html(formatted.get("title", hit["title"])),
                     snippet_html=marked_html(formatted.get("body", "")) if snippets else "",
                     url=hit["url"], language=hit.get("language"), solved=hit.get("solved"),
                     created_at=datetime.fromtimestamp(hit["created_at"], UTC),
                     score=float(hit.get("_rankingScore", 0.0)))
