"""A unique field taken by another row is a conflict to show, on an edit as on a new row (the kernel's
`saving.add_unique`): the form says so, nothing of the refused edit is kept, and the request goes on."""

from __future__ import annotations

from forums import service
from forums.models import Category
from hearth.db import Database
from tests.conftest import csrf_of, sign_in


async def test_editing_a_category_onto_a_taken_address_is_a_conflict_on_the_form(
        client, database: Database, admin, category) -> None:
    await sign_in(client, admin.email)
    await client.get("/admin/categories")
    made = await client.post("/admin/categories", data={"csrf_token": csrf_of(client), "name": "Savings",
                                                        "slug": "savings", "position": "2"})
    assert made.status_code == 303
    taken = await client.post("/admin/categories", data={
        "csrf_token": csrf_of(client), "category_id": str(category.id), "name": "Renamed cards", "slug": "savings",
        "description": "Moved", "position": "7"})
    assert taken.status_code == 409 and "Another category already uses this address" in taken.text
    async with database.sessionmaker() as s:
        kept = await s.get(Category, category.id)
        assert (kept.slug, kept.name, kept.position) == (category.slug, category.name, category.position)
    api = await client.put(f"/api/v1/categories/{category.id}", json={"name": "Renamed cards", "slug": "savings"})
    assert api.status_code == 409
    async with database.sessionmaker() as s:
        assert [c.slug for c in await service.list_categories(s)] == [category.slug, "savings"]
