"""The care queue under load: 100,000 open items and 50 agents working at once.

Chatwoot's users report 200 s responses with 50+ agents; this measures Hearth's queue in that
situation, on a server as `hearth serve --workers 2` runs it:

1. The queue API list and the queue page, signed in: 50 agents (50 API tokens for the API, 50
   browser sessions for the page) spread over wrk's connections, each request one agent's own
   "mine" or "unassigned" view (a Lua script rotates them), while the agents work: claims and
   releases go in at WORK_PER_SECOND (each agent acting every 10 s or so), so every list and
   page changes several times a second, as it would. Stated as p99 and requests/s, and as a
   share of `/livez` loaded the same way in the same run.
2. The live updates: N agents hold the server-sent event stream open while the list is under
   load; an agent claims an item through the API, and the time from the claim's request to the
   event arriving is measured at every connected client.

The 100,000 items (and 20 held by each agent) are written with bulk inserts, in seconds.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import subprocess
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, text

from bench import pages
from care.models import CareItem, ItemSource, ItemStatus
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Role
from hearth.db import Database
from hearth.security import CSRF_COOKIE, SESSION_COOKIE, new_nonce

ROOT = Path(__file__).resolve().parents[1]
AGENTS = 50
HELD = 20  # items each agent holds ("mine")
CHUNK = 5_000  # rows per bulk insert
CHANNELS = ["x", "facebook", "community", "reviews"]
LANGUAGES = ["nl", "fr", "en"]
CHANGES = 20  # claims whose events the stream clients time
WORK_PER_SECOND = 5  # claims and releases while the list and the page are loaded
LIVE_FIRST = HELD * AGENTS + 3_001  # the live-update claims' items, past those the work above takes
SERVER_ENV = {"HEARTH_LOG_LEVEL": "warning", "HEARTH_WRITE_LIMIT": "1000000/60",
              "HEARTH_SECRET_KEY": "bench-secret-key-0123456789abcdef", "HEARTH_CARE_ASSIGNMENT": "pool"}


# --- the data ----------------------------------------------------------------------------------

async def _agents(database: Database) -> list[dict[str, Any]]:
    """50 care agents, each with a browser session and an API token (no password: nobody types it)."""
    found = []
    async with database.sessionmaker() as session:
        for n in range(AGENTS):
            agent = await accounts.create_account(session, email=f"agent{n}@bench.example",
                                                  display_name=f"Bench agent {n}", password=None,
                                                  roles=frozenset({Role.CARE_AGENT}))
            browser = await accounts.start_session(session, agent, user_agent="bench")
            _record, token = await accounts.create_token(session, agent, "bench")
            found.append({"id": agent.id, "session": browser.token, "token": token})
        await session.commit()
    return found


def _rows(count: int, agents: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Open items of every channel and language, due from half an hour to two days from now (no
    goal passes during the run: the worker's breach sweep stays idle); the first HELD * AGENTS
    held by the agents in turn, the rest unassigned."""
    now = clock.now()
    rows = []
    for n in range(count):
        created = now - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
        due = now + timedelta(minutes=rng.randint(30, 2 * 24 * 60))
        held = agents[n % AGENTS]["id"] if n < HELD * AGENTS else None
        rows.append({"source": ItemSource.MENTION, "source_id": n + 1, "channel": CHANNELS[n % len(CHANNELS)],
                     "status": ItemStatus.OPEN if held else ItemStatus.NEW, "priority": rng.choice([2, 3, 3, 3, 4]),
                     "language": LANGUAGES[n % len(LANGUAGES)], "title": f"Bench conversation {n}: my card is blocked",
                     "customer_handle": f"customer{n}", "customer_name": f"Customer {n}",
                     "customer_followers": rng.randint(3, 5_000), "assignee_id": held,
                     "assigned_at": created if held else None, "version": 1, "first_response_due_at": due,
                     "due_at": due, "queue_due": due, "breached": False, "waiting_since": created,
                     "last_message_at": created,
                     "created_at": created, "updated_at": created, "pure_insult": False, "reopened": 0})
    return rows


async def prepare(url: str, *, items: int) -> dict[str, Any]:
    from hearth import migrations

    await asyncio.to_thread(migrations.upgrade, url)
    database = Database(url)
    try:
        agents = await _agents(database)
        started = time.monotonic()
        rows = _rows(items, agents, random.Random(2026))
        async with database.sessionmaker() as session:
            for start in range(0, len(rows), CHUNK):
                await session.execute(insert(CareItem), rows[start:start + CHUNK])
            await session.commit()
        async with database.engine.connect() as connection:  # what autovacuum would know by now
            await connection.execute(text("ANALYZE"))
            await connection.commit()
        return {"agents": agents, "items": items, "insert_seconds": time.monotonic() - started}
    finally:
        await database.dispose()


# --- loading the list and the page -------------------------------------------------------------

def _targets(ctx: dict[str, Any], workdir: Path) -> list[tuple[str, Path]]:
    nonce = new_nonce()
    api, page = [], []
    for agent in ctx["agents"]:
        for view in ("mine", "unassigned"):
            api.append((f"/api/v1/care/items?view={view}", "Authorization", f"Bearer {agent['token']}"))
            page.append((f"/care/queue?view={view}", "Cookie",
                         f"{SESSION_COOKIE}={agent['session']}; {CSRF_COOKIE}={nonce}"))
    return [(f"queue API list, {AGENTS} agents (mine / unassigned)", pages.rotating_script(workdir, "api", api)),
            (f"queue page, {AGENTS} agents (mine / unassigned)", pages.rotating_script(workdir, "page", page))]


# --- the agents' work during the load ---------------------------------------------------------

class Work(pages.Beside):
    """Claims and releases at a steady rate, each by an agent in turn (an unassigned item
    claimed, then released again on the next round), in a thread beside wrk."""

    def __init__(self, base: str, agents: list[dict[str, Any]], per_second: float, *, first: int) -> None:
        super().__init__()
        self.base, self.agents, self.pause, self.first = base, agents, 1 / per_second, first
        self.done = self.failed = 0

    def _run(self) -> None:
        held: list[tuple[int, str]] = []
        n = 0
        with httpx.Client(base_url=self.base, timeout=10) as client:
            while not self.stop.wait(self.pause):
                if len(held) >= AGENTS:  # each agent puts back what it took a round ago
                    item_id, token = held.pop(0)
                    action = f"/api/v1/care/items/{item_id}/release"
                else:
                    item_id, token = self.first + n * 3, self.agents[n % AGENTS]["token"]
                    held.append((item_id, token))
                    action, n = f"/api/v1/care/items/{item_id}/claim", n + 1
                answer = client.post(action, headers={"Authorization": f"Bearer {token}"})
                self.done += 1
                self.failed += answer.status_code >= 400


# --- live updates ------------------------------------------------------------------------------

async def _listen(client: httpx.AsyncClient, token: str, arrived: dict[int, list[float]], ready: asyncio.Event,
                  counter: list[int], clients: int) -> None:
    async with client.stream("GET", "/api/v1/care/items/events",
                             headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}) as response:
        response.raise_for_status()
        counter[0] += 1
        if counter[0] == clients:
            ready.set()
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                change = json.loads(line[5:])
                arrived.setdefault(int(change["id"]), []).append(time.monotonic())


async def live_updates(base: str, ctx: dict[str, Any], *, clients: int, load: list[str]) -> dict[str, Any]:
    """Time from a claim's request to its event at each of `clients` connected streams, while
    `load` (a wrk command) keeps the list busy. The agents open their streams first, as they
    open the queue before working it."""
    agents = ctx["agents"]
    arrived: dict[int, list[float]] = {}
    ready, counter = asyncio.Event(), [0]
    limits = httpx.Limits(max_connections=clients + 10)
    async with httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(30, read=None), limits=limits) as client:
        listeners = [asyncio.create_task(_listen(client, agents[n % AGENTS]["token"], arrived, ready, counter,
                                                 clients)) for n in range(clients)]
        await asyncio.wait_for(ready.wait(), 60)
        busy = subprocess.Popen(load, stdout=subprocess.DEVNULL)
        try:
            await asyncio.sleep(3)  # the load at full speed, every stream past its first poll
            found = await _claims(client, agents, arrived, clients)
        finally:
            busy.terminate()
            busy.wait()
        for task in listeners:
            task.cancel()
        await asyncio.gather(*listeners, return_exceptions=True)
    return {"clients": clients, "changes": CHANGES, **found}


async def _claims(client: httpx.AsyncClient, agents: list[dict[str, Any]], arrived: dict[int, list[float]],
                  clients: int) -> dict[str, Any]:
    """Claims by the agents in turn; each waits until every stream told it (or 10 s passed)."""
    delays: list[float] = []
    last: list[float] = []
    missed = 0
    for n in range(CHANGES):
        item_id = LIVE_FIRST + n * 37  # an unassigned item nobody worked yet
        started = time.monotonic()
        claimed = await client.post(f"/api/v1/care/items/{item_id}/claim",
                                    headers={"Authorization": f"Bearer {agents[n % AGENTS]['token']}"})
        claimed.raise_for_status()
        deadline = started + 10
        while len(arrived.get(item_id, [])) < clients and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        times = [t - started for t in arrived.get(item_id, [])]
        missed += clients - len(times)
        delays += times
        if times:
            last.append(max(times))
        await asyncio.sleep(random.uniform(0.2, 1.0))  # changes at random moments of the polls
    ordered = sorted(delays)
    return {"missed": missed,
            "p50_ms": 1000 * statistics.median(ordered) if ordered else None,
            "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else None,
            "last_client_mean_ms": 1000 * statistics.fmean(last) if last else None}


# --- the run -----------------------------------------------------------------------------------

def measure(url: str, *, workdir: Path, workers: int, connections: int, seconds: int, items: int,
            stream_clients: int, say=lambda text: None) -> dict[str, Any]:  # noqa: ANN001
    """Fill a fresh database, serve it, load the list and the page, then time live updates under load."""
    say(f"{items:,} open items and {AGENTS} agents")
    ctx = asyncio.run(prepare(url, items=items))
    base, server = pages.serve(url, workdir=workdir, workers=workers, env=SERVER_ENV)
    rows: list[pages.Result] = []
    try:
        say("/livez")
        rows.append(pages.livez(base, connections=connections, seconds=seconds))
        targets = _targets(ctx, workdir)
        work = {"per_second": WORK_PER_SECOND, "done": 0, "failed": 0}
        for n, (name, script) in enumerate(targets):
            say(f"{name}, the agents working")
            with Work(base, ctx["agents"], WORK_PER_SECOND, first=HELD * AGENTS + 1 + n * 1_000) as busy:
                pages.run_script(base, name, script, connections=connections, seconds=2)
                rows.append(pages.run_script(base, name, script, connections=connections, seconds=seconds))
            work["done"] += busy.done
            work["failed"] += busy.failed
        say(f"live updates at {stream_clients} stream clients, the API list under load")
        load = ["wrk", "-t2", f"-c{connections}", "-d120s", "--timeout", "5s", "-s", str(targets[0][1]),
                base + "/livez"]
        live = asyncio.run(live_updates(base, ctx, clients=stream_clients, load=load))
        memory = pages.resident_mb(server)
    finally:
        pages._stop(server)  # noqa: SLF001
    return {"database": url.split(":")[0], "items": items, "agents": AGENTS, "connections": connections,
            "insert_seconds": ctx["insert_seconds"], "rows": rows, "live": live, "rss_mb": memory, "work": work}


def report(console: Any, runs: list[dict[str, Any]]) -> None:
    for run in runs:
        work = run["work"]
        console.print(pages.table(f"Care queue: {run['items']:,} open items, {run['agents']} agents at once over "
                                  f"{run['connections']} connections, {work['per_second']} claims or releases a "
                                  f"second ({work['done']:,} made, {work['failed']} refused) · {run['database']}",
                                  run["rows"]))
        live = run["live"]
        console.print(f"Live updates ({live['clients']} agents' event streams open, the API list under load): "
                      f"a claim reaches each stream in p50 {_ms(live['p50_ms'])} · p99 {_ms(live['p99_ms'])}, "
                      f"the last of them {_ms(live['last_client_mean_ms'])} on average ({live['changes']} claims, "
                      f"{live['missed']} events missed) · {run['items']:,} items inserted in "
                      f"{run['insert_seconds']:.1f} s · server memory "
                      + " · ".join(f"{mb:.0f} MB" for mb in run["rss_mb"]))


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms"
