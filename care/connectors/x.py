"""X (Twitter): the webhook handshake, the delivery signature and API v2 posts as mentions;
replies posted back as the brand (`send_reply`).

X proves it owns a webhook URL with a CRC challenge and signs every delivery with the
app's consumer secret; both are HMAC-SHA256, base64-encoded. Posts arrive in the API v2
shape (filtered stream, search, lookups): the post in `data`, its author in
`includes.users`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

import httpx
from pydantic import ValidationError

from care.connectors.errors import PayloadError, SendError, describe, send_error
from care.schemas import AuthorIn, MentionIn

__all__ = ["SIGNATURE_HEADER", "PayloadError", "SendError", "crc_response", "parse", "send_reply", "verify_signature"]

SIGNATURE_HEADER = "x-twitter-webhooks-signature"
_PREFIX = "sha256="
# X's post ids are snowflakes: milliseconds since this moment, shifted left 22 bits.
_SNOWFLAKE_EPOCH_MS = 1288834974657
# Pseudo-languages X uses for posts without words; "qaa" to "qtz" is ISO 639-2's private range
# (X's qme = media only, qht = hashtags only, qam = mentions only, qst = very short, …).
_NOT_LANGUAGES = {"und", "zxx"}


def _digest(key: str, message: bytes) -> str:
    mac = hmac.new(key.encode(), message, hashlib.sha256).digest()
    return _PREFIX + base64.b64encode(mac).decode("ascii")


def crc_response(crc_token: str, consumer_secret: str) -> dict[str, str]:
    """The JSON body that answers X's `GET ?crc_token=…` challenge."""
    if not consumer_secret:
        # An empty key would make a response anyone can compute.
        raise ValueError("X consumer secret is not configured")
    return {"response_token": _digest(consumer_secret, crc_token.encode())}


def verify_signature(raw_body: bytes, header: str | None, consumer_secret: str) -> bool:
    """Whether `x-twitter-webhooks-signature` signs exactly these bytes with our secret."""
    if not consumer_secret or not header or not header.startswith(_PREFIX):
        return False
    expected = _digest(consumer_secret, raw_body)
    return hmac.compare_digest(expected.encode(), header.strip().encode())


def parse(payload: dict[str, Any]) -> list[MentionIn]:
    """Every post in an API v2 payload; payloads without posts (empty results, errors) give []."""
    if not isinstance(payload, dict):
        raise PayloadError(f"X payload must be a JSON object, not {type(payload).__name__}")
    data = payload.get("data")
    if data is None:
        return []
    posts = [data] if isinstance(data, dict) else data
    if not isinstance(posts, list):
        raise PayloadError(f"X payload 'data' must be an object or a list, not {type(data).__name__}")
    users = _users(payload.get("includes"))
    return [_mention(index, post, users) for index, post in enumerate(posts)]


def _users(includes: Any) -> dict[str, dict[str, Any]]:
    # Authors are enrichment: an odd entry loses a follower count, never the post itself.
    users = includes.get("users") if isinstance(includes, dict) else None
    if not isinstance(users, list):
        return {}
    return {str(user["id"]): user for user in users if isinstance(user, dict) and "id" in user}


def _mention(index: int, post: Any, users: dict[str, dict[str, Any]]) -> MentionIn:
    if not isinstance(post, dict):
        raise PayloadError(f"X post #{index} must be an object, not {type(post).__name__}")
    post_id = _required(post, "id", index)
    where = f"X post #{index} (id {post_id})"
    text = _text(post, where)
    author_id = _required(post, "author_id", index)
    user = users.get(author_id, {})
    username = user.get("username") if isinstance(user.get("username"), str) else None
    try:
        return MentionIn(
            external_id=post_id,
            text=text,
            author=_author(author_id, username, user),
            created_at=_created_at(post, post_id, where),
            url=f"https://x.com/{username}/status/{post_id}" if username else f"https://x.com/i/web/status/{post_id}",
            language=_language(post.get("lang")),
            parent_external_id=_replied_to(post.get("referenced_tweets")),
            conversation_external_id=_optional_id(post.get("conversation_id")),
            edited=_is_edit(post_id, post.get("edit_history_tweet_ids")),
        )
    except ValidationError as error:
        raise PayloadError(f"{where}: {describe(error)}") from None


def _required(post: dict[str, Any], key: str, index: int) -> str:
    value = _optional_id(post.get(key))
    if value is None:
        raise PayloadError(f"X post #{index} has no {key!r}")
    return value


def _optional_id(value: Any) -> str | None:
    # v2 sends ids as strings; tools that re-serialise them sometimes turn them into numbers.
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value) or None


def _text(post: dict[str, Any], where: str) -> str:
    # Posts over 280 characters carry a truncated `text` and the whole one in `note_tweet`.
    note = post.get("note_tweet")
    if isinstance(note, dict) and isinstance(note.get("text"), str):
        return note["text"]
    text = post.get("text")
    if not isinstance(text, str):
        raise PayloadError(f"{where} has no 'text'")
    return text


def _author(author_id: str, username: str | None, user: dict[str, Any]) -> AuthorIn:
    metrics = user.get("public_metrics")
    followers = metrics.get("followers_count") if isinstance(metrics, dict) else None
    name = user.get("name")
    return AuthorIn(
        handle=username or author_id,
        name=name if isinstance(name, str) else None,
        followers=followers if isinstance(followers, int) else None,
        external_id=author_id,
    )


def _created_at(post: dict[str, Any], post_id: str, where: str) -> datetime:
    value = post.get("created_at")
    if value is None:
        # `created_at` only comes when the request asked for it; the id itself holds the time.
        if not post_id.isdigit():
            raise PayloadError(f"{where} has no 'created_at' and its id is not a snowflake")
        return datetime.fromtimestamp(((int(post_id) >> 22) + _SNOWFLAKE_EPOCH_MS) / 1000, UTC)
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise PayloadError(f"{where}: 'created_at' is not an ISO 8601 time: {value!r}") from None
    if moment.tzinfo is None:
        raise PayloadError(f"{where}: 'created_at' has no time zone: {value!r}")
    return moment


def _language(lang: Any) -> str | None:
    if not isinstance(lang, str) or not lang:
        return None
    code = lang.lower()
    if code in _NOT_LANGUAGES or (len(code) == 3 and "qaa" <= code <= "qtz"):
        return None
    return code


def _replied_to(references: Any) -> str | None:
    # Quotes and reposts point at a post too, but only a reply continues its conversation.
    if not isinstance(references, list):
        return None
    for reference in references:
        if isinstance(reference, dict) and reference.get("type") == "replied_to":
            return _optional_id(reference.get("id"))
    return None


def _is_edit(post_id: str, history: Any) -> bool:
    # An edit is a new post; its history lists every version's id, the original first.
    return isinstance(history, list) and len(history) > 1 and str(history[0]) != post_id



# --- sending replies ----------------------------------------------------------------------------

API_URL = "https://api.x.com/2/tweets"
REPLY_LIMIT = 280


async def send_reply(client: httpx.AsyncClient, access_token: str, in_reply_to: str, text: str, *,
                     url: str = API_URL, timeout: float = 15.0) -> str:
    """Post `text` as the brand's reply to post `in_reply_to` (API v2 "Create Post" with an
    OAuth 2.0 user token); returns the new post's id. Raises SendError."""
    body = {"text": text, "reply": {"in_reply_to_tweet_id": in_reply_to}}
    try:
        response = await client.post(url, json=body, timeout=timeout,
                                      headers={"Authorization": f"Bearer {access_token}"})
    except httpx.HTTPError as error:
        raise SendError(f"X could not be reached: {str(error) or type(error).__name__}", retryable=True) from None
    if not response.is_success:
        raise send_error("X", response.status_code, _error_detail(response))
    data = _json(response).get("data")
    post_id = _optional_id(data.get("id")) if isinstance(data, dict) else None
    if post_id is None:
        raise SendError("X accepted the reply but did not say its id", retryable=False)
    return post_id


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _error_detail(response: httpx.Response) -> str:
    # v2 problems carry `detail` (and `title`); older errors a list of `errors` with `message`.
    found = _json(response)
    errors = found.get("errors")
    first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
    detail = found.get("detail") or found.get("title") or first.get("message") or response.reason_phrase
    return str(detail)[:300]
