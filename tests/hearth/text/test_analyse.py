"""analyse() puts language, personal data, profanity, links and shouting in one report."""

from __future__ import annotations

import dataclasses
import time

import pytest

from hearth.text import Finding, TextReport, analyse


def test_a_report_combines_every_analysis() -> None:
    text = ("Bonjour, votre service est nul, bande de connards. "
            "Mon numéro: 0470 12 34 56, voir https://example.com/aide")
    report = analyse(text)
    assert report.language == "fr"
    assert report.masked == ("Bonjour, votre service est nul, bande de connards. "
                             "Mon numéro: •••• •• •• 56, voir https://example.com/aide")
    start = text.index("0470")
    assert report.personal_data == (Finding("phone", start, start + len("0470 12 34 56")),)
    assert report.insults == ("connard",)
    assert report.links == 1


def test_the_report_is_frozen() -> None:
    report = analyse("hello")
    assert isinstance(report, TextReport)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.links = 2  # type: ignore[misc]


def test_capitals_ratio_counts_uppercase_letters_among_letters() -> None:
    assert analyse("THIS IS A DISGRACE, GIVE ME MY MONEY BACK").capitals_ratio == 1.0
    mixed = analyse("This is a disgrace, give me my money back")
    assert mixed.capitals_ratio == pytest.approx(1 / 32)
    report = analyse("ABCDEFGHIJ abcdefghij 123 !!!")
    assert (report.letters, report.capitals_ratio) == (20, 0.5)


def test_capitals_ratio_is_zero_below_twenty_letters() -> None:
    report = analyse("OK BNP KBC ING!!!")
    assert (report.letters, report.capitals_ratio) == (11, 0.0)


def test_links_are_counted() -> None:
    text = ("See https://example.com/x, http://a.be and www.bank.be, "
            "or bank.be/help; mail jan@bank.be")
    assert analyse(text).links == 4


def test_abbreviations_and_sentences_without_space_are_not_links() -> None:
    assert analyse("E.g. the app.Now it crashed, i.e. again, version 5.2.1").links == 0


@pytest.mark.parametrize("text", [
    "", "😀🎉👍", "お金が戻ってきません。ひどいサービスです。", "Верните мои деньги, это ужасный сервис!",
])
def test_any_text_gets_a_report(text: str) -> None:
    report = analyse(text)
    assert report.masked == text
    assert report.personal_data == report.profanity == report.insults == ()
    assert report.language is None


def test_a_100000_character_text_is_analysed_quickly() -> None:
    sentences = ["Ik heb op 12/03/2024 € 45,50 betaald maar het is nooit aangekomen. ",
                 "Your fees are a scam, I called 3 times on 0470 12 34 56. ",
                 "C'est une arnaque, votre service client est nul, bande de connards. ",
                 "See https://example.com/help or call +32 2 123 45 67. "]
    text = ""
    while len(text) < 100_000:
        text += sentences[len(text) % len(sentences)]
    text += "Mijn IBAN is BE68 5390 0754 7034"
    started = time.perf_counter()
    report = analyse(text)
    # Well under a second on a developer's machine; generous against a busy CI.
    assert time.perf_counter() - started < 5
    assert report.masked.endswith("Mijn IBAN is BE•• •••• •••• 7034")
    assert report.personal_data[-1].kind == "iban"
    assert "connard" in report.insults
