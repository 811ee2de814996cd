"""Facebook pages: the hub handshake, signatures against openssl, and every feed verb."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from care.connectors import facebook
from care.connectors.facebook import PayloadError

PAYLOADS = Path(__file__).parent.parent / "payloads"
SECRET = "hearth-test-app-secret"
# printf '%s' "$BODY" | openssl dgst -sha256 -hmac hearth-test-app-secret -hex
BODY = b'{"object":"page","entry":[]}'
BODY_SIGNATURE = "sha256=24f8b73667d533984a1c4a620791f900119012730f80669f03ebf5c418b55700"
PAGE = "104872305234567"
POST = f"{PAGE}_1029384756123456"
COMMENT = "1029384756123456_1122334455667788"
REPLY = "1029384756123456_1122334455669900"
PERMALINK = f"https://www.facebook.com/permalink.php?story_fbid=pfbid02x7Lk9nQyT3hHfR4mB8sVwZ&id={PAGE}"
SUBSCRIBE = {"hub.mode": "subscribe", "hub.verify_token": "hearth-verify", "hub.challenge": "1158201444"}


def recorded(name: str) -> dict:
    return json.loads((PAYLOADS / name).read_text())


def delivery(*values: dict, field: str = "feed") -> dict:
    return {"object": "page",
            "entry": [{"id": PAGE, "time": 1741077065, "changes": [{"field": field, "value": v} for v in values]}]}


def comment(**fields: object) -> dict:
    value = {"from": {"id": "7098765432109876", "name": "Els Maes"}, "item": "comment", "verb": "add",
             "post_id": POST, "comment_id": COMMENT, "parent_id": POST, "message": "Hier ook",
             "created_time": 1741076410}
    value.update(fields)
    return value


# Handshake


def test_handshake_echoes_the_challenge() -> None:
    assert facebook.handshake(SUBSCRIBE, "hearth-verify") == "1158201444"


@pytest.mark.parametrize("params", [
    {**SUBSCRIBE, "hub.verify_token": "guess"},
    {**SUBSCRIBE, "hub.mode": "unsubscribe"},
    {"hub.mode": "subscribe", "hub.challenge": "1158201444"},
    {"hub.mode": "subscribe", "hub.verify_token": "hearth-verify"},
    {**SUBSCRIBE, "hub.challenge": ""},
    {},
])
def test_handshake_refuses_anything_else(params: dict[str, str]) -> None:
    assert facebook.handshake(params, "hearth-verify") is None


def test_handshake_refuses_when_no_verify_token_is_configured() -> None:
    assert facebook.handshake({**SUBSCRIBE, "hub.verify_token": ""}, "") is None


# Signatures


def test_signature_computed_with_openssl_is_accepted() -> None:
    assert facebook.verify_signature(BODY, BODY_SIGNATURE, SECRET)


def test_signature_in_capitals_is_the_same_hex() -> None:
    assert facebook.verify_signature(BODY, "sha256=" + BODY_SIGNATURE.removeprefix("sha256=").upper(), SECRET)


def test_signature_of_a_recorded_delivery_is_accepted() -> None:
    body = (PAYLOADS / "facebook_feed_add.json").read_bytes()
    header = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert facebook.verify_signature(body, header, SECRET)


def test_signature_with_the_wrong_secret_is_rejected() -> None:
    assert not facebook.verify_signature(BODY, BODY_SIGNATURE, "another-secret")


def test_signature_of_an_altered_body_is_rejected() -> None:
    assert not facebook.verify_signature(BODY.replace(b"page", b"user"), BODY_SIGNATURE, SECRET)


@pytest.mark.parametrize("header", [
    None, "", "sha256=", "sha256=zz",
    BODY_SIGNATURE.removeprefix("sha256="),  # no prefix
    "sha1=" + hmac.new(SECRET.encode(), BODY, hashlib.sha1).hexdigest(),  # the old X-Hub-Signature
    "sha256=JPi3NmfVM5hKHEpiB5H5ABGQEnMPgGafA+v1xBi1VwA=",  # X's base64, not hex
])
def test_missing_malformed_or_wrongly_prefixed_signature_is_rejected(header: str | None) -> None:
    assert not facebook.verify_signature(BODY, header, SECRET)


def test_no_signature_is_valid_without_a_secret() -> None:
    header = "sha256=" + hmac.new(b"", BODY, hashlib.sha256).hexdigest()
    assert not facebook.verify_signature(BODY, header, "")


# add


def test_added_post_comment_reply_and_photo_become_mentions() -> None:
    post, first, reply, photo = facebook.parse(recorded("facebook_feed_add.json"))
    assert post.external_id == POST
    assert post.text == "Sinds vanochtend kan ik niet meer inloggen in Hearth Mobile. Foutcode 5003. Iemand hetzelfde?"
    assert post.author.model_dump() == {"handle": "Jan Peeters", "name": "Jan Peeters", "followers": None,
                                        "external_id": "7012345678901234"}
    assert post.created_at == datetime(2025, 3, 4, 8, 15, 30, tzinfo=UTC)
    assert post.url == f"https://www.facebook.com/{POST}"
    assert (post.parent_external_id, post.conversation_external_id) == (None, POST)

    assert (first.external_id, first.parent_external_id, first.conversation_external_id) == (COMMENT, POST, POST)
    assert first.url == PERMALINK
    assert (reply.external_id, reply.parent_external_id, reply.conversation_external_id) == (REPLY, COMMENT, POST)
    assert reply.author.external_id == PAGE  # the page answering

    assert photo.external_id == f"{PAGE}_1029384756999001"
    assert photo.text == "Screenshot van de foutmelding"
    assert not any(m.edited or m.deleted for m in (post, first, reply, photo))


def test_reactions_and_likes_are_ignored() -> None:
    like = {"item": "like", "verb": "add", "post_id": POST, "created_time": 1741077070}
    reaction = {"item": "reaction", "verb": "add", "post_id": POST, "reaction_type": "love",
                "created_time": 1741077070}
    assert facebook.parse(delivery(like, reaction)) == []


# edited


def test_edits_keep_the_ids_and_carry_the_new_text() -> None:
    edited_comment, edited_post = facebook.parse(recorded("facebook_feed_edited.json"))
    assert (edited_comment.external_id, edited_comment.parent_external_id) == (COMMENT, POST)
    assert edited_comment.text == "Hier ook, al sinds 8u! Nu werkt het weer."
    assert edited_post.external_id == POST
    assert edited_post.text.startswith("UPDATE: opgelost.")
    assert edited_comment.edited and edited_post.edited
    assert not (edited_comment.deleted or edited_post.deleted)


def test_the_edit_spelling_counts_too() -> None:
    assert facebook.parse(delivery(comment(verb="edit")))[0].edited


# remove


def test_removals_are_deleted_mentions_without_text() -> None:
    removed_comment, removed_post = facebook.parse(recorded("facebook_feed_remove.json"))
    assert (removed_comment.external_id, removed_comment.text) == (COMMENT, "")
    assert removed_comment.author.handle == "Els Maes"
    assert (removed_post.external_id, removed_post.text) == (POST, "")
    assert removed_post.author.handle == "unknown"  # post removals come without `from`
    assert removed_comment.deleted and removed_post.deleted
    assert not (removed_comment.edited or removed_post.edited)


def test_the_delete_spelling_counts_too() -> None:
    assert facebook.parse(delivery(comment(verb="delete", message=None)))[0].deleted


@pytest.mark.parametrize("verb", ["hide", "unhide", "block", "unblock", "follow", "update", "mute"])
def test_other_verbs_are_ignored(verb: str) -> None:
    assert facebook.parse(delivery(comment(verb=verb))) == []


# other deliveries


def test_other_objects_fields_and_messenger_entries_give_nothing() -> None:
    assert facebook.parse({"object": "instagram", "entry": [{"changes": [{"field": "comments"}]}]}) == []
    assert facebook.parse(delivery({"rating": 5}, field="ratings")) == []
    assert facebook.parse({"object": "page", "entry": [{"id": PAGE, "messaging": [{"message": {}}]}]}) == []


def test_a_comment_without_parent_hangs_under_its_post() -> None:
    value = comment()
    del value["parent_id"]
    assert facebook.parse(delivery(value))[0].parent_external_id == POST


def test_without_created_time_the_entry_time_is_used() -> None:
    value = comment()
    del value["created_time"]
    assert facebook.parse(delivery(value))[0].created_at == datetime.fromtimestamp(1741077065, UTC)


def test_created_time_as_a_string_of_digits() -> None:
    assert facebook.parse(delivery(comment(created_time="1741076410")))[0].created_at.year == 2025


def test_without_from_the_author_is_unknown() -> None:
    value = comment()
    del value["from"]
    assert facebook.parse(delivery(value))[0].author.handle == "unknown"


def test_a_sender_without_name_keeps_the_id() -> None:
    [mention] = facebook.parse(delivery(comment(**{"from": {"id": "7098765432109876"}})))
    assert (mention.author.handle, mention.author.name) == ("7098765432109876", None)


# malformed


@pytest.mark.parametrize(("payload", "message"), [
    ([], "must be a JSON object"),
    ({"object": "page"}, "no 'entry' list"),
    ({"object": "page", "entry": ["x"]}, "entry #0 must be an object"),
    ({"object": "page", "entry": [{"changes": "x"}]}, "'changes' must be a list"),
    ({"object": "page", "entry": [{"changes": ["x"]}]}, "change #0 must be an object"),
    ({"object": "page", "entry": [{"changes": [{"field": "feed", "value": "x"}]}]}, "'value' must be an object"),
    (delivery(comment(comment_id=None)), "a comment change has no 'comment_id'"),
    (delivery({"item": "status", "verb": "add", "message": "hi", "created_time": 1}), "has no 'post_id'"),
    (delivery(comment(created_time="yesterday")), "'created_time' is not a unix time"),
    (delivery(comment(created_time=10**20)), "'created_time' is out of range"),
    (delivery(comment(message="x" * 20_001)), "text: String should have at most 20000 characters"),
])
def test_malformed_deliveries_raise_a_clear_error(payload: object, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        facebook.parse(payload)  # type: ignore[arg-type]


def test_a_large_delivery_parses() -> None:
    values = [comment(comment_id=f"1029384756123456_{n}") for n in range(5_000)]
    assert len(facebook.parse(delivery(*values))) == 5_000
