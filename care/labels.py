"""What a mention is labelled with when it arrives: language, sentiment (from the model that
learns from agents' corrections), insult, and personal data masked before anyone sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import Channel, Sentiment, SentimentModel
from care.schemas import MentionIn
from hearth.text import language, personal_data, profanity
from hearth.text.sentiment import CorrectionModel, classify

LANGUAGES = frozenset({"en", "nl", "fr", "de"})
Model = CorrectionModel | None
# What is left of a message once handles, links, insults and punctuation are taken out.
_NOISE = re.compile(r"@\w+|#\w+|https?://\S+|www\.\S+")
_WORD = re.compile(r"\w{2,}")
PURE_INSULT_WORDS = 6


@dataclass(frozen=True, slots=True)
class Labels:
    text: str  # personal data masked
    language: str | None
    sentiment: Sentiment
    score: float
    source: str
    insult: bool
    pure_insult: bool
    personal_data: bool

    def to_json(self) -> dict:
        return {"text": self.text, "language": self.language, "sentiment": str(self.sentiment),
                "score": self.score, "source": self.source, "insult": self.insult,
                "pure_insult": self.pure_insult, "personal_data": self.personal_data}

    @classmethod
    def from_json(cls, data: dict) -> Labels:
        return cls(**{**data, "sentiment": Sentiment(data["sentiment"])})


def label_many(mentions: list[MentionIn], channel: Channel, model: Model) -> list[Labels]:
    """Labels for a batch: languages are detected together, on all cores. Only what care needs
    is computed (insults, not the moderation's full profanity scan)."""
    hints = [m.language if m.language in LANGUAGES else None for m in mentions]
    missing = [i for i, hint in enumerate(hints) if hint is None]
    for i, found in zip(missing, language.detect_many([mentions[i].text for i in missing]), strict=True):
        hints[i] = found
    return [_label(m, channel, model, hint) for m, hint in zip(mentions, hints, strict=True)]


def label(mention: MentionIn, channel: Channel, model: Model) -> Labels:
    return label_many([mention], channel, model)[0]


def _label(mention: MentionIn, channel: Channel, model: Model, lang: str | None) -> Labels:
    findings = personal_data.find(mention.text)
    masked = personal_data.mask(mention.text, findings)
    abuse = profanity.insults(masked, lang)
    result = classify(masked, lang, model, is_news=mention.is_news or channel.news)
    return Labels(text=masked, language=lang, sentiment=Sentiment(result.label), score=result.score,
                  source=result.source, insult=bool(abuse), pure_insult=bool(abuse) and _says_little_else(masked, abuse),
                  personal_data=bool(findings))


def _says_little_else(text: str, insults: tuple[str, ...]) -> bool:
    """A pure insult: besides the abuse there are only a handful of words, and no question."""
    if "?" in text:
        return False
    words = [w for w in _WORD.findall(_NOISE.sub(" ", text.lower())) if w not in insults]
    return len(words) <= PURE_INSULT_WORDS


_cached: tuple[object, Model] = (None, None)


async def current_model(session: AsyncSession) -> Model:
    """The learned sentiment model, read again only when it was retrained."""
    global _cached
    row = (await session.execute(select(SentimentModel.id, SentimentModel.trained_at)
                                 .order_by(SentimentModel.id.desc()).limit(1))).first()
    stamp = tuple(row) if row else None
    if stamp != _cached[0]:
        data = await session.scalar(select(SentimentModel.data).where(SentimentModel.id == row[0])) if row else None
        _cached = (stamp, CorrectionModel.from_json(data) if data else None)
    return _cached[1]
