"""Rate limits: in memory and in the real Redis, and the write budget on routes."""

from __future__ import annotations

import uuid

import pytest

from hearth import ratelimit
from hearth.errors import TooManyRequests
from hearth.settings import get_settings
from tests.conftest import sign_in


@pytest.fixture(params=["memory", "redis"])
async def backend(request):
    if request.param == "memory":
        chosen = ratelimit.MemoryBackend()
    else:
        chosen = ratelimit.RedisBackend("redis://127.0.0.1:6379/15")
        await chosen.client.ping()  # the real server; .ci/run starts it when it is down
    previous = ratelimit.backend()
    ratelimit.set_backend(chosen)
    yield chosen
    await chosen.reset()
    ratelimit.set_backend(previous)


async def test_limit_counts_per_key(backend) -> None:
    key = uuid.uuid4().hex
    for _ in range(3):
        await ratelimit.check("t", key, "3/60")
    with pytest.raises(TooManyRequests) as caught:
        await ratelimit.check("t", key, "3/60")
    assert 1 <= int(caught.value.headers["Retry-After"]) <= 60
    await ratelimit.check("t", key + "-other", "3/60")  # another key has its own budget


async def test_window_resets(backend) -> None:
    key = uuid.uuid4().hex
    await ratelimit.check("t", key, "1/1")
    with pytest.raises(TooManyRequests):
        await ratelimit.check("t", key, "1/1")
    import asyncio

    await asyncio.sleep(1.1)
    await ratelimit.check("t", key, "1/1")


def test_limit_parsing() -> None:
    assert ratelimit.Limit.parse("10/300") == ratelimit.Limit(10, 300)
    assert ratelimit.Limit.parse("5") == ratelimit.Limit(5, 60)


async def test_writes_have_a_budget_per_browser(client, make_client, member, monkeypatch) -> None:
    monkeypatch.setattr(get_settings(), "write_limit", "3/60")
    await sign_in(client, member.email)  # counted for the address: no session yet
    for name in ("A", "B", "C"):
        assert (await client.patch("/api/v1/me", json={"display_name": f"Mia {name}"})).status_code == 200
    refused = await client.patch("/api/v1/me", json={"display_name": "Mia X"})
    assert refused.status_code == 429 and refused.headers["retry-after"]
    assert (await client.get("/api/v1/me")).json()["display_name"] == "Mia C"
    # Reads are not limited, and another browser has its own budget.
    other = make_client()
    await sign_in(other, member.email)
    assert (await other.patch("/api/v1/me", json={"display_name": "Mia D"})).status_code == 200
