"""What every API route shares: ids bounded, one paging convention, unknown query parameters
refused, and an OpenAPI document that describes the problems and sign-in as they are."""

from __future__ import annotations

import pytest

from forums import service as forums
from forums.schemas import CategoryIn
from hearth.accounts.models import Role
from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import create_member, sign_in
from tests.forums.conftest import ask

HUGE = "99999999999999999999"  # past 2^63: SQLite's driver raised OverflowError
INT4 = "3000000000"  # past PostgreSQL's INTEGER: asyncpg refused it


@pytest.fixture
async def staff(client, database: Database):
    account = await create_member(database, "staff@example.com", "Stef Staff", frozenset(Role))
    await sign_in(client, account.email)
    return account


@pytest.mark.parametrize("big", [HUGE, INT4])
@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/api/v1/threads/{id}"), ("GET", "/api/v1/reviews/{id}"), ("GET", "/api/v1/retention/cases/{id}"),
    ("GET", "/api/v1/care/mentions/{id}"), ("GET", "/api/v1/moderation/items/{id}"), ("PUT", "/api/v1/posts/{id}/vote"),
    ("GET", "/api/v1/care/conversations/{id}"), ("POST", "/api/v1/admin/outbox/events/{id}/retry"),
    ("GET", "/api/v1/retention/cases?product_id={id}"), ("GET", "/api/v1/moderation/audit?actor_id={id}"),
    ("GET", "/api/v1/care/mentions?topic={id}"), ("GET", "/api/hooks/x/{id}?crc_token=x"),
])
async def test_ids_out_of_range_are_refused_not_a_server_error(client, staff, method: str, path: str,
                                                               big: str) -> None:
    response = await client.request(method, path.format(id=big), json={} if method != "GET" else None)
    # BIGINT ids (mentions, conversations, outbox events) hold INT4's number: not found.
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("big", [HUGE, INT4])
async def test_ids_in_bodies_are_bounded(client, staff, big: str) -> None:
    thread = {"category_id": int(big), "title": "A card question here", "body": "Which card works abroad?"}
    body = assert_problem(await client.post("/api/v1/threads", json=thread), 422, "invalid")
    assert body["errors"][0]["loc"] == ["body", "category_id"]
    assert_problem(await client.post("/api/v1/flags", json={"kind": "post", "content_id": int(big), "reason": "spam"}),
                   422, "invalid")
    assert_problem(await client.post("/api/v1/notifications/read", json={"ids": [int(big)]}), 422, "invalid")
    assert_problem(await client.post("/api/v1/moderation/items/1/claim", json={"version": int(big)}), 422, "invalid")


LISTS = ["/api/v1/threads", "/api/v1/search?q=card", "/api/v1/moderation/queue", "/api/v1/moderation/audit",
         "/api/v1/notifications", "/api/v1/care/mentions", "/api/v1/retention/cases", "/api/v1/admin/accounts"]


@pytest.mark.parametrize("path", LISTS)
async def test_every_list_pages_the_same_way(client, staff, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    page = await client.get(f"{path}{joiner}limit=1")
    assert page.status_code == 200, page.text
    assert {"items", "next", "next_cursor"} <= page.json().keys()
    assert_problem(await client.get(f"{path}{joiner}limit=101"), 422, "invalid")
    assert_problem(await client.get(f"{path}{joiner}limit=0"), 422, "invalid")
    broken = assert_problem(await client.get(f"{path}{joiner}cursor=not-a-cursor"), 422, "invalid")
    assert broken["errors"][0]["loc"] == ["body", "cursor"] or broken["errors"][0]["loc"][-1] == "cursor"
    refused = assert_problem(await client.get(f"{path}{joiner}page=2"), 422, "invalid")
    assert refused["errors"] == [{"loc": ["query", "page"], "msg": "This endpoint has no such parameter",
                                  "type": "unknown_parameter"}]


async def test_unknown_query_parameters_are_refused_everywhere(client, staff) -> None:
    for path in ("/api/v1/me", "/api/v1/categories", "/api/v1/products", "/api/v1/retention/dashboard"):
        body = assert_problem(await client.get(f"{path}?limti=5&expand=all"), 422, "invalid")
        assert [e["loc"] for e in body["errors"]] == [["query", "expand"], ["query", "limti"]]
        assert "expand" in body["detail"] and "limti" in body["detail"]
    assert (await client.get("/api/v1/threads?show=solved&limit=5")).status_code == 200


async def _walk(client, path: str) -> list[int]:
    seen: list[int] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(path, params=params)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next"]
        assert page["next_cursor"] == cursor
        if cursor is None:
            return seen
    raise AssertionError("the cursor never ended")


async def test_cursors_walk_a_keyset_list_and_an_offset_list(client, staff, database: Database) -> None:
    async with database.sessionmaker() as s:
        category = await forums.save_category(s, CategoryIn(name="Cards", slug="cards", description="Cards"))
        await s.commit()
    for n in range(5):
        await ask(database, staff, category, title=f"Card question number {n}")
    threads = await _walk(client, "/api/v1/threads")
    assert len(threads) == 5 and threads == sorted(threads, reverse=True)
    for n in range(4):
        await create_member(database, f"m{n}@example.com", f"Member {n}")
    accounts = await _walk(client, "/api/v1/admin/accounts")
    assert len(accounts) == 5 and accounts == sorted(accounts)


async def test_the_openapi_document_tells_the_truth(client) -> None:
    spec = (await client.get("/openapi.json")).json()
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    answer = spec["paths"]["/api/v1/threads/{thread_id}/answers"]["post"]
    for status in ("401", "403", "404", "409", "422", "429", "503"):
        assert answer["responses"][status]["content"] == {"application/problem+json": problem}, status
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert set(spec["components"]["schemas"]["Problem"]["required"]) == {"type", "title", "status", "detail",
                                                                         "instance"}
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearer"]["scheme"] == "bearer" and schemes["session"]["in"] == "cookie"
    assert answer["security"] == [{"bearer": []}, {"session": []}]
    assert spec["paths"]["/api/v1/threads/{thread_id}"]["get"]["security"][-1] == {}  # signed out works too
    assert "security" not in spec["paths"]["/api/v1/categories"]["get"]
    assert spec["components"]["schemas"]["SignUp"]["properties"]["password"]["minLength"] == 10
    limit = next(p for p in spec["paths"]["/api/v1/threads"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"], limit["schema"]["default"]) == (1, 100, 20)
    thread_id = spec["paths"]["/api/v1/threads/{thread_id}"]["get"]["parameters"][0]["schema"]
    assert (thread_id["minimum"], thread_id["maximum"]) == (1, 2**31 - 1)


async def test_a_wrong_method_says_which_are_allowed(client) -> None:
    response = await client.delete("/api/v1/categories")
    assert_problem(response, 405, "method-not-allowed")
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}
