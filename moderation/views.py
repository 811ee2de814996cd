"""Service results as API schemas (the pages render the dataclasses directly)."""

from __future__ import annotations

from hearth.accounts.models import Account
from moderation import screening
from moderation.kinds import ContentView
from moderation.schemas import (
    ActionOut,
    ContentOut,
    FlagOut,
    ItemOut,
    MemberHistoryOut,
    PersonOut,
    ReasonOut,
    ReviewableOut,
)
from moderation.service import AuditEntry, ItemDetail, MemberHistory, QueueItem


def person(account: Account | None) -> PersonOut | None:
    if account is None:
        return None
    return PersonOut(id=account.id, handle=account.handle, display_name=account.display_name)


def content(view: ContentView | None) -> ContentOut | None:
    if view is None:
        return None
    return ContentOut(kind=view.kind, id=view.id, title=view.title, body=view.body, body_html=view.body_html,
                      url=view.url, state=str(view.state), context=view.context,
                      context_excerpt=view.context_excerpt, language=view.language, created_at=view.created_at)


def reasons(codes: list[str]) -> list[ReasonOut]:
    return [ReasonOut(code=code, message=screening.label(code)) for code in codes]


def reviewable(item: QueueItem) -> ReviewableOut:
    r = item.reviewable
    return ReviewableOut(
        id=r.id, content_kind=r.content_kind, content_id=r.content_id, status=r.status, priority=r.priority,
        score=r.score, reasons=reasons(r.reasons), version=r.version, author=person(item.author),
        claimed_by=person(item.claimed_by), content=content(item.content), flag_count=item.flag_count,
        created_at=r.created_at, updated_at=r.updated_at, resolved_at=r.resolved_at,
        appealed=r.appealed_at is not None)


def action(entry: AuditEntry) -> ActionOut:
    a = entry.action
    return ActionOut(id=a.id, reviewable_id=a.reviewable_id, content_kind=a.content_kind, content_id=a.content_id,
                     action=a.action, actor=person(entry.actor), subject=person(entry.subject), reasons=a.reasons,
                     guideline=entry.guideline.title if entry.guideline else None, note=a.note, details=a.details,
                     created_at=a.created_at)


def item(detail: ItemDetail) -> ItemOut:
    return ItemOut(
        **reviewable(detail).model_dump(),
        flags=[FlagOut(id=f.id, reason=f.reason, note=f.note, weight=f.weight, flagger=person(a),
                       created_at=f.created_at) for f, a in detail.flags],
        history=[action(e) for e in detail.history],
        original=detail.original.text if detail.original else None,
        guideline=detail.guideline.title if detail.guideline else None,
        appeal_text=detail.reviewable.appeal_text, author_trust_level=detail.author_level)


def member_history(history: MemberHistory) -> MemberHistoryOut:
    standing = history.standing
    return MemberHistoryOut(
        member=person(history.member), trust_level=history.level,
        published_count=standing.published_count if standing else 0,
        rejected_count=standing.rejected_count if standing else 0,
        warning_count=standing.warning_count if standing else 0,
        suspended_until=history.member.suspended_until,
        items=[reviewable(i) for i in history.items], actions=[action(e) for e in history.actions])
