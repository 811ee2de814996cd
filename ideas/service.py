"""The only code that writes the idea exchange's tables. Services flush; the request commits.

Events (ids, never objects), for search and notifications (ideas/handlers.py):
- idea.proposed {idea_id}: a new idea, published or held for a moderator;
- idea.changed {idea_id}: its text or its moderation state changed;
- idea.commented {idea_id, comment_id}: a comment became public;
- idea.status_changed {idea_id, change_id}: a product manager triaged it (voters and followers hear);
- idea.merged {idea_id, into_id, change_id}: it was merged into another idea.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, false, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value

from hearth import clock, events, markdown, paging, saving, search
from hearth.accounts.models import Account, Role
from hearth.db import rowcount, upsert_insert
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.settings import get_settings
from ideas.models import (
    ACTIVE,
    Idea,
    IdeaArea,
    IdeaComment,
    IdeaFollow,
    IdeaReviewTheme,
    IdeaStatus,
    IdeaStatusChange,
    IdeaTag,
    IdeaVote,
)
from ideas.schemas import AreaIn, CommentIn, IdeaIn, StatusIn
from moderation import service as moderation
from moderation.models import ContentState

PAGE_SIZE = 20
IDEA_KIND = "idea"  # the kinds moderation knows ideas and their comments by
COMMENT_KIND = "idea.comment"
SEARCH_KIND = "idea"
SORTS = ("trending", "top", "new")
# Trending: each vote and comment adds exp((t - EPOCH) / TAU) to a sum that is stored as its log,
# so a vote costs one logaddexp and "trending now" is ORDER BY trending. Older activity weighs
# less by e every TAU (half after 2.8 days); an idea starts with the weight of one vote.
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
TAU = timedelta(days=4).total_seconds()
THEMES_SHOWN = 10
IDEAS_PER_THEME = 5


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80] or "idea"


def idea_url(idea: Idea) -> str:
    return f"/ideas/{idea.id}"


def _may_triage(account: Account) -> bool:
    return account.has_role(Role.PRODUCT_MANAGER)


def _require_manager(account: Account) -> None:
    if not _may_triage(account):
        raise Forbidden("Only product managers can triage ideas")


# --- trending ---------------------------------------------------------------------------------

def moment(at: datetime) -> float:
    """A point in time on the trending scale: one unit per TAU since EPOCH."""
    return (at - EPOCH).total_seconds() / TAU


def logaddexp(a: float, b: float) -> float:
    """log(exp(a) + exp(b)) without overflow."""
    high, low = max(a, b), min(a, b)
    return high + math.log1p(math.exp(low - high))


def _without(total: float, term: float, floor: float) -> float:
    """log(exp(total) - exp(term)), never below `floor` (the idea's own weight) for rounding."""
    if term >= total:
        return floor
    return max(total + math.log1p(-math.exp(term - total)), floor)


# --- areas ------------------------------------------------------------------------------------

async def list_areas(session: AsyncSession) -> list[IdeaArea]:
    return list(await session.scalars(select(IdeaArea).order_by(IdeaArea.position, IdeaArea.name)))


async def get_area(session: AsyncSession, *, slug: str | None = None, area_id: int | None = None) -> IdeaArea:
    area = await session.scalar(select(IdeaArea).where(IdeaArea.slug == slug if slug is not None
                                                       else IdeaArea.id == area_id))
    if area is None:
        raise NotFound("No such product area")
    return area


async def save_area(session: AsyncSession, data: AreaIn, area_id: int | None = None) -> IdeaArea:
    area = IdeaArea(created_at=clock.now()) if area_id is None else await get_area(session, area_id=area_id)
    if not await saving.add_unique(session, area, **data.model_dump()):
        raise Conflict("Another product area already uses this address", field="slug")
    return area


async def _area_for(session: AsyncSession, area: str | int | None) -> IdeaArea | None:
    if area is None:
        return None
    try:
        return await get_area(session, slug=area) if isinstance(area, str) else await get_area(session, area_id=area)
    except NotFound:
        raise Invalid("No such product area", field="area") from None


# --- proposing --------------------------------------------------------------------------------

async def _insert_new(session: AsyncSession, model: type, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose key is not taken yet (ON CONFLICT DO NOTHING); how many were new.
    Two requests inserting the same key at once: the database lets one in, the other finds it."""
    if not rows:
        return 0
    result = await session.execute(upsert_insert(session, model).values(rows).on_conflict_do_nothing())
    return rowcount(result)


async def _follow(session: AsyncSession, idea_id: int, account_ids: Iterable[int]) -> None:
    now = clock.now()
    await _insert_new(session, IdeaFollow, [{"idea_id": idea_id, "account_id": account_id, "created_at": now}
                                            for account_id in sorted(set(account_ids))])


async def propose(session: AsyncSession, author: Account, data: IdeaIn) -> Idea:
    area = await _area_for(session, data.area)
    screened = await moderation.screen(session, author, IDEA_KIND, data.body, title=data.title)
    title, now = screened.title or data.title, clock.now()
    idea = Idea(area_id=area.id if area else None, author_id=author.id, title=title, slug=slugify(title),
                body=screened.text, body_html=markdown.render(screened.text),
                language=data.language or screened.report.language or author.language, status=IdeaStatus.OPEN,
                state=screened.state, vote_count=0, comment_count=0, trending=moment(now), version=0,
                created_at=now, updated_at=now, last_activity_at=now)
    session.add(idea)
    await session.flush()
    session.add_all(IdeaTag(idea_id=idea.id, name=name) for name in data.tags)
    await _follow(session, idea.id, [author.id])
    await session.flush()
    await moderation.record(session, screened, idea.id)
    events.publish(session, "idea.proposed", idea_id=idea.id)
    return idea


# --- reading one ------------------------------------------------------------------------------

async def get_idea(session: AsyncSession, idea_id: int) -> Idea:
    idea = await session.get(Idea, idea_id)
    if idea is None:
        raise NotFound("No such idea")
    return idea


def _may_read(state: ContentState, author_id: int, viewer: Account | None) -> bool:
    """Everyone reads what is published; authors their own held or hidden texts too, moderators
    everything but deleted texts (the rule of forum posts)."""
    if state == ContentState.PUBLISHED:
        return True
    if viewer is None or state == ContentState.DELETED:
        return False
    return viewer.has_role(Role.MODERATOR) or (author_id == viewer.id and state != ContentState.REJECTED)


async def readable_idea(session: AsyncSession, idea_id: int, viewer: Account | None) -> Idea:
    """The idea if `viewer` may read it, else NotFound: whoever may not is not told it exists."""
    idea = await get_idea(session, idea_id)
    if not _may_read(idea.state, idea.author_id, viewer):
        raise NotFound("No such idea")
    return idea


async def _lock(session: AsyncSession, idea_id: int) -> Idea:
    """The idea, read afresh with its row locked (PostgreSQL) until the transaction ends: votes,
    comments and triage of one idea happen one after another, so its counters stay exact."""
    idea = await session.scalar(select(Idea).where(Idea.id == idea_id).with_for_update(key_share=True)
                                .execution_options(populate_existing=True))
    if idea is None:
        raise NotFound("No such idea")
    return idea


async def _locked(session: AsyncSession, idea_id: int, viewer: Account | None) -> Idea:
    """`_lock` for a viewer who may read the idea (else NotFound)."""
    idea = await _lock(session, idea_id)
    if not _may_read(idea.state, idea.author_id, viewer):
        raise NotFound("No such idea")
    return idea


# --- voting -----------------------------------------------------------------------------------

async def budget_left(session: AsyncSession, member: Account) -> int | None:
    """Votes the member may still cast under the vote budget; None when there is no budget.
    Only votes on ideas still in play count: a completed, declined or merged idea gives them back."""
    budget = get_settings().idea_vote_budget
    if not budget:
        return None
    used = await session.scalar(select(func.count()).select_from(IdeaVote).join(Idea, Idea.id == IdeaVote.idea_id)
                                .where(IdeaVote.voter_id == member.id, Idea.status.in_(ACTIVE))) or 0
    return max(budget - used, 0)


async def _hold_budget(session: AsyncSession, voter: Account) -> None:
    """Lock the voter's row (PostgreSQL) before their idea's: two votes sent at once are counted
    against one budget one after the other. Nothing to hold without a budget."""
    if get_settings().idea_vote_budget:
        await session.execute(select(Account.id).where(Account.id == voter.id).with_for_update(key_share=True))


async def _check_budget(session: AsyncSession, voter: Account) -> None:
    if await budget_left(session, voter) == 0:
        raise Conflict("You have used all %(budget)s of your votes: take one back, or wait until an idea you "
                       "voted for is completed or declined", budget=get_settings().idea_vote_budget)


def _refuse_closed(idea: Idea) -> None:
    if idea.status == IdeaStatus.MERGED:
        raise Conflict("This idea was merged into another one: vote there")
    if not idea.takes_votes:
        raise Conflict("This idea is closed: it takes no more votes")


async def _vote_time(session: AsyncSession, idea_id: int, voter_id: int) -> datetime | None:
    """When the member voted for the idea; None if they did not."""
    return await session.scalar(select(IdeaVote.created_at).where(IdeaVote.idea_id == idea_id,
                                                                  IdeaVote.voter_id == voter_id))


async def vote(session: AsyncSession, voter: Account, idea_id: int) -> Idea:
    """One vote per member per idea: voting again changes nothing and is no error."""
    await _hold_budget(session, voter)
    idea = await _locked(session, idea_id, voter)
    if not idea.public:
        raise Conflict("This idea waits for a moderator; it takes votes once it is published")
    _refuse_closed(idea)
    if await _vote_time(session, idea.id, voter.id) is not None:
        return idea
    await _check_budget(session, voter)
    now = clock.now()
    # The count goes up only when this insert added the row: it always equals the votes stored.
    if await _insert_new(session, IdeaVote, [{"idea_id": idea.id, "voter_id": voter.id, "created_at": now}]):
        await session.execute(update(Idea).where(Idea.id == idea.id).values(
            vote_count=Idea.vote_count + 1, trending=logaddexp(idea.trending, moment(now)), last_activity_at=now))
        await session.refresh(idea, ["vote_count", "trending", "last_activity_at"])
    return idea


async def unvote(session: AsyncSession, voter: Account, idea_id: int) -> Idea:
    """Take a vote back (no vote: nothing changes). The votes of a closed idea stay as they are."""
    idea = await _locked(session, idea_id, voter)
    _refuse_closed(idea)
    voted_at = await _vote_time(session, idea.id, voter.id)
    if voted_at is None:
        return idea
    result = await session.execute(delete(IdeaVote).where(IdeaVote.idea_id == idea.id,
                                                          IdeaVote.voter_id == voter.id))
    if rowcount(result):
        trending = _without(idea.trending, moment(voted_at), moment(idea.created_at))
        await session.execute(update(Idea).where(Idea.id == idea.id).values(vote_count=Idea.vote_count - 1,
                                                                              trending=trending))
        await session.refresh(idea, ["vote_count", "trending"])
    return idea


# --- comments ---------------------------------------------------------------------------------

async def comment(session: AsyncSession, author: Account, idea_id: int, data: CommentIn) -> IdeaComment:
    idea = await _locked(session, idea_id, author)
    if idea.status == IdeaStatus.MERGED:
        raise Conflict("This idea was merged into another one: comment there")
    screened = await moderation.screen(session, author, COMMENT_KIND, data.body)
    now = clock.now()
    row = IdeaComment(idea_id=idea.id, author_id=author.id, body=screened.text,
                      body_html=markdown.render(screened.text), state=screened.state, created_at=now)
    session.add(row)
    if row.public:
        _count_comment(idea, 1, now)
    await _follow(session, idea.id, [author.id])
    await session.flush()
    await moderation.record(session, screened, row.id)
    if row.public:
        events.publish(session, "idea.commented", idea_id=idea.id, comment_id=row.id)
    return row


def _count_comment(idea: Idea, delta: int, now: datetime) -> None:
    idea.comment_count += delta
    if delta > 0:
        idea.trending = logaddexp(idea.trending, moment(now))
        idea.last_activity_at = now


async def set_comment_state(session: AsyncSession, comment_id: int, state: ContentState) -> IdeaComment:
    """Moderation's decision applied to a comment; the idea's comment count follows."""
    row = await session.get(IdeaComment, comment_id)
    if row is None:
        raise NotFound("No such comment")
    idea = await _lock(session, row.idea_id)
    was_public, row.state = row.public, state
    if was_public != row.public:
        _count_comment(idea, 1 if row.public else -1, clock.now())
    await session.flush()
    if row.public and not was_public:
        events.publish(session, "idea.commented", idea_id=idea.id, comment_id=row.id)
    return row


async def replace_comment_text(session: AsyncSession, editor: Account, comment_id: int, text: str) -> IdeaComment:
    """A moderator's edit from the review queue."""
    row = await session.get(IdeaComment, comment_id)
    if row is None:
        raise NotFound("No such comment")
    row.body, row.body_html = text, markdown.render(text)
    await session.flush()
    return row


async def set_idea_state(session: AsyncSession, idea_id: int, state: ContentState) -> Idea:
    """Moderation's decision applied to an idea's text (a held idea published, a hidden one back)."""
    idea = await get_idea(session, idea_id)
    idea.state, idea.updated_at = state, clock.now()
    await session.flush()
    events.publish(session, "idea.changed", idea_id=idea.id)
    return idea


async def replace_idea_text(session: AsyncSession, editor: Account, idea_id: int, text: str) -> Idea:
    idea = await get_idea(session, idea_id)
    idea.body, idea.body_html, idea.updated_at = text, markdown.render(text), clock.now()
    await session.flush()
    events.publish(session, "idea.changed", idea_id=idea.id)
    return idea


async def set_following(session: AsyncSession, account: Account, idea_id: int, following: bool) -> bool:
    await readable_idea(session, idea_id, account)
    if following:
        await _follow(session, idea_id, [account.id])
    else:
        await session.execute(delete(IdeaFollow).where(IdeaFollow.idea_id == idea_id,
                                                       IdeaFollow.account_id == account.id))
    return following


async def audience(session: AsyncSession, idea_id: int) -> set[int]:
    """Who hears about an idea's news: its voters and its followers."""
    voters = select(IdeaVote.voter_id).where(IdeaVote.idea_id == idea_id)
    followers = select(IdeaFollow.account_id).where(IdeaFollow.idea_id == idea_id)
    return set(await session.scalars(voters.union(followers)))


async def followers(session: AsyncSession, idea_id: int, *, since: datetime | None = None) -> list[int]:
    """Who follows the idea; with `since`, only those who already followed it then (news of a comment
    goes to who followed when it was written, not to voters of a duplicate merged in later)."""
    query = select(IdeaFollow.account_id).where(IdeaFollow.idea_id == idea_id)
    if since is not None:
        query = query.where(IdeaFollow.created_at <= since)
    return list(await session.scalars(query.order_by(IdeaFollow.account_id)))


# --- triage -----------------------------------------------------------------------------------

def _stale() -> Conflict:
    return Conflict("Someone triaged this idea since you opened it; look at what changed and try again",
                    field="version")


async def _triage(session: AsyncSession, manager: Account, idea: Idea, to: IdeaStatus, response: str,
                  version: int | None, **values: Any) -> IdeaStatusChange:
    """Move the idea to `to` under the version check and keep the change with its public response."""
    now, before = clock.now(), idea.status
    await saving.bump_version(session, idea, idea.version if version is None else version, _stale(),
                              status=to, status_changed_at=now, **values)
    change = IdeaStatusChange(idea_id=idea.id, actor_id=manager.id, from_status=before, to_status=to,
                              response=response, response_html=markdown.render(response) if response else "",
                              created_at=now)
    session.add(change)
    await session.flush()
    return change


async def _triageable(session: AsyncSession, manager: Account, idea_id: int) -> Idea:
    idea = await _locked(session, idea_id, manager)
    if not idea.public:
        raise Conflict("Only a published idea can be triaged; a moderator looks at this one first")
    if idea.status == IdeaStatus.MERGED:
        raise Conflict("This idea was merged into another one: triage that one")
    return idea


async def set_status(session: AsyncSession, manager: Account, idea_id: int, data: StatusIn) -> Idea:
    """A product manager moves the idea on and says why; every voter and follower is told."""
    _require_manager(manager)
    to = IdeaStatus(data.status)
    if to == IdeaStatus.MERGED:
        raise Invalid("An idea is merged by merging it into another one", field="status")
    response = data.response.strip()
    if not response:
        raise Invalid("Tell voters what happens: a status change needs a response", field="response")
    idea = await _triageable(session, manager, idea_id)
    change = await _triage(session, manager, idea, to, response, data.version)
    events.publish(session, "idea.status_changed", idea_id=idea.id, change_id=change.id)
    return idea


async def merge(session: AsyncSession, manager: Account, idea_id: int, into_id: int, response: str | None = None,
                *, version: int | None = None) -> Idea:
    """Merge a duplicate into the idea it repeats: its votes move (a member who voted for both keeps
    one), its followers follow the other too, its comments stay where they are, and it points to
    the idea it joined. Returns the merged idea."""
    _require_manager(manager)
    if idea_id == into_id:
        raise Invalid("An idea cannot be merged into itself", field="into")
    # Both rows locked, the lower id first: two merges of the same pair cannot deadlock.
    locked = {i: await _triageable_target(session, manager, i, i == into_id) for i in sorted((idea_id, into_id))}
    source, target = locked[idea_id], locked[into_id]
    if source.status == IdeaStatus.MERGED:
        raise Conflict("This idea was already merged into another one")
    await _move_followers(session, source.id, target.id)
    await _move_votes(session, source, target)
    change = await _triage(session, manager, source, IdeaStatus.MERGED, (response or "").strip(), version,
                           merged_into_id=target.id)
    events.publish(session, "idea.merged", idea_id=source.id, into_id=target.id, change_id=change.id)
    return source


async def _triageable_target(session: AsyncSession, manager: Account, idea_id: int, is_target: bool) -> Idea:
    idea = await _locked(session, idea_id, manager)
    if not idea.public:
        raise Conflict("Only published ideas can be merged")
    if is_target and idea.status == IdeaStatus.MERGED:
        # Every idea on a merge chain but its end is merged, so this also refuses every cycle.
        raise Conflict("That idea was itself merged into another one: merge into the idea it joined",
                       field="into")
    return idea


async def _move_followers(session: AsyncSession, source_id: int, target_id: int) -> None:
    """The duplicate's followers follow the idea it joins; its voters follow the duplicate, so that
    the news of the merge reaches them once their votes have moved."""
    moved = list(await session.scalars(select(IdeaFollow.account_id).where(IdeaFollow.idea_id == source_id)))
    await _follow(session, target_id, moved)
    voters = list(await session.scalars(select(IdeaVote.voter_id).where(IdeaVote.idea_id == source_id)))
    await _follow(session, source_id, voters)


async def _move_votes(session: AsyncSession, source: Idea, target: Idea) -> None:
    theirs = aliased(IdeaVote)
    movable = (await session.execute(select(IdeaVote.voter_id, IdeaVote.created_at).where(
        IdeaVote.idea_id == source.id,
        ~exists().where(theirs.idea_id == target.id, theirs.voter_id == IdeaVote.voter_id)))).all()
    if movable:
        await session.execute(insert(IdeaVote), [{"idea_id": target.id, "voter_id": voter_id, "created_at": at}
                                                 for voter_id, at in movable])
    await session.execute(delete(IdeaVote).where(IdeaVote.idea_id == source.id))
    trending = target.trending
    for _voter_id, at in movable:
        trending = logaddexp(trending, moment(at))
    for idea, values in ((source, {}), (target, {"trending": trending})):
        await session.execute(update(Idea).where(Idea.id == idea.id).values(vote_count=_stored_votes(idea.id),
                                                                              **values))
        await session.refresh(idea, ["vote_count", "trending"])


def _stored_votes(idea_id: int) -> Any:
    return select(func.count()).where(IdeaVote.idea_id == idea_id).scalar_subquery()


# --- lists ------------------------------------------------------------------------------------

@dataclass
class IdeaRow:
    idea: Idea
    author: Account
    area: IdeaArea | None
    voted: bool
    tags: list[str]


_TAG_SEPARATOR = "\x1f"


def _row_query(viewer: Account | None) -> Any:
    """Ideas with their author, area, tags and whether `viewer` voted for each: one statement."""
    voted: ColumnElement[bool] = (exists().where(IdeaVote.idea_id == Idea.id, IdeaVote.voter_id == viewer.id)
                                  if viewer is not None else false())
    tags = select(func.aggregate_strings(IdeaTag.name, _TAG_SEPARATOR)).where(
        IdeaTag.idea_id == Idea.id).scalar_subquery()
    return (select(Idea, Account, IdeaArea, voted.label("voted"), tags.label("tags"))
            .join(Account, Account.id == Idea.author_id).outerjoin(IdeaArea, IdeaArea.id == Idea.area_id))


def _rows(result: Sequence[Any]) -> list[IdeaRow]:
    rows = []
    for idea, author, area, voted, tags in result:
        # Loaded in the same statement; attached without marking the idea changed.
        set_committed_value(idea, "author", author)
        set_committed_value(idea, "area", area)
        rows.append(IdeaRow(idea, author, area, bool(voted), sorted(tags.split(_TAG_SEPARATOR)) if tags else []))
    return rows


def _order(sort: str) -> tuple[Any, type]:
    if sort == "top":
        return Idea.vote_count, int
    if sort == "new":
        return Idea.created_at, datetime
    if sort == "trending":
        return Idea.trending, str  # a float travels in the cursor as its exact repr
    raise Invalid("Sort by trending, top or new", field="sort")


def _after(cursor: str, sort: str) -> ColumnElement[bool]:
    column, kind = _order(sort)
    value, last_id = paging.decode(cursor, kind, int)
    if kind is str:
        try:
            value = float(value)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise Invalid("This cursor is broken; start again from the first page", field="cursor")
    return or_(column < value, and_(column == value, Idea.id < last_id))


def _cursor(idea: Idea, sort: str) -> str:
    if sort == "top":
        return paging.encode(idea.vote_count, idea.id)
    if sort == "new":
        return paging.encode(idea.created_at, idea.id)
    return paging.encode(repr(idea.trending), idea.id)


def _statuses(status: IdeaStatus | str | Iterable[IdeaStatus | str] | None) -> list[IdeaStatus] | None:
    if status is None:
        return None
    try:
        return [IdeaStatus(status)] if isinstance(status, str) else [IdeaStatus(s) for s in status]
    except ValueError:
        raise Invalid("No such status", field="status") from None


async def list_ideas(session: AsyncSession, viewer: Account | None, *, sort: str = "trending",
                     status: IdeaStatus | str | Iterable[IdeaStatus | str] | None = None,
                     area: int | str | None = None, voted_by: int | None = None, tag: str | None = None,
                     cursor: str | None = None, limit: int = PAGE_SIZE) -> tuple[list[IdeaRow], str | None]:
    """Published ideas, trending (recent votes and comments weigh most), top (most votes) or new,
    optionally by status (one or several), product area (id or slug), a member's votes or a tag."""
    column, _kind = _order(sort)
    query = _row_query(viewer).where(Idea.state == ContentState.PUBLISHED)
    if (statuses := _statuses(status)) is not None:
        query = query.where(Idea.status.in_(statuses))
    if area is not None:
        found = await get_area(session, slug=area) if isinstance(area, str) else await get_area(session, area_id=area)
        query = query.where(Idea.area_id == found.id)
    if voted_by is not None:
        query = query.where(Idea.id.in_(select(IdeaVote.idea_id).where(IdeaVote.voter_id == voted_by)))
    if tag:
        query = query.where(Idea.id.in_(select(IdeaTag.idea_id).where(IdeaTag.name == tag)))
    if cursor:
        query = query.where(_after(cursor, sort))
    result = (await session.execute(query.order_by(column.desc(), Idea.id.desc()).limit(limit + 1))).all()
    rows = _rows(result[:limit])
    return rows, _cursor(rows[-1].idea, sort) if len(result) > limit else None


async def count_ideas(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Idea)) or 0


# --- one idea as a page shows it ----------------------------------------------------------------

@dataclass
class IdeaView:
    row: IdeaRow
    following: bool
    comments: list[IdeaComment]
    changes: list[tuple[IdeaStatusChange, Account | None]]
    merged_into: Idea | None = None
    # Why comments the viewer may see are not public (reason codes by comment id).
    moderation: dict[int, list[str]] = field(default_factory=dict)
    # Why the idea itself is not public (reason codes), for its author and moderators.
    held_for: list[str] = field(default_factory=list)

    @property
    def idea(self) -> Idea:
        return self.row.idea


async def idea_view(session: AsyncSession, idea_id: int, viewer: Account | None) -> IdeaView:
    """The idea with its comments the viewer may read and its status history, newest change last."""
    following = (exists().where(IdeaFollow.idea_id == Idea.id, IdeaFollow.account_id == viewer.id)
                 if viewer is not None else false())
    found = (await session.execute(_row_query(viewer).add_columns(following).where(Idea.id == idea_id))).first()
    if found is None or not _may_read(found[0].state, found[0].author_id, viewer):
        raise NotFound("No such idea")
    row = _rows([found[:5]])[0]
    comments, reasons = await _comments(session, idea_id, viewer)
    changes = (await session.execute(select(IdeaStatusChange, Account).outerjoin(
        Account, Account.id == IdeaStatusChange.actor_id).where(IdeaStatusChange.idea_id == idea_id)
        .order_by(IdeaStatusChange.id))).all()
    merged_into = await session.get(Idea, row.idea.merged_into_id) if row.idea.merged_into_id else None
    held_for = [] if row.idea.public else (await moderation.reasons_for(session, IDEA_KIND, [idea_id])).get(
        idea_id, [])
    return IdeaView(row, bool(found[5]), comments, [(c, a) for c, a in changes], merged_into, reasons, held_for)


async def _comments(session: AsyncSession, idea_id: int,
                    viewer: Account | None) -> tuple[list[IdeaComment], dict[int, list[str]]]:
    query = (select(IdeaComment, Account, moderation.reasons_column(COMMENT_KIND, IdeaComment.id))
             .join(Account, Account.id == IdeaComment.author_id).where(IdeaComment.idea_id == idea_id))
    if viewer is None:
        query = query.where(IdeaComment.state == ContentState.PUBLISHED)
    shown, reasons = [], {}
    for row, author, codes in (await session.execute(query.order_by(IdeaComment.id))).all():
        if _may_read(row.state, row.author_id, viewer):
            set_committed_value(row, "author", author)
            shown.append(row)
            if codes and not row.public:
                reasons[row.id] = codes
    return shown, reasons


# --- similar ideas, the roadmap, the product team's board, the export ------------------------------

@dataclass
class SimilarIdea:
    idea: Idea
    hit: search.SearchHit


async def similar(session: AsyncSession, text: str, *, language: str | None = None,
                  limit: int = 5) -> list[SimilarIdea]:
    """Ideas whose titles look like one being typed (any language; the typer's own first), so
    members vote for an idea instead of proposing it again. Merged ideas are left out."""
    hits = await search.backend().similar(session, SEARCH_KIND, text, limit=limit)
    if not hits:
        return []
    ideas = {i.id: i for i in await session.scalars(select(Idea).where(
        Idea.id.in_([h.ref_id for h in hits]), Idea.state == ContentState.PUBLISHED,
        Idea.status != IdeaStatus.MERGED))}
    found = [SimilarIdea(ideas[h.ref_id], h) for h in hits if h.ref_id in ideas]
    if language:
        found.sort(key=lambda s: s.idea.language != language)  # stable: relevance within each group
    return found


ROADMAP = (IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS, IdeaStatus.COMPLETED)


async def roadmap(session: AsyncSession, viewer: Account | None = None, *,
                  limit: int = 50) -> dict[str, list[IdeaRow]]:
    """What the brand plans, builds and has shipped: the most wanted first in each column."""
    return {str(status): (await list_ideas(session, viewer, sort="top", status=status, limit=limit))[0]
            for status in ROADMAP}


@dataclass
class AreaCounts:
    area: IdeaArea | None  # None: ideas without an area
    counts: dict[IdeaStatus, int]


@dataclass
class Theme:
    theme: IdeaReviewTheme
    ideas: list[IdeaRow]


@dataclass
class Board:
    areas: list[AreaCounts]
    themes: list[Theme]


async def board(session: AsyncSession, viewer: Account | None = None) -> Board:
    """For product managers: published ideas by area and status, and what 1–2 star reviews
    complain about most, each theme with the ideas that match it."""
    counts: dict[int | None, dict[IdeaStatus, int]] = {}
    for area_id, status, number in (await session.execute(
            select(Idea.area_id, Idea.status, func.count()).where(Idea.state == ContentState.PUBLISHED)
            .group_by(Idea.area_id, Idea.status))).all():
        counts.setdefault(area_id, {})[IdeaStatus(status)] = number
    areas = [AreaCounts(a, counts.pop(a.id, {})) for a in await list_areas(session)]
    if None in counts:
        areas.append(AreaCounts(None, counts[None]))
    themes = list(await session.scalars(select(IdeaReviewTheme).order_by(
        IdeaReviewTheme.low_reviews.desc(), IdeaReviewTheme.theme).limit(THEMES_SHOWN)))
    return Board(areas, await _themes_with_ideas(session, viewer, themes))


def theme_tag(theme: str) -> str:
    """The tag an idea carries to belong to a review theme (dimension keys use underscores)."""
    return theme.replace("_", "-")


async def _themes_with_ideas(session: AsyncSession, viewer: Account | None,
                             themes: list[IdeaReviewTheme]) -> list[Theme]:
    """An idea matches a theme by its tag (the theme's key) or when search finds the theme's label in it."""
    wanted: dict[str, list[int]] = {t.theme: [] for t in themes}
    by_tag = {theme_tag(t.theme): t.theme for t in themes}
    if by_tag:
        for name, idea_id in (await session.execute(select(IdeaTag.name, IdeaTag.idea_id).where(
                IdeaTag.name.in_(by_tag)))).all():
            wanted[by_tag[name]].append(idea_id)
    for t in themes:
        found = await search.backend().search(session, search.SearchQuery(text=t.label, kind=SEARCH_KIND,
                                                                            per_page=IDEAS_PER_THEME))
        wanted[t.theme] += [h.ref_id for h in found.hits]
    ids = {i for found in wanted.values() for i in found}
    rows = {r.idea.id: r for r in _rows((await session.execute(_row_query(viewer).where(
        Idea.id.in_(ids), Idea.state == ContentState.PUBLISHED, Idea.status != IdeaStatus.MERGED))).all())} \
        if ids else {}
    return [Theme(t, sorted({rows[i].idea.id: rows[i] for i in wanted[t.theme] if i in rows}.values(),
                            key=lambda r: (-r.idea.vote_count, -r.idea.id))[:IDEAS_PER_THEME]) for t in themes]


async def note_low_review(session: AsyncSession, themes: list[dict[str, str]]) -> None:
    """A 1–2 star review rated these dimensions (key, label) 1 or 2: each theme counts one more."""
    now = clock.now()
    for theme in themes:
        key, label = str(theme["key"])[:40], str(theme.get("label") or theme["key"])[:80]
        if await _insert_new(session, IdeaReviewTheme, [{"theme": key, "label": label, "low_reviews": 1,
                                                         "updated_at": now}]):
            continue
        await session.execute(update(IdeaReviewTheme).where(IdeaReviewTheme.theme == key).values(
            low_reviews=IdeaReviewTheme.low_reviews + 1, label=label, updated_at=now))


EXPORT_HEADER = ["id", "title", "status", "area", "author", "votes", "comments", "tags", "language", "created_at",
                 "status_changed_at", "merged_into", "url"]


def _cell(value: Any) -> str:
    text = "" if value is None else value.isoformat() if isinstance(value, datetime) else str(value)
    # A spreadsheet runs a cell that starts like a formula: shown as text instead.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def export_rows(session: AsyncSession, *, batch: int = 1_000) -> AsyncIterator[list[str]]:
    """Every published idea as CSV rows, the header first, read in batches by id."""
    yield EXPORT_HEADER
    last_id = 0
    while True:
        rows = _rows((await session.execute(_row_query(None).where(
            Idea.id > last_id, Idea.state == ContentState.PUBLISHED).order_by(Idea.id).limit(batch))).all())
        if not rows:
            return
        for r in rows:
            i = r.idea
            yield [_cell(v) for v in (i.id, i.title, i.status, r.area.slug if r.area else None, r.author.handle,
                                      i.vote_count, i.comment_count, " ".join(r.tags), i.language, i.created_at,
                                      i.status_changed_at, i.merged_into_id, idea_url(i))]
        last_id = rows[-1].idea.id
