"""Service results as API schemas; shared by api/ and web/ (for htmx JSON-free fragments too)."""

from __future__ import annotations

from forums.models import Post, Thread
from forums.schemas import AuthorOut, CategoryOut, PostOut, ThreadOut, ThreadSummary
from forums.service import ThreadRow, ThreadView, thread_url
from hearth.accounts.models import Account
from moderation import screening


def author(account: Account) -> AuthorOut:
    return AuthorOut(id=account.id, handle=account.handle, display_name=account.display_name,
                     initials=account.initials)


def summary(row: ThreadRow) -> ThreadSummary:
    t = row.thread
    return ThreadSummary(id=t.id, category_id=t.category_id, kind=t.kind, title=t.title, url=thread_url(t),
                         language=t.language, locked=t.locked, solved=t.solved, answer_count=t.answer_count,
                         author=author(row.author), created_at=t.created_at, last_activity_at=t.last_activity_at,
                         tags=row.tags)


def post(p: Post, thread: Thread, voted: set[int], reasons: list[str] | None = None) -> PostOut:
    return PostOut(id=p.id, thread_id=p.thread_id, is_opening=p.is_opening, body=p.body, body_html=p.body_html,
                   score=p.score, author=author(p.author), created_at=p.created_at, edited_at=p.edited_at,
                   accepted=p.id == thread.accepted_post_id, voted=p.id in voted, state=str(p.state),
                   moderation=[screening.author_message(code) for code in reasons or ()])


def thread(view: ThreadView) -> ThreadOut:
    t = view.thread
    base = summary(ThreadRow(t, view.question.author, view.tags))
    return ThreadOut(**base.model_dump(), category=CategoryOut.model_validate(view.category),
                     question=post(view.question, t, view.voted, view.moderation.get(view.question.id)),
                     answers=[post(a, t, view.voted, view.moderation.get(a.id)) for a in view.answers],
                     following=view.following)
