"""The demo idea exchange, seeded through the service as members and product managers would
have built it: about 80 ideas in three languages, every status, merges, votes and comments."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from hearth.db import Database
from hearth.seed import seed
from ideas.models import Idea, IdeaArea, IdeaComment, IdeaStatus, IdeaStatusChange, IdeaVote
from moderation.models import ContentState


async def test_the_demo_has_ideas_in_every_status_and_language_once(database: Database) -> None:
    counts = await seed(database, quiet=True)
    assert 70 <= counts["ideas"] <= 90, counts

    async with database.sessionmaker() as s:
        ideas = (await s.scalars(select(Idea))).all()
        assert len(ideas) == counts["ideas"]
        assert all(i.state == ContentState.PUBLISHED for i in ideas)
        assert {i.language for i in ideas} == {"en", "nl", "fr"}
        statuses = Counter(i.status for i in ideas)
        assert set(statuses) == set(IdeaStatus), statuses
        areas = {a.id: a for a in (await s.scalars(select(IdeaArea))).all()}
        assert len({areas[i.area_id].brand for i in ideas if i.area_id}) == 2  # the bank's and the telecom's

        # Every count agrees with the rows behind it.
        votes = dict((await s.execute(select(IdeaVote.idea_id, func.count()).group_by(IdeaVote.idea_id))).all())
        comments = dict((await s.execute(select(IdeaComment.idea_id, func.count())
                                         .where(IdeaComment.state == ContentState.PUBLISHED)
                                         .group_by(IdeaComment.idea_id))).all())
        assert all(i.vote_count == votes.get(i.id, 0) for i in ideas)
        assert all(i.comment_count == comments.get(i.id, 0) for i in ideas)
        assert sum(votes.values()) > 300 and sum(comments.values()) > 50

        # Merged ideas point at an idea that is not merged, and gave it their votes.
        by_id = {i.id: i for i in ideas}
        merged = [i for i in ideas if i.status == IdeaStatus.MERGED]
        assert merged and all(i.merged_into_id and by_id[i.merged_into_id].status != IdeaStatus.MERGED
                              for i in merged)
        assert all(i.vote_count == 0 for i in merged)
        # Every status change after open came with a public response.
        changes = (await s.scalars(select(IdeaStatusChange))).all()
        assert all(c.response.strip() for c in changes if c.to_status != IdeaStatus.MERGED)

    assert (await seed(database, quiet=True))["ideas"] == 0  # a second run adds nothing
