"""The commands that follow the news: ``sources``, ``run``, ``prune``, and ``ingest URL``.

Thin, like the rest of the CLI: resolve settings, call ``follow``/``scheduler``/the store, print.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from broadsheet import scheduler
from broadsheet.cli.progress import BarProgress, make_progress
from broadsheet.errors import ConfigError, InputError
from broadsheet.follow import Discovered, discover, interval_seconds
from broadsheet.ingest.archive import Archive, archive_folder, prune
from broadsheet.ingest.fetch import Fetched, FetchPolicy
from broadsheet.ingest.opml import read_opml, write_opml
from broadsheet.ingest.pages import http_page
from broadsheet.ingest.session import FetchSession
from broadsheet.model import Page, Rejected, Source
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.lock import store_lock
from broadsheet.store.sources import SourceCheck
from broadsheet.text import printable
from broadsheet.timestamps import now, shift

SOURCE_ACTIONS = ("add", "remove", "list", "import", "export")
DEFAULT_FEEDS = "default-feeds.opml"
NlpLoader = Callable[[], Any]


def is_url(text: str) -> bool:
    """An http(s) address rather than a file path."""
    return text.lower().startswith(("http://", "https://"))


@contextmanager
def fetch_session(settings: Settings) -> Iterator[FetchSession]:
    """A fetch session with the settings' policy, archiving into the store's archive folder."""
    folder = archive_folder(settings.archive_dir, settings.db)
    archive = Archive(folder) if folder is not None else None
    with FetchSession(FetchPolicy.from_settings(settings), archive=archive) as session:
        yield session


# --- ingest URL -----------------------------------------------------------------------------


def fetched_pages(urls: Sequence[str], settings: Settings) -> Iterator[Page | Rejected]:
    """Each URL fetched (through the fetcher, archived) as a Page, or the Rejected saying why."""
    if not urls:
        return
    with fetch_session(settings) as session:
        for url in urls:
            result = session.run(lambda f, u=url: f.fetch(u))  # type: ignore[misc]
            if not isinstance(result, Fetched):
                yield result.rejected()
                continue
            try:
                yield http_page(result.final_url, result.content, result.content_type, result.charset,
                                source=url, fetched_at=result.fetched_at)
            except InputError as exc:
                yield Rejected(url, "fetch", exc.reason, str(exc))


# --- sources --------------------------------------------------------------------------------


def _source_record(source: Source) -> dict[str, Any]:
    return {"url": source.url, "title": source.title, "leaning": source.leaning,
            "site_url": source.site_url, "language": source.language, "kind": source.kind,
            "last_error": source.last_error, "error_count": source.error_count,
            "next_check": source.next_check, "last_checked": source.last_checked,
            "retry_after": source.retry_after}


def _source_line(source: Source) -> str:
    state = (f"BROKEN ({source.error_count}x): {printable(source.last_error or '')}"
             if source.error_count else "ok" if source.last_checked else "not yet polled")
    leaning = source.leaning or "-"
    return (f"{printable(source.url)}\n    {printable(source.title or '-')} | leaning {leaning} | "
            f"next check {source.next_check} | {state}")


def _sources_list(store: Store, fmt: str) -> None:
    listed = store.followed_sources()
    for source in listed:
        if fmt == "jsonl":
            print(json.dumps(_source_record(source), ensure_ascii=False))
        else:
            print(_source_line(source))
    if fmt != "jsonl":
        broken = sum(1 for s in listed if s.error_count)
        print(f"{len(listed)} sources, {broken} broken", file=sys.stderr)


def _sources_add(args: argparse.Namespace, settings: Settings) -> None:
    """Fetch the address (a feed, or a page announcing one), then add the feed with what it lists
    (a refused address leaves the store as it was, or unmade)."""
    with fetch_session(settings) as session:
        found = session.run(lambda f: discover(f, args.target))
    with Store.open(settings.db) as store:
        _add_found(store, found, args, settings)


def _add_found(store: Store, found: Discovered, args: argparse.Namespace, settings: Settings) -> None:
    feed = found.feed
    source = Source(url=found.url, title=args.title or feed.title, leaning=args.leaning,
                    site_url=feed.site_url or found.site_url, language=feed.language, kind=feed.kind)
    oldest = shift(now(), -86400.0 * settings.max_item_age_days)
    with store.transaction():
        new = store.add_source(source)
        store.record_check(source.url, SourceCheck(
            next_check=now(), status=found.fetched.status, etag=found.fetched.etag,
            last_modified=found.fetched.last_modified, title=feed.title, kind=feed.kind))
        fresh = store.record_items(source.url, feed.items, oldest=oldest)
    verb = "added" if new else "updated"
    via = f" (found on {args.target})" if found.url != args.target else ""
    print(f"{verb} {found.url}{via}: {printable(source.title or '-')}, {len(feed.items)} items "
          f"({len(fresh)} to fetch); broadsheet run fetches them")


def _read_opml_file(args: argparse.Namespace) -> list[Source]:
    if args.defaults:
        data = (resources.files("broadsheet") / "data" / DEFAULT_FEEDS).read_bytes()
        return read_opml(data)
    if not args.target:
        raise ConfigError("sources import needs FILE.opml (or --defaults for the shipped list)")
    path = Path(args.target)
    try:
        return read_opml(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _sources_import(store: Store, args: argparse.Namespace) -> None:
    """Add every source of an OPML file; nothing is fetched until ``broadsheet run``."""
    listed = _read_opml_file(args)
    with store.transaction():
        added = sum(store.add_source(source) for source in listed)
    print(f"imported {len(listed)} sources ({added} new, {len(listed) - added} already followed); "
          "nothing is fetched until broadsheet run")


def _need_target(args: argparse.Namespace) -> str:
    if not args.target:
        raise ConfigError(f"sources {args.action} needs a URL")
    return str(args.target)


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    action = args.action
    if action == "add":
        _need_target(args)
        _sources_add(args, settings)
        return 0
    with Store.open(settings.db, create=action == "import") as store:
        if action == "remove":
            if not store.remove_source(_need_target(args)):
                raise InputError(f"no source with the address {args.target} (broadsheet sources list)")
            print(f"removed {args.target}; its articles stay in the store")
        elif action == "list":
            _sources_list(store, args.format)
        elif action == "import":
            _sources_import(store, args)
        else:
            sys.stdout.write(write_opml(store.followed_sources()))
    return 0


# --- run ------------------------------------------------------------------------------------


def _print_pass(report: scheduler.PassReport) -> None:
    done = report.ingest
    print(f"polled {report.sources} sources ({report.not_modified} not modified, {len(report.failed)} "
          f"failed): {report.new_items} new items; {report.fetched} pages fetched, {report.summaries} "
          f"summaries kept (page refused), {report.duplicates} already stored, {report.retrying} to "
          f"retry, {report.rejected} rejected")
    print(f"processed {done.pages} pages: {done.articles} articles analysed ({report.updated} updated), "
          f"{len(done.not_analysed)} stored without analysis (language), {len(done.rejected)} rejected")
    for poll in report.failed:
        print(f"source failed: {printable(poll.source.url)}: {printable(poll.check.error or '')}",
              file=sys.stderr)
    if report.stories is not None:
        print(f"{report.stories} stories")
    if report.nothing_new:
        print("nothing new")


def _prune_archive(settings: Settings) -> None:
    folder = archive_folder(settings.archive_dir, settings.db)
    if folder is not None:
        prune(folder, keep_days=settings.keep_days, max_bytes=settings.archive_max_bytes)


def cmd_run(args: argparse.Namespace, settings: Settings, load_nlp: NlpLoader) -> int:
    every = interval_seconds(settings.poll_interval)
    with Store.open(settings.db, create=False) as store, store_lock(settings.db):
        if not store.followed_sources():
            raise InputError("no sources to follow: add one with broadsheet sources add URL "
                             "(or broadsheet sources import --defaults)")
        progress = make_progress()
        try:
            with fetch_session(settings) as session:
                if args.once:
                    _print_pass(scheduler.run_pass(store, session, settings, load_nlp, all_now=True,
                                                   progress=progress))
                else:
                    count = len(store.followed_sources())
                    print(f"following {count} sources, every {every:g} s (Ctrl-C stops)")
                    scheduler.run_forever(store, session, settings, load_nlp, progress=progress,
                                          on_pass=partial(_after_pass, settings))
        except KeyboardInterrupt:
            print("stopped: every page fetched so far is stored; the next broadsheet run finishes "
                  "the rest", file=sys.stderr)
            raise
        finally:
            if isinstance(progress, BarProgress):
                progress.close()
    return 0


def _after_pass(settings: Settings, report: scheduler.PassReport) -> None:
    _print_pass(report)
    _prune_archive(settings)


# --- prune ----------------------------------------------------------------------------------


def cmd_prune(args: argparse.Namespace, settings: Settings) -> int:
    with Store.open(settings.db, create=False) as store, store_lock(settings.db, "broadsheet run or prune"):
        folder = archive_folder(settings.archive_dir, settings.db)
        if folder is not None:
            report = prune(folder, keep_days=settings.keep_days, max_bytes=settings.archive_max_bytes)
            print(f"archive {folder}: deleted {len(report.deleted)} files ({report.freed_bytes:,} bytes); "
                  f"kept {report.kept} files ({report.kept_bytes:,} bytes)")
        forgotten = store.forget_items(shift(now(), -86400.0 * settings.keep_days))
        print(f"forgot {forgotten} feed items not listed by their feed for {settings.keep_days} days")
    return 0
