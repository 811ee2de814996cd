"""The accounts API: flows, problem+json errors, CSRF rules, tokens, roles, rate limits."""

from __future__ import annotations

from sqlalchemy import func, select

from hearth.accounts.models import Account, AuthSession
from hearth.db import Database
from hearth.security import SESSION_COOKIE
from tests.conftest import PASSWORD, csrf_of, sign_in

SIGNUP = {"email": "new@example.com", "display_name": "New Member", "password": PASSWORD}


async def _accounts(database: Database) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(Account))


def assert_problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["type"] == f"/problems/{slug}"
    assert body["title"] and body["detail"] and body["instance"]
    return body


async def test_sign_up_sign_out_sign_in(client, database: Database) -> None:
    response = await client.post("/api/v1/auth/signup", json=SIGNUP)
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "new@example.com" and body["roles"] == ["member"] and "password_hash" not in body
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert (await client.get("/api/v1/me")).json()["handle"] == "new_member"

    assert (await client.post("/api/v1/auth/signout", json={})).status_code == 204
    assert_problem(await client.get("/api/v1/me"), 401, "unauthorized")
    await sign_in(client, "new@example.com")
    assert (await client.get("/api/v1/me")).status_code == 200


async def test_bad_sign_ups_change_nothing(client, database: Database, member) -> None:
    body = assert_problem(await client.post("/api/v1/auth/signup", json={**SIGNUP, "email": member.email}),
                          409, "conflict")
    assert "already exists" in body["detail"]
    body = assert_problem(await client.post("/api/v1/auth/signup", json={**SIGNUP, "password": "short"}),
                          422, "invalid")
    assert body["errors"][0]["loc"] == ["body", "password"]
    body = assert_problem(await client.post("/api/v1/auth/signup", json={**SIGNUP, "email": "not-an-email"}),
                          422, "invalid")
    assert body["errors"][0]["loc"] == ["body", "email"]
    assert_problem(await client.post("/api/v1/auth/signup", content=b"{broken", headers={
        "content-type": "application/json"}), 422, "invalid")
    assert await _accounts(database) == 1


async def test_wrong_password_and_unknown_email_look_alike(client, member) -> None:
    wrong = assert_problem(await client.post("/api/v1/auth/signin", json={"email": member.email,
                                                                          "password": "not it at all"}),
                           401, "unauthorized")
    unknown = assert_problem(await client.post("/api/v1/auth/signin", json={"email": "ghost@example.com",
                                                                            "password": PASSWORD}),
                             401, "unauthorized")
    assert wrong["detail"] == unknown["detail"]
    assert SESSION_COOKIE not in client.cookies


async def test_disabled_account_is_refused(client, database: Database) -> None:
    from tests.conftest import create_member

    await create_member(database, "off@example.com", "Off Line", active=False)
    assert_problem(await client.post("/api/v1/auth/signin", json={"email": "off@example.com", "password": PASSWORD}),
                   403, "forbidden")


async def test_tampered_and_expired_session_cookies(client, member, frozen_clock) -> None:
    await sign_in(client, member.email)
    token = client.cookies[SESSION_COOKIE]
    client.cookies.set(SESSION_COOKIE, token[:-2] + "xx")
    assert_problem(await client.get("/api/v1/me"), 401, "unauthorized")
    client.cookies.set(SESSION_COOKIE, token)
    assert (await client.get("/api/v1/me")).status_code == 200
    frozen_clock.advance(days=15)
    body = assert_problem(await client.get("/api/v1/me"), 401, "unauthorized")
    assert "expired" in body["detail"]


async def test_cookie_writes_need_json_or_csrf_header(client, database: Database, member) -> None:
    await sign_in(client, member.email)
    # A cross-site form post (urlencoded, cookies attached, no token) is refused.
    body = assert_problem(await client.patch("/api/v1/me", data={"display_name": "Hacked"}), 403, "csrf")
    assert "JSON" in body["detail"]
    assert_problem(await client.patch("/api/v1/me", json={"display_name": "Hacked"},
                                      headers={"x-csrf-token": "forged"}), 403, "csrf")
    ok = await client.patch("/api/v1/me", json={"display_name": "Mia M."},
                            headers={"x-csrf-token": csrf_of(client)})
    assert ok.status_code == 200 and ok.json()["display_name"] == "Mia M."
    async with database.sessionmaker() as s:
        assert (await s.get(Account, member.id)).display_name == "Mia M."


async def test_personal_api_tokens(client, make_client, member) -> None:
    await sign_in(client, member.email)
    created = await client.post("/api/v1/me/tokens", json={"name": "CRM sync"})
    assert created.status_code == 201
    token = created.json()["token"]
    listed = (await client.get("/api/v1/me/tokens")).json()
    assert [t["name"] for t in listed] == ["CRM sync"] and "token" not in listed[0]

    integration = make_client("10.0.0.9")
    headers = {"authorization": f"Bearer {token}"}
    assert (await integration.get("/api/v1/me", headers=headers)).json()["email"] == member.email
    # Bearer calls are not CSRF-prone: no token header needed for a form-encoded write.
    assert (await integration.patch("/api/v1/me", json={"language": "fr"}, headers=headers)).status_code == 200

    revoked = await client.delete(f"/api/v1/me/tokens/{created.json()['id']}",
                                  headers={"x-csrf-token": csrf_of(client)})
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    body = assert_problem(await integration.patch("/api/v1/me", json={"language": "nl"}, headers=headers),
                          401, "unauthorized")
    assert "revoked" in body["detail"]
    assert (await client.get("/api/v1/me")).json()["language"] == "fr", "a revoked token changed something"
    assert_problem(await client.delete("/api/v1/me/tokens/999", headers={"x-csrf-token": csrf_of(client)}),
                   404, "not-found")


async def test_password_change(client, make_client, member) -> None:
    other = make_client()
    await sign_in(other, member.email)
    await sign_in(client, member.email)
    assert_problem(await client.post("/api/v1/me/password", json={"current_password": "wrong one!!",
                                                                  "new_password": "another fine secret"}),
                   422, "invalid")
    assert (await client.post("/api/v1/me/password", json={"current_password": PASSWORD,
                                                           "new_password": "another fine secret"})).status_code == 204
    assert (await client.get("/api/v1/me")).status_code == 200
    assert_problem(await other.get("/api/v1/me"), 401, "unauthorized")


async def test_admin_routes_need_the_admin_role(client, make_client, database: Database, member, admin) -> None:
    assert_problem(await client.get("/api/v1/admin/accounts"), 401, "unauthorized")
    await sign_in(client, member.email)
    assert_problem(await client.get("/api/v1/admin/accounts"), 403, "forbidden")
    assert_problem(await client.put(f"/api/v1/admin/accounts/{member.id}/roles", json={"roles": ["admin"]}),
                   403, "forbidden")

    boss = make_client()
    await sign_in(boss, admin.email)
    listing = (await boss.get("/api/v1/admin/accounts")).json()
    assert listing["total"] == 2
    updated = await boss.put(f"/api/v1/admin/accounts/{member.id}/roles", json={"roles": ["care_agent"]})
    assert sorted(updated.json()["roles"]) == ["care_agent", "member"]
    assert_problem(await boss.put(f"/api/v1/admin/accounts/{member.id}/roles", json={"roles": ["wizard"]}),
                   422, "invalid")
    assert (await boss.put(f"/api/v1/admin/accounts/{member.id}/active", json={"active": False})).status_code == 200
    assert_problem(await client.get("/api/v1/me"), 401, "unauthorized")
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(AuthSession).where(
            AuthSession.account_id == member.id)) == 0


async def test_sign_in_is_rate_limited(client, member) -> None:
    for _ in range(10):
        await client.post("/api/v1/auth/signin", json={"email": member.email, "password": "guess guess guess"})
    body = assert_problem(await client.post("/api/v1/auth/signin", json={"email": member.email, "password": PASSWORD}),
                          429, "rate-limited")
    assert "Try again" in body["detail"]


async def test_sign_in_limit_also_counts_per_email_across_addresses(make_client, member) -> None:
    for i in range(10):
        attacker = make_client(f"10.1.0.{i}")
        await attacker.post("/api/v1/auth/signin", json={"email": member.email, "password": "guess guess guess"})
    response = await make_client("10.2.0.1").post("/api/v1/auth/signin",
                                                  json={"email": member.email, "password": PASSWORD})
    assert response.status_code == 429 and int(response.headers["retry-after"]) > 0


async def test_sign_up_is_rate_limited(client, database: Database) -> None:
    for i in range(5):
        r = await client.post("/api/v1/auth/signup", json={**SIGNUP, "email": f"n{i}@example.com"})
        assert r.status_code == 201
    assert_problem(await client.post("/api/v1/auth/signup", json={**SIGNUP, "email": "n9@example.com"}),
                   429, "rate-limited")
    assert await _accounts(database) == 5


async def test_public_profile_hides_private_fields(client, member) -> None:
    body = (await client.get(f"/api/v1/members/{member.handle}")).json()
    assert body["display_name"] == member.display_name and "email" not in body and "roles" not in body
    assert_problem(await client.get("/api/v1/members/nobody"), 404, "not-found")


async def test_unknown_api_route_is_a_problem(client) -> None:
    assert_problem(await client.get("/api/v1/nothing-here"), 404, "not-found")
