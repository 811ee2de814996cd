"""Content versions: every way a transaction writes a table raises that table's counter, so a
page kept under it (web/shared.py) is never served after the change."""

from __future__ import annotations

from sqlalchemy import delete, insert, update

from hearth import versions
from hearth.accounts import service as accounts
from hearth.accounts.models import Account
from hearth.db import Database


async def _accounts_version(database: Database) -> int:
    async with database.sessionmaker() as session:
        return (await versions.of(session, "accounts"))[0]


async def test_every_kind_of_write_raises_the_table_version(database: Database) -> None:
    async with database.sessionmaker() as session:
        account = await accounts.create_account(session, email="vera@example.com", display_name="Vera",
                                                password=None)
        await session.commit()
        account_id = account.id
    seen = [await _accounts_version(database)]

    writes = [
        update(Account).where(Account.id == account_id).values(display_name="Vera V."),  # an entity's update
        update(Account.__table__).where(Account.__table__.c.id == account_id).values(display_name="Vera"),
        insert(Account).values(email="wim@example.com", display_name="Wim", handle="wim", roles=[],
                               created_at=account.created_at, is_active=True),
        delete(Account).where(Account.email == "wim@example.com"),
    ]
    for statement in writes:
        async with database.sessionmaker() as session:
            await session.execute(statement)
            await session.commit()
        seen.append(await _accounts_version(database))
    async with database.sessionmaker() as session:  # a change through the unit of work
        (await session.get(Account, account_id)).display_name = "Vera W."
        await session.commit()
    seen.append(await _accounts_version(database))
    assert seen == sorted(set(seen)) and len(seen) == len(writes) + 2, seen

    async with database.sessionmaker() as session:  # rolled back: nothing changed, nothing raised
        await session.execute(update(Account).where(Account.id == account_id).values(display_name="Nobody"))
        await session.rollback()
    assert await _accounts_version(database) == seen[-1]


async def test_savepoints_raise_versions_at_the_real_commit_and_a_failed_one_forgets_nothing(
        database: Database) -> None:
    async with database.sessionmaker() as session:
        account = await accounts.create_account(session, email="sam@example.com", display_name="Sam", password=None)
        await session.commit()
        account_id = account.id
    before = await _accounts_version(database)

    async with database.sessionmaker() as session:
        await session.execute(update(Account).where(Account.id == account_id).values(display_name="Sam S."))
        async with session.begin_nested():  # released: nothing counted yet (the worker's per-event savepoints)
            await session.execute(update(Account).where(Account.id == account_id).values(handle="sam-s"))
        assert await _accounts_version(database) == before
        try:
            async with session.begin_nested():
                await session.execute(update(Account).where(Account.id == account_id).values(handle="sam-s2"))
                raise RuntimeError("a handler failed")
        except RuntimeError:
            pass
        await session.commit()
    assert await _accounts_version(database) == before + 1
