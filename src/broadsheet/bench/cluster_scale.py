"""Scale: adding 100,000 articles to the stories, and four times the articles for how much time.

The stream replays the real labelled sets with shifted dates (``stream``): every story of every set
gets a day of a synthetic year (a hash of its label), each article a day near it (BASIL's real
offsets inside a triplet are kept; the others get 0-2 days from a hash of their id) and an hour.
The whole lot is replayed a year apart, ``REPLAY_YEARS`` times, each replay under new ids, until
the stream holds ``TOTAL`` articles; it is fed in publication order, as a live feed would be.

``run_scale`` runs ``measure`` twice in fresh child processes — on the first quarter of the stream
and on all of it — and reports articles per second (wall and CPU), the time ratio of the two
(four times the articles: the goal is at most five times the time) and the peak resident memory of
the child that added them all. Featurising is counted: the clock starts when the Article values
exist and stops when every article is in a story. ``measure_store`` then goes through a real
SQLite store, ``STORE_TOTAL`` articles in ``STORE_INGESTS`` ingests, and reports the clustering
speed of the first and the last ingest (the store is four times fuller at the last).
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from broadsheet.bench import BenchReport, BenchRow
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS

TOTAL = 100_000
STORE_TOTAL = 20_000
STORE_INGESTS = 4
REPLAY_YEARS = 10
SETS = ("basil", "ecbplus", "allsides", "googlenews-TS")
_EPOCH = datetime(2030, 1, 1, tzinfo=UTC)


def _unit(text: str) -> float:
    """A number in [0, 1) from a hash of ``text``."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") / 2.0 ** 64


def _dated(article: Article, label: str, replay: int, first: dict[str, datetime]) -> Article:
    """``article`` moved to its story's synthetic day in year ``replay``, under a new id."""
    base = _EPOCH + timedelta(days=365 * replay + int(_unit(label) * 365))
    known = datetime.fromisoformat(article.published) if article.published else None
    if known is not None and label in first:
        offset = known - first[label]
    else:
        offset = timedelta(days=int(_unit(article.id) * 3), hours=_unit("h" + article.id) * 24)
    when = (base + offset).isoformat()
    return replace(article, id=f"{article.id}#{replay}", published=when)


def stream(data: Path, total: int = TOTAL) -> list[Article]:
    """``total`` articles: the sets replayed a year apart with shifted dates, in publication order."""
    root = data / "clustering" if (data / "clustering").is_dir() else data
    labelled: list[tuple[Article, str]] = []
    for name in SETS:
        relative, load = DATASETS[name]
        if (root / relative).is_file():
            articles, gold = load(root / relative)
            labelled.extend((a, f"{name}:{g}") for a, g in zip(articles, gold, strict=True))
    first: dict[str, datetime] = {}
    for article, label in labelled:
        if article.published:
            moment = datetime.fromisoformat(article.published)
            first[label] = min(first.get(label, moment), moment)
    out: list[Article] = []
    for replay in range(REPLAY_YEARS):
        out.extend(_dated(a, g, replay, first) for a, g in labelled)
        if len(out) >= total:
            break
    return sorted(out[:total], key=lambda a: (a.published or "", a.id))


def measure(data: Path, count: int) -> dict[str, float]:
    """Add the first ``count`` articles of the stream to a fresh index; time it (this process)."""
    articles = stream(data)[:count]
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    engine = Clusterer(index)
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(articles), 1000):
        engine.add_all(prepare(a) for a in articles[start : start + 1000])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return {"articles": float(len(articles)), "seconds": wall, "cpu_seconds": cpu,
            "stories": float(len(index.stories)), "peak_mb": peak}


def measure_store(data: Path, count: int, ingests: int = STORE_INGESTS) -> dict[str, float]:
    """Store the first ``count`` articles of the stream in a fresh SQLite file in ``ingests``
    equal parts, running ``pipeline.update_stories`` after each, as ``broadsheet ingest`` does;
    time the clustering of the first and of the last part (this process)."""
    from broadsheet.model import Analysis
    from broadsheet.pipeline import update_stories
    from broadsheet.settings import Settings
    from broadsheet.store import Store

    articles = stream(data)[:count]
    size = max(1, len(articles) // ingests)
    seconds: list[float] = []
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "scale.db") as store:
        for start in range(0, size * ingests, size):
            with store.transaction():
                for article in articles[start : start + size]:
                    store.put_analysis(Analysis(article))
            began = time.perf_counter()
            update_stories(store, Settings())
            seconds.append(time.perf_counter() - began)
        stories = store.counts()["stories"]
    return {"articles": float(size * ingests), "first": seconds[0], "last": seconds[-1],
            "seconds": sum(seconds), "stories": float(stories)}


def _child(data: Path, count: int, function: str = "measure") -> dict[str, float]:
    code = ("import json, sys; from pathlib import Path; "
            f"from broadsheet.bench.cluster_scale import {function}; "
            f"print(json.dumps({function}(Path(sys.argv[1]), int(sys.argv[2]))))")
    done = subprocess.run([sys.executable, "-c", code, str(data), str(count)], check=True,
                          capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_scale(data: Path, *, limit: int | None = None) -> BenchReport:
    """The scale figures (``limit``: a smaller total, for a quick look)."""
    total = limit or TOTAL
    report = BenchReport(stage="clustering --scale")
    small, large = _child(data, total // 4), _child(data, total)
    for result in (small, large):
        metrics = {"per_s": result["articles"] / result["seconds"],
                   "per_cpu_s": result["articles"] / result["cpu_seconds"],
                   "peak_mb": result["peak_mb"], "stories": result["stories"]}
        report.rows.append(BenchRow(dataset=f"replayed stream, {int(result['articles'])} articles",
                                    system="ours", metrics=metrics,
                                    documents=int(result["articles"]), seconds=result["seconds"]))
    stored = _child(data, min(total, STORE_TOTAL), "measure_store")
    part = stored["articles"] / STORE_INGESTS
    report.rows.append(BenchRow(
        dataset=f"through the store, {int(stored['articles'])} articles in {STORE_INGESTS} ingests",
        system="ours", documents=int(stored["articles"]), seconds=stored["seconds"],
        metrics={"per_s": stored["articles"] / stored["seconds"], "stories": stored["stories"],
                 "first_ingest_per_s": part / stored["first"],
                 "last_ingest_per_s": part / stored["last"]}))
    ratio = large["seconds"] / small["seconds"]
    report.notes.append(f"4x the articles took {ratio:.2f}x the time "
                        f"({large['cpu_seconds'] / small['cpu_seconds']:.2f}x the CPU time); goal <= 5x")
    report.notes.append("peak_mb: peak resident memory of the process that added them (data included)")
    return report
