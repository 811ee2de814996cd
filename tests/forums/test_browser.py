"""In a real browser: ask a question and see similar ones suggested as you type, answer it
as another member, and accept the answer as the asker."""

from __future__ import annotations

import pytest

from forums import service
from forums.schemas import CategoryIn
from hearth import events
from hearth.db import Database
from tests.conftest import DATABASE_URL, PASSWORD, create_member
from tests.forums.conftest import ask
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect


async def _drain() -> None:
    # Its own engine: the server thread's loop owns the app's pooled connections.
    worker = Database(DATABASE_URL)
    try:
        while await events.drain_once(worker):
            pass
    finally:
        await worker.dispose()


async def _sign_in(page, base: str, email: str) -> None:
    await page.goto(f"{base}/signin")
    await page.get_by_label("E-mail address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.locator("main").get_by_role("button", name="Sign in").click()
    await page.wait_for_url(f"{base}/")


@pytest.mark.browser
async def test_question_to_accepted_answer(live_server: str, tmp_path) -> None:
    base = live_server
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        asker = await create_member(worker, "asker@example.com", "Anna Asker")
        helper = await create_member(worker, "helper@example.com", "Hanna Helper")
        async with worker.sessionmaker() as s:
            category = await service.save_category(s, CategoryIn(name="Cards and payments", slug="cards-payments"))
            await s.commit()
        await ask(worker, helper, category, title="Card blocked abroad in Spain")
    finally:
        await worker.dispose()
    await _drain()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await (await browser.new_context()).new_page()
            page.set_default_timeout(8000)
            await _sign_in(page, base, asker.email)
            await page.goto(f"{base}/ask")
            await page.get_by_label("Title").press_sequentially("My card is blocked", delay=20)
            suggestions = page.locator("#similar")
            await expect(suggestions.get_by_role("link", name="Card blocked abroad in Spain")).to_be_visible()
            await page.get_by_label("Title").fill("My card is blocked at every shop in Portugal")
            await page.get_by_label("Details").fill("Since yesterday my debit card is refused everywhere.")
            await page.get_by_role("button", name="Post your question").click()
            await expect(page.get_by_role("heading", level=1)).to_have_text(
                "My card is blocked at every shop in Portugal")
            thread_url = page.url

            other = await (await browser.new_context()).new_page()
            other.set_default_timeout(8000)
            await _sign_in(other, base, helper.email)
            await other.goto(thread_url)
            await other.get_by_role("textbox", name="Answer").fill("Turn off **geo-blocking** under Cards in the app.")
            await other.get_by_role("button", name="Post your answer").click()
            await expect(other.locator("article.post").nth(1)).to_contain_text("geo-blocking")

            await page.goto(thread_url)
            await page.get_by_role("button", name="This helped me").click()
            await expect(page.locator(".vote .score").nth(1)).to_have_text("1")
            await page.get_by_role("button", name="Accept this answer").click()
            await expect(page.get_by_text("Accepted answer")).to_be_visible()
            await expect(page.locator(".badge", has_text="Solved").first).to_be_visible()
            shot = tmp_path / "thread.png"
            await page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            await browser.close()
