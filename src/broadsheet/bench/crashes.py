"""A SIGKILL harness: kill a stage at its N-th SQL statement, check the store, restart, compare.

    base store ──fork──▶ child runs the stage; at statement N it writes "R" on a pipe and blocks
                parent reads "R" (the handshake: no sleeps), snapshots what is COMMITTED (a second
                connection; WAL lets it read while the child holds the write lock), SIGKILLs the child
                ──▶ integrity_check ok, foreign keys ok, every table exactly as the snapshot
                    (committed rows present, uncommitted rows absent)
                ──▶ restart: a fresh child runs the stage to the end ──▶ the stage's ``verify``
                    compares the result with an uninterrupted run (nothing lost, nothing twice)

The kill points are spread evenly over the statements an uninterrupted run executes (counted by the
same trace callback), so kills land before, inside and right at the ``COMMIT`` of every kind of
transaction. The children are ``os.fork`` copies of the caller: imports and a loaded spaCy model
are shared, so one kill costs what the stage costs on its small input (POSIX only).
"""

from __future__ import annotations

import hashlib
import os
import select
import shutil
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Run = Callable[[str], None]  # runs the stage to its end on the store at this path (in the child)
Verify = Callable[[str, str], list[str]]  # (restarted store, uninterrupted store) -> problems
READY = b"R"
CHILD_TIMEOUT = 600.0


@dataclass(frozen=True)
class CrashStage:
    """A stage to kill: ``run`` it on a copy of ``base``; ``verify`` the restarted result;
    ``before_kill`` resets what the stage's world remembers (a mail sink's counts)."""

    name: str
    base: Path
    run: Run
    verify: Verify
    before_kill: Callable[[], object] = lambda: None


@dataclass
class CrashOutcome:
    """What the kills of one stage found: ``problems`` is empty when every kill recovered."""

    stage: str
    statements: int = 0
    kills: int = 0
    problems: list[str] = field(default_factory=list)
    worst_seconds: float = 0.0  # the slowest kill + check + restart
    worst_rss_mb: float = 0.0  # the largest resident set of a child


def table_digests(db: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows (order-free), read through a new connection."""
    conn = sqlite3.connect(db, timeout=30, isolation_level=None)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        result = {}
        for name in sorted(names):
            rows = sorted(repr(tuple(r)) for r in conn.execute(f'SELECT * FROM "{name}"'))
            result[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
        return result
    finally:
        conn.close()


def health(db: str) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` say is wrong ([] when nothing)."""
    conn = sqlite3.connect(db, timeout=30, isolation_level=None)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:3]}"]
    return problems + ([f"foreign_key_check: {len(foreign)} dangling rows"] if foreign else [])


def _child(run: Run, db: str, point: int, ready: int, report: int) -> None:
    """The child: count statements through every new connection, stop at ``point``, run the stage."""
    count = 0

    def tick(_sql: str) -> None:
        nonlocal count
        count += 1
        if count == point:
            os.write(ready, READY)
            signal.pause()  # wait for the SIGKILL

    original: Any = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = original(*args, **kwargs)
        conn.set_trace_callback(tick)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
    code = 0
    try:
        run(db)
    except BaseException:  # the child's own boundary: report, then exit non-zero
        traceback.print_exc()
        code = 1
    os.write(report, f"{count}".encode())
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


@dataclass
class _Child:
    pid: int
    ready: int
    report: int
    started: float


def _fork(run: Run, db: str, point: int) -> _Child:
    ready_r, ready_w = os.pipe()
    report_r, report_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(ready_r)
        os.close(report_r)
        _child(run, db, point, ready_w, report_w)
    os.close(ready_w)
    os.close(report_w)
    return _Child(pid, ready_r, report_r, time.monotonic())


def _wait_ready(child: _Child) -> bool:
    """True when the child signalled its kill point; False when it ended first."""
    readable, _, _ = select.select([child.ready], [], [], CHILD_TIMEOUT)
    if not readable:
        os.kill(child.pid, signal.SIGKILL)
        raise TimeoutError(f"the stage child {child.pid} neither reached its kill point nor ended")
    return os.read(child.ready, 1) == READY


def _reap(child: _Child) -> tuple[int, int, float]:
    """(exit status, statements the child counted or -1 when killed, child RSS in MB)."""
    _, status, usage = os.wait4(child.pid, 0)
    counted = os.read(child.report, 64)
    os.close(child.ready)
    os.close(child.report)
    return status, int(counted) if counted else -1, usage.ru_maxrss / 1024


def run_whole(run: Run, db: str) -> tuple[int, float]:
    """Run the stage to its end in a child; (statements executed, child RSS MB). Raises on failure."""
    child = _fork(run, db, 0)
    _wait_ready(child)
    status, counted, rss = _reap(child)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise RuntimeError(f"the stage failed without a kill (status {status})")
    return counted, rss


def kill_at(run: Run, db: str, point: int) -> tuple[dict[str, tuple[int, str]] | None, float]:
    """Run the stage on ``db`` and SIGKILL it at statement ``point``; the committed snapshot taken
    just before the kill (None when the stage ended first) and the child's RSS."""
    child = _fork(run, db, point)
    snapshot = None
    if _wait_ready(child):
        snapshot = table_digests(db)
        os.kill(child.pid, signal.SIGKILL)
    _, _, rss = _reap(child)
    return snapshot, rss


def kill_points(statements: int, kills: int) -> list[int]:
    """``kills`` statement numbers spread evenly over 1..``statements`` (each at most once)."""
    if statements <= 0:
        return []
    if kills >= statements:
        return list(range(1, statements + 1))
    step = (statements - 1) / max(1, kills - 1)
    return sorted({1 + round(i * step) for i in range(kills)})


def crash_test(stage: CrashStage, workdir: Path, kills: int) -> CrashOutcome:
    """Kill ``stage`` at ``kills`` points (module docstring); what each kill and restart showed."""
    outcome = CrashOutcome(stage.name)
    reference = str(workdir / f"{stage.name}-whole.db")
    _copy(stage.base, reference)
    outcome.statements, outcome.worst_rss_mb = run_whole(stage.run, reference)
    for point in kill_points(outcome.statements, kills):
        started = time.monotonic()
        target = str(workdir / f"{stage.name}-{point}.db")
        _copy(stage.base, target)
        stage.before_kill()
        problems = _one_kill(stage, target, reference, point, outcome)
        outcome.problems.extend(f"kill at statement {point}: {p}" for p in problems)
        outcome.worst_seconds = max(outcome.worst_seconds, time.monotonic() - started)
        _remove(target)
    _remove(reference)
    return outcome


def _one_kill(stage: CrashStage, target: str, reference: str, point: int,
              outcome: CrashOutcome) -> list[str]:
    snapshot, rss = kill_at(stage.run, target, point)
    outcome.worst_rss_mb = max(outcome.worst_rss_mb, rss)
    if snapshot is None:
        return [f"the stage ended before statement {point}"]
    outcome.kills += 1
    problems = health(target)
    after = table_digests(target)
    changed = sorted(t for t in after if after[t] != snapshot.get(t))
    if changed:
        problems.append(f"after the kill these tables differ from what was committed: {changed}")
    try:
        _, rss = run_whole(stage.run, target)
        outcome.worst_rss_mb = max(outcome.worst_rss_mb, rss)
    except RuntimeError as exc:
        return [*problems, f"the restart failed: {exc}"]
    return problems + health(target) + stage.verify(target, reference)


def _copy(source: Path, target: str) -> None:
    """Copy a closed store (no -wal/-shm left beside it) to ``target``."""
    _remove(target)
    shutil.copyfile(source, target)


def _remove(db: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".send.lock"):
        Path(db + suffix).unlink(missing_ok=True)
