"""Benchmark of the extract stage: ``broadsheet bench extraction --data DIR``.

Datasets (read from ``DIR/extraction/...``, never copied into the repo):

- ``scrapinghub`` — 181 news pages with a gold article body (MIT). Scored with the benchmark's own
  metric, re-implemented here exactly as its ``evaluate.py`` computes it (scrapinghub/
  article-extraction-benchmark): tokens are ``\\w+`` (case kept); each document gives the multiset of
  4-token shingles (a text of fewer than 4 tokens is one shorter shingle; no tokens, no shingle) of
  the prediction and of the gold; true/false positives and negatives are counted on the multisets;
  precision is averaged over the documents whose prediction has a shingle (an empty prediction is
  left out of the precision mean but scores recall 0), recall over the documents whose gold or
  prediction has one; F1 is the harmonic mean of the two averages. A document where nothing is
  predicted and nothing is expected scores 1 and 1.
  Rows: HTML input (ours vs ``trafilatura.extract`` with default settings) and the plain-text dumps
  ``plain-text/html-text.json`` (ours vs keeping everything vs trafilatura on the text wrapped as
  ``<p>`` lines).
- ``wcxb-dev`` — 1,497 pages of 7 types (CC BY 4.0): word-level bag-of-words F1 (lower-cased ``\\w+``)
  against ``main_content``, averaged over article pages, and the accuracy of ``is_article`` over all
  pages. ``limit`` caps the number of pages read from each dataset.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean, median

from broadsheet.bench import BenchReport, BenchRow
from broadsheet.bench.heldout import held_out_rows, page_rows
from broadsheet.bench.metadata import means, metadata_matches, our_meta, trafilatura_meta, truth_of
from broadsheet.bench.outlets import SCRAPINGHUB, WCXB, OutletTally, load_labels
from broadsheet.bench.strings import PageStrings, page_strings, strings_metrics
from broadsheet.extract import extract
from broadsheet.extract.html import judged_parts
from broadsheet.extract.htmlverdict import default_text, with_readings
from broadsheet.extract.pagekind import Evidence
from broadsheet.extract.train import read_gz, site_of
from broadsheet.extract.train_pages import PageRow
from broadsheet.model import Article, Page, Rejected

_TOKEN = re.compile(r"\w+")
TRAFILATURA = "trafilatura (default)"
_SHINGLE = 4

PUBLISHED_NOTES = (
    "published scrapinghub HTML F1: trafilatura 2.0.0 0.958, rs_trafilatura 0.970, "
    "readability-lxml 0.922, goose3 0.896, justext 0.804",
    "published scrapinghub plain-text: keep everything P 0.500, R 0.994, F1 0.665; "
    "no tool publishes a plain-text score",
    "published WCXB dev F1, article pages: rs-trafilatura 0.932, trafilatura 0.926, "
    "readability 0.825; all pages: rs-trafilatura 0.859, trafilatura 0.791",
)

WCXB_NOTE = (
    "wcxb-dev: broadsheet's seconds cover every page (is_article needs them all), trafilatura's "
    "only the article pages; an article page without main_content is scored against '' (2 of 793)"
)


MEMORY_NOTE = (
    "memory: the scrapinghub and WCXB dev pages extracted over and over in one process; rss_mb "
    "is the resident set after that many pages, peak_mb the largest it has been so far"
)


@dataclass(frozen=True)
class Counts:
    """Shingle counts of one document: true positives, false positives, false negatives."""

    tp: int
    fp: int
    fn: int


def tokens(text: str | None) -> list[str]:
    """The benchmark's tokens: every ``\\w+`` run, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = _SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-token shingles; a text of 1..n-1 tokens is one shorter shingle."""
    toks = tokens(text)
    grams = (tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(gold: str | None, pred: str | None) -> Counts:
    """Compare the shingle multisets of ``pred`` and ``gold`` of one document."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def precision(c: Counts) -> float:
    """Per-document precision as ``evaluate.py`` defines it (1 when both sides are empty)."""
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0


def recall(c: Counts) -> float:
    """Per-document recall as ``evaluate.py`` defines it (1 when both sides are empty)."""
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0


def score_shingles(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, float]:
    """P, R and F1 over ``(gold, prediction)`` pairs with the scrapinghub averaging rules."""
    counts = [shingle_counts(g, p) for g, p in pairs]
    ps = [precision(c) for c in counts if c.tp + c.fp > 0]
    rs = [recall(c) for c in counts if c.tp + c.fn > 0]
    p = mean(ps) if ps else 0.0
    r = mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def bag_f1(gold: str, pred: str) -> float:
    """WCXB's word-level bag-of-words F1 on lower-cased ``\\w+`` tokens of one page."""
    g = Counter(t.lower() for t in tokens(gold))
    p = Counter(t.lower() for t in tokens(pred))
    if not g and not p:
        return 1.0
    overlap = sum((g & p).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * prec * rec / (prec + rec)


# --- systems -------------------------------------------------------------------------------


def ours(page: Page) -> str:
    """Our extractor's body text ("" when the page is rejected)."""
    result = extract(page)
    return result.text if isinstance(result, Article) else ""


def trafilatura_alone(markup: str) -> str:
    """Plain ``trafilatura.extract`` with its default settings (comments off, as the benchmark)."""
    import trafilatura

    return trafilatura.extract(markup, include_comments=False) or ""


def wrap_as_html(text: str) -> str:
    """A flattened page turned back into markup: each non-empty line one ``<p>``."""
    body = "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines()
                   if line.strip())
    return f"<html><body>{body}</body></html>"


# --- datasets ------------------------------------------------------------------------------


Job = tuple[str, Path, str | None]  # a page: its id, its gzipped markup, its url
Judged = tuple[Article | Rejected, Evidence | None, float]


def _scrapinghub_items(root: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    """``(id, gold body, url)`` of the scrapinghub pages, sorted by id, at most ``limit``."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted((key, value.get("articleBody") or "", value.get("url"))
                   for key, value in gold.items())
    return items[:limit] if limit is not None else items


def _scrapinghub_jobs(root: Path, items: list[tuple[str, str, str | None]]) -> list[Job]:
    """``(id, gzipped html, url)`` of each of ``items`` (``_scrapinghub_items``)."""
    return [(key, root / "html" / f"{key}.html.gz", url) for key, _, url in items]


def _timed_row(dataset: str, system: str, golds: list[str],
               predict: Callable[[int], str]) -> BenchRow:
    """Run ``predict`` on every document index and score it with the shingle metric."""
    start = time.perf_counter()
    preds = [predict(i) for i in range(len(golds))]
    seconds = time.perf_counter() - start
    return BenchRow(dataset, system, score_shingles(zip(golds, preds, strict=True)),
                    len(golds), seconds)


@dataclass
class Collected:
    """What the HTML runs leave for the held-out measurements: page-kind rows of every page."""

    page_rows: list[PageRow] = field(default_factory=list)


def _judge(key: str, markup: str, url: str | None) -> Judged:
    """Our HTML path on one page, what it judged the page on, and the seconds it took. The
    held-out measure reads every page's two readings, which the path reads only where its first
    stage is unsure: they are read for the others after the clock, from the parts the path
    parsed (``with_readings``)."""
    page = Page(id=key, source=f"{key}.html.gz", kind="html", content=markup, url=url)
    start = time.perf_counter()
    result, evidence, parts = judged_parts(page)
    seconds = time.perf_counter() - start
    if evidence is not None and parts is not None and not evidence.readings:
        evidence = with_readings(parts, evidence, default_text(parts))
    return result, evidence, seconds


WORKERS = 2
"""Processes that judge the pages when no baseline runs (the quality gate). Each page is judged
alone, so the figures are those of one process; the timings set beside trafilatura's, in a run with
the baselines, come from one process, as trafilatura's do."""


def _judge_file(job: Job) -> Judged:
    """``_judge`` on one gzipped page, ``(id, path, url)``: what a worker process runs."""
    key, path, url = job
    return _judge(key, read_gz(path), url)


def judged(jobs: list[Job], workers: int) -> Iterator[Judged]:
    """Our judgement of every page, in the order given: in ``workers`` processes when more than
    one (spawned, not forked: the caller may hold threads)."""
    if workers < 2 or len(jobs) < 2:
        yield from map(_judge_file, jobs)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(_judge_file, jobs, chunksize=8)


def with_markup(jobs: list[Job], baselines: bool) -> Iterator[tuple[str | None, Judged]]:
    """Every page judged, in order, with its markup when the baselines read it too: then in this
    process, the page read once for both (the baselines' times are taken in one process);
    without them in ``WORKERS`` processes (``judged``) and no markup."""
    if not baselines:
        yield from ((None, result) for result in judged(jobs, WORKERS))
        return
    for key, path, url in jobs:
        markup = read_gz(path)
        yield markup, _judge(key, markup, url)


def page_row(key: str, url: str | None, corpus: str, kind: str,
             evidence: Evidence | None) -> PageRow:
    """The page-kind row of a judged page (no signals when the HTML path rejected it)."""
    return PageRow.judged(key, site_of(url, key), corpus, kind, evidence)


def _timed(function: Callable[[], str]) -> tuple[str, float]:
    start = time.perf_counter()
    text = function()
    return text, time.perf_counter() - start


def scrapinghub_html_rows(root: Path, limit: int | None, baselines: bool = True,
                          collected: Collected | None = None) -> list[BenchRow]:
    """HTML input: ours vs trafilatura alone, with the median time per page of each."""
    items = _scrapinghub_items(root, limit)
    golds = [gold for _, gold, _ in items]
    texts: list[str] = []
    ours_s: list[float] = []
    theirs: list[tuple[str, float]] = []
    outlets = OutletTally("scrapinghub-outlet", load_labels(SCRAPINGHUB))
    jobs = _scrapinghub_jobs(root, items)
    for (key, _, url), (markup, (result, evidence, seconds)) in zip(
            jobs, with_markup(jobs, baselines), strict=True):
        texts.append(result.text if isinstance(result, Article) else "")
        outlets.add(url, result, markup)
        ours_s.append(seconds)
        if collected is not None:
            collected.page_rows.append(page_row(key, url, "scrapinghub", "article", evidence))
        if markup is not None:
            theirs.append(_timed(lambda m=markup: trafilatura_alone(m)))  # type: ignore[misc]
    metrics = score_shingles(zip(golds, texts, strict=True))
    metrics["median_ms"] = 1000 * median(ours_s) if ours_s else 0.0
    rows = [BenchRow("scrapinghub-html", "broadsheet", metrics, len(golds), sum(ours_s))]
    if baselines:
        base = score_shingles(zip(golds, [t for t, _ in theirs], strict=True))
        base["median_ms"] = 1000 * median(s for _, s in theirs) if theirs else 0.0
        if base["median_ms"]:
            metrics["time_ratio"] = metrics["median_ms"] / base["median_ms"]
        rows.append(BenchRow("scrapinghub-html", TRAFILATURA, base, len(golds),
                             sum(s for _, s in theirs)))
    return rows + outlets.rows(f"{TRAFILATURA} sitename")


def scrapinghub_text_rows(root: Path, limit: int | None, baselines: bool = True) -> list[BenchRow]:
    """Plain-text input: ours vs keeping everything vs trafilatura on ``<p>``-wrapped lines."""
    items = _scrapinghub_items(root, limit)
    dump = json.loads((root / "plain-text" / "html-text.json").read_text(encoding="utf-8"))
    texts = [dump["output"][key]["articleBody"] or "" for key, _, _ in items]
    golds = [gold for _, gold, _ in items]

    def page(i: int) -> Page:
        return Page(id=items[i][0], source=f"{items[i][0]}.txt", kind="text", content=texts[i])

    rows = [_timed_row("scrapinghub-text", "broadsheet", golds, lambda i: ours(page(i)))]
    if baselines:
        rows.append(_timed_row("scrapinghub-text", "keep everything", golds, lambda i: texts[i]))
        rows.append(_timed_row("scrapinghub-text", "trafilatura on <p> lines", golds,
                               lambda i: trafilatura_alone(wrap_as_html(texts[i]))))
    return rows


def _wcxb_pages(root: Path, limit: int | None) -> list[tuple[Job, dict[str, object]]]:
    """``((id, gzipped html, url), ground-truth record)`` of the WCXB dev pages, sorted by id."""
    paths = sorted((root / "ground-truth").glob("*.json"))
    pages = []
    for path in paths[:limit] if limit is not None else paths:
        markup = root / "html" / f"{path.stem}.html.gz"
        if markup.exists():
            record = json.loads(path.read_text(encoding="utf-8"))
            url = record.get("url")
            pages.append(((path.stem, markup, url if isinstance(url, str) else None), record))
    return pages


def _page_type(record: dict[str, object]) -> str:
    """The primary page type WCXB gives a page ("article", "listing", ...)."""
    internal = record.get("_internal")
    page_type = internal.get("page_type") if isinstance(internal, dict) else None
    return str(page_type.get("primary", "")) if isinstance(page_type, dict) else ""


def _main_content(record: dict[str, object]) -> str:
    """WCXB's gold main content of a page."""
    truth = record.get("ground_truth")
    return str(truth.get("main_content") or "") if isinstance(truth, dict) else ""


@dataclass
class WcxbTally:
    """What the WCXB pass gathers: per-page scores of ours and of trafilatura alone."""

    ours_f1: list[float] = field(default_factory=list)
    theirs_f1: list[float] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)
    meta: dict[str, list[dict[str, float]]] = field(
        default_factory=lambda: {"ours": [], "theirs": []})
    strings: dict[str, list[tuple[bool, PageStrings]]] = field(
        default_factory=lambda: {"ours": [], "theirs": []})
    seconds: list[float] = field(default_factory=lambda: [0.0, 0.0])

    def add_theirs(self, record: dict[str, object], markup: str, url: str | None,
                   is_article: bool) -> None:
        """Run trafilatura alone on a page: its strings on every page, F1 and metadata on articles."""
        start = time.perf_counter()
        text = trafilatura_alone(markup)
        if is_article:
            self.seconds[1] += time.perf_counter() - start
            self.theirs_f1.append(bag_f1(_main_content(record), text))
            self.meta["theirs"].append(metadata_matches(truth_of(record), trafilatura_meta(markup,
                                                                                          url)))
        self.strings["theirs"].append((is_article, page_strings(text, record)))

    def add_ours(self, record: dict[str, object], result: Article | Rejected,
                 is_article: bool) -> None:
        """Score our result on a page: is_article and strings on every page, F1 and metadata on
        articles."""
        text = result.text if isinstance(result, Article) else ""
        self.correct.append((isinstance(result, Article) and result.is_article) == is_article)
        self.strings["ours"].append((is_article, page_strings(text, record)))
        if is_article:
            self.ours_f1.append(bag_f1(_main_content(record), text))
            self.meta["ours"].append(metadata_matches(truth_of(record), our_meta(result)))


def _strings_rows(tally: WcxbTally, system: str, who: str) -> list[BenchRow]:
    """Must / must-not string rows of one system: every page, and the pages that are not
    articles (forums, products, services, listings, collections, docs)."""
    pages = tally.strings[who]
    other = [p for article, p in pages if not article]
    return [BenchRow("wcxb-dev-strings-all", system, strings_metrics([p for _, p in pages]),
                     len(pages)),
            BenchRow("wcxb-dev-strings-other", system, strings_metrics(other), len(other))]


def _wcxb_report(tally: WcxbTally, baselines: bool) -> list[BenchRow]:
    """The WCXB rows, trafilatura's (with ``baselines``) right after ours on each dataset."""
    def f1(values: list[float]) -> dict[str, float]:
        return {"f1": mean(values) if values else 0.0}

    pairs: list[tuple[BenchRow, BenchRow | None]] = [
        (BenchRow("wcxb-dev-article", "broadsheet", f1(tally.ours_f1), len(tally.ours_f1),
                  tally.seconds[0]),
         BenchRow("wcxb-dev-article", TRAFILATURA, f1(tally.theirs_f1), len(tally.theirs_f1),
                  tally.seconds[1])),
        (BenchRow("wcxb-dev-all", "broadsheet is_article",
                  {"accuracy": mean(tally.correct) if tally.correct else 0.0},
                  len(tally.correct), tally.seconds[0]), None),
        (BenchRow("wcxb-dev-article-meta", "broadsheet", means(tally.meta["ours"]),
                  len(tally.meta["ours"])),
         BenchRow("wcxb-dev-article-meta", TRAFILATURA, means(tally.meta["theirs"]),
                  len(tally.meta["theirs"]))),
    ]
    pairs += zip(_strings_rows(tally, "broadsheet", "ours"),
                 _strings_rows(tally, TRAFILATURA, "theirs"), strict=True)
    return [row for ours_row, theirs_row in pairs
            for row in (ours_row, theirs_row if baselines else None) if row is not None]


def wcxb_rows(root: Path, limit: int | None, baselines: bool = True,
              collected: Collected | None = None) -> list[BenchRow]:
    """WCXB dev: bag-of-words F1 on article pages (ours, trafilatura), is_article accuracy over
    every page, title / author / date exact match on article pages, and the must / must-not
    strings of every page (``bench/strings.py``), ours beside trafilatura's."""
    tally = WcxbTally()
    outlets = OutletTally("wcxb-dev-outlet", load_labels(WCXB))
    pages = _wcxb_pages(root, limit)
    jobs = [job for job, _ in pages]
    for ((key, _, url), record), (markup, (result, evidence, spent)) in zip(
            pages, with_markup(jobs, baselines), strict=True):
        kind = _page_type(record)
        is_article = kind == "article"
        tally.seconds[0] += spent
        if collected is not None:
            collected.page_rows.append(page_row(key, url, "wcxb", kind, evidence))
        tally.add_ours(record, result, is_article)
        if markup is not None:
            tally.add_theirs(record, markup, url, is_article)
        if is_article:
            outlets.add(url, result, markup)
    return _wcxb_report(tally, baselines) + outlets.rows(f"{TRAFILATURA} sitename")


MEMORY_PAGES = 10_000
MEMORY_CHECKPOINT = 1_000


def _dev_pages(root: Path) -> list[Job]:
    """``(id, gzipped markup, url)`` of every scrapinghub and WCXB dev page (read when used, so
    the pages themselves do not sit in memory: the measure is of the extractor)."""
    found: list[Job] = []
    if (root / "scrapinghub").is_dir():
        found += _scrapinghub_jobs(root / "scrapinghub", _scrapinghub_items(root / "scrapinghub", None))
    return found + [job for job, _ in _wcxb_pages(root / "wcxb-dev", None)]


def memory_rows(root: Path, pages: int = MEMORY_PAGES) -> list[BenchRow]:
    """Memory over a long run: the dev pages extracted over and over in one process, ``pages``
    extractions in all; the resident set (``VmRSS``) and the peak after ``MEMORY_CHECKPOINT``
    pages and at the end. Flat means the end is not above the checkpoint by more than noise."""
    from itertools import cycle, islice

    from broadsheet.bench.ingest import rss_mb
    from broadsheet.scale.work import peak_rss_mb

    listed = _dev_pages(root)
    rows: list[BenchRow] = []
    start = time.perf_counter()
    for done, (key, path, url) in enumerate(islice(cycle(listed), pages if listed else 0), 1):
        extract(Page(id=key, source=path.name, kind="html", content=read_gz(path), url=url))
        if done in (min(MEMORY_CHECKPOINT, pages), pages):
            now = rss_mb()  # the kernel's two counters differ by a few pages: peak >= now
            rows.append(BenchRow(f"memory-{done}-pages", "broadsheet",
                                 {"rss_mb": now, "peak_mb": max(now, peak_rss_mb())}, done,
                                 time.perf_counter() - start))
    return rows


def run(data: Path, *, limit: int | None = None, wcxb: bool = True,
        baselines: bool = True, heldout: bool | None = None, memory: bool = False) -> BenchReport:
    """Score our extractor (and, with ``baselines``, the others) on every extraction dataset found
    under ``data``; with ``heldout`` (by default: when the baselines run, i.e. not in the quality
    gate, whose time must stay small), also the learned models retrained without the sites they
    are measured on (``bench/heldout.py``). With ``memory``, only the memory rows instead
    (``memory_rows``: ``limit`` extractions, 10,000 by default)."""
    heldout = baselines if heldout is None else heldout
    report = BenchReport(stage="extraction", notes=list(PUBLISHED_NOTES))
    root = data / "extraction" if (data / "extraction").is_dir() else data
    if memory:
        report.rows.extend(memory_rows(root, limit or MEMORY_PAGES))
        report.notes[:] = [MEMORY_NOTE]
        return report
    scrapinghub = root / "scrapinghub"
    collected = Collected()
    if scrapinghub.is_dir():
        report.rows.extend(scrapinghub_html_rows(scrapinghub, limit, baselines, collected))
        report.rows.extend(scrapinghub_text_rows(scrapinghub, limit, baselines))
    else:
        report.notes.append(f"skipped scrapinghub: {scrapinghub} not found")
    wcxb_dir = root / "wcxb-dev"
    if wcxb and wcxb_dir.is_dir():
        report.rows.extend(wcxb_rows(wcxb_dir, limit, baselines, collected))
        report.notes.append(WCXB_NOTE)
    elif wcxb:
        report.notes.append(f"skipped wcxb-dev: {wcxb_dir} not found")
    if heldout:
        report.rows.extend(held_out_rows(root, limit, collected, baselines, report.notes))
    else:  # the page classifier's held-out rows cost a few seconds: the quality gate pins them
        report.rows.extend(page_rows(collected))
    return report
