"""Social listening pages: the stream with filters, a conversation, topics with the live
query check, channels without secrets, imports with progress, smart delete."""

from __future__ import annotations

import re

from hearth.db import Database
from tests.care.conftest import make_topic, payload
from tests.care.test_ingest import mention, receive
from tests.conftest import csrf_of, sign_in


async def test_stream_conversation_and_correction_pages(client, database: Database, agent, member,
                                                        x_channel, make_client) -> None:
    await make_topic(database, "Hearth", "hearth", profiles=["hearthcare"])
    await receive(database, x_channel, mention("1", "Hearth mijn kaart is weer geblokkeerd, echt waardeloos"),
                  mention("2", "Sorry to hear that, we sent you a DM", author="HearthCare", parent="1", minutes=2))
    await sign_in(client, agent.email)
    page = await client.get("/care")
    assert page.status_code == 200 and "mijn kaart is weer geblokkeerd" in page.text and "Negative" in page.text
    filtered = await client.get("/care?sentiment=positive")
    assert "mijn kaart" not in filtered.text
    link = page.text.split('href="/care/conversations/')[1].split('"')[0]
    conversation = await client.get(f"/care/conversations/{link}")
    assert "we sent you a DM" in conversation.text and "mijn kaart" in conversation.text
    mention_id = re.search(r'id="mention-(\d+)"', page.text).group(1)
    corrected = await client.post(f"/care/mentions/{mention_id}/sentiment", headers={"hx-request": "true"},
                                  data={"csrf_token": csrf_of(client), "sentiment": "neutral"})
    assert corrected.status_code == 200 and "Neutral ✓" in corrected.text and "<html" not in corrected.text
    outsider = make_client()
    await sign_in(outsider, member.email)
    assert (await outsider.get("/care")).status_code == 403


async def test_topics_page_checks_queries_as_you_type(client, database: Database, agent, x_channel) -> None:
    await make_topic(database, "Hearth", "hearth")
    await receive(database, x_channel, mention("1", "hearth kaart"))
    await sign_in(client, agent.email)
    assert "Hearth" in (await client.get("/care/topics")).text
    token = csrf_of(client)
    good = await client.post("/care/topics/check", data={"csrf_token": token, "query": "kaart OR card"},
                             headers={"hx-request": "true"})
    assert "Would match 1 of the stored mentions" in good.text
    bad = await client.post("/care/topics/check", data={"csrf_token": token, "query": "(kaart"},
                            headers={"hx-request": "true"})
    assert "Unclosed parenthesis at character 1" in bad.text
    refused = await client.post("/care/topics", data={"csrf_token": token, "name": "Broken", "query": "kaart AND"})
    assert refused.status_code == 422 and "has nothing on its right" in refused.text
    saved = await client.post("/care/topics", data={"csrf_token": token, "name": "Cards", "query": "kaart",
                                                    "profiles": "@HearthCare", "active": "on"})
    assert saved.status_code == 303 and "@hearthcare" in (await client.get("/care/topics")).text
    preview = await client.get("/care/smart-delete")
    assert preview.status_code == 200 and "no longer match" in preview.text


async def test_channels_and_imports_pages(client, database: Database, agent, import_channel) -> None:
    await sign_in(client, agent.email)
    token = csrf_of(client)
    made = await client.post("/care/channels", data={"csrf_token": token, "kind": "x", "name": "X care",
                                                     "account": "HearthCare", "secret": "very-secret-key-4321",
                                                     "poll_minutes": "15", "active": "on"})
    assert made.status_code == 303
    listing = (await client.get("/care/channels")).text
    assert "••••4321" in listing and "very-secret" not in listing and "/api/hooks/x/" in listing
    missing = await client.post("/care/channels", data={"csrf_token": token, "kind": "x", "name": "Other",
                                                        "account": "a", "poll_minutes": "15"})
    assert missing.status_code == 422 and "needs its secret" in missing.text
    await make_topic(database, "All", "hearth* OR app OR storing")
    uploaded = await client.post("/care/imports", data={"csrf_token": token, "channel_id": str(import_channel.id),
                                                        "format": "jsonl"},
                                 files={"file": ("mentions.jsonl", payload("mentions.jsonl"), "application/jsonl")})
    assert uploaded.status_code == 303
    page = (await client.get("/care/imports")).text
    assert "mentions.jsonl" in page and "<progress" in page
    empty = await client.post("/care/imports", data={"csrf_token": token, "channel_id": str(import_channel.id),
                                                     "format": "jsonl"})
    assert empty.status_code == 422 and "Choose a file" in empty.text
