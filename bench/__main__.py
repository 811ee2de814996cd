"""Start a real Hearth server on a fresh database and load it with wrk.

Prints requests/s and p50/p99 latency for each page, and each page's throughput as a
share of the trivial endpoint's in the same run (the framework's ceiling here).
Later issues add their pages to PAGES via `targets()`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
console = Console()


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class Target:
    name: str
    path: str
    cookie: str | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def prepare(url: str, *, search_threads: int, screening_texts: int, mentions: int) -> dict:
    """Migrate, seed accounts, make the forum data, sign a member in; returns what the targets need."""
    os.environ["HEARTH_DATABASE_URL"] = url
    from bench import care, forums, moderation, reviews
    from hearth import events, migrations
    from hearth.accounts import service
    from hearth.db import Database
    from hearth.seed import seed_accounts

    await asyncio.to_thread(migrations.upgrade, url)
    database = Database(url)
    try:
        with Progress(console=console, transient=True) as progress:
            async with database.sessionmaker() as session:
                await seed_accounts(session, progress)
                await session.commit()
            thread_path = await forums.thread_with_answers(database)
            task = progress.add_task("1,000 reviews of one product", total=None)
            product_path = await reviews.product_with_reviews(database)
            recompute = await reviews.recompute_timing(database)
            progress.update(task, total=1, completed=1)
            while await events.drain_once(database):
                pass
            task = progress.add_task("Search corpus (threads of 10 posts)", total=search_threads)
            posts = await forums.build_search_corpus(database, threads=search_threads,
                                                     progress=lambda n: progress.update(task, completed=n))
        with console.status(f"Timing searches over {posts:,} posts…"):
            latency = await forums.search_latency(database)
        with console.status(f"Screening {screening_texts:,} posts…"):
            screening = await moderation.measure(database, texts=screening_texts)
        with console.status("Ingesting mentions with 10, 1,000 and 10,000 topics…"):
            ingestion = await asyncio.to_thread(care.measure, url, count=mentions)
        async with database.sessionmaker() as session:
            member = await service.get_by_email(session, "admin@demo.hearth.test")
            new = await service.start_session(session, member, user_agent="bench")
            await session.commit()
        return {"handle": member.handle, "session": new.token, "thread": thread_path,
                "product": product_path, "search": {**latency, "posts": posts}, "screening": screening,
                "recompute": recompute, "ingestion": ingestion}
    finally:
        await database.dispose()


def targets(ctx: dict) -> list[Target]:
    cookie = f"hearth_session={ctx['session']}"
    return [
        Target("trivial endpoint", "/livez"),
        Target("profile page, signed in", f"/members/{ctx['handle']}", cookie),
        Target("thread, 20 answers, visitor", ctx["thread"]),
        Target("thread, 20 answers, signed in", ctx["thread"], cookie),
        Target("product, 1,000 reviews, visitor", ctx["product"]),
        Target("product, 1,000 reviews, signed in", ctx["product"], cookie),
    ]


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting; see its output above")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz in time")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(base: str, target: Target, *, connections: int, seconds: int, threads: int) -> Result:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if target.cookie:
        command += ["-H", f"Cookie: {target.cookie}"]
    out = subprocess.run([*command, base + target.path], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(target.name, target.path, rps, p50, p99, errors + (int(non2xx.group(1)) if non2xx else 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--database-url", default=os.environ.get("HEARTH_BENCH_DATABASE_URL"))
    parser.add_argument("--search-threads", type=int, default=10_000,
                        help="search corpus size in threads of 10 posts (default: 100,000 posts)")
    parser.add_argument("--screening-texts", type=int, default=3_000, help="posts screened for the moderation figures")
    parser.add_argument("--mentions", type=int, default=10_000, help="mentions ingested at each number of topics")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="hearth-bench-"))
    url = args.database_url or f"sqlite+aiosqlite:///{workdir}/bench.db"
    ctx = asyncio.run(prepare(url, search_threads=args.search_threads, screening_texts=args.screening_texts,
                              mentions=args.mentions))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "HEARTH_DATABASE_URL": url, "HEARTH_LOG_LEVEL": "warning",
           "HEARTH_SECRET_KEY": "bench-secret-key-0123456789abcdef"}
    server = subprocess.Popen([sys.executable, "-m", "hearth.cli", "serve", "--port", str(port),
                               "--workers", str(args.workers), "--no-access-log"], cwd=workdir, env=env)
    results: list[Result] = []
    try:
        wait_until_up(base, server)
        for target in targets(ctx):
            with console.status(f"Loading {target.name} ({args.seconds}s, {args.connections} connections)…"):
                run_wrk(base, target, connections=args.connections, seconds=2, threads=2)  # warm-up
                results.append(run_wrk(base, target, connections=args.connections, seconds=args.seconds,
                                       threads=2))
    finally:
        server.terminate()
        server.wait(timeout=15)
    from bench import background, care

    with console.status("Mentions through signed webhooks, end to end, with 10,000 topics…"):
        ctx["over_http"] = asyncio.run(care.over_http(url, topics=10_000, count=2 * args.mentions))
    # On SQLite a database of its own, so the backlog is the only work waiting; on PostgreSQL the same one.
    background_url = args.database_url or f"sqlite+aiosqlite:///{workdir}/background.db"
    with console.status("Background work against signed-in writes…") as status:
        ctx["background"] = asyncio.run(background.measure(
            background_url, free_port(), seconds=args.seconds,
            say=lambda text: status.update(f"Background work: {text}…")))
    report(results, args, url, ctx)


def report(results: list[Result], args: argparse.Namespace, url: str, ctx: dict) -> None:
    latency, screening, recompute = ctx["search"], ctx["screening"], ctx["recompute"]
    ceiling = results[0].requests_per_second
    table = Table(title=f"Hearth on {os.cpu_count()} cores · {args.workers} server workers · "
                        f"{args.connections} connections · {url.split(':')[0]}")
    for column in ("page", "requests/s", "p50 ms", "p99 ms", "errors", "share of trivial"):
        table.add_column(column, justify="right" if column != "page" else "left")
    for r in results:
        table.add_row(r.name, f"{r.requests_per_second:,.0f}", f"{r.p50_ms:.1f}", f"{r.p99_ms:.1f}",
                      str(r.errors), f"{r.requests_per_second / ceiling:.0%}")
    console.print(table)
    console.print(f"Search ({url.split(':')[0]} full-text, {latency['posts']:,} posts, {latency['queries']} two-word "
                  f"queries, in process): p50 {latency['p50_ms']:.1f} ms · p95 {latency['p95_ms']:.1f} ms · "
                  f"max {latency['max_ms']:.1f} ms")
    a, s, m = screening["analyse"], screening["screening"], screening["memory"]
    console.print(f"Screening ({a['texts']:,} real posts, {a['mean_chars']:.0f} characters on average): text analysis "
                  f"{a['per_second']:,.0f} texts/s (p50 {a['p50_ms']:.2f} ms, p99 {a['p99_ms']:.2f} ms) · whole "
                  f"screening with its database reads and trail {s['per_second']:,.0f} texts/s · memory of the "
                  f"loaded analysis {m['analysis_mb']:.0f} MB (process {m['after_mb']:.0f} MB)")
    console.print(f"Review aggregates: recomputing a product with {recompute['reviews']:,} reviews takes "
                  f"{recompute['product_ms']:.1f} ms (median); the whole catalogue ({recompute['products']} products) "
                  f"{recompute['all_ms']:.1f} ms")
    for run in ctx["ingestion"]:
        console.print(f"Mention ingestion, {run['topics']:,} topics: {run['per_second']:,.0f} mentions/s end to end "
                      f"({run['messages']:,} real messages received in deliveries of 100, then de-duplicated, "
                      f"labelled, matched, threaded and stored: {run['stored']:,} kept in "
                      f"{run['conversations']:,} conversations) · process memory {run['rss_mb']:.0f} MB")
    h = ctx["over_http"]
    cpu = h["cpu_us_per_message"]
    console.print(f"Mention ingestion as deployed (signed X webhook deliveries of 100 to 2 server processes that "
                  f"check, label and match them; one worker process with {h['worker_loops']} drain loop(s) storing): "
                  f"{h['per_second']:,.0f} mentions/s end to end with {h['topics']:,} topics, {h['messages']:,} "
                  f"messages ({h['stored']:,} kept) · CPU per message: servers {cpu['servers']:.0f} µs, worker "
                  f"{cpu['worker']:.0f} µs, the sender {cpu['sender']:.0f} µs · memory of the processes "
                  f"{h['rss_mb']:.0f} MB")
    from bench import background

    background.report(console, ctx["background"])
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"pages": [asdict(r) for r in results], "search": latency,
                                                  "screening": screening, "recompute": recompute,
                                                  "ingestion": ctx["ingestion"], "over_http": ctx["over_http"],
                                                  "background": ctx["background"]},
                                                 indent=2))


if __name__ == "__main__":
    main()
