"""The platforms' webhooks end to end: handshakes, signatures, recorded payloads, retries,
bad and huge bodies."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from care.models import Mention
from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.care.conftest import SECRET, VERIFY, drain, fb_signature, make_topic, payload, x_signature


async def _count(database: Database) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(Mention)) or 0


async def test_x_crc_challenge(client, x_channel) -> None:
    import base64
    import hashlib
    import hmac

    answer = await client.get(f"/api/hooks/x/{x_channel.id}", params={"crc_token": "challenge-123"})
    digest = hmac.new(SECRET.encode(), b"challenge-123", hashlib.sha256).digest()
    expected = "sha256=" + base64.b64encode(digest).decode()
    assert answer.status_code == 200 and answer.json() == {"response_token": expected}
    assert_problem(await client.get(f"/api/hooks/x/{x_channel.id}"), 422, "invalid")
    assert_problem(await client.get("/api/hooks/x/999", params={"crc_token": "x"}), 404, "not-found")


async def test_x_events_signed_stored_once_and_threaded(client, database: Database, x_channel) -> None:
    await make_topic(database, "Hearth", "hearth*", profiles=["hearthbank"])
    body = payload("x_tweets.json")
    headers = {"x-twitter-webhooks-signature": x_signature(body), "content-type": "application/json"}
    first = await client.post(f"/api/hooks/x/{x_channel.id}", content=body, headers=headers)
    assert first.status_code == 200 and first.json()["received"] >= 3
    await drain(database)
    kept = await _count(database)
    assert kept >= 3
    replay = await client.post(f"/api/hooks/x/{x_channel.id}", content=body, headers=headers)
    assert replay.status_code == 200
    await drain(database)
    assert await _count(database) == kept  # a retried delivery duplicates nothing
    async with database.sessionmaker() as s:
        conversations = set(await s.scalars(select(Mention.conversation_id).where(
            Mention.parent_external_id.is_not(None))))
        parents = set(await s.scalars(select(Mention.conversation_id).where(Mention.external_id.in_(
            select(Mention.parent_external_id)))))
    assert conversations & parents  # replies sit in their parent's conversation


async def test_x_refuses_bad_signatures_bodies_and_sizes(client, x_channel) -> None:
    body = payload("x_tweets.json")
    url = f"/api/hooks/x/{x_channel.id}"
    json_type = {"content-type": "application/json"}
    assert_problem(await client.post(url, content=body, headers=json_type), 403, "forbidden")
    wrong = {**json_type, "x-twitter-webhooks-signature": x_signature(body, "another-secret")}
    assert_problem(await client.post(url, content=body, headers=wrong), 403, "forbidden")
    altered = body.replace(b"geblokkeerd", b"gedeblokkeerd")
    assert_problem(await client.post(url, content=altered, headers={**json_type,
                                     "x-twitter-webhooks-signature": x_signature(body)}), 403, "forbidden")
    garbage = b"{not json"
    assert_problem(await client.post(url, content=garbage, headers={**json_type,
                                     "x-twitter-webhooks-signature": x_signature(garbage)}), 422, "invalid")
    wrong_shape = json.dumps({"data": [{"text": "no id"}]}).encode()
    assert_problem(await client.post(url, content=wrong_shape, headers={**json_type,
                                     "x-twitter-webhooks-signature": x_signature(wrong_shape)}), 422, "invalid")
    huge = b'{"data": "' + b"x" * 1_100_000 + b'"}'
    assert_problem(await client.post(url, content=huge, headers={**json_type,
                                     "x-twitter-webhooks-signature": x_signature(huge)}), 413, "too-large")


async def test_facebook_handshake_and_feed_changes(client, database: Database, fb_channel) -> None:
    url = f"/api/hooks/facebook/{fb_channel.id}"
    ok = await client.get(url, params={"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "4242"})
    assert ok.status_code == 200 and ok.text == "4242"
    assert_problem(await client.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "nope",
                                                 "hub.challenge": "1"}), 403, "forbidden")
    await make_topic(database, "Everything on our page", "hearth* OR inloggen OR storing OR app")
    for name in ("facebook_feed_add.json", "facebook_feed_edited.json", "facebook_feed_remove.json"):
        body = payload(name)
        response = await client.post(url, content=body, headers={"x-hub-signature-256": fb_signature(body),
                                                                 "content-type": "application/json"})
        assert response.status_code == 200, response.text
        await drain(database)
    async with database.sessionmaker() as s:
        rows = (await s.scalars(select(Mention))).all()
    assert rows and any(m.edited for m in rows) and any(m.removed_at for m in rows)
    body = payload("facebook_feed_add.json")
    assert_problem(await client.post(url, content=body, headers={"x-hub-signature-256": "sha256=00",
                                                                 "content-type": "application/json"}),
                   403, "forbidden")
