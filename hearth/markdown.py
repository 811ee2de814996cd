"""Member-written markdown to safe HTML, and to plain text for search and previews.

markdown-it renders with raw HTML off, then nh3 (ammonia) sanitizes the result anyway:
two locks, because a renderer bug must not become stored XSS. Links get
rel="nofollow ugc noopener noreferrer" and only web and mail schemes survive.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
MENTION = re.compile(r"(?<![\w@/])@([a-z0-9_]{2,32})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.enable(["table", "strikethrough"])
    # Headings inside a post must not outrank the page's own; shift h1/h2 down to h3.
    md.add_render_rule("heading_open", _heading_open)
    md.add_render_rule("heading_close", _heading_close)
    return md


def _heading_level(tag: str) -> str:
    return f"h{max(3, int(tag[1]))}"


def _heading_open(self, tokens, idx, options, env):  # noqa: ANN001, ANN202
    return f"<{_heading_level(tokens[idx].tag)}>"


def _heading_close(self, tokens, idx, options, env):  # noqa: ANN001, ANN202
    return f"</{_heading_level(tokens[idx].tag)}>\n"


def render(text: str, *, mention_url: str = "/members/{handle}") -> str:
    html = _parser().render(text)
    html = _link_mentions(html, mention_url)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="nofollow ugc noopener noreferrer",
                     clean_content_tags={"script", "style"})


def _link_mentions(html: str, pattern: str) -> str:
    # Only in text, never inside tags or code: split on tags and skip <code>/<a> content.
    parts = re.split(r"(<[^>]+>)", html)
    depth = 0
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if name in {"code", "pre", "a"}:
                depth += -1 if part.startswith("</") else 1
            continue
        if depth == 0:
            parts[i] = MENTION.sub(lambda m: f'<a href="{pattern.format(handle=m.group(1).lower())}">@{m.group(1)}</a>',
                                   part)
    return "".join(parts)


def mentions(text: str) -> set[str]:
    """Handles mentioned with @name, outside code."""
    without_code = re.sub(r"```.*?```|`[^`]*`", " ", text, flags=re.S)
    return {m.lower() for m in MENTION.findall(without_code)}


def plain_text(text: str) -> str:
    """Readable text without markup, for search documents and previews."""
    html = _parser().render(text)
    stripped = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    import html as html_lib

    return " ".join(html_lib.unescape(stripped).split())
