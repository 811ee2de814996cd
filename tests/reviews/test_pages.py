"""Review pages: catalogue, product page with distribution, filters and JSON-LD, writing a
review, voting with htmx, staff responses, admin catalogue and customer import."""

from __future__ import annotations

import json
import re

from hearth.db import Database
from tests.conftest import csrf_of, sign_in
from tests.reviews.conftest import write


def _json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


async def test_product_page_shows_figures_filters_and_rich_results_data(client, database: Database, reviewer,
                                                                        other, card_product) -> None:
    await write(database, reviewer, card_product.id, 5, title="Great card", body="Works everywhere </script> abroad.",
                ratings={"fees": 4})
    await write(database, other, card_product.id, 1, title="Hidden fees", body="They charge for everything now.")
    page = await client.get("/products/visa-classic")
    assert page.status_code == 200
    assert "3.0" in page.text and "2 reviews" in page.text and "Great card" in page.text
    data = _json_ld(page.text)
    assert data["@type"] == "Product" and data["name"] == "Visa Classic"
    assert data["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": 3.0, "bestRating": 5,
                                       "worstRating": 1, "ratingCount": 2, "reviewCount": 2}
    assert {r["reviewRating"]["ratingValue"] for r in data["review"]} == {5, 1}
    assert all(r["author"]["@type"] == "Person" and r["datePublished"] for r in data["review"])
    assert "</script> abroad" not in page.text.split("application/ld+json")[1].split("</script>")[0]
    filtered = await client.get("/products/visa-classic?stars=1", headers={"hx-request": "true",
                                                                         "hx-target": "reviews"})
    assert "Hidden fees" in filtered.text and "Great card" not in filtered.text and "<html" not in filtered.text
    catalogue = await client.get("/products")
    assert "Visa Classic" in catalogue.text and "2 reviews" in catalogue.text
    assert (await client.get("/products/unknown")).status_code == 404


async def test_writing_voting_and_responding_in_pages(client, make_client, database: Database, reviewer, other,
                                                       care, card_product) -> None:
    await sign_in(client, reviewer.email)
    assert (await client.get("/products/visa-classic/review")).status_code == 200
    bad = await client.post("/products/visa-classic/review", data={"csrf_token": csrf_of(client), "rating": "9",
                                                                   "title": "x", "body": "short"})
    assert bad.status_code == 422 and "Please check what you entered" in bad.text
    good = await client.post("/products/visa-classic/review", data={
        "csrf_token": csrf_of(client), "rating": "1", "title": "Card blocked for a week",
        "body": "Nobody could tell me why my card was blocked.", "dim_fees": "2", "recommend": "no"})
    assert good.status_code == 303
    page = await client.get(good.headers["location"])
    assert "Card blocked for a week" in page.text and "Edit your review" in page.text
    voter = make_client()
    await sign_in(voter, other.email)
    page = (await voter.get("/products/visa-classic")).text
    review_id = re.search(r'id="review-(\d+)"', page).group(1)
    fragment = await voter.post(f"/reviews/{review_id}/vote", data={"csrf_token": csrf_of(voter), "helpful": "yes"},
                                headers={"hx-request": "true"})
    assert fragment.status_code == 200 and "Yes (1)" in fragment.text and "<html" not in fragment.text
    staff = make_client("127.0.0.4")
    await sign_in(staff, care.email)
    assert "Respond in public" in (await staff.get("/products/visa-classic")).text
    answered = await staff.post(f"/reviews/{review_id}/response", data={
        "csrf_token": csrf_of(staff), "body": "We are sorry. A colleague will call you."})
    assert answered.status_code == 303
    assert "A colleague will call you" in (await client.get("/products/visa-classic")).text
    assert "Card blocked for a week" in (await client.get("/my/reviews")).text


async def test_admin_catalogue_and_import_pages(client, database: Database, admin, reviewer, card_product) -> None:
    await sign_in(client, admin.email)
    assert "Visa Classic" in (await client.get("/admin/products")).text
    token = csrf_of(client)
    made = await client.post("/admin/product-categories", data={
        "csrf_token": token, "slug": "apps", "name": "Apps",
        "dimensions": "ease: Ease of use\nreliability: Reliability", "position": "1"})
    assert made.status_code == 303
    bad = await client.post("/admin/product-categories", data={"csrf_token": token, "slug": "x", "name": "Broken",
                                                               "dimensions": "Not A Key!: Label"})
    assert bad.status_code == 422
    imported = await client.post("/admin/products/customers", data={"csrf_token": token},
                                 files={"file": ("customers.csv", b"email,product\nreviewer@example.com,visa-classic\n"
                                                                  b"nobody@example.com,visa-classic\n", "text/csv")})
    assert imported.status_code == 200 and "Customers linked: 1;" in imported.text and "line 3" in imported.text
