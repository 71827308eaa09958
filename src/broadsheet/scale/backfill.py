"""A backfill, top to bottom: plan shards, run them on an executor, load the outputs, update stories.

    WARC... ──plan_shards──▶ Shard ──executor.run(process_shard)──▶ <db>.shards/<shard>.jsonl.gz + .done
            ──load_shards (one writer, a transaction per shard)──▶ store ──update_stories──▶ stories

The driver checks the completion markers itself, so a rerun sends only unfinished shards to the
workers. A shard that fails leaves ``<shard>.error`` (its error and the worker's traceback) in the
shard folder for the operator, and is retried by the next run; the others are loaded all the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from broadsheet.scale.output import (
    InputStamp,
    ShardCounts,
    is_complete,
    marker_path,
    read_marker,
    remove_leftovers,
)
from broadsheet.scale.shards import Shard
from broadsheet.scale.work import ShardResult, WorkOptions

ERROR_SUFFIX = ".error"
FAIL_FAST = 3  # the first this many shards all failing with one same error stop the run
OnResult = Callable[[ShardResult], None]


class Executor(Protocol):
    """Runs shards in parallel (over shards, never over documents) and yields their results."""

    @property
    def description(self) -> str: ...

    def cores(self) -> int: ...

    def run(self, shards: Sequence[Shard], options: WorkOptions) -> Iterator[ShardResult]: ...


@dataclass
class BackfillReport:
    """Every shard's result, the wall time of the processing step, and what ran it."""

    executor: str
    cores: int
    results: list[ShardResult] = field(default_factory=list)
    seconds: float = 0.0
    stopped: str | None = None  # why the run stopped before every shard was tried

    def with_status(self, status: str) -> list[ShardResult]:
        """The results of the shards that ended ``done``, ``skipped`` or ``failed``."""
        return [r for r in self.results if r.status == status]

    def processed(self) -> ShardCounts:
        """Documents of the shards processed in this run (skipped ones not counted)."""
        return total(r.counts for r in self.with_status("done"))

    def documents_per_second(self) -> float:
        """Documents processed per second of wall time, all workers together."""
        return self.processed().docs_in / self.seconds if self.seconds else 0.0

    def peak_rss_mb(self) -> dict[str, float]:
        """The peak resident memory of each worker that processed a shard, in MiB."""
        peaks: dict[str, float] = {}
        for result in self.with_status("done"):
            peaks[result.worker] = max(peaks.get(result.worker, 0.0), result.peak_rss_mb)
        return peaks


def total(counts: Iterator[ShardCounts] | Sequence[ShardCounts]) -> ShardCounts:
    """The sum of several shards' counts."""
    docs_in = docs_out = rejected = failed = 0
    for c in counts:
        docs_in, docs_out = docs_in + c.docs_in, docs_out + c.docs_out
        rejected, failed = rejected + c.rejected, failed + c.failed
    return ShardCounts(docs_in, docs_out, rejected, failed)


def _finished(shard: Shard, options: WorkOptions) -> ShardResult | None:
    """The ``skipped`` result of a shard whose output is complete for this input and config."""
    folder = Path(options.folder)
    marker = read_marker(folder, shard.name)
    if marker is None or not is_complete(folder, marker, InputStamp.of(shard.path), options.config()):
        return None
    return ShardResult(shard.name, "skipped", marker.counts)


def run_shards(shards: Sequence[Shard], options: WorkOptions, executor: Executor, *,
               redo: bool = False, on_result: OnResult | None = None) -> BackfillReport:
    """Process every shard not already complete (all of them with ``redo``) on ``executor``."""
    report = BackfillReport(executor.description, executor.cores())
    todo: list[Shard] = []
    for shard in shards:
        skipped = None if redo else _finished(shard, options)
        if skipped is None:
            todo.append(shard)
        else:
            _record(report, skipped, options, on_result)
    started = time.perf_counter()
    if redo:
        _forget_markers(todo, options)
    tried: list[ShardResult] = []
    for result in executor.run(todo, options) if todo else ():
        _record(report, result, options, on_result)
        tried.append(result)
        report.stopped = _hopeless(tried)
        if report.stopped:
            break
    report.seconds = time.perf_counter() - started
    report.executor, report.cores = executor.description, executor.cores()
    return report


def _hopeless(tried: Sequence[ShardResult]) -> str | None:
    """Why to stop: the first ``FAIL_FAST`` shards tried all failed with the same error (a missing
    model, a folder the workers cannot write, broadsheet missing on the nodes ...)."""
    if len(tried) != FAIL_FAST or any(r.status != "failed" for r in tried):
        return None
    errors = {r.error for r in tried}
    return None if len(errors) != 1 else (f"stopped: the first {FAIL_FAST} shards all failed with "
                                          f"the same error: {errors.pop()}")


def _forget_markers(shards: Sequence[Shard], options: WorkOptions) -> None:
    for shard in shards:
        marker_path(Path(options.folder), shard.name).unlink(missing_ok=True)


def _record(report: BackfillReport, result: ShardResult, options: WorkOptions,
            on_result: OnResult | None) -> None:
    report.results.append(result)
    error_file = Path(options.folder) / f"{result.shard}{ERROR_SUFFIX}"
    if result.status == "failed":
        remove_leftovers(Path(options.folder), result.shard)  # what a killed worker left half-written
        error_file.write_text(f"{result.error}\n\n{result.trace or ''}".rstrip() + "\n",
                              encoding="utf-8")
    elif result.status == "done":
        error_file.unlink(missing_ok=True)
    if on_result is not None:
        on_result(result)
