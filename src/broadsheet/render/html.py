"""The web edition: an index page and one page per story, rendered with Jinja2.

Article text, titles, names and urls come from the open web and are untrusted: autoescaping is on
for every template, and a url is only ever used as a link when it is plain ``http``/``https`` (a
``javascript:`` or ``data:`` url is shown as no link at all). Pages need no JavaScript and load
nothing from elsewhere (one local stylesheet), so an edition reads the same offline.

Every citation points at something that exists: the article's own url when it has a safe one,
else the article's entry in the "Coverage" list of the story page (``stories/<id>.html#a-<id>``).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from broadsheet.model import Article, Edition, EditionStory, Quote, Voice
from broadsheet.timestamps import display_date

TEMPLATES = "render/templates"
INDEX_VOICES = 3  # voices shown per story on the index
INDEX_QUOTE_WORDS = 30  # a longer quote is cut (with an ellipsis) on the index
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def slug(identifier: str) -> str:
    """A file-name and fragment safe form of an id; ids that need changing get a hash suffix."""
    cleaned = _UNSAFE_NAME.sub("-", identifier)
    if cleaned == identifier and identifier:
        return identifier
    return f"{cleaned}-{hashlib.sha256(identifier.encode('utf-8')).hexdigest()[:8]}"


def story_file(story_id: str) -> str:
    """Path of a story's page relative to the site root."""
    return f"stories/{slug(story_id)}.html"


def article_anchor(article_id: str) -> str:
    """The fragment id of an article's entry in the coverage list of its story page."""
    return f"a-{slug(article_id)}"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) url without spaces or control characters, else None."""
    if not url or _CONTROL.search(url.strip()):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def source_href(article_id: str, url: str | None, story_id: str, root: str) -> str:
    """Where a citation of ``article_id`` links: its url, else its entry on the story page."""
    return safe_url(url) or f"{root}{story_file(story_id)}#{article_anchor(article_id)}"




def shorten(text: str, words: int = INDEX_QUOTE_WORDS) -> str:
    """``text`` cut to ``words`` words, an ellipsis marking the cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """"1 voice", "2 voices", "3 stories": a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {many or noun + 's'}"


def lead_quote(voice: Voice) -> Quote:
    """The quote that best represents a voice on the index: a short direct quote if there is one."""
    direct = [q for q in voice.quotes if q.kind == "direct"]
    short = [q for q in direct if len(q.content.split()) <= INDEX_QUOTE_WORDS]
    return (short or direct or list(voice.quotes))[0]


@dataclass(frozen=True)
class Member:
    """One member article as the coverage list shows it."""

    article_id: str
    anchor: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    duplicate_of: str | None = None
    duplicate_label: str | None = None


def members(story: EditionStory, articles: Mapping[str, Article]) -> list[Member]:
    """The story's articles for the coverage list, each near-duplicate naming its original."""
    originals = dict(story.duplicates)
    return [
        _member(aid, articles.get(aid), originals.get(aid), articles) for aid in story.article_ids
    ]


def _member(
    aid: str, article: Article | None, original: str | None, articles: Mapping[str, Article]
) -> Member:
    label = _label(original, articles.get(original)) if original else None
    return Member(
        article_id=aid,
        anchor=article_anchor(aid),
        outlet=(article.outlet if article else None) or "Unknown outlet",
        title=(article.title if article else "") or aid,
        url=safe_url(article.url) if article else None,
        published=article.published if article else None,
        duplicate_of=article_anchor(original) if original else None,
        duplicate_label=label,
    )


def _label(aid: str, article: Article | None) -> str:
    if article is None:
        return aid
    return article.outlet or article.title or aid


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment: package templates, autoescape on, strict about missing names."""
    env = Environment(
        loader=PackageLoader("broadsheet", TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(display_date=display_date, shorten=shorten, plural=plural)
    env.globals.update(
        source_href=source_href, story_file=story_file, lead_quote=lead_quote,
        safe_url=safe_url, index_voices=INDEX_VOICES,
    )
    return env


def render_index(edition: Edition) -> str:
    """``index.html``: every story of the edition with its summary and top voices."""
    return environment().get_template("index.html").render(edition=edition, root="")


def render_story(edition: Edition, story: EditionStory, articles: Mapping[str, Article]) -> str:
    """``stories/<id>.html``: the full summary, every voice and quote, and the coverage list."""
    template = environment().get_template("story.html")
    return template.render(
        edition=edition, story=story, members=members(story, articles), root="../"
    )


def stylesheet() -> str:
    """The site's ``style.css``, read from the templates folder as it is (not a template)."""
    return (files("broadsheet") / TEMPLATES / "style.css").read_text(encoding="utf-8")
