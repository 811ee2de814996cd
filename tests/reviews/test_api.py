"""The reviews API twins: catalogue, product page with filters, writing, votes, responses, admin."""

from __future__ import annotations

from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import sign_in
from tests.reviews.conftest import write

REVIEW = {"rating": 2, "title": "Fees went up again", "body": "The yearly fee doubled without a word of warning.",
          "ratings": {"fees": 1}, "recommend": False}


async def test_write_read_vote_and_respond(client, make_client, database: Database, reviewer, other, care,
                                           card_product) -> None:
    await sign_in(client, reviewer.email)
    written = await client.put("/api/v1/products/visa-classic/review", json=REVIEW)
    assert written.status_code == 200, written.text
    review = written.json()
    assert (review["rating"], review["state"], review["ratings"]) == (2, "published", {"fees": 1})
    page = (await make_client("127.0.0.8").get("/api/v1/products/visa-classic", params={"stars": 2})).json()
    assert page["product"]["stats"]["review_count"] == 1 and page["product"]["stats"]["distribution"] == [0, 1, 0, 0, 0]
    assert page["product"]["stats"]["recommend_share"] == 0.0
    assert [r["id"] for r in page["reviews"]["items"]] == [review["id"]]

    voter = make_client()
    await sign_in(voter, other.email)
    voted = await voter.put(f"/api/v1/reviews/{review['id']}/vote", json={"helpful": True})
    assert voted.json()["helpful_count"] == 1 and voted.json()["my_vote"] is True
    assert_problem(await voter.put(f"/api/v1/reviews/{review['id']}/vote", json={"helpful": False}), 409, "conflict")
    assert_problem(await client.put(f"/api/v1/reviews/{review['id']}/vote", json={"helpful": True}), 422, "invalid")
    assert_problem(await voter.put(f"/api/v1/reviews/{review['id']}/response", json={"body": "Hi"}), 403,
                   "forbidden")
    staff = make_client("127.0.0.3")
    await sign_in(staff, care.email)
    answered = await staff.put(f"/api/v1/reviews/{review['id']}/response",
                               json={"body": "We are sorry; a colleague will call you today."})
    assert answered.json()["response"]["author"]["handle"] == care.handle

    replaced = await client.put("/api/v1/products/visa-classic/review",
                                json={**REVIEW, "rating": 4, "body": "They refunded the fee after my call."})
    assert replaced.json()["id"] == review["id"] and replaced.json()["rating"] == 4
    history = (await client.get(f"/api/v1/reviews/{review['id']}/history")).json()
    assert [h["rating"] for h in history] == [2]
    assert_problem(await voter.get(f"/api/v1/reviews/{review['id']}/history"), 403, "forbidden")


async def test_bad_input_is_a_clear_problem(client, database: Database, reviewer, card_product) -> None:
    await sign_in(client, reviewer.email)
    for body, status in [({**REVIEW, "rating": 0}, 422), ({**REVIEW, "rating": 6}, 422),
                         ({**REVIEW, "ratings": {"app": 3}}, 422), ({**REVIEW, "title": ""}, 422)]:
        assert_problem(await client.put("/api/v1/products/visa-classic/review", json=body), status, "invalid")
    assert_problem(await client.put("/api/v1/products/no-such-thing/review", json=REVIEW), 404, "not-found")
    assert_problem(await client.get("/api/v1/reviews/12345"), 404, "not-found")
    assert_problem(await client.get("/api/v1/products/visa-classic", params={"stars": 7}), 422, "invalid")


async def test_admin_manages_the_catalogue(client, database: Database, admin, reviewer, card_product) -> None:
    await sign_in(client, admin.email)
    category = await client.post("/api/v1/product-categories", json={
        "slug": "mobile-plans", "name": "Mobile plans", "dimensions": [{"key": "coverage", "label": "Coverage"}]})
    assert category.status_code == 201
    product = await client.post("/api/v1/products", json={"slug": "unlimited-5g", "name": "Unlimited 5G",
                                                           "category_id": category.json()["id"]})
    assert product.status_code == 201 and product.json()["stats"]["review_count"] == 0
    assert_problem(await client.post("/api/v1/products", json={"slug": "unlimited-5g", "name": "Again",
                                                               "category_id": category.json()["id"]}), 409, "conflict")
    await write(database, reviewer, card_product.id, ratings={"fees": 3})
    assert_problem(await client.put(f"/api/v1/product-categories/{card_product.category_id}", json={
        "slug": "cards", "name": "Cards", "dimensions": []}), 409, "conflict")
    imported = (await client.post("/api/v1/products/customers", json={
        "csv": "reviewer@example.com,unlimited-5g\nbad"})).json()
    assert imported == {"linked": 1, "already": 0, "errors": ["line 2: expected e-mail,product"]}
    listed = (await client.get("/api/v1/products")).json()
    assert {p["slug"] for p in listed} == {"visa-classic", "unlimited-5g"}
