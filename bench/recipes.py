"""How much automation recipes cost: 200 recipes against each item, and the time-based sweep.

1. Evaluation alone: 200 recipes of the kinds care teams write (language, channel, words in
   the text, followers, sentiment, priority, business hours; a few percent match) parsed once,
   then run against items' facts: microseconds per item.
2. A new item as the worker handles it: the recipes read, the item's facts read, evaluated and
   the matching ones run (then rolled back, so every item meets the same state).
3. The time-based sweep over N open items with 200 no-reply and SLA-warning recipes: the
   steady pass (the waits that reached their moment in the last minute) and a catch-up after
   the worker was away for two hours (every open item looked at by every recipe).

`python -m bench.recipes` prints the figures on a fresh SQLite file.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from care import recipes
from care.models import CareEntry, CareItem, EntryKind, ItemSource, ItemStatus, Recipe, RecipeTrigger
from hearth import clock
from hearth.db import Database

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WORDS = ["blocked", "geblokkeerd", "bloquée", "refund", "terugbetaling", "remboursement", "outage", "storing", "panne",
         "fraud", "hacked", "gehackt", "piraté", "lawyer", "advocaat", "avocat", "journalist", "cancel", "opzeggen"]
TEXTS = ["My card is blocked again, third time this week", "Mijn kaart is geblokkeerd en niemand neemt op",
         "Ma carte est bloquée depuis hier", "When do I get my refund?", "Storing bij de app vandaag?",
         "Thanks for the quick help!", "Panne générale ce matin ?", "Is the app down for everyone?"]
CHANNELS = ["x", "facebook", "feed", "community", "reviews"]


def _conditions(rng: random.Random) -> list[dict]:
    """Words in the text and one to three more: each recipe matches well under 1% of items."""
    pool: list[dict[str, Any]] = [
        {"field": "language", "op": "in", "value": sorted(rng.sample(["en", "nl", "fr"], 2))},
        {"field": "channel", "op": "is", "value": rng.choice(CHANNELS)},
        {"field": "followers", "op": "above", "value": rng.choice([1_000, 10_000, 50_000])},
        {"field": "sentiment", "op": "is", "value": rng.choice(["negative", "neutral"])},
        {"field": "priority", "op": "at_least", "value": rng.choice(["high", "normal"])},
        {"field": "business_hours", "op": "is", "value": True},
        {"field": "source", "op": "in", "value": ["mention", "review"]},
    ]
    return [{"field": "text", "op": "contains", "value": rng.sample(WORDS, 1)}, *rng.sample(pool, rng.randint(2, 3))]


def recipe_rows(count: int, triggers: list[RecipeTrigger], rng: random.Random) -> list[dict]:
    rows = []
    for n in range(count):
        trigger = triggers[n % len(triggers)]
        rows.append({"name": f"Recipe {n}", "position": n, "trigger": trigger, "active": True,
                     "minutes": rng.choice([15, 30, 45, 60, 90]) if trigger in recipes.TIMED else None,
                     "conditions": _conditions(rng), "actions": [{"type": "tag", "tags": [f"r{n % 20}"]}],
                     "swept_until": None, "created_at": START, "updated_at": START})
    return rows


def item_row(n: int, rng: random.Random, now: datetime) -> dict:
    waiting = now - timedelta(minutes=rng.uniform(0, 120))
    # Far above the ids other benchmarks' items use, on a database they share.
    return {"source": rng.choice(list(ItemSource)), "source_id": 1_000_000_000 + n, "channel": rng.choice(CHANNELS),
            "status": rng.choice([ItemStatus.NEW, ItemStatus.OPEN]), "priority": rng.choice([2, 3, 3, 3, 4]),
            "language": rng.choice(["en", "nl", "fr"]), "title": rng.choice(TEXTS),
            "customer_followers": rng.choice([10, 200, 5_000, 20_000, 80_000]),
            "sentiment": rng.choice(["negative", "neutral", "positive"]), "pure_insult": False, "version": 1,
            "waiting_since": waiting, "due_at": waiting + timedelta(minutes=rng.choice([60, 120, 240])),
            "breached": False, "reopened": 0, "last_message_at": waiting, "created_at": waiting,
            "updated_at": waiting}


def evaluation(*, count: int = 200, items: int = 2_000, seed: int = 15) -> dict:
    """Microseconds to evaluate `count` parsed recipes against one item's facts."""
    rng = random.Random(seed)
    rows = [Recipe(id=n + 1, **row) for n, row in enumerate(recipe_rows(count, [RecipeTrigger.ITEM_CREATED], rng))]
    started = time.perf_counter()
    compiled = [recipes.compile_recipe(r) for r in rows]
    compile_ms = (time.perf_counter() - started) * 1000
    context = recipes.Context(open_hours=True)
    timings, matched = [], 0
    for n in range(items):
        row = item_row(n, rng, START)
        facts = recipes.Facts(n, row["title"], str(row["source"]), row["channel"], row["language"], row["sentiment"],
                              row["customer_followers"], False, row["priority"], text=row["title"].casefold())
        started = time.perf_counter()
        matched += len(recipes.plan(compiled, facts, context))
        timings.append((time.perf_counter() - started) * 1e6)
    timings.sort()
    return {"recipes": count, "items": items, "compile_ms": compile_ms, "mean_us": statistics.fmean(timings),
            "p99_us": timings[int(len(timings) * 0.99)], "matched_per_item": matched / items}


async def _fill(database: Database, *, open_items: int, count: int, seed: int) -> None:
    rng = random.Random(seed)
    async with database.sessionmaker() as session:
        half = count // 2
        await session.execute(insert(Recipe), recipe_rows(half, [RecipeTrigger.ITEM_CREATED,
                                                                  RecipeTrigger.MESSAGE_RECEIVED], rng)
                              + [{**r, "name": f"Timed {n}", "position": half + n}
                                 for n, r in enumerate(recipe_rows(count - half, list(recipes.TIMED), rng))])
        for start in range(0, open_items, 5_000):
            rows = [item_row(n, rng, START) for n in range(start, min(start + 5_000, open_items))]
            await session.execute(insert(CareItem), rows)
        ids = list(await session.scalars(select(CareItem.id).order_by(CareItem.id)))
        titles = dict((await session.execute(select(CareItem.id, CareItem.title))).all())
        for start in range(0, len(ids), 5_000):
            await session.execute(insert(CareEntry), [
                {"item_id": i, "kind": EntryKind.MESSAGE, "ref": f"post:{i}", "body": titles[i], "data": {},
                 "at": START, "created_at": START} for i in ids[start:start + 5_000]])
        await session.commit()


async def _new_items(database: Database, *, samples: int) -> dict:
    """A new item's event-triggered recipes, as the worker runs them (rolled back after each)."""
    timings, ran = [], 0
    async with database.sessionmaker() as session:
        ids = list(await session.scalars(select(CareItem.id).order_by(CareItem.id).limit(samples + 1)))
        await recipes.on_received(session, ids.pop(), created=True, messages=1, event_id=0)  # warm: handlers loaded
        await session.rollback()
    for n, item_id in enumerate(ids):
        async with database.sessionmaker() as session:
            started = time.perf_counter()
            ran += await recipes.on_received(session, item_id, created=True, messages=1, event_id=n)
            timings.append((time.perf_counter() - started) * 1000)
            await session.rollback()
    timings.sort()
    return {"samples": len(ids), "mean_ms": statistics.fmean(timings), "p99_ms": timings[int(len(timings) * 0.99)],
            "ran_per_item": ran / max(len(ids), 1)}


async def _sweep(database: Database, *, away: timedelta) -> dict:
    async with database.sessionmaker() as session:
        await session.execute(update(Recipe).values(swept_until=START - away))
        await session.commit()
    started = time.perf_counter()
    ran = await recipes.sweep(database)
    return {"away_minutes": away / timedelta(minutes=1), "seconds": time.perf_counter() - started, "ran": ran}


async def measure(url: str, *, open_items: int = 10_000, count: int = 200, samples: int = 200) -> dict:
    """Every figure on a fresh database at `url` (migrated here)."""
    from hearth import migrations

    await asyncio.to_thread(migrations.upgrade, url)
    previous = clock.use(clock.FrozenClock(START))
    database = Database(url)
    try:
        await _fill(database, open_items=open_items, count=count, seed=15)
        result = {"evaluation": evaluation(count=count), "open_items": open_items, "recipes": count,
                  "new_item": await _new_items(database, samples=samples)}
        result["steady"] = await _sweep(database, away=timedelta(minutes=1))
        result["catch_up"] = await _sweep(database, away=timedelta(hours=2))
        return result
    finally:
        clock.use(previous)
        await database.dispose()


def report(console, result: dict) -> None:  # noqa: ANN001
    e, n, s, c = result["evaluation"], result["new_item"], result["steady"], result["catch_up"]
    console.print(f"Automation recipes: {e['recipes']} recipes parsed in {e['compile_ms']:.1f} ms, evaluated against "
                  f"an item in {e['mean_us']:.0f} µs (p99 {e['p99_us']:.0f} µs, {e['matched_per_item']:.2f} matching) "
                  "· "
                  f"a new item as the worker runs it (recipes and facts read, matching ones run) "
                  f"{n['mean_ms']:.1f} ms (p99 {n['p99_ms']:.1f} ms) · time-based sweep over "
                  f"{result['open_items']:,} open items with {result['recipes'] // 2} time-based recipes: the minute's "
                  f"pass {s['seconds'] * 1000:.0f} ms ({s['ran']} runs), catching up two hours "
                  f"{c['seconds']:.1f} s ({c['ran']:,} runs)")


def main() -> None:
    import sys

    from rich.console import Console

    workdir = Path(tempfile.mkdtemp(prefix="hearth-recipes-"))
    open_items = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    result = asyncio.run(measure(f"sqlite+aiosqlite:///{workdir}/recipes.db", open_items=open_items))
    report(Console(), result)


if __name__ == "__main__":
    main()
