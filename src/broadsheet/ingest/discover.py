"""What a page's ``<head>`` says about itself: its feeds (``<link rel=alternate>``) and its
canonical address (``<link rel=canonical>``).

Feed discovery is how ``broadsheet sources add https://outlet.example/`` finds the feed of a home
page (the way browsers and feed readers always have). The canonical link is how a page fetched
from a feed link carrying tracking parameters (``?at_medium=RSS``) or from a redirector gets the
same article id as the same page fetched by ``broadsheet ingest URL``: it is used only when it is an
http(s) address on the same site (the same host, ``www.`` aside), so a page cannot claim to be
another site's article. Pure functions of the markup, reading up to ``</head>`` (or the first
``MAX_HEAD_CHARS``), comments left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
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


_TAG = re.compile(r"<(link|base)\b([^>]*)>|<body\b", re.I)
_ATTR = re.compile(r"""([^\s"'=<>/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class _Head:
    """The ``<link>`` tags of a page's head (attributes lower-cased by name) and its ``<base>``."""

    links: list[dict[str, str]]
    base: str | None


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")).strip() for name, value in _ATTR.findall(text)}


def _head(markup: str) -> _Head:
    """Scan the head for ``<link>`` and ``<base>`` tags (a regular expression, not a parser: the
    heads of news pages are large, and these tags are simple), stopping at ``<body>``."""
    end = markup.find("</head>")
    if end < 0:
        end = markup.find("</HEAD>")
    head = _COMMENT.sub("", markup[: end if end >= 0 else MAX_HEAD_CHARS])
    links: list[dict[str, str]] = []
    base: str | None = None
    for found in _TAG.finditer(head):
        if found.group(1) is None:
            break
        attrs = _attributes(found.group(2))
        if found.group(1).lower() == "link":
            links.append(attrs)
        elif base is None and attrs.get("href"):
            base = attrs["href"]
    return _Head(links, base)


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
