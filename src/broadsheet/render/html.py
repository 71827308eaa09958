"""HTML pages, rendered with Jinja2 from plain values: an Edition, an EditionStory, or a web view's data.

Every renderer takes ``Routes`` (``render.routes``) and so serves both the web app and the static
``out/``: the same templates, only the links differ. Article text, titles, names and urls come from
the open web and are untrusted: autoescaping is on for every template, and a url is only ever used
as a link when it is plain ``http``/``https`` (a ``javascript:`` or ``data:`` url is no link at
all), and no control character or bidirectional override reaches a page (``printable``). Pages
need no JavaScript, hold no inline style or script and load nothing from elsewhere (the
one stylesheet, ``style.css``), so an edition reads the same offline and under a strict
Content-Security-Policy.

Every citation points at something that exists: the article's own url when it has a safe one,
else the article's entry in the coverage list of its story page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from broadsheet.model import Coverage, Edition, EditionStory, Quote, Voice
from broadsheet.render.routes import Routes, article_anchor, slug, story_file
from broadsheet.timestamps import day, display_date, timestamp

__all__ = ["article_anchor", "slug", "story_file"]

TEMPLATES = "render/templates"
INDEX_QUOTE_WORDS = 30  # a longer quote is cut (with an ellipsis) where space is short
INDEX_VOICES = 3  # voices shown per story where space is short (the Markdown edition)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# Never written into a page: C0 controls (NUL ...) and the bidirectional embeddings, overrides
# and isolates, with which a title could reverse how the words after it read ("gnp.exe").
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
KIND_LABELS = {"daily": "Daily edition", "weekly": "Weekly edition"}
LEANING_LABELS = {"left": "left", "centre": "centre", "right": "right", "unknown": "not set"}
BLINDSPOT = "Blindspot: no outlet you marked {side} covered this story."  # page, card and email
SECTION_LABELS = {"feature": "Feature", "speed-read": "Speed Read", "good-news": "Good News",
                  "brief": "In Brief"}


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) url without spaces or control characters, else None."""
    if not url or _CONTROL.search(url.strip()):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def cite_href(routes: Routes, story_id: str, article_id: str, url: str | None) -> str:
    """Where a citation of ``article_id`` links: its url, else its entry on the story page."""
    return safe_url(url) or routes.article(story_id, article_id)


def shorten(text: str, words: int = INDEX_QUOTE_WORDS) -> str:
    """``text`` cut to ``words`` words, an ellipsis marking the cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """"1 voice", "2 voices", "3 stories": a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {many or noun + 's'}"


def lead_quote(voice: Voice) -> Quote:
    """The quote that best represents a voice where space is short: a short direct one if any."""
    direct = [q for q in voice.quotes if q.kind == "direct"]
    short = [q for q in direct if len(q.content.split()) <= INDEX_QUOTE_WORDS]
    return (short or direct or list(voice.quotes))[0]


def date_range(first: str | None, last: str | None) -> str:
    """"18 November 2019", or "13–18 November 2019" / "30 October – 2 November 2019" for a span."""
    a, b = day(first), day(last)
    if a is None or b is None or a == b:
        return display_date(last or first)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{display_date(last)}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {display_date(last)}"
    return f"{display_date(first)} – {display_date(last)}"


def by_outlet(story: EditionStory) -> list[tuple[str, str | None, list[Coverage]]]:
    """The coverage grouped by outlet, in first-seen order: ``(outlet, leaning, articles)``."""
    groups: dict[str, tuple[str, str | None, list[Coverage]]] = {}
    for entry in story.coverage:
        name = entry.outlet or "Unknown outlet"
        groups.setdefault(name.casefold(), (name, entry.leaning, []))[2].append(entry)
    return list(groups.values())


def timeline(story: EditionStory) -> list[Coverage]:
    """The coverage in order of publication, undated articles last."""
    def when(entry: Coverage) -> tuple[float, str]:
        stamp = timestamp(entry.published)
        return (stamp if stamp is not None else float("inf"), entry.article_id)

    return sorted(story.coverage, key=when)


def duplicate_label(story: EditionStory, article_id: str) -> str:
    """How a near-duplicate names its original: the original's outlet, else its title or id."""
    original = next((c for c in story.coverage if c.article_id == article_id), None)
    return (original.outlet or original.title) if original else article_id


def stories_of(edition: Edition, story_ids: Sequence[str]) -> list[EditionStory]:
    """The edition's stories with these ids, in that order."""
    by_id = {s.story_id: s for s in edition.stories}
    return [by_id[i] for i in story_ids if i in by_id]


def printable(value: Any) -> Any:
    """A value as it may be written into a page: text without ``_UNPRINTABLE`` characters (markup
    already made safe stays markup); other values as they are. Every ``{{ }}`` goes through it."""
    if isinstance(value, Markup):
        return Markup(_UNPRINTABLE.sub("", str(value)))
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", value)
    return value


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment: package templates, autoescape on, strict about missing names."""
    env = Environment(
        loader=PackageLoader("broadsheet", TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=printable,
    )
    env.filters.update(display_date=display_date, shorten=shorten, plural=plural)
    env.globals.update(
        cite_href=cite_href, safe_url=safe_url, lead_quote=lead_quote, slug=slug,
        article_anchor=article_anchor, date_range=date_range, by_outlet=by_outlet,
        timeline=timeline, duplicate_label=duplicate_label, stories_of=stories_of,
        kind_labels=KIND_LABELS, section_labels=SECTION_LABELS, leaning_labels=LEANING_LABELS,
        blindspot_note=BLINDSPOT,
    )
    return env


def render_page(template: str, routes: Routes, *, site: str, twin: str | None = None,
                **data: Any) -> str:
    """Any page: ``template`` with ``data``, the site's title, its routes and its JSON twin's path."""
    return environment().get_template(template).render(routes=routes, site=site, twin=twin, **data)


def render_edition(edition: Edition, routes: Routes, *, twin: str | None = None,
                   site: str | None = None) -> str:
    """The edition's front page: contents, then each section's stories."""
    return render_page("edition.html", routes, site=site or edition.title, twin=twin, edition=edition)


def render_story(story: EditionStory, routes: Routes, *, edition: Edition | None = None,
                 twin: str | None = None, site: str | None = None) -> str:
    """A story's page: Speed Read, what they're saying, coverage by outlet, timeline, voices,
    entities. ``edition`` (when the page belongs to one) is linked back to."""
    title = site or (edition.title if edition else "broadsheet")
    return render_page("story.html", routes, site=title, twin=twin, story=story, edition=edition)


def stylesheet() -> str:
    """The site's ``style.css``, read from the templates folder as it is (not a template)."""
    return (files("broadsheet") / TEMPLATES / "style.css").read_text(encoding="utf-8")


def icon() -> str:
    """The site's ``favicon.svg`` (so no browser asks for a missing ``/favicon.ico``)."""
    return (files("broadsheet") / TEMPLATES / "favicon.svg").read_text(encoding="utf-8")
