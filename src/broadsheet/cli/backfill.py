"""``broadsheet backfill``: shards on a process pool or a Ray cluster, then one load into the store.

On a PostgreSQL store several backfills (on several machines) share the shards through the work
queue (``scale/shared.py``): each claims shards, runs and loads them, until none is left.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from broadsheet import pipeline
from broadsheet.errors import ConfigError, InputError
from broadsheet.scale.backfill import BackfillReport, Executor, run_shards
from broadsheet.scale.cluster import RayExecutor
from broadsheet.scale.load import LoadReport, load_shards
from broadsheet.scale.local import LocalExecutor
from broadsheet.scale.shards import Shard, claim_folder, folder_lock, plan_shards, store_folder
from broadsheet.scale.shared import shared_backfill
from broadsheet.scale.work import ShardResult, WorkOptions
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.db import is_postgres
from broadsheet.store.postgres import redacted
from broadsheet.text import printable


def executor_of(args: argparse.Namespace) -> Executor:
    """The executor the flags ask for."""
    if args.executor == "ray":
        return RayExecutor(address=args.address, workers=args.workers,
                           tasks_per_worker=args.tasks_per_worker)
    return LocalExecutor(workers=args.workers or os.cpu_count() or 1,
                         tasks_per_worker=args.tasks_per_worker)


def _note(result: ShardResult) -> None:
    c = result.counts
    where = f", {result.seconds:.1f} s on {result.worker}" if result.status == "done" else ""
    line = f"shard {result.shard}: {result.status}"
    if result.status == "failed":
        line += f": {printable(result.error or '')}"
    else:
        line += f": {c.docs_in} in, {c.docs_out} out, {c.rejected} rejected, {c.failed} failed{where}"
    print(line, file=sys.stderr)


def _print_run(report: BackfillReport, folder: Path) -> None:
    done, skipped, failed = (len(report.with_status(s)) for s in ("done", "skipped", "failed"))
    c = report.processed()
    print(f"backfill: {len(report.results)} shards on {report.executor}: {done} processed, "
          f"{skipped} already complete, {failed} failed; outputs in {folder}")
    if done:
        rate = report.documents_per_second()
        print(f"  {c.docs_in} documents: {c.docs_out} analysed, {c.rejected} rejected, {c.failed} failed "
              f"in {report.seconds:.1f} s ({rate:.2f}/s, {rate / max(1, report.cores):.2f}/s per core)")


def _print_load(report: LoadReport, db: str) -> None:
    print(f"load: {report.shards} shards into {db} ({report.articles} articles, {report.rejected} "
          f"rejections, {report.skipped} pages already stored unchanged); {report.already} loaded "
          "before")
    for error in report.errors:
        print(f"load: {printable(error)}", file=sys.stderr)


def _load(settings: Settings, folder: Path, names: list[str], reprocess: bool) -> LoadReport:
    with Store.open(settings.db) as store:
        report = load_shards(store, folder, names, reprocess=reprocess)
        _print_load(report, redacted(settings.db))
        if report.articles:
            placed = pipeline.update_stories(store, settings)
            print(f"store {settings.db}: {placed.placed} articles placed into stories "
                  f"({placed.merged} merged); {placed.stories} stories")
    return report


def _check(report: BackfillReport, loaded: LoadReport | None, folder: Path) -> None:
    if report.stopped:
        raise InputError(f"{report.stopped} (the other shards were not tried)")
    failed = report.with_status("failed")
    if failed:
        raise InputError(f"{len(failed)} of {len(report.results)} shards failed (why: "
                         f"{folder}/<shard>.error); run the same command again to retry them")
    if loaded is not None and loaded.errors:
        raise InputError(f"{len(loaded.errors)} shard outputs could not be loaded; run the same "
                         "command again to write them anew")


def _shared(args: argparse.Namespace, settings: Settings, shards: list[Shard], options: WorkOptions,
            folder: Path) -> tuple[BackfillReport, LoadReport]:
    """The backfill of a PostgreSQL store: shards claimed from the shared queue, each loaded as
    soon as it is processed."""
    if args.no_load:
        raise ConfigError("backfill: --no-load is for an SQLite store; on PostgreSQL each worker "
                          "loads the shards it processed")
    with Store.open(settings.db) as store:
        report, loaded = shared_backfill(store, shards, options, executor_of(args),
                                         redo=args.reprocess, on_result=_note)
        _print_run(report, folder)
        _print_load(loaded, redacted(settings.db))
        if loaded.articles:
            placed = pipeline.update_stories(store, settings)
            print(f"store {redacted(settings.db)}: {placed.placed} articles placed into stories "
                  f"({placed.merged} merged); {placed.stories} stories")
    return report, loaded


def cmd_backfill(args: argparse.Namespace, settings: Settings) -> int:
    shards = plan_shards(args.paths)
    folder = store_folder(settings.db, args.out)
    claim_folder(folder, settings.db)
    options = WorkOptions(str(folder), settings.model, settings.batch_size, settings.max_page_bytes,
                          args.time_limit, settings.languages)
    if is_postgres(settings.db):
        report, shared = _shared(args, settings, shards, options, folder)
        _check(report, shared, folder)
        return 0
    with folder_lock(folder):
        report = run_shards(shards, options, executor_of(args), redo=args.reprocess, on_result=_note)
        _print_run(report, folder)
        loaded = None if args.no_load else _load(settings, folder, [s.name for s in shards],
                                                 args.reprocess)
    _check(report, loaded, folder)
    return 0
