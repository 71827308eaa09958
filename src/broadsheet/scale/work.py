"""``process_shard``: one input file read, extracted and analysed into its shard output, nothing else.

    shard file ──ingest.read_file──▶ Page | Rejected ──extract (time limit; site templates)──▶ Article
               ──pipeline.analyze_batch──▶ Analysis | Rejected ──output.ShardWriter──▶ <shard>.jsonl.gz

No side effect on the store: the store is written later, by one loader (``load.py``). The function
runs in a worker process of any executor; the spaCy model is loaded once per worker (``init_worker``,
the executors' initializer; ``analyze.nlp.load_model`` caches it per process). A shard already
complete for this input and config is skipped; otherwise it is written again from the start, and the
result is byte-identical to the last write. One document that breaks a stage is one ``Rejected``
line (counted as failed), never a failed shard; a shard fails only when its output cannot be written.
"""

from __future__ import annotations

import hashlib
import os
import resource
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, Literal

from broadsheet import __version__, pipeline
from broadsheet.extract import extract
from broadsheet.extract.templates import apply, count_lines, learn, merge
from broadsheet.ingest.files import read_file
from broadsheet.model import Analysis, Article, Page, Rejected
from broadsheet.scale.output import (
    FORMAT,
    InputStamp,
    Record,
    ShardCounts,
    ShardWriter,
    is_complete,
    read_marker,
    remove_leftovers,
)
from broadsheet.scale.shards import Shard
from broadsheet.scale.timelimit import TimeLimitExceeded, time_limit

Status = Literal["done", "skipped", "failed"]
FAILED_REASONS = frozenset({"extract_error", "analyze_error"})
DEFAULT_TIME_LIMIT = 30.0


@dataclass(frozen=True)
class WorkOptions:
    """What a worker needs to process shards: where outputs go and the settings of the stages."""

    folder: str
    model: str
    batch_size: int
    max_page_bytes: int
    time_limit: float = DEFAULT_TIME_LIMIT
    languages: str = "*"  # the ``languages`` setting: articles in others get a "language" note

    def config(self) -> dict[str, Any]:
        """The settings an output depends on: a shard written under others is written again."""
        return {"broadsheet": __version__, "format": FORMAT, "model": self.model,
                "max_page_bytes": self.max_page_bytes, "time_limit": self.time_limit,
                "languages": self.languages, "stages": stages_digest()}


_STAGES = Path(__file__).resolve().parent.parent  # the broadsheet package


@cache
def stages_digest() -> str:
    """A digest of the code and shipped models of extraction and analysis: a shard written by
    other rules or models (a new release, a retrained model) is written again, even when the
    version number did not move."""
    digest = hashlib.sha256()
    for path in sorted((_STAGES / "extract").rglob("*")) + sorted((_STAGES / "analyze").rglob("*")):
        if path.suffix in (".py", ".json"):
            digest.update(path.relative_to(_STAGES).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ShardResult:
    """What happened to one shard. ``counts`` are the marker's; the rest describes this run only
    (times, the worker's peak memory, which worker) and is never written into the output."""

    shard: str
    status: Status
    counts: ShardCounts = field(default_factory=ShardCounts)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    extract_seconds: float = 0.0
    analyse_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    worker: str = ""
    attempts: int = 1
    error: str | None = None
    trace: str | None = None


Work = Callable[[Shard, WorkOptions], ShardResult]


def failure(shard: Shard, error: str, *, trace: str | None = None, attempts: int = 1) -> ShardResult:
    """The result of a shard that could not be processed: ``error`` in one line, the traceback."""
    return ShardResult(shard.name, "failed", attempts=attempts, error=error, trace=trace)


@dataclass
class _Clock:
    """What a shard keeps while it runs: stage times, outcome counts, the site-template counts."""

    extract: float = 0.0
    analyse: float = 0.0
    tally: Counter[str] = field(default_factory=Counter)
    templates: dict[str, Counter[str]] = field(default_factory=dict)


_WARM_UP = Page(
    id="warm-up", source="warm-up", kind="html", url="https://example.org/2024/01/02/warm-up",
    content="<html><head><title>Council approves budget</title></head><body><article>"
            "<h1>Council approves budget</h1><p>The city council approved the budget on Monday "
            "after a long debate about school funding and road repairs.</p><p>\u201cWe listened "
            "to every neighbourhood,\u201d said Jane Doe, the mayor of Springfield, adding that "
            "the vote was close.</p></article></body></html>")


_READY: dict[str, Exception | None] = {}  # model -> None once warmed up, or why it could not be


def load_nlp(model: str) -> Any:
    """The spaCy model ``model``, loaded once per process (imported here: spaCy is slow to import)."""
    from broadsheet.analyze.nlp import load_model

    return load_model(model)


def init_worker(options: WorkOptions) -> None:
    """Executor initializer: load the spaCy model and warm every stage up, once per process, before
    the worker takes its first shard (imports and lazy tables otherwise land on its first document).

    It never raises: a raising initializer breaks a whole process pool, and every shard would look
    like a dead worker. The error is kept and ``run_in_worker`` raises it for each shard instead,
    so each fails at once with the reason (a missing model, say).
    """
    if options.model in _READY:
        return
    try:
        nlp = partial(load_nlp, options.model)
        nlp()
        article = extract(_WARM_UP)
        if isinstance(article, Article):
            pipeline.analyze_batch([article], nlp, 1)
        _READY[options.model] = None
    except Exception as exc:  # kept, and raised for each shard by run_in_worker
        _READY[options.model] = exc


def run_in_worker(work: Work, shard: Shard, options: WorkOptions) -> ShardResult:
    """What an executor runs in its worker: the warm-up once per process, then ``work`` on the shard."""
    init_worker(options)
    error = _READY[options.model]
    if error is not None:
        raise error
    return work(shard, options)


def worker_id() -> str:
    """``host:pid`` of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_mb() -> float:
    """The largest resident memory this process has had so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_shard(shard: Shard, options: WorkOptions) -> ShardResult:
    """Extract and analyse every document of ``shard`` into its output; skip it when complete."""
    started, cpu = time.perf_counter(), time.process_time()
    folder = Path(options.folder)
    stamp, config = InputStamp.of(shard.path), options.config()
    marker = read_marker(folder, shard.name)
    if marker is not None and is_complete(folder, marker, stamp, config):
        return ShardResult(shard.name, "skipped", marker.counts, worker=worker_id())
    remove_leftovers(folder, shard.name)
    clock = _Clock()
    with ShardWriter(folder, shard.name) as writer:
        for record in _records(shard, options, clock):
            writer.add(record)
        counts = _counts(clock.tally)
        writer.commit(stamp, config, counts)
    return ShardResult(shard.name, "done", counts, time.perf_counter() - started,
                       time.process_time() - cpu, clock.extract, clock.analyse, peak_rss_mb(),
                       worker_id())


def _records(shard: Shard, options: WorkOptions, clock: _Clock) -> Iterator[Record]:
    """Every output record of the shard, in input order, batch by batch."""
    items = read_file(Path(shard.path), max_bytes=options.max_page_bytes)
    for batch in pipeline.batched(items, max(1, options.batch_size) * 4):
        yield from _batch_records(batch, options, clock)


def _batch_records(batch: Sequence[Page | Rejected], options: WorkOptions,
                   clock: _Clock) -> Iterator[Record]:
    """For each input: its page and then its analysis or rejection (or the lone input rejection)."""
    pages = [item for item in batch if isinstance(item, Page)]
    started = time.perf_counter()
    extracted = _without_templates([_extract(page, options.time_limit) for page in pages], clock)
    clock.extract += time.perf_counter() - started
    analysed = _analyse([a for a in extracted if isinstance(a, Article)], options, clock)
    outcomes = iter(extracted)
    for item in batch:
        if isinstance(item, Page):
            yield item
            done = next(outcomes)
            result = done if isinstance(done, Rejected) else analysed[done.id]
        else:
            result = item
        clock.tally[_outcome(result)] += 1
        yield result


def _without_templates(results: list[Article | Rejected], clock: _Clock) -> list[Article | Rejected]:
    """As ``ingest`` does (``extract.templates``), with what this shard has shown of each site so far
    instead of the store's counts (a worker never reads the store; the loader adds the counts)."""
    articles = [r for r in results if isinstance(r, Article)]
    templates = learn(merge(clock.templates, count_lines(articles)))
    kept = [r if isinstance(r, Rejected) else apply(r, templates) for r in results]
    clock.templates = merge(clock.templates, count_lines([a for a in kept if isinstance(a, Article)]))
    return kept


def _extract(page: Page, seconds: float) -> Article | Rejected:
    """``extract`` under the time limit; a page that breaks the extractor is one failed document."""
    try:
        with time_limit(seconds):
            return extract(page)
    except TimeLimitExceeded as exc:
        return Rejected.of(page, "extract", "timeout", f"extraction {exc}; the page was given up")
    except Exception as exc:  # a per-document boundary: the failure is recorded, the shard goes on
        return Rejected.of(page, "extract", "extract_error", repr(exc))


def _analyse(articles: Sequence[Article], options: WorkOptions,
             clock: _Clock) -> dict[str, Analysis | Rejected]:
    """The analysis of each article, or the rejection of the one that broke it, or the note of one
    in a language not analysed (as ``ingest`` stores it), by article id."""
    started = time.perf_counter()
    wanted, foreign = pipeline.split_languages(articles, options.languages)
    analyses, failed = pipeline.analyze_batch(wanted, partial(load_nlp, options.model),
                                              options.batch_size)
    clock.analyse += time.perf_counter() - started
    results: dict[str, Analysis | Rejected] = {a.article.id: a for a in analyses}
    results.update((r.page_id, r) for r in failed + foreign if r.page_id)
    return results


def _outcome(result: Analysis | Rejected) -> str:
    if isinstance(result, Analysis):
        return "out"
    return "failed" if result.reason in FAILED_REASONS else "rejected"


def _counts(tally: Counter[str]) -> ShardCounts:
    out, rejected, failed = tally["out"], tally["rejected"], tally["failed"]
    return ShardCounts(out + rejected + failed, out, rejected, failed)
