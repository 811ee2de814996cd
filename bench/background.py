"""Background work against requests, on a server as `hearth serve --workers 2` runs it (each
process with its in-process worker).

1. Signed-in writes (answers, votes and vote withdrawals by 8 members with API tokens)
   for 10 s with an idle worker, then again right after start-up while the workers drain
   a backlog of about 10,000 mixed events: mention intake, agents' sentiment corrections
   (which retrain the model), new answers (notifications and search indexing) and edits.
   Reported: each run's p50/p99, the busy run's p99 as a share of the idle one's, errors,
   and how much of the backlog was drained meanwhile.
2. The time from a mention's arrival (a signed X webhook delivery) to its being stored and
   listed in the care stream, with no retrain running and with one running.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import ColumnElement, func, select

from bench import care as care_bench
from bench import forums as forum_bench
from care import ingest
from care import service as care_service
from care.models import Channel, ChannelKind, Mention
from care.schemas import ChannelIn, TopicIn
from forums import service as forums
from forums.models import Post
from forums.schemas import PostIn
from hearth import events
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.db import Base, Database
from hearth.events import OutboxEvent

ROOT = Path(__file__).resolve().parents[1]
WRITERS = 4
SECRET = "bench-consumer-secret-0123456789"
SERVER_ENV = {"HEARTH_LOG_LEVEL": "warning", "HEARTH_INPROCESS_WORKER": "true", "HEARTH_WRITE_LIMIT": "1000000/60",
              "HEARTH_MODERATION_POSTS_PER_HOUR": "1000000", "HEARTH_MODERATION_NEW_MEMBER_POSTS_PER_HOUR": "1000000",
              "HEARTH_SECRET_KEY": "bench-secret-key-0123456789abcdef"}


async def _setup(database: Database) -> dict:
    """Writers with tokens, the thread they answer and vote in, an X channel and a topic."""
    from care import topics
    from hearth.security import encrypt_secret, secret_hint

    path = await forum_bench.thread_with_answers(database)
    async with database.sessionmaker() as session:
        thread_id = int(path.split("/")[2])
        answers = list(await session.scalars(select(Post).where(Post.thread_id == thread_id, Post.is_opening.is_(False))
                                             .order_by(Post.id)))
        writers = []
        for i in range(WRITERS):
            member = await accounts.create_account(session, email=f"writer{i}@bench.example",
                                                   display_name=f"Bench writer {i}",
                                                   password="correct horse battery staple")
            _record, token = await accounts.create_token(session, member, "bench")
            writers.append({"token": token, "post": answers[i].id})
        agent = await accounts.create_account(session, email="agent@bench.example", display_name="Bench agent",
                                              password="correct horse battery staple",
                                              roles=frozenset({Role.CARE_AGENT}))
        _record, agent_token = await accounts.create_token(session, agent, "bench")
        channel = await care_service.save_channel(session, ChannelIn(kind="import", name="Bench X"))
        channel.kind, channel.account = ChannelKind.X, "bench"
        channel.secret_encrypted, channel.secret_hint = encrypt_secret(SECRET), secret_hint(SECRET)
        await topics.save_topic(session, TopicIn(name="Brands", query="", profiles=care_bench.BRANDS))
        await session.commit()
        return {"thread": thread_id, "writers": writers, "channel": channel.id, "agent": agent.id,
                "agent_token": agent_token}


async def _backlog(database: Database, ctx: dict, *, corrections: int = 2_000) -> dict[str, int]:
    """About 10,000 events as real activity leaves them, published with no worker running."""
    rng = random.Random(5)
    async with database.sessionmaker() as session:
        channel = await session.get(Channel, ctx["channel"])
        messages = care_bench.messages(4_000)
        for start in range(0, len(messages), 10):  # 300 deliveries of 10
            await ingest.receive(session, channel, messages[start:start + 10])
        await session.commit()
    while await events.drain_once(database):  # stored, so there is something to correct; intake comes again below
        pass
    async with database.sessionmaker() as session:
        agent = await session.get(Account, ctx["agent"])
        mention_ids = list(await session.scalars(select(Mention.id).order_by(Mention.id).limit(corrections)))
        for mention_id in mention_ids:
            await care_service.correct_sentiment(session, agent, mention_id, rng.choice(["positive", "negative",
                                                                                       "neutral"]))
        await session.commit()
    async with database.sessionmaker() as session:
        channel = await session.get(Channel, ctx["channel"])
        fresh = [m.model_copy(update={"external_id": "again-" + m.external_id,
                                      "parent_external_id": m.parent_external_id and "again-" + m.parent_external_id})
                 for m in messages]
        for start in range(0, len(fresh), 10):
            await ingest.receive(session, channel, fresh[start:start + 10])
        members = await accounts.newest_members(session, limit=40)
        for i in range(3_000):
            await forums.create_answer(session, members[i % 40], ctx["thread"], PostIn(
                body=f"Answer {i}: " + forum_bench.sentence(rng, "en", 18)))
            if i % 100 == 99:
                await session.commit()
        posts = list(await session.scalars(select(Post.id).where(Post.thread_id == ctx["thread"]).limit(500)))
        for i in range(2_500):  # moderators' edits
            events.publish(session, "forum.post_edited", thread_id=ctx["thread"], post_id=posts[i % len(posts)])
        await session.commit()
    async with database.sessionmaker() as session:
        pending = dict((await session.execute(select(OutboxEvent.name, func.count()).where(
            OutboxEvent.processed_at.is_(None)).group_by(OutboxEvent.name))).all())
    return {"pending": sum(pending.values()), "by_kind": pending}


async def _count(database: Database, model: type[Base], *where: ColumnElement[bool]) -> int:
    async with database.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _serve(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV, "HEARTH_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "hearth.cli", "serve", "--port", str(port), "--workers", "2",
                             "--no-access-log"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


async def _up(base: str) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(300):
            try:
                if (await client.get("/livez")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not start")


async def _writes(base: str, ctx: dict, seconds: float) -> dict:
    """Each writer in turn answers, votes and withdraws the vote, as fast as the server lets it."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    stop = time.monotonic() + seconds

    async def writer(n: int, spec: dict) -> None:
        headers = {"authorization": f"Bearer {spec['token']}"}
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
            rng, voted, i = random.Random(f"{n}:{time.time_ns()}"), False, 0
            while time.monotonic() < stop:
                i += 1
                started = time.perf_counter()
                if i % 3 == 1:  # each answer its own words: the same text twice is refused as a duplicate
                    response = await client.post(f"/api/v1/threads/{ctx['thread']}/answers", json={
                        "body": " ".join(forum_bench.sentence(rng, "en", 14) for _ in range(2))})
                elif not voted:
                    response = await client.put(f"/api/v1/posts/{spec['post']}/vote")
                    voted = response.status_code in (200, 409)  # 409: a vote left from an earlier run
                else:
                    response = await client.delete(f"/api/v1/posts/{spec['post']}/vote")
                    voted = False
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code >= 400:
                    what = f"{response.request.method} {response.status_code} {response.text[:120]}"
                    errors[what] = errors.get(what, 0) + 1

    await asyncio.gather(*(writer(n, spec) for n, spec in enumerate(ctx["writers"])))
    latencies.sort()
    return {"requests": len(latencies), "per_second": len(latencies) / seconds, "errors": sum(errors.values()),
            "error_kinds": errors,
            "p50_ms": latencies[len(latencies) // 2], "p99_ms": latencies[int(len(latencies) * 0.99)],
            "max_ms": latencies[-1]}


def _delivery(external_id: str) -> bytes:
    tweet = {"id": external_id, "text": f"@sprintcare my card was refused twice today ({external_id})",
             "author_id": "ubench", "created_at": "2026-12-01T10:00:00Z"}
    users = [{"id": "ubench", "username": "bench_customer", "name": "Bench", "public_metrics": {"followers_count": 10}}]
    return json.dumps({"data": [tweet], "includes": {"users": users}}).encode()


def _signed(body: bytes) -> dict[str, str]:
    digest = hmac.new(SECRET.encode(), body, hashlib.sha256).digest()
    return {"content-type": "application/json", "x-twitter-webhooks-signature": "sha256=" + base64.b64encode(
        digest).decode()}


async def _arrivals(base: str, ctx: dict, label: str, database: Database, count: int = 20,
                    pause: float = 0.2) -> list[tuple[float, bool]]:
    """Seconds from each delivery to its mention in the care stream (GET /api/v1/care/mentions),
    each with whether a retrain was running when it was sent."""
    took = []
    headers = {"authorization": f"Bearer {ctx['agent_token']}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        for i in range(count):
            external_id = f"{label}-{i}"
            body = _delivery(external_id)
            retraining = await _retraining(database)
            started = time.perf_counter()
            (await client.post(f"/api/hooks/x/{ctx['channel']}", content=body, headers=_signed(body))
             ).raise_for_status()
            while True:
                response = await client.get("/api/v1/care/mentions", params={"channel": ctx["channel"]})
                if response.status_code != 200:
                    raise SystemExit(f"the care stream answered {response.status_code}: {response.text[:300]}")
                if any(m["external_id"] == external_id for m in response.json()["items"]):
                    break
                if time.perf_counter() - started > 60:
                    raise SystemExit(f"mention {external_id} never reached the care stream")
                await asyncio.sleep(0.01)
            took.append((time.perf_counter() - started, retraining))
            await asyncio.sleep(pause)
    return took


async def _correct_all(database: Database, ctx: dict) -> int:
    """A burst of corrections on every stored mention: one long retrain (thousands of examples)."""
    async with database.sessionmaker() as session:
        agent = await session.get(Account, ctx["agent"])
        ids = list(await session.scalars(select(Mention.id)))
        for mention_id in ids:
            sentiment = "negative" if mention_id % 2 else "neutral"
            await care_service.correct_sentiment(session, agent, mention_id, sentiment)
        await session.commit()
    return len(ids)


async def _retraining(database: Database) -> bool:
    async with database.sessionmaker() as session:
        return bool(await session.scalar(select(func.count()).where(
            OutboxEvent.name == "care.sentiment_corrected>retrain_sentiment", OutboxEvent.locked_by.is_not(None),
            OutboxEvent.processed_at.is_(None))))


async def measure(url: str, port: int, *, seconds: int = 10, say: Callable[[str], None] = print) -> dict:
    from hearth import migrations
    from hearth.settings import get_settings

    # The writers here and the backlog's answers post far more than members may in an hour;
    # the channel's secret is encrypted here with the key the server decrypts it with.
    os.environ.update({k: v for k, v in SERVER_ENV.items() if k.startswith("HEARTH_MODERATION_")
                       or k == "HEARTH_SECRET_KEY"})
    get_settings.cache_clear()

    await asyncio.to_thread(migrations.upgrade, url)
    database = Database(url)
    base = f"http://127.0.0.1:{port}"
    try:
        from rich.progress import Progress

        from hearth.seed import seed_accounts

        with Progress(transient=True) as progress:
            async with database.sessionmaker() as session:
                await seed_accounts(session, progress)
                await session.commit()
        say("setting up writers, a thread and an X channel")
        ctx = await _setup(database)
        while await events.drain_once(database, ahead=60):
            pass
        say(f"signed-in writes for {seconds} s, idle worker")
        server = _serve(url, port)
        try:
            await _up(base)
            await _writes(base, ctx, 2)  # warm-up
            idle = await _writes(base, ctx, seconds)
        finally:
            _stop(server)
        while await events.drain_once(database, ahead=60):
            pass
        say("making a backlog of about 10,000 events")
        backlog = await _backlog(database, ctx)
        say(f"signed-in writes for {seconds} s while the workers drain {backlog['pending']:,} events")
        server = _serve(url, port)
        try:
            await _up(base)
            started = time.monotonic()
            busy = await _writes(base, ctx, seconds)
            left = await _count(database, OutboxEvent, OutboxEvent.processed_at.is_(None))
            while await _count(database, OutboxEvent, OutboxEvent.processed_at.is_(None)) and \
                    time.monotonic() - started < 600:
                await asyncio.sleep(0.5)
            drained_in = time.monotonic() - started
            say("mention arrivals, then again while the model retrains")
            await _arrivals(base, ctx, "warm", database, count=6, pause=0)  # each server process labels once
            quiet = [s for s, _ in await _arrivals(base, ctx, "quiet", database)]
            corrected = await _correct_all(database, ctx)
            while not await _retraining(database):
                await asyncio.sleep(0.05)
            during = [s for s, retraining in await _arrivals(base, ctx, "retrain", database, count=15, pause=0.05)
                      if retraining]
        finally:
            _stop(server)
    finally:
        await database.dispose()
    return {"idle": idle, "busy": busy, "backlog": backlog, "left_after_run": left, "drained_in_s": drained_in,
            "arrival_quiet_s": quiet, "arrival_retrain_s": during, "retrain_examples": corrected}


def report(console, result: dict) -> None:  # noqa: ANN001
    idle, busy, backlog = result["idle"], result["busy"], result["backlog"]
    console.print(f"Signed-in writes (answers, votes, unvotes; {WRITERS} members with tokens, 2 server processes "
                  f"with their in-process workers): idle worker {idle['per_second']:,.0f}/s "
                  f"p50 {idle['p50_ms']:.1f} ms p99 {idle['p99_ms']:.1f} ms · "
                  f"while draining {backlog['pending']:,} events {busy['per_second']:,.0f}/s "
                  f"p50 {busy['p50_ms']:.1f} ms p99 {busy['p99_ms']:.1f} ms "
                  f"(max {busy['max_ms']:.0f} ms) = {busy['p99_ms'] / idle['p99_ms']:.0%} of the idle p99 · errors "
                  f"{idle['errors']} / {busy['errors']} · {result['left_after_run']:,} events left after the run, "
                  f"all drained {result['drained_in_s']:.0f} s after start-up")
    quiet, during = result["arrival_quiet_s"], result["arrival_retrain_s"]
    retraining = (f"median {statistics.median(during) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms "
                  f"({len(during)} sent while it ran)" if during else "the retrain ended before a delivery was sent")
    console.print(f"Mention arrival to the care stream (signed X webhook, then listed by GET /api/v1/care/mentions): "
                  f"median {statistics.median(quiet) * 1000:.0f} ms, max {max(quiet) * 1000:.0f} ms · while the model "
                  f"retrains on {result['retrain_examples']:,} corrections: {retraining}")
