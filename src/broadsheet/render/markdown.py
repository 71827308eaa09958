"""The edition as Markdown (``edition.md``): the index page in plain text, for email drafts and notes.

Text from articles is untrusted here too: Markdown passes raw HTML through to most renderers, so
every piece of text is escaped (``<``, ``>``, brackets, emphasis marks, backticks) and kept on one
line; only safe http(s) urls become link targets, as in the HTML pages.
"""

from __future__ import annotations

import re

from broadsheet.model import Edition, EditionStory, Quote, Voice
from broadsheet.render.html import (
    INDEX_VOICES,
    lead_quote,
    plural,
    shorten,
    source_href,
    story_file,
)
from broadsheet.timestamps import display_date

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_URL_SPECIAL = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20"}


def escape(text: str) -> str:
    """``text`` on one line with every Markdown/HTML-significant character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(text: str, href: str) -> str:
    """A Markdown link with escaped text and a target that cannot break out of the parentheses."""
    target = "".join(_URL_SPECIAL.get(c, c) for c in href)
    return f"[{escape(text)}]({target})"


def _cite(outlet: str | None, article_id: str, url: str | None, story: EditionStory) -> str:
    """A link to the cited article (its url, else its entry on the story page)."""
    return link(outlet or "source", source_href(article_id, url, story.story_id, ""))


def _summary(story: EditionStory) -> str:
    return " ".join(
        f"{escape(s.text)} ({_cite(s.outlet, s.article_id, s.url, story)})" for s in story.summary
    )


def _quote(quote: Quote) -> str:
    text = escape(shorten(quote.content))
    return f"“{text}”" if quote.kind == "direct" else f"_{text}_"


def _voice(voice: Voice, story: EditionStory) -> str:
    quote = lead_quote(voice)
    role = f", {escape(voice.role)}" if voice.role else ""
    source = _cite(quote.outlet, quote.article_id, quote.url, story)
    via = f", via {escape(quote.via)}" if quote.via else ""
    return f"- **{escape(voice.speaker)}**{role}: {_quote(quote)} — {source}{via}"


def _story(story: EditionStory) -> list[str]:
    lines = [f"## {story.rank}. {link(story.title, story_file(story.story_id))}", ""]
    if story.outlets:
        lines += ["Outlets: " + " · ".join(escape(o) for o in story.outlets), ""]
    if story.summary:
        lines += [_summary(story), ""]
    if story.voices:
        lines += ["**What they’re saying**", ""]
        lines += [_voice(v, story) for v in story.voices[:INDEX_VOICES]]
        lines.append("")
    return lines


def render_markdown(edition: Edition) -> str:
    """``edition.md``: title, date, then each story's title, outlets, cited summary and top voices."""
    lines = [
        f"# {escape(edition.title)}",
        "",
        f"_{escape(display_date(edition.created))} · "
        f"{plural(len(edition.stories), 'story', 'stories')}_",
        "",
    ]
    for story in edition.stories:
        lines += _story(story)
    return "\n".join(lines).rstrip("\n") + "\n"
