"""Following sources: what one poll of a feed does, what one feed item becomes, and feed discovery.

    poll(source) ──fetch feed (conditional GET)──▶ 304: nothing new
                                                └─▶ parse ──▶ items (a sitemap index: its newest
                                                              children, ``MAX_CHILD_SITEMAPS``)
    fetch_item(item) ──full content in the feed?──▶ that page (no request)
                     └─fetch its link──▶ the page
                                     ├─ refused (robots.txt, 401/403/451, a paywall, too large)
                                     │     ──▶ the feed's summary, kept as a summary_only article
                                     ├─ transient (time-out, 5xx, 429, 404 of a page not yet up)
                                     │     ──▶ tried again later, ``MAX_ATTEMPTS`` times in all
                                     └─ refused for good (a private address, a bad URL) ──▶ rejected

The coroutines run on a ``FetchSession``'s loop; everything they decide is returned as plain
values (``SourcePoll``, ``ItemOutcome``) for the scheduler to store. ``next_check`` spaces polls:
the poll interval, or longer when the feed's ``<ttl>`` asks, doubling per failure in a row
(at most a day), never before a server's ``Retry-After``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadsheet.errors import ConfigError, FetchError, InputError, UnreadableInput
from broadsheet.ingest.decode import decode_response
from broadsheet.ingest.discover import feed_links, guesses
from broadsheet.ingest.feeds import ParsedFeed, iter_items, parse_feed
from broadsheet.ingest.fetch import Fetched, Fetcher, FetchFailure, FetchResult
from broadsheet.ingest.pages import (
    content_page,
    has_full_content,
    http_page,
    item_hints,
    item_source,
    paywalled,
    summary_page,
)
from broadsheet.model import FeedItem, Page, Rejected, Source
from broadsheet.store.sources import PendingItem, SourceCheck
from broadsheet.timestamps import now, shift

MAX_CHILD_SITEMAPS = 3
MAX_ATTEMPTS = 3
MAX_BACKOFF = 86_400.0
RETRY_ITEM_AFTER = 900.0
REFUSED = frozenset({"robots", "forbidden", "too_large", "paywall"})
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def interval_seconds(text: str) -> float:
    """Seconds of a duration such as ``30m``, ``2h``, ``90s``, ``1d`` or ``600``."""
    found = _DURATION.match(text or "")
    if not found or float(found.group(1)) <= 0:
        raise ConfigError(f"--every / poll_interval: {text!r} is not a duration like 30m, 2h or 90s")
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


def next_check(every: float, *, errors: int = 0, ttl: int | None = None,
               retry_after: str | None = None, clock: str | None = None) -> str:
    """When a source polled at ``clock`` is due again (see the module docstring)."""
    current = clock or now()
    wait = max(every, float(ttl or 0))
    if errors:
        wait = min(wait * 2 ** min(errors, 10), MAX_BACKOFF)
    due = shift(current, wait)
    return max(due, retry_after) if retry_after else due


# --- polling a source -----------------------------------------------------------------------


@dataclass(frozen=True)
class SourcePoll:
    """What one poll found: the check to store on the source's row and the items it listed."""

    source: Source
    check: SourceCheck
    items: tuple[FeedItem, ...] = ()
    not_modified: bool = False
    warning: str | None = None

    @property
    def failed(self) -> bool:
        return self.check.error is not None


def _failed_poll(source: Source, failure: FetchFailure | Rejected, every: float) -> SourcePoll:
    status = failure.status if isinstance(failure, FetchFailure) else None
    retry = failure.retry_after if isinstance(failure, FetchFailure) else None
    check = SourceCheck(next_check=next_check(every, errors=source.error_count + 1, retry_after=retry),
                        error=f"{failure.reason}: {failure.detail}", status=status, retry_after=retry)
    return SourcePoll(source, check)


async def poll(fetcher: Fetcher, source: Source, every: float) -> SourcePoll:
    """Fetch ``source`` with its validators and read its items (never raises for the source's
    own failure: it is in ``SourcePoll.check.error``)."""
    result = await fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified,
                                 role="feed")
    if isinstance(result, FetchFailure):
        return _failed_poll(source, result, every)
    if result.not_modified:
        check = SourceCheck(next_check=next_check(every), status=304, etag=result.etag,
                            last_modified=result.last_modified)
        return SourcePoll(source, check, not_modified=True)
    try:
        parsed = parse_feed(result.content, result.final_url, result.content_type,
                            max_bytes=fetcher.policy.max_bytes)
        children = await _children(fetcher, parsed)
    except InputError as exc:
        return _failed_poll(source, Rejected(source.url, "fetch", exc.reason, str(exc)), every)
    check = SourceCheck(next_check=next_check(every, ttl=parsed.ttl_seconds), status=result.status,
                        etag=result.etag, last_modified=result.last_modified, title=parsed.title,
                        kind=parsed.kind, site_url=parsed.site_url, language=parsed.language)
    items = tuple(iter_items([parsed, *children]))
    return SourcePoll(source, check, items, warning=parsed.warning)


async def _children(fetcher: Fetcher, parsed: ParsedFeed) -> list[ParsedFeed]:
    """The newest child sitemaps of a sitemap index (a child that fails is skipped)."""
    found: list[ParsedFeed] = []
    for url in parsed.children[:MAX_CHILD_SITEMAPS]:
        result = await fetcher.fetch(url, role="feed")
        if isinstance(result, Fetched) and not result.not_modified:
            try:
                found.append(parse_feed(result.content, result.final_url, result.content_type,
                                        max_bytes=fetcher.policy.max_bytes))
            except InputError:
                continue
    return found


# --- one feed item --------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemOutcome:
    """What became of one feed item.

    ``state``: ``fetched`` (``page`` is to be stored and processed; a kept summary too, with
    ``summary`` True and the refusal in ``rejected``), ``new`` (try again at ``retry_at``) or
    ``rejected`` (``rejected`` says why).
    """

    pending: PendingItem
    state: str
    page: Page | None = None
    rejected: Rejected | None = None
    retry_at: str | None = None
    summary: bool = False
    from_feed: bool = False  # the page was made from the feed, not from an archived response


async def fetch_item(fetcher: Fetcher, pending: PendingItem) -> ItemOutcome:
    """The page of one feed item: its own full content, or its link fetched."""
    item = pending.item
    if has_full_content(item):
        page = content_page(item, source=item_source(pending.source_url, item),
                            outlet=pending.source_title, fetched_at=now())
        return ItemOutcome(pending, "fetched", page, from_feed=True)
    if not item.url:
        return _refused(pending, Rejected(item.guid, "fetch", "no_link", "the item has no link"))
    hints = item_hints(item, pending.source_title)
    return item_outcome(pending, await fetcher.fetch(item.url, hints=hints))


def item_outcome(pending: PendingItem, result: FetchResult) -> ItemOutcome:
    """The outcome of fetching an item's link (see the module docstring)."""
    item = pending.item
    if isinstance(result, Fetched):
        return _fetched(pending, result)
    rejected = result.rejected(item.url)
    if result.reason in REFUSED:
        return _refused(pending, rejected)
    if (result.transient or result.reason == "not_found") and pending.attempts + 1 < MAX_ATTEMPTS:
        retry = result.retry_after or shift(now(), RETRY_ITEM_AFTER * 2 ** pending.attempts)
        return ItemOutcome(pending, "new", rejected=rejected, retry_at=retry)
    return _refused(pending, rejected) if result.transient else ItemOutcome(pending, "rejected",
                                                                            rejected=rejected)


def _fetched(pending: PendingItem, result: Fetched) -> ItemOutcome:
    item = pending.item
    try:
        page = http_page(result.final_url, result.content, result.content_type, result.charset,
                         source=item.url or item.guid, fetched_at=result.fetched_at,
                         hints=item_hints(item, pending.source_title))
    except InputError as exc:
        return ItemOutcome(pending, "rejected", rejected=Rejected(item.url or item.guid, "fetch",
                                                                  exc.reason, str(exc)))
    if paywalled(page) and item.summary:
        return _refused(pending, Rejected(page.source, "fetch", "paywall",
                                          "the page declares its content not free (a paywall)",
                                          page.id))
    return ItemOutcome(pending, "fetched", page)


def _refused(pending: PendingItem, rejected: Rejected) -> ItemOutcome:
    """The page cannot be had: keep the feed's summary when there is one."""
    item = pending.item
    page = summary_page(item, source=item_source(pending.source_url, item),
                        outlet=pending.source_title, fetched_at=now())
    if page is None:
        return ItemOutcome(pending, "rejected", rejected=rejected)
    return ItemOutcome(pending, "fetched", page, rejected=rejected, summary=True, from_feed=True)


# --- discovery (``broadsheet sources add``) ------------------------------------------------


@dataclass(frozen=True)
class Discovered:
    """The feed found for an address the user gave, read once already."""

    url: str
    feed: ParsedFeed
    fetched: Fetched
    site_url: str | None = None


async def discover(fetcher: Fetcher, url: str) -> Discovered:
    """The feed at ``url``, or the first feed its page announces (``<link rel=alternate>``), or
    one at a well-known address of the site; ``FetchError``/``UnreadableInput`` saying why not."""
    result = await fetcher.fetch(url, role="feed")
    if isinstance(result, FetchFailure):
        raise FetchError(f"{url}: {result.reason}: {result.detail}", reason=result.reason)
    try:
        return Discovered(url, _parsed(fetcher, result), result)
    except UnreadableInput:
        pass
    candidates = _announced(result) or guesses(result.final_url)
    for candidate in candidates:
        found = await fetcher.fetch(candidate, role="feed")
        if isinstance(found, Fetched):
            try:
                return Discovered(candidate, _parsed(fetcher, found), found, site_url=result.final_url)
            except UnreadableInput:
                continue
    raise UnreadableInput(f"{url}: no feed there, none announced by the page (<link rel=alternate>) "
                          "and none at the usual addresses", reason="no_feed")


def _parsed(fetcher: Fetcher, result: Fetched) -> ParsedFeed:
    return parse_feed(result.content, result.final_url, result.content_type,
                      max_bytes=fetcher.policy.max_bytes)


def _announced(result: Fetched) -> list[str]:
    if "html" not in result.content_type:
        return []
    try:
        markup = decode_response(result.content, result.charset)
    except InputError:
        return []
    return [link.url for link in feed_links(markup, result.final_url)]
