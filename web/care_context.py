"""What a care agent sees beside an item: the same customer's other care items, and when the
customer is a member, their reviews, community posts and retention cases.

Assembled here rather than in care/: care may not read the forums, reviews or retention
(the import contracts), web/ may read every domain. A fixed number of statements whatever
the customer wrote: each list is one statement, cut at `SHOWN` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import CareItem
from forums.models import Post, Thread
from hearth.accounts.models import Account
from retention.models import RetentionCase
from reviews.models import Product, Review

SHOWN = 5
OTHER_ITEMS = 10


@dataclass
class CustomerContext:
    member: Account | None = None
    items: list[CareItem] = field(default_factory=list)
    reviews: list[tuple[Review, Product]] = field(default_factory=list)
    posts: list[tuple[Post, Thread]] = field(default_factory=list)
    cases: list[tuple[RetentionCase, Product]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.items or self.reviews or self.posts or self.cases)


async def other_items(session: AsyncSession, item: CareItem) -> list[CareItem]:
    """The customer's other conversations with the brand: by member account when known, else by
    their handle on the same platform (a handle means nothing across platforms)."""
    if item.customer_id is not None:
        same = CareItem.customer_id == item.customer_id
    elif item.customer_handle:
        same = (CareItem.customer_handle == item.customer_handle) & (CareItem.channel == item.channel)
    else:
        return []
    return list(await session.scalars(select(CareItem).where(same, CareItem.id != item.id)
                                      .order_by(CareItem.last_message_at.desc(), CareItem.id.desc())
                                      .limit(OTHER_ITEMS)))


async def for_item(session: AsyncSession, item: CareItem) -> CustomerContext:
    context = CustomerContext(items=await other_items(session, item))
    if item.customer_id is None:
        return context
    context.member = await session.get(Account, item.customer_id)
    if context.member is None:
        return context
    member_id = context.member.id
    context.reviews = [(r, p) for r, p in await session.execute(
        select(Review, Product).join(Product, Product.id == Review.product_id).where(Review.author_id == member_id)
        .order_by(Review.created_at.desc(), Review.id.desc()).limit(SHOWN))]
    context.posts = [(p, t) for p, t in await session.execute(
        select(Post, Thread).join(Thread, Thread.id == Post.thread_id).where(Post.author_id == member_id)
        .order_by(Post.created_at.desc(), Post.id.desc()).limit(SHOWN))]
    context.cases = [(c, p) for c, p in await session.execute(
        select(RetentionCase, Product).join(Product, Product.id == RetentionCase.product_id)
        .where(RetentionCase.customer_id == member_id)
        .order_by(RetentionCase.opened_at.desc(), RetentionCase.id.desc()).limit(SHOWN))]
    return context
