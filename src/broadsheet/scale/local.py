"""The default executor: the standard library's process pool, parallel over shards.

Each worker process loads the spaCy model once (the pool's initializer, ``work.init_worker``) and is
replaced after ``tasks_per_worker`` shards (``max_tasks_per_child``), because lxml's memory only
grows. Workers start with ``spawn``: a fresh interpreter, no state copied from the driver.

A worker that dies (killed by the OOM killer, a crash in C code) breaks the whole pool, and every
shard in flight fails with it; the pool cannot say which shard killed it. So after a break those
shards become *suspects*: a new pool runs each suspect alone, and a suspect that breaks the pool
``max_attempts`` times in all is reported failed ("the worker died") while every other shard goes
on. A shard whose work raises is failed at once (an exception is deterministic; retrying it would
only fail again), with the exception's message and the worker's traceback.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace

from broadsheet.scale.shards import Shard
from broadsheet.scale.work import (
    ShardResult,
    Work,
    WorkOptions,
    failure,
    init_worker,
    process_shard,
    run_in_worker,
)

DEFAULT_TASKS_PER_WORKER = 8
DEFAULT_MAX_ATTEMPTS = 3


def describe(exc: BaseException) -> tuple[str, str | None]:
    """One line naming the error, and the worker's traceback when the pool sent one along."""
    remote = exc.__cause__
    return f"{type(exc).__name__}: {exc}", str(remote) if remote is not None else None


@dataclass
class _Run:
    """The scheduling state of one ``LocalExecutor.run``."""

    queue: deque[Shard]
    options: WorkOptions
    suspects: deque[Shard] = field(default_factory=deque)
    running: dict[Future[ShardResult], Shard] = field(default_factory=dict)
    breaks: Counter[str] = field(default_factory=Counter)

    def busy(self) -> bool:
        return bool(self.queue or self.suspects or self.running)


@dataclass
class LocalExecutor:
    """Run shards on ``workers`` processes of this machine (see the module docstring)."""

    workers: int
    tasks_per_worker: int = DEFAULT_TASKS_PER_WORKER
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    work: Work = process_shard

    @property
    def description(self) -> str:
        return f"local process pool, {self.workers} workers"

    def cores(self) -> int:
        """The cores this executor runs on (one per worker)."""
        return self.workers

    def run(self, shards: Sequence[Shard], options: WorkOptions) -> Iterator[ShardResult]:
        """Process ``shards``; yield each one's result as it finishes (in no particular order)."""
        state = _Run(deque(shards), options)
        pool: ProcessPoolExecutor | None = None
        size = 0
        try:
            while state.busy():
                want = 1 if state.suspects else max(1, self.workers)  # a suspect runs alone
                if pool is None or (size != want and not state.running):
                    self._shutdown(pool)
                    pool, size = self._pool(options, want), want
                self._submit(pool, state)
                results, broken = self._collect(state)
                yield from results
                if broken:
                    self._shutdown(pool)
                    pool = None
        finally:
            self._shutdown(pool)

    @staticmethod
    def _shutdown(pool: ProcessPoolExecutor | None) -> None:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _pool(self, options: WorkOptions, size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=size, mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker, initargs=(options,),
            max_tasks_per_child=max(1, self.tasks_per_worker))

    def _submit(self, pool: ProcessPoolExecutor, state: _Run) -> None:
        """Fill the pool: a suspect runs alone; otherwise one shard per free worker."""
        if state.suspects:
            if not state.running:
                shard = state.suspects.popleft()
                state.running[pool.submit(run_in_worker, self.work, shard, state.options)] = shard
            return
        while state.queue and len(state.running) < max(1, self.workers):
            shard = state.queue.popleft()
            state.running[pool.submit(run_in_worker, self.work, shard, state.options)] = shard

    def _collect(self, state: _Run) -> tuple[list[ShardResult], bool]:
        """Wait for at least one shard; when the pool broke, for every shard in flight."""
        done, _ = wait(state.running, return_when=FIRST_COMPLETED)
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            done, _ = wait(state.running)
        results = [r for r in (self._outcome(f, state) for f in done) if r is not None]
        broken = any(isinstance(f.exception(), BrokenProcessPool) for f in done)
        return results, broken

    def _outcome(self, future: Future[ShardResult], state: _Run) -> ShardResult | None:
        """The result of a finished future; None when its shard goes back as a suspect."""
        shard = state.running.pop(future)
        error = future.exception()
        attempts = state.breaks[shard.name] + 1
        if error is None:
            return replace(future.result(), attempts=attempts)
        if not isinstance(error, BrokenProcessPool):
            message, trace = describe(error)
            return failure(shard, message, trace=trace, attempts=attempts)
        state.breaks[shard.name] += 1
        if state.breaks[shard.name] >= self.max_attempts:
            return failure(shard, f"the worker died while processing it, {self.max_attempts} times "
                                 "(killed, out of memory, or a crash in C code)", attempts=attempts)
        state.suspects.append(shard)
        return None
