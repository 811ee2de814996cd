"""Facebook pages: the webhook handshake, the delivery signature and page feed changes as mentions;
replies commented back as the page (`send_comment`).

Facebook confirms a webhook URL with a `hub.challenge` that must be echoed only to whoever
knows our verify token, and signs every delivery with the app secret (hex HMAC-SHA256 in
`X-Hub-Signature-256`). A page subscription delivers `feed` changes: posts and comments
being added, edited and removed, mixed with reactions and likes that are not messages.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx
from pydantic import ValidationError

from care.connectors.errors import PayloadError, SendError, describe, send_error
from care.schemas import AuthorIn, MentionIn
from hearth.untrusted import safe_url

__all__ = ["SIGNATURE_HEADER", "PayloadError", "SendError", "handshake", "parse", "send_comment", "verify_signature"]

SIGNATURE_HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="
# Feed items that carry a message; reactions, likes, events and the rest are not mentions.
_MESSAGE_ITEMS = {"post", "status", "comment", "photo", "video", "share"}
# Facebook documents both spellings of the edit and removal verbs.
_EDIT_VERBS = {"edited", "edit"}
_REMOVE_VERBS = {"remove", "delete"}
_VERBS = {"add"} | _EDIT_VERBS | _REMOVE_VERBS
# Facebook leaves `from` out when the app may not see the person (and on some removals);
# the message still needs an answer, so it gets a placeholder author instead of being lost.
_UNKNOWN_AUTHOR = AuthorIn(handle="unknown")


def handshake(params: Mapping[str, str], verify_token: str) -> str | None:
    """The `hub.challenge` to echo when Facebook subscribes with our verify token, else None."""
    token = params.get("hub.verify_token")
    challenge = params.get("hub.challenge")
    if not verify_token or token is None or not challenge or params.get("hub.mode") != "subscribe":
        return None
    return challenge if hmac.compare_digest(token.encode(), verify_token.encode()) else None


def verify_signature(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """Whether `X-Hub-Signature-256` signs exactly these bytes with our app secret."""
    # An empty key would make a signature anyone can compute.
    if not app_secret or not header or not header.startswith(_PREFIX):
        return False
    expected = hmac.new(app_secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header[len(_PREFIX):].strip().lower().encode())


def parse(payload: dict[str, Any]) -> list[MentionIn]:
    """Every post and comment change in a page delivery; other objects and fields give []."""
    if not isinstance(payload, dict):
        raise PayloadError(f"Facebook payload must be a JSON object, not {type(payload).__name__}")
    if payload.get("object") != "page":
        return []
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise PayloadError("Facebook page payload has no 'entry' list")
    return [mention for index, entry in enumerate(entries) for mention in _entry(index, entry)]


def _entry(index: int, entry: Any) -> list[MentionIn]:
    if not isinstance(entry, dict):
        raise PayloadError(f"Facebook entry #{index} must be an object")
    changes = entry.get("changes", [])  # Messenger entries carry `messaging` instead
    if not isinstance(changes, list):
        raise PayloadError(f"Facebook entry #{index}: 'changes' must be a list")
    mentions = []
    for number, change in enumerate(changes):
        where = f"Facebook entry #{index} change #{number}"
        if not isinstance(change, dict):
            raise PayloadError(f"{where} must be an object")
        if change.get("field") != "feed":
            continue
        value = change.get("value")
        if not isinstance(value, dict):
            raise PayloadError(f"{where}: 'value' must be an object")
        if value.get("item") in _MESSAGE_ITEMS and value.get("verb") in _VERBS:
            mentions.append(_mention(value, entry.get("time"), where))
    return mentions


def _mention(value: dict[str, Any], entry_time: Any, where: str) -> MentionIn:
    post_id = _id(value, "post_id", where)
    is_comment = value["item"] == "comment"
    verb = value["verb"]
    message = value.get("message")
    try:
        return MentionIn(
            external_id=_id(value, "comment_id", where) if is_comment else post_id,
            text=message if isinstance(message, str) else "",
            author=_author(value.get("from")),
            created_at=_created_at(value.get("created_time", entry_time), where),
            url=_url(value, post_id),
            parent_external_id=(_optional_id(value.get("parent_id")) or post_id) if is_comment else None,
            conversation_external_id=post_id,
            edited=verb in _EDIT_VERBS,
            deleted=verb in _REMOVE_VERBS,
        )
    except ValidationError as error:
        raise PayloadError(f"{where}: {describe(error)}") from None


def _id(value: dict[str, Any], key: str, where: str) -> str:
    found = _optional_id(value.get(key))
    if found is None:
        raise PayloadError(f"{where}: a {value['item']} change has no {key!r}")
    return found


def _optional_id(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _author(sender: Any) -> AuthorIn:
    if not isinstance(sender, dict) or not _optional_id(sender.get("id")):
        return _UNKNOWN_AUTHOR
    name = sender.get("name") if isinstance(sender.get("name"), str) else None
    return AuthorIn(handle=name or sender["id"], name=name, external_id=sender["id"])


def _created_at(value: Any, where: str) -> datetime:
    # Feed changes give unix seconds; some older deliveries send them as a string.
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PayloadError(f"{where}: 'created_time' is not a unix time: {value!r}")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        raise PayloadError(f"{where}: 'created_time' is out of range: {value!r}") from None


def _url(value: dict[str, Any], post_id: str) -> str:
    # Comment deliveries describe their post, permalink included; a bare post id also resolves.
    post = value.get("post")
    permalink = safe_url(post.get("permalink_url")) if isinstance(post, dict) else None
    return permalink or f"https://www.facebook.com/{post_id}"


# --- sending replies ----------------------------------------------------------------------------

GRAPH_URL = "https://graph.facebook.com/v21.0"
REPLY_LIMIT = 8_000


async def send_comment(client: httpx.AsyncClient, access_token: str, app_secret: str | None, object_id: str,
                       text: str, *, url: str = GRAPH_URL, timeout: float = 15.0) -> str:
    """Comment `text` as the page on a post or comment (`POST /{object_id}/comments` with the
    page access token); returns the new comment's id. Raises SendError.

    With the app secret, the call carries `appsecret_proof`, which apps that "require app secret"
    demand: a leaked token alone cannot post."""
    if not object_id.replace("_", "").isdigit():
        # Graph object ids are digits (a page's post: page_post); anything else would change the path.
        raise SendError(f"Facebook object id {object_id!r} is not one Facebook gave", retryable=False)
    form = {"message": text, "access_token": access_token}
    if app_secret:
        form["appsecret_proof"] = hmac.new(app_secret.encode(), access_token.encode(), hashlib.sha256).hexdigest()
    try:
        response = await client.post(f"{url}/{object_id}/comments", data=form, timeout=timeout)
    except httpx.HTTPError as error:
        raise SendError(f"Facebook could not be reached: {str(error) or type(error).__name__}",
                        retryable=True) from None
    if not response.is_success:
        raise send_error("Facebook", response.status_code, _error_detail(response))
    comment_id = _optional_id(_json(response).get("id"))
    if comment_id is None:
        raise SendError("Facebook accepted the comment but did not say its id", retryable=False)
    return comment_id


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _error_detail(response: httpx.Response) -> str:
    # Graph errors: {"error": {"message", "type", "code"}}.
    error = _json(response).get("error")
    message = error.get("message") if isinstance(error, dict) else None
    return str(message or response.reason_phrase)[:300]
