"""SIGKILL at 30 points in each stage (ingest, clustering, edition building, sending), with a
handshake: after each kill the store passes ``integrity_check``, holds exactly what was committed,
and a restart finishes the work with nothing lost and nothing twice (``bench.crashes``)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broadsheet.analyze.nlp import load_model
from broadsheet.bench import crash_stages
from broadsheet.bench.crashes import CrashStage, crash_test, kill_points
from broadsheet.store.db import BUSY_TIMEOUT_MS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")
KILLS = 30


def _nlp() -> Any:
    return load_model()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("crashes")


@pytest.fixture(scope="module")
def sink() -> Iterator[crash_stages.Sink]:
    with crash_stages.smtp_sink() as running:
        yield running


def _assert_recovered(stage: CrashStage, workdir: Path) -> None:
    outcome = crash_test(stage, workdir, KILLS)
    assert outcome.kills >= KILLS, (outcome.statements, outcome.kills)
    assert outcome.problems == []


def test_ingest_killed_anywhere_recovers(workdir: Path) -> None:
    _assert_recovered(crash_stages.ingest_stage(workdir, _nlp), workdir)


def test_clustering_killed_anywhere_recovers(workdir: Path) -> None:
    _assert_recovered(crash_stages.cluster_stage(workdir, _nlp), workdir)


def test_edition_building_killed_anywhere_recovers(workdir: Path) -> None:
    _assert_recovered(crash_stages.brief_stage(workdir, _nlp), workdir)


def test_sending_killed_anywhere_mails_everybody_once(workdir: Path, sink: crash_stages.Sink) -> None:
    _assert_recovered(crash_stages.send_stage(workdir, _nlp, sink), workdir)


def test_the_harness_catches_a_stage_that_is_not_crash_safe(tmp_path: Path) -> None:
    """A stage that appends in many small transactions and does not know what it already did:
    killed and restarted, it writes rows twice, and the harness says so."""
    base = tmp_path / "base.db"
    with sqlite3.connect(base) as conn:
        conn.execute("CREATE TABLE log (n INTEGER)")
    conn.close()

    def naive(db: str) -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        for n in range(10):
            conn.execute("BEGIN")
            conn.execute("INSERT INTO log VALUES (?)", (n,))
            conn.execute("COMMIT")
        conn.close()

    def verify(target: str, reference: str) -> list[str]:
        return crash_stages.same(target, reference, "SELECT n FROM log")

    outcome = crash_test(CrashStage("naive", base, naive, verify), tmp_path, 10)
    assert outcome.kills == 10 and len(outcome.problems) >= 5


def test_kill_points_spread_over_every_statement() -> None:
    assert kill_points(101, 5) == [1, 26, 51, 76, 101]
    assert kill_points(3, 30) == [1, 2, 3]
    assert kill_points(0, 30) == []


def test_the_store_uses_wal_a_busy_timeout_and_immediate_transactions(tmp_path: Path) -> None:
    from broadsheet.errors import StoreError
    from broadsheet.store import Store

    with Store.open(tmp_path / "s.db") as store:
        conn = store._db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
        traced: list[str] = []
        conn.set_trace_callback(traced.append)
        store.add_subscriber("reader@example.org")
        assert traced[0] == "BEGIN IMMEDIATE"  # the write lock is taken up front
        other = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # a second writer holds the lock ...
        conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StoreError, match="locked"):  # ... so this one waits, then fails cleanly
            store.add_subscriber("other@example.org")
        other.execute("ROLLBACK")
        other.close()
        store.add_subscriber("other@example.org")  # one writer at a time, then the next
        assert {s.email for s in store.subscribers("active")} == {"reader@example.org", "other@example.org"}
