"""Reviews: writing and replacing, badges, aggregates, Bayesian average, helpful votes,
brand responses, moderation of reviews, verified customers and invitations."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from hearth import events
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.events import OutboxEvent
from hearth.notifications.models import Notification
from moderation.models import ContentState
from moderation.screening import ContentRefused
from reviews import service
from reviews.models import ProductStats, Review, ReviewRevision
from reviews.schemas import ProductIn, ReviewIn
from tests.moderation.conftest import aged_member
from tests.reviews.conftest import write


async def _stats(database: Database, product_id: int) -> ProductStats:
    async with database.sessionmaker() as s:
        return await s.get(ProductStats, product_id)


async def _events(database: Database) -> list[tuple[str, dict]]:
    async with database.sessionmaker() as s:
        return [(e.name, e.payload) for e in await s.scalars(select(OutboxEvent).where(
            OutboxEvent.name.like("review.%")).order_by(OutboxEvent.id))]


async def test_a_review_updates_the_products_figures(database: Database, reviewer, other, card_product) -> None:
    await write(database, reviewer, card_product.id, 5, ratings={"fees": 4, "service": 5}, recommend=True)
    await write(database, other, card_product.id, 2, ratings={"fees": 1}, recommend=False)
    stats = await _stats(database, card_product.id)
    assert (stats.review_count, stats.rating_sum, stats.distribution) == (2, 7, [0, 1, 0, 0, 1])
    assert (stats.recommend_yes, stats.recommend_no) == (1, 1)
    assert stats.dimensions == {"fees": [5, 2], "service": [5, 1]} and stats.average == 3.5
    assert [n for n, _ in await _events(database)] == ["review.published", "review.published"]


async def test_a_second_review_replaces_the_first_with_history(database: Database, reviewer, card_product) -> None:
    first = await write(database, reviewer, card_product.id, 1, ratings={"fees": 1})
    second = await write(database, reviewer, card_product.id, 4, title="Solved after a call",
                         body="They refunded the fee and apologised; fine now.")
    assert second.id == first.id
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(Review)) == 1
        revisions = (await s.scalars(select(ReviewRevision))).all()
        assert [(r.rating, r.ratings) for r in revisions] == [(1, {"fees": 1})]
    stats = await _stats(database, card_product.id)
    assert stats.distribution == [0, 0, 0, 1, 0] and stats.dimensions == {}
    names = await _events(database)
    assert names[-1] == ("review.updated", {"review_id": first.id, "product_id": card_product.id,
                                            "author_id": reviewer.id, "rating": 4, "rating_before": 1})


@pytest.mark.parametrize("data, message", [
    ({"rating": 0}, "greater than or equal to 1"),
    ({"rating": 6}, "less than or equal to 5"),
    ({"ratings": {"fees": 9}}, "1 to 5 stars"),
])
def test_stars_outside_one_to_five_are_refused(data: dict, message: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=message):
        ReviewIn(**{"rating": 3, "title": "Fine", "body": "A perfectly fine card.", **data})


async def test_unknown_retired_product_and_unknown_dimension(database: Database, reviewer, card_product) -> None:
    with pytest.raises(NotFound):
        await write(database, reviewer, 9999)
    with pytest.raises(Invalid, match="not rated on app"):
        await write(database, reviewer, card_product.id, ratings={"app": 3})
    async with database.sessionmaker() as s:
        await service.save_product(s, ProductIn(slug="visa-classic", name="Visa Classic", retired=True,
                                                category_id=card_product.category_id), card_product.id)
        await s.commit()
    with pytest.raises(Conflict, match="no longer offered"):
        await write(database, reviewer, card_product.id)


async def test_a_low_rating_is_published_never_held(database: Database, reviewer, card_product) -> None:
    review = await write(database, reviewer, card_product.id, 1, title="Worst card ever",
                         body="Scandalous fees and the service is terrible. Avoid.")
    assert review.state == ContentState.PUBLISHED
    assert (await _stats(database, card_product.id)).review_count == 1


async def test_an_insulting_review_is_held_and_counted_once_approved(database: Database, reviewer, card_product,
                                                                    admin) -> None:
    from moderation import service as moderation
    from moderation.models import Reviewable
    from moderation.schemas import ActionIn

    review = await write(database, reviewer, card_product.id, 1, title="Bunch of idiots",
                         body="You are all idiots at this bank, the fees are absurd.")
    assert review.state == ContentState.HELD and (await _stats(database, card_product.id)).review_count == 0
    assert await _events(database) == []
    async with database.sessionmaker() as s:
        item = await s.scalar(select(Reviewable).where(Reviewable.content_kind == "review"))
        await moderation.act(s, await s.get(Account, admin.id), item.id, ActionIn(action="approve",
                                                                                 version=item.version))
        await s.commit()
    assert (await _stats(database, card_product.id)).review_count == 1
    assert [n for n, _ in await _events(database)] == ["review.published"]


async def test_personal_data_in_a_review_is_masked(database: Database, reviewer, card_product) -> None:
    review = await write(database, reviewer, card_product.id, 2, body="Charged twice on 4111 1111 1111 1111 again.")
    assert review.body == "Charged twice on •••• •••• •••• 1111 again."


async def test_averages_match_the_reviews_under_concurrent_writes(database: Database, card_product) -> None:
    authors = [await aged_member(database, f"c{i}@example.com", f"Conc {i}") for i in range(6)]

    async def one(author: Account, rating: int) -> None:
        async with await database.writer() as s:
            await service.write_review(s, await s.get(Account, author.id), card_product.id,
                                       ReviewIn(rating=rating, title="Concurrent", body=f"Written at once, {rating}."))
            await s.commit()

    await asyncio.gather(*(one(a, 1 + i % 5) for i, a in enumerate(authors)))
    stats = await _stats(database, card_product.id)
    async with database.sessionmaker() as s:
        count, total = (await s.execute(select(func.count(), func.sum(Review.rating)))).one()
    assert (stats.review_count, stats.rating_sum) == (count, total) == (6, 1 + 2 + 3 + 4 + 5 + 1)


async def test_bayesian_average_pulls_small_samples_to_the_catalogue(database: Database, reviewer, other,
                                                                     card_product) -> None:
    from reviews.schemas import ProductIn as P

    async with database.sessionmaker() as s:
        small = await service.save_product(s, P(slug="gold-card", name="Gold card",
                                                category_id=card_product.category_id))
        await s.commit()
    for i in range(10):
        author = await aged_member(database, f"r{i}@example.com", f"Rater {i}")
        # Each in their own words: the same text from three members is held as likely spam.
        await write(database, author, card_product.id, 3, body=f"Average card, rater number {i} says so.")
    await write(database, reviewer, small.id, 5)
    async with database.sessionmaker() as s:
        prior = await service.catalogue_mean(s)
        big, tiny = await s.get(ProductStats, card_product.id), await s.get(ProductStats, small.id)
    assert prior == pytest.approx(35 / 11)
    assert service.bayesian_average(tiny, prior) == pytest.approx((7 * prior + 5) / 8)
    assert service.bayesian_average(tiny, prior) < 3.5 < tiny.average
    assert service.bayesian_average(big, prior) == pytest.approx((7 * prior + 30) / 17)


def test_wilson_lower_bound_ranks_evidence_over_luck() -> None:
    assert service.wilson_lower_bound(0, 0) == 0.0
    assert service.wilson_lower_bound(1, 1) < service.wilson_lower_bound(90, 100)
    assert service.wilson_lower_bound(90, 100) == pytest.approx(0.8256, abs=1e-3)


async def test_helpful_votes_once_and_never_on_ones_own(database: Database, reviewer, other, card_product) -> None:
    review = await write(database, reviewer, card_product.id, 4)
    async with database.sessionmaker() as s:
        voted = await service.vote(s, await s.get(Account, other.id), review.id, True)
        await s.commit()
    assert (voted.helpful_count, voted.unhelpful_count) == (1, 0) and voted.helpful_score > 0
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict, match="already voted"):
            await service.vote(s, await s.get(Account, other.id), review.id, False)
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid, match="own review"):
            await service.vote(s, await s.get(Account, reviewer.id), review.id, True)
    async with database.sessionmaker() as s:
        back = await service.unvote(s, await s.get(Account, other.id), review.id)
        await s.commit()
    assert (back.helpful_count, back.helpful_score) == (0, 0.0)


async def test_most_helpful_first_and_the_other_orders(database: Database, reviewer, other, card_product) -> None:
    low = await write(database, reviewer, card_product.id, 1)
    high = await write(database, other, card_product.id, 5)
    voters = [await aged_member(database, f"v{i}@example.com", f"Voter {i}") for i in range(3)]
    for voter in voters:
        async with database.sessionmaker() as s:
            await service.vote(s, await s.get(Account, voter.id), low.id, True)
            await s.commit()
    async with database.sessionmaker() as s:
        orders = {sort: [c.review.id for c in (await service.product_view(s, "visa-classic", None, sort=sort)).cards]
                  for sort in ("helpful", "newest", "highest", "lowest")}
        only_five = await service.product_view(s, "visa-classic", None, stars=5)
    assert orders == {"helpful": [low.id, high.id], "newest": [high.id, low.id], "highest": [high.id, low.id],
                      "lowest": [low.id, high.id]}
    assert [c.review.id for c in only_five.cards] == [high.id] and only_five.total == 1


async def test_staff_respond_in_public_and_the_reviewer_hears_of_it(database: Database, reviewer, other, care,
                                                                    card_product) -> None:
    review = await write(database, reviewer, card_product.id, 2)
    async with database.sessionmaker() as s:
        with pytest.raises(Forbidden):
            await service.respond(s, await s.get(Account, other.id), review.id, "Not my place")
        await service.respond(s, await s.get(Account, care.id), review.id, "Sorry to hear it; we sent you a message.")
        await s.commit()
    while await events.drain_once(database):
        pass
    async with database.sessionmaker() as s:
        note = await s.scalar(select(Notification).where(Notification.account_id == reviewer.id))
        view = await service.product_view(s, "visa-classic", None)
    assert note.kind == "review.responded" and note.url.endswith(f"#review-{review.id}")
    assert view.cards[0].response.body.startswith("Sorry to hear it")


async def test_badges_verified_staff_and_incentivized(database: Database, reviewer, other, care, admin,
                                                      card_product) -> None:
    async with database.sessionmaker() as s:
        linked, already, errors = await service.import_customers(
            s, "email,product\nreviewer@example.com,visa-classic\nreviewer@example.com,visa-classic\n"
               "nobody@example.com,visa-classic\nother@example.com,no-such-product\nbroken-line\n")
        invited, problems = await service.invite(s, await s.get(Account, admin.id), card_product.id,
                                                 ["other@example.com", "ghost@example.com"], "a €10 voucher")
        await s.commit()
    assert (linked, already) == (1, 1)
    assert errors == ["line 4: no member with e-mail nobody@example.com", "line 5: no product no-such-product",
                      "line 6: expected e-mail,product"]
    assert invited == 1 and problems == ["no member with e-mail ghost@example.com"]
    verified = await write(database, reviewer, card_product.id, 4)
    incentivized = await write(database, other, card_product.id, 5)
    staff = await write(database, care, card_product.id, 5)
    assert (verified.verified, verified.incentivized, verified.staff) == (True, False, False)
    assert (incentivized.verified, incentivized.incentivized) == (False, True)
    assert staff.staff


async def test_oidc_claims_link_verified_products(database: Database, reviewer, card_product) -> None:
    async with database.sessionmaker() as s:
        events.publish(s, "account.oidc_claims", account_id=reviewer.id, products=["visa-classic", "unknown"])
        await s.commit()
    while await events.drain_once(database):
        pass
    assert (await write(database, reviewer, card_product.id, 4)).verified


async def test_withdrawing_a_review_updates_the_figures(database: Database, reviewer, other, card_product) -> None:
    review = await write(database, reviewer, card_product.id, 1)
    async with database.sessionmaker() as s:
        with pytest.raises(Forbidden):
            await service.delete_review(s, await s.get(Account, other.id), review.id)
        await service.delete_review(s, await s.get(Account, reviewer.id), review.id)
        await s.commit()
    assert (await _stats(database, card_product.id)).review_count == 0
    assert [n for n, _ in await _events(database)] == ["review.published", "review.removed"]


async def test_an_identical_review_posted_again_at_once_is_refused(database: Database, reviewer, card_product) -> None:
    await write(database, reviewer, card_product.id, 3)
    with pytest.raises(ContentRefused):
        await write(database, reviewer, card_product.id, 3)


async def test_recompute_all_restores_figures(database: Database, reviewer, card_product) -> None:
    await write(database, reviewer, card_product.id, 4)
    async with database.sessionmaker() as s:
        stats = await s.get(ProductStats, card_product.id)
        stats.review_count, stats.rating_sum = 99, 0
        await s.commit()
    async with database.sessionmaker() as s:
        assert await service.recompute_all(s) == 1
        await s.commit()
    assert (await _stats(database, card_product.id)).review_count == 1


async def test_reviews_are_flagged_and_refused_through_the_one_queue(database: Database, reviewer, other, admin,
                                                                     card_product) -> None:
    from moderation import service as moderation
    from moderation.models import FlagReason
    from moderation.schemas import ActionIn, FlagIn, GuidelineIn

    review = await write(database, reviewer, card_product.id, 3)
    async with database.sessionmaker() as s:
        guideline = await moderation.save_guideline(s, await s.get(Account, admin.id), GuidelineIn(title="Off-topic"))
        item = await moderation.flag(s, await s.get(Account, other.id), FlagIn(
            kind="review", content_id=review.id, reason=FlagReason.OFF_TOPIC))
        await s.commit()
    async with database.sessionmaker() as s:
        queue, _total = await moderation.queue(s, kind="review")
        assert [(i.content.title, i.content.context, i.content.context_excerpt) for i in queue] == [
            ("3 stars from me", "Visa Classic", "★★★☆☆")]
        await moderation.act(s, await s.get(Account, admin.id), item.id, ActionIn(
            action="delete", version=queue[0].reviewable.version, guideline_id=guideline.id))
        await s.commit()
    assert (await _stats(database, card_product.id)).review_count == 0
    async with database.sessionmaker() as s:
        with pytest.raises(NotFound):
            await service.card(s, review.id, None)
