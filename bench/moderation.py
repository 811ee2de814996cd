"""Screening speed and the memory text analysis needs once loaded.

The corpus is the demo community's real posts (English, Dutch, French), some with an IBAN,
a card number, a phone number or an insult added, as a bank's forum would see them.
Two figures: `analyse` alone (language, personal data, profanity, insults, links), and the
whole screening a post goes through before it is stored (watched words and the member's
standing read from the database, the decision, and its trail written).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time

from sqlalchemy import select

from forums.seed import content as seed_content
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account
from hearth.db import Database

EXTRAS = [
    " Mijn rekening is BE68 5390 0754 7034.", " Ma carte 4111 1111 1111 1111 est refusée.",
    " Call me on +32 470 12 34 56.", " Jullie zijn een stelletje klootzakken.", " Vous êtes des abrutis.",
    " Mail me at jan.peeters@example.com.", "",
]


def corpus(size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [t["body"] for t in seed_content.THREADS] + [body for t in seed_content.THREADS
                                                        for _who, body in t["answers"]]
    # One text in four carries personal data or an insult, as a complaint might.
    return [rng.choice(texts) + (rng.choice(EXTRAS) if rng.random() < 0.25 else "") for _ in range(size)]


def analyse_throughput(texts: list[str]) -> dict:
    from hearth.text import analyse

    analyse(texts[0])  # load the models outside the timing
    started = time.perf_counter()
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        analyse(text)
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    return {"texts": len(texts), "per_second": len(texts) / elapsed, "p50_ms": statistics.median(timings),
            "p99_ms": timings[int(len(timings) * 0.99) - 1], "mean_chars": sum(map(len, texts)) / len(texts)}


async def screening_throughput(database: Database, texts: list[str]) -> dict:
    """Screen and record each text for a member of a year's standing, 50 per transaction."""
    from moderation import service
    from moderation.screening import ContentRefused

    async with database.sessionmaker() as session:
        author_id = (await session.scalar(select(Account.id).where(Account.email.like("%@demo.hearth.test"))
                                          .order_by(Account.id.desc())))
    frozen = clock.FrozenClock(clock.now())
    previous = clock.use(frozen)
    refused = 0
    try:
        started = time.perf_counter()
        for start in range(0, len(texts), 50):
            async with await database.writer() as session:
                author = await accounts.get_account(session, author_id)
                for i, text in enumerate(texts[start:start + 50]):
                    # A few minutes apart, as one active member posts: rate limits and repeats apply.
                    frozen.advance(minutes=2)
                    try:
                        result = await service.screen(session, author, "bench.text", text)
                    except ContentRefused:
                        refused += 1
                        continue
                    await service.record(session, result, start + i + 1)
                await session.commit()
        elapsed = time.perf_counter() - started
    finally:
        clock.use(previous)
    return {"texts": len(texts), "per_second": len(texts) / elapsed, "refused": refused}


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def memory_probe() -> None:
    """Run in a fresh process: resident memory before and after the analysis is loaded."""
    import hearth.settings  # noqa: F401 - the app's own imports, so the delta is the analysis alone

    before = _rss_mb()
    from hearth.text import analyse

    for text in ("Mijn kaart werkt niet meer, wat moet ik doen?", "Ma carte est bloquée depuis hier soir.",
                 "My card was declined abroad, call me on +32 470 12 34 56."):
        analyse(text)
    print(json.dumps({"before_mb": before, "after_mb": _rss_mb()}))


def memory() -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.moderation"], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return {**figures, "analysis_mb": figures["after_mb"] - figures["before_mb"]}


async def measure(database: Database, *, texts: int) -> dict:
    sample = corpus(texts)
    return {"analyse": analyse_throughput(sample), "screening": await screening_throughput(database, sample),
            "memory": memory()}


if __name__ == "__main__":
    memory_probe()

