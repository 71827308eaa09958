"""``broadsheet bench robustness``: hostile inputs and SIGKILLs, counted; goal 0 crashes, 0 lost.

Categories (one row each; ``bench.hostile`` lists the input cases, ``bench.crash_stages`` the stages):
- ``fetch``: odd loopback spellings, internal and link-local addresses, other schemes, redirects to
  them, decompression bombs (gzip, deflate, brotli, stacked, a declared size), a redirect loop, a
  server sending a byte a second; against a local server, only 127.0.0.1 allowed;
- ``feeds``: entity bombs (nested, quadratic, UTF-16, in a sitemap), external entities and DTDs;
- ``html``: pathological markup through extraction;
- ``fuzz``: ``--limit`` x 10 inputs (random bytes, and the seed corpus with hostile strings and
  random bytes spliced in) through ``bench.fuzzing.one_input``: feed parsing, extraction,
  rendering, the e-mail, with its invariants;
- ``kill <stage>``: ``--limit`` SIGKILLs (default 50) spread over the statements of ingest,
  clustering, edition building and sending (``bench.crashes``).
Each input case runs in a forked child, so a case that kills its worker counts as a crash instead
of ending the benchmark, and its time and peak memory are its own (``worst MB``: the child's peak
resident set above what it inherited). ``wrong`` counts cases that ended in an outcome other than
the one required (a bomb parsed, an internal address fetched); ``lost`` counts, for the kills,
restarts that lost or duplicated work or left the store damaged.
"""

from __future__ import annotations

import os
import pickle
import random
import resource
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.bench import BenchReport, BenchRow
from broadsheet.bench.hostile import Case, all_input_cases, feed_cases, feedparser_alone, local_server
from broadsheet.bench.ingest import rss_mb

DEFAULT_KILLS = 50
CAP = 2_000_000
DEADLINE = 4.0


@dataclass
class Tally:
    """One category's counts."""

    cases: int = 0
    crashes: int = 0
    wrong: int = 0
    lost: int = 0
    worst_seconds: float = 0.0
    worst_mb: float = 0.0
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def row(self, category: str, system: str = "broadsheet") -> BenchRow:
        return BenchRow(category, system, {
            "cases": self.cases, "crashes": self.crashes, "wrong": self.wrong, "lost": self.lost,
            "worst_s": self.worst_seconds, "worst_MB": self.worst_mb}, self.cases, self.seconds)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_child(work: Callable[[], str]) -> tuple[str | None, float, float]:
    """Run ``work`` in a forked child: (its outcome, or None when it crashed; seconds; peak MB above
    the parent's resident set)."""
    read, write = os.pipe()
    base = rss_mb()
    started = time.monotonic()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            payload = pickle.dumps(("ok", work()))
        except BaseException:  # the child's boundary: any failure is reported as a crash
            payload = pickle.dumps(("crash", traceback.format_exc()[-2000:]))
        os.write(write, payload)
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - started
    extra = max(0.0, usage.ru_maxrss / 1024 - base)
    if not chunks or os.WIFSIGNALED(status):
        return None, seconds, extra
    kind, value = pickle.loads(b"".join(chunks))
    return (value if kind == "ok" else None), seconds, extra


def run_cases(cases: list[Case], tallies: dict[str, Tally]) -> None:
    for case in cases:
        tally = tallies.setdefault(case.category, Tally())
        outcome, seconds, extra = in_child(case.run)
        tally.cases += 1
        tally.seconds += seconds
        tally.worst_seconds = max(tally.worst_seconds, seconds)
        tally.worst_mb = max(tally.worst_mb, extra)
        if outcome is None:
            tally.crashes += 1
            tally.notes.append(f"{case.category}: {case.name} crashed its worker")
        elif outcome not in case.allowed:
            tally.wrong += 1
            tally.notes.append(f"{case.category}: {case.name} ended as {outcome!r}, "
                               f"not {sorted(case.allowed)}")


def fuzz_inputs(count: int, seed: int = 12) -> list[bytes]:
    """``count`` inputs: random bytes, and seeds with hostile strings and random bytes spliced in."""
    from broadsheet.bench.fuzzing import SEEDS

    rng = random.Random(seed)
    hostile = [b"<script>alert(1)</script>", b"\r\nBcc: x@evil.example", b"javascript:", b"<!ENTITY",
               b"\x00", b"\xff\xfe", b"]]>", b"&#0;", b"<![CDATA[", b'"><img src=x onerror=alert(1)>']
    seeds = list(SEEDS.values())
    made = []
    for n in range(count):
        if n % 4 == 0:
            made.append(rng.randbytes(rng.randint(0, 2000)))
            continue
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 6)):
            at = rng.randint(0, len(data))
            data[at:at] = rng.choice(hostile) if rng.random() < 0.6 else rng.randbytes(rng.randint(1, 8))
        made.append(bytes(data))
    return made


def run_fuzz(count: int) -> Tally:
    from broadsheet.bench.fuzzing import one_input

    tally = Tally()
    for data in fuzz_inputs(count):
        started = time.monotonic()
        try:
            one_input(data)
        except Exception as exc:  # a finding: counted and kept, the benchmark goes on
            tally.crashes += 1
            if len(tally.notes) < 5:
                tally.notes.append(f"fuzz: {type(exc).__name__}: {str(exc)[:120]} on {data[:60]!r}")
        spent = time.monotonic() - started
        tally.cases += 1
        tally.seconds += spent
        tally.worst_seconds = max(tally.worst_seconds, spent)
    tally.worst_mb = _rss_mb()
    return tally


def run_kills(kills: int, workdir: Path) -> dict[str, Tally]:
    from broadsheet.analyze.nlp import load_model
    from broadsheet.bench import crash_stages as stages
    from broadsheet.bench.crashes import CrashStage, crash_test

    nlp = load_model()

    def load() -> object:
        return nlp

    tallies: dict[str, Tally] = {}
    with stages.smtp_sink() as sink:
        makers: dict[str, Callable[[], CrashStage]] = {"ingest": lambda: stages.ingest_stage(workdir, load),
                  "clustering": lambda: stages.cluster_stage(workdir, load),
                  "edition": lambda: stages.brief_stage(workdir, load),
                  "sending": lambda: stages.send_stage(workdir, load, sink)}
        for name, make in makers.items():
            started = time.monotonic()
            outcome = crash_test(make(), workdir, kills)
            tallies[f"kill {name}"] = Tally(
                cases=outcome.kills, lost=len(outcome.problems), worst_seconds=outcome.worst_seconds,
                worst_mb=outcome.worst_rss_mb, notes=outcome.problems[:3],
                seconds=time.monotonic() - started)
    return tallies


def _feed_baseline() -> Tally:
    """The feed cases through feedparser with its defaults (the same bytes, a forked worker each);
    its wrong outcomes are the bombs and external entities it did not refuse."""
    baseline: dict[str, Tally] = {}
    run_cases(feed_cases(feedparser_alone), baseline)
    return baseline["feeds"]


def run(data: Path, *, limit: int | None = None) -> BenchReport:
    """Every category (module docstring); ``limit``: kills per stage (fuzz inputs: ten times it)."""
    kills = limit or DEFAULT_KILLS
    report = BenchReport("robustness")
    tallies: dict[str, Tally] = {}
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    port: list[int] = [0]
    cases = all_input_cases(port, routes, CAP, DEADLINE)
    with local_server(routes) as server:
        port[0] = server.server_address[1]
        run_cases(cases, tallies)
    tallies["fuzz"] = run_fuzz(kills * 10)
    with tempfile.TemporaryDirectory(prefix="broadsheet-robustness-") as temp:
        tallies.update(run_kills(kills, Path(temp)))
    for category, tally in tallies.items():
        report.rows.append(tally.row(category))
        report.notes.extend(tally.notes)
        if category == "feeds":
            report.rows.append(_feed_baseline().row("feeds", "feedparser alone"))
    report.notes.append(
        f"goal: crashes 0, wrong 0, lost 0. fetch: cap {CAP:,} decoded bytes, deadline {DEADLINE:g} s, "
        "only 127.0.0.1 allowed; worst_MB: a case's peak resident set above its parent's "
        "(fuzz: the bench process's own peak; kills: the largest child's whole resident set, spaCy "
        "included)")
    return report
