"""Accounts service: sign-up rules, sign-in, sessions, tokens, roles."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hearth.accounts import service
from hearth.accounts.models import Account, ApiToken, AuthSession, Role
from hearth.accounts.schemas import PasswordChange, SignIn, SignUp
from hearth.db import Database
from hearth.errors import Conflict, Forbidden, Invalid, Unauthorized
from hearth.events import OutboxEvent
from tests.conftest import PASSWORD, create_member


async def _count(database: Database, model) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(model))


async def test_sign_up_creates_member_with_handle_and_event(session) -> None:
    account = await service.sign_up(session, SignUp(email="Lotte@Example.BE", display_name="Lotte Janssens",
                                                    password=PASSWORD, language="nl"))
    await session.flush()
    assert account.email == "lotte@example.be"
    assert account.handle == "lotte_janssens"
    assert account.roles == frozenset({Role.MEMBER})
    assert account.initials == "LJ"
    assert account.password_hash.startswith("$argon2id$")
    names = list(await session.scalars(select(OutboxEvent.name)))
    assert names == ["account.created"]


async def test_handles_stay_unique_and_ascii(session) -> None:
    a = await service.create_account(session, email="a@x.be", display_name="Chloé Dupont", password=PASSWORD)
    b = await service.create_account(session, email="b@x.be", display_name="Chloe Dupont", password=PASSWORD)
    assert (a.handle, b.handle) == ("chloe_dupont", "chloe_dupont2")


async def test_duplicate_email_is_refused_case_insensitively(database: Database, member: Account) -> None:
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict):
            await service.create_account(s, email="MEMBER@example.com", display_name="Other", password=PASSWORD)
    assert await _count(database, Account) == 1


async def test_simultaneous_sign_ups_with_one_address_make_one_account(database: Database) -> None:
    async def attempt() -> str:
        async with database.sessionmaker() as s:
            try:
                await service.create_account(s, email="race@example.com", display_name="Racer", password=PASSWORD)
                await s.commit()
                return "created"
            except Conflict:
                return "conflict"
            except Exception as exc:  # SQLite may refuse the second writer outright  # noqa: BLE001
                return type(exc).__name__

    outcomes = await asyncio.gather(*(attempt() for _ in range(4)))
    assert outcomes.count("created") == 1
    assert await _count(database, Account) == 1


@pytest.mark.parametrize("password, reason", [
    ("short", "at least"),
    ("1234567890", "easy to guess"),
    ("aaaaaaaaaaaa", "easy to guess"),
    ("wachtwoord123", "easy to guess"),
    ("lotte-rocks-2026", "e-mail or name"),
])
async def test_weak_passwords_are_refused(session, password: str, reason: str) -> None:
    with pytest.raises(Invalid) as caught:
        await service.create_account(session, email="lotte@example.be", display_name="Lotte", password=password)
    assert reason in caught.value.detail
    assert caught.value.field == "password"


async def test_authenticate(database: Database, member: Account) -> None:
    async with database.sessionmaker() as s:
        assert (await service.authenticate(s, SignIn(email="Member@Example.com", password=PASSWORD))).id == member.id
        for email, password in [("member@example.com", "wrong password!"), ("nobody@example.com", PASSWORD)]:
            with pytest.raises(Unauthorized) as caught:
                await service.authenticate(s, SignIn(email=email, password=password))
            # The same words for both: the form must not reveal which e-mails exist.
            assert caught.value.detail == "Wrong e-mail address or password"


async def test_disabled_account_cannot_sign_in(database: Database) -> None:
    await create_member(database, "off@example.com", "Off Line", active=False)
    async with database.sessionmaker() as s:
        with pytest.raises(Forbidden):
            await service.authenticate(s, SignIn(email="off@example.com", password=PASSWORD))


async def test_session_lifecycle(database: Database, member: Account, frozen_clock) -> None:
    async with database.sessionmaker() as s:
        new = await service.start_session(s, member, user_agent="pytest")
        await s.commit()
    stored = await _count(database, AuthSession)
    assert stored == 1
    async with database.sessionmaker() as s:
        row = await s.scalar(select(AuthSession))
        assert row.token_hash != new.token, "the cookie's token must not be stored as is"
        assert (await service.resolve_session(s, new.token)).account.id == member.id
        assert (await service.resolve_session(s, new.token + "x")).account is None
        await s.commit()

    frozen_clock.advance(hours=73)  # idle longer than session_idle_hours
    async with database.sessionmaker() as s:
        check = await service.resolve_session(s, new.token)
        assert check.account is None and check.expired
        await s.commit()
    assert await _count(database, AuthSession) == 0


async def test_session_expires_after_its_lifetime_even_when_used(database: Database, member: Account,
                                                                 frozen_clock) -> None:
    async with database.sessionmaker() as s:
        new = await service.start_session(s, member)
        await s.commit()
    alive_days = 0
    for _ in range(20):  # used every day; the lifetime is 14 days whatever the use
        frozen_clock.advance(days=1)
        async with database.sessionmaker() as s:
            check = await service.resolve_session(s, new.token)
            await s.commit()
        if check.account is None:
            break
        alive_days += 1
    assert check.expired and alive_days == 13


async def test_password_change_signs_out_other_sessions(database: Database, member: Account) -> None:
    async with database.sessionmaker() as s:
        here = await service.start_session(s, member)
        other = await service.start_session(s, member)
        await s.commit()
    async with database.sessionmaker() as s:
        account = await s.get(Account, member.id)
        with pytest.raises(Invalid):
            await service.change_password(s, account, PasswordChange(current_password="nope nope nope",
                                                                      new_password="a brand new secret"))
        await service.change_password(s, account, PasswordChange(current_password=PASSWORD,
                                                                  new_password="a brand new secret"),
                                      keep_token=here.token)
        await s.commit()
    async with database.sessionmaker() as s:
        assert (await service.resolve_session(s, here.token)).account is not None
        assert (await service.resolve_session(s, other.token)).account is None
        assert await service.authenticate(s, SignIn(email=member.email, password="a brand new secret"))


async def test_api_tokens(database: Database, member: Account, frozen_clock) -> None:
    async with database.sessionmaker() as s:
        account = await s.get(Account, member.id)
        record, token = await service.create_token(s, account, "CRM sync")
        await s.commit()
    assert token.startswith("hearth_") and record.prefix == token[:13]
    async with database.sessionmaker() as s:
        assert (await service.resolve_token(s, token)).id == member.id
        await s.commit()
        with pytest.raises(Unauthorized, match="Unknown"):
            await service.resolve_token(s, token[:-1] + "x")
        await service.revoke_token(s, await s.get(Account, member.id), record.id)
        await s.commit()
        with pytest.raises(Unauthorized, match="revoked"):
            await service.resolve_token(s, token)


async def test_roles_round_trip_and_admin_passes_every_check(database: Database) -> None:
    account = await create_member(database, "team@example.com", "Team Mate",
                                  frozenset({Role.CARE_AGENT, Role.RETENTION_AGENT}))
    async with database.sessionmaker() as s:
        loaded = await s.get(Account, account.id)
        assert loaded.roles == frozenset({Role.MEMBER, Role.CARE_AGENT, Role.RETENTION_AGENT})
        assert loaded.has_role(Role.CARE_AGENT) and not loaded.has_role(Role.MODERATOR)
        await service.set_roles(s, loaded, {Role.ADMIN})
        await s.commit()
    async with database.sessionmaker() as s:
        loaded = await s.get(Account, account.id)
        assert all(loaded.has_role(role) for role in Role)


async def test_disabling_an_account_ends_its_sessions(database: Database, member: Account) -> None:
    async with database.sessionmaker() as s:
        new = await service.start_session(s, member)
        await service.set_active(s, await s.get(Account, member.id), False)
        await s.commit()
    async with database.sessionmaker() as s:
        assert (await service.resolve_session(s, new.token)).account is None


async def test_time_is_utc_aware(database: Database, member: Account) -> None:
    async with database.sessionmaker() as s:
        loaded = await s.get(Account, member.id)
        assert loaded.created_at.utcoffset() == timedelta(0)


async def test_worker_chores_purge_expired_sessions(database: Database, member: Account, frozen_clock) -> None:
    from hearth import events

    async with database.sessionmaker() as s:
        old = await service.start_session(s, member)
        await s.commit()
    frozen_clock.advance(hours=80)
    async with database.sessionmaker() as s:
        fresh = await service.start_session(s, member)
        await s.commit()
    done = await events.run_chores(database)
    assert done["purge_expired_sessions"] == 1
    async with database.sessionmaker() as s:
        assert (await service.resolve_session(s, fresh.token)).account is not None
        assert (await service.resolve_session(s, old.token)).account is None


async def test_a_reading_request_records_token_use_even_when_others_wrote_meanwhile(database: Database,
                                                                                    member: Account,
                                                                                    frozen_clock) -> None:
    """A GET's session only reads; on SQLite it could not write `last_used_at` itself once the
    worker (or anyone) committed after its first read, so that small write goes on its own."""
    from hearth.events import publish

    async with database.sessionmaker() as s:
        _record, token = await service.create_token(s, await s.get(Account, member.id), "cli")
        await s.commit()
    frozen_clock.advance(minutes=10)
    async with database.sessionmaker() as reading:  # as a GET request's session
        await reading.execute(select(Account.id))  # its read transaction has begun
        async with await database.writer() as other:  # someone else commits meanwhile
            publish(other, "test.meanwhile")
            await other.commit()
        assert (await service.resolve_token(reading, token)).id == member.id
        await reading.commit()
    async with database.sessionmaker() as s:
        used = await s.scalar(select(ApiToken.last_used_at))
    assert used == frozen_clock.now()
