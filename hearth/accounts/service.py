"""The only code that writes accounts, identities, sessions and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock, events, versions
from hearth.accounts import passwords
from hearth.accounts.models import Account, ApiToken, AuthSession, OidcIdentity, Role
from hearth.accounts.schemas import PasswordChange, ProfileUpdate, SignIn, SignUp
from hearth.db import Prepared, attach, rowcount, side_write
from hearth.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from hearth.settings import get_settings
from hearth.untrusted import clean_line

TOKEN_PREFIX = "hearth_"
# Writing last_seen on every request would make every page view a write.
_SEEN_RESOLUTION = timedelta(minutes=5)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _handle_base(display_name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    return (base or "member")[:24]


async def _free_handle(session: AsyncSession, display_name: str) -> str:
    base = _handle_base(display_name)
    taken = set(await session.scalars(select(Account.handle).where(Account.handle.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


async def get_account(session: AsyncSession, account_id: int) -> Account:
    account = await session.get(Account, account_id)
    if account is None:
        raise NotFound("No such member")
    return account


async def get_by_handle(session: AsyncSession, handle: str) -> Account:
    account = await session.scalar(select(Account).where(Account.handle == handle.lower()))
    if account is None or not account.is_active:
        raise NotFound("No such member")
    return account


async def get_by_email(session: AsyncSession, email: str) -> Account | None:
    return await session.scalar(select(Account).where(Account.email == _normalise_email(email)))


async def create_account(session: AsyncSession, *, email: str, display_name: str,
                         password: str | None, language: str | None = None,
                         roles: frozenset[Role] = frozenset({Role.MEMBER})) -> Account:
    email = _normalise_email(email)
    if await get_by_email(session, email) is not None:
        raise Conflict("An account with this e-mail address already exists", field="email")
    if password is not None:
        passwords.check_strength(password, email=email, display_name=display_name)
    now = clock.now()
    account = Account(
        email=email, display_name=display_name, language=language, roles=roles | {Role.MEMBER},
        handle=await _free_handle(session, display_name), is_active=True, created_at=now,
        password_hash=passwords.hash_password(password) if password else None,
        password_changed_at=now if password else None,
    )
    try:
        async with session.begin_nested():
            session.add(account)
    except IntegrityError as exc:
        # Two sign-ups with one address at the same moment: the database decides.
        raise Conflict("An account with this e-mail address already exists", field="email") from exc
    events.publish(session, "account.created", account_id=account.id)
    return account


async def sign_up(session: AsyncSession, data: SignUp) -> Account:
    return await create_account(session, email=str(data.email), display_name=data.display_name,
                                password=data.password, language=data.language)


async def authenticate(session: AsyncSession, data: SignIn) -> Account:
    account = await get_by_email(session, data.email)
    if not passwords.verify_password(account.password_hash if account else None, data.password):
        # One message for unknown e-mail and wrong password: no account enumeration.
        raise Unauthorized("Wrong e-mail address or password")
    assert account is not None
    if not account.is_active:
        raise Forbidden("This account is disabled. Contact the community team.")
    if passwords.needs_rehash(account.password_hash or ""):
        account.password_hash = passwords.hash_password(data.password)
    return account


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str
    record: AuthSession


async def start_session(session: AsyncSession, account: Account, *, user_agent: str | None = None) -> NewSession:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    record = AuthSession(
        token_hash=_digest(token), account_id=account.id, created_at=now, last_seen_at=now,
        expires_at=now + timedelta(days=get_settings().session_days),
        user_agent=(user_agent or "")[:255] or None,
    )
    session.add(record)
    await session.flush()
    return NewSession(token, record)


@dataclass(frozen=True, slots=True)
class SessionCheck:
    account: Account | None
    expired: bool = False
    also: tuple[Any, ...] = ()  # the values of the columns asked for `also`


_ACCOUNT_COLUMNS = list(Account.__table__.columns)


def _session_lookup(*also: Any) -> Prepared:
    return Prepared(
        select(AuthSession.expires_at, AuthSession.last_seen_at, versions.column(), *_ACCOUNT_COLUMNS, *also)
        .join_from(AuthSession, Account, Account.id == AuthSession.account_id)
        .where(AuthSession.token_hash == bindparam("token_hash")))


# Every signed-in request runs this; it runs on the driver (see `Prepared`).
_SESSION_LOOKUP = _session_lookup()


@lru_cache(maxsize=64)  # one per kind of page (its columns are made once, where the page is defined)
def _lookup_with(also: tuple[Any, ...]) -> Prepared:
    return _session_lookup(*also)


async def resolve_session(session: AsyncSession, token: str, also: tuple[Any, ...] = (), **params: Any) -> SessionCheck:
    """The account behind a session cookie; an unknown token is simply signed out.

    `also`: columns a page needs on every request (web.shared.Look), read in the same statement:
    scalar subqueries in which `Account.id` is the viewer, with their bind parameters in `params`."""
    token_hash = _digest(token)
    lookup = _lookup_with(also) if also else _SESSION_LOOKUP
    row = await lookup.first(session, token_hash=token_hash, **params)
    if row is None:
        return SessionCheck(None)
    expires_at, last_seen_at, known_versions, *values = row
    values, extra = values[:len(_ACCOUNT_COLUMNS)], tuple(values[len(_ACCOUNT_COLUMNS):])
    versions.carry(session, known_versions)
    now = clock.now()
    idle_limit = timedelta(hours=get_settings().session_idle_hours)
    if expires_at <= now or last_seen_at + idle_limit <= now or not values[_IS_ACTIVE]:
        await side_write(session, delete(AuthSession).where(AuthSession.token_hash == token_hash))
        return SessionCheck(None, expired=True)
    if now - last_seen_at > _SEEN_RESOLUTION:
        await side_write(session, update(AuthSession).where(AuthSession.token_hash == token_hash)
                         .values(last_seen_at=now))
    account = attach(session, Account, {c.key: v for c, v in zip(_ACCOUNT_COLUMNS, values, strict=True)})
    return SessionCheck(account, also=extra)


_IS_ACTIVE = [c.key for c in _ACCOUNT_COLUMNS].index("is_active")


@events.chore
async def purge_expired_sessions(session: AsyncSession) -> int:
    """Delete a batch of sessions past their lifetime or idle limit (resolve_session deletes only those it meets)."""
    now = clock.now()
    idle_since = now - timedelta(hours=get_settings().session_idle_hours)
    batch = select(AuthSession.token_hash).where(
        (AuthSession.expires_at <= now) | (AuthSession.last_seen_at <= idle_since)).limit(1_000).scalar_subquery()
    result = await session.execute(delete(AuthSession).where(AuthSession.token_hash.in_(batch))
                                   .execution_options(synchronize_session=False))
    return rowcount(result) or 0


async def end_session(session: AsyncSession, token: str) -> None:
    await session.execute(delete(AuthSession).where(AuthSession.token_hash == _digest(token)))


async def change_password(session: AsyncSession, account: Account, data: PasswordChange,
                          *, keep_token: str | None = None) -> None:
    if not passwords.verify_password(account.password_hash, data.current_password):
        raise Invalid("Your current password is not right", field="current_password")
    if data.new_password == data.current_password:
        raise Invalid("The new password must differ from the current one", field="new_password")
    passwords.check_strength(data.new_password, email=account.email, display_name=account.display_name)
    account.password_hash = passwords.hash_password(data.new_password)
    account.password_changed_at = clock.now()
    # Anyone who knew the old password is signed out everywhere but here.
    stmt = delete(AuthSession).where(AuthSession.account_id == account.id)
    if keep_token:
        stmt = stmt.where(AuthSession.token_hash != _digest(keep_token))
    await session.execute(stmt)
    events.publish(session, "account.password_changed", account_id=account.id)


async def update_profile(session: AsyncSession, account: Account, data: ProfileUpdate) -> Account:
    if data.display_name is not None:
        account.display_name = " ".join(data.display_name.split())
    if "language" in data.model_fields_set:
        account.language = data.language or None
    await session.flush()
    return account


async def newest_members(session: AsyncSession, *, limit: int) -> list[Account]:
    return list(await session.scalars(
        select(Account).where(Account.is_active.is_(True)).order_by(Account.id.desc()).limit(limit)))


async def count_members(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(Account.is_active.is_(True))) or 0


async def list_accounts(session: AsyncSession, *, offset: int = 0, limit: int = 50) -> tuple[list[Account], int]:
    total = await session.scalar(select(func.count()).select_from(Account)) or 0
    rows = await session.scalars(select(Account).order_by(Account.id).offset(offset).limit(limit))
    return list(rows), total


async def set_roles(session: AsyncSession, account: Account, roles: set[Role]) -> Account:
    account.roles = frozenset(roles | {Role.MEMBER})
    await session.flush()
    return account


async def set_active(session: AsyncSession, account: Account, active: bool) -> Account:
    account.is_active = active
    if not active:
        await session.execute(delete(AuthSession).where(AuthSession.account_id == account.id))
    await session.flush()
    return account


async def suspend(session: AsyncSession, account: Account, until: datetime | None) -> Account:
    """Suspend writing until `until` (None lifts a suspension); moderation decides, this records."""
    account.suspended_until = until
    await session.flush()
    return account


# --- OpenID Connect -------------------------------------------------------------------

async def account_for_oidc(session: AsyncSession, *, issuer: str, subject: str, email: str | None,
                           email_verified: bool, name: str | None, products: tuple[str, ...] = ()) -> Account:
    """Find or create the account linked to (issuer, subject); the products the provider says
    the customer holds go out as an event (reviews marks them verified customers)."""
    account = await _oidc_account(session, issuer=issuer, subject=subject, email=email,
                                  email_verified=email_verified, name=name)
    if products:
        events.publish(session, "account.oidc_claims", account_id=account.id, products=list(products))
    return account


async def _oidc_account(session: AsyncSession, *, issuer: str, subject: str, email: str | None,
                        email_verified: bool, name: str | None) -> Account:
    linked = await session.scalar(
        select(Account).join(OidcIdentity, OidcIdentity.account_id == Account.id)
        .where(OidcIdentity.issuer == issuer, OidcIdentity.subject == subject))
    if linked is not None:
        if not linked.is_active:
            raise Forbidden("This account is disabled. Contact the community team.")
        return linked
    if not email:
        raise Invalid("The sign-in provider did not share an e-mail address")
    account = await get_by_email(session, email)
    if account is not None and not email_verified:
        # Linking to an existing account on an unverified address would hand it over.
        raise Conflict("An account with this e-mail address already exists; sign in with your password")
    if account is not None and not account.is_active:
        raise Forbidden("This account is disabled. Contact the community team.")
    if account is None:
        # The provider's name skips SignUp's schema: cleaned the same way here.
        display = (clean_line(name or "") or email.split("@", 1)[0])[:80]
        account = await create_account(session, email=email, display_name=display, password=None)
    session.add(OidcIdentity(account_id=account.id, issuer=issuer, subject=subject, created_at=clock.now()))
    await session.flush()
    return account


# --- API tokens --------------------------------------------------------------------------

async def create_token(session: AsyncSession, account: Account, name: str) -> tuple[ApiToken, str]:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(account_id=account.id, name=name.strip(), token_hash=_digest(token),
                      prefix=token[: len(TOKEN_PREFIX) + 6], created_at=clock.now())
    session.add(record)
    await session.flush()
    return record, token


async def list_tokens(session: AsyncSession, account: Account) -> list[ApiToken]:
    return list(await session.scalars(
        select(ApiToken).where(ApiToken.account_id == account.id).order_by(ApiToken.id.desc())))


async def revoke_token(session: AsyncSession, account: Account, token_id: int) -> ApiToken:
    record = await session.get(ApiToken, token_id)
    if record is None or record.account_id != account.id:
        raise NotFound("No such token")
    if record.revoked_at is None:
        record.revoked_at = clock.now()
    await session.flush()
    return record


async def resolve_token(session: AsyncSession, token: str) -> Account:
    row = (await session.execute(
        select(ApiToken, Account).join(Account, Account.id == ApiToken.account_id)
        .where(ApiToken.token_hash == _digest(token)))).first()
    if row is None:
        raise Unauthorized("Unknown API token")
    record, account = row
    if record.revoked_at is not None:
        raise Unauthorized("This API token was revoked")
    if not account.is_active:
        raise Forbidden("This account is disabled. Contact the community team.")
    now = clock.now()
    if record.last_used_at is None or now - record.last_used_at > _SEEN_RESOLUTION:
        await side_write(session, update(ApiToken).where(ApiToken.id == record.id).values(last_used_at=now))
    return account
