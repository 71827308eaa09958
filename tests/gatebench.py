"""The quality gate's benchmarks, started as soon as the session is collected.

The suite runs in one process, so one of the machine's two cores sits idle while it does; the
gate's clustering and attribution benchmarks (one process each, minutes of CPU) run meanwhile in a
spawned worker, in turn, and the gate's tests take their reports when they come to them. The
extraction benchmark spreads its pages over two processes itself, so it runs in the suite's own
process, as before. What is measured is the same: the same ``run(data, baselines=False)``, only
in another process. Imported by ``conftest`` (which starts it) and ``test_quality_gate``.
"""

from __future__ import annotations

import importlib
import multiprocessing
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from broadsheet.bench import BenchReport

BACKGROUND = ("attribution", "clustering")  # in this order: the gate asks for attribution first

_pool: Pool | None = None
_pending: dict[str, AsyncResult[BenchReport]] = {}


def run_stage(stage: str, data: str) -> BenchReport:
    """``stage``'s benchmark as the gate runs it: our figures only."""
    bench = importlib.import_module(f"broadsheet.bench.{stage}")
    report: BenchReport = bench.run(Path(data), baselines=False)
    return report


def start(data: Path, stages: set[str]) -> None:
    """Run the wanted background stages' benchmarks in a spawned worker, one after another."""
    global _pool
    wanted = [stage for stage in BACKGROUND if stage in stages]
    if _pool is not None or not wanted or not data.exists():
        return
    _pool = multiprocessing.get_context("spawn").Pool(1)
    for stage in wanted:
        _pending[stage] = _pool.apply_async(run_stage, (stage, str(data)))


def report(stage: str, data: Path) -> BenchReport:
    """``stage``'s report: the background run's when one was started, else run here."""
    pending = _pending.pop(stage, None)
    return pending.get() if pending is not None else run_stage(stage, str(data))


def stop() -> None:
    """End the worker (a session stopped early does not wait for benchmarks it no longer needs)."""
    global _pool
    if _pool is not None:
        _pool.terminate()
        _pool.join()
        _pool = None
    _pending.clear()
