"""Feeds and news sitemaps: fetched bytes -> one ``ParsedFeed`` of ``FeedItem`` values.

Every format becomes the same item (miniflux ``parser.ParseFeed``):
- RSS 0.9x/1.0/2.0 and Atom through feedparser. feedparser is handed a ``BytesIO`` of the body,
  NEVER a string: given ``bytes`` or ``str`` it tries them as a file name or URL first (a feed whose
  body is ``/etc/passwd`` would be read from disk). External entities stay off (feedparser's
  default), the ``Content-Type`` and the final URL are passed so relative links resolve;
- JSON Feed 1.0/1.1 (feedparser 6.0 does not read it) by ``_json_feed``;
- sitemaps (``<urlset>``, with the Google News extension's title and publication date) and
  sitemap indexes (``<sitemapindex>``: their child sitemaps in ``children``) through lxml with
  entities, DTDs and the network off. A gzipped sitemap body is unpacked under the size cap.

Item identity: ``guid`` is the entry's id (RSS ``<guid>``, Atom ``<id>``, JSON ``id``), else its
link, else a hash of its title and summary; it only tells the items of one source apart — the
article's id is its page's canonical URL. An item repeated in one feed (duplicate GUIDs) is kept
once, the first time. Dates go through ``timestamps.normalise`` (one clock). A feed so broken that
nothing can be read from it is ``UnreadableInput("not_a_feed")``; a feed with some damage whose
entries still read is kept (feedparser's ``bozo``), as feed readers do.

Entity declarations: a document whose DTD declares an entity (``<!ENTITY``) is refused before any
parser sees it (``UnreadableInput("entities")``), as defusedxml's ``forbid_entities`` does. That
stops nested-entity ("billion laughs") and quadratic-blowup bombs before they expand, and external
entities (XXE, ``SYSTEM "file:///etc/passwd"``) before anything could resolve them. No real feed
needs one; an external DTD (``<!DOCTYPE rss SYSTEM ...>``) is never loaded either.
"""

from __future__ import annotations

import io
import json
import re
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

from broadsheet.errors import UnreadableInput
from broadsheet.identity import content_hash
from broadsheet.model import FeedItem
from broadsheet.timestamps import normalise, to_iso

MAX_ITEMS = 500
_JSON_FEED = re.compile(rb'^\s*\{[^{]{0,400}"version"\s*:\s*"https?://jsonfeed\.org/', re.S)
_SITEMAP = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b")
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed or sitemap says: its items, and for a sitemap index the sitemaps it lists."""

    kind: str  # "feed" or "sitemap"
    items: tuple[FeedItem, ...]
    title: str | None = None
    site_url: str | None = None
    language: str | None = None
    ttl_seconds: int | None = None
    children: tuple[str, ...] = ()
    warning: str | None = None


def parse_feed(data: bytes, url: str, content_type: str = "", *, max_bytes: int = 5_000_000
               ) -> ParsedFeed:
    """The feed or sitemap in ``data`` (fetched from ``url``); ``UnreadableInput`` if it is none."""
    data = _gunzipped(data, max_bytes)
    if not data.strip():
        raise UnreadableInput("the feed is empty", reason="empty")
    refuse_entities(data)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _JSON_FEED.match(head) or ("json" in content_type and head.startswith(b"{")):
        return _json_feed(data)
    if _SITEMAP.search(head):
        return _sitemap(data)
    return _feedparser(data, url, content_type)


def refuse_entities(data: bytes) -> None:
    """``UnreadableInput("entities")`` when an XML document declares entities in its DTD.

    Checked on the raw bytes, before parsing, so a bomb never expands; UTF-16 is checked too."""
    for text in (data, _utf16_as_ascii(data)):
        start = _DOCTYPE_SUBSET.search(text)
        if start and _ENTITY_DECLARATION.search(text, start.end()):
            raise UnreadableInput("the document declares XML entities (an entity bomb or an "
                                  "external entity): refused unparsed", reason="entities")


def _utf16_as_ascii(data: bytes) -> bytes:
    """The ASCII of a UTF-16 document (every other byte), or b"" for other documents."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return data.replace(b"\x00", b"")
    return b""


def _gunzipped(data: bytes, max_bytes: int) -> bytes:
    """A gzip file (``sitemap.xml.gz`` served as is) unpacked, at most ``max_bytes`` of it."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        unpacked = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise UnreadableInput(f"the gzipped feed is corrupt: {exc}", reason="parse_error") from exc
    if len(unpacked) > max_bytes:
        raise UnreadableInput(f"the feed is larger than {max_bytes:,} bytes unpacked",
                              reason="too_large")
    return unpacked


# --- RSS and Atom ---------------------------------------------------------------------------


def _feedparser(data: bytes, url: str, content_type: str) -> ParsedFeed:
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # feedparser's edge: hostile bytes raise many types (found by fuzzing)
        raise UnreadableInput(f"not a feed: feedparser failed: {exc!r}"[:300], reason="not_a_feed") from exc
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and not feed.get("title"):
        problem = parsed.get("bozo_exception")
        detail = f"not a feed: {problem}" if problem else "not a feed: no items and no title"
        raise UnreadableInput(detail[:300], reason="not_a_feed")
    warning = f"damaged feed, read anyway: {parsed.get('bozo_exception')}" if parsed.get("bozo") else None
    return ParsedFeed(
        kind="feed", items=_unique(_entry(e) for e in entries), title=_clean(feed.get("title")),
        site_url=feed.get("link") or None, language=_language(feed.get("language")),
        ttl_seconds=_ttl(feed.get("ttl")), warning=warning,
    )


def _entry(entry: dict[str, Any]) -> FeedItem:
    """One feedparser entry as a FeedItem."""
    link = entry.get("link") or None
    title = _clean(entry.get("title"))
    summary = text_of(entry.get("summary"))
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    content = max(contents, key=len) if contents else None
    return FeedItem(
        guid=_guid(entry.get("id"), link, title, summary), url=link, title=title, summary=summary,
        content=content if content and text_of(content) != summary else None,
        published=_when(entry, "published") or _when(entry, "updated"),
        updated=_when(entry, "updated"), author=_clean(entry.get("author")),
    )


def _when(entry: dict[str, Any], name: str) -> str | None:
    """A feedparser date: its text normalised, else the struct feedparser parsed from it.

    Read with ``dict.get``: feedparser's own ``get`` answers ``updated`` with ``published`` when
    an entry has no update date, which would make every entry look updated."""
    found = normalise(dict.get(entry, name))
    parsed = dict.get(entry, f"{name}_parsed")
    if found is None and parsed:
        found = normalise(_struct_iso(parsed))
    return found


def _struct_iso(value: time.struct_time) -> str:
    """A UTC ``struct_time`` (feedparser's ``*_parsed``) as ISO text."""
    from datetime import UTC, datetime

    return to_iso(datetime(*value[:6], tzinfo=UTC))


def _ttl(value: Any) -> int | None:
    """RSS ``<ttl>`` (minutes) in seconds."""
    text = str(value or "").strip()
    return int(text) * 60 if text.isdigit() and int(text) > 0 else None


# --- JSON Feed ------------------------------------------------------------------------------


def _json_feed(data: bytes) -> ParsedFeed:
    try:
        feed = json.loads(data.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not a JSON Feed: {exc.msg}", reason="not_a_feed") from exc
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise UnreadableInput("not a JSON Feed: no items list", reason="not_a_feed")
    items = (_json_item(item) for item in feed["items"] if isinstance(item, dict))
    return ParsedFeed(kind="feed", items=_unique(items), title=_clean(feed.get("title")),
                      site_url=_text(feed.get("home_page_url")),
                      language=_language(feed.get("language")))


def _json_item(item: Mapping[str, Any]) -> FeedItem:
    link = _text(item.get("url")) or _text(item.get("external_url"))
    title = _clean(item.get("title"))
    summary = text_of(_text(item.get("summary")))
    content = _text(item.get("content_html")) or _text(item.get("content_text"))
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    author = next((_text(a.get("name")) for a in authors if isinstance(a, dict)), None)
    return FeedItem(
        guid=_guid(_text(item.get("id")), link, title, summary), url=link, title=title,
        summary=summary or (text_of(content) or "")[:500] or None, content=content,
        published=normalise(_text(item.get("date_published")) or _text(item.get("date_modified"))),
        updated=normalise(_text(item.get("date_modified"))), author=author,
    )


# --- sitemaps -------------------------------------------------------------------------------

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                            huge_tree=False, recover=True)


def _sitemap(data: bytes) -> ParsedFeed:
    try:
        root = etree.fromstring(data, _SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(f"not a sitemap: {exc}", reason="not_a_feed") from exc
    if root is None:
        raise UnreadableInput("not a sitemap: no XML element", reason="not_a_feed")
    try:
        return _sitemap_of(root)
    except ValueError as exc:  # lxml refuses odd names (a namespace holding "{"): found by fuzzing
        raise UnreadableInput(f"not a sitemap: {exc}"[:300], reason="not_a_feed") from exc


def _sitemap_of(root: Any) -> ParsedFeed:
    if etree.QName(root).localname == "sitemapindex":
        return ParsedFeed(kind="sitemap", items=(), children=_index_children(root))
    items = (_sitemap_item(node) for node in root if _local(node) == "url")
    return ParsedFeed(kind="sitemap", items=_unique(i for i in items if i is not None))


def _local(node: Any) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _child_text(node: Any, name: str, namespace: str | None = None) -> str | None:
    for child in node.iter():
        if _local(child) == name and (namespace is None or etree.QName(child).namespace == namespace):
            return _text(child.text)
    return None


def _sitemap_item(node: Any) -> FeedItem | None:
    loc = _child_text(node, "loc")
    if not loc:
        return None
    published = _child_text(node, "publication_date", _NEWS_NS) or _child_text(node, "lastmod")
    return FeedItem(guid=loc, url=loc, title=_clean(_child_text(node, "title", _NEWS_NS)),
                    published=normalise(published), updated=normalise(_child_text(node, "lastmod")))


def _index_children(root: Any) -> tuple[str, ...]:
    """The child sitemaps of an index, most recently modified first."""
    found = [(normalise(_child_text(n, "lastmod")) or "", _child_text(n, "loc"))
             for n in root if _local(n) == "sitemap"]
    return tuple(loc for _, loc in sorted(found, key=lambda pair: pair[0], reverse=True) if loc)


# --- shared ---------------------------------------------------------------------------------


def _unique(items: Iterable[FeedItem]) -> tuple[FeedItem, ...]:
    """Items with a GUID seen before in the same feed dropped; at most ``MAX_ITEMS``."""
    seen: dict[str, FeedItem] = {}
    for item in items:
        seen.setdefault(item.guid, item)
        if len(seen) >= MAX_ITEMS:
            break
    return tuple(seen.values())


def _guid(guid: str | None, link: str | None, title: str | None, summary: str | None) -> str:
    """The item's id, else its link, else a hash of its title and summary."""
    return (guid or "").strip() or (link or "").strip() or "h" + content_hash(f"{title}\n{summary}")


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _clean(value: Any) -> str | None:
    """A one-line text field (titles, names): markup removed, white space squeezed."""
    text = text_of(_text(value))
    return " ".join(text.split()) if text else None


def text_of(markup: str | None) -> str | None:
    """Plain text of an HTML fragment (a feed summary), paragraphs on lines of their own."""
    if not markup or not markup.strip():
        return None
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    try:
        fragment = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    for block in fragment.iter("p", "br", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in fragment.text_content().splitlines())
    return "\n".join(line for line in lines if line) or None


def _language(value: Any) -> str | None:
    text = _text(value)
    return text.split("-")[0].split("_")[0].lower() if text else None


def iter_items(feeds: Iterable[ParsedFeed]) -> Iterator[FeedItem]:
    """Every item of several parsed feeds (a sitemap index's children), each GUID once."""
    yield from _unique(item for feed in feeds for item in feed.items)
