"""One follower per store: ``broadsheet run`` (and ``prune``) hold an exclusive lock on
``<store>.lock``, so a second instance on the same store refuses to start instead of fetching and
processing the same items twice.

The lock is ``flock`` on an open file: the operating system releases it when the process ends,
however it ends (Ctrl-C, a crash, ``kill -9``), so a stale lock never blocks the next run. The file
holds the pid of the holder, for the message the second instance prints. An in-memory store needs
no lock; nor does a PostgreSQL store, whose runs (on several machines) share the work through its
queue (``store/queue.py``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from broadsheet.errors import StoreBusy, StoreError
from broadsheet.store.postgres import is_url


def lock_path(db: str) -> Path | None:
    """The lock file of the store ``db`` (None for an in-memory store, and for a PostgreSQL one:
    there several runs share the work through the store's queue)."""
    if db == ":memory:" or db.startswith("file:") or is_url(db):
        return None
    return Path(f"{db}.lock")


@contextmanager
def store_lock(db: str, command: str = "broadsheet run") -> Iterator[None]:
    """Hold the store's lock for the block; ``StoreBusy`` if another process holds it."""
    path = lock_path(db)
    if path is None:
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+")
    except OSError as exc:
        raise StoreError(f"store: cannot open the lock file {path}: {exc}") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise StoreBusy(f"store: {db} is busy: {holder} is following it already "
                            f"(one {command} per store; it stops when that one does)") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"broadsheet (pid {os.getpid()})")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
