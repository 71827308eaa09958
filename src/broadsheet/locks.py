"""One process at a time: an exclusive ``flock`` on a lock file, held for a block.

The operating system releases an ``flock`` however its holder ends (Ctrl-C, a crash, ``kill -9``),
so a stale lock never blocks the next process. The file holds a note on the holder (its pid), which
the refused process prints. Used by ``broadsheet run`` (one follower per store), ``send`` (one send
per store) and ``backfill`` (one backfill per shard folder).
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from broadsheet.errors import BroadsheetError


@contextmanager
def exclusive(path: Path, note: str, *, busy: Callable[[str], BroadsheetError],
              unopenable: Callable[[OSError], BroadsheetError]) -> Iterator[None]:
    """Hold the lock ``path`` for the block, writing ``note`` into it.

    ``busy(holder)`` is raised when another process holds it (``holder``: that process's note);
    ``unopenable(error)`` when the lock file cannot be opened.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+")
    except OSError as exc:
        raise unopenable(exc) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise busy(_holder(handle)) from exc
        _write(handle, note)
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write(handle: TextIO, note: str) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(note)
    handle.flush()


def _holder(handle: TextIO) -> str:
    """The note of the process holding the lock ("another process" when it cannot be read)."""
    try:
        handle.seek(0)
        return handle.read().strip() or "another process"
    except OSError:
        return "another process"
