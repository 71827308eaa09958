"""The edition as Markdown (``edition.md``): the front page in plain text, for email drafts and notes.

Text from articles is untrusted here too: Markdown passes raw HTML through to most renderers, so
every piece of text is escaped (``<``, ``>``, brackets, emphasis marks, backticks), rid of control
characters and direction overrides, and kept on one line; only safe http(s) urls become link
targets, as in the HTML pages.
"""

from __future__ import annotations

import re

from broadsheet.model import Edition, EditionStory, Quote, Voice
from broadsheet.render.email_text import dateline
from broadsheet.render.html import (
    cite_href,
    date_range,
    printable,
    shorten,
    stories_of,
)
from broadsheet.render.routes import Routes

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_URL_SPECIAL = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20"}


def escape(text: str) -> str:
    """``text`` on one line with every Markdown/HTML-significant character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def link(text: str, href: str) -> str:
    """A Markdown link with escaped text and a target that cannot break out of the parentheses."""
    target = "".join(_URL_SPECIAL.get(c, c) for c in href)
    return f"[{escape(text)}]({target})"


def _cite(story: EditionStory, outlet: str | None, article_id: str, url: str | None,
          routes: Routes) -> str:
    return link(outlet or "source", cite_href(routes, story.story_id, article_id, url))


def _summary(story: EditionStory, routes: Routes) -> str:
    return " ".join(
        f"{escape(s.text)} ({_cite(story, s.outlet, s.article_id, s.url, routes)})" for s in story.summary
    )


def _quote(quote: Quote) -> str:
    text = escape(shorten(quote.content))
    return f"“{text}”" if quote.kind == "direct" else f"_{text}_"


def _voice(voice: Voice, story: EditionStory, routes: Routes) -> str:
    quote = voice.quotes[0]
    role = f", {escape(voice.role)}" if voice.role else ""
    source = _cite(story, quote.outlet, quote.article_id, quote.url, routes)
    via = f", via {escape(quote.via)}" if quote.via else ""
    return f"- **{escape(voice.speaker)}**{role}: {_quote(quote)} — {source}{via}"


def _story(story: EditionStory, routes: Routes) -> list[str]:
    lines = [f"### {story.rank}. {link(story.title, routes.story(story.story_id))}", ""]
    meta = [date_range(story.first_published, story.last_published)]
    meta.append(" · ".join(escape(o) for o in story.outlets))
    lines += ["_" + " — ".join(m for m in meta if m) + "_", ""] if any(meta) else []
    if story.summary:
        lines += [_summary(story, routes), ""]
    if story.saying:
        lines += ["**What they’re saying**", ""]
        lines += [_voice(v, story, routes) for v in story.saying]
        lines.append("")
    return lines


def render_markdown(edition: Edition, routes: Routes | None = None) -> str:
    """``edition.md``: title, date, contents, then each section's stories with cited Speed Reads."""
    routes = routes or Routes.static()
    lines = [f"# {escape(edition.title)}", "", f"_{escape(dateline(edition))}_", ""]
    for section in edition.sections:
        lines += [f"## {escape(section.title)}", ""]
        for story in stories_of(edition, section.story_ids):
            lines += _story(story, routes)
    return "\n".join(lines).rstrip("\n") + "\n"
