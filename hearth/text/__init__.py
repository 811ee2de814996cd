"""Offline text analysis for content screening: the language of a post or message, its
personal data (masked), profanity, insults, links and shouting.

Everything ships in wheels (lingua, python-stdnum, phonenumberslite, glin-profanity):
nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hearth.text import language, personal_data, profanity
from hearth.text.personal_data import Finding

__all__ = ["Finding", "TextReport", "analyse"]

# Below this many letters a capitals ratio says nothing ("OK", "BNP").
_MIN_LETTERS_FOR_RATIO = 20

# http(s)://..., www...., and bare domains with a path (example.com/path). A bare
# "example.com" is left out: "the app.Now" and "i.e." read as domains too often. Only
# the start of a run of name characters may start a link, so "12-12-12..." is one try,
# not one per character.
_LINK = re.compile(
    r"(?<![\w@.-])(?:https?://\S+|www\.[^\s.]+\.\S+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TextReport:
    language: str | None  # "en" | "nl" | "fr" | "de", None when unsure
    masked: str  # the text with every personal-data finding masked
    personal_data: tuple[Finding, ...]
    profanity: tuple[str, ...]  # lowercased, each once, in order of appearance
    insults: tuple[str, ...]  # insults aimed at people, lowercased, each once, in order
    links: int
    capitals_ratio: float  # uppercase letters / letters, 0.0 below 20 letters
    letters: int


def analyse(text: str, *, known_language: str | None = None) -> TextReport:
    """Everything content screening wants to know about a text. `known_language` (a platform's
    own guess, say) saves the detection, the costliest step for short texts."""
    findings = personal_data.find(text)
    detected = known_language or language.detect(text)
    profane, insults = profanity.check(text, detected)
    letters = sum(c.isalpha() for c in text)
    capitals = sum(c.isupper() for c in text)
    return TextReport(
        language=detected,
        masked=personal_data.mask(text, findings),
        personal_data=tuple(findings),
        profanity=profane,
        insults=insults,
        links=len(_LINK.findall(text)),
        capitals_ratio=capitals / letters if letters >= _MIN_LETTERS_FOR_RATIO else 0.0,
        letters=letters,
    )
