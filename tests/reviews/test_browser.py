"""In a real browser: a customer writes a 1-star review and sees it published; a retention
agent finds the case it opened, logs the call and closes the case as retained."""

from __future__ import annotations

import pytest

from hearth import events
from hearth.accounts.models import Role
from hearth.db import Database
from retention import service as retention
from retention.schemas import RootCauseIn
from reviews import service
from reviews.schemas import CategoryIn, DimensionIn, ProductIn
from tests.conftest import DATABASE_URL, create_member
from tests.forums.test_browser import _sign_in
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect


async def _drain() -> None:
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        while await events.drain_once(worker):
            pass
    finally:
        await worker.dispose()


@pytest.mark.browser
async def test_one_star_review_to_closed_retention_case(live_server: str, tmp_path) -> None:
    base = live_server
    worker = Database(DATABASE_URL)
    try:
        customer = await create_member(worker, "unhappy@example.com", "Una Unhappy")
        agent = await create_member(worker, "agent@example.com", "Rita Retention", frozenset({Role.RETENTION_AGENT}))
        async with worker.sessionmaker() as s:
            category = await service.save_category(s, CategoryIn(slug="accounts", name="Accounts", dimensions=[
                DimensionIn(key="fees", label="Fees")]))
            await service.save_product(s, ProductIn(slug="current-account", name="Current account",
                                                    category_id=category.id))
            await retention.save_root_cause(s, RootCauseIn(name="Fees and pricing"))
            await s.commit()
    finally:
        await worker.dispose()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await (await browser.new_context()).new_page()
            page.set_default_timeout(8000)
            await _sign_in(page, base, customer.email)
            await page.goto(f"{base}/products/current-account")
            await page.get_by_role("link", name="Write a review").click()
            await page.get_by_role("radio", name="1 star", exact=True).check()
            await page.get_by_label("Title").fill("Fees doubled without warning")
            await page.get_by_label("Your review").fill("My account fee doubled this year and nobody told me.")
            await page.get_by_label("Fees").select_option("1")
            await page.get_by_label("No", exact=True).check()
            await page.get_by_role("button", name="Publish your review").click()
            review = page.locator("article.review", has_text="Fees doubled without warning")
            await expect(review).to_be_visible()
            await expect(review.locator(".state-note")).to_have_count(0)  # published, not held
            await expect(page.locator(".big-score")).to_have_text("1.0")

            await _drain()  # the outbox worker opens the retention case
            desk = await (await browser.new_context()).new_page()
            desk.set_default_timeout(8000)
            await _sign_in(desk, base, agent.email)
            await desk.goto(f"{base}/retention/cases")
            await desk.get_by_role("link", name="Fees doubled without warning").first.click()
            await expect(desk.get_by_role("heading", level=1)).to_contain_text("Una Unhappy")
            await desk.get_by_label("Channel").select_option("phone")
            await desk.get_by_label("Result").select_option("reached")
            await desk.get_by_label("What was said (optional)").fill("Refunded the fee increase; she stays.")
            await desk.get_by_role("button", name="Log the attempt").click()
            await desk.get_by_label("Retained").check()
            await desk.get_by_label("Root cause").select_option(label="Fees and pricing")
            await desk.get_by_role("button", name="Close the case").click()
            await expect(desk.get_by_text("Closed: Retained").first).to_be_visible()
            shot = tmp_path / "retention-case.png"
            await desk.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            await browser.close()
