"""In a real browser: a mention whose link is a script is shown on /care without that link,
whether it arrived now (dropped when stored) or was stored before the check."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from care.models import Mention
from hearth.accounts.models import Role
from hearth.db import Database
from tests.care.conftest import make_channel, make_topic
from tests.care.test_ingest import mention, receive
from tests.conftest import DATABASE_URL, PASSWORD, create_member
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, playwright_api

expect = playwright_api.expect
SCRIPT = "javascript:alert('url')"


async def _mentions_with_script_links() -> str:
    worker = Database(DATABASE_URL)  # the server thread's loop owns the app's pooled connections
    try:
        agent = await create_member(worker, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))
        channel = await make_channel(worker, kind="import", name="Old tweets")
        await make_topic(worker, "Hearth", "hearth")
        await receive(worker, channel, mention("1", "Hearth kaart geblokkeerd", url=SCRIPT),
                      mention("2", "Hearth app werkt weer", minutes=1, url="https://x.com/jan/status/2"),
                      mention("3", "Hearth storing voorbij", minutes=2, url="https://x.com/jan/status/3"))
        async with worker.sessionmaker() as s:  # one stored before the check existed
            await s.execute(update(Mention).where(Mention.external_id == "3").values(url=SCRIPT))
            await s.commit()
        return agent.email
    finally:
        await worker.dispose()


@pytest.mark.browser
async def test_a_script_link_on_a_mention_is_no_link_on_care(live_server: str) -> None:
    base = live_server
    email = await _mentions_with_script_links()
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await (await browser.new_context()).new_page()
            page.set_default_timeout(8000)
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: dialogs.append(dialog.message))
            await page.goto(f"{base}/signin")
            await page.get_by_label("E-mail address").fill(email)
            await page.get_by_label("Password").fill(PASSWORD)
            await page.locator("main").get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{base}/")
            await page.goto(f"{base}/care")
            cards = page.locator("article.mention")
            await expect(cards).to_have_count(3)
            for text in ("Hearth kaart geblokkeerd", "Hearth storing voorbij"):
                card = cards.filter(has_text=text)
                await expect(card).to_be_visible()
                await expect(card.get_by_role("link", name="On Old tweets")).to_have_count(0)
            await expect(cards.filter(has_text="Hearth app werkt weer").get_by_role("link", name="On Old tweets")
                         ).to_have_attribute("href", "https://x.com/jan/status/2")
            hrefs = await page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            assert hrefs and not [href for href in hrefs if not href.startswith(("http://", "https://"))]
            assert await page.locator("[href*='javascript:' i], [src*='javascript:' i]").count() == 0
            assert dialogs == []
        finally:
            await browser.close()
