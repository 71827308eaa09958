"""The polling loop: ``broadsheet run --once`` is one ``run_pass``; ``run --every 30m`` is
``run_forever``, a pass whenever a source is due.

One pass, top to bottom:
1. resume: pages a stopped run fetched and stored but did not process are processed first;
2. poll every due source at once (``follow.poll`` on the fetch session's loop: conditional GETs,
   so an unchanged feed costs a 304); each answer is stored as it arrives — the source's check
   and the items it listed, in ONE transaction, so a crash loses neither;
3. fetch the pages of pending items, at most ``fetch_concurrency * 4`` in flight, while this
   thread stores each finished one at once (its page, and the item moved to ``fetched``) and
   processes them in chunks (``pipeline.ingest``: extract, analyse, store; the items -> ``done``);
4. when something new was stored, update the stories.
The store is the queue (``store/sources.py``): a pass killed at any point — Ctrl-C, a crash —
leaves every fetched page stored and every unfinished item pending, and the next pass finishes the
work; upserts by stable ids mean nothing is stored twice. An item whose article is already stored
(the same article in two feeds, or already fetched by ``ingest URL``) is not fetched again.

On a PostgreSQL store several runs (on several machines) may follow the same sources: a run
fetches an item only after taking its ``item`` job (so two runs never fetch the same item at
once); a fetched page is queued (a ``page`` job, by content hash) and processed by whichever run
claims it (``pipeline.drain_queue``), so no page is processed twice; an item is done once its
page's job is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any, Protocol

from broadsheet import pipeline
from broadsheet.follow import ItemOutcome, SourcePoll, fetch_item, interval_seconds, poll
from broadsheet.identity import content_hash, page_id
from broadsheet.ingest.session import FetchSession
from broadsheet.model import Page
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.queue import worker_id
from broadsheet.store.sources import PendingItem
from broadsheet.timestamps import now, seconds_between, shift

Key = tuple[str, str]  # (source url, item guid)
ITEM_JOB = "item"  # the queue's kind for a feed item being fetched (``_job_key``)
SHARED_RESUME = 100_000  # fetched pages a run on a shared store queues when it starts


@dataclass
class PassReport:
    """What one pass did."""

    sources: int = 0
    not_modified: int = 0
    failed: list[SourcePoll] = field(default_factory=list)
    new_items: int = 0
    fetched: int = 0  # pages fetched, or read whole from a feed
    summaries: int = 0  # summaries kept because the page was refused
    duplicates: int = 0  # items whose article was already stored
    unchanged: int = 0  # pages fetched again that had not changed
    updated: int = 0  # pages fetched again that had changed: new versions of their articles
    retrying: int = 0  # items to try again later
    rejected: int = 0  # items given up
    ingest: pipeline.IngestReport = field(default_factory=pipeline.IngestReport)
    stories: int | None = None

    @property
    def nothing_new(self) -> bool:
        return self.ingest.articles == 0 and not self.ingest.not_analysed


class Progress(Protocol):
    """What a pass tells whoever watches it (a progress bar, log lines, nothing)."""

    def polled(self, poll: SourcePoll, new_items: int) -> None: ...

    def item(self, outcome: ItemOutcome) -> None: ...

    def processed(self, pages: int, report: pipeline.IngestReport) -> None: ...


class Quiet:
    """A Progress that says nothing."""

    def polled(self, poll: SourcePoll, new_items: int) -> None:
        pass

    def item(self, outcome: ItemOutcome) -> None:
        pass

    def processed(self, pages: int, report: pipeline.IngestReport) -> None:
        pass


def _merge(total: pipeline.IngestReport, part: pipeline.IngestReport) -> None:
    total.pages += part.pages
    total.articles += part.articles
    total.updated += part.updated
    total.skipped += part.skipped
    total.rejected.extend(part.rejected)
    total.outlets.update(part.outlets)
    total.not_analysed.extend(part.not_analysed)


def _job_key(pending: PendingItem) -> str:
    """The ``item`` job of a feed item: the page it links to (two feeds may list the same page),
    else its source and GUID."""
    if pending.item.url:
        return page_id(pending.item.url, "")
    return "\x1f".join((pending.source_url, pending.item.guid))


class _Pass:
    """The state of one pass (see the module docstring): what is in flight, what waits."""

    def __init__(self, store: Store, session: FetchSession, settings: Settings,
                 load_nlp: pipeline.NlpLoader, progress: Progress) -> None:
        self.store, self.session, self.settings = store, session, settings
        self.load_nlp, self.progress = load_nlp, progress
        self.every = interval_seconds(settings.poll_interval)
        self.report = PassReport()
        self.polls: dict[Future[SourcePoll], str] = {}
        self.items: dict[Future[ItemOutcome], Key] = {}
        self.tried: set[Key] = set()
        self.linked: dict[str, Key] = {}  # page id of an in-flight item's link -> that item
        self.waiting: dict[str, set[Key]] = {}  # items linking to a page already in flight
        self.ready: list[Page] = []
        self.window = max(1, settings.fetch_concurrency) * 4
        self.chunk = max(1, settings.batch_size) * 4
        self.worker = worker_id()
        self.held: set[str] = set()  # item jobs taken and not yet released (a shared store)

    def resume(self) -> None:
        """Process the pages a stopped pass fetched but did not process."""
        if self.store.shares_work:
            self._process_shared(self.store.fetched_page_ids(SHARED_RESUME))
            return
        while ids := self.store.fetched_page_ids(self.chunk):
            pages = [p for p in (self.store.get_page(i) for i in ids) if p is not None]
            self._process(pages, ids)

    def poll_all(self, all_now: bool) -> None:
        for source in self.store.due_sources(all_now=all_now):
            future = self.session.submit(lambda f, s=source: poll(f, s, self.every))  # type: ignore[misc]
            self.polls[future] = source.url
        self.report.sources = len(self.polls)

    def drain(self) -> None:
        """Wait for polls and fetches, storing each as it ends, until nothing is left to do."""
        self._top_up()
        while self.polls or self.items:
            running: list[Future[Any]] = [*self.polls, *self.items]
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                self._settle(future)
            self._top_up()
            if len(self.ready) >= self.chunk or (self.ready and not self.items):
                self._process_ready()
        self._process_ready()

    def _settle(self, future: Future[Any]) -> None:
        self.polls.pop(future, None)
        self.items.pop(future, None)
        result = future.result()
        if isinstance(result, SourcePoll):
            self._polled(result)
        else:
            self._item_done(result)

    def _polled(self, result: SourcePoll) -> None:
        """Store a poll: the source's check and its items, together."""
        oldest = shift(now(), -86400.0 * self.settings.max_item_age_days)
        with self.store.transaction():
            self.store.record_check(result.source.url, result.check)
            fresh = self.store.record_items(result.source.url, result.items, oldest=oldest)
        self.report.new_items += len(fresh)
        self.report.not_modified += result.not_modified
        if result.failed:
            self.report.failed.append(result)
        self.progress.polled(result, len(fresh))

    def _top_up(self) -> None:
        """Start fetching pending items until ``window`` are in flight."""
        room = self.window - len(self.items)
        if room <= 0:
            return
        waiting = [key for keys in self.waiting.values() for key in keys]
        for pending in self.store.pending_items(room, skip=[*self.items.values(), *self.tried, *waiting]):
            key = (pending.source_url, pending.item.guid)
            link = page_id(pending.item.url, "") if pending.item.url else None
            if link is not None and link in self.linked:
                self.waiting.setdefault(link, set()).add(key)  # the same page is on its way
                continue
            self.tried.add(key)
            if not self._taken(pending):
                continue  # another run is fetching it
            if self._already_stored(pending, link):
                self._release(pending)
                continue
            future = self.session.submit(lambda f, p=pending: fetch_item(f, p))  # type: ignore[misc]
            self.items[future] = key
            if link is not None:
                self.linked[link] = key

    def _taken(self, pending: PendingItem) -> bool:
        """On a shared store: take the item's job, False when another run holds it."""
        if not self.store.shares_work:
            return True
        version = pending.item.updated or pending.item.published or ""
        key = _job_key(pending)
        if not self.store.take_job(ITEM_JOB, key, version, self.worker):
            return False
        self.held.add(key)
        return True

    def _release(self, pending: PendingItem) -> None:
        if self.store.shares_work:
            key = _job_key(pending)
            self.store.finish_jobs(ITEM_JOB, [key], self.worker)
            self.held.discard(key)

    def release_all(self) -> None:
        """Let go of every item job this pass still holds (it stopped before their fetch ended)."""
        if self.held:
            self.store.finish_jobs(ITEM_JOB, sorted(self.held), self.worker)
            self.held.clear()

    def _already_stored(self, pending: PendingItem, link: str | None) -> bool:
        """A first sighting of a page stored already (another feed, ``ingest URL``): done."""
        if link is None or pending.page_id is not None:
            return False
        if not self.store.has_article(link) and self.store.page_hash(link) is None:
            return False
        self.store.set_item(pending.source_url, pending.item.guid, "done", page_id=link)
        self.report.duplicates += 1
        return True

    def _item_done(self, outcome: ItemOutcome) -> None:
        """Store what became of an item at once (the page and the item's state together); items
        waiting for the same page may go now."""
        key = (outcome.pending.source_url, outcome.pending.item.guid)
        for link in [link for link, owner in self.linked.items() if owner == key]:
            del self.linked[link]
            self.waiting.pop(link, None)
        with self.store.transaction():
            if outcome.rejected is not None:
                self.store.put_rejection(outcome.rejected)
            self._store_outcome(outcome)
            self._release(outcome.pending)  # stored with the item's new state: another run may take it
        if outcome.from_feed and outcome.page is not None and self.session.archive is not None:
            self.session.archive.record_page(outcome.page)
        self.progress.item(outcome)

    def _store_outcome(self, outcome: ItemOutcome) -> None:
        source_url, guid = outcome.pending.source_url, outcome.pending.item.guid
        detail = outcome.rejected.detail if outcome.rejected else None
        page = outcome.page
        if outcome.state == "new":
            self.report.retrying += 1
            self.store.set_item(source_url, guid, "new", error=detail, retry_at=outcome.retry_at)
        elif page is None:
            self.report.rejected += 1
            self.store.set_item(source_url, guid, "rejected", error=detail)
        elif self._keep_stored(page, outcome.summary):
            self.store.set_item(source_url, guid, "done", page_id=page.id, error=detail)
        else:
            self.report.summaries += outcome.summary
            self.report.fetched += not outcome.summary
            self.store.put_page(page)
            self.store.set_item(source_url, guid, "fetched", page_id=page.id, error=detail)
            self.ready.append(page)

    def _keep_stored(self, page: Page, summary: bool) -> bool:
        """True when what is stored should stay: the same page unchanged, or a full article that
        a summary must not replace. (A changed page goes on: a new version of its article.)"""
        stored = self.store.get_article(page.id)
        if stored is None:
            return False
        if summary and not stored.summary_only:
            return True
        unchanged = self.store.page_hash(page.id) == content_hash(page.content)
        self.report.unchanged += unchanged
        self.report.updated += not unchanged
        return unchanged

    def _process_ready(self) -> None:
        pages, self.ready = self.ready, []
        self._process(pages, [p.id for p in pages])

    def _process_shared(self, ids: list[str]) -> None:
        """Queue the stored pages ``ids`` (a page already queued or done with the same content
        stays so), process every page this run can claim, and finish the items of every page
        whose job is done."""
        jobs = [(i, digest) for i in ids if (digest := self.store.page_hash(i)) is not None]
        self.store.enqueue_jobs(pipeline.PAGE_JOB, jobs)
        part = pipeline.IngestReport()
        drained = pipeline.drain_queue(self.store, self.settings, self.load_nlp, part)
        if drained:
            _merge(self.report.ingest, part)
            self.progress.processed(len(drained), part)
        self.store.finish_pages(sorted(self.store.done_jobs(pipeline.PAGE_JOB, [*ids, *drained])))

    def _process(self, pages: list[Page], ids: list[str]) -> None:
        """Extract, analyse and store ``pages``; their items are done."""
        if self.store.shares_work:
            self._process_shared(ids)
            return
        if pages:
            part = pipeline.ingest([], self.store, self.settings, self.load_nlp, pages=pages,
                                   reprocess=True)
            _merge(self.report.ingest, part)
            self.progress.processed(len(pages), part)
        self.store.finish_pages(ids)


def run_pass(store: Store, session: FetchSession, settings: Settings, load_nlp: pipeline.NlpLoader,
             *, all_now: bool = False, progress: Progress | None = None,
             update_stories: bool = True) -> PassReport:
    """One pass over the due sources (every source with ``all_now``); see the module docstring.
    ``update_stories`` False leaves the stories as they were (the ingest benchmark)."""
    work = _Pass(store, session, settings, load_nlp, progress or Quiet())
    try:
        work.resume()
        work.poll_all(all_now)
        work.drain()
    finally:
        work.release_all()  # a stopped run leaves no item held: the next run fetches them
    if update_stories and not work.report.nothing_new:
        work.report.stories = pipeline.update_stories(store, settings).stories
    return work.report


def seconds_to_next(store: Store, every: float) -> float:
    """How long to sleep until a source is due: at least a second, at most ``every``."""
    due = store.next_due()
    if due is None:
        return every
    return min(every, max(1.0, seconds_between(now(), due)))


def run_forever(store: Store, session: FetchSession, settings: Settings,
                load_nlp: pipeline.NlpLoader, *, progress: Progress | None = None,
                on_pass: Callable[[PassReport], None] | None = None,
                sleep: Callable[[float], None] = time.sleep, passes: int | None = None) -> int:
    """Poll sources as they come due until stopped (Ctrl-C) or ``passes`` passes; return the count."""
    every = interval_seconds(settings.poll_interval)
    done = 0
    while passes is None or done < passes:
        report = run_pass(store, session, settings, load_nlp, all_now=done == 0, progress=progress)
        done += 1
        if on_pass is not None:
            on_pass(report)
        if passes is None or done < passes:
            sleep(seconds_to_next(store, every))
    return done
