"""Hearth's speed figures: real servers on fresh databases, loaded with wrk, and its parts timed.

First the pages people use all day (`bench/pages.py`), as a visitor and signed in, on SQLite
and on PostgreSQL, each as a share of the trivial endpoint's throughput in the same run and
beside a bare FastAPI app; then search, screening, review aggregates, mention ingestion and
background work, automation recipes, the care queue under load and the idea exchange's lists
over 50,000 ideas and 1,000,000 votes. Later issues add their pages to `PAGES` in `bench/pages.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
console = Console(width=None if sys.stdout.isatty() else 150)


async def prepare_pages(url: str, *, search_threads: int, ideas: int, idea_votes: int) -> dict:
    """Migrate, seed accounts, make the pages' data (a thread, a category, a product, a search
    corpus, ideas with their votes) and sign people in; returns what the page targets need."""
    os.environ["HEARTH_DATABASE_URL"] = url
    from bench import forums, pages, reviews
    from bench import ideas as idea_bench
    from hearth import events, migrations
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
            category_path = await forums.fill_category(database, thread_path)
            task = progress.add_task("1,000 reviews of one product", total=None)
            product_path = await reviews.product_with_reviews(database)
            progress.update(task, total=1, completed=1)
            task = progress.add_task(f"{ideas:,} ideas, {idea_votes:,} votes", total=1)
            idea_path = await idea_bench.ideas_with_votes(database, thread_path, ideas=ideas, votes=idea_votes,
                                                          progress=lambda done: progress.update(task, completed=done))
            while await events.drain_once(database):
                pass
            task = progress.add_task("Search corpus (threads of 10 posts)", total=search_threads)
            posts = await forums.build_search_corpus(database, threads=search_threads,
                                                     progress=lambda n: progress.update(task, completed=n))
        return {"thread": thread_path, "category": category_path, "product": product_path, "posts": posts,
                "idea": idea_path,
                **await pages.sign_in(database, thread_path)}
    finally:
        await database.dispose()


async def prepare_rest(url: str, *, screening_texts: int, mentions: int) -> dict:
    from bench import care, forums, moderation, reviews
    from hearth.db import Database

    database = Database(url)
    try:
        recompute = await reviews.recompute_timing(database)
        with console.status("Timing searches…"):
            latency = await forums.search_latency(database)
        with console.status(f"Screening {screening_texts:,} posts…"):
            screening = await moderation.measure(database, texts=screening_texts)
        with console.status("Ingesting mentions with 10, 1,000 and 10,000 topics…"):
            ingestion = await asyncio.to_thread(care.measure, url, count=mentions)
        return {"search": latency, "screening": screening, "recompute": recompute, "ingestion": ingestion}
    finally:
        await database.dispose()


async def fresh_postgres(url: str) -> bool:
    """Empty the benchmark's PostgreSQL database (made if missing); False when none answers."""
    import asyncpg

    dsn = url.replace("postgresql+asyncpg", "postgresql")
    name = dsn.rsplit("/", 1)[1]
    try:
        admin = await asyncpg.connect(dsn.rsplit("/", 1)[0] + "/postgres", timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        console.print(f"[yellow]No PostgreSQL at {dsn.rsplit('@', 1)[-1]} ({exc}); "
                      "pages measured on SQLite only[/yellow]")
        return False
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return True


def measure_pages(url: str, args: argparse.Namespace, workdir: Path) -> dict:
    from bench import pages

    ctx = asyncio.run(prepare_pages(url, search_threads=args.search_threads, ideas=args.idea_count,
                                    idea_votes=args.idea_votes))
    with console.status("Pages…") as status:
        measured = pages.measure(url, ctx, workdir=workdir, workers=args.workers, connections=args.connections,
                                 seconds=args.seconds,
                                 say=lambda name: status.update(f"Loading {name} ({args.seconds}s, "
                                                                f"{args.connections} connections)…"))
    return {"url": url, "ctx": ctx, **measured}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--database-url", default=os.environ.get("HEARTH_BENCH_DATABASE_URL"),
                        help="run everything on this database instead of a fresh SQLite file")
    parser.add_argument("--postgres-url", default=os.environ.get(
        "HEARTH_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/hearth_bench"),
        help="a PostgreSQL database (emptied) on which the pages are measured too; '' to skip")
    parser.add_argument("--pages-only", action="store_true", help="measure the pages and nothing else")
    parser.add_argument("--search-threads", type=int, default=10_000,
                        help="search corpus size in threads of 10 posts (default: 100,000 posts)")
    parser.add_argument("--screening-texts", type=int, default=3_000, help="posts screened for the moderation figures")
    parser.add_argument("--mentions", type=int, default=10_000, help="mentions ingested at each number of topics")
    parser.add_argument("--recipe-items", type=int, default=10_000,
                        help="open care items the time-based recipes sweep over")
    parser.add_argument("--care-queue-only", action="store_true",
                        help="measure the care queue (100,000 open items, 50 agents) and nothing else")
    parser.add_argument("--queue-items", type=int, default=100_000, help="open items in the care queue benchmark")
    parser.add_argument("--queue-connections", type=int, default=16,
                        help="wrk connections the care queue's 50 agents share (16, as every page's aim is stated)")
    parser.add_argument("--stream-clients", type=int, default=50, help="agents holding the live stream open")
    parser.add_argument("--ideas-only", action="store_true",
                        help="measure the idea exchange's lists (50,000 ideas, 1,000,000 votes) and nothing else")
    parser.add_argument("--idea-count", type=int, default=50_000,
                        help="ideas behind the trending list (pages and idea exchange benchmarks)")
    parser.add_argument("--idea-votes", type=int, default=1_000_000, help="votes on them")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="hearth-bench-"))
    if args.care_queue_only:
        report_care_queue(measure_care_queue(args, workdir))
        return
    if args.ideas_only:
        report_ideas(measure_ideas(args, workdir))
        return
    url = args.database_url or f"sqlite+aiosqlite:///{workdir}/bench.db"
    runs = [measure_pages(url, args, workdir)]
    if args.postgres_url and not url.startswith("postgresql") and asyncio.run(fresh_postgres(args.postgres_url)):
        runs.append(measure_pages(args.postgres_url, args, workdir))
    report_pages(runs, args)
    if args.pages_only:
        return
    ctx = asyncio.run(prepare_rest(url, screening_texts=args.screening_texts, mentions=args.mentions))
    ctx["search"]["posts"] = runs[0]["ctx"]["posts"]
    from bench import background, care, pages

    with console.status("Mentions through signed webhooks, end to end, with 10,000 topics…"):
        ctx["over_http"] = asyncio.run(care.over_http(url, topics=10_000, count=2 * args.mentions))
    # On SQLite a database of its own, so the backlog is the only work waiting; on PostgreSQL the same one.
    background_url = args.database_url or f"sqlite+aiosqlite:///{workdir}/background.db"
    with console.status("Background work against signed-in writes…") as status:
        ctx["background"] = asyncio.run(background.measure(
            background_url, pages.free_port(), seconds=args.seconds,
            say=lambda text: status.update(f"Background work: {text}…")))
    from bench import recipes as recipes_bench

    with console.status(f"Automation recipes: 200 per item, the sweep over {args.recipe_items:,} open items…"):
        ctx["recipes"] = asyncio.run(recipes_bench.measure(
            args.database_url or f"sqlite+aiosqlite:///{workdir}/recipes.db", open_items=args.recipe_items))
    ctx["care_queue"] = measure_care_queue(args, workdir)
    ctx["ideas"] = measure_ideas(args, workdir)
    report(runs, url, ctx)


def _on_own_databases(args: argparse.Namespace, workdir: Path, what: str, name: str,
                      measure: Callable[[str, Callable[[str], None]], dict]) -> list[dict]:
    """`measure(url, say)` on a fresh SQLite file `name`.db, then on PostgreSQL when one answers."""
    urls = [f"sqlite+aiosqlite:///{workdir}/{name}.db"]
    if args.postgres_url and asyncio.run(fresh_postgres(args.postgres_url)):
        urls.append(args.postgres_url)
    runs = []
    for url in urls:
        database = url.split(":")[0]
        with console.status(f"{what}…") as status:
            runs.append(measure(url, lambda text, db=database: status.update(f"{what} on {db}: {text}…")))
    return runs


def measure_care_queue(args: argparse.Namespace, workdir: Path) -> list[dict]:
    """The care queue with its own databases (SQLite, and PostgreSQL when one answers): 100,000
    open items are more than the other figures want beside them."""
    from bench import care_queue

    return _on_own_databases(args, workdir, "Care queue", "care_queue", lambda url, say: care_queue.measure(
        url, workdir=workdir, workers=args.workers, connections=args.queue_connections, seconds=args.seconds,
        items=args.queue_items, stream_clients=args.stream_clients, say=say))


def measure_ideas(args: argparse.Namespace, workdir: Path) -> list[dict]:
    """The idea exchange's lists on databases of their own (SQLite, and PostgreSQL when one answers)."""
    from bench import idea_lists as ideas

    return _on_own_databases(args, workdir, "Ideas", "ideas", lambda url, say: ideas.measure(
        url, workdir=workdir, workers=args.workers, connections=args.connections, seconds=args.seconds,
        ideas=args.idea_count, votes=args.idea_votes, say=say))


def report_ideas(runs: list[dict]) -> None:
    from bench import idea_lists as ideas

    ideas.report(console, runs)


def report_care_queue(runs: list[dict]) -> None:
    from bench import care_queue

    care_queue.report(console, runs)


def report_pages(runs: list[dict], args: argparse.Namespace) -> None:
    for run in runs:
        rows = run["rows"]
        bare, livez = rows[0], rows[1]
        table = Table(title=f"Pages on {os.cpu_count()} cores · {args.workers} server processes · "
                            f"{args.connections} connections · {run['url'].split(':')[0]}")
        for column in ("page", "requests/s", "p50 ms", "p99 ms", "errors", "share of /livez", "aim"):
            table.add_column(column, justify="right" if column != "page" else "left")
        for r in rows:
            share = f"{r.requests_per_second / livez.requests_per_second:.0%}" if r is not bare else ""
            aim = ""
            if r.target is not None:
                met = r.requests_per_second >= r.target * livez.requests_per_second and r.p99_ms < 50
                aim = f"≥ {r.target:.0%}, p99 < 50 ms: " + ("[green]met[/green]" if met else "[red]missed[/red]")
            table.add_row(r.name, f"{r.requests_per_second:,.0f}", f"{r.p50_ms:.1f}", f"{r.p99_ms:.1f}",
                          str(r.errors), share, aim)
        console.print(table)
        memory = " · ".join(f"{mb:.0f} MB" for mb in run["rss_mb"])
        console.print(f"/livez is {livez.requests_per_second / bare.requests_per_second:.0%} of the bare FastAPI "
                      f"app's throughput (aim ≥ 50%); server processes' resident memory after the load: {memory}")


def report(runs: list[dict], url: str, ctx: dict) -> None:
    latency, screening, recompute = ctx["search"], ctx["screening"], ctx["recompute"]
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
    from bench import recipes as recipes_bench

    recipes_bench.report(console, ctx["recipes"])
    report_care_queue(ctx["care_queue"])
    report_ideas(ctx["ideas"])
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"pages": [{"database": run["url"].split(":")[0],
                                                             "rss_mb": run["rss_mb"],
                                                             "rows": [asdict(r) for r in run["rows"]]} for run in runs],
                                                  "search": latency,
                                                  "screening": screening, "recompute": recompute,
                                                  "ingestion": ctx["ingestion"], "over_http": ctx["over_http"],
                                                  "background": ctx["background"], "recipes": ctx["recipes"],
                                                  "care_queue": [{**run, "rows": [asdict(r) for r in run["rows"]]}
                                                                 for run in ctx["care_queue"]],
                                                  "ideas": [{**run, "rows": [asdict(r) for r in run["rows"]]}
                                                            for run in ctx["ideas"]]},
                                                 indent=2))


if __name__ == "__main__":
    main()
