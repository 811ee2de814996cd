"""Screening decisions on the labelled texts, watched words, trust limits and hard inputs."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from hearth.accounts.models import Account
from hearth.db import Database
from moderation import service
from moderation.models import Decision, Screening, WordAction
from moderation.schemas import WatchedWordIn
from moderation.screening import ContentRefused
from tests.moderation.labelled import CASES, Case


async def _screen(database: Database, author: Account, text: str, **kw):  # noqa: ANN003
    async with database.sessionmaker() as s:
        try:
            return await service.screen(s, await s.get(Account, author.id), "forum.post", text, **kw)
        except ContentRefused as exc:
            return exc


def test_the_labelled_set_is_big_enough() -> None:
    groups = Counter(c.group for c in CASES)
    languages = Counter(c.language for c in CASES)
    assert len(CASES) >= 60
    assert min(groups[g] for g in ("insult", "criticism", "personal_data", "spam")) >= 6
    assert min(languages[lang] for lang in ("en", "nl", "fr")) >= 18


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.group}-{c.language}-{c.text[:24]}")
async def test_labelled_texts_get_their_decision(database: Database, regular, newcomer, case: Case) -> None:
    author = newcomer if case.group == "spam" else regular
    result = await _screen(database, author, case.text)
    assert not isinstance(result, ContentRefused), result.reasons
    assert result.decision == case.decision, (result.decision, result.codes, case.text)
    found = {f.kind for f in result.report.personal_data}
    assert found == set(case.masked), (found, case.text)
    if case.masked:
        assert result.text != case.text and "•" in result.text
    else:
        assert result.text == case.text


async def test_harsh_criticism_is_never_held_or_flagged(database: Database, regular) -> None:
    criticism = [c for c in CASES if c.group == "criticism"]
    decisions = [(await _screen(database, regular, c.text)).decision for c in criticism]
    assert decisions == [Decision.PUBLISH] * len(criticism)


async def test_masking_keeps_the_original_for_moderators_only(database: Database, regular) -> None:
    result = await _screen(database, regular, "Refund to BE68 5390 0754 7034 please",
                           title="Call 0470 12 34 56 about my refund")
    assert result.text == "Refund to BE•• •••• •••• 7034 please"
    assert result.title == "Call •••• •• •• 56 about my refund"
    assert result.original == "Refund to BE68 5390 0754 7034 please"
    assert result.codes == ["personal_data"]


async def test_an_iban_with_a_wrong_checksum_is_left_alone(database: Database, regular) -> None:
    result = await _screen(database, regular, "Is BE69 5390 0754 7034 a valid number?")
    assert result.text == "Is BE69 5390 0754 7034 a valid number?" and result.decision == Decision.PUBLISH


@pytest.mark.parametrize("text", [
    "😀😀😀🙏🏽🔥",
    "これは日本語の文章です。銀行のアプリが動きません。",
    "Это сообщение на русском языке о банке.",
    "x" * 100_000,
    ("Long post about fees. " * 4_500) + "Account BE68 5390 0754 7034.",
])
async def test_hard_inputs_get_a_safe_decision(database: Database, regular, text: str) -> None:
    result = await _screen(database, regular, text)
    assert not isinstance(result, ContentRefused)
    assert result.decision in (Decision.PUBLISH, Decision.PUBLISH_AND_FLAG)
    if "BE68" in text:
        assert result.text.endswith("BE•• •••• •••• 7034.")


async def _watch(database: Database, admin: Account, pattern: str, action: WordAction, **kw) -> None:  # noqa: ANN003
    async with database.sessionmaker() as s:
        await service.add_watched_word(s, await s.get(Account, admin.id),
                                       WatchedWordIn(pattern=pattern, action=action, **kw))
        await s.commit()


async def test_watched_words_act_as_the_admin_chose(database: Database, admin, regular) -> None:
    await _watch(database, admin, "bitcoin*", WordAction.BLOCK)
    await _watch(database, admin, "concurrent", WordAction.REQUIRE_APPROVAL)
    await _watch(database, admin, "lawyer", WordAction.FLAG)
    await _watch(database, admin, "darn", WordAction.CENSOR)
    await _watch(database, admin, "competitor bank", WordAction.REPLACE, replacement="another bank")
    await _watch(database, admin, r"\bwhats?app\s*\+?\d", WordAction.REQUIRE_APPROVAL, is_regex=True)

    refused = await _screen(database, regular, "Buy BITCOINS now, great returns")
    assert isinstance(refused, ContentRefused) and refused.reasons[0].code == "watched_block"
    assert "BITCOINS" in refused.detail
    assert (await _screen(database, regular, "Is Concurrent cheaper than you?")).decision == Decision.HOLD
    assert (await _screen(database, regular, "My lawyer will call you")).decision == Decision.PUBLISH_AND_FLAG
    censored = await _screen(database, regular, "This darn card, and Darn again")
    assert censored.text == "This ■■■■ card, and ■■■■ again" and censored.decision == Decision.PUBLISH
    replaced = await _screen(database, regular, "I moved to Compétitor Bank last year")
    assert replaced.text == "I moved to another bank last year"
    assert (await _screen(database, regular, "Contact me on WhatsApp +32 470")).decision == Decision.HOLD


@pytest.mark.parametrize("pattern, message", [
    ("(unclosed", "does not compile"),
    ("(a+)+$", "repeats a repeated group"),
])
async def test_a_broken_regular_expression_is_refused(database: Database, admin, pattern: str,
                                                      message: str) -> None:
    from hearth.errors import Invalid

    async with database.sessionmaker() as s:
        with pytest.raises(Invalid, match=message) as caught:
            await service.add_watched_word(s, await s.get(Account, admin.id), WatchedWordIn(
                pattern=pattern, is_regex=True, action=WordAction.BLOCK))
    assert caught.value.field == "pattern"


async def _record(database: Database, author: Account, text: str):
    async with database.sessionmaker() as s:
        result = await service.screen(s, await s.get(Account, author.id), "forum.post", text)
        await service.record(s, result, 1)
        await s.commit()
        return result


async def test_the_same_post_twice_is_refused(database: Database, regular) -> None:
    await _record(database, regular, "Where do I find my yearly statement?")
    again = await _screen(database, regular, "where do I find my  YEARLY statement?")
    assert isinstance(again, ContentRefused) and again.reasons[0].code == "duplicate"


async def test_new_members_post_less_often_than_trusted_ones(database: Database, frozen_clock, newcomer) -> None:
    for i in range(10):
        await _record(database, newcomer, f"Question number {i} about my savings account")
    refused = await _screen(database, newcomer, "One more question about savings")
    assert isinstance(refused, ContentRefused) and refused.reasons[0].code == "rate"
    frozen_clock.advance(hours=1, seconds=1)
    assert (await _screen(database, newcomer, "One more question about savings")).decision == Decision.PUBLISH


async def test_limits_lift_as_members_take_part(database: Database, frozen_clock, newcomer) -> None:
    links = "See https://a.example https://b.example https://c.example"
    assert (await _screen(database, newcomer, links)).codes == ["links"]
    for i in range(3):
        await _record(database, newcomer, f"A helpful answer number {i}")
    frozen_clock.advance(days=2)
    assert (await _screen(database, newcomer, links)).decision == Decision.PUBLISH


async def test_first_posts_wait_for_approval_when_the_admin_wants(database: Database, newcomer, monkeypatch) -> None:
    from hearth.settings import get_settings

    monkeypatch.setattr(get_settings(), "moderation_approve_first_posts", 2)
    first = await _record(database, newcomer, "My very first question here")
    assert first.decision == Decision.HOLD and first.codes == ["first_posts"]


async def test_the_same_text_from_several_members_is_held(database: Database, regular, newcomer) -> None:
    from tests.moderation.conftest import aged_member

    third = await aged_member(database, "third@example.com", "Theo Third")
    text = "Check out this amazing offer that changed my life completely"
    await _record(database, regular, text)
    await _record(database, newcomer, text)
    assert "repeated" in (await _screen(database, third, text)).codes


async def test_staff_are_not_held_for_links(database: Database, moderator) -> None:
    result = await _screen(database, moderator, "Read https://a.example https://b.example https://c.example")
    assert result.decision == Decision.PUBLISH


async def test_every_recorded_screening_is_kept(database: Database, regular) -> None:
    await _record(database, regular, "You are all idiots")
    async with database.sessionmaker() as s:
        row = await s.scalar(select(Screening))
    assert row.decision == Decision.HOLD and row.reasons == ["insult"]
