"""Sign-in with OpenID Connect, end to end against a real provider running in this process.

The provider (oidc_provider_mock) issues real codes and RS256-signed ID tokens; Hearth
discovers it, exchanges the code with PKCE and checks the token over the loopback network.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import oidc_provider_mock
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from hearth.accounts import oidc
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, AuthSession, OidcIdentity
from hearth.db import Database
from hearth.security import SESSION_COOKIE, sign
from hearth.settings import Settings, get_settings
from tests.conftest import create_member

CALLBACK = "http://testserver/auth/oidc/callback"
CLIENT_ID = "hearth-test"


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """A running OpenID provider; yields its base URL (which is also its issuer)."""
    with oidc_provider_mock.run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def hearth_oidc(provider: str) -> Iterator[Settings]:
    """Point Hearth's OIDC client at the provider for one test."""
    settings = get_settings().model_copy(update={
        "oidc_discovery_url": f"{provider}/.well-known/openid-configuration",
        "oidc_client_id": CLIENT_ID,
        "oidc_client_secret": SecretStr("hearth-test-secret"),
    })
    oidc.set_client(oidc.OidcClient(settings))
    yield settings
    oidc.set_client(None)


# --- helpers -----------------------------------------------------------------------------

def put_user(provider: str, sub: str, **claims: object) -> None:
    with httpx.Client(timeout=10) as http:
        response = http.put(f"{provider}/users/{sub}", json=claims)
    assert response.status_code == 204, response.text


async def start(client: httpx.AsyncClient, next_url: str = "/") -> str:
    """Hearth's /auth/oidc/login: returns the provider's authorization URL."""
    response = await client.get("/auth/oidc/login", params={"next": next_url})
    assert response.status_code == 303, response.text
    assert client.cookies.get(oidc.STATE_COOKIE), "the state cookie must be set"
    return response.headers["location"]


def authorize(url: str, sub: str | None = None, *, deny: bool = False) -> str:
    """The user's step at the provider: returns where the provider sends the browser back."""
    with httpx.Client(timeout=10) as http:
        response = http.post(url, data={"action": "deny"} if deny else {"sub": sub})
    assert response.status_code in (302, 303), response.text
    return response.headers["location"]


async def sign_in_with_provider(client: httpx.AsyncClient, sub: str, next_url: str = "/") -> httpx.Response:
    callback = authorize(await start(client, next_url), sub)
    assert callback.startswith(CALLBACK + "?"), callback
    return await client.get(callback)


def with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    return urlunsplit(parts._replace(query=urlencode({**query, **changes})))


def read_state_cookie(client: httpx.AsyncClient) -> dict:
    value, _, _mac = client.cookies[oidc.STATE_COOKIE].rpartition(".")
    return json.loads(base64.urlsafe_b64decode(value.encode()))


def replace_state_cookie(client: httpx.AsyncClient, value: str | None) -> None:
    """Swap (or with None, drop) the browser's state cookie, keeping its domain and path."""
    [cookie] = [c for c in client.cookies.jar if c.name == oidc.STATE_COOKIE]
    client.cookies.jar.clear(cookie.domain, cookie.path, cookie.name)
    if value is not None:
        client.cookies.set(oidc.STATE_COOKIE, value, domain=cookie.domain, path=cookie.path)


def forge_state(saved: dict) -> str:
    """A state cookie built and signed the way OidcClient.start builds it."""
    return sign(base64.urlsafe_b64encode(json.dumps(saved).encode()).decode())


async def counts(database: Database) -> tuple[int, int, int]:
    async with database.sessionmaker() as s:
        return (
            await s.scalar(select(func.count()).select_from(Account)),
            await s.scalar(select(func.count()).select_from(OidcIdentity)),
            await s.scalar(select(func.count()).select_from(AuthSession)),
        )


async def assert_signed_out(client: httpx.AsyncClient) -> None:
    assert SESSION_COOKIE not in client.cookies
    assert (await client.get("/api/v1/me")).status_code == 401


def assert_error_page(response: httpx.Response, status: int, text: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<main" in response.text and text in response.text, response.text


# --- the happy path ----------------------------------------------------------------------

async def test_first_sign_in_creates_a_linked_account(client, database, provider, hearth_oidc) -> None:
    put_user(provider, "anna-1", email="anna@example.be", email_verified=True, name="Anna Peeters")

    url = await start(client, "/settings")
    # A code flow with PKCE and a nonce, coming back to our callback.
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}" == provider
    assert query["response_type"] == "code" and query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK and query["code_challenge_method"] == "S256"
    assert query["state"] and query["nonce"] and query["code_challenge"]
    assert "openid" in query["scope"].split()

    callback = authorize(url, "anna-1")
    back = parse_qs(urlsplit(callback).query)
    assert back["state"] == [query["state"]] and back["code"]

    response = await client.get(callback)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/settings"
    assert SESSION_COOKIE in client.cookies
    assert oidc.STATE_COOKIE not in client.cookies, "the state cookie is single use"

    me = await client.get("/api/v1/me")
    assert me.status_code == 200, me.text
    assert me.json()["email"] == "anna@example.be"
    assert me.json()["display_name"] == "Anna Peeters"
    assert "Anna Peeters" in (await client.get(response.headers["location"])).text

    async with database.sessionmaker() as s:
        account = await s.scalar(select(Account))
        identity = await s.scalar(select(OidcIdentity))
    assert account.email == "anna@example.be" and account.display_name == "Anna Peeters"
    assert account.password_hash is None and account.is_active
    assert (identity.account_id, identity.issuer, identity.subject) == (account.id, provider, "anna-1")
    assert await counts(database) == (1, 1, 1)


async def test_second_sign_in_reuses_the_account(client, make_client, database, provider, hearth_oidc) -> None:
    put_user(provider, "ben-1", email="ben@example.be", email_verified=True, name="Ben Janssens")
    assert (await sign_in_with_provider(client, "ben-1")).status_code == 303
    first = (await client.get("/api/v1/me")).json()

    other_browser = make_client()
    response = await sign_in_with_provider(other_browser, "ben-1", "/members")
    assert response.status_code == 303 and response.headers["location"] == "/members"
    second = (await other_browser.get("/api/v1/me")).json()
    assert second["id"] == first["id"] and second["email"] == "ben@example.be"
    assert await counts(database) == (1, 1, 2), "one account, one link, two browsers signed in"


async def test_verified_email_links_an_existing_account(client, database, provider, hearth_oidc) -> None:
    existing = await create_member(database, "carla@example.be", "Carla Claes")
    put_user(provider, "carla-1", email="Carla@Example.be", email_verified=True, name="Someone Else")

    response = await sign_in_with_provider(client, "carla-1")
    assert response.status_code == 303, response.text
    me = (await client.get("/api/v1/me")).json()
    assert me["id"] == existing.id and me["display_name"] == "Carla Claes"
    assert await counts(database) == (1, 1, 1)


# --- responses that must be refused ------------------------------------------------------

@pytest.mark.parametrize("state", ["not-the-state", "", "caf\u00e9"])
async def test_wrong_state_is_refused(client, database, provider, hearth_oidc, state: str) -> None:
    put_user(provider, "dirk-1", email="dirk@example.be", email_verified=True, name="Dirk")
    callback = authorize(await start(client), "dirk-1")

    response = await client.get(with_query(callback, state=state))
    assert_error_page(response, 400, "does not belong to the sign-in you started")
    assert await counts(database) == (0, 0, 0)
    await assert_signed_out(client)


async def test_wrong_nonce_is_refused(client, database, provider, hearth_oidc) -> None:
    put_user(provider, "eva-1", email="eva@example.be", email_verified=True, name="Eva")
    callback = authorize(await start(client), "eva-1")
    # Right state and verifier, so the code exchange succeeds; only the nonce differs
    # from the one the provider put into the ID token.
    saved = read_state_cookie(client)
    replace_state_cookie(client, forge_state({**saved, "n": "some-other-nonce"}))

    response = await client.get(callback)
    assert_error_page(response, 400, "ID token from the sign-in provider is not valid")
    assert await counts(database) == (0, 0, 0)
    await assert_signed_out(client)


def _tampered(cookie: str) -> str:
    value, _, mac = cookie.rpartition(".")
    saved = json.loads(base64.urlsafe_b64decode(value.encode()))
    saved["next"] = "/admin/members"
    return base64.urlsafe_b64encode(json.dumps(saved).encode()).decode() + "." + mac


@pytest.mark.parametrize("how", ["missing", "tampered", "bad-signature", "garbage", "expired"])
async def test_missing_or_tampered_state_cookie_is_refused(client, database, provider, hearth_oidc,
                                                           how: str) -> None:
    put_user(provider, "fien-1", email="fien@example.be", email_verified=True, name="Fien")
    callback = authorize(await start(client), "fien-1")
    cookie = client.cookies[oidc.STATE_COOKIE]
    replacement = {
        "missing": None,
        "tampered": _tampered(cookie),
        "bad-signature": cookie[:-1] + ("0" if cookie[-1] != "0" else "1"),
        "garbage": "garbage",
        "expired": forge_state({**read_state_cookie(client), "exp": int(time.time()) - 1}),
    }[how]
    replace_state_cookie(client, replacement)

    response = await client.get(callback)
    assert_error_page(response, 400, "took too long or was started in another browser")
    assert await counts(database) == (0, 0, 0)
    await assert_signed_out(client)


async def test_provider_refusal_is_shown(client, database, provider, hearth_oidc) -> None:
    callback = authorize(await start(client), deny=True)
    assert parse_qs(urlsplit(callback).query)["error"] == ["access_denied"]

    response = await client.get(callback)
    assert_error_page(response, 400, "The sign-in provider refused the sign-in (access_denied)")
    assert await counts(database) == (0, 0, 0)
    await assert_signed_out(client)


# --- accounts that must not be signed in -------------------------------------------------

async def test_disabled_account_with_the_same_email_is_refused(client, database, provider, hearth_oidc) -> None:
    await create_member(database, "gert@example.be", "Gert", active=False)
    put_user(provider, "gert-1", email="gert@example.be", email_verified=True, name="Gert")

    response = await sign_in_with_provider(client, "gert-1")
    assert_error_page(response, 403, "This account is disabled")
    assert await counts(database) == (1, 0, 0), "no link is made to a disabled account"
    await assert_signed_out(client)


async def test_linked_account_disabled_later_is_refused(client, make_client, database, provider,
                                                        hearth_oidc) -> None:
    put_user(provider, "hanne-1", email="hanne@example.be", email_verified=True, name="Hanne")
    assert (await sign_in_with_provider(client, "hanne-1")).status_code == 303
    async with database.sessionmaker() as s:
        account = await accounts.get_by_email(s, "hanne@example.be")
        await accounts.set_active(s, account, False)
        await s.commit()
    # Disabling ends the account's sessions: the old cookie no longer works.
    assert (await client.get("/api/v1/me")).status_code == 401

    other_browser = make_client()
    response = await sign_in_with_provider(other_browser, "hanne-1")
    assert_error_page(response, 403, "This account is disabled")
    assert await counts(database) == (1, 1, 0)
    await assert_signed_out(other_browser)


@pytest.mark.parametrize("verified", [False, None, "false"])
async def test_unverified_email_does_not_take_over_an_account(client, database, provider, hearth_oidc,
                                                              verified: object) -> None:
    await create_member(database, "ilse@example.be", "Ilse Local")
    claims: dict[str, object] = {"email": "ilse@example.be", "name": "Mallory"}
    if verified is not None:
        claims["email_verified"] = verified
    put_user(provider, "mallory-1", **claims)

    response = await sign_in_with_provider(client, "mallory-1")
    assert_error_page(response, 409, "sign in with your password")
    assert await counts(database) == (1, 0, 0)
    await assert_signed_out(client)
    async with database.sessionmaker() as s:
        account = await accounts.get_by_email(s, "ilse@example.be")
    assert account.display_name == "Ilse Local"
