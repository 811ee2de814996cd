"""In a real browser: a member proposes an idea, sees a similar one suggested while typing and
votes for their own; a product manager merges it into the older one; the voter hears of it and
finds their vote moved."""

from __future__ import annotations

import re

import pytest

from hearth.accounts.models import Role
from hearth.db import Database
from tests.conftest import DATABASE_URL, create_member
from tests.forums.test_browser import _drain, _sign_in
from tests.ideas.conftest import propose
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect


async def _browsing(browser, base: str, email: str):  # noqa: ANN001, ANN202
    """A browser window of its own (its own cookies), signed in as this member."""
    page = await (await browser.new_context()).new_page()
    page.set_default_timeout(8000)
    await _sign_in(page, base, email)
    return page


@pytest.mark.browser
async def test_propose_vote_merge_and_hear_of_it(live_server: str, tmp_path) -> None:
    base = live_server
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        voter = await create_member(worker, "anna@example.com", "Anna Peeters")
        manager = await create_member(worker, "pm@example.com", "Pia Product", frozenset({Role.PRODUCT_MANAGER}))
        older = await propose(worker, await create_member(worker, "olga@example.com", "Olga Older"),
                              "Dark mode in the mobile app")
    finally:
        await worker.dispose()
    await _drain()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await _browsing(browser, base, voter.email)
            await page.get_by_role("navigation", name="Main").get_by_role("link", name="Ideas").click()
            await page.get_by_role("link", name="Propose an idea").click()
            await page.get_by_label("Title").press_sequentially("Dark mode", delay=20)
            hint = page.locator("#similar")
            await expect(hint.get_by_role("link", name="Dark mode in the mobile app")).to_be_visible()
            await expect(hint.get_by_role("button", name="Vote for this idea")).to_be_visible()
            await page.get_by_label("Title").fill("Dark mode for the app at night")
            await page.get_by_label("Description").fill("White screens at night hurt my eyes.")
            await page.get_by_role("button", name="Propose this idea").click()
            await expect(page.get_by_role("heading", level=1)).to_have_text("Dark mode for the app at night")
            idea_url = page.url
            assert re.fullmatch(re.escape(base) + r"/ideas/\d+", idea_url)

            vote = page.locator(".idea-head").get_by_role("button", name="Vote for this idea")
            await vote.click()
            voted = page.locator(".idea-head").get_by_role("button", name="Remove your vote")
            await expect(voted).to_have_attribute("aria-pressed", "true")
            await expect(page.locator(".idea-head .idea-vote-count")).to_have_text("1 vote")
            await page.reload()  # the vote is kept, not only shown
            await expect(voted).to_have_attribute("aria-pressed", "true")
            await page.screenshot(path=str(tmp_path / "idea.png"), full_page=True)

            pm = await _browsing(browser, base, manager.email)
            await pm.goto(idea_url)
            await pm.get_by_label("Find the idea it repeats").press_sequentially("dark mode", delay=20)
            into = pm.get_by_role("button", name=f"Merge into #{older.id}")
            await expect(into).to_be_visible()
            await pm.get_by_label("Public response (optional)").fill("The same as the older idea: vote there.")
            await into.click()
            banner = pm.locator(".merged-banner")
            await expect(banner).to_contain_text("This idea was merged into another one")
            await expect(banner.get_by_role("link", name="Dark mode in the mobile app")).to_be_visible()
            await pm.screenshot(path=str(tmp_path / "merged.png"), full_page=True)

            await _drain()  # the notifications
            await page.goto(f"{base}/ideas")
            await expect(page.locator("header .unread-count")).to_have_text("1")
            await page.locator("header .bell").click()
            note = page.get_by_role("button", name=re.compile("was merged into another idea"))
            await expect(note).to_contain_text("Dark mode for the app at night")
            await note.click()
            await page.wait_for_url(f"{base}/ideas/{older.id}")
            moved = page.locator(".idea-head").get_by_role("button", name="Remove your vote")
            await expect(moved).to_have_attribute("aria-pressed", "true")
            await expect(page.locator(".idea-head .idea-vote-count")).to_have_text("1 vote")
            shot = tmp_path / "moved.png"
            await page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            await browser.close()
