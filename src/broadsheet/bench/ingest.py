"""``broadsheet bench ingest``: pages per second through fetch -> extract -> analyse -> store, and
whether memory stays flat over ``--limit`` pages (default 2,000).

The pages are real: the 181 scrapinghub news pages (MIT, ``extraction/scrapinghub/html`` in the
evaluation data), each served again under other URLs until there are ``limit`` of them, gzipped as
a real server would send them, by a local HTTP server on 127.0.0.1 in a separate process (so its
memory and CPU are not counted as ours). They are listed, ``FEED_ITEMS`` a feed, in local RSS feeds
whose items carry a title and a one-line summary, so every page is fetched.

Rows, each from a fresh store:
- ``broadsheet run --once``: the real scheduler pass — poll the feeds, fetch every page through the
  fetcher (robots.txt, per-host pace, size cap, archive), extract, analyse (spaCy), store; stories
  are not updated (clustering is measured by ``bench clustering``);
- baselines run beside it: ``fetch only`` (the fetcher alone, pages decoded and dropped) and
  ``fetch + extract`` (plus our extraction, nothing analysed or stored), to show where time goes;
  they run on the first ``BASELINE_PAGES`` pages (their rates are steady long before 2,000).
Memory is the process's resident set (``VmRSS``) sampled after every chunk of pages: the figures at
a quarter, half, three quarters and all of the pages say whether it grows with the number of pages
(goal: flat), ``peak MB`` is the highest sample. The spaCy model is loaded before the clock starts.
The local host is fetched with ``host_delay`` 0 and ``host_concurrency`` 8: politeness waits would
measure our patience, not our speed.
"""

from __future__ import annotations

import multiprocessing
import re
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import replace
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

from broadsheet.bench import BenchReport, BenchRow
from broadsheet.follow import ItemOutcome, SourcePoll
from broadsheet.ingest.archive import Archive
from broadsheet.ingest.fetch import Fetched, Fetcher, FetchPolicy, FetchResult, with_allowed
from broadsheet.ingest.pages import http_page
from broadsheet.ingest.session import FetchSession
from broadsheet.model import Source
from broadsheet.pipeline import IngestReport
from broadsheet.settings import Settings

PAGES_DIR = Path("extraction/scrapinghub/html")
DEFAULT_PAGES = 2000
BASELINE_PAGES = 400  # the baselines' rates settle long before 2,000 pages; they run on fewer
FEED_ITEMS = 100
_PAGE = re.compile(r"^/p/(\d+)\.html$")
_FEED = re.compile(r"^/feed/(\d+)\.xml$")


# --- the local server (a separate process) --------------------------------------------------


def _feed(number: int, total: int, port: int) -> bytes:
    first = number * FEED_ITEMS
    stamp = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
    items = "".join(
        f"<item><title>Page {n}</title><link>http://127.0.0.1:{port}/p/{n}.html</link>"
        f"<guid isPermaLink='false'>page-{n}</guid><description>Story number {n}.</description>"
        f"<pubDate>{stamp}</pubDate></item>" for n in range(first, min(total, first + FEED_ITEMS)))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed {number}</title>'
            f"<link>http://127.0.0.1:{port}/</link>{items}</channel></rss>").encode()


def _serve(folder: str, total: int, pipe: Any) -> None:
    """Serve ``total`` pages made of the gzipped pages in ``folder``, and their feeds."""
    pages = [p.read_bytes() for p in sorted(Path(folder).glob("*.html.gz"))]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            page, feed = _PAGE.match(self.path), _FEED.match(self.path)
            port = cast(tuple[str, int], self.server.server_address)[1]
            if page and int(page.group(1)) < total:
                self._send(pages[int(page.group(1)) % len(pages)], "text/html", gzipped=True)
            elif feed:
                self._send(_feed(int(feed.group(1)), total, port), "application/rss+xml")
            elif self.path == "/robots.txt":
                self._send(b"User-agent: *\nAllow: /\n", "text/plain")
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def _send(self, body: bytes, kind: str, gzipped: bool = False) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    pipe.send(server.server_address[1])
    server.serve_forever()


class LocalServer:
    """The bench's server process: started, asked for its port, stopped."""

    def __init__(self, folder: Path, total: int) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(str(folder), total, theirs), daemon=True)
        self.process.start()
        if not ours.poll(60):
            self.stop()
            raise RuntimeError("the bench server did not start")
        self.port: int = ours.recv()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(10)


# --- measuring ------------------------------------------------------------------------------


def rss_mb() -> float:
    """The resident set of this process now, in MB (``/proc/self/status``; 0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Meter:
    """Pages done over time, and the resident set each time another 5% are done (also printed on
    stderr, so a long run shows how it goes)."""

    def __init__(self, total: int, system: str = "") -> None:
        self.system = system
        self.total = total
        self.done = 0
        self.samples: list[tuple[int, float]] = []
        self.started = time.perf_counter()

    def add(self, pages: int) -> None:
        """Count ``pages`` more; sample memory each time another 5% of the pages is done."""
        before = self.done
        self.done += pages
        step = max(1, self.total // 20)
        if self.done // step > before // step or self.done >= self.total:
            self.samples.append((self.done, rss_mb()))
            seconds = time.perf_counter() - self.started
            print(f"bench ingest: {self.system}: {self.done}/{self.total} pages, {seconds:.0f} s, "
                  f"{self.done / seconds:.2f} pages/s, RSS {self.samples[-1][1]:.0f} MB",
                  file=sys.stderr, flush=True)

    def row(self, dataset: str, system: str) -> BenchRow:
        seconds = time.perf_counter() - self.started
        metrics = {"pages/s": self.done / seconds if seconds else 0.0,
                   "peak MB": max((mb for _, mb in self.samples), default=rss_mb())}
        for share in (0.25, 0.5, 0.75, 1.0):
            at = next((mb for done, mb in self.samples if done >= share * self.total),
                      self.samples[-1][1] if self.samples else 0.0)
            metrics[f"RSS@{int(share * 100)}%"] = at
        return BenchRow(dataset, system, metrics, self.done, seconds)


class _MeterProgress:
    """The scheduler's Progress, feeding a Meter."""

    def __init__(self, meter: Meter) -> None:
        self.meter = meter

    def polled(self, poll: SourcePoll, new_items: int) -> None:
        pass

    def item(self, outcome: ItemOutcome) -> None:
        pass

    def processed(self, pages: int, report: IngestReport) -> None:
        self.meter.add(pages)


# --- the rows -------------------------------------------------------------------------------


def _policy(settings: Settings) -> FetchPolicy:
    base = FetchPolicy.from_settings(settings)
    return with_allowed(replace(base, host_delay=0.0, host_concurrency=8), "127.0.0.0/8")


def _fetch_each(server: LocalServer, total: int, settings: Settings,
                then: Callable[[Fetched], object], meter: Meter) -> None:
    """Fetch every page with a bounded window in flight; ``then`` each answer in this thread."""
    window = max(1, settings.fetch_concurrency) * 4
    with FetchSession(_policy(settings)) as session:
        running: set[Future[Any]] = set()
        for n in range(total):
            running.add(session.submit(partial(_fetch, server.url(f"/p/{n}.html"))))
            if len(running) >= window:
                running = _settle(running, then, meter)
        while running:
            running = _settle(running, then, meter)


async def _fetch(url: str, fetcher: Fetcher) -> FetchResult:
    return await fetcher.fetch(url)


def _settle(running: set[Future[Any]], then: Callable[[Fetched], object],
            meter: Meter) -> set[Future[Any]]:
    done, left = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        result = future.result()
        if isinstance(result, Fetched):
            then(result)
    meter.add(len(done))
    return left


def _as_page(result: Fetched) -> Any:
    return http_page(result.final_url, result.content, result.content_type, result.charset,
                     source=result.url, fetched_at=result.fetched_at)


def fetch_only(server: LocalServer, total: int, settings: Settings) -> BenchRow:
    meter = Meter(total, "fetch only")
    _fetch_each(server, total, settings, _as_page, meter)
    return meter.row("local server", "fetch only")


def fetch_and_extract(server: LocalServer, total: int, settings: Settings) -> BenchRow:
    from broadsheet.extract import extract

    meter = Meter(total, "fetch + extract")
    _fetch_each(server, total, settings, lambda result: extract(_as_page(result)), meter)
    return meter.row("local server", "fetch + extract")


def full_pass(server: LocalServer, total: int, settings: Settings, folder: Path) -> tuple[BenchRow, str]:
    """The real ``run --once`` pass into a fresh store (stories not updated)."""
    from broadsheet import scheduler
    from broadsheet.analyze.nlp import load_model
    from broadsheet.store import Store

    nlp = load_model(settings.model)
    meter = Meter(total, "run --once")
    with Store.open(folder / "bench.db") as store, \
            FetchSession(_policy(settings), archive=Archive(folder / "archive")) as session:
        for number in range((total + FEED_ITEMS - 1) // FEED_ITEMS):
            store.add_source(Source(url=server.url(f"/feed/{number}.xml"), title=f"Bench {number}"))
        meter.started = time.perf_counter()
        report = scheduler.run_pass(store, session, settings, lambda: nlp, all_now=True,
                                    progress=_MeterProgress(meter), update_stories=False)
        counts = store.counts()
    note = (f"run --once stored {counts['articles']} articles ({report.ingest.articles} analysed, "
            f"{len(report.ingest.rejected)} rejected by extraction) and "
            f"{counts['attributions']} attributions from {report.sources} feeds")
    return meter.row("local server", "broadsheet run --once"), note


def run(data: Path, *, limit: int | None = None, settings: Settings | None = None) -> BenchReport:
    """Serve the scrapinghub pages ``limit`` times over and measure the three rows."""
    from broadsheet.settings import load_settings

    settings = settings or load_settings()
    folder = data / PAGES_DIR
    if not folder.is_dir():
        from broadsheet.errors import ConfigError

        raise ConfigError(f"--data: the scrapinghub pages are not at {folder}")
    total = limit or DEFAULT_PAGES
    report = BenchReport("ingest")
    server = LocalServer(folder, total)
    try:
        with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as temp:
            row, note = full_pass(server, total, settings, Path(temp))
            report.rows.append(row)
            report.notes.append(note)
        fewer = min(total, BASELINE_PAGES)
        report.rows.append(fetch_and_extract(server, fewer, settings))
        report.rows.append(fetch_only(server, fewer, settings))
    finally:
        server.stop()
    pages = len(list(folder.glob("*.html.gz")))
    report.notes.append(f"{total} pages: the {pages} scrapinghub pages (MIT) served again under other "
                        f"URLs, gzipped, from 127.0.0.1 in another process; {settings.fetch_concurrency}"
                        " fetches at once, host_delay 0")
    report.notes.append("RSS@n% is the resident set after n% of the pages (flat = no growth with pages); "
                        "peak MB the highest sample")
    return report
