"""X: the CRC answer and signatures against values computed with openssl, and v2 payloads."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from care.connectors import x
from care.connectors.x import PayloadError

PAYLOADS = Path(__file__).parent.parent / "payloads"
SECRET = "hearth-test-consumer-secret"
# printf '%s' "$BODY" | openssl dgst -sha256 -hmac hearth-test-consumer-secret -binary | base64
BODY = b'{"for_user_id":"28713478","tweet_create_events":[]}'
BODY_SIGNATURE = "sha256=RIDBwsw4vfyz3M8oKkpsFo9O6KR2BFMmC8tc2Y4rkKo="


def tweets() -> dict:
    return json.loads((PAYLOADS / "x_tweets.json").read_text())


def one(**fields: object) -> dict:
    post = {"id": "1896836887335772851", "text": "@HearthBank hallo", "author_id": "42",
            "created_at": "2025-03-04T08:15:30.123Z"}
    post.update(fields)
    return {"data": post}


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


# CRC


def test_crc_response_matches_the_recorded_challenge() -> None:
    recorded = json.loads((PAYLOADS / "x_crc.json").read_text())
    assert x.crc_response(recorded["crc_token"], recorded["consumer_secret"]) == recorded["response"]


def test_crc_response_of_a_non_ascii_token() -> None:
    # printf '%s' 'crc-token-with-ünicode' | openssl dgst -sha256 -hmac … -binary | base64
    assert x.crc_response("crc-token-with-ünicode", SECRET) == {
        "response_token": "sha256=FRbajIQt6eLmzKJttz6mbkK2mWo3BFuBRPX/hOOHq0U="}


def test_crc_response_depends_on_the_secret() -> None:
    assert x.crc_response("token", SECRET) != x.crc_response("token", SECRET + "x")


def test_crc_response_refuses_an_empty_secret() -> None:
    with pytest.raises(ValueError, match="secret"):
        x.crc_response("token", "")


# Signatures


def test_signature_computed_with_openssl_is_accepted() -> None:
    assert x.verify_signature(BODY, BODY_SIGNATURE, SECRET)


def test_signature_of_a_recorded_delivery_is_accepted() -> None:
    body = (PAYLOADS / "x_tweets.json").read_bytes()
    assert x.verify_signature(body, sign(body), SECRET)


def test_signature_with_the_wrong_secret_is_rejected() -> None:
    assert not x.verify_signature(BODY, BODY_SIGNATURE, "another-secret")


def test_signature_of_an_altered_body_is_rejected() -> None:
    assert not x.verify_signature(BODY.replace(b"[]", b"[ ]"), BODY_SIGNATURE, SECRET)
    assert not x.verify_signature(BODY + b"\n", BODY_SIGNATURE, SECRET)


@pytest.mark.parametrize("header", [None, "", "sha256=", "sha256=not base64!"])
def test_missing_or_malformed_signature_is_rejected(header: str | None) -> None:
    assert not x.verify_signature(BODY, header, SECRET)


@pytest.mark.parametrize("header", [
    BODY_SIGNATURE.removeprefix("sha256="),  # no prefix
    "sha1=" + BODY_SIGNATURE.removeprefix("sha256="),
    "SHA256=" + BODY_SIGNATURE.removeprefix("sha256="),
    "sha256=" + hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest(),  # Facebook's hex, not base64
])
def test_signature_with_the_wrong_prefix_or_encoding_is_rejected(header: str) -> None:
    assert not x.verify_signature(BODY, header, SECRET)


def test_no_signature_is_valid_without_a_secret() -> None:
    assert not x.verify_signature(BODY, sign(BODY, ""), "")


# Payloads


def test_recorded_posts_become_mentions() -> None:
    mentions = x.parse(tweets())
    assert [m.external_id for m in mentions] == [
        "1896836887335772851", "1896838281241404083", "1896843101893403315",
        "1896848777713656499", "1896855637455905459", "1896864527279039155"]
    first = mentions[0]
    assert first.text == ("@HearthBank mijn kaart is sinds vanochtend weer geblokkeerd "
                          "en niemand neemt de telefoon op 😡")
    assert first.author.model_dump() == {"handle": "jan_peeters", "name": "Jan Peeters", "followers": 312,
                                         "external_id": "1402236412563234816"}
    assert first.created_at == datetime(2025, 3, 4, 8, 15, 30, 123000, tzinfo=UTC)
    assert first.url == "https://x.com/jan_peeters/status/1896836887335772851"
    assert first.language == "nl"
    assert first.parent_external_id is None
    assert first.conversation_external_id == "1896836887335772851"
    assert (first.is_news, first.edited, first.deleted) == (False, False, False)


def test_replies_point_at_their_parent_and_conversation() -> None:
    answer, thanks = x.parse(tweets())[1:3]
    assert answer.author.handle == "HearthBank"
    assert answer.author.followers == 48211
    assert answer.parent_external_id == "1896836887335772851"
    assert thanks.parent_external_id == "1896838281241404083"
    assert {answer.conversation_external_id, thanks.conversation_external_id} == {"1896836887335772851"}


def test_a_quote_is_not_a_reply() -> None:
    quote = x.parse(tweets())[3]
    assert quote.parent_external_id is None
    assert quote.conversation_external_id == quote.external_id
    assert quote.language == "fr"
    assert quote.url == "https://x.com/sophie_lmt/status/1896848777713656499"


def test_pseudo_languages_and_missing_metrics_give_none() -> None:
    media_only = x.parse(tweets())[4]
    assert media_only.language is None  # "zxx"
    assert media_only.author.followers is None
    assert media_only.author.name == "M. De Wit"


def test_a_long_post_keeps_its_whole_text_and_zero_followers() -> None:
    long_post = x.parse(tweets())[5]
    assert long_post.text.endswith("would make a huge difference. @HearthBank")
    assert len(long_post.text) > 280
    assert long_post.author.followers == 0


@pytest.mark.parametrize("lang", ["und", "zxx", "qme", "qht", "qam", "qst", "", None, 7])
def test_languages_x_uses_for_no_language(lang: object) -> None:
    assert x.parse(one(lang=lang))[0].language is None


def test_a_single_post_lookup() -> None:
    [mention] = x.parse(one(lang="EN"))
    assert mention.language == "en"


def test_an_author_missing_from_includes_keeps_the_id() -> None:
    [mention] = x.parse(one())
    assert mention.author.handle == "42"
    assert mention.author.external_id == "42"
    assert mention.url == "https://x.com/i/web/status/1896836887335772851"


def test_without_created_at_the_time_comes_from_the_snowflake_id() -> None:
    payload = one()
    del payload["data"]["created_at"]
    assert x.parse(payload)[0].created_at == datetime(2025, 3, 4, 8, 15, 30, 123000, tzinfo=UTC)


def test_an_edit_is_marked_edited() -> None:
    payload = one(id="1896843101893403315", edit_history_tweet_ids=["1896836887335772851", "1896843101893403315"])
    assert x.parse(payload)[0].edited
    assert not x.parse(one(edit_history_tweet_ids=["1896836887335772851"]))[0].edited


def test_numeric_ids_are_accepted_as_strings() -> None:
    [mention] = x.parse(one(id=1896836887335772851, author_id=42))
    assert (mention.external_id, mention.author.handle) == ("1896836887335772851", "42")


@pytest.mark.parametrize("payload", [{}, {"meta": {"result_count": 0}}, {"data": []},
                                     {"errors": [{"title": "Not Found Error"}]}])
def test_payloads_without_posts_give_nothing(payload: dict) -> None:
    assert x.parse(payload) == []


def test_unknown_keys_are_ignored() -> None:
    payload = tweets()
    payload["matching_rules"] = [{"id": "1", "tag": "brand"}]
    payload["data"][0]["withheld"] = {"copyright": False}
    payload["includes"]["places"] = [{"id": "x"}]
    assert len(x.parse(payload)) == 6


def test_odd_includes_lose_only_the_enrichment() -> None:
    payload = tweets()
    payload["includes"] = {"users": ["not a user", {"no": "id"}]}
    assert [m.author.handle for m in x.parse(payload)][:2] == ["1402236412563234816", "28713478"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"id": None}, "post #0 has no 'id'"),
    ({"id": ""}, "post #0 has no 'id'"),
    ({"text": None}, "has no 'text'"),
    ({"author_id": None}, "has no 'author_id'"),
    ({"created_at": "yesterday"}, "not an ISO 8601 time"),
    ({"created_at": "2025-03-04T08:15:30"}, "no time zone"),
    ({"text": "x" * 20_001}, "text: String should have at most 20000 characters"),
])
def test_malformed_posts_raise_a_clear_error(fields: dict, message: str) -> None:
    payload = one(**fields)
    payload["data"] = {key: value for key, value in payload["data"].items() if value is not None}
    with pytest.raises(PayloadError, match=message):
        x.parse(payload)


@pytest.mark.parametrize("payload", [[], "data", {"data": "post"}, {"data": ["post"]}, {"data": 5}])
def test_payloads_of_the_wrong_shape_raise(payload: object) -> None:
    with pytest.raises(PayloadError):
        x.parse(payload)  # type: ignore[arg-type]


def test_a_broken_post_names_its_place_in_the_batch() -> None:
    payload = tweets()
    del payload["data"][3]["text"]
    with pytest.raises(PayloadError, match=r"#3 \(id 1896848777713656499\)"):
        x.parse(payload)


def test_a_large_batch_parses() -> None:
    post = tweets()["data"][0]
    payload = {"data": [dict(copy.deepcopy(post), id=str(1896836887335772851 + n)) for n in range(5_000)],
               "includes": tweets()["includes"]}
    mentions = x.parse(payload)
    assert len(mentions) == 5_000
    assert len({m.external_id for m in mentions}) == 5_000
