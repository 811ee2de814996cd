"""Listening topics' keyword queries: the language, its errors, and the index that must agree with it."""

from __future__ import annotations

import random

import pytest

from care.query import Document, Query, QueryError, TopicIndex, parse
from hearth.errors import Invalid


def finds(query: str, text: str, **doc: object) -> bool:
    return parse(query).matches(Document.of(text, **doc))  # type: ignore[arg-type]


# --- words, case and accents -----------------------------------------------------------------

@pytest.mark.parametrize(("query", "text"), [
    ("Bancontact", "bancontact werkt weer"),
    ("bloquée", "MA CARTE EST BLOQUEE"),
    ("bloquee", "Ma carte est BLOQUÉE"),
    ("BLOQUÉE", "ma carte est bloquée depuis hier"),
    ("geïnd", "Het bedrag is twee keer GEIND"),
    ("financiele", "Financiële problemen door de storing"),
    ("reseau", "Le réseau est encore en panne"),
    ("refused", "My card was REFUSED at the shop."),
    ("bloquee", "Ma carte est bloque\u0301e"),  # the accent as a separate combining mark
])
def test_words_match_whatever_their_case_and_accents(query: str, text: str) -> None:
    assert finds(query, text)


@pytest.mark.parametrize(("query", "text"), [
    ("bank", "Embankment closed"),
    ("bank", "banking app down"),
    ("card", "cards"),
    ("ing", "nothing works"),
])
def test_words_match_whole_words_only(query: str, text: str) -> None:
    assert not finds(query, text)


def test_punctuation_separates_words() -> None:
    assert finds("storing", "Storing?! Weer?")
    assert finds("appli", "l'appli ne marche pas")
    assert finds("hearth", "(Hearth) app…")


def test_a_word_with_punctuation_inside_is_a_phrase() -> None:
    assert str(parse("e-banking")) == '"e banking"'
    assert finds("e-banking", "E-banking is down")
    assert finds("e-banking", "e banking is down")
    assert not finds("e-banking", "banking e")
    assert finds("l'appli", "L’appli plante")


# --- hashtags and mentions --------------------------------------------------------------------

@pytest.mark.parametrize(("query", "text", "expected"), [
    ("hearthbank", "HearthBank app down", True),
    ("hearthbank", "app down #HearthBank", True),
    ("hearthbank", "@HearthBank app down", True),
    ("#hearthbank", "app down #hearthbank", True),
    ("#hearthbank", "HearthBank app down", False),
    ("#hearthbank", "@hearthbank app down", False),
    ("@hearthbank", "@HearthBank app down", True),
    ("@hearthbank", "#hearthbank app down", False),
    ("@hearthbank", "HearthBank app down", False),
    ("@hearthbank", "mail jan@hearthbank.be", False),  # an e-mail address is not a mention
    ("hearthbank", "mail jan@hearthbank.be", True),
    ("@hearthbank_care", "Thanks @HearthBank_Care!", True),
    ("hearthbank", "Thanks @HearthBank_Care!", False),
])
def test_hashtags_and_mentions(query: str, text: str, expected: bool) -> None:
    assert finds(query, text) is expected


# --- phrases --------------------------------------------------------------------------------

def test_phrases_match_consecutive_words_in_order() -> None:
    assert finds('"carte bloquée"', "Ma CARTE BLOQUEE depuis hier")
    assert finds('"carte bloquée"', "carte, bloquée !")  # punctuation between the words
    assert not finds('"carte bloquée"', "bloquée, la carte")
    assert not finds('"carte bloquée"', "carte pas bloquée")
    assert finds("“kaart geblokkeerd”", "Mijn kaart geblokkeerd")  # typographic quotes
    assert finds('"werkt niet"', "De app werkt niet")


def test_phrase_with_a_hashtag_or_mention() -> None:
    assert finds('"storing #hearthmobile"', "Weer storing #HearthMobile")
    assert not finds('"storing #hearthmobile"', "Weer storing HearthMobile")
    assert finds('"storing hearthmobile"', "Weer storing #HearthMobile")
    assert not finds('"storing @hearthmobile"', "Weer storing #hearthmobile")


def test_operators_inside_quotes_are_words() -> None:
    assert finds('"rock AND roll"', "rock and roll")
    assert not finds('"rock AND roll"', "rock roll")


def test_a_quoted_single_word_is_a_word() -> None:
    assert parse('"Bancontact"') == parse("bancontact")


# --- prefixes --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("bank", True), ("Banks are closed", True), ("BANKING app", True), ("#banking", True),
    ("@bankje", True), ("embankment", False), ("ban", False),
])
def test_prefix(text: str, expected: bool) -> None:
    assert finds("bank*", text) is expected


def test_prefix_is_folded_and_may_be_a_hashtag() -> None:
    assert finds("bloqué*", "BLOQUEES")
    assert finds("#bank*", "#Banking")
    assert not finds("#bank*", "banking")
    assert not finds("@bank*", "#banking")


# --- operators ---------------------------------------------------------------------------------

def test_and_explicit_and_side_by_side() -> None:
    for query in ("card AND blocked", "card blocked"):
        assert finds(query, "My card is blocked")
        assert not finds(query, "My card is fine")
        assert not finds(query, "Account blocked")


def test_or() -> None:
    assert finds("kaart OR carte", "ma carte")
    assert finds("kaart OR carte", "mijn kaart")
    assert not finds("kaart OR carte", "my card")


def test_not_and_its_shorthand() -> None:
    for query in ("hearthbank NOT vacature", "hearthbank -vacature", "hearthbank AND NOT vacature"):
        assert finds(query, "HearthBank app down")
        assert not finds(query, "HearthBank vacature: agent")
    assert not finds("hearthbank -vacature", "HearthBank #vacature")  # NOT word excludes #word too
    assert finds("hearthbank -#vacature", "HearthBank vacature")
    assert not finds("hearthbank -#vacature", "HearthBank #vacature")
    assert finds("hearthbank NOT (job* OR vacature)", "HearthBank storing")
    assert not finds("hearthbank NOT (job* OR vacature)", "HearthBank jobs")
    assert finds("hearthbank -\"is hiring\"", "HearthBank is down")
    assert not finds("hearthbank -\"is hiring\"", "HearthBank is hiring")


def test_lower_case_operators_are_words() -> None:
    assert parse("rock and roll") == parse("rock AND and AND roll")
    assert not finds("rock and roll", "rock roll")
    assert finds("works or not", "it works or not")
    assert not finds("works or not", "it works")


def test_precedence_not_then_and_then_or() -> None:
    assert parse("a OR b c") == parse("a OR (b AND c)")
    assert parse("a b OR c") == parse("(a AND b) OR c")
    assert parse("NOT a b") == parse("(NOT a) AND b")
    assert parse("a NOT b OR c") == parse("(a AND (NOT b)) OR c")
    assert finds("hearth OR ing app", "hearth")
    assert not finds("hearth OR ing app", "ing")
    assert finds("hearth OR ing app", "ing app")


def test_parentheses_group() -> None:
    assert finds("(hearth OR ing) app", "ing app")
    assert not finds("(hearth OR ing) app", "hearth")
    assert finds("((hearth OR ing) (app OR itsme)) -storing", "Hearth itsme")
    assert not finds("((hearth OR ing) (app OR itsme)) -storing", "Hearth itsme storing")
    assert finds("hearth (app OR NOT storing)", "hearth")  # an AND with a word to look for saves the NOT


def test_double_not_cancels() -> None:
    assert parse("NOT NOT card") == parse("card")
    assert parse("card --blocked") == parse("card blocked")


# --- normalised form and terms ----------------------------------------------------------------

@pytest.mark.parametrize(("query", "normalised"), [
    ("Card  blocked", "card AND blocked"),
    ("(a OR b) OR c d", "a OR b OR c AND d"),
    ("(hearth OR ing) app -vacature", "(hearth OR ing) AND app AND NOT vacature"),
    ("hearthbank NOT (job* OR vacature)", "hearthbank AND NOT (job* OR vacature)"),
    ('"Carte  Bloquée" #HearthBank @HearthBank', '"carte bloquee" AND #hearthbank AND @hearthbank'),
    ("x AND (y OR NOT z)", "x AND (y OR NOT z)"),
])
def test_normalised_form_parses_to_the_same_query(query: str, normalised: str) -> None:
    assert str(parse(query)) == normalised
    assert parse(normalised) == parse(query)


def test_terms_are_what_the_query_looks_for() -> None:
    query = parse('(HearthBank OR #hearthbank) ("carte bloquée" OR bloqu*) -vacature -job* hearthbank')
    assert query.terms == ("hearthbank", "#hearthbank", '"carte bloquee"', "bloqu*")


# --- monitored profiles ------------------------------------------------------------------------

def test_monitored_profiles_match_author_mention_and_reply() -> None:
    index = TopicIndex([(1, None, frozenset({"hearthbank"})), (2, parse("storing"), frozenset({"hearth"})),
                        (3, parse("panne"), frozenset())])
    assert index.match(Document.of("Nieuwe app!", author="HearthBank")) == [1]
    assert index.match(Document.of("Nieuwe app!", author="@hearthbank")) == [1]
    assert index.match(Document.of("Nieuwe app!", mentions=["@Hearth"])) == [2]
    assert index.match(Document.of("Bedankt @hearth")) == [2]  # a mention in the text
    assert index.match(Document.of("Bedankt", reply_to="hearth")) == [2]
    assert index.match(Document.of("storing", author="hearthbank")) == [1, 2]
    assert index.match(Document.of("panne storing", mentions=["ing"])) == [2, 3]
    assert index.match(Document.of("Bedankt #hearth")) == []  # a hashtag is not the account
    assert index.match(Document.of("nothing here")) == []


# --- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "message", "params"), [
    ("", "The query is empty", {}),
    ("   ", "The query is empty", {}),
    ("(card", "Unclosed parenthesis at character %(position)s", {"position": 1}),
    ("card (blocked", "Unclosed parenthesis at character %(position)s", {"position": 6}),
    ("card (", "Unclosed parenthesis at character %(position)s", {"position": 6}),
    ("card)", "Closing parenthesis without an opening one at character %(position)s", {"position": 5}),
    (")", "Closing parenthesis without an opening one at character %(position)s", {"position": 1}),
    ("card ()", "Empty parentheses at character %(position)s", {"position": 6}),
    ("AND card", "“%(operator)s” at character %(position)s has nothing on its left",
     {"operator": "AND", "position": 1}),
    ("(OR card)", "“%(operator)s” at character %(position)s has nothing on its left",
     {"operator": "OR", "position": 2}),
    ("card OR", "“%(operator)s” at character %(position)s has nothing on its right",
     {"operator": "OR", "position": 6}),
    ("card AND OR x", "“%(operator)s” at character %(position)s has nothing on its right",
     {"operator": "AND", "position": 6}),
    ("(card AND)", "“%(operator)s” at character %(position)s has nothing on its right",
     {"operator": "AND", "position": 7}),
    ("card NOT", "“%(operator)s” at character %(position)s has nothing on its right",
     {"operator": "NOT", "position": 6}),
    ("card -OR x", "“%(operator)s” at character %(position)s has nothing on its right",
     {"operator": "-", "position": 6}),
    ('card ""', "Empty quotes at character %(position)s", {"position": 6}),
    ('card "  "', "Empty quotes at character %(position)s", {"position": 6}),
    ('card "blocked', "Unclosed quote at character %(position)s", {"position": 6}),
    ('"a" "b" "c', "Unclosed quote at character %(position)s", {"position": 9}),
    ("*bank", "A wildcard (*) can only end a word, as in bank*, at character %(position)s", {"position": 1}),
    ("card ba*nk", "A wildcard (*) can only end a word, as in bank*, at character %(position)s",
     {"position": 8}),
    ("bank**", "A wildcard (*) can only end a word, as in bank*, at character %(position)s", {"position": 5}),
    ("card *", "A wildcard (*) can only end a word, as in bank*, at character %(position)s", {"position": 6}),
    ("e-bank*", "A wildcard (*) can only end a word, as in bank*, at character %(position)s", {"position": 7}),
    ('card "bank* app"', "A wildcard (*) cannot be used inside quotes, at character %(position)s",
     {"position": 11}),
    ("card ba*", "A wildcard needs at least %(minimum)s letters before it, at character %(position)s",
     {"minimum": 3, "position": 6}),
    ("#ba*", "A wildcard needs at least %(minimum)s letters before it, at character %(position)s",
     {"minimum": 3, "position": 1}),
    ("card ???", "There is nothing to look for in “%(word)s” at character %(position)s",
     {"word": "???", "position": 6}),
    ('card "!!"', "There is nothing to look for in “%(word)s” at character %(position)s",
     {"word": "!!", "position": 6}),
    ("NOT card", "A query needs at least one word to look for outside NOT", {}),
    ("-card -blocked", "A query needs at least one word to look for outside NOT", {}),
    ("NOT (card OR blocked)", "A query needs at least one word to look for outside NOT", {}),
    ("card OR NOT blocked", "Each side of OR at character %(position)s needs a word to look for outside NOT",
     {"position": 6}),
    ("a OR b OR -c", "Each side of OR at character %(position)s needs a word to look for outside NOT",
     {"position": 8}),
    ("-c OR a", "Each side of OR at character %(position)s needs a word to look for outside NOT",
     {"position": 4}),
    ("(a OR -b) (c OR -d)", "Each side of OR at character %(position)s needs a word to look for outside NOT",
     {"position": 4}),
    ("(" * 21 + "x" + ")" * 21, "Parentheses can be nested at most %(limit)s deep, at character %(position)s",
     {"limit": 20, "position": 21}),
    ("x" * 2001, "A query can be at most %(limit)s characters long; this one has %(length)s",
     {"limit": 2000, "length": 2001, "position": 2001}),
    ("w " * 201, ("A query can have at most %(limit)s words and phrases; the one at character %(position)s "
                  "is one too many"), {"limit": 200, "position": 401}),
])
def test_errors_say_what_and_where(query: str, message: str, params: dict) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    error = caught.value
    assert isinstance(error, Invalid)
    assert (error.message, error.params, error.field) == (message, params, "query")
    assert error.detail == message % params if params else message


def test_limits_themselves_are_allowed() -> None:
    assert parse("x" * 2000).terms == ("x" * 2000,)
    assert len(parse(" OR ".join(f"w{i}" for i in range(200))).terms) == 200
    assert parse("(" * 20 + "x" + ")" * 20) == parse("x")
    assert parse("y " + "NOT " * 498 + "x") == parse("y x")  # a long chain of NOTs is no problem


# --- the index agrees with running every query ------------------------------------------------

VOCABULARY = ["bank", "banking", "banks", "card", "carte", "kaart", "bloquée", "geblokkeerd", "blocked", "app",
              "itsme", "bancontact", "hearthbank", "hearth", "ing", "panne", "storing", "storingen", "werkt", "niet",
              "fonctionne", "pas", "réseau", "netwerk", "factuur", "facture", "and", "or", "not", "job",
              "jobs", "vacature", "merci", "bedankt", "thanks", "slow", "traag", "lent", "compte", "rekening"]
HANDLES = ["hearthbank", "hearth", "ing_be", "hearthmobile", "hearthfibre"]


def random_term(rng: random.Random) -> str:
    word = rng.choice(VOCABULARY)
    roll = rng.random()
    if roll < 0.15:
        return f'"{word} {rng.choice(VOCABULARY)}"'
    if roll < 0.25:
        return f"{word[:rng.randint(3, len(word))]}*" if len(word) >= 3 else word
    if roll < 0.32:
        return rng.choice("#@") + word
    return word.upper() if roll < 0.4 else word


def random_query(rng: random.Random, depth: int = 0) -> str:
    if depth >= 3 or rng.random() < 0.35:
        return random_term(rng)
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(["NOT ", "-"]) + random_query(rng, depth + 1)
    sides = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    joiner = " OR " if roll < 0.55 else rng.choice([" AND ", " "])
    return f"({joiner.join(sides)})" if rng.random() < 0.5 else joiner.join(sides)


def random_text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(1, 14)):
        word = rng.choice(VOCABULARY)
        roll = rng.random()
        word = (word.upper() if roll < 0.15 else word.capitalize() if roll < 0.3 else
                word.replace("é", "e") if roll < 0.4 else word)
        words.append(rng.choice("#@") + word if rng.random() < 0.08 else word)
    return rng.choice([" ", ", ", "! "]).join(words)


def random_topics(rng: random.Random, count: int) -> list[tuple[int, Query | None, frozenset[str]]]:
    topics: list[tuple[int, Query | None, frozenset[str]]] = []
    while len(topics) < count:
        try:
            query = parse(random_query(rng)) if rng.random() < 0.95 else None
        except QueryError:
            continue  # mostly queries that are only NOT
        profiles = frozenset(rng.sample(HANDLES, rng.randint(1, 2))) if rng.random() < 0.1 else frozenset()
        topics.append((len(topics) * 7 + 3, query, profiles))
    return topics


def random_document(rng: random.Random) -> Document:
    return Document.of(random_text(rng), author=rng.choice([*HANDLES, "jan", "marie"]),
                       mentions=rng.sample(HANDLES, 1) if rng.random() < 0.05 else (),
                       reply_to=rng.choice(HANDLES) if rng.random() < 0.05 else None)


def test_index_gives_the_same_answers_as_running_every_query() -> None:
    rng = random.Random(20240601)
    topics = random_topics(rng, 2_000)
    documents = [random_document(rng) for _ in range(1_000)]
    index = TopicIndex(topics)
    total = 0
    for doc in documents:
        expected = sorted(topic_id for topic_id, query, profiles in topics
                          if (query is not None and query.matches(doc)) or profiles & doc.profiles)
        assert index.match(doc) == expected, doc
        total += len(expected)
    assert 0.01 < total / (len(topics) * len(documents)) < 0.5  # the corpus exercises both answers


def test_random_queries_print_to_an_equal_query() -> None:
    rng = random.Random(7)
    for query in random_topics(rng, 500):
        if query[1] is not None:
            assert parse(str(query[1])) == query[1]


def test_index_runs_only_candidate_queries(monkeypatch: pytest.MonkeyPatch) -> None:
    topics = [(i, parse(f"brand{i} (app OR kaart) -vacature"), frozenset()) for i in range(2_000)]
    index = TopicIndex(topics)
    runs = []
    matches = Query.matches
    monkeypatch.setattr(Query, "matches", lambda self, doc: runs.append(self) or matches(self, doc))
    assert index.match(Document.of("De kaart van Brand7 en brand12 werkt niet in de app")) == [7, 12]
    assert len(runs) == 2


def test_benchmark_runs() -> None:
    from bench.topics import matching_speed

    figures = matching_speed(60, documents=200)
    assert figures["topics"] == 60 and figures["matches_per_document"] > 0
    assert figures["per_document_us"] > 0 and figures["index_build_ms"] > 0
