"""Service results as the API's schemas; api/ and web/ both read them."""

from __future__ import annotations

from hearth.accounts.models import Account
from ideas.models import IdeaComment, IdeaStatusChange
from ideas.schemas import (
    AreaCountOut,
    AuthorOut,
    BoardOut,
    CommentOut,
    IdeaOut,
    IdeaSummary,
    RoadmapOut,
    SimilarOut,
    StatusChangeOut,
    ThemeOut,
)
from ideas.service import Board, IdeaRow, IdeaView, SimilarIdea, idea_url
from moderation import screening


def author(account: Account) -> AuthorOut:
    return AuthorOut(id=account.id, handle=account.handle, display_name=account.display_name,
                     initials=account.initials)


def summary(row: IdeaRow) -> IdeaSummary:
    i = row.idea
    return IdeaSummary(id=i.id, title=i.title, status=i.status, vote_count=i.vote_count, voted=row.voted,
                       merged_into=i.merged_into_id, area=row.area.slug if row.area else None,
                       area_name=row.area.name if row.area else None, author=author(row.author),
                       comment_count=i.comment_count, tags=row.tags, language=i.language, created_at=i.created_at,
                       url=idea_url(i))


def comment(row: IdeaComment, reasons: list[str] | None = None) -> CommentOut:
    return CommentOut(id=row.id, body=row.body, body_html=row.body_html, author=author(row.author),
                      state=str(row.state), created_at=row.created_at,
                      moderation=[screening.author_message(code) for code in reasons or ()])


def status_change(change: IdeaStatusChange, actor: Account | None) -> StatusChangeOut:
    return StatusChangeOut(id=change.id, from_status=change.from_status, to_status=change.to_status,
                           response=change.response, response_html=change.response_html,
                           actor=author(actor) if actor else None, created_at=change.created_at)


def idea(view: IdeaView) -> IdeaOut:
    i = view.idea
    return IdeaOut(**summary(view.row).model_dump(), body=i.body, body_html=i.body_html, state=str(i.state),
                   following=view.following, version=i.version, status_changed_at=i.status_changed_at,
                   merged_into_title=view.merged_into.title if view.merged_into else None,
                   comments=[comment(c, view.moderation.get(c.id)) for c in view.comments],
                   status_changes=[status_change(c, a) for c, a in view.changes],
                   moderation=[screening.author_message(code) for code in view.held_for])


def similar(found: SimilarIdea) -> SimilarOut:
    return SimilarOut(id=found.idea.id, title=found.idea.title, title_html=found.hit.title_html,
                      status=found.idea.status, vote_count=found.idea.vote_count, language=found.idea.language,
                      url=idea_url(found.idea))


def roadmap(columns: dict[str, list[IdeaRow]]) -> RoadmapOut:
    return RoadmapOut(**{name: [summary(r) for r in rows] for name, rows in columns.items()})


def board(found: Board) -> BoardOut:
    return BoardOut(
        areas=[AreaCountOut(area=c.area.slug if c.area else None, area_name=c.area.name if c.area else None,
                            counts={str(status): n for status, n in c.counts.items()}) for c in found.areas],
        themes=[ThemeOut(theme=t.theme.theme, label=t.theme.label, low_reviews=t.theme.low_reviews,
                         ideas=[summary(r) for r in t.ideas]) for t in found.themes])
