"""``broadsheet bench backfill``: documents per second per core, for each executor, on the same WARCs.

The WARC files are built here from real pages: the 181 HTML pages of the scrapinghub benchmark (MIT),
repeated under different URLs (``?bscopy=N``) to reach 2,000 documents (``--limit`` for fewer), 100
documents to a file, so there are enough shards to keep every worker busy. On those same files:

- ``ingest, 1 process`` (the baseline): ``pipeline.ingest`` as ``broadsheet ingest`` runs it, with the
  store writer inside the batch loop, into a fresh store; on the first files only (two rounds of the
  pages, the same mix of pages as the whole set), since it runs on one core;
- ``local executor``: ``process_shard`` on the process pool, one worker per CPU;
- ``ray executor``: the same shards as Ray tasks on a local Ray instance with as many CPUs (skipped,
  with a note, when Ray is not installed);
then the local executor's outputs are bulk-loaded into a fresh store and stories updated.

Per row: documents per second of wall time and per core (the goal is 10 per core end to end), per
CPU-second the workers used (what a dedicated core would do: on a shared machine the wall-time rates
drop with the load, this one much less), the extraction and analysis rates (documents per second of
each stage's own time, summed over workers) and the peak resident memory of a worker (the largest of
any worker, model included).
Each worker takes ``TASKS_PER_WORKER`` shards before it is replaced. The machine's load average is
printed: on a shared machine every rate is a lower bound.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from broadsheet import pipeline
from broadsheet.bench import BenchReport, BenchRow
from broadsheet.scale.backfill import BackfillReport, Executor, run_shards
from broadsheet.scale.cluster import RayExecutor
from broadsheet.scale.load import load_shards
from broadsheet.scale.local import LocalExecutor
from broadsheet.scale.shards import Shard, plan_shards
from broadsheet.scale.work import WorkOptions, load_nlp, peak_rss_mb
from broadsheet.settings import Settings
from broadsheet.store import Store

DOCUMENTS = 2000
PER_WARC = 100
TASKS_PER_WORKER = 8
BASELINE_ROUNDS = 2
GOAL_PER_CORE = 10.0
FETCHED = "2019-11-20T00:00:00Z"
DATASET = "scrapinghub WARCs"
Document = tuple[str, bytes]


def scrapinghub_pages(data: Path) -> list[Document]:
    """``(url, html)`` of every page of the scrapinghub benchmark, sorted by id."""
    folder = data / "extraction" / "scrapinghub"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [(gold[key]["url"], gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()))
            for key in sorted(gold)]


CANONICAL_LINK = re.compile(rb"<link\b[^>]*\bcanonical\b[^>]*>", re.IGNORECASE)


def repeated(pages: Sequence[Document], count: int) -> Iterator[Document]:
    """``count`` documents: the pages in turn, each round under new URLs (``?bscopy=N``).

    The pages' ``<link rel=canonical>`` is removed: a page is identified by its canonical link, so
    with it every round would be the same article again (ingest skips it as already stored)."""
    for n in range(count):
        url, body = pages[n % len(pages)]
        copy = n // len(pages)
        yield (f"{url}{'&' if '?' in url else '?'}bscopy={copy}" if copy else url), \
            CANONICAL_LINK.sub(b"", body)


def write_warc(documents: Sequence[Document], path: Path) -> Path:
    """A gzipped WARC of one ``response`` record per document: its bytes behind a 200 OK."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in documents:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": FETCHED}))
    return path


def write_warcs(documents: Sequence[Document], folder: Path, per_file: int = PER_WARC) -> list[Path]:
    """``documents`` split into WARC files of ``per_file`` records, named in order."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_warc(documents[i:i + per_file], folder / f"bench-{i // per_file:05d}.warc.gz")
            for i in range(0, len(documents), per_file)]


def _rate(documents: int, seconds: float) -> float:
    return documents / seconds if seconds > 0 else 0.0


def _executor_row(name: str, report: BackfillReport) -> BenchRow:
    done = report.with_status("done")
    docs, cores = report.processed().docs_in, max(1, report.cores)
    metrics = {"docs_per_s": report.documents_per_second(),
               "per_core": report.documents_per_second() / cores,
               "per_cpu_s": _rate(docs, sum(r.cpu_seconds for r in done)),
               "extract_per_s": _rate(docs, sum(r.extract_seconds for r in done)),
               "analyse_per_s": _rate(docs, sum(r.analyse_seconds for r in done)),
               "peak_mb": max(report.peak_rss_mb().values(), default=0.0)}
    return BenchRow(DATASET, f"{name}, {cores} cores", metrics, docs, report.seconds)


def _ingest_row(warcs: Sequence[Path], settings: Settings, tmp: Path) -> BenchRow:
    load_nlp(settings.model)
    started, cpu = time.perf_counter(), time.process_time()
    with Store.open(tmp / "ingest.db") as store:
        report = pipeline.ingest(warcs, store, settings, partial(load_nlp, settings.model))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    metrics = {"docs_per_s": _rate(report.pages, seconds), "per_core": _rate(report.pages, seconds),
               "per_cpu_s": _rate(report.pages, cpu), "peak_mb": peak_rss_mb()}
    return BenchRow(DATASET, "ingest, 1 process (baseline)", metrics, report.pages, seconds)


def _run_executor(executor: Executor, shards: list[Shard], folder: Path,
                  settings: Settings) -> BackfillReport:
    options = WorkOptions(str(folder), settings.model, settings.batch_size, settings.max_page_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    return run_shards(shards, options, executor)


def _load_row(folder: Path, names: list[str], settings: Settings, tmp: Path) -> BenchRow:
    started = time.perf_counter()
    with Store.open(tmp / "loaded.db") as store:
        report = load_shards(store, folder, names)
        pipeline.update_stories(store, settings)
    seconds = time.perf_counter() - started
    docs = report.articles + report.rejected
    return BenchRow(DATASET, "load + stories, 1 writer", {"docs_per_s": _rate(docs, seconds)}, docs,
                    seconds)


def _ray_rows(local: BackfillReport, shards: list[Shard], settings: Settings, tmp: Path,
              report: BenchReport) -> None:
    try:
        import ray  # noqa: F401
    except ImportError:
        report.notes.append("ray executor: skipped, Ray is not installed (pip install 'broadsheet[ray]')")
        return
    executor = RayExecutor(workers=local.cores, tasks_per_worker=TASKS_PER_WORKER)
    result = _run_executor(executor, shards, tmp / "ray", settings)
    report.rows.append(_executor_row("ray executor", result))
    report.notes.append(_overhead(local, result, executor.startup_seconds))


def _warcs(data: Path, limit: int | None, cores: int, tmp: Path) -> tuple[list[Path], list[Path], int]:
    """The bench's WARC files, the baseline's first few of them, and documents per file."""
    pages = scrapinghub_pages(data)
    documents = list(repeated(pages, limit or DOCUMENTS))
    per_file = max(1, min(PER_WARC, len(documents) // (4 * cores)))  # >= 4 shards per worker
    warcs = write_warcs(documents, tmp / "warcs", per_file)
    return warcs, warcs[:max(1, -(-BASELINE_ROUNDS * len(pages) // per_file))], per_file


def run(data: Path, *, limit: int | None = None, settings: Settings | None = None) -> BenchReport:
    """Build the WARCs, run the baseline and each executor on them, and report the rates."""
    settings = settings or Settings()
    cores = os.cpu_count() or 1
    report = BenchReport("backfill")
    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as name:
        tmp = Path(name)
        warcs, baseline, per_file = _warcs(data, limit, cores, tmp)
        shards = plan_shards(warcs)
        report.rows.append(_ingest_row(baseline, settings, tmp))
        local = _run_executor(LocalExecutor(cores, TASKS_PER_WORKER), shards, tmp / "local", settings)
        report.rows.append(_executor_row("local executor", local))
        _ray_rows(local, shards, settings, tmp, report)
        report.rows.append(_load_row(tmp / "local", [s.name for s in shards], settings, tmp))
    report.notes.extend(_notes(local, len(warcs), per_file))
    return report


def _overhead(local: BackfillReport, ray: BackfillReport, startup: float) -> str:
    def extra(seconds: float) -> str:
        return f"{seconds / local.seconds - 1:+.1%}" if local.seconds else "?"

    return (f"ray overhead against the local executor: {extra(ray.seconds)} wall time on the same "
            f"shards ({ray.seconds:.1f} s against {local.seconds:.1f} s), of which starting the local "
            f"Ray instance {startup:.1f} s; {extra(ray.seconds - startup)} without it")


def _notes(local: BackfillReport, files: int, per_file: int) -> list[str]:
    per_core = local.documents_per_second() / max(1, local.cores)
    verdict = "meets" if per_core >= GOAL_PER_CORE else "is below"
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    return [f"{files} WARC files of {per_file} documents; {TASKS_PER_WORKER} shards per worker before it "
            "is replaced; rates include worker start-up (spawn, model load, warm-up)",
            "per_cpu_s: documents per CPU-second the workers used (what one dedicated core would do); "
            "per_core: per second of wall time and worker; extract/analyse_per_s: per second of each "
            "stage's own wall time in the workers; peak_mb: the largest resident memory of any worker",
            f"goal: >= {GOAL_PER_CORE:g} documents/s per core end to end; the local executor's "
            f"{per_core:.2f} {verdict} it (extraction >= 30/s and analysis >= 15/s per core are needed)",
            f"machine load average during the run (1, 5, 15 min): {load} on {os.cpu_count()} CPUs"]
