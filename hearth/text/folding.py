"""Lowercase without accents, one character for one: how moderation's watched words and
listening topics compare text in any case and with or without accents. Keeping one output
character per input character lets a match found in the folded text be cut from the
original at the same offsets."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char.lower() if len(char.lower()) == 1 else char


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # most texts: one C call instead of one lookup per character
    return "".join(map(fold_char, text))
