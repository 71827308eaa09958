"""The plain-text part of the newsletter: the edition as a mail client without HTML shows it.

Every story: its rank and title, its outlets, the cited summary (each citation a ``[n]`` footnote
whose link is listed under the story), "What they're saying" for a Feature, and the address of
the full story; each section under its heading.
Lines are wrapped at ``WIDTH`` columns; a link is never broken.

Text from articles is untrusted: ``one_line`` makes every value one line of printable text (no
CR/LF, no other line or paragraph separator, no control character and no bidirectional override
that could make a link read as something else), which is also what makes it safe in a header.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence

from broadsheet.model import Edition, EditionStory, Quote
from broadsheet.render.html import BLINDSPOT, KIND_LABELS, plural, shorten
from broadsheet.timestamps import display_date

WIDTH = 72
_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

# (story id, article id, url) -> the absolute link of a citation; story id -> the story's page.
CiteLink = Callable[[str, str, str | None], str]
StoryLink = Callable[[str], str]


def one_line(text: str | None) -> str:
    """``text`` as one line of printable text: white space of every kind (CR, LF, U+2028 ...)
    collapsed to single spaces, control characters and direction overrides removed."""
    return " ".join(_HIDDEN.sub(" ", text or "").split())


def _wrap(text: str, indent: str = "   ", first: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


class _Notes:
    """The footnotes of one story: each distinct link gets a number, in order of first use."""

    def __init__(self) -> None:
        self.links: dict[str, tuple[int, str]] = {}

    def mark(self, link: str, label: str | None) -> str:
        if link not in self.links:
            self.links[link] = (len(self.links) + 1, one_line(label) or "source")
        return f"[{self.links[link][0]}]"

    def lines(self) -> list[str]:
        return [f"   [{n}] {label}: {link}" for link, (n, label) in self.links.items()]


def _said(quote: Quote) -> str:
    text = one_line(shorten(quote.content))
    return f"“{text}”" if quote.kind == "direct" else text


def _story(story: EditionStory, cite: CiteLink, story_link: StoryLink) -> list[str]:
    notes = _Notes()
    lines = _wrap(one_line(story.title), first=f"{story.rank}. ".ljust(3))
    if story.outlets:
        lines += _wrap(" · ".join(one_line(o) for o in story.outlets))
    if story.perspectives and story.perspectives.blindspot:
        lines += _wrap(BLINDSPOT.format(side=story.perspectives.blindspot))
    summary = " ".join(
        f"{one_line(s.text)} {notes.mark(cite(story.story_id, s.article_id, s.url), s.outlet)}"
        for s in story.summary)
    if summary:
        lines += ["", *_wrap(summary)]
    if story.saying:
        lines += ["", "   What they’re saying"]
        for voice in story.saying:
            quote = voice.quotes[0]
            role = f", {one_line(voice.role)}" if voice.role else ""
            mark = notes.mark(cite(story.story_id, quote.article_id, quote.url), quote.outlet)
            lines += _wrap(f"{one_line(voice.speaker)}{role}: {_said(quote)} {mark}", indent="     ",
                           first="   - ")
    lines += ["", f"   The full story: {story_link(story.story_id)}"]
    return lines + (["", *notes.lines()] if notes.links else [])


def render_text(edition: Edition, dateline: str, groups: Sequence[tuple[str | None, Sequence[EditionStory]]],
                more: int, *, cite: CiteLink, story_link: StoryLink, edition_link: str,
                unsubscribe_link: str) -> str:
    """The plain-text part: masthead, each group (section title, stories), how many ``more``
    stories the edition has on the web, then the footer."""
    title = one_line(edition.title)
    lines = [title.upper(), one_line(dateline), "=" * min(WIDTH, max(len(title), len(dateline)))]
    for heading, stories in groups:
        if heading:
            lines += ["", one_line(heading).upper(), "-" * len(one_line(heading))]
        for story in stories:
            lines += ["", *_story(story, cite, story_link)]
    if not any(stories for _, stories in groups):
        lines += ["", "No stories in this edition."]
    if more > 0:
        lines += ["", *_wrap(f"{plural(more, 'more story', 'more stories')} in this edition: "
                             f"{edition_link}", indent="")]
    lines += ["", "-" * WIDTH,
              "Every summary sentence is copied word for word from the article it cites.",
              f"Read this edition on the web: {edition_link}",
              f"You get this email because you subscribed to {title}.",
              f"Unsubscribe: {unsubscribe_link}"]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def dateline(edition: Edition) -> str:
    """"Daily edition · 18 November 2019 · 12 stories", "Weekly edition · week to 18 November
    2019 · …", or "Daily edition · everything stored · …" for an edition with no window: what
    the index page says (``edition.html``), for the letter and ``edition.md``."""
    label = KIND_LABELS.get(edition.kind, "Edition")
    week = "week to " if edition.kind == "weekly" else ""
    when = f"{week}{display_date(edition.date)}" if edition.date else "everything stored"
    return f"{label} · {when} · {plural(len(edition.stories), 'story', 'stories')}"
