"""RSS 2.0 and Atom 1.0 feeds (blogs, news sites, forums) polled for mentions of the brand.

Feeds come from servers nobody at the brand controls, so parsing is defensive: a size cap,
no DOCTYPE or entity declarations (the "billion laughs" expansion and external entities
both need one), HTML reduced to plain text, and every failure a `FeedError` with a message
an admin can act on. Polling is conditional (ETag / Last-Modified) so an unchanged feed
costs one 304.
"""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser
from typing import Literal
from urllib.parse import urljoin, urlsplit
from xml.parsers import expat

import httpx
from pydantic import ValidationError

from care.connectors.errors import describe
from care.schemas import AuthorIn, MentionIn
from hearth import clock

__all__ = ["MAX_FEED_BYTES", "FeedError", "FetchResult", "fetch", "parse"]

MAX_FEED_BYTES = 5 * 1024 * 1024
_TEXT_LIMIT = 20_000  # MentionIn.text's max_length: long articles are cut, not refused
_HANDLE_LIMIT = 100  # AuthorIn.handle's max_length

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What a reader never sees, and what sets a paragraph apart when HTML becomes plain text.
_SKIPPED_TAGS = {"script", "style", "template", "noscript"}
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "section", "article", "ul", "ol", "table", "hr", "figure"}


class FeedError(ValueError):
    """A feed that cannot be fetched or read; the message says why."""


@dataclass(frozen=True)
class FetchResult:
    status: Literal["ok", "not_modified"]
    mentions: list[MentionIn]
    etag: str | None
    last_modified: str | None


async def fetch(url: str, *, etag: str | None, last_modified: str | None, client: httpx.AsyncClient,
                timeout: float = 10.0, news: bool = True) -> FetchResult:
    """One conditional poll: the feed's items, or `not_modified` when the server says 304."""
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        # httpx's timeout is per read; the outer one also stops a server dripping bytes forever.
        async with asyncio.timeout(timeout):
            async with client.stream("GET", url, headers=headers, timeout=timeout,
                                     follow_redirects=True) as response:
                if response.status_code == 304:
                    return FetchResult("not_modified", [], response.headers.get("ETag", etag),
                                       response.headers.get("Last-Modified", last_modified))
                if not response.is_success:
                    raise FeedError(f"{url} answered HTTP {response.status_code}")
                body = await _read_capped(response, url)
    except (TimeoutError, httpx.TimeoutException):
        raise FeedError(f"{url} did not answer within {timeout:g} seconds") from None
    except httpx.HTTPError as error:
        raise FeedError(f"{url} could not be fetched: {str(error) or type(error).__name__}") from None
    return FetchResult("ok", parse(body, str(response.url), news=news), response.headers.get("ETag"),
                       response.headers.get("Last-Modified"))


async def _read_capped(response: httpx.Response, url: str) -> bytes:
    too_big = FeedError(f"{url} is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_FEED_BYTES:
        raise too_big
    body = bytearray()
    # Content-Length can be absent or lie (and counts compressed bytes): count what arrives.
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > MAX_FEED_BYTES:
            raise too_big
    return bytes(body)


def parse(content: bytes, feed_url: str, *, news: bool = True) -> list[MentionIn]:
    """The items of an RSS 2.0 or Atom 1.0 document; `news` marks them as press, not people."""
    root = _parse_xml(content)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError("RSS document has no <channel>")
        return _rss(channel, feed_url, news)
    if root.tag == f"{_ATOM}feed":
        return _atom(root, feed_url, news)
    raise FeedError(f"not an RSS 2.0 or Atom 1.0 feed: the document is a <{_local(root.tag)}>")


def _parse_xml(content: bytes) -> ET.Element:
    if len(content) > MAX_FEED_BYTES:
        raise FeedError(f"feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    _refuse_declarations(content)
    try:
        return ET.fromstring(content)
    except ET.ParseError as error:
        raise FeedError(f"feed is not well-formed XML: {error}") from None


def _refuse_declarations(content: bytes) -> None:
    # A first pass with expat itself: a text search for "<!DOCTYPE" would miss UTF-16 documents.
    def refuse(*_: object) -> None:
        raise FeedError("feed declares a DOCTYPE or entities, which feeds never need; refused")

    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = refuse
    scanner.EntityDeclHandler = refuse
    try:
        scanner.Parse(content, True)
    except expat.ExpatError as error:
        raise FeedError(f"feed is not well-formed XML: {error}") from None


def _rss(channel: ET.Element, feed_url: str, news: bool) -> list[MentionIn]:
    feed_title = _plain(channel.findtext("title"))
    fallback_time = _rfc822(channel.findtext("lastBuildDate")) or _rfc822(channel.findtext("pubDate"))
    language = _language(channel.findtext("language"))
    mentions = []
    for item in channel.findall("item"):
        link = _text(item.find("link"))
        guid = item.find("guid")
        external_id = _text(guid) or link
        if not external_id:
            continue  # nothing to recognise it by on the next poll: it would come back as new
        if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
            link = external_id
        mentions.append(_mention(
            feed_url, news, external_id=external_id,
            title=_plain(item.findtext("title")),
            body=_plain(item.findtext(_CONTENT) or item.findtext("description")),
            author=_rss_author(item) or feed_title,
            created_at=_rfc822(item.findtext("pubDate")) or fallback_time,
            link=link, language=language,
        ))
    return mentions


def _rss_author(item: ET.Element) -> str:
    creator = _text(item.find(_DC_CREATOR))
    if creator:
        return creator
    # RSS's <author> is an address, usually "jane@example.com (Jane Doe)".
    name, address = parseaddr(_text(item.find("author")))
    return name or address


def _atom(feed: ET.Element, feed_url: str, news: bool) -> list[MentionIn]:
    feed_title = _atom_text(feed.find(f"{_ATOM}title"))
    feed_author = _atom_author(feed)
    fallback_time = _rfc3339(feed.findtext(f"{_ATOM}updated"))
    mentions = []
    for entry in feed.findall(f"{_ATOM}entry"):
        link = _atom_link(entry)
        external_id = _text(entry.find(f"{_ATOM}id")) or link
        if not external_id:
            continue  # nothing to recognise it by on the next poll: it would come back as new
        content = entry.find(f"{_ATOM}content")
        if content is None or content.get("src"):
            content = entry.find(f"{_ATOM}summary")
        mentions.append(_mention(
            feed_url, news, external_id=external_id,
            title=_atom_text(entry.find(f"{_ATOM}title")),
            body=_atom_text(content),
            author=_atom_author(entry) or feed_author or feed_title,
            created_at=(_rfc3339(entry.findtext(f"{_ATOM}published"))
                        or _rfc3339(entry.findtext(f"{_ATOM}updated")) or fallback_time),
            link=link, language=_language(entry.get(_XML_LANG) or feed.get(_XML_LANG)),
        ))
    return mentions


def _atom_link(entry: ET.Element) -> str:
    for link in entry.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "").strip()
    return ""


def _atom_author(element: ET.Element) -> str:
    return _text(element.find(f"{_ATOM}author/{_ATOM}name"))


def _atom_text(element: ET.Element | None) -> str:
    """An Atom text construct: plain text, escaped HTML, or inline XHTML."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        return _collapse(_xhtml_text(element))
    if kind == "html":
        return _plain(element.text)
    return _collapse(element.text or "")


def _xhtml_text(element: ET.Element) -> str:
    # Inline XHTML is already a tree: walk it (with a stack, so deep nesting cannot exhaust
    # recursion) rather than serialise it and parse it again as HTML.
    parts: list[str] = []
    pending: list[ET.Element | str] = list(reversed(element))
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = _local(node.tag)
        pending.append(node.tail or "")
        if tag in _SKIPPED_TAGS:
            continue
        edge = "\n" if tag in _BLOCK_TAGS else ""
        if tag == "br":
            parts.append("\n")
        pending.append(edge)
        pending.extend(reversed(node))
        parts += [edge, node.text or ""]
    return "".join(parts)


def _mention(feed_url: str, news: bool, *, external_id: str, title: str, body: str, author: str,
             created_at: datetime | None, link: str, language: str | None) -> MentionIn:
    # Feeds often repeat the title as the first line of the body.
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}".strip()
    handle = (author or urlsplit(feed_url).hostname or feed_url)[:_HANDLE_LIMIT]
    try:
        return MentionIn(
            external_id=external_id,
            text=text[:_TEXT_LIMIT],
            author=AuthorIn(handle=handle, name=author or None),
            created_at=created_at or clock.now(),
            url=urljoin(feed_url, link) if link else None,
            language=language,
            is_news=news,
        )
    except ValidationError as error:
        raise FeedError(f"feed item {external_id!r}: {describe(error)}") from None


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _rfc822(value: str | None) -> datetime | None:
    # One odd date must not lose the item: it falls back to the feed's date, then to now.
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rfc3339(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _language(value: str | None) -> str | None:
    # "en-us", "nl-BE" → the language alone, which is what the text analysis speaks.
    primary = (value or "").strip().split("-")[0].lower()
    return primary if primary.isalpha() and len(primary) <= 8 else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS or tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _plain(html: str | None) -> str:
    """HTML as the text a reader sees: tags gone, entities decoded, paragraphs kept apart."""
    if not html:
        return ""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return _collapse("".join(parser.parts))


def _collapse(text: str) -> str:
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
