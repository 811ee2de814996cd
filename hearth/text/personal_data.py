"""Personal data in free text: IBANs, card numbers, Belgian national numbers, phone
numbers and e-mail addresses, found so they can be masked before content is shown
publicly.

Detectors run one after another, each on a copy of the text in which the earlier
findings are blanked out: an IBAN's or a card's digits then never also read as a phone
number, and findings never overlap. Every pattern starts on something rare (an "@",
two letters and two digits, the first digit of a run) and is validated by a checksum
or phonenumbers' metadata, so a long text costs a few linear passes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import phonenumbers
from stdnum import iban, luhn, numdb
from stdnum.be import nn
from stdnum.exceptions import ValidationError

MASK = "\u2022"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "iban" | "card" | "national_number" | "phone" | "email"
    start: int  # offsets in the original text
    end: int


# The look-behind makes only the start of a run eligible, so a long word without "@"
# is scanned once rather than once per character.
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def _emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        yield match.span()


_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}")
_IBAN_DB = numdb.get("iban")


@cache
def _iban_length(country: str) -> int:
    """Characters in the country's IBAN, from stdnum's registry ("3!n7!n2!n" is 12 + 4)."""
    bban = _IBAN_DB.info(country)[0][1].get("bban", "")
    return 4 + sum(int(n) for n in re.findall(r"([0-9]+)!", bban)) if bban else 0


@cache
def _iban_body(length: int) -> re.Pattern[str]:
    # Exactly `length` characters, single spaces allowed between them: what follows
    # the IBAN (more words, a reference number) is left out.
    return re.compile(rf"(?:[A-Za-z0-9] ?){{{length - 1}}}[A-Za-z0-9]")


def _is_iban(candidate: str) -> bool:
    # Without the country check: stdnum's bank-code registry rejects valid Belgian IBANs.
    try:
        iban.validate(candidate, check_country=False)
    except ValidationError:
        return False
    return True


def _ibans(text: str) -> Iterator[Span]:
    end = 0
    for start in _IBAN_START.finditer(text):
        length = _iban_length(start.group()[:2].upper())
        if start.start() < end or not length:
            continue
        body = _iban_body(length).match(text, start.start())
        if body and _is_iban(body.group()):
            end = body.end()
            yield body.span()


_NATIONAL_NUMBER = re.compile(
    r"(?<![0-9])(?:[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[0-9]{3}\.[0-9]{2}"
    r"|[0-9]{6}([- ])[0-9]{3}\1[0-9]{2}|[0-9]{11})(?![0-9])"
)


def _national_numbers(text: str) -> Iterator[Span]:
    for match in _NATIONAL_NUMBER.finditer(text):
        if nn.is_valid(match.group()):
            yield match.span()


_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[ -][0-9]+)*")
_DIGIT_GROUP = re.compile(r"[0-9]+")


def _has_issuer(digits: str) -> bool:
    """A prefix some card scheme issues: Visa, Mastercard, Amex, Maestro and
    Bancontact, Discover, Diners, JCB, UnionPay."""
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    return (digits[0] == "4" or 50 <= two <= 69 or two in (34, 36, 37, 38, 39)
            or 2221 <= four <= 2720 or 300 <= three <= 305 or 3528 <= four <= 3589)


def _is_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and _has_issuer(digits) and luhn.is_valid(digits)


def _card_in(groups: list[re.Match[str]]) -> Iterator[Span]:
    """Cards made of whole groups of a spaced or dashed digit run, longest first, so
    "4111 1111 1111 1111 12 25" still yields the card but a 20-digit number none.
    Grouped cards are printed in groups of four (Amex 4-6-5): requiring 3 to 6 digits a
    group keeps chains of phone numbers ("0470 12 34 56") from reading as a card."""
    printed = [3 <= len(group.group()) <= 6 for group in groups]
    i = 0
    while i < len(groups):
        digits, last = "", None
        for j in range(i, len(groups)):
            digits += groups[j].group()
            if len(digits) > 19 or (j > i and not (printed[i] and printed[j])):
                break
            if _is_card(digits):
                last = j
        if last is None:
            i += 1
            continue
        yield groups[i].start(), groups[last].end()
        i = last + 1


def _cards(text: str) -> Iterator[Span]:
    for run in _DIGIT_RUN.finditer(text):
        if sum(c.isdigit() for c in run.group()) >= 13:
            yield from _card_in(list(_DIGIT_GROUP.finditer(text, run.start(), run.end())))


# Local numbers are read as Belgian, Dutch or French and must be VALID by phonenumbers'
# metadata. A number written "+32 ..." names its own country and is taken when its
# length is possible there: the "+" is evidence enough, and the metadata lags numbering
# plans (it calls +32 2 123 45 67 invalid).
_PHONE_REGIONS = ("BE", "NL", "FR")
_LOCAL = phonenumbers.Leniency.VALID
_INTERNATIONAL = phonenumbers.Leniency.POSSIBLE

# Digits with short runs of separators between them: a superset of what the matcher
# reads as one number. Only clusters long enough to be a phone number reach the matcher,
# which costs a parse per candidate and per region, so dates, amounts and references
# stay cheap.
_PHONE_CLUSTER = re.compile(r"[+\uff0b]?\d+(?:[^\w\n]{1,4}\d+)*")
_MIN_LOCAL_DIGITS = 9  # 02 123 45 67, the shortest Belgian number
_MIN_INTERNATIONAL_DIGITS = 7
_CONTEXT = 2  # the matcher rejects a number glued to a letter: let it see its neighbours


def _phones(text: str) -> Iterator[Span]:
    spans: list[Span] = []
    for cluster in _PHONE_CLUSTER.finditer(text):
        international = any(c in "+\uff0b" for c in cluster.group())
        digits = sum(c.isdigit() for c in cluster.group())
        if digits >= (_MIN_INTERNATIONAL_DIGITS if international else _MIN_LOCAL_DIGITS):
            spans += _phones_near(text, cluster.start(), cluster.end(), international)
    yield from _merged(sorted(spans))


def _phones_near(text: str, start: int, end: int, international: bool) -> list[Span]:
    offset = max(start - _CONTEXT, 0)
    window = text[offset:end + _CONTEXT]
    readings: list[tuple[str | None, int]] = [(region, _LOCAL) for region in _PHONE_REGIONS]
    if international:
        readings.append((None, _INTERNATIONAL))
    return [(offset + match.start, offset + match.end)
            for region, leniency in readings
            for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=leniency)]


def _merged(spans: list[Span]) -> Iterator[Span]:
    """The same number read in two regions may give two overlapping spans: one union."""
    current: Span | None = None
    for start, end in spans:
        if current and start < current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


# Order matters: an e-mail may hold digits, an IBAN a card-like run, a card a phone-like
# one; each detector only sees what the earlier ones left.
_DETECTORS: tuple[tuple[str, Callable[[str], Iterable[Span]]], ...] = (
    ("email", _emails),
    ("iban", _ibans),
    ("national_number", _national_numbers),
    ("card", _cards),
    ("phone", _phones),
)


# Six digits, perhaps spaced or dotted: without that, no IBAN, card, national or phone number fits.
_SOME_NUMBER = re.compile(r"\d(?:[\s./-]?\d){5}")


def find(text: str) -> list[Finding]:
    """Personal data in the text, sorted by start, never overlapping."""
    findings: list[Finding] = []
    view = text
    # Most messages hold no number at all: only the e-mail detector has anything to look at.
    detectors = _DETECTORS if _SOME_NUMBER.search(text) else _DETECTORS[:1]
    for kind, detect in detectors:
        new = [Finding(kind, start, end) for start, end in detect(view)
               if _is_free(start, end, findings)]
        if new:
            findings = sorted(findings + new, key=lambda f: f.start)
            view = _blanked(view, new)
    return findings


def _is_free(start: int, end: int, taken: list[Finding]) -> bool:
    """Blanking keeps detectors off earlier findings, but a phone match may still
    stretch across a blank; this makes "never overlapping" a guarantee."""
    i = bisect_right(taken, start, key=lambda f: f.start)
    before_ok = i == 0 or taken[i - 1].end <= start
    after_ok = i == len(taken) or taken[i].start >= end
    return before_ok and after_ok


def _blanked(text: str, findings: list[Finding]) -> str:
    # Spaces: neutral to every later pattern, and offsets stay those of the original.
    return _replaced(text, findings, lambda f, segment: " " * len(segment))


# Letters and digits each kind keeps visible: (from the start, from the end).
_KEEP = {"iban": (2, 4), "card": (0, 4), "phone": (0, 2), "national_number": (0, 0)}


def mask(text: str, findings: Iterable[Finding]) -> str:
    """The text with each finding's letters and digits replaced by "•", separators kept,
    so a reader still sees what was there (BE68 5390 0754 7034 -> BE•• •••• •••• 7034)."""
    return _replaced(text, sorted(findings, key=lambda f: f.start), _masked)


def _masked(finding: Finding, segment: str) -> str:
    if finding.kind == "email":
        # Dots and dashes of the local part go too: "j.p." would say too much.
        at = segment.index("@")
        return segment[0] + MASK * (at - 1) + segment[at:]
    return _obscured(segment, *_KEEP[finding.kind])


def _obscured(segment: str, head: int, tail: int) -> str:
    positions = [i for i, c in enumerate(segment) if c.isalnum()]
    hidden = set(positions[head:len(positions) - tail])
    return "".join(MASK if i in hidden else c for i, c in enumerate(segment))


def _replaced(text: str, findings: Iterable[Finding],
              replace: Callable[[Finding, str], str]) -> str:
    parts: list[str] = []
    position = 0
    for finding in findings:
        parts += [text[position:finding.start], replace(finding, text[finding.start:finding.end])]
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
