"""Profanity comes from glin without its ordinary words; insults from our lexicon."""

from __future__ import annotations

import pytest

from hearth.text import profanity
from hearth.text.profanity import check


def insults(text: str) -> tuple[str, ...]:
    return check(text)[1]


@pytest.mark.parametrize("text", [
    "Your fees are a scam and the app is terrible",
    "Ik baal ervan dat de app niet werkt, jullie service is waardeloos",
    "C'est une arnaque, votre service client est nul",
    "Die Gebühren sind Abzocke und die App ist schlecht",
    "Oplichters! Jullie zijn oplichters en dieven",
    "Ik balen ervan: het gat in mijn rekening, en nu is de beurt aan jullie",
    "Ik wil de kosten aftrekken en een modem huren",
    "Un baiser pour la veuve, mais l'appli déconne et elle est bourrée de bugs",
    "Das ist nicht gut, bitte helfen Sie mir",
    "My money is tied up and the app sucks",
    "Mijn vrouw heeft kanker en jullie blokkeren haar rekening voor kankeronderzoek",
    "Peter from the con team",
])
def test_criticism_and_ordinary_words_are_neither_profanity_nor_insults(text: str) -> None:
    assert check(text) == ((), ())


@pytest.mark.parametrize(("text", "expected"), [
    ("You idiots, morons and assholes", ("idiot", "moron", "asshole")),
    ("Bastards! Dickheads, scumbags", ("bastard", "dickhead", "scumbag")),
    ("Stelletje klootzakken en eikels", ("klootzak", "eikel")),
    ("Sukkels, idioten, debielen en mongolen", ("sukkel", "idiot", "debiel", "mongool")),
    ("Rotzakken! Hoerenjong! Lul!", ("rotzak", "hoerenjong", "lul")),
    ("Bande de connards et de connasses", ("connard", "connasse")),
    ("Abrutis, crétins, enculés, salauds, salopes",
     ("abruti", "cretin", "enculé", "salaud", "salope")),
    ("Imbéciles", ("imbecile",)),
    ("Ihr Arschlöcher, Idioten und Wichser", ("arschloch", "idiot", "wichser")),
    ("Vollidioten!", ("vollidiot",)),
])
def test_insults_are_found_in_four_languages_with_their_plurals(
        text: str, expected: tuple[str, ...]) -> None:
    assert insults(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Fuck you", "fuck you"),
    ("Fils de pute", "fils de pute"),
    ("Va te faire foutre", "va te faire foutre"),
    ("Ta gueule", "ta gueule"),
    ("Nique ta mère", "nique ta mère"),
    ("Krijg de tyfus", "krijg de tyfus"),
    ("Fick dich", "fick dich"),
])
def test_insulting_phrases_are_found(text: str, expected: str) -> None:
    assert insults(text) == (expected,)


def test_dutch_curse_compounds_are_insults() -> None:
    found = insults("Kankerbank! Tyfusapp, teringlijers")
    assert found == ("kankerbank", "tyfusapp", "teringlijers")


@pytest.mark.parametrize(("text", "expected"), [
    ("f4ck you", "fuck you"),
    ("F*CK YOU!", "fuck you"),
    ("f u c k you", "fuck you"),
    ("k-l-o-o-t-z-a-k", "klootzak"),
    ("1d10t", "idiot"),
])
def test_obfuscated_insults_are_found(text: str, expected: str) -> None:
    assert insults(text) == (expected,)


def test_profanity_is_what_glin_finds_lowercased_in_order_each_once() -> None:
    profane, _ = check("What the FUCK, merde! Scheiße, fuck")
    assert profane == ("fuck", "merde", "scheiße")


def test_a_masked_word_is_reported_spelled_out() -> None:
    assert check("f*ck this")[0] == ("fuck",)


def test_an_insult_is_profanity_only_when_glin_lists_it() -> None:
    assert check("You bastard") == (("bastard",), ("bastard",))
    assert check("Jij sukkel") == ((), ("sukkel",))


def test_screening_suspect_windows_finds_what_glin_finds_in_the_whole_text() -> None:
    # Long texts are shown to glin only around suspect spots; that must change nothing.
    samples = ["sh!t", "fuuuuuck", "a s s", "s.h.i.t", "fück", "p*ssy", "%ss", "a_s_s",
               "Ѕhit", "ｆｕｃｋ", "f\u200buck", "&#102;uck", "l’asshole", "これはfuckです",
               "pédé", "Scheiße", "kl.ootzak", "blow job", "nique ta mère", "g-spot",
               "🖕", "magna cum laude", "Moby Dick", "merde!", "2g1c"]
    filler = "the app is slow, ik wacht al weken, c'est nul, das ist schlecht, why? € 12,50"
    text = "\n".join(f"{filler} {sample} {filler}" for sample in samples) * 3
    whole = {word for word in profanity._glin_words(text) if profanity._is_spelled(word)}
    assert {word for word in check(text)[0] if profanity._is_spelled(word)} == whole
    assert len(whole) >= 10


def test_signs_between_words_do_not_hide_an_insult() -> None:
    assert insults("Bande d'abrutis!!!Bonjour") == ("abruti",)


@pytest.mark.parametrize("text, language", [
    ("Hoe kan ik mijn kaart blokkeren?", "nl"),
    ("Le retard de paiement est inacceptable.", "fr"),
    ("Mijn dochter speelt met poppen in de wachtzaal.", "nl"),
])
def test_words_ordinary_in_the_texts_language_are_not_profane(text: str, language: str) -> None:
    assert profanity.check(text, language) == ((), ())
