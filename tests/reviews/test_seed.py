"""The demo reviews: a believable, trilingual review section whose figures agree with its rows."""

from __future__ import annotations

import random
import re
import string
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from sqlalchemy import func, select

from hearth.accounts.models import Account
from hearth.db import Database
from hearth.seed import MEMBERS, TEAM, _email, seed
from moderation.models import ContentState, Reviewable, Screening
from reviews import seed as review_seed
from reviews.models import (
    BrandResponse,
    Invitation,
    Product,
    ProductCategory,
    ProductStats,
    Review,
    ReviewRating,
    ReviewRevision,
    ReviewVote,
    VerifiedCustomer,
)
from reviews.schemas import SLUG
from reviews.seed import content


def _demo_members(now: datetime) -> dict[str, list[Account]]:
    """The demo members as the accounts seeder makes them (join dates over the last 400 days), unsaved."""
    people = [(e, n, lang) for e, n, lang, _roles in TEAM] + [(_email(n), n, lang) for n, lang in MEMBERS]
    by_language: dict[str, list[Account]] = {"nl": [], "fr": [], "en": []}
    for i, (email, name, language) in enumerate(people):
        account = Account(id=i + 1, email=email, display_name=name, language=language)
        account.created_at = now - timedelta(days=400) + timedelta(days=390 * i / len(people), hours=i * 5 % 24)
        if i >= len(TEAM):
            by_language[language].append(account)
    return by_language


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_content_is_well_formed() -> None:
    categories = {c["slug"]: {d["key"] for d in c["dimensions"]} for c in content.CATEGORIES}
    slugs = [p["slug"] for p in content.PRODUCTS]
    assert 12 <= len(slugs) <= 16 and len(set(slugs)) == len(slugs)
    for product in content.PRODUCTS:
        assert re.fullmatch(SLUG, product["slug"]) and product["category"] in categories
        assert product["brand"] in content.BRANDS and product["name"].startswith(("Hearth", "My Hearth"))
        assert 20 <= len(product["description"]) <= 300 and len(product["stars"]) == 5
        assert set(product["bias"]) <= categories[product["category"]], product["slug"]
        for language in ("nl", "fr", "en"):
            texts = content.REVIEWS[product["slug"]][language]
            assert texts["good"] and texts["minor"] and texts["bad"], (product["slug"], language)
            known = set(content.FILLS["*"]) | set(content.FILLS[language])
            for tone in ("good", "mixed", "bad"):
                for title, body in texts.get(tone, []):
                    assert 3 <= len(title) <= 150 and len(body) >= 40, title
                    assert _fields(title + body) <= known, title
            assert all(_fields(line) <= known for line in texts["minor"])
    members = {name for name, _language in MEMBERS}
    assert all(story["author"] in members and story["product"] in slugs for story in content.STORIES)
    assert all(campaign["product"] in slugs for campaign in content.INVITATIONS)


def test_the_plan_is_deterministic_and_never_repeats_a_text() -> None:
    now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def planned() -> list[tuple]:
        steps = review_seed.plan(random.Random(review_seed.RANDOM_SEED), now, _demo_members(now))
        return [(s.action, s.at, s.review.title if s.review else None, s.review.body if s.review else None,
                 s.review.author.id if s.review else None, tuple(sorted(s.data.get("emails", [])))) for s in steps]

    first = planned()
    assert first == planned()
    reviews = [step for step in first if step[0] == "review"]
    bodies = [body for _a, _at, _title, body, _author, _emails in reviews]
    assert len(set(bodies)) == len(bodies)
    assert all("{" not in title + body for _a, _at, title, body, _author, _emails in reviews)


async def test_seed_builds_believable_reviews_once(database: Database) -> None:
    started = time.monotonic()
    counts = await seed(database, quiet=True)
    elapsed = time.monotonic() - started
    assert 250 <= counts["product reviews"] <= 350, counts
    print(f"seeded in {elapsed:.1f}s: {counts}")  # a figure to read, not a timed test
    assert counts["retention cases"] >= 30  # every 1-2 star review has its case, worked or waiting

    async with database.sessionmaker() as s:
        reviews = (await s.scalars(select(Review))).all()
        accounts = {a.id: a for a in (await s.scalars(select(Account))).all()}
        products = {p.id: p for p in (await s.scalars(select(Product))).all()}
        assert len(reviews) == counts["product reviews"]
        assert all(r.state == ContentState.PUBLISHED for r in reviews)
        # Nothing was held or flagged: no insult, personal data or watched word in a demo review.
        assert await s.scalar(select(func.count()).select_from(Reviewable)
                              .where(Reviewable.content_kind == "review")) == 0
        per_product = Counter(r.product_id for r in reviews)
        assert 12 <= len(products) <= 16 and all(per_product[p] >= 8 for p in products)
        assert len((await s.scalars(select(ProductCategory))).all()) == len(content.CATEGORIES)

        # Three languages with Belgian shares; the texts are in the language they claim.
        languages = Counter(r.language for r in reviews)
        share = {lang: languages[lang] / len(reviews) for lang in languages}
        assert set(languages) == {"nl", "fr", "en"}, languages
        assert 0.40 <= share["nl"] <= 0.50 and 0.30 <= share["fr"] <= 0.40 and 0.15 <= share["en"] <= 0.25, share
        detected = dict((await s.execute(select(Screening.content_id, Screening.language)
                                         .where(Screening.content_kind == "review"))).all())
        assert sum(detected.get(r.id) == r.language for r in reviews) >= 0.95 * len(reviews)
        own = sum(r.language == accounts[r.author_id].language for r in reviews)
        assert own >= 0.85 * len(reviews)

        # J-shaped: mostly 5 and 4 stars, a real share of 1s, fewer 2s and 3s.
        stars = Counter(r.rating for r in reviews)
        assert stars[5] > stars[4] > stars[1] > max(stars[2], stars[3]), stars
        assert stars[5] + stars[4] >= 0.6 * len(reviews) and stars[1] >= 0.08 * len(reviews), stars

        # Each product's figures are what its review rows add up to.
        for product_id in products:
            stats = await s.get(ProductStats, product_id)
            mine = [r for r in reviews if r.product_id == product_id and r.state == ContentState.PUBLISHED]
            assert stats.review_count == len(mine)
            assert stats.distribution == [sum(r.rating == k for r in mine) for k in range(1, 6)]
            assert stats.rating_sum == sum(r.rating for r in mine)
            assert stats.recommend_yes == sum(r.recommend is True for r in mine)
            assert stats.recommend_no == sum(r.recommend is False for r in mine)
            rows = (await s.execute(select(ReviewRating.dimension, ReviewRating.rating)
                                    .join(Review, Review.id == ReviewRating.review_id)
                                    .where(Review.product_id == product_id))).all()
            fresh: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for dimension, rating in rows:
                fresh[dimension][0] += rating
                fresh[dimension][1] += 1
            assert stats.dimensions == dict(fresh), products[product_id].slug

        # Products differ: the banking app is loved, the roaming pass is not; service drags.
        average = {products[p].slug: sum(r.rating for r in reviews if r.product_id == p) / per_product[p]
                   for p in products}
        assert average["hearth-bank-app"] >= 4.2 and average["hearth-mobile-travel-pass"] <= 3.0, average
        assert max(average.values()) - min(average.values()) >= 1.2
        by_review = {r.id: r.rating for r in reviews}
        service = (await s.execute(select(ReviewRating.review_id, ReviewRating.rating)
                                   .where(ReviewRating.dimension == "service"))).all()
        assert len(service) >= 100
        assert sum(stars for _id, stars in service) < sum(by_review[i] for i, _stars in service)

        # About 60% verified customers, each linked to the product.
        verified = [r for r in reviews if r.verified]
        assert 0.5 <= len(verified) / len(reviews) <= 0.7
        links = set((await s.execute(select(VerifiedCustomer.product_id, VerifiedCustomer.account_id))).all())
        assert all((r.product_id, r.author_id) in links for r in verified)

        # Campaigns: rewarded invitations make a few reviews incentivized; one without a reward does not.
        invitations = (await s.scalars(select(Invitation))).all()
        used = {(i.product_id, i.account_id): i for i in invitations if i.used_at is not None}
        incentivized = [r for r in reviews if r.incentivized]
        assert 3 <= len(incentivized) <= 10
        assert all(used[(r.product_id, r.author_id)].reward for r in incentivized)
        assert any(not i.reward for i in used.values()) and any(i.used_at is None for i in invitations)
        assert len({i.reward for i in invitations if i.reward}) >= 1
        assert all(r.created_at > used[(r.product_id, r.author_id)].created_at for r in incentivized)

        # A few members replaced a low rating with a better one: the old version is history.
        revisions = (await s.scalars(select(ReviewRevision))).all()
        revised = {r.review_id for r in revisions}
        assert 3 <= len(revised) <= 4
        current = {r.id: r for r in reviews}
        for revision in revisions:
            review = current[revision.review_id]
            assert revision.rating <= 2 < review.rating and revision.body != review.body
            assert revision.created_at < revision.replaced_at == review.updated_at

        # The care team answered most 1–2 star reviews and some others, after they were written.
        care = next(a for a in accounts.values() if a.email == review_seed.CARE_EMAIL)
        responses = (await s.scalars(select(BrandResponse))).all()
        assert all(r.author_id == care.id for r in responses)
        answered = {r.review_id for r in responses}
        low = [r for r in reviews if r.rating <= 2]
        assert sum(r.id in answered for r in low) >= 0.7 * len(low)
        assert any(r.id in answered for r in reviews if r.rating >= 4)
        assert all(r.created_at > current[r.review_id].created_at for r in responses)
        assert not any(re.search(r"\d{4}[ -]?\d{4}", r.body) for r in responses)

        # Helpful votes, counted on the reviews, never by the author.
        votes = (await s.scalars(select(ReviewVote))).all()
        assert len(votes) >= 200 and any(not v.helpful for v in votes)
        assert sum(r.helpful_count for r in reviews) == sum(v.helpful for v in votes)
        assert sum(r.unhelpful_count for r in reviews) == sum(not v.helpful for v in votes)
        assert not any(current[v.review_id].author_id == v.voter_id for v in votes)
        assert all(v.created_at > current[v.review_id].created_at for v in votes)

        # A year of history, written by members after they joined, hours apart, never the same text twice.
        oldest, newest = min(r.created_at for r in reviews), max(r.updated_at for r in reviews)
        assert (newest - oldest).days >= 330
        assert all(r.created_at > accounts[r.author_id].created_at for r in reviews)
        writes: dict[int, list[datetime]] = defaultdict(list)
        for review in reviews:
            writes[review.author_id] += [review.created_at] + ([review.updated_at] if review.id in revised else [])
        assert all(b - a >= timedelta(hours=1) for times in writes.values() for a, b in pairwise(sorted(times)))
        assert len({r.body for r in reviews}) == len(reviews)
        assert max(Counter(r.author_id for r in reviews).values()) <= len(products)
        assert len(writes) >= 40
        totals = {"votes": len(votes), "responses": len(responses), "invitations": len(invitations),
                  "revisions": len(revisions)}

    again = await seed(database, quiet=True)
    assert again["product reviews"] == 0 and again["retention cases"] == 0
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(Review)) == len(reviews)
        assert totals == {
            "votes": await s.scalar(select(func.count()).select_from(ReviewVote)),
            "responses": await s.scalar(select(func.count()).select_from(BrandResponse)),
            "invitations": await s.scalar(select(func.count()).select_from(Invitation)),
            "revisions": await s.scalar(select(func.count()).select_from(ReviewRevision)),
        }
