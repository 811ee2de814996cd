"""Listening topics: the keyword queries a care team writes, and matching mentions to them fast.

A topic says which mentions the brand wants in its care queue, for example
`(hearthbank OR @hearthbank) AND (bancontact OR "carte bloquée") -vacature`, plus the brand's own
accounts. Every incoming mention is matched against every topic of the installation, so the
language stays small and the matcher indexes the topics instead of running every query.

The language, as the topic form explains it:
- A word matches that whole word, whatever its case and accents: `bloquee` finds "BLOQUÉE".
  `#hearthbank` finds only the hashtag, `@hearthbank` only the mention; `hearthbank` finds all three.
- "Words in quotes" match those words next to each other, in that order (punctuation between
  them does not matter). A word with punctuation inside, such as `e-banking` or `l'appli`,
  is such a phrase too.
- `bank*` finds every word that starts with bank; at least 3 letters go before the `*`.
- Words side by side must all occur: `card blocked` is `card AND blocked`. AND, OR and NOT are
  operators only in capitals (lower-case and, or, not are words); NOT binds tighter than AND,
  AND tighter than OR; parentheses group; `-word` is short for NOT word.
- A query must look for something: NOT alone, or an OR with a side that is only NOT, would
  bring in nearly every mention.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hearth.errors import Invalid
from hearth.text import folding

MAX_CHARACTERS = 2_000
MAX_TERMS = 200
MAX_DEPTH = 20
MIN_PREFIX = 3
SIGNS = "#@"
OPERATORS = {"AND": "and", "OR": "or", "NOT": "not"}

# A hashtag or mention keeps its sign only at the start of a word ("jan@bank.be" is three words).
TOKEN = re.compile(r"(?<!\w)[#@]\w+|\w+")
LEXEME = re.compile(r"(?P<space>\s+)|(?P<paren>[()])|(?P<quote>[\"“”„])(?P<phrase>[^\"“”„]*)(?P<closed>[\"“”„])?"
                    r"|(?P<minus>-(?=[^\s)]))|(?P<word>[^\s()\"“”„]+)")
PREFIX_KEY = 3  # the index files prefixes under their first characters: a stem has at least 3


class QueryError(Invalid):
    """A topic's query that cannot be used, with the place (1-based character) it goes wrong."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, field="query", **params)


# --- folding and tokens ----------------------------------------------------------------------

def fold(text: str) -> str:
    """Lowercase without accents (hearth.text.folding), after joining separately typed accents.

    NFC first, so an accent typed as a separate combining mark folds with its letter."""
    return folding.fold(text if text.isascii() else unicodedata.normalize("NFC", text))


def _handle(name: str) -> str:
    return fold(name.strip().lstrip("@"))


def _unsigned(token: str) -> str:
    return token[1:] if token[0] in SIGNS else token


# --- what a query is made of -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Document:
    """A mention tokenised once, in the shapes the matcher looks things up in."""

    words: tuple[str, ...]       # folded, without # and @, in order
    tokens: tuple[str, ...]      # the same words as written, with their # or @
    vocabulary: frozenset[str]   # every word and every hashtag and mention
    ordered: tuple[str, ...]     # the vocabulary sorted, for prefixes
    joined: str                  # " w1 w2 … ": a phrase is a substring of it
    profiles: frozenset[str]     # author, mentioned and replied-to handles, folded, without @

    @classmethod
    def of(cls, text: str, *, author: str | None = None, mentions: Iterable[str] = (),
           reply_to: str | None = None) -> Document:
        """`mentions` are the platform's own; @handles written in the text count as mentions too."""
        tokens = TOKEN.findall(fold(text))
        words = [_unsigned(t) for t in tokens]
        vocabulary = frozenset(words).union(tokens)
        profiles = {t[1:] for t in tokens if t[0] == "@"}
        profiles.update(_handle(h) for h in (author, reply_to, *mentions) if h)
        profiles.discard("")
        return cls(tuple(words), tuple(tokens), vocabulary, tuple(sorted(vocabulary)),
                   f" {' '.join(words)} ", frozenset(profiles))

    def has_prefix(self, stem: str) -> bool:
        at = bisect_left(self.ordered, stem)
        return at < len(self.ordered) and self.ordered[at].startswith(stem)


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # folded; a leading # or @ asks for the hashtag or mention only

    def matches(self, doc: Document) -> bool:
        return self.text in doc.vocabulary

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Phrase:
    parts: tuple[str, ...]
    needle: str = field(init=False, compare=False, repr=False)
    signed: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needle", f" {' '.join(map(_unsigned, self.parts))} ")
        object.__setattr__(self, "signed", any(p[0] in SIGNS for p in self.parts))

    def matches(self, doc: Document) -> bool:
        if self.needle not in doc.joined:
            return False
        return not self.signed or any(self._at(doc, i) for i in range(len(doc.words) - len(self.parts) + 1))

    def _at(self, doc: Document, start: int) -> bool:
        """Only a phrase with a #tag or @mention in it needs the words' signs compared one by one."""
        return all(doc.tokens[start + k] == part if part[0] in SIGNS else doc.words[start + k] == part
                   for k, part in enumerate(self.parts))

    def __str__(self) -> str:
        return f'"{" ".join(self.parts)}"'


@dataclass(frozen=True, slots=True)
class Prefix:
    stem: str

    def matches(self, doc: Document) -> bool:
        return doc.has_prefix(self.stem)

    def __str__(self) -> str:
        return f"{self.stem}*"


@dataclass(frozen=True, slots=True)
class Not:
    child: Node

    def matches(self, doc: Document) -> bool:
        return not self.child.matches(doc)

    def __str__(self) -> str:
        return f"NOT ({self.child})" if isinstance(self.child, And | Or) else f"NOT {self.child}"


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]

    def matches(self, doc: Document) -> bool:
        for child in self.children:
            if not child.matches(doc):
                return False
        return True

    def __str__(self) -> str:
        return " AND ".join(f"({c})" if isinstance(c, Or) else str(c) for c in self.children)


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]
    position: int = field(default=0, compare=False, repr=False)  # the OR next to a side without words

    def matches(self, doc: Document) -> bool:
        for child in self.children:
            if child.matches(doc):
                return True
        return False

    def __str__(self) -> str:
        return " OR ".join(map(str, self.children))


Node = Word | Phrase | Prefix | Not | And | Or
Term = Word | Phrase | Prefix


@dataclass(frozen=True, slots=True)
class Query:
    root: Node

    def matches(self, doc: Document) -> bool:
        return self.root.matches(doc)

    @property
    def terms(self) -> tuple[str, ...]:
        """The words, phrases and prefixes the query looks for (not those it excludes), for display."""
        return tuple(dict.fromkeys(str(t) for t in _positive_terms(self.root)))

    def __str__(self) -> str:
        return str(self.root)


def _positive_terms(node: Node) -> Iterable[Term]:
    if isinstance(node, And | Or):
        for child in node.children:
            yield from _positive_terms(child)
    elif not isinstance(node, Not):
        yield node


# --- a query must look for something ---------------------------------------------------------

def _unanchored(node: Node) -> Not | Or | None:
    """The part that lets a query match without any of its words, to name it in the error."""
    if isinstance(node, Not):
        return node
    if isinstance(node, Or):
        return node if any(_unanchored(c) is not None for c in node.children) else None
    if isinstance(node, And):
        culprits = [_unanchored(c) for c in node.children]
        return None if None in culprits else culprits[0]
    return None


# --- parsing ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Lexeme:
    kind: str      # term, and, or, not, (, )
    text: str      # as written
    position: int  # 1-based character
    term: Term | None = None


def parse(text: str) -> Query:
    """The query a topic form holds, or QueryError saying what is wrong and where."""
    if len(text) > MAX_CHARACTERS:
        raise QueryError("A query can be at most %(limit)s characters long; this one has %(length)s",
                         limit=MAX_CHARACTERS, length=len(text), position=MAX_CHARACTERS + 1)
    if not text.strip():
        raise QueryError("The query is empty")
    root = _Parser(_lex(text)).parse()
    culprit = _unanchored(root)
    if isinstance(culprit, Or):
        raise QueryError("Each side of OR at character %(position)s needs a word to look for outside NOT",
                         position=culprit.position)
    if culprit is not None:
        raise QueryError("A query needs at least one word to look for outside NOT")
    return Query(root)


def _lex(text: str) -> list[Lexeme]:
    lexemes: list[Lexeme] = []
    terms = 0
    for match in LEXEME.finditer(text):
        position, word = match.start() + 1, match["word"]
        if match["space"]:
            continue
        if match["paren"]:
            lexemes.append(Lexeme(match["paren"], match["paren"], position))
        elif match["minus"]:
            lexemes.append(Lexeme("not", "-", position))
        elif word in OPERATORS:
            lexemes.append(Lexeme(OPERATORS[word], word, position))
        else:
            terms += 1
            if terms > MAX_TERMS:
                raise QueryError("A query can have at most %(limit)s words and phrases; the one at character "
                                 "%(position)s is one too many", limit=MAX_TERMS, position=position)
            term = _word(word, position) if word else _quoted(match, position)
            lexemes.append(Lexeme("term", match[0], position, term))
    return lexemes


def _word(word: str, position: int) -> Term:
    return _prefix(word, position) if "*" in word else _words(word, position)


def _words(text: str, position: int) -> Word | Phrase:
    """Text as a document would tokenise it: one word, or a phrase (`e-banking`, quotes)."""
    tokens = TOKEN.findall(fold(text))
    if not tokens:
        raise QueryError("There is nothing to look for in “%(word)s” at character %(position)s",
                         word=text, position=position)
    return Word(tokens[0]) if len(tokens) == 1 else Phrase(tuple(tokens))


def _prefix(word: str, position: int) -> Prefix:
    star, stem = word.index("*"), fold(word[:-1])
    if star != len(word) - 1 or not re.fullmatch(r"[#@]?\w+", stem):
        raise QueryError("A wildcard (*) can only end a word, as in bank*, at character %(position)s",
                         position=position + star)
    if len(_unsigned(stem)) < MIN_PREFIX:
        raise QueryError("A wildcard needs at least %(minimum)s letters before it, at character %(position)s",
                         minimum=MIN_PREFIX, position=position)
    return Prefix(stem)


def _quoted(match: re.Match[str], position: int) -> Term:
    content = match["phrase"]
    if match["closed"] is None:
        raise QueryError("Unclosed quote at character %(position)s", position=position)
    if not content.strip():
        raise QueryError("Empty quotes at character %(position)s", position=position)
    if "*" in content:
        raise QueryError("A wildcard (*) cannot be used inside quotes, at character %(position)s",
                         position=position + 1 + content.index("*"))
    return _words(content, position)


def _flat(kind: type[And | Or], nodes: list[Node]) -> tuple[Node, ...]:
    """`(a OR b) OR c` is `a OR b OR c`, so equal queries compare and print the same."""
    return tuple(n for node in nodes for n in (node.children if isinstance(node, kind) else (node,)))


class _Parser:
    """Recursive descent: alternatives (OR) of conjunctions (AND, or side by side) of negations."""

    def __init__(self, lexemes: list[Lexeme]) -> None:
        self.lexemes = lexemes
        self.at = 0
        self.depth = 0

    def kind(self) -> str | None:
        return self.lexemes[self.at].kind if self.at < len(self.lexemes) else None

    def parse(self) -> Node:
        node = self.alternatives()
        if self.kind() == ")":  # alternatives stop only at the end or at a ")"
            raise QueryError("Closing parenthesis without an opening one at character %(position)s",
                             position=self.lexemes[self.at].position)
        return node

    def alternatives(self) -> Node:
        sides, ors = [self.conjunction()], []
        while self.kind() == "or":
            ors.append(self.lexemes[self.at].position)
            self.at += 1
            sides.append(self.conjunction())
        if len(sides) == 1:
            return sides[0]
        loose = next((i for i, side in enumerate(sides) if _unanchored(side) is not None), 0)
        return Or(_flat(Or, sides), ors[max(loose - 1, 0)])

    def conjunction(self) -> Node:
        parts = [self.negation()]
        while (kind := self.kind()) in ("and", "not", "term", "("):
            if kind == "and":
                self.at += 1
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else And(_flat(And, parts))

    def negation(self) -> Node:
        """NOT NOT x is x: counted rather than nested, so a long chain cannot exhaust the stack."""
        nots = 0
        while self.kind() == "not":
            nots += 1
            self.at += 1
        node = self.primary()
        return Not(node) if nots % 2 else node

    def primary(self) -> Node:
        lexeme = self.lexemes[self.at] if self.at < len(self.lexemes) else None
        if lexeme is None or lexeme.kind in (")", "and", "or"):
            raise self.nothing_before(lexeme)
        self.at += 1
        if lexeme.term is not None:
            return lexeme.term
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError("Parentheses can be nested at most %(limit)s deep, at character %(position)s",
                             limit=MAX_DEPTH, position=lexeme.position)
        node = self.alternatives()
        if self.kind() != ")":
            raise QueryError("Unclosed parenthesis at character %(position)s", position=lexeme.position)
        self.at += 1
        self.depth -= 1
        return node

    def nothing_before(self, lexeme: Lexeme | None) -> QueryError:
        """The error for a term that is missing where `lexeme` (None: the end) stands."""
        previous = self.lexemes[self.at - 1] if self.at else None
        if previous is not None and previous.kind in ("and", "or", "not"):
            return QueryError("“%(operator)s” at character %(position)s has nothing on its right",
                              operator=previous.text, position=previous.position)
        if lexeme is None:  # the end, right after an opening parenthesis
            assert previous is not None
            return QueryError("Unclosed parenthesis at character %(position)s", position=previous.position)
        if lexeme.kind == ")":
            if previous is None:
                return QueryError("Closing parenthesis without an opening one at character %(position)s",
                                  position=lexeme.position)
            return QueryError("Empty parentheses at character %(position)s", position=previous.position)
        return QueryError("“%(operator)s” at character %(position)s has nothing on its left",
                          operator=lexeme.text, position=lexeme.position)


# --- the index --------------------------------------------------------------------------------

def anchors(node: Node, weight: Callable[[str], float]) -> frozenset[str] | None:
    """Words (and prefixes, written stem*) at least one of which every matching document contains.

    None when the node can match without any word, which only NOT allows. The index files a
    topic under these, so of an AND's sides it takes the one whose words weigh least (fewer,
    rarer), and of a phrase its rarest word."""
    if isinstance(node, Word):
        return frozenset({node.text})
    if isinstance(node, Phrase):
        return frozenset({min(node.parts, key=lambda p: (weight(p), -len(p), p))})
    if isinstance(node, Prefix):
        return frozenset({f"{node.stem}*"})
    if isinstance(node, Not):
        return None
    sides = [anchors(c, weight) for c in node.children]
    if isinstance(node, Or):
        known = [s for s in sides if s is not None]
        return None if len(known) < len(sides) else frozenset().union(*known)
    return min((s for s in sides if s is not None), key=lambda s: (sum(map(weight, s)), -sum(map(len, s))),
               default=None)


def _keys(term: Term) -> Iterable[str]:
    """What `anchors` may file a term under."""
    if isinstance(term, Word):
        return (term.text,)
    return term.parts if isinstance(term, Phrase) else (f"{term.stem}*",)


class TopicIndex:
    """All topics of an installation, looked up by the words a mention contains.

    Each query is filed under its anchors (see `anchors`): words in a dict word → topic ids,
    prefixes in a dict of their first three letters → stem → topic ids. A mention's words
    pick the candidate topics and only those queries run; monitored profiles are a dict
    handle → topic ids and match without a query.

    How rare a word is comes from the topics themselves: a word many topics use ("app",
    "kaart") is filed under only when a topic has nothing better, as each mention containing
    it would run all those queries. A prefix weighs three words, as it stands for many."""

    def __init__(self, topics: Iterable[tuple[int, Query | None, frozenset[str]]]) -> None:
        self._queries: dict[int, Query] = {}
        self._words: dict[str, list[int]] = {}
        self._prefixes: dict[str, dict[str, list[int]]] = {}
        self._profiles: dict[str, list[int]] = {}
        for topic_id, query, profiles in topics:
            for handle in {_handle(p) for p in profiles}:
                self._profiles.setdefault(handle, []).append(topic_id)
            if query is not None:
                self._queries[topic_id] = query
        self._used = Counter(key for query in self._queries.values()
                             for key in {k for term in _positive_terms(query.root) for k in _keys(term)})
        for topic_id, query in self._queries.items():
            found = anchors(query.root, self._weight)
            assert found is not None, "parse refuses queries without anchors"
            for anchor in found:
                self._file(anchor, topic_id)

    def _weight(self, key: str) -> float:
        return (1 + self._used[key]) * (3 if key.endswith("*") else 1)

    def _file(self, anchor: str, topic_id: int) -> None:
        if anchor.endswith("*"):
            stem = anchor[:-1]
            self._prefixes.setdefault(stem[:PREFIX_KEY], {}).setdefault(stem, []).append(topic_id)
        else:
            self._words.setdefault(anchor, []).append(topic_id)

    def match(self, doc: Document) -> list[int]:
        """The ids, sorted, of the topics whose query matches or whose profiles the mention involves."""
        found = {topic_id for topic_id in self._candidates(doc) if self._queries[topic_id].matches(doc)}
        for handle in doc.profiles:
            found.update(self._profiles.get(handle, ()))
        return sorted(found)

    def _candidates(self, doc: Document) -> set[int]:
        candidates: set[int] = set()
        for token in doc.vocabulary:
            if (ids := self._words.get(token)) is not None:
                candidates.update(ids)
            if (stems := self._prefixes.get(token[:PREFIX_KEY])) is not None:
                for stem, ids in stems.items():
                    if token.startswith(stem):
                        candidates.update(ids)
        return candidates
