"""The social listening API twins: channels with write-only secrets, topics with clear query
errors and previews, the mention stream and its filters, corrections, smart delete, imports."""

from __future__ import annotations

from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.care.conftest import drain, make_topic
from tests.care.test_ingest import mention, receive
from tests.conftest import sign_in


async def test_channels_never_show_their_secrets(client, make_client, database: Database, agent, member) -> None:
    await sign_in(client, agent.email)
    made = await client.post("/api/v1/care/channels", json={"kind": "x", "name": "X care", "account": "@HearthCare",
                                                            "secret": "super-secret-consumer-key-9876"})
    assert made.status_code == 201, made.text
    data = made.json()
    assert data["secret"] == "••••9876" and "super-secret" not in made.text
    assert data["webhook_url"].endswith(f"/api/hooks/x/{data['id']}") and data["account"] == "HearthCare"
    listed = await client.get("/api/v1/care/channels")
    assert "super-secret" not in listed.text
    kept = await client.put(f"/api/v1/care/channels/{data['id']}", json={"kind": "x", "name": "X care",
                                                                         "account": "HearthCare"})
    assert kept.json()["secret"] == "••••9876"  # left empty: the stored secret stays
    assert_problem(await client.post("/api/v1/care/channels", json={"kind": "x", "name": "No secret",
                                                                     "account": "a"}), 422, "invalid")
    assert_problem(await client.post("/api/v1/care/channels", json={"kind": "feed", "name": "Feed",
                                                                     "account": "ftp://x"}), 422, "invalid")
    other = make_client()
    await sign_in(other, member.email)
    assert_problem(await other.get("/api/v1/care/channels"), 403, "forbidden")


async def test_topics_queries_errors_and_preview(client, database: Database, agent, x_channel) -> None:
    await sign_in(client, agent.email)
    await make_topic(database, "Seed", "hearth")
    await receive(database, x_channel, mention("1", "hearth kaart geblokkeerd"), mention("2", "hearth app", minutes=1))
    broken = await client.post("/api/v1/care/topics", json={"name": "Cards", "query": '(kaart OR "card'})
    problem = assert_problem(broken, 422, "invalid")
    assert "Unclosed quote at character" in problem["detail"] and problem["errors"][0]["loc"] == ["body", "query"]
    assert_problem(await client.post("/api/v1/care/topics", json={"name": "Only not", "query": "NOT kaart"}),
                   422, "invalid")
    preview = await client.post("/api/v1/care/topics/preview", json={"name": "Cards", "query": "kaart OR card*"})
    assert preview.json() == {"matched": 1, "looked_at": 2}
    made = await client.post("/api/v1/care/topics", json={"name": "Cards", "query": "kaart OR card*",
                                                          "profiles": ["@HearthCare"]})
    assert made.status_code == 201 and made.json()["profiles"] == ["hearthcare"]
    assert_problem(await client.post("/api/v1/care/topics", json={"name": "Cards", "query": "x"}), 409, "conflict")


async def test_stream_filters_corrections_and_smart_delete(client, database: Database, agent, x_channel) -> None:
    await sign_in(client, agent.email)
    topic = await make_topic(database, "Hearth", "hearth")
    await receive(database, x_channel, mention("1", "Hearth, waardeloze dienst, echt slecht"),
                  mention("2", "Merci Hearth, super service", minutes=1))
    everything = (await client.get("/api/v1/care/mentions")).json()
    assert [m["external_id"] for m in everything["items"]] == ["2", "1"]
    dutch = (await client.get("/api/v1/care/mentions", params={"language": "nl", "topic": topic.id})).json()
    assert [m["external_id"] for m in dutch["items"]] == ["1"]
    negative = (await client.get("/api/v1/care/mentions", params={"sentiment": "negative"})).json()
    assert [m["external_id"] for m in negative["items"]] == ["1"]
    mention_id = dutch["items"][0]["id"]
    corrected = await client.put(f"/api/v1/care/mentions/{mention_id}/sentiment", json={"sentiment": "neutral"})
    assert corrected.json()["sentiment_source"] == "agent"
    assert corrected.json()["corrections"][0]["agent"] == agent.display_name
    assert_problem(await client.put(f"/api/v1/care/mentions/{mention_id}/sentiment", json={"sentiment": "great"}),
                   422, "invalid")
    conversation = (await client.get(f"/api/v1/care/conversations/{dutch['items'][0]['conversation_id']}")).json()
    assert conversation["mention_count"] == 1
    await drain(database)
    await client.put(f"/api/v1/care/topics/{topic.id}", json={"name": "Hearth", "query": "hearth AND merci"})
    preview = (await client.get("/api/v1/care/smart-delete")).json()
    assert preview == {"to_delete": 0, "kept_handled": 1}  # the Dutch one was handled: it stays
    assert_problem(await client.get("/api/v1/care/mentions", params={"cursor": "garbage!"}), 422, "invalid")


async def test_imports_upload_and_progress(client, database: Database, agent, import_channel) -> None:
    await sign_in(client, agent.email)
    await make_topic(database, "All", "hearth* OR app OR storing")
    from tests.care.conftest import payload

    response = await client.post("/api/v1/care/imports", data={"channel_id": str(import_channel.id),
                                                               "format": "jsonl"},
                                 files={"file": ("mentions.jsonl", payload("mentions.jsonl"), "application/jsonl")},
                                 headers={"x-csrf-token": _csrf(client)})
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] == "running" and job["queued"] == 0  # the background worker reads the file
    await drain(database)
    status = (await client.get(f"/api/v1/care/imports/{job['id']}")).json()
    assert status["status"] == "done" and status["queued"] + status["dropped"] == 3 and status["queued"] >= 1
    assert_problem(await client.post("/api/v1/care/imports", data={"channel_id": "999999", "format": "jsonl"},
                                     files={"file": ("m.jsonl", b"{}", "application/jsonl")},
                                     headers={"x-csrf-token": _csrf(client)}), 404, "not-found")


def _csrf(client) -> str:
    from tests.conftest import csrf_of

    return csrf_of(client)
