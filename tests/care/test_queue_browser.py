"""Two care agents in two browsers: one claims an item, the other sees it taken without
reloading (server-sent events swapped in by the page's script); the first answers with a
canned response and the item resolves, which the second sees too. Screenshots of the queue
and the item at desktop and phone widths are written to $HEARTH_SCREENSHOTS (or the test's
temporary directory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from care import items
from care.models import CannedResponse, ItemSource, SlaPolicy
from forums import service as forums
from forums.schemas import CategoryIn
from hearth import clock
from hearth.accounts.models import Role
from hearth.db import Database
from hearth.settings import get_settings
from tests.conftest import DATABASE_URL, PASSWORD, create_member
from tests.forums.conftest import ask
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


async def _queue_with_one_question() -> int:
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        await create_member(worker, "one@example.com", "Agent One", frozenset({Role.CARE_AGENT}))
        await create_member(worker, "two@example.com", "Agent Two", frozenset({Role.CARE_AGENT}))
        asker = await create_member(worker, "anna@example.com", "Anna Peeters")
        async with worker.sessionmaker() as s:
            category = await forums.save_category(s, CategoryIn(name="Cards", slug="cards", description="Cards"))
            s.add(SlaPolicy(name="Everything", first_response_minutes=60, created_at=clock.now(),
                            updated_at=clock.now()))
            s.add(CannedResponse(code="card-blocked", title="Card blocked abroad", folder=None, created_at=clock.now(),
                                 updated_at=clock.now(), texts={"en": "Hi {customer_name}, your card works abroad "
                                                                      "again. {agent_name}"}))
            await s.commit()
        thread = await ask(worker, asker, category, title="My card is blocked abroad")
        async with worker.sessionmaker() as s:
            received = await items.receive(s, items.Conversation(
                source=ItemSource.QUESTION, source_id=thread.id, channel="community", title=thread.title,
                language="en", customer_name="Anna Peeters", customer_id=asker.id, messages=(items.Message(
                    ref=f"thread:{thread.id}", at=clock.now(), body="I am in Spain and my card stopped working.",
                    author="Anna Peeters"),)))
            await s.commit()
            return received.item.id
    finally:
        await worker.dispose()


async def _signed_in(browser, base: str, email: str):  # noqa: ANN001, ANN202
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    page.set_default_timeout(10_000)
    await page.goto(f"{base}/signin")
    await page.get_by_label("E-mail address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.locator("main").get_by_role("button", name="Sign in").click()
    await page.wait_for_url(f"{base}/")
    return page


async def _shots(page, name: str, folder: Path) -> None:  # noqa: ANN001
    for width, size in (("desktop", DESKTOP), ("phone", PHONE)):
        await page.set_viewport_size(size)
        shot = folder / f"care-{name}-{width}.png"
        await page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
    await page.set_viewport_size(DESKTOP)


@pytest.mark.browser
async def test_two_agents_one_claims_the_other_sees_it_live_and_the_reply_resolves(
        live_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "care_assignment", "pool")  # nothing routed behind the agents' backs
    folder = Path(os.environ.get("HEARTH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    base = live_server
    item_id = await _queue_with_one_question()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            one = await _signed_in(browser, base, "one@example.com")
            two = await _signed_in(browser, base, "two@example.com")
            await expect(two.locator(".nav-count")).to_contain_text("1")  # the navigation's waiting count
            for page in (one, two):
                await page.goto(f"{base}/care/queue")
                await expect(page.locator(f"#care-item-{item_id}")).to_contain_text("Unassigned")
            await _shots(two, "queue", folder)
            await two.evaluate("window.notReloaded = true")

            # Agent one claims from the list; agent two's row says so without a reload.
            await one.locator(f"#care-item-{item_id}").get_by_role("button", name="Claim").click()
            await expect(one.locator(f"#care-item-{item_id}")).to_contain_text("Yours")
            row = two.locator(f"#care-item-{item_id}")
            await expect(row).to_contain_text("Taken by Agent One", timeout=15_000)
            await expect(row.get_by_role("button", name="Claim")).to_have_count(0)
            assert await two.evaluate("window.notReloaded") is True
            await expect(two.locator("#queue-live")).to_contain_text(f"Item {item_id} changed")

            # Agent two opens it: everything but taking over is theirs, and says whose.
            await two.goto(f"{base}/care/items/{item_id}")
            await expect(two.locator("#item-state")).to_contain_text("Agent One holds this item.")
            await expect(two.get_by_label("Your reply", exact=True)).to_be_disabled()
            await expect(two.get_by_role("button", name="Change status")).to_be_disabled()

            # Agent one answers with the canned response, its variables filled in, and resolves.
            await one.goto(f"{base}/care/items/{item_id}")
            await expect(one.locator("#presence")).to_contain_text("Also open by Agent Two")
            await one.get_by_label("Canned response").select_option("card-blocked")
            reply = one.get_by_label("Your reply", exact=True)
            await expect(reply).to_have_value("Hi Anna Peeters, your card works abroad again. Agent One")
            await _shots(one, "item", folder)
            await one.get_by_role("button", name="Send and resolve").click()
            await one.wait_for_url(f"{base}/care/items/{item_id}?done=reply")
            await expect(one.locator("#item-state .badge.status-resolved")).to_have_text("Resolved")
            await expect(one.locator("#item-timeline")).to_contain_text("Hi Anna Peeters, your card works abroad")
            await expect(one.locator("#item-timeline")).to_contain_text("changed the status from Open to Resolved")

            # Agent two's open item page follows along, live.
            await expect(two.locator("#item-state .badge.status-resolved")).to_have_text("Resolved", timeout=15_000)
            await expect(two.locator("#item-timeline")).to_contain_text("Reply by Agent One")
        finally:
            await browser.close()
