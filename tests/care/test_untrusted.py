"""What comes from outside into social listening: links only http(s), from every way in and
on every way out; handles with hidden characters refused; smart delete only after the
preview; a pandas CSV imported with its index column left out, and the importer told."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import func, select, update

from care.connectors import facebook, feeds
from care.models import Mention
from care.schemas import MentionIn
from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.care.conftest import drain, fb_signature, make_topic, payload
from tests.care.connectors.test_imports import TWCS_SAMPLE
from tests.care.test_ingest import mention, receive, stored
from tests.conftest import csrf_of, sign_in

BAD_LINKS = ("javascript:alert('url')", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>",
             "vbscript:msgbox(1)")


def test_every_connector_keeps_only_web_links() -> None:
    for bad in BAD_LINKS:
        line = json.dumps({"external_id": "1", "text": "hearth", "author": {"handle": "a"},
                           "created_at": "2026-01-01T10:00:00+00:00", "url": bad})
        assert MentionIn.model_validate_json(line).url is None  # JSONL imports, and the inbox's copy
        rss = (f"<rss><channel><title>News</title><item><guid>g1</guid><title>Hearth</title>"
               f"<link>{bad.strip().replace('<', '&lt;').replace('>', '&gt;')}</link></item></channel></rss>")
        assert feeds.parse(rss.encode(), "https://news.example/feed")[0].url is None
    delivery = json.loads(payload("facebook_feed_add.json"))
    comment = delivery["entry"][0]["changes"][1]["value"]
    comment["post"]["permalink_url"] = "javascript:alert('url')"
    assert [m.url for m in facebook.parse(delivery)][1] == "https://www.facebook.com/104872305234567_1029384756123456"


async def test_a_webhook_mention_with_a_script_link_is_stored_without_it(client, database: Database,
                                                                         fb_channel) -> None:
    await make_topic(database, "Hearth", "hearth OR inloggen OR hier")
    delivery = json.loads(payload("facebook_feed_add.json"))
    delivery["entry"][0]["changes"][1]["value"]["post"]["permalink_url"] = "javascript:alert('url')"
    body = json.dumps(delivery).encode()
    response = await client.post(f"/api/hooks/facebook/{fb_channel.id}", content=body,
                                 headers={"x-hub-signature-256": fb_signature(body),
                                          "content-type": "application/json"})
    assert response.status_code == 200, response.text
    await drain(database)
    urls = [m.url for m in await stored(database)]
    assert urls and all(url.startswith("https://") for url in urls)


async def test_a_bad_link_stored_before_is_never_a_link(client, database: Database, agent, x_channel) -> None:
    await make_topic(database, "Hearth", "hearth")
    await receive(database, x_channel, mention("1", "Hearth kaart geblokkeerd", url="https://x.com/jan/status/1"),
                  mention("2", "Hearth app werkt weer", minutes=1, url="https://x.com/jan/status/2"))
    async with database.sessionmaker() as s:  # as an import made before the check would have left it
        await s.execute(update(Mention).where(Mention.external_id == "1").values(url="javascript:alert('url')"))
        await s.commit()
    await sign_in(client, agent.email)
    page = await client.get("/care")
    assert page.status_code == 200 and "Hearth kaart geblokkeerd" in page.text
    assert "javascript:" not in page.text and 'href="https://x.com/jan/status/2"' in page.text
    conversation_id = (await stored(database))[0].conversation_id
    assert "javascript:" not in (await client.get(f"/care/conversations/{conversation_id}")).text
    listed = (await client.get("/api/v1/care/mentions")).json()["items"]
    assert {m["external_id"]: m["url"] for m in listed} == {"1": None, "2": "https://x.com/jan/status/2"}


async def test_monitored_profiles_with_hidden_characters_are_refused(client, database: Database, agent) -> None:
    await sign_in(client, agent.email)
    refused = await client.post("/api/v1/care/topics", json={"name": "Cards", "query": "kaart",
                                                             "profiles": ["hearth\u202ecare"]})
    problem = assert_problem(refused, 422, "invalid")
    assert problem["errors"][0]["type"] == "hidden_characters" and "invisible" in problem["errors"][0]["msg"]
    page = await client.post("/care/topics", data={"csrf_token": csrf_of(client), "name": "Cards", "query": "kaart",
                                                   "profiles": "hearth\u200bcare", "active": "on"})
    assert page.status_code == 422 and "Remove the invisible or direction-changing characters" in page.text
    named = await client.post("/api/v1/care/topics", json={"name": "Car\u202eds\u200b", "query": "kaart"})
    assert named.status_code == 201 and named.json()["name"] == "Cards"


async def _mention_count(database: Database) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(Mention))


async def test_smart_delete_needs_the_previews_count(client, database: Database, agent, x_channel) -> None:
    topic = await make_topic(database, "Hearth", "hearth")
    await receive(database, x_channel, mention("1", "hearth kaart"), mention("2", "hearth app", minutes=1))
    await sign_in(client, agent.email)
    await client.put(f"/api/v1/care/topics/{topic.id}", json={"name": "Hearth", "query": "hearth AND app"})
    assert (await client.get("/api/v1/care/smart-delete")).json()["to_delete"] == 1
    for body in ({}, {"expected": None}, {"expected": -1}):
        problem = assert_problem(await client.post("/api/v1/care/smart-delete", json=body), 422, "invalid")
        assert problem["errors"][0]["loc"] == ["body", "expected"]
    token = csrf_of(client)
    page = await client.post("/care/smart-delete", data={"csrf_token": token})
    assert page.status_code == 422 and "Start from the preview" in page.text
    assert await _mention_count(database) == 2
    assert (await client.post("/api/v1/care/smart-delete", json={"expected": 2})).status_code == 409
    done = await client.post("/care/smart-delete", data={"csrf_token": token, "expected": "1"})
    assert done.status_code == 303 and await _mention_count(database) == 1


def _pandas_csv(rows: int = 30) -> bytes:
    """The sample as pandas writes a DataFrame: the index first, under an empty name."""
    with TWCS_SAMPLE.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))[:rows + 1]
    out = io.StringIO()
    csv.writer(out).writerows([["", *records[0]], *([str(n), *row] for n, row in enumerate(records[1:]))])
    return out.getvalue().encode()


async def test_a_pandas_csv_is_imported_and_the_index_column_named(client, database: Database, agent,
                                                                   import_channel) -> None:
    await make_topic(database, "Words", "help OR assist OR service OR account")
    await sign_in(client, agent.email)
    response = await client.post("/api/v1/care/imports", data={"channel_id": str(import_channel.id), "format": "twcs"},
                                 files={"file": ("tweets.csv", _pandas_csv(), "text/csv")},
                                 headers={"x-csrf-token": csrf_of(client)})
    assert response.status_code == 202, response.text
    await drain(database)
    job = (await client.get(f"/api/v1/care/imports/{response.json()['id']}")).json()
    assert job["status"] == "done" and job["error_count"] == 0 and job["errors"] == []
    assert job["queued"] + job["dropped"] == 30 and job["stored"] >= 1
    assert job["notices"] == ["Ignored columns that are not in the Customer Support on Twitter CSV: (no name)"]
    page = (await client.get("/care/imports")).text
    assert "Ignored columns that are not in the Customer Support on Twitter CSV: (no name)" in page


async def test_the_command_line_says_which_columns_it_ignored(database: Database, tmp_path) -> None:
    import subprocess
    import sys

    from tests.care.test_jobs import _subprocess_env

    path = tmp_path / "tweets.csv"
    path.write_bytes(_pandas_csv(10))
    done = subprocess.run([sys.executable, "-m", "hearth.cli", "import-mentions", str(path), "--format", "twcs",
                           "--channel", "Imports", "--no-process"], cwd=tmp_path, env=_subprocess_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    output = " ".join(done.stdout.split())  # rich wraps long lines
    assert "from 11 lines" in output and "line " not in output
    assert "Ignored columns that are not in the Customer Support on Twitter CSV: (no name)" in output
