"""One function per ``broadsheet`` command: resolve settings, call the library, print.

Settings come from ``settings.load_settings`` with the command-line flags as the top layer.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from broadsheet import demo, pipeline, timestamps
from broadsheet.cli import follow, mail
from broadsheet.cli.backfill import cmd_backfill
from broadsheet.cli.records import analysis_record, article_record, rejected_record
from broadsheet.errors import ConfigError, InputError
from broadsheet.extract import extract
from broadsheet.extract.record_lines import read_lines
from broadsheet.extract.verbatim import verbatim_article
from broadsheet.ingest import read_paths
from broadsheet.model import Analysis, Article, Edition, Page, Rejected
from broadsheet.settings import SETTINGS, Settings, load_settings
from broadsheet.store import Store
from broadsheet.store.postgres import redacted
from broadsheet.text import printable

BENCH_STAGES = ("extraction", "attribution", "clustering", "edition", "ingest", "backfill", "robustness")
T = TypeVar("T")


def _settings(args: argparse.Namespace) -> Settings:
    """Every setting, the command's flags on top (a flag not given is None: the layer below wins)."""
    return load_settings({s.name: getattr(args, s.name, None) for s in SETTINGS})


def _load_nlp(settings: Settings) -> Any:
    from broadsheet.analyze.nlp import load_model

    return load_model(settings.model)




def _print_json_lines(records: Iterable[dict[str, Any]], fmt: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _note_rejected(rejected: Rejected) -> None:
    print(f"rejected: {printable(rejected.source)}: {rejected.reason}: {printable(rejected.detail)}",
          file=sys.stderr)


def _articles(paths: list[str], settings: Settings, no_extract: bool) -> Iterator[Article | Rejected]:
    """Each input page extracted (or taken verbatim); rejections pass through in order."""
    convert = verbatim_article if no_extract else extract
    for item in read_paths(paths, max_bytes=settings.max_page_bytes):
        yield item if isinstance(item, Rejected) else convert(item)


def _records(items: Iterable[T | Rejected], to_record: Callable[[T], dict[str, Any]],
             counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, Rejected):
            _note_rejected(item)
            counts["rejected"] += 1
            yield rejected_record(item)
        else:
            counts["ok"] += 1
            yield to_record(item)


def _finish_batch(counts: dict[str, int]) -> int:
    if counts["ok"] == 0 and counts["rejected"] == 0:
        raise InputError("no input pages found")
    if counts["ok"] == 0:
        raise InputError(f"none of the {counts['rejected']} inputs could be processed")
    return 0


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    counts = {"ok": 0, "rejected": 0}
    items = _articles(args.paths, settings, no_extract=False)
    _print_json_lines(_records(items, article_record, counts), args.format)
    return _finish_batch(counts)


def _analysed(items: Iterable[Article | Rejected], settings: Settings) -> Iterator[Analysis | Rejected]:
    """Analyse articles in batches (``pipeline.analyze_batch``), keeping the input order."""
    load = partial(_load_nlp, settings)
    for batch in pipeline.batched(items, settings.batch_size):
        articles = [a for a in batch if isinstance(a, Article)]
        analyses, failed = pipeline.analyze_batch(articles, load, settings.batch_size)
        done: dict[str, Analysis | Rejected] = {a.article.id: a for a in analyses}
        done.update((r.page_id or r.source, r) for r in failed)
        yield from (item if isinstance(item, Rejected) else done[item.id] for item in batch)


def cmd_analyze(args: argparse.Namespace, settings: Settings) -> int:
    counts = {"ok": 0, "rejected": 0}
    items = _analysed(_articles(args.paths, settings, args.no_extract), settings)
    _print_json_lines(_records(items, analysis_record, counts), args.format)
    return _finish_batch(counts)


def cmd_cluster(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    counts = {"ok": 0, "rejected": 0}
    articles: list[Article] = []
    for _, item in read_lines(path):
        if isinstance(item, Rejected):  # named on stderr: stdout holds only the {id, story} rows
            _note_rejected(item)
            counts["rejected"] += 1
        else:
            articles.append(item)
            counts["ok"] += 1
    stories = pipeline.cluster(articles, settings)
    rows = ({"id": member, "story": story.id} for story in stories for member in story.article_ids)
    _print_json_lines(rows, "jsonl")
    return _finish_batch(counts)


def _print_ingest(report: pipeline.IngestReport) -> None:
    updated = f" ({report.updated} updated pages)" if report.updated else ""
    foreign = (f", {len(report.not_analysed)} stored without analysis (language)"
               if report.not_analysed else "")
    print(f"read {report.pages} pages: {report.articles} articles extracted and analysed{updated}"
          f"{foreign}, {report.skipped} already stored and unchanged, {len(report.rejected)} rejected, "
          f"from {len(report.outlets)} outlets")
    for rejected in report.rejected[:20]:
        _note_rejected(rejected)
    if len(report.rejected) > 20:
        print(f"... and {len(report.rejected) - 20} more: broadsheet status", file=sys.stderr)
    if report.pages and not report.articles and not report.rejected and not report.not_analysed:
        print("nothing new: every page is already stored, unchanged")


def _check_ingest(report: pipeline.IngestReport) -> None:
    """InputError when there was nothing to read, or when every input was rejected."""
    if report.pages == 0 and not report.rejected:
        raise InputError("no input pages found")
    if report.articles == 0 and report.skipped == 0 and report.rejected and not report.not_analysed:
        raise InputError(f"none of the {len(report.rejected)} inputs could be processed "
                         "(broadsheet status lists why)")


def _inputs(paths: list[str], settings: Settings) -> Iterator[Page | Rejected]:
    """Files and folders read, then URLs fetched (``broadsheet ingest URL``), in that order."""
    yield from read_paths([p for p in paths if not follow.is_url(p)], max_bytes=settings.max_page_bytes)
    yield from follow.fetched_pages([p for p in paths if follow.is_url(p)], settings)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    if not args.paths and not args.reprocess:
        raise ConfigError("ingest needs a PATH or URL (or --reprocess to re-extract the stored pages)")
    with Store.open(settings.db, create=bool(args.paths)) as store:
        stored = _inputs(args.paths, settings) if args.paths else store.pages()
        report = pipeline.ingest([], store, settings, partial(_load_nlp, settings),
                                 pages=stored, reprocess=args.reprocess)
        _print_ingest(report)
        _check_ingest(report)
        if report.articles or report.not_analysed:
            placed = pipeline.update_stories(store, settings)
            print(f"store {redacted(settings.db)}: {placed.placed} articles placed into stories "
                  f"({placed.merged} merged); {placed.stories} stories")
    return 0


def _publish(store: Store, settings: Settings, *, date: str | None = None, kind: str = "daily",
             every_story: bool = False) -> Edition:
    """Build, check and write the edition from the stored stories (``brief`` never clusters:
    ``ingest`` keeps the stories up to date); ``every_story`` covers everything stored and lifts
    ``max_stories`` (the demo)."""
    stories = store.stories()
    if every_story:
        settings = replace(settings, max_stories=max(settings.max_stories, len(stories)))
    edition, written = pipeline.publish(store, settings, created=timestamps.now(),
                                        out_dir=Path(settings.out_dir), date=date, kind=kind,
                                        everything=every_story)
    _print_edition(edition, len(stories))
    out = Path(settings.out_dir)
    print(f"wrote {len(written)} files to {settings.out_dir}/ — open {(out / 'index.html').resolve()}")
    print(f"feeds: {out / 'feed.atom'} and {out / 'feed.json'}")
    return edition


def _print_edition(edition: Edition, stored: int) -> None:
    when = (f"{edition.date} ({edition.timezone})" if edition.window_start
            else "everything stored")
    sections = ", ".join(f"{len(s.story_ids)} {s.title}" for s in edition.sections) or "no stories"
    print(f"{stored} stories stored; the {edition.kind} edition of {when} shows "
          f"{len(edition.stories)}: {sections}")
    print(f"verbatim check: {len(edition.rejected)} items dropped (kept with their reasons in "
          "edition.json)")
    for story in edition.stories[:3]:
        print(f"  {story.rank}. {story.title} — {', '.join(story.outlets)}")


def cmd_brief(args: argparse.Namespace, settings: Settings) -> int:
    with Store.open(settings.db, create=False) as store:
        _publish(store, settings, date=args.date, kind=args.kind)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    sample = demo.folder_sample(Path(args.sample)) if args.sample else demo.default_sample()
    db = args.db or str(Path(settings.out_dir) / "broadsheet.db")
    print(f"demo: reading {sample}")
    with Store.open(db) as store:
        report = pipeline.ingest([sample], store, settings, partial(_load_nlp, settings))
        _print_ingest(report)
        pipeline.update_stories(store, settings)
        edition = _publish(store, settings, kind="weekly", every_story=True)
        letter = mail.write_sample(edition, settings, Path(settings.out_dir))
        print(f"the newsletter a subscriber would get: {letter} (broadsheet subscribers add, "
              "then broadsheet send, mails it)")
    print(f"store: {db} (try: broadsheet status --db {db})")
    print(f"read it in a browser: broadsheet serve --db {db}   (then open http://127.0.0.1:8000/)")
    return 0


def _write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "jsonl":
        _print_json_lines(rows, "jsonl", out)
        return
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        flat = {k: v if isinstance(v, str | int | float | None) else json.dumps(v) for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    with Store.open(settings.db, create=False) as store:
        _write_rows(store.export_rows(args.kind), args.format)
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    with Store.open(settings.db, create=False) as store:
        for article in store.search(args.query, limit=args.limit):
            print(f"{article.id}  {article.outlet or '-':<22} {article.title}")
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    with Store.open(settings.db, create=False) as store:
        for name, count in store.counts().items():
            print(f"{name:<14} {count}")
        items = ", ".join(f"{n} {state}" for state, n in store.item_counts().items() if n)
        if items:
            print(f"feed items     {items}")
        jobs = ", ".join(f"{n} {kind_state}" for kind_state, n in store.job_counts().items())
        if jobs:
            print(f"work queue     {jobs}")
        for source in store.followed_sources():
            if source.error_count:
                print(f"broken source  {printable(source.url)} ({source.error_count} in a row): "
                      f"{printable(source.last_error or '')}")
        for rejected in store.rejections():
            label = "stored, not analysed" if rejected.reason == "language" else "rejected"
            print(f"{label}  {rejected.stage:<8} {rejected.reason:<12} {printable(rejected.source)}: "
                  f"{printable(rejected.detail)}")
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from broadsheet.store.copy import copy_store

    report = copy_store(args.source, args.target)
    for table, rows in report.rows.items():
        print(f"{table:<20} {rows}")
    print(f"copied {sum(report.rows.values())} rows of {len(report.rows)} tables from {args.source} "
          f"to {redacted(args.target)}; use it with --db or BROADSHEET_DB")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from broadsheet.web import serve

    Store.open(settings.db, create=False).close()
    print(f"serving {redacted(settings.db)} on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    serve(settings.db, settings, host=args.host, port=args.port)
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    data = Path(settings.eval_data)
    if getattr(args, "labelled_set", None):
        return _bench_own_set(args, data)
    if getattr(args, "label", None):
        raise ConfigError("--label applies with --set only")
    if not data.is_dir():
        raise ConfigError(f"--data: no such folder: {data}")
    module = importlib.import_module(f"broadsheet.bench.{args.stage}")
    options: dict[str, object] = {"scale": True} if getattr(args, "scale", False) else {}
    if options and args.stage != "clustering":
        raise ConfigError("--scale applies to bench clustering only")
    if getattr(args, "memory", False):
        if args.stage != "extraction":
            raise ConfigError("--memory applies to bench extraction only")
        options["memory"] = True
    if args.stage == "ingest":
        options["settings"] = settings
    report = module.run(data, limit=args.limit, **options)
    print(report.format())
    return 0


def _bench_own_set(args: argparse.Namespace, data: Path) -> int:
    """``bench clustering --set FILE``: a labelled set of the user's own, scored as ours are."""
    from broadsheet.bench import own_set

    if args.stage != "clustering" or getattr(args, "scale", False):
        raise ConfigError("--set applies to bench clustering only (without --scale)")
    report = own_set.run(Path(args.labelled_set), label=args.label,
                         data=data if data.is_dir() else None)
    print(report.format())
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    return follow.cmd_run(args, settings, partial(_load_nlp, settings))


HANDLERS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "demo": cmd_demo, "ingest": cmd_ingest, "extract": cmd_extract, "analyze": cmd_analyze,
    "cluster": cmd_cluster, "brief": cmd_brief, "export": cmd_export, "search": cmd_search,
    "status": cmd_status, "migrate": cmd_migrate, "serve": cmd_serve, "bench": cmd_bench,
    "sources": follow.cmd_sources,
    "run": cmd_run, "prune": follow.cmd_prune, "subscribers": mail.cmd_subscribers,
    "send": mail.cmd_send, "backfill": cmd_backfill,
}


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed command line."""
    return HANDLERS[args.command](args, _settings(args))

