"""``WorkStore``: the shared work queue and the locks of several workers (mixed into ``Store``).

On PostgreSQL several workers, on several machines, share one store: they queue work in the
``jobs`` table and claim it with ``FOR UPDATE SKIP LOCKED`` (``queue.py``), so no page is
processed twice; a step that must run alone (placing new articles into stories) holds a named
advisory lock (``exclusive``). On SQLite (one machine, one writer at a time) the same calls work,
and ``exclusive`` needs no lock.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from broadsheet.store import queue
from broadsheet.store.db import Database, is_postgres, translate
from broadsheet.timestamps import shift


class WorkStore:
    """The work queue of a store (see the module docstring)."""

    _db: Database
    _clock: Callable[[], str]

    @property
    def shares_work(self) -> bool:
        """True when workers share this store through the queue (a PostgreSQL store)."""
        return is_postgres(self._db.conn)

    def enqueue_jobs(self, kind: str, jobs: Sequence[tuple[str, str]], *, force: bool = False) -> int:
        """Queue ``(key, version)`` jobs of ``kind`` (``queue.enqueue``); how many were queued."""
        with self._db.transaction() as conn:
            return queue.enqueue(conn, kind, jobs, self._clock(), force=force)

    def claim_jobs(self, kind: str, worker: str, limit: int) -> list[tuple[str, str]]:
        """Claim up to ``limit`` queued jobs of ``kind`` for ``worker`` (``queue.claim``). On
        PostgreSQL the claim is one statement outside the writers' lock: claims never wait."""
        now = self._clock()
        stale = shift(now, -queue.LEASE_SECONDS)
        if self.shares_work:
            with translate("claim jobs"):
                return queue.claim(self._db.conn, kind, worker, limit, now, stale)
        with self._db.transaction() as conn:
            return queue.claim(conn, kind, worker, limit, now, stale)

    def take_job(self, kind: str, key: str, version: str, worker: str) -> bool:
        """Claim the job ``key`` (added if new) for ``worker``; False when another worker holds
        it (``queue.take``). Like ``claim_jobs``, outside the writers' lock on PostgreSQL."""
        now = self._clock()
        stale = shift(now, -queue.LEASE_SECONDS)
        if self.shares_work:
            with translate("claim a job"):
                return queue.take(self._db.conn, kind, key, version, worker, now, stale)
        with self._db.transaction() as conn:
            return queue.take(conn, kind, key, version, worker, now, stale)

    def finish_jobs(self, kind: str, keys: Sequence[str], worker: str) -> None:
        """Mark ``worker``'s jobs ``keys`` done; call it in the transaction that stores their work."""
        with self._db.transaction() as conn:
            queue.finish(conn, kind, keys, worker, self._clock())

    def release_jobs(self, kind: str, keys: Sequence[str], worker: str) -> None:
        """Put ``worker``'s unfinished jobs ``keys`` back in the queue for any worker."""
        with self._db.transaction() as conn:
            queue.release(conn, kind, keys, worker)

    def done_jobs(self, kind: str, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` whose job of ``kind`` is done (by any worker)."""
        with translate("read the work queue"):
            return queue.done(self._db.conn, kind, keys)

    def job_counts(self) -> dict[str, int]:
        """Jobs by ``kind/state``."""
        with translate("read the work queue"):
            return queue.counts(self._db.conn)

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Run the block alone among the workers of this store: on PostgreSQL a session-level
        advisory lock named ``name`` (waited for); on SQLite nothing is needed."""
        if not self.shares_work:
            yield
            return
        key = zlib.crc32(name.encode())
        with translate(f"lock {name}"):
            self._db.conn.execute("SELECT pg_advisory_lock(?)", (key,)).fetchall()
        try:
            yield
        finally:
            with translate(f"unlock {name}"):
                self._db.conn.execute("SELECT pg_advisory_unlock(?)", (key,)).fetchall()
