"""Which language a text is in, among the community's: English, Dutch, French, German.

lingua's models ship in its wheel (nothing is downloaded); restricting it to four
languages keeps it small and makes short texts more reliable.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

CODES = {Language.ENGLISH: "en", Language.DUTCH: "nl", Language.FRENCH: "fr", Language.GERMAN: "de"}


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (LanguageDetectorBuilder.from_languages(*CODES)
            .with_minimum_relative_distance(0.1).build())


def detect(text: str) -> str | None:
    """The language code, or None when the text is too short or too mixed to tell."""
    sample = text.strip()[:2000]
    if sum(c.isalpha() for c in sample) < 8:
        return None
    found = _detector().detect_language_of(sample)
    return CODES.get(found) if found else None
