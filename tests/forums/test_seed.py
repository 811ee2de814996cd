"""The demo forum: a believable, trilingual community whose counters agree with its rows."""

from __future__ import annotations

import random
import time
from collections import Counter

from sqlalchemy import func, select

from forums import seed as forum_seed
from forums.models import Category, Post, PostVote, Thread, ThreadKind
from hearth.db import Database
from hearth.seed import seed
from moderation.models import ContentState, ModerationAction, Reviewable, ReviewStatus


def test_content_is_well_formed() -> None:
    threads = forum_seed.plan_threads(random.Random(forum_seed.RANDOM_SEED))  # raises on duplicate titles
    slugs = {c["slug"] for c in forum_seed.content.CATEGORIES}
    assert len(slugs) == 5 and len(forum_seed.content.THREADS) >= 60
    for thread in threads:
        assert thread.category in slugs and thread.language in ("nl", "fr", "en")
        assert 10 <= len(thread.title) <= 150 and len(thread.body) >= 10, thread.title
        assert "{" not in thread.title + thread.body, thread.title
        assert len(thread.tags) <= 3 and all(t == t.lower() and " " not in t for t in thread.tags)
        assert len(thread.answers) <= 6
        assert all("{" not in a.body and a.who in ("peer", "asker", *forum_seed.STAFF_ROLES) for a in thread.answers)


async def test_seed_builds_a_believable_forum_once(database: Database) -> None:
    started = time.monotonic()
    counts = await seed(database, quiet=True)
    elapsed = time.monotonic() - started
    assert 180 <= counts["forum threads"] <= 220, counts
    print(f"seeded in {elapsed:.1f}s: {counts}")  # a figure to read, not a timed test

    async with database.sessionmaker() as s:
        threads = (await s.scalars(select(Thread))).all()
        assert len(threads) == counts["forum threads"]
        categories = (await s.scalars(select(Category))).all()
        assert len(categories) == 5 and all(c.language is None for c in categories)
        for category in categories:
            assert category.thread_count == sum(1 for t in threads if t.category_id == category.id)
            posts = await s.scalar(select(func.count()).select_from(Post).join(Thread, Thread.id == Post.thread_id)
                                   .where(Thread.category_id == category.id, Post.state == ContentState.PUBLISHED))
            assert category.post_count == posts, category.slug
            assert category.thread_count >= 15, category.slug

        languages = Counter(t.language for t in threads)
        assert set(languages) == {"nl", "fr", "en"}
        assert languages["nl"] >= 0.25 * len(threads) and languages["fr"] >= 0.25 * len(threads), languages

        questions = [t for t in threads if t.kind == ThreadKind.QUESTION]
        assert sum(1 for t in questions if t.answer_count == 0) >= 20
        assert sum(1 for t in threads if t.solved) >= 50
        assert any(t.kind == ThreadKind.DISCUSSION for t in threads)
        answers = Counter((await s.execute(select(Post.thread_id).where(
            Post.is_opening.is_(False), Post.state == ContentState.PUBLISHED))).scalars())
        assert all(t.answer_count == answers[t.id] for t in threads)

        # Accepted answers belong to their thread and came after the question; history lies in the past.
        for thread in threads:
            if thread.accepted_post_id is not None:
                accepted = await s.get(Post, thread.accepted_post_id)
                assert accepted.thread_id == thread.id and not accepted.is_opening
                assert accepted.created_at > thread.created_at
        newest = max(t.last_activity_at for t in threads)
        oldest = min(t.created_at for t in threads)
        assert (newest - oldest).days >= 200

        votes = await s.scalar(select(func.count()).select_from(PostVote))
        assert votes > 0 and votes == await s.scalar(select(func.sum(Post.score)))
        own = await s.scalar(select(func.count()).select_from(PostVote).join(Post, Post.id == PostVote.post_id)
                             .where(Post.author_id == PostVote.voter_id))
        assert own == 0

        # The moderation examples: held insults, a new member's link spam, flags, one post hidden by
        # them, and decisions already taken; nothing in the forum itself was held by mistake.
        items = (await s.scalars(select(Reviewable))).all()
        reasons = {code for item in items for code in item.reasons}
        assert {"insult", "links", "appeal", "flag:spam", "flag:personal_data"} <= reasons
        assert sum(1 for i in items if i.status == ReviewStatus.PENDING) >= 5
        states = Counter((await s.scalars(select(Post.state))).all())
        assert states[ContentState.HELD] >= 3 and states[ContentState.HIDDEN] == 1
        # The care queue's demo also flags posts and routes flags to care: the items beyond the
        # moderation examples are among those it routed.
        routed = set((await s.scalars(select(ModerationAction.reviewable_id).where(
            ModerationAction.action == "route_to_care"))).all())
        assert counts["moderation examples"] + len(routed) >= len(items) > counts["moderation examples"]

    again = await seed(database, quiet=True)
    assert again["forum threads"] == 0 and again["moderation examples"] == 0
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(Thread)) == len(threads)
        assert await s.scalar(select(func.count()).select_from(PostVote)) == votes
