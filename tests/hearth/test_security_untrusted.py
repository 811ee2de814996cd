"""What comes from outside: links only http(s), names and titles without characters nobody
sees, handles with them refused — in the kernel, and in every schema that takes one."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from care.schemas import AuthorIn, ChannelIn, MentionIn, TopicIn
from forums.schemas import CategoryIn as ForumCategoryIn
from forums.schemas import PostEdit, ThreadIn
from hearth.accounts.schemas import ProfileUpdate, SignUp, TokenCreate
from hearth.untrusted import clean_line, has_hidden, safe_url
from moderation.schemas import GuidelineIn
from retention.schemas import RootCauseIn
from reviews.schemas import CategoryIn as ReviewCategoryIn
from reviews.schemas import DimensionIn, ProductIn, ReviewIn

RLO = "\u202e"
HIDDEN = ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
          "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"]


@pytest.mark.parametrize("url", [
    "https://x.com/HearthBank/status/1", "http://example.com", "HTTPS://Example.com/a?b=c#d",
    "  https://example.com/padded  ", "https://user@example.com:8443/path",
])
def test_web_addresses_are_kept(url: str) -> None:
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize("url", [
    "javascript:alert('url')", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "file:///etc/passwd", "ftp://example.com/file", "//example.com/no-scheme", "/relative/path", "example.com",
    "https://", "https:///path-only", "https:\\\\example.com", "http://[::1", f"https://exa{RLO}mple.com",
    "https://exa\u200bmple.com", "https://example.com/a b", "", "   ", None, 42,
])
def test_anything_else_is_no_link(url: object) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize("character", HIDDEN)
def test_hidden_characters_are_found_and_cleaned(character: str) -> None:
    assert has_hidden(f"Hearth{character}Bank")
    # A control that breaks a line (NEL) separates words; the others just go.
    assert clean_line(f"Hearth{character}Bank") == ("Hearth Bank" if character.isspace() else "HearthBank")


def test_a_line_keeps_what_people_see() -> None:
    assert clean_line("  Café\tcard\n blocked \u2028again ") == "Café card blocked again"
    assert clean_line(f"invoice{RLO}fdp.exe") == "invoicefdp.exe"
    assert clean_line("Één kaart, 😀 ثلاثة") == "Één kaart, 😀 ثلاثة"
    assert not has_hidden("Één kaart\u00e9 😀 ثلاثة")


def _value(model: type[BaseModel], data: dict, field: str) -> str:
    return getattr(model.model_validate(data), field)


@pytest.mark.parametrize(("model", "data", "field"), [
    (ThreadIn, {"category_id": 1, "title": "Card blocked {x} abroad", "body": "It is blocked in Spain."}, "title"),
    (PostEdit, {"body": "An edited answer", "title": "Card blocked {x} abroad"}, "title"),
    (ForumCategoryIn, {"name": "Cards {x} payments", "slug": "cards"}, "name"),
    (ReviewIn, {"rating": 4, "title": "Good {x} app", "body": "It works well enough."}, "title"),
    (ReviewCategoryIn, {"slug": "banking", "name": "Bank {x} accounts"}, "name"),
    (DimensionIn, {"key": "fees", "label": "Low {x} fees"}, "label"),
    (ProductIn, {"slug": "current", "name": "Current {x} account", "category_id": 1}, "name"),
    (SignUp, {"email": "a@example.com", "display_name": "Anna {x} Admin", "password": "x" * 12}, "display_name"),
    (ProfileUpdate, {"display_name": "Anna {x} Admin"}, "display_name"),
    (TokenCreate, {"name": "My {x} laptop"}, "name"),
    (GuidelineIn, {"title": "Be {x} kind"}, "title"),
    (RootCauseIn, {"name": "High {x} fees"}, "name"),
    (TopicIn, {"name": "Cards {x} topic"}, "name"),
    (ChannelIn, {"kind": "import", "name": "Old {x} tweets"}, "name"),
    (AuthorIn, {"handle": "jan", "name": "Jan {x} Peeters"}, "name"),
])
def test_titles_and_names_are_cleaned_in_every_schema(model: type[BaseModel], data: dict, field: str) -> None:
    for character in (RLO, "\u200b", "\u2066", "\x00"):
        filled = {k: v.replace("{x}", character) if isinstance(v, str) else v for k, v in data.items()}
        assert _value(model, filled, field) == data[field].replace("{x}", "").replace("  ", " ")


def test_a_title_of_invisible_characters_is_too_short() -> None:
    with pytest.raises(ValidationError) as error:
        ThreadIn(category_id=1, title="\u200b" * 20 + "short", body="It is blocked in Spain.")
    assert error.value.errors()[0]["type"] == "string_too_short"
    with pytest.raises(ValidationError) as error:
        PostEdit(body="An edited answer", title=RLO * 12)
    assert error.value.errors()[0]["type"] == "string_too_short"


@pytest.mark.parametrize(("model", "data"), [
    (TopicIn, {"name": "Cards", "profiles": [f"hearth{RLO}bank"]}),
    (TopicIn, {"name": "Cards", "profiles": ["hearth\u200bbank"]}),
    (ChannelIn, {"kind": "x", "name": "X care", "account": "Hearth\u200dBank"}),
    (ChannelIn, {"kind": "feed", "name": "News", "account": f"https://news.example/{RLO}feed"}),
])
def test_handles_with_hidden_characters_are_refused(model: type[BaseModel], data: dict) -> None:
    with pytest.raises(ValidationError) as error:
        model.model_validate(data)
    assert error.value.errors()[0]["type"] == "hidden_characters"
    assert "invisible" in error.value.errors()[0]["msg"]


def test_an_outside_authors_handle_is_cleaned_so_the_message_is_kept() -> None:
    assert AuthorIn(handle=f"@Hearth{RLO}Bank\u200b").handle == "HearthBank"


@pytest.mark.parametrize(("url", "kept"), [
    ("javascript:alert('url')", None), ("data:text/html,hi", None), ("https://x.com/a/status/1", "https://x.com/a/status/1"),
])
def test_a_mention_keeps_only_a_web_link(url: str, kept: str | None) -> None:
    mention = MentionIn.model_validate({"external_id": "1", "text": "hi", "author": {"handle": "a"},
                                        "created_at": "2026-01-01T10:00:00+00:00", "url": url})
    assert mention.url == kept


# Through the API and the pages, on the test database


async def test_names_and_titles_arrive_cleaned_through_the_api(client, database, category) -> None:
    signed_up = await client.post("/api/v1/auth/signup", json={
        "email": "spoof@example.com", "display_name": f"Anna{RLO} Peeters\u200b", "password": "correct horse battery"})
    assert signed_up.status_code == 201, signed_up.text
    assert signed_up.json()["display_name"] == "Anna Peeters"
    asked = await client.post("/api/v1/threads", json={
        "category_id": category.id, "title": f"My card\u2066 is blocked{RLO} in Spain",
        "body": "Since yesterday my card is refused."})
    assert asked.status_code == 201, asked.text
    assert asked.json()["title"] == "My card is blocked in Spain"
    empty = await client.post("/api/v1/threads", json={
        "category_id": category.id, "title": "\u200b" * 12, "body": "Since yesterday my card is refused."})
    assert empty.status_code == 422 and empty.json()["errors"][0]["loc"] == ["body", "title"]


async def test_the_sign_up_page_cleans_the_display_name(client, database) -> None:
    from tests.conftest import csrf_of

    await client.get("/signup")
    made = await client.post("/signup", data={"csrf_token": csrf_of(client), "email": "page@example.com",
                                              "display_name": f"Piet{RLO}\u200d Page",
                                              "password": "correct horse battery"})
    assert made.status_code == 303
    assert (await client.get("/api/v1/me")).json()["display_name"] == "Piet Page"
