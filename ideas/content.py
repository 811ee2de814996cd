"""Ideas and their comments as moderation sees them: the content kinds "idea" and "idea.comment"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import markdown
from hearth.accounts.models import Account
from ideas import service
from ideas.models import Idea, IdeaComment
from moderation import kinds
from moderation.kinds import ContentView
from moderation.models import ContentState

EXCERPT = 400
# Shown on moderation pages (English msgids, translated there).
LABELS = {"idea": "Idea", "comment": "Comment on an idea"}


class IdeaTexts:
    name = service.IDEA_KIND
    label = LABELS["idea"]

    async def views(self, session: AsyncSession, ids: list[int]) -> dict[int, ContentView]:
        if not ids:
            return {}
        return {idea.id: ContentView(
            kind=self.name, id=idea.id, author_id=idea.author_id, title=idea.title, body=idea.body,
            body_html=idea.body_html, url=service.idea_url(idea), state=idea.state, created_at=idea.created_at,
            language=idea.language, context=LABELS["idea"],
        ) for idea in await session.scalars(select(Idea).where(Idea.id.in_(ids)))}

    async def set_state(self, session: AsyncSession, content_id: int, state: ContentState) -> None:
        await service.set_idea_state(session, content_id, state)

    async def replace_text(self, session: AsyncSession, content_id: int, text: str, editor: Account) -> None:
        await service.replace_idea_text(session, editor, content_id, text)


class IdeaComments:
    name = service.COMMENT_KIND
    label = LABELS["comment"]

    async def views(self, session: AsyncSession, ids: list[int]) -> dict[int, ContentView]:
        if not ids:
            return {}
        rows = (await session.execute(select(IdeaComment, Idea).join(Idea, Idea.id == IdeaComment.idea_id)
                                      .where(IdeaComment.id.in_(ids)))).all()
        return {row.id: ContentView(
            kind=self.name, id=row.id, author_id=row.author_id, title=idea.title, body=row.body,
            body_html=row.body_html, url=f"{service.idea_url(idea)}#comment-{row.id}", state=row.state,
            created_at=row.created_at, language=idea.language, context=LABELS["comment"],
            context_excerpt=markdown.plain_text(idea.body)[:EXCERPT],
        ) for row, idea in rows}

    async def set_state(self, session: AsyncSession, content_id: int, state: ContentState) -> None:
        await service.set_comment_state(session, content_id, state)

    async def replace_text(self, session: AsyncSession, content_id: int, text: str, editor: Account) -> None:
        await service.replace_comment_text(session, editor, content_id, text)


kinds.register(IdeaTexts())
kinds.register(IdeaComments())
