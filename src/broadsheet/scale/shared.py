"""A backfill that several machines share through the work queue of a PostgreSQL store.

Every ``broadsheet backfill`` started on the same store queues the shards it was given (a
``shard`` job: the shard's name, its input path), then claims shards a few at a time
(``FOR UPDATE SKIP LOCKED``), runs them on its executor, loads their outputs and marks them done;
so the shards of one input list are split between the machines and none is processed twice. The
shard folder (``--out``) and the inputs must be at the same paths on every machine (a shared
file system), as for the Ray executor. A shard that failed, or was not tried because the run
stopped, is queued again at the end, for the next run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from broadsheet.scale.backfill import BackfillReport, Executor, OnResult, run_shards
from broadsheet.scale.load import LoadReport, load_shards
from broadsheet.scale.shards import Shard
from broadsheet.scale.work import WorkOptions
from broadsheet.store import Store
from broadsheet.store.queue import worker_id

SHARD_JOB = "shard"


def _add(total: LoadReport, part: LoadReport) -> None:
    for name in (f.name for f in fields(LoadReport)):
        setattr(total, name, getattr(total, name) + getattr(part, name))


def shared_backfill(store: Store, shards: Sequence[Shard], options: WorkOptions, executor: Executor,
                    *, redo: bool = False, on_result: OnResult | None = None
                    ) -> tuple[BackfillReport, LoadReport]:
    """Queue ``shards``, then claim, run and load queued shards until none is left."""
    worker = worker_id()
    store.enqueue_jobs(SHARD_JOB, [(s.name, s.path) for s in shards], force=redo)
    report = BackfillReport(executor.description, executor.cores())
    loaded = LoadReport()
    retry: list[Shard] = []
    while not report.stopped and (claimed := store.claim_jobs(SHARD_JOB, worker, max(1, report.cores))):
        mine = [Shard(path, name) for name, path in claimed]
        try:
            part = run_shards(mine, options, executor, redo=redo, on_result=on_result)
        except BaseException:  # Ctrl-C: the claimed shards go back to the queue at once
            store.release_jobs(SHARD_JOB, [s.name for s in mine], worker)
            raise
        report.results.extend(part.results)
        report.seconds += part.seconds
        report.stopped = part.stopped
        good = [r.shard for r in part.results if r.status != "failed"]
        _add(loaded, load_shards(store, Path(options.folder), good, reprocess=redo))
        store.finish_jobs(SHARD_JOB, good, worker)
        retry.extend(s for s in mine if s.name not in good)
    if retry:
        store.enqueue_jobs(SHARD_JOB, [(s.name, s.path) for s in retry], force=True)
    return report, loaded
