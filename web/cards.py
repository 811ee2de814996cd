"""Rendered cards (forum posts, reviews), kept and shared between viewers.

A thread or product page is mostly its cards, and a card's HTML depends on a handful of
facts: the item as edited, its counts, and what this viewer may do with it (vote, edit,
accept, answer in the brand's name). Those facts are the cache key, so a card is reused by
every viewer in the same situation and can never show one viewer's controls to another.
The CSRF token inside a card's forms is a placeholder that `render` fills in per response.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from hearth import i18n
from hearth.accounts.models import Account, Role
from web.rendering import TOKEN_PLACEHOLDER, environment

MAX_CARDS = 20_000
_caches: list[OrderedDict[tuple[Any, ...], Markup]] = []


@lru_cache(maxsize=8)
def _macros(template: str) -> Any:
    return environment.get_template(template).make_module()


def cached_macro(template: str, macro: str,
                 key: Callable[..., tuple[Any, ...]]) -> Callable[..., Markup]:
    """A template function rendering `macro` once per key (plus the interface language)."""
    cards: OrderedDict[tuple[Any, ...], Markup] = OrderedDict()
    _caches.append(cards)

    def card(*args: Any) -> Markup:
        found_key = (*key(*args), i18n.current.get())
        found = cards.get(found_key)
        if found is None:
            found = Markup(getattr(_macros(template), macro)(*args, TOKEN_PLACEHOLDER))
            cards[found_key] = found
            if len(cards) > MAX_CARDS:
                cards.popitem(last=False)
        return found

    return card


def _post_key(post: Any, view: Any, account: Account | None) -> tuple[Any, ...]:
    thread = view.thread
    viewer = (None if account is None else
              (account.id == post.author_id, account.id == thread.author_id, account.has_role(Role.MODERATOR)))
    return (post.id, post.edited_at, post.score, post.state, tuple(view.moderation.get(post.id, ())),
            post.author.display_name, post.author.handle,
            post.id == thread.accepted_post_id, post.id in view.voted, viewer, thread.locked, thread.kind)


def _review_key(card: Any, product: Any, account: Account | None, may_respond: bool) -> tuple[Any, ...]:
    review, response = card.review, card.response
    viewer = None if account is None else (account.id == review.author_id, card.my_vote, may_respond)
    return (review.id, review.updated_at, review.state, review.helpful_count, review.unhelpful_count,
            tuple(card.moderation), card.author.display_name, card.author.handle,
            response.updated_at if response else None, card.responder.display_name if card.responder else None,
            product.id, tuple(d["key"] + d["label"] for d in product.category.dimensions), viewer)


def clear() -> None:
    for cards in _caches:
        cards.clear()


post_card = cached_macro("forums/_macros.html", "post_card", _post_key)
review_card = cached_macro("reviews/_macros.html", "review_card", _review_key)
environment.globals["cached_post_card"] = post_card
environment.globals["cached_review_card"] = review_card
