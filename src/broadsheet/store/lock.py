"""One follower per store: ``broadsheet run`` (and ``prune``) hold an exclusive lock on
``<store>.lock``, so a second instance on the same store refuses to start instead of fetching and
processing the same items twice.

The lock is ``locks.exclusive``: an ``flock`` the system releases however the holder ends, so a
stale lock never blocks the next run; the file names the holder for the refused instance's message.
An in-memory store needs no lock; nor does a PostgreSQL store, whose runs (on several machines)
share the work through its queue (``store/queue.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from broadsheet.errors import StoreBusy, StoreError
from broadsheet.locks import exclusive
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
    with exclusive(path, f"broadsheet (pid {os.getpid()})",
                   busy=lambda holder: StoreBusy(
                       f"store: {db} is busy: {holder} is following it already "
                       f"(one {command} per store; it stops when that one does)"),
                   unopenable=lambda exc: StoreError(f"store: cannot open the lock file {path}: {exc}")):
        yield
