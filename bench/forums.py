"""Forum data for the benchmark: one thread with 20 answers, and a search corpus of
100,000 posts (10,000 threads of 10 posts) in English, Dutch and French."""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from forums import service
from forums.schemas import CategoryIn, PostIn, ThreadIn
from hearth import search
from hearth.accounts import service as accounts
from hearth.db import Database

WORDS = {
    "en": "card blocked abroad payment refused app crash login transfer instant savings interest mortgage rate "
          "loan documents fingerprint phone update statement fee contactless limit account joint student iban "
          "reader digipass fraud phishing sms refund direct debit currency exchange atm withdrawal pin".split(),
    "nl": "kaart geblokkeerd buitenland betaling geweigerd app crasht aanmelden overschrijving spaarrekening "
          "rente hypotheek lening documenten vingerafdruk telefoon update rekeninguittreksel kosten contactloos "
          "limiet rekening student kaartlezer fraude phishing terugbetaling domiciliëring geldautomaat pincode".split(),
    "fr": "carte bloquée étranger paiement refusé application plantage connexion virement instantané épargne "
          "intérêt hypothèque prêt documents empreinte téléphone relevé frais sans contact plafond compte "
          "étudiant lecteur fraude hameçonnage remboursement domiciliation distributeur retrait code".split(),
}


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    syllables = "ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to " \
                "van ver ont ge aan tion ment eur ette ing er".split()
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


# Real text follows Zipf's law: a few words everywhere, most words rare. Each post mixes
# the banking words above (the ones people search for) into a large everyday vocabulary.
_COMMON = _pseudo_words(random.Random(3), 20_000)
_COMMON_WEIGHTS = [1 / (rank + 1) for rank in range(len(_COMMON))]


def sentence(rng: random.Random, language: str, words: int) -> str:
    picked = rng.choices(_COMMON, _COMMON_WEIGHTS, k=words)
    for i in range(len(picked)):
        if rng.random() < 0.06:
            picked[i] = rng.choice(WORDS[language])
    return " ".join(picked).capitalize() + "."


async def thread_with_answers(database: Database, answers: int = 20) -> str:
    """A question with `answers` answers, votes and an accepted answer; returns its path."""
    rng = random.Random(20)
    async with database.sessionmaker() as session:
        members = await accounts.newest_members(session, limit=40)
        category = await service.save_category(session, CategoryIn(name="Bench", slug="bench"))
        asker = members[0]
        thread = await service.create_thread(session, asker, ThreadIn(
            category_id=category.id, title="Why is my card refused abroad since the update?",
            body="\n\n".join(sentence(rng, "en", 25) for _ in range(3)), tags=["cards", "abroad"], language="en"))
        posts = []
        for i in range(answers):
            body = f"**Tip {i + 1}:** " + " ".join(sentence(rng, "en", 20) for _ in range(4))
            posts.append(await service.create_answer(session, members[1 + i % 30], thread.id, PostIn(body=body)))
        for post in posts[:10]:
            for voter in rng.sample([m for m in members if m.id != post.author_id], 3):
                await service.vote(session, voter, post.id)
        await service.accept(session, asker, thread.id, posts[5].id)
        await session.commit()
        return service.thread_url(thread)


async def build_search_corpus(database: Database, threads: int = 10_000, posts_per_thread: int = 10,
                              progress=None) -> int:  # noqa: ANN001
    """Index `threads` documents holding `posts_per_thread` posts each, straight into the backend."""
    rng = random.Random(7)
    backend = search.backend()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    batch: list[search.SearchDocument] = []
    for n in range(threads):
        language = rng.choice(["nl", "nl", "fr", "fr", "en"])
        posts = [sentence(rng, language, rng.randint(15, 40)) for _ in range(posts_per_thread)]
        batch.append(search.SearchDocument(
            kind="thread", ref_id=1_000_000 + n, title=sentence(rng, language, rng.randint(4, 9))[:150],
            body=" ".join(posts), language=language, category_id=rng.randint(1, 5),
            tags=tuple(rng.sample(["cards", "app", "loans", "savings", "itsme"], 2)),
            solved=rng.random() < 0.6, created_at=start + timedelta(minutes=n * 37), url=f"/t/{n}/bench"))
        if len(batch) == 500 or n == threads - 1:
            async with database.sessionmaker() as session:
                await backend.index(session, batch)
                await session.commit()
            batch = []
            if progress:
                progress(n + 1)
    return threads * posts_per_thread


async def search_latency(database: Database, queries: int = 300) -> dict[str, float]:
    rng = random.Random(11)
    backend = search.backend()
    timings = []
    async with database.sessionmaker() as session:
        for i in range(queries + 20):
            language = rng.choice(list(WORDS))
            text = " ".join(rng.sample(WORDS[language], 2))
            query = search.SearchQuery(text=text, kind="thread", sort="relevance" if i % 4 else "newest",
                                       solved=True if i % 5 == 0 else None)
            started = time.perf_counter()
            await backend.search(session, query)
            if i >= 20:  # the first queries warm the caches
                timings.append((time.perf_counter() - started) * 1000)
            if i % 3 == 0:
                started = time.perf_counter()
                await backend.similar(session, "thread", text[: max(3, len(text) - 2)])
    timings.sort()
    return {"queries": len(timings), "p50_ms": statistics.median(timings),
            "p95_ms": timings[int(len(timings) * 0.95) - 1], "max_ms": timings[-1]}


async def fill_category(database: Database, thread_path: str, threads: int = 29) -> str:
    """More questions in the bench thread's category, so its page lists a screenful; returns its path."""
    rng = random.Random(29)
    async with database.sessionmaker() as session:
        bench_thread = await service.get_thread(session, int(thread_path.split("/")[2]))
        members = await accounts.newest_members(session, limit=40)
        for i in range(threads):
            await service.create_thread(session, members[i % 40], ThreadIn(
                category_id=bench_thread.category_id, title=f"{sentence(rng, 'en', 6)[:-1]} ({i + 1})",
                body=sentence(rng, "en", 30), tags=["cards"], language="en"))
        category = await service.get_category(session, category_id=bench_thread.category_id)
        await session.commit()
        return f"/c/{category.slug}"
