"""Rendered post cards, kept and shared between viewers.

A thread page is mostly its posts, and a post card's HTML depends on a handful of facts:
the post as edited, its score, whether it is accepted, and what this viewer may do with it
(vote, edit, accept, read history). Those facts are the cache key, so a card is reused by
every viewer in the same situation and can never show one viewer's controls to another.
The CSRF token inside the card's forms is a placeholder that `render` fills in per response.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from hearth import i18n
from hearth.accounts.models import Account, Role
from web.rendering import TOKEN_PLACEHOLDER, environment

MAX_CARDS = 20_000
_cards: OrderedDict[tuple[Any, ...], Markup] = OrderedDict()


@lru_cache(maxsize=1)
def _macros() -> Any:
    return environment.get_template("forums/_macros.html").make_module()


def _key(post: Any, view: Any, account: Account | None) -> tuple[Any, ...]:
    thread = view.thread
    viewer = (None if account is None else
              (account.id == post.author_id, account.id == thread.author_id, account.has_role(Role.MODERATOR)))
    return (post.id, post.edited_at, post.score, post.state, tuple(view.moderation.get(post.id, ())),
            post.author.display_name, post.author.handle,
            post.id == thread.accepted_post_id, post.id in view.voted, viewer, thread.locked, thread.kind,
            i18n.current.get())


def post_card(post: Any, view: Any, account: Account | None) -> Markup:
    key = _key(post, view, account)
    card = _cards.get(key)
    if card is None:
        card = Markup(_macros().post_card(post, view, account, TOKEN_PLACEHOLDER))
        _cards[key] = card
        if len(_cards) > MAX_CARDS:
            _cards.popitem(last=False)
    return card


def clear() -> None:
    _cards.clear()


environment.globals["cached_post_card"] = post_card
