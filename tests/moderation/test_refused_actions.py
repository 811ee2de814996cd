"""A refused moderation action changes nothing (issue 14, point 10): not the item's version, not
its audit trail, on the queue page as in the API; the next moderator acts on it as if nothing happened."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hearth.accounts.models import Account
from hearth.db import Database
from moderation import service
from moderation.models import ModerationAction, Reviewable
from tests.conftest import csrf_of, sign_in
from tests.moderation.conftest import flagged_post


async def _state(database: Database, reviewable_id: int) -> tuple[int, int]:
    """The item's version and how many moderators' actions its trail holds."""
    async with database.sessionmaker() as s:
        version = await s.scalar(select(Reviewable.version).where(Reviewable.id == reviewable_id))
        acted = await s.scalar(select(func.count()).select_from(ModerationAction).where(
            ModerationAction.reviewable_id == reviewable_id, ModerationAction.actor_id.is_not(None),
            ModerationAction.action != "flagged"))
        return version, acted


@pytest.mark.parametrize("whose", ["own", "team"])
async def test_a_refused_suspension_from_the_queue_page_changes_nothing(
        whose, make_client, database: Database, moderator, other_moderator, regular, guideline, category) -> None:
    author = moderator if whose == "own" else other_moderator
    item = await flagged_post(database, author, regular, category)
    before = await _state(database, item.id)
    mod = make_client()
    await sign_in(mod, moderator.email)
    await mod.get("/mod")
    refused = await mod.post(f"/mod/items/{item.id}/act", data={
        "csrf_token": csrf_of(mod), "action": "suspend", "version": str(item.version), "days": "3",
        "guideline_id": str(guideline.id)})
    assert refused.status_code == (422 if whose == "own" else 403)
    assert ("You cannot suspend yourself" if whose == "own" else "Only an admin can suspend") in refused.text
    assert await _state(database, item.id) == before
    # The next moderator, with the page they loaded before, is not told that someone acted.
    other = make_client()
    await sign_in(other, (other_moderator if whose == "own" else moderator).email)
    await other.get("/mod")
    done = await other.post(f"/mod/items/{item.id}/act", data={
        "csrf_token": csrf_of(other), "action": "approve", "version": str(item.version)})
    assert done.status_code == 303


async def test_a_refused_suspension_through_the_api_changes_nothing(
        make_client, database: Database, moderator, other_moderator, regular, guideline, category) -> None:
    item = await flagged_post(database, other_moderator, regular, category)
    before = await _state(database, item.id)
    mod = make_client()
    await sign_in(mod, moderator.email)
    refused = await mod.post(f"/api/v1/moderation/items/{item.id}/actions", json={
        "action": "suspend", "version": item.version, "days": 3, "guideline_id": guideline.id})
    assert refused.status_code == 403 and "Only an admin can suspend" in refused.json()["detail"]
    assert await _state(database, item.id) == before
    done = await mod.post(f"/api/v1/moderation/items/{item.id}/actions",
                          json={"action": "approve", "version": item.version})
    assert done.status_code == 200 and done.json()["status"] == "approved"


async def test_the_service_checks_everything_before_it_writes(database: Database, moderator, regular, guideline,
                                                              category) -> None:
    from hearth.errors import Invalid
    from moderation.schemas import ActionIn

    item = await flagged_post(database, moderator, regular, category)
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid, match="suspend yourself"):
            await service.act(s, await s.get(Account, moderator.id), item.id, ActionIn(
                action="suspend", version=item.version, days=3, guideline_id=guideline.id))
        assert (await s.get(Reviewable, item.id)).version == item.version  # in the same transaction, unflushed too
        await s.rollback()
