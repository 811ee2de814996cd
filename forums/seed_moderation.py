"""Demo moderation: what a moderator finds on a Monday morning in the demo community.

Insults held by the screening in three languages, a new member's link spam, a post whose
IBAN was masked, flags from members (one post hidden by them), watched words, and a few
decisions already taken: a rejection the author appealed, an approval, a warning. All of
it goes through the real services, so the queue, the audit trail and the counters agree.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from forums import service
from forums.models import Post, Thread
from forums.schemas import PostIn
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account
from hearth.seed import DEMO_PASSWORD, MEMBERS, TEAM, _email
from moderation import service as moderation
from moderation.models import FlagReason, Guideline, Reviewable, WatchedWord, WordAction
from moderation.schemas import ActionIn, FlagIn, GuidelineIn, WatchedWordIn
from moderation.screening import ContentRefused

# The migrations create the default guidelines; a database emptied since gets this one back.
INSULTS_GUIDELINE = ("Insults and harassment", "Attack ideas, not people: no insults, slurs, threats or harassment.")
WATCHED = [("casino*", WordAction.BLOCK, None), ("crypto*", WordAction.REQUIRE_APPROVAL, None),
           ("whatsapp", WordAction.FLAG, None), ("klote*", WordAction.CENSOR, None)]
HELD = [  # (author index in MEMBERS, text) — answers the screening holds for a moderator
    (1, "Jullie zijn echt een stelletje klootzakken, drie weken zonder kaart."),
    (5, "Le conseiller au téléphone est un abruti, il m'a raccroché au nez."),
    (12, "Whoever built this app is a complete moron, it logs me out every minute."),
]
MASKED = (9, "Voor wie het wil nakijken: mijn rekening is BE68 5390 0754 7034 en de betaling van 12 euro "
             "staat er nog steeds niet op.")
FLAGGED = [(20, "Je trouve que la nouvelle carte est très jolie, bravo pour le design !", FlagReason.OFF_TOPIC)]
SPAM = ("Earn money fast from home, ask me how: https://quick-cash.example https://quick-cash.example/join "
        "https://quick-cash.example/now")


async def _account(session: AsyncSession, email: str) -> Account:
    account = await accounts.get_by_email(session, email)
    if account is None:
        raise RuntimeError("The moderation demo needs the demo members: run the accounts seeder first")
    return account


async def _recent_threads(session: AsyncSession, language: str, limit: int, before: datetime) -> list[Thread]:
    # Threads last active before the examples start, so answering never moves activity back in time.
    return list(await session.scalars(select(Thread).where(
        Thread.language == language, Thread.locked.is_(False), Thread.last_activity_at < before)
        .order_by(Thread.last_activity_at.desc()).limit(limit)))


async def _answer(session: AsyncSession, author: Account, thread: Thread, text: str) -> Post:
    return await service.create_answer(session, author, thread.id, PostIn(body=text))


async def _queue_item(session: AsyncSession, post_id: int) -> Reviewable:
    found = await session.scalar(select(Reviewable).where(Reviewable.content_kind == service.POST_KIND,
                                                          Reviewable.content_id == post_id))
    assert found is not None
    return found


async def seed_moderation(session: AsyncSession, progress: Progress) -> int:
    if await session.scalar(select(WatchedWord.id).limit(1)) is not None:
        return 0
    task = progress.add_task("Moderation examples", total=6)
    admin = await _account(session, TEAM[0][0])
    moderator = await _account(session, TEAM[1][0])
    members = [await _account(session, _email(name)) for name, _language in MEMBERS]
    start = clock.now() - timedelta(hours=8)
    nl, fr, en = [await _recent_threads(session, language, 3, start) for language in ("nl", "fr", "en")]
    insults = await session.scalar(select(Guideline).where(Guideline.title == INSULTS_GUIDELINE[0])) or \
        await moderation.save_guideline(session, admin, GuidelineIn(title=INSULTS_GUIDELINE[0],
                                                                    description=INSULTS_GUIDELINE[1]))
    created = 0
    frozen = clock.FrozenClock(start)
    previous = clock.use(frozen)
    try:
        for pattern, action, replacement in WATCHED:
            await moderation.add_watched_word(session, admin, WatchedWordIn(pattern=pattern, action=action,
                                                                            replacement=replacement))
        progress.advance(task)

        held = []
        for (who, text), thread in zip(HELD, [nl[0], fr[0], en[0]], strict=True):
            frozen.advance(minutes=47)
            held.append(await _answer(session, members[who], thread, text))
            created += 1
        progress.advance(task)

        frozen.advance(minutes=30)
        masked = await _answer(session, members[MASKED[0]], nl[1], MASKED[1])
        await moderation.flag(session, members[3], FlagIn(kind=service.POST_KIND, content_id=masked.id,
                                                          reason=FlagReason.PERSONAL_DATA))
        created += 1
        progress.advance(task)

        newcomer = await accounts.get_by_email(session, "quick.cash@demo.hearth.test") or \
            await accounts.create_account(session, email="quick.cash@demo.hearth.test", display_name="Quick Cash",
                                          password=DEMO_PASSWORD, language="en")
        frozen.advance(minutes=12)
        newcomer.created_at = clock.now() - timedelta(minutes=20)
        try:
            await _answer(session, newcomer, en[1], SPAM)
            created += 1
        except ContentRefused:
            pass
        progress.advance(task)

        for who, text, reason in FLAGGED:
            frozen.advance(minutes=25)
            post = await _answer(session, members[who], fr[1], text)
            await moderation.flag(session, members[21], FlagIn(kind=service.POST_KIND, content_id=post.id,
                                                               reason=reason))
            created += 1
        # Three members flag an answer as spam: enough weight to hide it until a moderator looks.
        frozen.advance(minutes=40)
        hidden = await _answer(session, members[30], nl[2], "Kijk eens op mijn profiel voor een beter aanbod "
                                                          "dan deze bank, echt veel goedkoper.")
        for flagger in (members[31], members[32], members[33]):
            frozen.advance(minutes=9)
            await moderation.flag(session, flagger, FlagIn(kind=service.POST_KIND, content_id=hidden.id,
                                                           reason=FlagReason.SPAM))
        created += 1
        progress.advance(task)

        # Decisions already taken this morning: one rejection (appealed), one approval, one warning.
        frozen.advance(hours=2)
        first = await _queue_item(session, held[0].id)
        await moderation.act(session, moderator, first.id, ActionIn(
            action="reject", version=first.version, guideline_id=insults.id,
            note="Je mag kritisch zijn, maar zonder scheldwoorden."))
        frozen.advance(minutes=50)
        await moderation.appeal(session, members[HELD[0][0]], first.id,
                                "Sorry, ik was kwaad. Mijn punt blijft: drie weken zonder kaart is te lang.")
        second = await _queue_item(session, held[1].id)
        await moderation.act(session, moderator, second.id, ActionIn(
            action="warn", version=second.version, guideline_id=insults.id,
            note="Merci de rester courtois, même quand vous êtes mécontent."))
        flagged = await _queue_item(session, masked.id)
        await moderation.act(session, moderator, flagged.id, ActionIn(action="approve", version=flagged.version,
                                                                       note="IBAN already masked"))
        progress.advance(task)
        await session.flush()
    finally:
        clock.use(previous)
    return created
