"""What a mention is labelled with when it arrives: language, sentiment (from the model that
learns from agents' corrections), insult, and personal data masked before anyone sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import Sentiment, SentimentModel
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


@dataclass(frozen=True, slots=True)
class Masked:
    text: str  # personal data masked
    personal_data: bool


def mask(text: str) -> Masked:
    findings = personal_data.find(text)
    return Masked(personal_data.mask(text, findings), bool(findings))


def label_many(mentions: list[MentionIn], news: bool, model: Model,
               masked: list[Masked] | None = None) -> list[Labels]:
    """Labels for a batch (`masked`: their texts through `mask`, when the caller has them;
    `news`: the channel carries news, whose sentiment is neutral). Languages are detected
    together. Only what care needs is computed (insults, not the moderation's full
    profanity scan). Plain data in and out, so an import can run it in the CPU pool."""
    masked = masked if masked is not None else [mask(m.text) for m in mentions]
    hints = [m.language if m.language in LANGUAGES else None for m in mentions]
    missing = [i for i, hint in enumerate(hints) if hint is None]
    for i, found in zip(missing, language.detect_many([mentions[i].text for i in missing]), strict=True):
        hints[i] = found
    return [_label(m, text, news, model, hint) for m, text, hint in zip(mentions, masked, hints, strict=True)]


def warm() -> None:
    """Load what labelling reads (the language models, the three lexicons, the insults), so
    that the first messages of each language do not wait for it."""
    samples = {"en": "Thanks, the app works great", "nl": "Bedankt, de app werkt goed",
               "fr": "Merci, l'application marche bien", "de": "Danke, die App geht gut"}
    language.detect_many(list(samples.values()))
    for code, text in samples.items():
        classify(text, code, None)
        profanity.insults(text, code)


def _label(mention: MentionIn, masked: Masked, news: bool, model: Model, lang: str | None) -> Labels:
    text = masked.text
    abuse = profanity.insults(text, lang)
    result = classify(text, lang, model, is_news=mention.is_news or news)
    return Labels(text=text, language=lang, sentiment=Sentiment(result.label), score=result.score,
                  source=result.source, insult=bool(abuse), pure_insult=bool(abuse) and _says_little_else(text, abuse),
                  personal_data=masked.personal_data)


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
