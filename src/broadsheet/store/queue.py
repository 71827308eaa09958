"""The shared work queue (the ``jobs`` table, schema step 9): work that several workers, on several
machines, share without doing any of it twice.

A job is one unit of work of a ``kind`` (``page``: extract, analyse and store a stored page;
``shard``: load a backfill shard's output) under a ``key`` (the page id, the shard name), for a
``version`` of it (the page's content hash, the shard output's digest). Its life::

    queued ──claim──▶ running ──finish──▶ done
      ▲                  │ (its worker stopped: released at once; it died: the lease runs out)
      └── enqueued again with another version (the page changed), or forced (--reprocess)

``claim`` is one statement that picks the oldest queued jobs and marks them running; on
PostgreSQL its sub-select is ``FOR UPDATE SKIP LOCKED``, so two workers claiming at the same
moment get disjoint jobs and neither waits for the other. (On SQLite the claim runs inside the
store's write transaction, which one writer holds at a time.)
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Sequence

from broadsheet.store.db import Connection, is_postgres

LEASE_SECONDS = 3600.0  # a job running longer than this is taken to be lost with its worker

_ENQUEUE = """
INSERT INTO jobs (kind, key, version, state, added) VALUES (?, ?, ?, 'queued', ?)
ON CONFLICT (kind, key) DO UPDATE SET
    version = excluded.version, state = 'queued', worker = NULL, claimed = NULL, finished = NULL,
    added = excluded.added
WHERE jobs.version <> excluded.version OR ? = 1
"""
_CLAIM = """
UPDATE jobs SET state = 'running', worker = ?, claimed = ?, attempts = jobs.attempts + 1
WHERE kind = ? AND key IN (
    SELECT key FROM jobs
    WHERE kind = ? AND (state = 'queued' OR (state = 'running' AND claimed < ?))
    ORDER BY added, key LIMIT ?{lock}
)
RETURNING key, version
"""
_FINISH = """
UPDATE jobs SET state = 'done', finished = ?
WHERE kind = ? AND key = ? AND worker = ? AND state = 'running'
"""


_TAKE = """
INSERT INTO jobs (kind, key, version, state, worker, claimed, attempts, added)
VALUES (?, ?, ?, 'running', ?, ?, 1, ?)
ON CONFLICT (kind, key) DO UPDATE SET
    version = excluded.version, state = 'running', worker = excluded.worker,
    claimed = excluded.claimed, attempts = jobs.attempts + 1
WHERE jobs.state <> 'running' OR jobs.claimed < ?
"""


def worker_id() -> str:
    """A name for this worker that no other process on any machine has: host, pid, random."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def enqueue(conn: Connection, kind: str, jobs: Sequence[tuple[str, str]], now: str, *,
            force: bool = False) -> int:
    """Queue ``(key, version)`` jobs of ``kind``; a job known with the same version stays as it
    is (queued, running or done) unless ``force``. Returns how many were (re)queued."""
    cursor = conn.executemany(_ENQUEUE, [(kind, key, version, now, int(force)) for key, version in jobs])
    return max(cursor.rowcount, 0)


def claim(conn: Connection, kind: str, worker: str, limit: int, now: str,
          stale_before: str) -> list[tuple[str, str]]:
    """Mark up to ``limit`` of the oldest queued jobs of ``kind`` (or running ones claimed before
    ``stale_before``) running for ``worker``; return their ``(key, version)``, oldest first."""
    lock = " FOR UPDATE SKIP LOCKED" if is_postgres(conn) else ""
    rows = conn.execute(_CLAIM.format(lock=lock),
                        (worker, now, kind, kind, stale_before, limit)).fetchall()
    return [(row[0], row[1]) for row in rows]


def take(conn: Connection, kind: str, key: str, version: str, worker: str, now: str,
         stale_before: str) -> bool:
    """Claim the one job ``key`` of ``kind`` for ``worker``, adding it when it is new; False when
    another worker holds it (claimed after ``stale_before``). One statement: of two workers
    taking the same key at once, one gets it."""
    cursor = conn.execute(_TAKE, (kind, key, version, worker, now, now, stale_before))
    return cursor.rowcount == 1


def finish(conn: Connection, kind: str, keys: Sequence[str], worker: str, now: str) -> None:
    """Mark the jobs ``keys`` of ``kind`` that ``worker`` holds done."""
    conn.executemany(_FINISH, [(now, kind, key, worker) for key in keys])


_RELEASE = """
UPDATE jobs SET state = 'queued', worker = NULL, claimed = NULL
WHERE kind = ? AND key = ? AND worker = ? AND state = 'running'
"""


def release(conn: Connection, kind: str, keys: Sequence[str], worker: str) -> None:
    """Put ``worker``'s running jobs ``keys`` back in the queue (it stopped before finishing)."""
    conn.executemany(_RELEASE, [(kind, key, worker) for key in keys])


def done(conn: Connection, kind: str, keys: Sequence[str]) -> set[str]:
    """Those of ``keys`` whose job of ``kind`` is done."""
    sql = "SELECT key FROM jobs WHERE kind = ? AND state = 'done' AND key IN (SELECT value FROM json_each(?))"
    return {row[0] for row in conn.execute(sql, (kind, json.dumps(list(keys))))}


def counts(conn: Connection) -> dict[str, int]:
    """Jobs by ``kind/state``, e.g. ``{"page/done": 40, "page/queued": 2}``."""
    rows = conn.execute("SELECT kind, state, count(*) FROM jobs GROUP BY kind, state ORDER BY kind, state")
    return {f"{row[0]}/{row[1]}": row[2] for row in rows}
