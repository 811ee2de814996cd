"""What a client gets when the server fails or is sent too much: its own answer, and a connection
it can go on using."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
from urllib.parse import urlsplit

import httpx
import pytest

from forums import service as forums
from hearth.errors import PayloadTooLarge
from hearth.middleware import RequestContext


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("an unexpected failure")


async def _in_thread(function, *args):  # noqa: ANN002 - blocking http.client off the loop
    return await asyncio.to_thread(function, *args)


def _send(connection: http.client.HTTPConnection, method: str, path: str,
          body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


@pytest.mark.parametrize("path", ["/api/v1/categories", "/"])
async def test_an_unexpected_error_answers_500_and_keeps_the_connection(
        live_server: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, path: str) -> None:
    monkeypatch.setattr(forums, "list_categories", _boom)
    monkeypatch.setattr(forums, "list_threads", _boom)
    address = urlsplit(live_server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
    with caplog.at_level(logging.ERROR):
        status, headers, body = await _in_thread(_send, connection, "GET", path)
        assert status == 500
        if path.startswith("/api/"):
            assert headers["content-type"] == "application/problem+json"
            assert json.loads(body)["status"] == 500
        else:
            assert headers["content-type"].startswith("text/html")
        # The same keep-alive connection answers the next request.
        status, _, body = await _in_thread(_send, connection, "GET", "/livez")
        assert (status, body) == (200, b"ok")
    connection.close()
    logged = [r for r in caplog.records if r.exc_info and "unexpected failure" in str(r.exc_info[1])]
    assert len(logged) == 1, "the error is logged once, not re-raised past the handler"


async def test_a_declared_body_above_the_limit_is_refused_before_it_is_read(live_server: str) -> None:
    address = urlsplit(live_server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
    # Headers only: the server answers without waiting for the 5 MB it was promised.
    connection.putrequest("POST", "/api/v1/auth/signin")
    connection.putheader("content-type", "application/json")
    connection.putheader("content-length", str(5_000_000))
    connection.endheaders()
    response = await _in_thread(connection.getresponse)
    problem = json.loads(response.read())
    assert response.status == 413
    assert response.getheader("content-type") == "application/problem+json"
    assert problem["type"].endswith("too-large") and "1 MB" in problem["detail"]
    connection.close()


async def test_a_streamed_body_is_cut_off_at_the_limit(client) -> None:
    async def chunks():
        for _ in range(20):
            yield b"x" * 100_000

    response = await client.post("/api/v1/auth/signin", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_form_above_the_limit_gets_a_readable_page(client) -> None:
    response = await client.post("/signin", content=b"email=" + b"a" * 1_100_000,
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")


async def test_uploads_have_their_own_larger_limit() -> None:
    async def reads_everything(scope, receive, send) -> None:
        size, more = 0, True
        while more:
            message = await receive()
            size, more = size + len(message["body"]), message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(size).encode()})

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=RequestContext(reads_everything)),
                                 base_url="http://hearth") as http:
        two_mb = b"x" * 2_000_000
        upload = await http.post("/", content=two_mb, headers={"content-type": "multipart/form-data; boundary=b"})
        assert (upload.status_code, upload.text) == (200, "2000000")
        with pytest.raises(PayloadTooLarge):
            await http.post("/", content=two_mb, headers={"content-type": "application/json"})
        with pytest.raises(PayloadTooLarge):
            await http.post("/", content=b"x" * 50_000_001, headers={"content-type": "multipart/form-data"})
