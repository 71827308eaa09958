"""A time limit on one piece of work inside a worker: ``with time_limit(30): extract(page)``.

A pathological page (a regular expression that backtracks for minutes, markup nested a million deep)
must cost a rejection, not a worker. The limit is a one-shot ``ITIMER_REAL`` timer whose ``SIGALRM``
handler raises ``TimeLimitExceeded`` in the worker's main thread.

``TimeLimitExceeded`` derives from ``BaseException`` on purpose, like ``KeyboardInterrupt``: the
extraction libraries catch ``Exception`` broadly and carry on, which would swallow the limit and let the
page run on. It never leaves the worker: ``work.py`` turns it into a stored ``Rejected`` ("timeout").

Limits: Python checks for signals between bytecodes, so a single long call into C code (one huge
lxml parse) is interrupted only when it returns; the executors' worker recycling and retry cover a
worker that never comes back. Signals can be handled in the main thread only: elsewhere (a thread
pool) the block runs without a limit rather than failing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """The block ran longer than its limit (see the module docstring for why a BaseException)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def _can_limit(seconds: float) -> bool:
    return seconds > 0 and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Run the block under a limit of ``seconds`` (0 or less: no limit); raise ``TimeLimitExceeded``."""
    if not _can_limit(seconds):
        yield
        return
    armed = [True]

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if armed[0]:
            raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
