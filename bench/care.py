"""Mention ingestion end to end: received messages through the inbox, the outbox worker's
de-duplication, labels, topic matching, threading and storage, with 10, 1,000 and 10,000
listening topics; and the memory the process holds once it has ingested them.

The messages are the real "Customer Support on Twitter" rows, repeated with fresh ids to
the wanted count; a third of them are replies, so threading does real work. The topics are
realistic keyword queries (bench/topics.py) plus one that monitors the brands' accounts,
so most messages are kept.
"""

from __future__ import annotations

import os
import random
import resource
import time
from pathlib import Path

from sqlalchemy import delete, func, select

from bench import topics as examples
from care import ingest
from care.connectors import imports
from care.models import Channel, ChannelKind, Conversation, ConversationKey, InboxItem, Mention, MentionTopic, Topic
from care.schemas import MentionIn
from hearth import clock, events
from hearth.db import Database
from hearth.domains import load_handlers

TWCS = Path(__file__).resolve().parents[1] / "tests" / "care" / "payloads" / "twcs-sample.csv"  # real rows
BRANDS = ["sprintcare", "amazonhelp", "applesupport", "bofa_help", "tmobilehelp", "verizonsupport", "comcastcares",
          "uber_support", "spotifycares", "delta", "hulu_support", "xboxsupport", "askplaystation", "americanair"]
DELIVERY = 100  # messages per webhook delivery or import chunk


def messages(count: int) -> list[MentionIn]:
    """`count` messages from the real rows; each repetition gets fresh ids (parents follow)."""
    with TWCS.open(encoding="utf-8", newline="") as handle:
        rows = [r for _line, r in imports.iter_twcs(handle) if isinstance(r, MentionIn)]
    out: list[MentionIn] = []
    round_ = 0
    while len(out) < count:
        for row in rows:
            if len(out) == count:
                break
            parent = f"{row.parent_external_id}-{round_}" if row.parent_external_id else None
            out.append(row.model_copy(update={"external_id": f"{row.external_id}-{round_}",
                                              "parent_external_id": parent}))
        round_ += 1
    return out


def _topics(count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """The kinds of topics brands set up (bench/topics.py), for `count` topics."""
    names = examples.brands(max(2, -(-count // examples.KINDS)), rng)
    found = []
    for i in range(count):
        text, profiles = examples.topic(names[i // examples.KINDS], i % examples.KINDS, rng)
        found.append((text or "", sorted(profiles)))
    return found


async def _reset(database: Database, topics: int) -> Channel:
    async with database.sessionmaker() as session:
        for model in (MentionTopic, Mention, ConversationKey, Conversation, InboxItem, Topic):
            await session.execute(delete(model))
        channel = await session.scalar(select(Channel).where(Channel.name == "bench"))
        if channel is None:
            now = clock.now()
            channel = Channel(kind=ChannelKind.IMPORT, name="bench", account="", news=False, poll_minutes=15,
                              active=True, created_at=now, updated_at=now)
            session.add(channel)
        now = clock.now()
        session.add(Topic(name="Brand accounts", query="", profiles=BRANDS, active=True, created_at=now,
                          updated_at=now))
        for i, (query, profiles) in enumerate(_topics(max(topics - 1, 0), random.Random(topics))):
            session.add(Topic(name=f"Topic {i}", query=query, profiles=profiles, active=True, created_at=now,
                              updated_at=now))
        await session.commit()
        return channel


async def ingestion(database: Database, *, topics: int, count: int) -> dict:
    from care.topics import topic_index

    channel = await _reset(database, topics)
    batch = messages(count)
    async with database.sessionmaker() as session:
        await topic_index(session)  # a running worker has its index loaded
    load_handlers()
    started = time.perf_counter()
    for start in range(0, count, DELIVERY):
        async with await database.writer() as session:
            await ingest.receive(session, await session.get(Channel, channel.id), batch[start:start + DELIVERY])
            await session.commit()
    received = time.perf_counter() - started
    while await events.drain_once(database):
        pass
    elapsed = time.perf_counter() - started
    async with database.sessionmaker() as session:
        stored = await session.scalar(select(func.count()).select_from(Mention)) or 0
        conversations = await session.scalar(select(func.count()).select_from(Conversation)) or 0
    return {"topics": topics, "messages": count, "stored": stored, "conversations": conversations,
            "per_second": count / elapsed, "receive_per_second": count / received,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def _one(url: str, topics: int, count: int) -> dict:
    from care import labels

    database = Database(url)
    try:
        labels.warm()  # a running worker has its models loaded
        return {**await ingestion(database, topics=topics, count=count), "rss_mb": _rss_mb()}
    finally:
        await database.dispose()


def measure(url: str, *, topic_counts: tuple[int, ...] = (10, 1_000, 10_000), count: int = 10_000) -> list[dict]:
    """Each size in a fresh process, so its memory is the ingestion's own."""
    import json
    import subprocess
    import sys

    results = []
    for topics in topic_counts:
        out = subprocess.run([sys.executable, "-m", "bench.care", url, str(topics), str(count)], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).resolve().parents[1])
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


if __name__ == "__main__":
    import asyncio
    import json
    import sys

    print(json.dumps(asyncio.run(_one(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))))


def x_deliveries(batch: list[MentionIn], size: int = DELIVERY) -> list[bytes]:
    """The messages as X API v2 webhook deliveries (tweets plus their authors)."""
    import json

    bodies = []
    for start in range(0, len(batch), size):
        chunk = batch[start:start + size]
        tweets = [{"id": m.external_id, "text": m.text, "author_id": f"u{m.author.handle}",
                   "created_at": m.created_at.isoformat().replace("+00:00", "Z"),
                   **({"referenced_tweets": [{"type": "replied_to", "id": m.parent_external_id}]}
                      if m.parent_external_id else {})} for m in chunk]
        users = [{"id": f"u{h}", "username": h, "name": h, "public_metrics": {"followers_count": 100}}
                 for h in sorted({m.author.handle for m in chunk})]
        bodies.append(json.dumps({"data": tweets, "includes": {"users": users}}).encode())
    return bodies


async def over_http(url: str, *, topics: int, count: int, server_workers: int = 2, concurrency: int = 4) -> dict:
    """End to end as deployed: signed webhook deliveries to `server_workers` server processes
    (which check, label and match them) and one `hearth worker` process storing them."""
    import base64
    import hashlib
    import hmac
    import socket
    import subprocess
    import sys

    import httpx

    from care.models import ChannelKind
    from hearth.security import encrypt_secret, secret_hint

    secret = "bench-consumer-secret-0123456789"
    database = Database(url)
    channel = await _reset(database, topics)
    async with database.sessionmaker() as session:
        stored = await session.get(Channel, channel.id)
        stored.kind, stored.account = ChannelKind.X, "bench"
        stored.secret_encrypted, stored.secret_hint = encrypt_secret(secret), secret_hint(secret)
        await session.commit()
    bodies = x_deliveries(messages(count))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "HEARTH_DATABASE_URL": url, "HEARTH_LOG_LEVEL": "warning", "HEARTH_INPROCESS_WORKER": "false",
           "HEARTH_WORKER_POLL_SECONDS": "0.2", "HEARTH_WRITE_LIMIT": "1000000/60"}
    root = Path(__file__).resolve().parents[1]
    server = subprocess.Popen([sys.executable, "-m", "hearth.cli", "serve", "--port", str(port), "--workers",
                               str(server_workers), "--no-access-log"], env=env, cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # On PostgreSQL two drain loops share the outbox (SKIP LOCKED); SQLite writes one at a time.
    loops = "2" if url.startswith("postgresql") else "1"
    worker = subprocess.Popen([sys.executable, "-m", "hearth.cli", "worker", "--concurrency", loops], env=env, cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            for _ in range(200):
                try:
                    if (await client.get("/livez")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio_sleep(0.1)
            # Warm each server process up (models, topic index) outside the timing.
            warm = x_deliveries(messages(20) + _other_languages(), 10)
            for body in warm * server_workers:
                await client.post(f"/api/hooks/x/{channel.id}", content=body, headers=_signed(body, secret))
            await _drained(database)
            servers = [server.pid, *_children(server.pid)]
            cpu_before = sum(map(_cpu_seconds, servers)), _cpu_seconds(worker.pid), time.process_time()
            started = time.perf_counter()
            queue = list(bodies)

            async def sender() -> None:
                while queue:
                    body = queue.pop()
                    response = await client.post(f"/api/hooks/x/{channel.id}", content=body,
                                                 headers=_signed(body, secret))
                    response.raise_for_status()

            import asyncio

            await asyncio.gather(*(sender() for _ in range(concurrency)))
            received = time.perf_counter() - started
            await _drained(database)
            elapsed = time.perf_counter() - started
            cpu = (sum(map(_cpu_seconds, servers)) - cpu_before[0], _cpu_seconds(worker.pid) - cpu_before[1],
                   time.process_time() - cpu_before[2])
        rss = _rss_of(worker.pid) + sum(_rss_of(pid) for pid in _children(server.pid)) + _rss_of(server.pid)
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            process.wait(timeout=20)
    async with database.sessionmaker() as session:
        kept = await session.scalar(select(func.count()).select_from(Mention)) or 0
    await database.dispose()
    _ = hashlib, hmac, base64
    per_message = {"servers": cpu[0] / count * 1e6, "worker": cpu[1] / count * 1e6, "sender": cpu[2] / count * 1e6}
    return {"topics": topics, "messages": count, "stored": kept, "per_second": count / elapsed,
            "receive_per_second": count / received, "rss_mb": rss, "worker_loops": int(loops),
            "cpu_us_per_message": per_message}


def _other_languages() -> list[MentionIn]:
    """A Dutch and a French message, so each server has every lexicon loaded before the timing."""
    texts = ["@sprintcare Bedankt, de app werkt weer goed", "@sprintcare Merci, l'application marche bien"]
    return [MentionIn(external_id=f"warm-{i}", text=text, author={"handle": "warm"}, created_at=clock.now())
            for i, text in enumerate(texts)]


def _signed(body: bytes, secret: str) -> dict[str, str]:
    import base64
    import hashlib
    import hmac

    signature = "sha256=" + base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    return {"content-type": "application/json", "x-twitter-webhooks-signature": signature}


async def asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


async def _drained(database: Database, seconds: float = 600) -> None:
    """Until the inbox is empty and no event is due (reminders scheduled for later wait)."""
    import asyncio

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        async with database.sessionmaker() as session:
            pending_rows = await session.scalar(select(func.count()).where(InboxItem.processed_at.is_(None)))
            outbox = await session.scalar(select(func.count()).select_from(events.OutboxEvent).where(
                events.OutboxEvent.processed_at.is_(None), events.OutboxEvent.available_at <= clock.now()))
        if not pending_rows and not outbox:
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"the worker left {pending_rows} inbox rows and {outbox} due events after {seconds:.0f} s")


def _rss_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0.0


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return [int(p) for p in children.read().split()]
    except OSError:
        return []
