"""Profanity and insults in English, Dutch, French and German, offline.

Profanity is what glin-profanity's word lists find. The lists were written for chat
moderation and hold many ordinary words ("balen", "beurt", "gat", "baiser", "veuve",
"nicht"): a bank's or a telco's customers use them when they complain, and legitimate
criticism must never be hidden as profanity, so those words are ignored. glin's
multi-word phrases are ignored too, but for a few sexual ones: most are ordinary
expressions ("tied up", "de hond uitlaten", "gras maaien") or hold a listed word that
is reported on its own ("piece of shit", "fils de pute"), and glin tries them as one
regex alternation at every character.

Insults, abuse aimed at a person, come from a lexicon of our own: glin has no such
notion, and moderation acts on insults first. They are matched case- and
accent-insensitively, with their plural and inflected forms, Dutch curse compounds
(kankerbank), letters spelled out ("k-l-o-o-t-z-a-k") and masked or leet spellings
("f*ck you", "f4ck you", "1d10t"). Criticism ("scam", "oplichters", "arnaque",
"waardeloos", "nul") is neither.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from glin_profanity import Filter
from glin_profanity.data.dictionary import dictionary
from glin_profanity.types.types import Language
from glin_profanity.utils.unicode import HOMOGLYPHS

_LANGUAGES: list[Language] = ["english", "dutch", "french", "german"]

Span = tuple[int, int]

# Listed by glin, ordinary in a customer's message (meanings in brackets).
_ORDINARY = """
    bastardized domination escort lolita santorum sexy snatch suck sucks xx xxx
    aftrekken [deduct] anita johny [names] asbak aso balen bekken beurt [turn]
    boemelen brugpieper buffelen del flikken [pull off] gat gedoogzone gesodemieter
    [hassle] griet hol huisdealer kanen klooien [mess about] knor matje muts naaien
    [sew] nicht [niece, German "not"] paal palen penoze pijpen [pipes] poot pot
    potverdorie raaskallen remsporen reutelen rukken schatje slempen spuiten standje
    [setting] stootje toeter tongzoen vergallen welzijnsmafia wippen zaadje zuigen
    bedonderen belazeren besodemieteren [to cheat: criticism]
    baiser [kiss] bite [English] bitte [German "please"] bosser [work] bourré bourrée
    [stuffed: "bourrée de bugs"] cailler con [English, "à la con"] déconne déconner
    [the app "déconne"] drague emmerdant emmerder [annoying] folle gerbe gueule jouir
    [enjoy a right] meuf pédale [pedal] péter [also the name Peter] pipi ramoner tanche
    tapette teuf veuve [widow]
    bonze fratze ische kimme mufti rosette
"""

# Profane or insulting in one language, ordinary in another: dropped when the text is in
# the language where the word is ordinary ("hoe" is Dutch for how, "retard" French for delay).
_ORDINARY_IN = {
    "nl": frozenset({"hoe", "poppen", "cum"}),
    "fr": frozenset({"retard", "retards", "anal"}),
    "de": frozenset({"bitte"}),
}

# glin's phrases that name something sexual with no listed word in them.
_PROFANE_PHRASES = (
    "blow job", "hand job", "gang bang", "jerk off", "jack off", "date rape",
    "golden shower", "god damn", "slik mijn zaad", "nique ta mère", "nique ta race",
    "brouter le cresson",
)


def _fold(text: str) -> str:
    """Lowercase without accents: "Arschlöcher" and "arschlocher" are one word."""
    if text.isascii():
        return text.lower()  # most messages: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _ignored() -> list[str]:
    ordinary = re.sub(r"\[[^\]]*\]", " ", _ORDINARY).split()
    phrases = [word for language in _LANGUAGES for word in dictionary.get_words(language)
               if " " in word]
    kept = {_fold(phrase) for phrase in _PROFANE_PHRASES}
    words = ordinary + [phrase for phrase in phrases if _fold(phrase) not in kept]
    # glin also matches an accent-free alias of each accented entry: ignore both.
    return sorted({form for word in words for form in (word.lower(), _fold(word))})


@lru_cache(maxsize=1)
def _filter() -> Filter:
    # With word boundaries on, "context aware" changes no detection: it makes glin
    # report every hit with its place, where it would report a word once, from
    # whichever of its views saw it first.
    return Filter({"languages": _LANGUAGES, "word_boundaries": True,
                   "enable_context_aware": True, "ignore_words": _ignored()})


def _profanity(text: str) -> tuple[str, ...]:
    """Profane words in order of appearance, each once."""
    words = [word for start, end in _suspect_windows(text)
             for word in _glin_words(text[start:end])]
    return tuple(dict.fromkeys(words))


def _glin_words(text: str) -> list[str]:
    matches = _filter().check_profanity(text).get("matches") or []
    by_start: dict[int, str] = {}
    for match in matches:
        start, word = match.get("index", 0), match["word"].lower()
        if start and _is_latin_letter(text[start - 1]):
            continue  # glin's ASCII word boundary cut a word: "conne" in "déconne"
        # One word per place: "f*ck" is also read as "fuck", "pédale" as "pedale";
        # the spelled-out reading is the one worth showing.
        if start not in by_start or (_is_spelled(word) and not _is_spelled(by_start[start])):
            by_start[start] = word
    return [by_start[start] for start in sorted(by_start)]


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and _fold(char).isascii()


def _is_spelled(word: str) -> bool:
    return word.replace(" ", "").replace("-", "").isalpha()


# glin walks every character in Python several times (Unicode, leet, separator and
# mask views), about 3 µs a character. So it is shown only the parts of a text that
# could hold something it finds: around each word whose folded, de-stretched form is
# one of glin's, and each spot glin reads specially. Plain prose of clean words, most
# of any text, then costs one tokenisation.
#
# Characters either side of a suspect spot that glin sees too: a phrase ("blow job"), a
# word spelled out ("a s s"), the context of glin's safe words ("magna cum laude",
# "Moby Dick"). Windows end at a space when there is one near, so no word is cut.
_CONTEXT = 60
_SNAP = 40  # how far to look for that space
_SPACE = re.compile(r"\s")


def _plain_letters() -> str:
    """Accented Latin letters glin folds to ASCII as we do (é, ü, ç, ß; not ø or ł,
    which its homoglyph table maps)."""
    return "".join(c for c in map(chr, range(0xC0, 0x250))
                   if c.isalpha() and c not in HOMOGLYPHS
                   and _fold(c).isascii() and _fold(c).isalpha())


# Punctuation glin leaves alone, or reads specially only against a letter (below).
_PLAIN_PUNCTUATION = ".,;:'\"()?!%/+\\-\u20ac\u2018\u2019\u201c\u201d«»\u2013\u2014\u2026"
_SPECIAL = re.compile(
    # Anything but plain prose: symbols (a$$, s&m, html), other scripts and homoglyphs,
    # emoji, zero-width and full-width characters.
    rf"[^\sA-Za-z0-9{_plain_letters()}{_PLAIN_PUNCTUATION}]"
    # Digits, masks, _ or | against a letter: f4ck, sh!t, a_s_s, %ss.
    r"|[^\W\d_](?:[?!%]+\w|[|_0-9%])|[0-9_%][^\W\d_]"
    r"|(?<!\w)[^\W\d_]\s+[^\W\d_]\s+[^\W\d_](?!\w)"  # letters spelled out: a s s
)
# A word, or word pieces glin joins across separators (f.u.c.k, k-l-o-o-t-z-a-k, and
# example.com), whose runs of pieces are looked up joined.
_WORD = re.compile(r"[^\W_]+(?:[.,/\-][^\W_]+)*")
_SEPARATOR = re.compile(r"[.,/\-]")
_MAX_JOINED = 16
_MAX_PARTS = 64
_ASCII_LETTERS = re.compile(r"[a-z]+")
_REPEATS = re.compile(r"(.)\1+")


def _suspect_windows(text: str) -> list[Span]:
    """Merged windows around the suspect spots, in order."""
    windows: list[Span] = []
    for start, end in sorted(_suspect_spots(text)):
        start, end = _word_start(text, start - _CONTEXT), _word_end(text, end + _CONTEXT)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _suspect_spots(text: str) -> Iterator[Span]:
    for match in _SPECIAL.finditer(text):
        yield match.span()
    for match in _WORD.finditer(text):
        if _is_suspect(match.group()):
            yield match.span()


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    low = max(position - _SNAP, 0)
    space = max(text.rfind(" ", low, position), text.rfind("\n", low, position))
    return space + 1 if space >= 0 else position


def _word_end(text: str, position: int) -> int:
    space = _SPACE.search(text, position, position + _SNAP)
    return space.start() if space else min(position, len(text))



@lru_cache(maxsize=65536)  # a text repeats its words: look each up once
def _is_suspect(word: str) -> bool:
    parts = _SEPARATOR.split(word)
    if len(parts) > _MAX_PARTS:
        return True  # no prose: let glin judge it rather than try every join
    readings = {*parts, *("".join(parts[i:j]) for i in range(len(parts))
                          for j in range(i + 2, min(i + _MAX_JOINED, len(parts)) + 1))}
    if not word.isascii():
        # glin's word boundaries are ASCII ones: it finds "fuck" in "これはfuckです".
        readings.update(_ASCII_LETTERS.findall(word.lower()))
    return not _keys().isdisjoint(_key(reading) for reading in readings)


def _key(word: str) -> str:
    """What glin's views may reduce a word to: folded, without separators ("g-spot"),
    each run of a letter as one."""
    return _REPEATS.sub(r"\1", _SEPARATOR.sub("", _fold(word)))


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    """Keys of glin's active words; of a phrase, its longest word is enough."""
    glin = _filter()
    return frozenset(_key(max(word.split(), key=len))
                     for word in glin.words - glin.ignore_words)


# Insults aimed at people. Each line: the word as reported, then its other forms.
_INSULT_WORDS = """
    idiot idiots idiote idiotes idioten
    moron morons
    imbecile imbeciles imbécile imbéciles imbeciel imbecielen
    cretin cretins crétin crétins crétine crétines
    asshole assholes arsehole arseholes
    bastard bastards
    retard retards retarded
    dickhead dickheads
    scumbag scumbags
    douchebag douchebags
    dumbass dumbasses
    jackass jackasses
    motherfucker motherfuckers
    cocksucker cocksuckers
    shithead shitheads
    fuckface fuckfaces
    fucker fuckers
    fuckyou
    dipshit dipshits
    halfwit halfwits
    nitwit nitwits
    dimwit dimwits
    twat twats
    cunt cunts
    wanker wankers
    tosser tossers
    bitch bitches
    slut sluts
    whore whores
    faggot faggots
    nigger niggers nigga niggas
    spastic spastics spaz
    stfu
    klootzak klootzakken
    eikel eikels
    lul lullen
    sukkel sukkels
    idioot
    debiel debielen randdebiel randdebielen
    mongool mongolen
    hoerenjong hoerenjongen hoerenjongens
    rotzak rotzakken
    hufter hufters
    schoft schoften
    klojo klojos
    oen oenen
    dombo dombos
    mafkees mafkezen
    zakkenwasser zakkenwassers
    lamzak lamzakken
    etterbak etterbakken
    smeerlap smeerlappen
    hoer hoeren
    slet sletten
    teef
    trut trutten
    kutwijf kutwijven
    nikker nikkers
    connard connards
    connasse connasses
    abruti abrutis abrutie abruties
    enculé enculés enculée enculées
    salaud salauds
    salope salopes
    enfoiré enfoirés enfoirée enfoirées
    pute putes
    pétasse pétasses
    pouffiasse pouffiasses
    couillon couillons couillonne couillonnes
    bâtard bâtards bâtarde bâtardes
    tocard tocards
    bouffon bouffons
    pédé pédés
    gogol gogols
    arschloch arschlöcher
    wichser wixer
    vollidiot vollidioten
    depp deppen
    trottel volltrottel
    penner
    hurensohn hurensöhne
    spast spasten spasti
    missgeburt missgeburten
    mistkerl mistkerle
    drecksau drecksäue
    schwachkopf schwachköpfe
    dummkopf dummköpfe
    blödmann blödmänner
    arschgeige arschgeigen
    vollpfosten
    schlampe schlampen
    fotze fotzen
    hure
    kanake kanaken
    schwuchtel schwuchteln
"""

_INSULT_PHRASES = (
    "fuck you", "fuck u", "fuck off", "screw you", "son of a bitch", "go to hell",
    "eat shit", "suck my dick", "kiss my ass", "shut the fuck up",
    "krijg de kanker", "krijg de tering", "krijg de tyfus", "krijg de klere",
    "krijg de pest", "krijg de pleuris", "kanker op", "tyfus op", "tering op", "rot op",
    "flikker op", "sodemieter op", "hou je bek", "hou je smoel", "val dood", "halve gare",
    "fils de pute", "fils de chien", "va te faire foutre", "va te faire enculer",
    "allez vous faire foutre", "ta gueule", "nique ta mère", "nique ta race", "va chier",
    "trou du cul", "sac à merde", "bande de cons", "espèce de con", "espèce de conne",
    "pauvre con", "pauvre conne", "gros con", "sale con", "sale conne", "petit con",
    "quel con", "quelle conne", "t'es con", "t'es conne",
    "fick dich", "fickt euch", "fick deine mutter", "leck mich", "halt die fresse",
    "halt's maul", "halt dein maul", "verpiss dich", "verpisst euch", "du opfer",
)

# Dutch curses are diseases, glued to whatever they curse: kankerbank, tyfusapp.
_CURSES = ("kanker", "tyfus", "tering", "klere", "pleuris")
# What a real compound about the disease continues with (kankeronderzoek,
# kankerpatiënt), and "kankerend" (grumbling).
_NOT_CURSED = (
    "onderzoek", "patient", "fonds", "bestrijding", "behandel", "cel", "verwekk",
    "risico", "diagnose", "zorg", "centrum", "afdeling", "vereniging", "screening",
    "soort", "gezwel", "preventie", "medicij", "specialist", "therapie", "genez",
    "overlev", "instituut", "register", "end",
)

# Spellings no letter-for-letter reading recovers.
_SPELLINGS = {"f4ck": "fuck", "fvck": "fuck", "fck": "fuck", "fuk": "fuck", "fuq": "fuck",
              "fcuk": "fuck", "phuck": "fuck"}
# Leet digits and signs stand for these letters; a mask sign for any letter.
_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
         "@": "a", "$": "s", "!": "i"}
_MASKS = "*#"

# Four or more single letters joined by one separator: "k-l-o-o-t-z-a-k", "f u c k".
_SPELLED_OUT = re.compile(r"(?<!\w)\w([-._* ])\w(?:\1\w){2,}(?!\w)")
# Words, with signs only inside them ("f*ck", "sh!t"), so "idiots!" stays "idiots".
_TOKEN = re.compile(r"\w+(?:[*@$!#]+\w+)*")
_SIGNS = re.compile(r"[*@$!#]+")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, str]  # folded form -> word as reported
    phrases: dict[str, str]  # folded phrase -> phrase as reported
    # The phrases by their first word, in lexicon order: a text only tries those it could hold.
    phrases_by_first: dict[str, tuple[tuple[str, str], ...]]
    # What an obfuscated token may stand for, by length, place and letter of a letter.
    vocabulary: dict[tuple[int, int, str], tuple[str, ...]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words = {_fold(form): line.split()[0]
             for line in _INSULT_WORDS.strip().splitlines() for form in line.split()}
    phrases = {" ".join(_TOKEN.findall(_fold(phrase))): phrase for phrase in _INSULT_PHRASES}
    # In lexicon order, so an ambiguous "f*ck" reads as English "fuck" before German "fick".
    known = dict.fromkeys([*words, *(word for phrase in phrases for word in phrase.split())])
    vocabulary: dict[tuple[int, int, str], tuple[str, ...]] = {}
    for word in known:
        for place, letter in enumerate(word):
            key = (len(word), place, letter)
            vocabulary[key] = (*vocabulary.get(key, ()), word)
    by_first: dict[str, tuple[tuple[str, str], ...]] = {}
    for folded, phrase in phrases.items():
        first = folded.split(" ", 1)[0]
        by_first[first] = (*by_first.get(first, ()), (folded, phrase))
    return _Lexicon(words, phrases, by_first, vocabulary)


def _words(folded: str) -> list[str]:
    joined = _SPELLED_OUT.sub(lambda m: m.group().replace(m.group(1), ""), folded)
    return [word for token in _TOKEN.findall(joined) for word in _deobfuscated(token)]


@lru_cache(maxsize=4096)
def _deobfuscated(token: str) -> tuple[str, ...]:
    """The lexicon word an obfuscated token stands for; else its words, as signs that
    hide no letter separate words ("idiots!!!Why")."""
    if token.isalpha():
        return (token,)
    if token in _SPELLINGS:
        return (_SPELLINGS[token],)
    letters = [(place, c) for place, c in enumerate(token) if c.isalpha()]
    if len(letters) < 2:
        return (token,)
    place, letter = letters[0]
    candidates = _lexicon().vocabulary.get((len(token), place, letter), ())
    word = next((word for word in candidates if _reads_as(token, word)), None)
    return (word,) if word else tuple(_SIGNS.split(token))


def _reads_as(token: str, word: str) -> bool:
    return all(t == w or (t in _MASKS and w.isalpha()) or w in _LEET.get(t, "")
               for t, w in zip(token, word, strict=True))


_CURSE_START = re.compile("|".join(_CURSES))


def _curse_compound(word: str) -> bool:
    if not _CURSE_START.match(word):  # most words: one C call instead of five comparisons
        return False
    return any(word.startswith(curse) and len(word) - len(curse) >= 3
               and not word[len(curse):].startswith(_NOT_CURSED)
               for curse in _CURSES)


def _insults(text: str) -> tuple[str, ...]:
    """Insults in order of appearance, each once; a phrase wins over the words in it."""
    lexicon = _lexicon()
    words = _words(_fold(text))
    # Words are joined by single spaces, so a phrase is a substring between spaces.
    padded = f" {' '.join(words)} "
    starts = [0]  # where the space before each word is in `padded`
    for word in words:
        starts.append(starts[-1] + len(word) + 1)
    found: dict[int, str] = {}  # word index -> insult
    covered: set[int] = set()
    candidates = [pair for word in dict.fromkeys(words) for pair in lexicon.phrases_by_first.get(word, ())]
    for key, phrase in candidates:
        at = padded.find(f" {key} ")
        while at >= 0:
            first = bisect_left(starts, at)
            found[first] = phrase
            covered.update(range(first, first + key.count(" ") + 1))
            at = padded.find(f" {key} ", at + 1)
    for index, word in enumerate(words):
        if index in covered:
            continue
        if word in lexicon.words:
            found[index] = lexicon.words[word]
        elif _curse_compound(word):
            found[index] = word
    return tuple(dict.fromkeys(found[index] for index in sorted(found)))


def check(text: str, language: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(profanity, insults) in the text, each lowercased, in order, without repeats.

    `language` (when known) drops words that are ordinary in it, such as Dutch "hoe"."""
    ordinary = _ORDINARY_IN.get(language or "", frozenset())
    profane = tuple(w for w in _profanity(text) if _fold(w) not in ordinary)
    return profane, insults(text, language)


def insults(text: str, language: str | None = None) -> tuple[str, ...]:
    """Only the insults: what social listening needs, without glin's slower profanity scan."""
    ordinary = _ORDINARY_IN.get(language or "", frozenset())
    return tuple(w for w in _insults(text) if _fold(w) not in ordinary)
