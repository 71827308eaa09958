"""The Ray executor (the optional extra ``broadsheet[ray]``): the same shards on a Ray cluster.

One Ray task per shard, never per document: ``process_shard`` runs unchanged inside a Ray worker.
``address`` connects to an existing cluster (``ray://head:10001`` through Ray Client, or
``head:6379`` / ``auto`` from a node of the cluster); without one, a local Ray instance is started
with ``workers`` CPUs and shut down at the end. Every node must have broadsheet installed (with the
same version and model) and see the input files and the shard folder at the same paths (a shared
file system), since workers read and write them directly.

What the process pool does by hand, Ray does by its task options:
- the model is loaded once per worker process (``work.init_worker`` caches it per process) and a
  worker is replaced after ``tasks_per_worker`` shards (``max_calls``);
- a worker that dies mid-shard is retried on another worker (``max_retries``, system failures only),
  and after ``max_attempts`` deaths the shard is reported failed;
- an exception raised by the work fails its shard at once (``retry_exceptions=False``).
At most two shards per cluster CPU are in flight, so a million-shard backfill does not flood the
scheduler, and results come back as they finish.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from broadsheet.errors import ConfigError
from broadsheet.scale.local import DEFAULT_MAX_ATTEMPTS, DEFAULT_TASKS_PER_WORKER
from broadsheet.scale.shards import Shard
from broadsheet.scale.work import (
    ShardResult,
    Work,
    WorkOptions,
    failure,
    process_shard,
    run_in_worker,
)

IN_FLIGHT_PER_CPU = 2


def import_ray() -> Any:
    """The ``ray`` module, or ``ConfigError`` saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("--executor ray needs Ray: pip install 'broadsheet[ray]'") from exc
    return ray


@dataclass
class RayExecutor:
    """Run shards as Ray tasks on a local or existing cluster (see the module docstring)."""

    address: str | None = None
    workers: int | None = None
    tasks_per_worker: int = DEFAULT_TASKS_PER_WORKER
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    work: Work = process_shard
    startup_seconds: float = 0.0
    _cpus: int = 0

    @property
    def description(self) -> str:
        where = f"cluster at {self.address}" if self.address else "local Ray instance"
        return f"Ray tasks on a {where}, {self._cpus or self.workers or '?'} CPUs"

    def cores(self) -> int:
        """The CPUs of the cluster (known once ``run`` has connected)."""
        return self._cpus or self.workers or 1

    def run(self, shards: Sequence[Shard], options: WorkOptions) -> Iterator[ShardResult]:
        """Process ``shards`` on the cluster; yield each one's result as it finishes."""
        ray = import_ray()
        started = time.perf_counter()
        started_here = self._connect(ray)
        self.startup_seconds = time.perf_counter() - started
        try:
            self._cpus = int(ray.cluster_resources().get("CPU", 1))
            yield from self._schedule(ray, shards, options)
        finally:
            if started_here:
                ray.shutdown()

    def _connect(self, ray: Any) -> bool:
        """Join the cluster at ``address``, or start a local one; True when started here."""
        if ray.is_initialized():
            return False
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "logging_level": logging.WARNING}
        if self.address:
            options["address"] = self.address
        elif not os.environ.get("RAY_ADDRESS"):  # joining RAY_ADDRESS's cluster: its CPUs, not ours
            options["num_cpus"] = self.workers
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ConfigError(f"--executor ray: cannot start or reach Ray "
                              f"({self.address or 'local'}): {exc}") from exc
        return True

    def _task(self, ray: Any) -> Any:
        return ray.remote(num_cpus=1, max_calls=max(1, self.tasks_per_worker),
                          max_retries=max(0, self.max_attempts - 1),
                          retry_exceptions=False)(run_in_worker)

    def _schedule(self, ray: Any, shards: Sequence[Shard], options: WorkOptions) -> Iterator[ShardResult]:
        task, queue = self._task(ray), list(reversed(shards))
        work_ref, options_ref = ray.put(self.work), ray.put(options)
        pending: dict[Any, Shard] = {}
        try:
            while queue or pending:
                while queue and len(pending) < IN_FLIGHT_PER_CPU * self._cpus:
                    shard = queue.pop()
                    pending[task.remote(work_ref, shard, options_ref)] = shard
                ready, _ = ray.wait(list(pending), num_returns=1)
                for ref in ready:
                    yield self._outcome(ray, ref, pending.pop(ref))
        finally:  # the caller stopped early: do not leave shards running on the cluster
            for ref in pending:
                ray.cancel(ref, force=True)

    def _outcome(self, ray: Any, ref: Any, shard: Shard) -> ShardResult:
        try:
            result: ShardResult = ray.get(ref)
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause if isinstance(exc.cause, BaseException) else exc
            return failure(shard, f"{type(cause).__name__}: {cause}", trace=str(exc))
        except ray.exceptions.RayError as exc:
            return failure(shard, f"the worker died while processing it ({type(exc).__name__}; "
                                 f"tried {self.max_attempts} times)", trace=str(exc),
                          attempts=self.max_attempts)
        return result
