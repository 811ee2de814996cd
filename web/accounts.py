from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from hearth import i18n, metrics
from hearth.accounts import oidc, service
from hearth.accounts.models import Role
from hearth.accounts.schemas import PasswordChange, ProfileUpdate, SignIn, SignUp
from hearth.auth import AdminAccount, CurrentAccount, CurrentMember
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import Id
from hearth.ratelimit import limit_signin, limit_signup
from hearth.security import LANGUAGE_COOKIE, SESSION_COOKIE, clear_session_cookie, set_session_cookie
from hearth.settings import get_settings
from web import shared
from web.forms import field_errors, safe_next, validate
from web.rendering import render

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
OptionalText = Annotated[str | None, Form()]


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _form_failed(request: Request, template: str, exc: HearthError, values: dict[str, str],
                 extra: dict | None = None) -> Response:
    errors = field_errors(exc) if isinstance(exc, Invalid) else {}
    message = exc.translated(_)
    return render(request, template, {"values": values, "errors": errors, "message": message, **(extra or {})},
                  status_code=exc.status, headers=exc.headers)


# --- sign up, sign in, sign out ---------------------------------------------------------

@router.get("/signup")
async def signup_page(request: Request, account: CurrentAccount, next: str | None = None) -> Response:
    if account:
        return _redirect(safe_next(next))
    # No "/" fallback in the form: without a next, a new member lands on their profile.
    return render(request, "accounts/signup.html", {"values": {}, "errors": {}, "next": safe_next(next, "")})


@router.post("/signup")
async def signup(request: Request, db: DbSession, email: Text = "", display_name: Text = "",
                 password: Text = "", next: OptionalText = None) -> Response:
    values = {"email": email, "display_name": display_name}
    try:
        await limit_signup(request)
        data = validate(SignUp, {**values, "password": password, "language": i18n.current.get()})
        account = await service.sign_up(db, data)
    except HearthError as exc:
        return _form_failed(request, "accounts/signup.html", exc, values, {"next": safe_next(next, "")})
    new = await service.start_session(db, account, user_agent=request.headers.get("user-agent"))
    response = _redirect(safe_next(next, f"/members/{account.handle}"))
    set_session_cookie(response, new.token)
    return response


@router.get("/signin")
async def signin_page(request: Request, account: CurrentAccount, next: str | None = None,
                      expired: bool = False) -> Response:
    if account:
        return _redirect(safe_next(next))
    message = _("Your session has expired. Please sign in again.") if expired else None
    return render(request, "accounts/signin.html", {
        "values": {}, "errors": {}, "next": safe_next(next), "message": message,
        "oidc_enabled": get_settings().oidc_enabled})


@router.post("/signin")
async def signin(request: Request, db: DbSession, email: Text = "", password: Text = "",
                 next: OptionalText = None) -> Response:
    values = {"email": email}
    try:
        await limit_signin(request, email)
        account = await service.authenticate(db, validate(SignIn, {"email": email, "password": password}))
    except HearthError as exc:
        metrics.SIGNINS.inc(method="password", outcome="failed")
        return _form_failed(request, "accounts/signin.html", exc, values,
                            {"next": safe_next(next), "oidc_enabled": get_settings().oidc_enabled})
    metrics.SIGNINS.inc(method="password", outcome="ok")
    new = await service.start_session(db, account, user_agent=request.headers.get("user-agent"))
    response = _redirect(safe_next(next))
    set_session_cookie(response, new.token)
    return response


@router.post("/signout")
async def signout(request: Request, db: DbSession) -> Response:
    if token := request.cookies.get(SESSION_COOKIE):
        await service.end_session(db, token)
    response = _redirect("/")
    clear_session_cookie(response)
    return response


# --- the brand's OpenID Connect provider -----------------------------------------------

def _callback_url() -> str:
    return get_settings().base_url.rstrip("/") + "/auth/oidc/callback"


@router.get("/auth/oidc/login")
async def oidc_login(next: str | None = None) -> Response:
    start = await oidc.get_client().start(_callback_url(), safe_next(next))
    response = _redirect(start.url)
    response.set_cookie(oidc.STATE_COOKIE, start.cookie, max_age=oidc.STATE_SECONDS, httponly=True,
                        secure=get_settings().secure_cookies, samesite="lax", path="/auth/oidc")
    return response


@router.get("/auth/oidc/callback")
async def oidc_callback(request: Request, db: DbSession) -> Response:
    try:
        identity = await oidc.get_client().finish(dict(request.query_params),
                                                  request.cookies.get(oidc.STATE_COOKIE), _callback_url())
        account = await service.account_for_oidc(
            db, issuer=identity.issuer, subject=identity.subject, email=identity.email,
            email_verified=identity.email_verified, name=identity.name, products=identity.products)
    except HearthError:
        metrics.SIGNINS.inc(method="oidc", outcome="failed")
        raise
    metrics.SIGNINS.inc(method="oidc", outcome="ok")
    new = await service.start_session(db, account, user_agent=request.headers.get("user-agent"))
    response = _redirect(safe_next(identity.next_url))
    set_session_cookie(response, new.token)
    response.delete_cookie(oidc.STATE_COOKIE, path="/auth/oidc")
    return response


# --- profile and settings -----------------------------------------------------------------

_PROFILE = shared.tables("accounts")


@router.get("/members/{handle}")
async def profile(handle: str, request: Request, account: CurrentAccount, db: DbSession) -> Response:
    async def page() -> Response:
        return render(request, "accounts/profile.html", {"member": await service.get_by_handle(db, handle)})

    # Their own profile shows a member the way to edit it: theirs alone.
    return await shared.page(request, db, look=_PROFILE, render=page,
                             private=account is not None and account.handle == handle)


async def _settings_context(db: DbSession, account: CurrentMember) -> dict:
    return {"tokens": await service.list_tokens(db, account), "values": {}, "errors": {}}


@router.get("/settings")
async def settings_page(request: Request, account: CurrentMember, db: DbSession) -> Response:
    return render(request, "accounts/settings.html", await _settings_context(db, account))


@router.post("/settings/profile")
async def settings_profile(request: Request, account: CurrentMember, db: DbSession,
                           display_name: Text = "", language: Text = "") -> Response:
    try:
        data = validate(ProfileUpdate, {"display_name": display_name, "language": language or None})
        await service.update_profile(db, account, data)
    except HearthError as exc:
        ctx = await _settings_context(db, account)
        return _form_failed(request, "accounts/settings.html", exc, {"display_name": display_name}, ctx)
    if account.language:
        i18n.current.set(account.language)
    ctx = await _settings_context(db, account)
    ctx["toasts"] = [{"kind": "ok", "message": _("Your profile was saved")}]
    return render(request, "accounts/settings.html", ctx)


@router.post("/settings/password")
async def settings_password(request: Request, account: CurrentMember, db: DbSession,
                            current_password: Text = "", new_password: Text = "") -> Response:
    try:
        data = validate(PasswordChange, {"current_password": current_password, "new_password": new_password})
        await service.change_password(db, account, data, keep_token=request.cookies.get(SESSION_COOKIE))
    except HearthError as exc:
        ctx = await _settings_context(db, account)
        return _form_failed(request, "accounts/settings.html", exc, {}, ctx)
    ctx = await _settings_context(db, account)
    ctx["toasts"] = [{"kind": "ok", "message": _("Your password was changed. Other devices were signed out.")}]
    return render(request, "accounts/settings.html", ctx)


@router.post("/settings/tokens")
async def settings_token_create(request: Request, account: CurrentMember, db: DbSession,
                                name: Text = "") -> Response:
    if not name.strip() or len(name) > 80:
        ctx = await _settings_context(db, account)
        ctx["errors"] = {"token_name": _("Give the token a name of at most 80 characters")}
        return render(request, "accounts/settings.html", ctx, status_code=422)
    _record, token = await service.create_token(db, account, name)
    ctx = await _settings_context(db, account)
    ctx["new_token"] = token
    return render(request, "accounts/settings.html", ctx, status_code=201)


@router.post("/settings/tokens/{token_id}/revoke")
async def settings_token_revoke(token_id: Id, request: Request, account: CurrentMember, db: DbSession) -> Response:
    await service.revoke_token(db, account, token_id)
    ctx = await _settings_context(db, account)
    ctx["toasts"] = [{"kind": "ok", "message": _("The token was revoked")}]
    return render(request, "accounts/settings.html", ctx)


@router.post("/language")
async def choose_language(request: Request, account: CurrentAccount, db: DbSession,
                          language: Text = "en", next: OptionalText = None) -> Response:
    if language not in i18n.LANGUAGES:
        raise Invalid("Choose one of the offered languages")
    if account is not None:
        await service.update_profile(db, account, ProfileUpdate(language=language))
    response = _redirect(safe_next(next))
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax",
                        secure=get_settings().secure_cookies, path="/")
    return response


# --- administration -----------------------------------------------------------------------

@router.get("/admin/members")
async def admin_members(request: Request, admin: AdminAccount, db: DbSession,
                        page: int = Query(1, ge=1, le=10_000)) -> Response:
    members, total = await service.list_accounts(db, offset=(page - 1) * 50, limit=50)
    return render(request, "admin/members.html", {
        "members": members, "total": total, "page": page, "pages": max(1, -(-total // 50)), "roles": list(Role)})


@router.post("/admin/members/{account_id}/roles")
async def admin_member_roles(account_id: Id, request: Request, admin: AdminAccount, db: DbSession) -> Response:
    form = await request.form()
    chosen = {Role(r) for r in form.getlist("roles") if isinstance(r, str) and r in Role.__members__.values()}
    member = await service.get_account(db, account_id)
    if member.id == admin.id and Role.ADMIN not in chosen:
        raise Invalid("You cannot remove your own admin role")
    await service.set_roles(db, member, chosen)
    return render(request, "admin/_member_row.html", {"m": member, "roles": list(Role),
                  "toasts": [{"kind": "ok", "message": _("Roles saved")}]})


@router.post("/admin/members/{account_id}/active")
async def admin_member_active(account_id: Id, request: Request, admin: AdminAccount, db: DbSession,
                              active: Text = "false") -> Response:
    member = await service.get_account(db, account_id)
    if member.id == admin.id:
        raise Invalid("You cannot disable your own account")
    await service.set_active(db, member, active == "true")
    return render(request, "admin/_member_row.html", {"m": member, "roles": list(Role)})
