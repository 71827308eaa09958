"""Fetched bodies and feed items -> ``Page`` values (pure; the live fetch path and the WARC reader
share them, so a rebuild from the archive gives the same pages as the fetch did).

- ``http_page``: a 2xx answer. HTML or plain text only (a feed or an image is not a page); decoded
  by ``decode_response`` (the header's charset is a hint); its id is the canonical URL of the final
  address, or of the page's ``<link rel=canonical>`` when that is on the same site, so the same
  article reached from a feed link with tracking parameters and from ``broadsheet ingest URL`` is
  one article. Hints (title, date, outlet) come from the feed item it was fetched for.
- ``content_page``: a feed item that carries the whole article (``content:encoded``, Atom
  ``content``, JSON Feed ``content_html``) of at least ``FULL_CONTENT_WORDS`` words: no fetch needed.
- ``summary_page``: the item's summary standing in for a page that was refused; it becomes an
  Article marked ``summary_only``.
- ``paywalled``: a page that declares itself not free (schema.org ``isAccessibleForFree: false``,
  the markup publishers use for paywalls), so its text is a teaser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from broadsheet.errors import UnsupportedInput
from broadsheet.identity import page_id
from broadsheet.ingest.decode import decode_response, looks_like_html
from broadsheet.ingest.discover import canonical_link
from broadsheet.ingest.feeds import text_of
from broadsheet.model import FeedItem, Page
from broadsheet.text import word_count
from broadsheet.timestamps import normalise

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FULL_CONTENT_WORDS = 150
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false"?', re.I)


def item_hints(item: FeedItem, outlet: str | None) -> dict[str, str]:
    """The hints a feed item gives the page it leads to (kept in the archive with the page)."""
    hints = {"title": item.title, "published": item.published, "outlet": outlet}
    return {k: v for k, v in hints.items() if v}


def http_page(url: str, body: bytes, content_type: str, charset: str | None, *, source: str,
              fetched_at: str | None, hints: Mapping[str, str] | None = None) -> Page:
    """The Page of a 2xx answer from ``url`` (the final address); ``InputError`` when it is not
    an HTML or text page (a feed, an image, binary junk)."""
    media = content_type.split(";")[0].strip().lower()
    if media and not media.startswith(HTML_TYPES + TEXT_TYPES):
        raise UnsupportedInput(f"not a page but {media} (broadsheet sources add takes feeds)")
    text = decode_response(body, charset)
    is_html = media.startswith(HTML_TYPES) or (not media and looks_like_html(text))
    canonical = canonical_link(text, url) if is_html else None
    hints = hints or {}
    return Page(id=page_id(canonical or url, text), source=source, kind="html" if is_html else "text",
                content=text, url=canonical or url, fetched_at=fetched_at, title=hints.get("title"),
                outlet=hints.get("outlet"), published=normalise(hints.get("published")))


def has_full_content(item: FeedItem) -> bool:
    """Does the item carry the whole article (not just a teaser)?"""
    return bool(item.content) and word_count(text_of(item.content) or "") >= FULL_CONTENT_WORDS


def item_source(feed_url: str, item: FeedItem) -> str:
    """Where a page made from a feed item comes from: the feed, and the item in it."""
    return f"{feed_url}#{item.guid}"


def content_page(item: FeedItem, *, source: str, outlet: str | None, fetched_at: str) -> Page:
    """A page made of the item's own full content (``has_full_content``)."""
    body = item.content or ""
    markup = f"<html><head><title>{html.escape(item.title or '')}</title></head><body><article>" \
             f"{body}</article></body></html>"
    url = item.url or None
    return Page(id=page_id(url, markup), source=source, kind="html", content=markup, url=url,
                fetched_at=fetched_at, title=item.title, outlet=outlet, published=item.published)


def summary_page(item: FeedItem, *, source: str, outlet: str | None, fetched_at: str) -> Page | None:
    """The item's summary as a ``summary`` page (None when it has no summary to keep)."""
    text = item.summary or text_of(item.content)
    if not text or not text.strip():
        return None
    url = item.url or None
    return Page(id=page_id(url, text), source=source, kind="summary", content=text, url=url,
                fetched_at=fetched_at, title=item.title, outlet=outlet, published=item.published)


def paywalled(page: Page) -> bool:
    """True when an HTML page declares its content not free (schema.org ``isAccessibleForFree``)."""
    return page.kind == "html" and bool(_NOT_FREE.search(page.content))
