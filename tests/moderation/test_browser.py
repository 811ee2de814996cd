"""In a real browser: a member's insult is held and the author sees why; another member flags
a post; a moderator works the queue (claims, rejects with a guideline); the author appeals."""

from __future__ import annotations

import pytest

from forums import service
from forums.schemas import CategoryIn
from hearth.accounts.models import Account, Role
from hearth.db import Database
from moderation import service as moderation
from moderation.schemas import GuidelineIn
from tests.conftest import DATABASE_URL, create_member
from tests.forums.conftest import ask
from tests.forums.test_browser import _sign_in
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect


@pytest.mark.browser
async def test_held_insult_flag_queue_and_appeal(live_server: str, tmp_path) -> None:
    base = live_server
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        author = await create_member(worker, "angry@example.com", "Angry Andy")
        helper = await create_member(worker, "helper@example.com", "Hanna Helper")
        mod = await create_member(worker, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))
        admin = await create_member(worker, "admin@example.com", "Ada Admin", frozenset({Role.ADMIN}))
        async with worker.sessionmaker() as s:
            category = await service.save_category(s, CategoryIn(name="Cards and payments", slug="cards-payments"))
            await moderation.save_guideline(s, await s.get(Account, admin.id), GuidelineIn(
                title="Insults and harassment", description="Attack ideas, not people."))
            await s.commit()
        flagged = await ask(worker, author, category, title="Which card works best abroad?",
                            body="Buy cheap followers at my shop, best prices in Belgium.")
    finally:
        await worker.dispose()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await (await browser.new_context()).new_page()
            page.set_default_timeout(8000)
            await _sign_in(page, base, author.email)
            await page.goto(f"{base}/ask")
            await page.get_by_label("Title").fill("My card was blocked for the third time")
            await page.get_by_label("Details").fill("You are a bunch of idiots, all of you at this bank.")
            await page.get_by_role("button", name="Post your question").click()
            await expect(page.get_by_text("Waiting for a moderator")).to_be_visible()
            await expect(page.get_by_text("It reads as an insult to someone")).to_be_visible()

            other = await (await browser.new_context()).new_page()
            other.set_default_timeout(8000)
            await _sign_in(other, base, helper.email)
            await other.goto(f"{base}/t/{flagged.id}/{flagged.slug}")
            await other.get_by_text("Flag", exact=True).click()
            await other.get_by_label("Spam or advertising").check()
            await other.get_by_role("button", name="Send to the moderators").click()
            await expect(other.get_by_text("Thank you. A moderator will look at it.")).to_be_visible()

            moderator = await (await browser.new_context(viewport={"width": 390, "height": 844})).new_page()
            moderator.set_default_timeout(8000)
            await _sign_in(moderator, base, mod.email)
            await moderator.goto(f"{base}/mod")
            await expect(moderator.get_by_role("link", name="Which card works best abroad?")).to_be_visible()
            await moderator.get_by_role("link", name="My card was blocked for the third time").click()
            await moderator.get_by_role("button", name="Claim", exact=True).click()
            await expect(moderator.get_by_text("Claimed by Mo Moderator")).to_be_visible()
            await moderator.get_by_label("Reject (never shown)").check()
            await moderator.locator("#refuse-guideline").select_option(label="Insults and harassment")
            await moderator.get_by_label("Note for the author (optional)").fill("Criticism is welcome, insults not.")
            await moderator.get_by_role("button", name="Refuse").click()
            await expect(moderator.locator(".page-head .badge", has_text="Rejected")).to_be_visible()
            shot = tmp_path / "moderation-item.png"
            await moderator.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000

            await page.goto(f"{base}/moderation/mine")
            await expect(page.get_by_text("Insults and harassment")).to_be_visible()
            await page.get_by_label("Why should a moderator look again?").fill("I was angry; I will say it politely.")
            await page.get_by_role("button", name="Appeal").click()
            await expect(page.get_by_text("You appealed; a moderator will look at it again.")).to_be_visible()
        finally:
            await browser.close()
