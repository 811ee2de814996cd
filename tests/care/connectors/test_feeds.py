"""Feeds: recorded RSS and Atom, hostile XML, and conditional polling over a mock transport."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from care.connectors import feeds
from care.connectors.feeds import MAX_FEED_BYTES, FeedError
from hearth.clock import FrozenClock

PAYLOADS = Path(__file__).parent.parent / "payloads"
RSS = (PAYLOADS / "rss.xml").read_bytes()
ATOM = (PAYLOADS / "atom.xml").read_bytes()
RSS_URL = "https://www.geldnieuws.example/feed/"
ATOM_URL = "https://sophie.example/atom.xml"
CET = timezone(timedelta(hours=1))


def rss_item(inner: str, channel: str = "<title>Site</title>") -> bytes:
    return f'<rss version="2.0"><channel>{channel}<item>{inner}</item></channel></rss>'.encode()


# RSS


def test_rss_items_become_mentions() -> None:
    mentions = feeds.parse(RSS, RSS_URL)
    assert [m.external_id for m in mentions] == [
        "https://www.geldnieuws.example/?p=48213",
        "https://www.geldnieuws.example/2025/03/03/spaarrente/",
        "https://www.geldnieuws.example/2025/03/02/column-cash/",
    ]  # the fourth item has neither guid nor link
    outage = mentions[0]
    assert outage.text == (
        "Storing bij Hearth Mobile: klanten kunnen niet inloggen\n\n"
        "Sinds dinsdagochtend kunnen veel klanten van Hearth niet inloggen in de app.\n\n"
        'De bank "werkt aan een oplossing" en vraagt klanten geduld te hebben.\n'
        "Betalen met de kaart blijft mogelijk.")
    assert (outage.author.handle, outage.author.name) == ("Lotte Verbeke", "Lotte Verbeke")
    assert outage.created_at == datetime(2025, 3, 4, 9, 45, tzinfo=UTC)
    assert outage.url == "https://www.geldnieuws.example/2025/03/04/storing-hearth-mobile/"
    assert outage.language == "nl"
    assert outage.is_news
    assert (outage.parent_external_id, outage.conversation_external_id) == (None, None)


def test_rss_author_address_escaped_html_and_gmt() -> None:
    rates = feeds.parse(RSS, RSS_URL)[1]
    assert rates.author.handle == "Pieter Claes"
    assert rates.text == ("Ember Bank & Oak Bank verhogen spaarrente\n\n"
                          "Twee banken verhogen vanaf 1 april hun getrouwheidspremie.")
    assert rates.created_at == datetime(2025, 3, 3, 16, 20, tzinfo=UTC)


def test_rss_item_without_author_or_valid_date_falls_back_to_the_channel() -> None:
    column = feeds.parse(RSS, RSS_URL)[2]
    assert column.author.handle == "Geldnieuws"
    assert column.created_at == datetime(2025, 3, 4, 11, 2, tzinfo=CET)  # lastBuildDate


def test_a_guid_that_is_a_permalink_is_the_url() -> None:
    [mention] = feeds.parse(rss_item("<guid>https://site.example/a</guid><title>A</title>"), RSS_URL)
    assert mention.url == "https://site.example/a"
    [opaque] = feeds.parse(rss_item('<guid isPermaLink="false">p-1</guid><title>A</title>'), RSS_URL)
    assert (opaque.external_id, opaque.url) == ("p-1", None)


def test_news_can_be_switched_off() -> None:
    assert not any(m.is_news for m in feeds.parse(RSS, RSS_URL, news=False))


def test_without_any_date_the_clock_decides(frozen_clock: FrozenClock) -> None:
    [mention] = feeds.parse(rss_item("<guid>g</guid><title>t</title>"), RSS_URL)
    assert mention.created_at == frozen_clock.now()


def test_without_author_or_title_the_site_is_the_author() -> None:
    [mention] = feeds.parse(rss_item("<guid>g</guid>", channel=""), RSS_URL)
    assert mention.author.handle == "www.geldnieuws.example"


def test_scripts_styles_and_entities_in_html() -> None:
    html = ("&lt;style&gt;p{color:red}&lt;/style&gt;&lt;p&gt;Caf&amp;eacute; &amp;amp; "
            "bank&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;ul&gt;&lt;li&gt;one&lt;li&gt;two&lt;/ul&gt;")
    [mention] = feeds.parse(rss_item(f"<guid>g</guid><description>{html}</description>"), RSS_URL)
    assert mention.text == "Café & bank\n\none\ntwo"


def test_a_very_long_article_is_cut_to_the_mention_limit() -> None:
    [mention] = feeds.parse(rss_item(f"<guid>g</guid><description>{'woord ' * 10_000}</description>"), RSS_URL)
    assert len(mention.text) == 20_000


def test_rss_in_a_legacy_encoding() -> None:
    content = ('<?xml version="1.0" encoding="windows-1252"?>'
               '<rss version="2.0"><channel><title>Bank</title><item><guid>g</guid>'
               '<title>Frais bancaires : 5 € par mois</title></item></channel></rss>').encode("cp1252")
    assert feeds.parse(content, RSS_URL)[0].text == "Frais bancaires : 5 € par mois"


# Atom


def test_atom_entries_become_mentions() -> None:
    review, expats, short = feeds.parse(ATOM, ATOM_URL)
    assert review.external_id == "tag:sophie.example,2025-03-04:/avis-hearth-mobile"
    assert review.text == ("Mon avis sur l'appli Hearth Mobile\n\nTrois pannes en un mois, dont une ce matin.\n\n"
                           "Le service client a répondu en 20 minutes.")  # &nbsp; too
    assert review.url == "https://sophie.example/2025/03/avis-hearth-mobile"  # relative link resolved
    assert review.author.handle == "Sophie Lambert"  # the feed's author
    assert review.created_at == datetime(2025, 3, 4, 9, 15, tzinfo=CET)  # published, not updated
    assert review.language == "fr"

    assert expats.text == ("An English note for expats\n\nBanks in Belgium rarely offer English support.\n\n"
                           "Here is what worked for me.")
    assert expats.author.handle == "Guest: Priya R."
    assert expats.created_at == datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
    assert expats.language == "en"

    assert short.text == "Brève\n\nRien de neuf aujourd'hui."
    assert short.created_at == datetime(2025, 3, 4, 10, 30, tzinfo=CET)  # the feed's updated


def test_deeply_nested_xhtml_does_not_exhaust_recursion() -> None:
    nested = '<div xmlns="http://www.w3.org/1999/xhtml">' + "<span>" * 5_000 + "deep" + "</span>" * 5_000 + "</div>"
    content = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>e</id>'
               f'<content type="xhtml">{nested}</content></entry></feed>').encode()
    assert feeds.parse(content, ATOM_URL)[0].text == "deep"


# hostile and broken documents


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><guid>g</guid><title>&secret;</title></item></channel></rss>"""


@pytest.mark.parametrize("content", [
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    b'<!DOCTYPE rss SYSTEM "http://evil.example/rss.dtd"><rss version="2.0"><channel/></rss>',
    BILLION_LAUGHS.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
    .decode().encode("utf-16"),
])
def test_doctype_and_entity_declarations_are_refused(content: bytes) -> None:
    with pytest.raises(FeedError, match="DOCTYPE or entities"):
        feeds.parse(content, RSS_URL)


def test_content_over_the_limit_is_refused() -> None:
    with pytest.raises(FeedError, match="larger than 5 MB"):
        feeds.parse(RSS + b" " * MAX_FEED_BYTES, RSS_URL)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "not well-formed XML"),
    (b"Service Unavailable", "not well-formed XML"),
    (b'{"items": []}', "not well-formed XML"),
    (b"<rss><channel><item></rss>", "not well-formed XML"),
    (b"<html><body>Moved</body></html>", "not an RSS 2.0 or Atom 1.0 feed: the document is a <html>"),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', "the document is a <RDF>"),
    (b'<rss version="2.0"/>', "RSS document has no <channel>"),
    (rss_item(f"<guid>{'g' * 201}</guid>"), "external_id: String should have at most 200 characters"),
])
def test_garbage_is_a_feed_error(content: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        feeds.parse(content, RSS_URL)


def test_an_empty_feed_has_no_mentions() -> None:
    assert feeds.parse(b'<rss version="2.0"><channel><title>t</title></channel></rss>', RSS_URL) == []
    assert feeds.parse(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', ATOM_URL) == []


# fetch


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def test_fetch_reads_the_feed_and_its_validators() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert "If-None-Match" not in request.headers
        assert "If-Modified-Since" not in request.headers
        return httpx.Response(200, content=RSS, headers={
            "Content-Type": "application/rss+xml; charset=UTF-8", "ETag": 'W/"48213"',
            "Last-Modified": "Tue, 04 Mar 2025 10:02:00 GMT"})

    async with client_for(handler) as client:
        result = await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)
    assert result.status == "ok"
    assert len(result.mentions) == 3
    assert (result.etag, result.last_modified) == ('W/"48213"', "Tue, 04 Mar 2025 10:02:00 GMT")


async def test_fetch_sends_the_validators_and_a_304_is_not_modified() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(304)

    async with client_for(handler) as client:
        result = await feeds.fetch(ATOM_URL, etag='"v7"', last_modified="Tue, 04 Mar 2025 09:30:00 GMT",
                                   client=client)
    assert seen[0].headers["If-None-Match"] == '"v7"'
    assert seen[0].headers["If-Modified-Since"] == "Tue, 04 Mar 2025 09:30:00 GMT"
    assert result == feeds.FetchResult("not_modified", [], '"v7"', "Tue, 04 Mar 2025 09:30:00 GMT")


async def test_a_304_with_new_validators_keeps_the_new_ones() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(304, headers={"ETag": '"v8"'})

    async with client_for(handler) as client:
        result = await feeds.fetch(ATOM_URL, etag='"v7"', last_modified=None, client=client)
    assert (result.status, result.etag, result.last_modified) == ("not_modified", '"v8"', None)


async def test_fetch_follows_a_moved_feed_and_resolves_links_against_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "old.example":
            return httpx.Response(301, headers={"Location": ATOM_URL})
        return httpx.Response(200, content=ATOM)

    async with client_for(handler) as client:
        result = await feeds.fetch("https://old.example/feed", etag=None, last_modified=None, client=client,
                                   news=False)
    assert result.mentions[0].url == "https://sophie.example/2025/03/avis-hearth-mobile"
    assert not result.mentions[0].is_news


async def test_a_timeout_is_a_feed_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    async with client_for(handler) as client:
        with pytest.raises(FeedError, match="did not answer within 2 seconds"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client, timeout=2)


async def test_a_server_dripping_bytes_hits_the_overall_timeout() -> None:
    async def drip() -> AsyncIterator[bytes]:
        while True:
            yield b" "
            await asyncio.sleep(0.01)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=drip())

    async with client_for(handler) as client:
        with pytest.raises(FeedError, match=r"did not answer within 0\.2 seconds"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client, timeout=0.2)


async def test_a_connection_error_is_a_feed_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    async with client_for(handler) as client:
        with pytest.raises(FeedError, match=r"could not be fetched: .*Name or service not known"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)


@pytest.mark.parametrize("status", [404, 410, 500, 503])
async def test_an_error_status_is_a_feed_error(status: int) -> None:
    async with client_for(lambda request: httpx.Response(status, text="<html>oops</html>")) as client:
        with pytest.raises(FeedError, match=f"answered HTTP {status}"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)


async def test_garbage_from_the_server_is_a_feed_error() -> None:
    parked = "<!DOCTYPE html><html><p>Parked</p></html>"
    async with client_for(lambda request: httpx.Response(200, text=parked)) as client:
        with pytest.raises(FeedError, match="DOCTYPE"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)
    async with client_for(lambda request: httpx.Response(200, text="<!doctype html><p>Parked")) as client:
        with pytest.raises(FeedError, match="not well-formed XML"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)


async def test_a_declared_oversize_body_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"<rss/>", headers={"Content-Length": str(MAX_FEED_BYTES + 1)})

    async with client_for(handler) as client:
        with pytest.raises(FeedError, match="larger than 5 MB"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)


async def test_an_undeclared_oversize_body_is_cut_off_while_streaming() -> None:
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        while True:
            sent += 64 * 1024
            yield b"x" * (64 * 1024)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    async with client_for(handler) as client:
        with pytest.raises(FeedError, match="larger than 5 MB"):
            await feeds.fetch(RSS_URL, etag=None, last_modified=None, client=client)
    assert sent <= MAX_FEED_BYTES + 2 * 64 * 1024
