"""What a page's ``<head>`` says about itself: its feeds (``<link rel=alternate>``) and its
canonical address (``<link rel=canonical>``).

Feed discovery is how ``broadsheet sources add https://outlet.example/`` finds the feed of a home
page (the way browsers and feed readers always have). The canonical link is how a page fetched
from a feed link carrying tracking parameters (``?at_medium=RSS``) or from a redirector gets the
same article id as the same page fetched by ``broadsheet ingest URL``: it is used only when it is an
http(s) address on the same site (the same host, ``www.`` aside), so a page cannot claim to be
another site's article. Pure functions of the markup; the standard library's tolerant HTML parser
reads up to ``</head>`` (or the first ``MAX_HEAD_CHARS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FEED_TYPES = {
    "application/rss+xml": "rss", "application/atom+xml": "atom", "application/feed+json": "json",
    "application/json": "json", "application/rdf+xml": "rss", "text/xml": "rss",
    "application/xml": "rss",
}
# Tried in this order when a home page names no feed (where blogs and CMSs put them).
WELL_KNOWN_FEEDS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml")
MAX_HEAD_CHARS = 300_000


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces: its absolute URL, its title and format."""

    url: str
    title: str | None
    format: str


class _HeadLinks(HTMLParser):
    """Collects ``<link>`` and ``<base>`` tags until the head ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.base: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "link":
            self.links.append(values)
        elif tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def _head(markup: str) -> _HeadLinks:
    parser = _HeadLinks()
    end = markup.lower().find("</head>")
    parser.feed(markup[: end + 7 if end >= 0 else MAX_HEAD_CHARS])
    parser.close()
    return parser


def _rels(link: dict[str, str]) -> set[str]:
    return set(link.get("rel", "").lower().split())


def feed_links(markup: str, page_url: str) -> list[FeedLink]:
    """The feeds a page announces, absolute, in page order, each once."""
    head = _head(markup)
    base = urljoin(page_url, head.base) if head.base else page_url
    found: dict[str, FeedLink] = {}
    for link in head.links:
        kind = FEED_TYPES.get(link.get("type", "").split(";")[0].strip().lower())
        if "alternate" in _rels(link) and kind and link.get("href"):
            url = urljoin(base, link["href"])
            if urlsplit(url).scheme in ("http", "https"):
                found.setdefault(url, FeedLink(url, link.get("title") or None, kind))
    return list(found.values())


def _site(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def canonical_link(markup: str, page_url: str) -> str | None:
    """The page's ``<link rel=canonical>``, absolute, when it is on the same site; else None."""
    head = _head(markup)
    base = urljoin(page_url, head.base) if head.base else page_url
    for link in head.links:
        if "canonical" in _rels(link) and link.get("href"):
            url = urljoin(base, link["href"])
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and _site(parts.hostname) == _site(
                    urlsplit(page_url).hostname):
                return url
            return None
    return None


def guesses(site_url: str) -> list[str]:
    """Well-known feed addresses of a site, for a home page that names no feed."""
    return [urljoin(site_url, path) for path in WELL_KNOWN_FEEDS]
