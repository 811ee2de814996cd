"""Pages: forms with CSRF, readable errors, sign-in redirects, languages, admin."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from hearth import i18n
from hearth.accounts.models import Account, ApiToken, Role
from hearth.db import Database
from hearth.security import SESSION_COOKIE
from tests.conftest import PASSWORD, csrf_of, sign_in


async def _prime(client) -> str:
    """Visit a page first, as a browser would, to get the CSRF cookie; returns the form token."""
    await client.get("/signup")
    return csrf_of(client)


async def _accounts(database: Database) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(Account))


async def test_pages_render_with_landmarks(client, member) -> None:
    for path in ("/", "/signin", "/signup", f"/members/{member.handle}"):
        response = await client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert '<main id="main"' in html and "<header" in html and "<footer" in html and "<nav" in html
        assert 'href="#main"' in html, "skip link missing"
    profile = (await client.get(f"/members/{member.handle}")).text
    assert member.display_name in profile and ">MM<" in profile


async def test_security_headers(client) -> None:
    response = await client.get("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_sign_up_form(client, database: Database) -> None:
    token = await _prime(client)
    form = {"email": "anna@example.be", "display_name": "Anna Peeters", "password": PASSWORD}
    response = await client.post("/signup", data={**form, "csrf_token": token, "next": "/settings"})
    assert response.status_code == 303 and response.headers["location"] == "/settings"
    assert SESSION_COOKIE in client.cookies
    assert "Anna Peeters" in (await client.get("/settings")).text


async def test_forms_without_the_right_csrf_token_change_nothing(client, database: Database) -> None:
    await _prime(client)
    form = {"email": "anna@example.be", "display_name": "Anna Peeters", "password": PASSWORD}
    missing = await client.post("/signup", data=form)
    wrong = await client.post("/signup", data={**form, "csrf_token": "0" * 64})
    for response in (missing, wrong):
        assert response.status_code == 403
        assert "Reload the page" in response.text and "<main" in response.text
    # A token made for another browser's cookie does not fit this one either.
    client.cookies.set("hearth_csrf", "another-browsers-nonce")
    assert (await client.post("/signup", data={**form, "csrf_token": token_for("x")})).status_code == 403
    assert await _accounts(database) == 0


def token_for(nonce: str) -> str:
    from hearth.security import csrf_token_for

    return csrf_token_for(nonce)


async def test_sign_up_errors_are_shown_on_the_form(client, database: Database, member) -> None:
    token = await _prime(client)
    weak = await client.post("/signup", data={"email": "x@example.be", "display_name": "Xavier",
                                              "password": "short", "csrf_token": token})
    assert weak.status_code == 422
    assert re.search(r'id="e-password">[^<]*at least 10 characters', weak.text)
    assert 'value="x@example.be"' in weak.text, "the form must keep what was typed"
    taken = await client.post("/signup", data={"email": member.email, "display_name": "Copy Cat",
                                               "password": PASSWORD, "csrf_token": token})
    assert taken.status_code == 409 and "already exists" in taken.text
    bad_email = await client.post("/signup", data={"email": "nope", "display_name": "Xavier",
                                                   "password": PASSWORD, "csrf_token": token})
    assert bad_email.status_code == 422 and "valid e-mail" in bad_email.text
    assert await _accounts(database) == 1


async def test_sign_in_and_out(client, member) -> None:
    token = await _prime(client)
    wrong = await client.post("/signin", data={"email": member.email, "password": "nope nope nope",
                                               "csrf_token": token})
    assert wrong.status_code == 401 and "Wrong e-mail address or password" in wrong.text
    ok = await client.post("/signin", data={"email": member.email, "password": PASSWORD, "csrf_token": token,
                                            "next": "https://evil.example/phish"})
    assert ok.status_code == 303 and ok.headers["location"] == "/", "an outside next= must not be followed"
    assert member.display_name in (await client.get("/")).text
    out = await client.post("/signout", data={"csrf_token": token})
    assert out.status_code == 303
    assert (await client.get("/settings")).status_code == 303


async def test_protected_pages_send_you_to_sign_in(client, member, frozen_clock) -> None:
    response = await client.get("/settings")
    assert response.status_code == 303 and response.headers["location"] == "/signin?next=%2Fsettings"
    htmx = await client.get("/settings", headers={"hx-request": "true"})
    assert htmx.headers["hx-redirect"] == "/signin?next=%2Fsettings"

    await sign_in(client, member.email)
    frozen_clock.advance(days=30)
    expired = await client.get("/settings")
    assert expired.headers["location"].endswith("&expired=1")
    page = await client.get(expired.headers["location"])
    assert "Your session has expired" in page.text


async def test_htmx_errors_come_back_as_toasts(client, member) -> None:
    token = await _prime(client)
    response = await client.post("/signin", headers={"hx-request": "true", "x-csrf-token": "bad"},
                                 data={"email": member.email, "password": PASSWORD})
    assert response.status_code == 403
    assert response.headers["hx-retarget"] == "#toasts"
    assert 'class="toast toast-error"' in response.text and "<html" not in response.text
    assert token


async def test_language_follows_member_then_cookie_then_browser(client, make_client, member) -> None:
    dutch = i18n.catalog("nl")["Sign in"]
    french = i18n.catalog("fr")["Sign in"]
    response = await client.get("/signin", headers={"accept-language": "nl-BE,nl;q=0.9,en;q=0.5"})
    assert '<html lang="nl">' in response.text and dutch in response.text

    visitor = make_client()
    await visitor.get("/")
    chosen = await visitor.post("/language", data={"language": "fr", "next": "/signin",
                                                   "csrf_token": csrf_of(visitor)})
    assert chosen.status_code == 303
    assert french in (await visitor.get("/signin", headers={"accept-language": "nl"})).text

    await sign_in(client, member.email)
    await client.patch("/api/v1/me", json={"language": "fr"})
    page = await client.get("/", headers={"accept-language": "nl"})
    assert '<html lang="fr">' in page.text


async def test_settings_profile_password_and_tokens(client, database: Database, member) -> None:
    await sign_in(client, member.email)
    await client.get("/settings")
    token = csrf_of(client)
    saved = await client.post("/settings/profile", data={"display_name": "Mia Maes", "language": "nl",
                                                         "csrf_token": token})
    assert saved.status_code == 200 and '<html lang="nl">' in saved.text

    weak = await client.post("/settings/password", data={"current_password": PASSWORD, "new_password": "short",
                                                         "csrf_token": token})
    assert weak.status_code == 422

    created = await client.post("/settings/tokens", data={"name": "Zapier", "csrf_token": token})
    assert created.status_code == 201
    shown = re.search(r'id="new-token">(hearth_[^<]+)<', created.text).group(1)
    assert shown not in (await client.get("/settings")).text, "a token is shown once only"
    async with database.sessionmaker() as s:
        record = await s.scalar(select(ApiToken))
    revoked = await client.post(f"/settings/tokens/{record.id}/revoke", data={"csrf_token": token})
    assert revoked.status_code == 200
    async with database.sessionmaker() as s:
        assert (await s.get(ApiToken, record.id)).revoked_at is not None
        assert (await s.get(Account, member.id)).display_name == "Mia Maes"


async def test_admin_members_page(client, make_client, database: Database, member, admin) -> None:
    await sign_in(client, member.email)
    assert (await client.get("/admin/members")).status_code == 403

    boss = make_client()
    await sign_in(boss, admin.email)
    page = await boss.get("/admin/members")
    assert page.status_code == 200 and member.email in page.text
    row = await boss.post(f"/admin/members/{member.id}/roles",
                          data={"roles": ["moderator", "care_agent"], "csrf_token": csrf_of(boss)},
                          headers={"hx-request": "true"})
    assert row.status_code == 200 and row.text.lstrip().startswith("<tr")
    refused = await boss.post(f"/admin/members/{admin.id}/roles", data={"roles": [], "csrf_token": csrf_of(boss)},
                              headers={"hx-request": "true"})
    assert refused.status_code == 422 and "own admin role" in refused.text
    async with database.sessionmaker() as s:
        assert (await s.get(Account, member.id)).roles == frozenset({Role.MEMBER, Role.MODERATOR, Role.CARE_AGENT})
        assert (await s.get(Account, admin.id)).has_role(Role.ADMIN)


async def test_friendly_not_found_page(client) -> None:
    response = await client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.text and "Back to the community" in response.text
