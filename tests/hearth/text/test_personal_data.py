"""Personal data is found and masked, keeping the text's shape; look-alikes are not."""

from __future__ import annotations

from itertools import pairwise

import pytest

from hearth.text.personal_data import Finding, find, mask


def masked(text: str) -> str:
    return mask(text, find(text))


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("BE71 0961 2345 6769", "BE•• •••• •••• 6769"),
    ("BE71096123456769", "BE••••••••••6769"),
    ("NL91 ABNA 0417 1643 00", "NL•• •••• •••• ••43 00"),
    ("NL91ABNA0417164300", "NL••••••••••••4300"),
    ("FR14 2004 1010 0505 0001 3M02 606", "FR•• •••• •••• •••• •••• •••2 606"),
    ("fr1420041010050500013m02606", "fr" + "•" * 21 + "2606"),
    ("DE89 3704 0044 0532 0130 00", "DE•• •••• •••• •••• ••30 00"),
    ("de89370400440532013000", "de••••••••••••••••3000"),
])
def test_ibans_are_masked_with_or_without_spaces(text: str, expected: str) -> None:
    assert masked(f"Mijn rekening: {text}.") == f"Mijn rekening: {expected}."
    assert kinds(text) == ["iban"]


def test_a_belgian_iban_stdnums_bank_registry_rejects_is_still_found() -> None:
    assert masked("Stort op BE68 5390 0754 7034 aub") == "Stort op BE•• •••• •••• 7034 aub"


def test_an_iban_with_a_wrong_checksum_is_left_alone() -> None:
    assert find("Stort op BE68 5390 0754 7035 aub") == []
    assert find("BE69539007547034") == []


def test_an_iban_is_cut_at_its_countrys_length() -> None:
    text = "IBAN BE68 5390 0754 7034 1234 ref 99"
    assert [text[f.start:f.end] for f in find(text)] == ["BE68 5390 0754 7034"]
    assert masked("BE68 5390 0754 7034 DANK") == "BE•• •••• •••• 7034 DANK"


@pytest.mark.parametrize(("text", "expected"), [
    ("4111 1111 1111 1111", "•••• •••• •••• 1111"),
    ("4111111111111111", "••••••••••••1111"),
    ("5555 5555 5555 4444", "•••• •••• •••• 4444"),
    ("5555-5555-5555-4444", "••••-••••-••••-4444"),
    ("3782 822463 10005", "•••• •••••• •0005"),
])
def test_card_numbers_keep_their_last_four_digits(text: str, expected: str) -> None:
    assert masked(f"kaart {text}, vervalt 12/25") == f"kaart {expected}, vervalt 12/25"
    assert kinds(text) == ["card"]


def test_a_card_followed_by_more_digits_is_still_found() -> None:
    assert masked("4111 1111 1111 1111 12 25") == "•••• •••• •••• 1111 12 25"


@pytest.mark.parametrize("text", [
    "4111 1111 1111 1112",  # Luhn fails
    "1234 5678 9012 3452",  # Luhn holds, but no card scheme starts with 1
    "Referentie 1234567890123452",
    "41111111111111111111",  # a card inside a longer run of digits
])
def test_card_look_alikes_are_left_alone(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("85.07.30-033.28", "••.••.••-•••.••"),
    ("850730-033-28", "••••••-•••-••"),
    ("850730 033 28", "•••••• ••• ••"),
    ("85073003328", "•••••••••••"),
])
def test_belgian_national_numbers_are_masked_entirely(text: str, expected: str) -> None:
    assert masked(f"Rijksregisternummer {text}") == f"Rijksregisternummer {expected}"
    assert kinds(text) == ["national_number"]


def test_an_invalid_national_number_is_left_alone() -> None:
    assert find("85.07.30-033.27") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("0470 12 34 56", "•••• •• •• 56"),  # Belgian mobile
    ("+32 2 123 45 67", "+•• • ••• •• 67"),  # Brussels, international
    ("06 12345678", "•• ••••••78"),  # Dutch mobile
    ("06 12 34 56 78", "•• •• •• •• 78"),  # French mobile
    ("0032 470 12 34 56", "•••• ••• •• •• 56"),
])
def test_phone_numbers_keep_their_last_two_digits(text: str, expected: str) -> None:
    assert masked(f"Bel me op {text} morgen") == f"Bel me op {expected} morgen"
    assert kinds(text) == ["phone"]


def test_dates_amounts_and_order_numbers_are_not_phones() -> None:
    assert find("Op 12/03/2024 om 14:30 betaalde ik € 1.234,56 voor bestelling 123456") == []


def test_the_digits_of_an_iban_or_card_never_count_as_a_phone() -> None:
    assert kinds("FR76 3000 6000 0112 3456 7890 189") == ["iban"]
    assert kinds("5555 5555 5555 4444") == ["card"]


def test_email_keeps_the_first_letter_and_the_domain() -> None:
    assert masked("Mail jan.peeters@gmail.com graag") == "Mail j••••••••••@gmail.com graag"
    assert kinds("a.b-c+d@sub.example.co.uk") == ["email"]


def test_several_findings_are_sorted_and_never_overlap() -> None:
    text = ("Ik ben jan@example.be, rekening BE68 5390 0754 7034, kaart 4111 1111 1111 1111, "
            "rijksregister 85.07.30-033.28, gsm 0470 12 34 56.")
    findings = find(text)
    assert [f.kind for f in findings] == ["email", "iban", "card", "national_number", "phone"]
    assert all(a.end <= b.start for a, b in pairwise(findings))
    assert masked(text) == (
        "Ik ben j••@example.be, rekening BE•• •••• •••• 7034, kaart •••• •••• •••• 1111, "
        "rijksregister ••.••.••-•••.••, gsm •••• •• •• 56.")


def test_findings_are_offsets_in_the_original_text() -> None:
    text = "x 0470 12 34 56"
    assert find(text) == [Finding("phone", 2, 15)]


@pytest.mark.parametrize("text", [
    "", "😀🎉👍" * 50, "こんにちは、口座番号を教えてください。", "Здравствуйте, мой счёт не работает",
])
def test_text_without_personal_data_is_returned_as_is(text: str) -> None:
    assert find(text) == []
    assert masked(text) == text


def test_personal_data_in_japanese_text_is_found() -> None:
    assert masked("電話は0470 12 34 56です") == "電話は•••• •• •• 56です"
