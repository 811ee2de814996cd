"""Lifting a suspension is said out loud, on the page as in the API: an empty form or body
(or one cut off on the way) is refused and the member stays suspended."""

from __future__ import annotations

from hearth.accounts.models import Account
from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import csrf_of, sign_in


async def _suspended_until(database: Database, member: Account):
    async with database.sessionmaker() as s:
        return (await s.get(Account, member.id)).suspended_until


async def test_an_empty_form_or_body_lifts_nothing(client, database: Database, regular, moderator,
                                                   guideline) -> None:
    await sign_in(client, moderator.email)
    url = f"/mod/members/{regular.handle}/suspension"
    await client.get(f"/mod/members/{regular.handle}")
    token = csrf_of(client)
    suspended = await client.post(url, data={"csrf_token": token, "days": "3", "guideline_id": str(guideline.id)})
    assert suspended.status_code == 303
    until = await _suspended_until(database, regular)
    assert until is not None
    empty = await client.post(url, data={"csrf_token": token})
    assert empty.status_code == 422 and "Say for how many days" in empty.text
    assert_problem(await client.put(f"/api/v1/moderation/members/{regular.handle}/suspension", json={}),
                   422, "invalid")
    assert await _suspended_until(database, regular) == until
    lifted = await client.post(url, data={"csrf_token": token, "lift": "1"})
    assert lifted.status_code == 303 and await _suspended_until(database, regular) is None
