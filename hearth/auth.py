"""Who is asking, and may they: the dependencies every route declares.

`CurrentAccount` is the signed-in account or None; `CurrentMember` requires one;
`RequireRole(Role.X)` requires that role (admins pass every role check).
Bearer API tokens and session cookies both work; a cookie-authenticated write must
also pass the CSRF check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from hearth import clock, i18n
from hearth.accounts import service
from hearth.accounts.models import Account, Role
from hearth.db import DbSession
from hearth.errors import CsrfFailed, Forbidden, Unauthorized
from hearth.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, csrf_valid

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _current_account(request: Request, db: DbSession) -> Account | None:
    token = bearer_token(request)
    account: Account | None = None
    if token:
        account = await service.resolve_token(db, token)
    elif cookie := request.cookies.get(SESSION_COOKIE):
        # web.lane may have found this cookie signed out or expired (and deleted the session) already.
        known = getattr(request.state, "signed_out", None)
        check = known[1] if known and known[0] == cookie else await service.resolve_session(db, cookie)
        account = check.account
        request.state.session_expired = check.expired
    request.state.account = account
    if account is not None and account.language:
        i18n.current.set(account.language)
        request.state.language = account.language
    return account


CurrentAccount = Annotated[Account | None, Depends(_current_account)]


def _signin_required(request: Request) -> Unauthorized:
    if getattr(request.state, "session_expired", False):
        return Unauthorized("Your session has expired. Please sign in again.")
    return Unauthorized("Please sign in to continue")


async def _current_member(request: Request, account: CurrentAccount) -> Account:
    if account is None:
        raise _signin_required(request)
    until = account.suspended_until
    if request.method in UNSAFE and until is not None and account.is_suspended(clock.now()):
        # Suspended members still read and sign out (a public route); they cannot write.
        raise Forbidden("Your account is suspended until %(until)s; you can read but not post.",
                        until=until.strftime("%Y-%m-%d %H:%M UTC"))
    return account


CurrentMember = Annotated[Account, Depends(_current_member)]


def require_role(*roles: Role) -> Callable[[Account], Awaitable[Account]]:
    """A dependency admitting members who hold any of `roles` (or are admins), for an alias
    such as `Moderator = Annotated[Account, Depends(require_role(Role.MODERATOR))]`."""

    async def check(account: CurrentMember) -> Account:
        if not any(account.has_role(role) for role in roles):
            raise Forbidden("You do not have access to this page")
        return account

    return check


AdminAccount = Annotated[Account, Depends(require_role(Role.ADMIN))]


async def verify_form_csrf(request: Request) -> None:
    """For web/ routes: every unsafe request carries the token in a field or header."""
    if request.method not in UNSAFE:
        return
    token = request.headers.get(CSRF_HEADER)
    if token is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            token = value if isinstance(value, str) else None
    if not csrf_valid(request.cookies.get(CSRF_COOKIE), token):
        raise CsrfFailed("This form has expired or did not come from this site. Reload the page and try again.")


async def verify_api_csrf(request: Request) -> None:
    """For api/ routes: token-authenticated calls are not CSRF-prone; cookie ones are.

    A cross-site form can send cookies but neither a JSON content type nor a custom
    header without a CORS preflight, which this API never grants.
    """
    if request.method not in UNSAFE or bearer_token(request):
        return
    if request.headers.get(CSRF_HEADER) is not None:
        if csrf_valid(request.cookies.get(CSRF_COOKIE), request.headers.get(CSRF_HEADER)):
            return
        raise CsrfFailed("The CSRF token is missing or wrong")
    if request.headers.get("content-type", "").split(";")[0].strip() == "application/json":
        return
    raise CsrfFailed("Send JSON (application/json) or an X-CSRF-Token header")
