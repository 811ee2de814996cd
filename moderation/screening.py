"""Screening: what happens to a text before it is published, decided by plain rules.

Every content kind calls `moderation.service.screen` before it stores a text. The rules
look at what the text *is* (an insult, someone's IBAN, a link from a member who joined
an hour ago, the same post again) and never at what it *thinks*: sentiment is not an
input, so a harsh but fair review is published like a kind one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hearth.errors import Invalid
from hearth.text import TextReport
from hearth.text.folding import fold
from moderation.models import ContentState, Decision, Priority, WatchedWord, WordAction

# Plain words for the author (English msgids, translated where they are shown).
REASONS = {
    "insult": "It reads as an insult to someone. A moderator will look at it before it is shown.",
    "profanity": "It contains strong language; it is published and a moderator will have a look.",
    "personal_data": "We hid personal data (such as an account or card number, a phone number or an e-mail "
                      "address) so that nobody can misuse it.",
    "links": "Posts with several links from new members are checked by a moderator before they are shown.",
    "duplicate": "You posted this same text a moment ago.",
    "rate": "You have posted %(count)s times in the last hour, the most for now. Please wait a little.",
    "repeated": "The same text was posted by several members; a moderator will check it is not spam.",
    "capitals": "It is written mostly in capitals; it is published and a moderator will have a look.",
    "first_posts": "The first posts of new members are checked by a moderator before they are shown.",
    "watched_block": "It contains “%(word)s”, which is not allowed in this community.",
    "watched_approval": "It contains a word that moderators check before it is shown.",
    "watched_flag": "It contains a word that moderators have a look at; it is published.",
}
# The same reasons, and the others an item can carry, as moderators see them in the queue.
LABELS = {
    "insult": "Insult",
    "profanity": "Strong language",
    "personal_data": "Personal data masked",
    "links": "Links from a new member",
    "repeated": "Same text from several members",
    "capitals": "Mostly capitals",
    "first_posts": "First posts of a new member",
    "watched_approval": "Watched word: needs approval",
    "watched_flag": "Watched word: flag",
    "flag:spam": "Flagged as spam",
    "flag:insult": "Flagged as an insult",
    "flag:personal_data": "Flagged for personal data",
    "flag:off_topic": "Flagged as off-topic",
    "flag:other": "Flagged for another reason",
    "appeal": "The author appealed",
    "edited": "Edited by its author after it was hidden",
}


def label(code: str) -> str:
    return LABELS.get(code, code)


# What the author reads for the reasons that are not the screening's own.
AUTHOR_MESSAGES = {
    "flag": "Members reported it; a moderator is reviewing it.",
    "appeal": "You appealed; a moderator will look at it again.",
    "other": "A moderator is reviewing it.",
    "refused": "This was not published: %(reasons)s",
}


def author_message(code: str) -> str:
    """Why a member's content is not public, in plain words (English msgid)."""
    if code in REASONS and "%(" not in REASONS[code]:
        return REASONS[code]
    if code.startswith("flag:"):
        return AUTHOR_MESSAGES["flag"]
    return AUTHOR_MESSAGES.get(code, AUTHOR_MESSAGES["other"])


# What each reason does to the text, and how urgent the queue item is.
EFFECT = {
    "insult": (Decision.HOLD, 3.0, Priority.HIGH),
    "profanity": (Decision.PUBLISH_AND_FLAG, 1.0, Priority.LOW),
    "personal_data": (Decision.PUBLISH, 0.0, Priority.LOW),
    "links": (Decision.HOLD, 2.0, Priority.NORMAL),
    "duplicate": (Decision.REJECT, 0.0, Priority.LOW),
    "rate": (Decision.REJECT, 0.0, Priority.LOW),
    "repeated": (Decision.HOLD, 3.0, Priority.HIGH),
    "capitals": (Decision.PUBLISH_AND_FLAG, 0.5, Priority.LOW),
    "first_posts": (Decision.HOLD, 1.0, Priority.LOW),
    "watched_block": (Decision.REJECT, 0.0, Priority.LOW),
    "watched_approval": (Decision.HOLD, 2.0, Priority.NORMAL),
    "watched_flag": (Decision.PUBLISH_AND_FLAG, 1.0, Priority.NORMAL),
}
SEVERITY = [Decision.PUBLISH, Decision.PUBLISH_AND_FLAG, Decision.HOLD, Decision.REJECT]


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return REASONS[self.code]

    def text(self, gettext: Any = None) -> str:
        message = gettext(self.message) if gettext else self.message
        return message % self.params if self.params else message

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.text(), "params": self.params}


@dataclass
class Screening:
    """What the screening decided, and the text to publish (masked, censored)."""

    author_id: int
    kind: str
    decision: Decision
    reasons: list[Reason]
    text: str
    title: str | None
    original: str
    original_title: str | None
    report: TextReport
    text_hash: str

    @property
    def state(self) -> ContentState:
        return ContentState.HELD if self.decision == Decision.HOLD else ContentState.PUBLISHED

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]

    @property
    def needs_review(self) -> bool:
        return self.decision in (Decision.HOLD, Decision.PUBLISH_AND_FLAG)

    def score(self) -> float:
        return sum(EFFECT[code][1] for code in self.codes)

    def priority(self) -> int:
        return max((EFFECT[code][2] for code in self.codes), default=Priority.LOW)


class ContentRefused(Invalid):
    """The text cannot be published as it is; the reasons say why, in plain words."""

    title, type_slug = "Not published", "content-refused"

    def __init__(self, reasons: list[Reason]) -> None:
        super().__init__(AUTHOR_MESSAGES["refused"], field="body",
                         reasons=" ".join(r.text() for r in reasons))
        self.reasons = reasons
        self.errors = [{"loc": ["body"], "msg": r.text(), "type": r.code} for r in reasons]

    def translated(self, gettext: Any) -> str:
        return gettext(self.message) % {"reasons": " ".join(r.text(gettext) for r in self.reasons)}


def decide(reasons: Iterable[Reason]) -> Decision:
    return max((EFFECT[r.code][0] for r in reasons), key=SEVERITY.index, default=Decision.PUBLISH)


# --- text normalisation --------------------------------------------------------------------

def text_hash(text: str) -> str:
    """The same post however it is spaced, cased or accented."""
    return hashlib.sha256(" ".join(fold(text).split()).encode()).hexdigest()


# --- watched words -------------------------------------------------------------------------

# A group that repeats and is itself repeated, e.g. (a+)+ : the classic catastrophic backtracking.
NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


def compile_pattern(pattern: str, is_regex: bool) -> re.Pattern[str]:
    """The pattern as the screening applies it, or Invalid with a plain reason."""
    if is_regex:
        if NESTED_QUANTIFIER.search(pattern):
            raise Invalid("This regular expression repeats a repeated group, which can take forever to "
                          "match; simplify it", field="pattern")
        try:
            return _compiled(pattern, True)
        except re.error as exc:
            raise Invalid("This regular expression does not compile: %(error)s", field="pattern",
                          error=str(exc)) from exc
    if not fold(pattern).strip(" *"):
        raise Invalid("Enter a word or phrase", field="pattern")
    return _compiled(pattern, False)


@lru_cache(maxsize=2048)
def _compiled(pattern: str, is_regex: bool) -> re.Pattern[str]:
    if is_regex:
        return re.compile(pattern, re.IGNORECASE)
    # A plain word matches whole words, accent- and case-insensitively; * stands for any letters.
    parts = [re.escape(p) for p in fold(pattern.strip()).split("*")]
    return re.compile(r"(?<!\w)" + r"\w*".join(parts) + r"(?!\w)")


@dataclass
class WordHit:
    word: WatchedWord
    start: int
    end: int
    text: str


def watched_hits(words: list[WatchedWord], text: str) -> list[WordHit]:
    folded = fold(text)
    hits = []
    for word in words:
        # Regular expressions see the text as written; plain words see it folded.
        haystack = text if word.is_regex else folded
        for match in _compiled(word.pattern, word.is_regex).finditer(haystack):
            if match.end() > match.start():
                hits.append(WordHit(word, match.start(), match.end(), text[match.start():match.end()]))
    return hits


def apply_replacements(text: str, hits: list[WordHit]) -> str:
    """Censor (■ for each letter) or replace the hits that ask for it; later hits first."""
    edits = [h for h in hits if h.word.action in (WordAction.CENSOR, WordAction.REPLACE)]
    taken_until = len(text) + 1
    for hit in sorted(edits, key=lambda h: h.start, reverse=True):
        if hit.end > taken_until:
            continue  # overlaps a hit already applied
        new = (hit.word.replacement or "") if hit.word.action == WordAction.REPLACE else "■" * (hit.end - hit.start)
        text = text[:hit.start] + new + text[hit.end:]
        taken_until = hit.start
    return text


def word_reasons(hits: list[WordHit]) -> list[Reason]:
    codes = {WordAction.BLOCK: "watched_block", WordAction.REQUIRE_APPROVAL: "watched_approval",
             WordAction.FLAG: "watched_flag"}
    seen: set[str] = set()
    reasons = []
    for hit in hits:
        code = codes.get(hit.word.action)
        if code and code not in seen:
            seen.add(code)
            reasons.append(Reason(code, {"word": hit.text} if code == "watched_block" else {}))
    return reasons
