"""Forum posts as moderation sees them: registered as the content kind "forum.post"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from forums import service
from forums.models import Post, Thread
from hearth import markdown
from hearth.accounts.models import Account
from moderation import kinds
from moderation.kinds import ContentView
from moderation.models import ContentState

EXCERPT = 400
# Shown on moderation pages (English msgids, translated there).
LABELS = {"kind": "Forum post", "question": "Question", "answer": "Answer"}


class ForumPosts:
    name = service.POST_KIND
    label = LABELS["kind"]

    async def views(self, session: AsyncSession, ids: list[int]) -> dict[int, ContentView]:
        if not ids:
            return {}
        rows = (await session.execute(select(Post, Thread).join(Thread, Thread.id == Post.thread_id)
                                      .where(Post.id.in_(ids)))).all()
        # The question an answer replies to, for context: one query for the whole batch.
        thread_ids = {t.id for p, t in rows if not p.is_opening}
        questions = {thread_id: body for thread_id, body in (await session.execute(
            select(Post.thread_id, Post.body).where(Post.thread_id.in_(thread_ids), Post.is_opening.is_(True))
        )).all()} if thread_ids else {}
        return {post.id: ContentView(
            kind=self.name, id=post.id, author_id=post.author_id, title=thread.title, body=post.body,
            body_html=post.body_html, url=f"{service.thread_url(thread)}#post-{post.id}", state=post.state,
            created_at=post.created_at, language=thread.language,
            context=LABELS["question"] if post.is_opening else LABELS["answer"],
            context_excerpt="" if post.is_opening else markdown.plain_text(questions.get(thread.id, ""))[:EXCERPT],
        ) for post, thread in rows}

    async def set_state(self, session: AsyncSession, content_id: int, state: ContentState) -> None:
        await service.set_post_state(session, content_id, state)

    async def replace_text(self, session: AsyncSession, content_id: int, text: str, editor: Account) -> None:
        await service.replace_post_text(session, editor, content_id, text)


kinds.register(ForumPosts())
