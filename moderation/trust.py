"""Trust levels, after Discourse: new members get tighter limits that lift as they take part.

0 new · 1 basic · 2 member · 3 regular. A level follows from what moderation counts
(posts published, days since joining) and is computed when needed, never stored, so a
changed setting applies at once. A refusal in the last 30 days caps a member at level 1.
Staff (any team role) are trusted fully.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hearth.accounts.models import Account, Role
from hearth.settings import get_settings
from moderation.models import Standing

NEW, BASIC, MEMBER, REGULAR = 0, 1, 2, 3
STAFF_LEVEL = 4
NAMES = {NEW: "New member", BASIC: "Basic member", MEMBER: "Member", REGULAR: "Regular", STAFF_LEVEL: "Staff"}
RECENT_REFUSAL = timedelta(days=30)
STAFF_ROLES = frozenset(Role) - {Role.MEMBER}


def is_staff(account: Account) -> bool:
    return bool(account.roles & STAFF_ROLES)


def level(account: Account, standing: Standing | None, now: datetime) -> int:
    if is_staff(account):
        return STAFF_LEVEL
    settings = get_settings()
    published = standing.published_count if standing else 0
    days = (now - account.created_at).days
    reached = NEW
    for candidate, (posts, min_days) in enumerate(
            zip(settings.moderation_trust_posts, settings.moderation_trust_days, strict=True), start=1):
        if published >= posts and days >= min_days:
            reached = candidate
    if standing and standing.last_rejected_at and now - standing.last_rejected_at < RECENT_REFUSAL:
        reached = min(reached, BASIC)
    return reached


def flag_weight(account: Account, standing: Standing | None, now: datetime) -> float:
    """How much a member's flag counts: more for trusted members, less for flaggers often wrong."""
    settings = get_settings()
    trust = level(account, standing, now)
    if trust == STAFF_LEVEL:
        return settings.moderation_staff_flag_weight
    weight = {NEW: 1.0, BASIC: 1.0, MEMBER: 1.5, REGULAR: 2.0}[trust]
    if standing:
        judged = standing.flags_agreed + standing.flags_disagreed
        if judged >= 5 and standing.flags_agreed / judged < 0.3:
            weight /= 2
    return weight
