"""Review data for the benchmark: one product with 1,000 reviews (each with secondary ratings,
some votes and brand responses), and the time to recompute its aggregates and the catalogue's."""

from __future__ import annotations

import random
import statistics
import time
from datetime import timedelta

from sqlalchemy import insert, select

from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from reviews import service
from reviews.models import ProductStats
from reviews.schemas import CategoryIn, DimensionIn, ProductIn, ReviewIn

WORDS = ("fees card app service abroad contactless refund limit support waiting call agent branch transfer "
         "instant savings interest fingerprint update itsme bancontact payconiq statement").split()


async def _reviewers(database: Database, count: int) -> list[int]:
    # Inserted directly: hashing a thousand passwords would time argon2, not Hearth.
    now = clock.now() - timedelta(days=400)
    rows = [{"email": f"bench.reviewer{i}@example.com", "handle": f"bench_reviewer_{i}",
             "display_name": f"Reviewer {i}", "password_hash": None, "language": "nl",
             "roles": frozenset({Role.MEMBER}), "is_active": True, "created_at": now, "unread_notifications": 0}
            for i in range(count)]
    async with database.sessionmaker() as session:
        await session.execute(insert(Account), rows)
        await session.commit()
        return list(await session.scalars(select(Account.id).where(Account.email.like("bench.reviewer%"))
                                          .order_by(Account.id)))


async def product_with_reviews(database: Database, reviews: int = 1_000) -> str:
    """A product reviewed `reviews` times over a year, through the service; returns its path."""
    rng = random.Random(5)
    author_ids = await _reviewers(database, reviews)
    async with database.sessionmaker() as session:
        category = await service.save_category(session, CategoryIn(slug="bench-cards", name="Cards", dimensions=[
            DimensionIn(key="fees", label="Fees"), DimensionIn(key="service", label="Service")]))
        product = await service.save_product(session, ProductIn(slug="bench-card", name="Bench Card",
                                                                category_id=category.id, description="A card"))
        staff = await session.scalar(select(Account).where(Account.email == "care@demo.hearth.test"))
        await session.commit()
    frozen = clock.FrozenClock(clock.now() - timedelta(days=365))
    previous = clock.use(frozen)
    try:
        for start in range(0, reviews, 100):
            async with await database.writer() as session:
                for i, author_id in enumerate(author_ids[start:start + 100], start=start):
                    frozen.advance(minutes=500)
                    author = await session.get(Account, author_id)
                    rating = rng.choices([1, 2, 3, 4, 5], weights=[12, 6, 9, 25, 48])[0]
                    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 70))).capitalize() + f". #{i}"
                    review = await service.write_review(session, author, product.id, ReviewIn(
                        rating=rating, title=f"Review number {i} of the card", body=body,
                        ratings={"fees": rng.randint(1, 5), "service": rng.randint(1, 5)}, recommend=rating >= 4))
                    if staff is not None and rating <= 2 and rng.random() < 0.6:
                        await service.respond(session, staff, review.id, "We are sorry; a colleague will contact you.")
                await session.commit()
    finally:
        clock.use(previous)
    return service.product_url(product)


async def recompute_timing(database: Database, slug: str = "bench-card", runs: int = 20) -> dict:
    async with database.sessionmaker() as session:
        product = await service.get_product(session, slug=slug)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            await service.recompute(session, product.id)
            timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        products = await service.recompute_all(session)
        everything = (time.perf_counter() - started) * 1000
        count = (await session.get(ProductStats, product.id)).review_count
        await session.rollback()
    return {"product_ms": statistics.median(timings), "reviews": count, "all_ms": everything, "products": products}
