"""A real browser against a real server: sign up, sign out, sign in, as a person would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

playwright_api = pytest.importorskip("playwright.async_api")
expect = playwright_api.expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.mark.browser
async def test_sign_up_sign_out_and_sign_in_again(live_server: str, tmp_path: Path) -> None:
    base = live_server
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await browser.new_page()
            page.set_default_timeout(5000)
            header = page.locator("header.site-header")

            # Sign up: the new member lands on their profile, signed in.
            await page.goto(f"{base}/signup")
            await page.get_by_label("Display name").fill("Anna Peeters")
            await page.get_by_label("E-mail address").fill("anna@example.be")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Create account").click()
            await page.wait_for_url(re.compile(re.escape(base) + r"/members/anna_peeters$"))
            await expect(page.get_by_role("heading", level=1)).to_have_text("Anna Peeters")
            await expect(header.locator(".name")).to_have_text("Anna Peeters")

            shot = tmp_path / "profile.png"
            await page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 0

            # Sign out from the header.
            await header.get_by_role("button", name="Sign out").click()
            await page.wait_for_url(f"{base}/")
            await expect(header.get_by_role("link", name="Sign in")).to_be_visible()
            await expect(header.locator(".name")).to_have_count(0)

            # A wrong password: an error on the form, still signed out.
            await page.goto(f"{base}/signin")
            await page.get_by_label("E-mail address").fill("anna@example.be")
            await page.get_by_label("Password").fill("not the password at all")
            await page.get_by_role("button", name="Sign in", exact=True).click()
            await expect(page.get_by_role("alert")).to_contain_text("Wrong e-mail address or password")
            await expect(header.locator(".name")).to_have_count(0)

            # The right password: signed in again, the name is back in the header.
            await expect(page.get_by_label("E-mail address")).to_have_value("anna@example.be")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in", exact=True).click()
            await page.wait_for_url(f"{base}/")
            await expect(header.locator(".name")).to_have_text("Anna Peeters")
        finally:
            await browser.close()
