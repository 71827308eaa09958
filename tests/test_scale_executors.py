"""The executor contract, once per executor (the process pool, and Ray on a local 2-CPU instance).

On real WARCs, with real workers: a shard whose work raises fails alone; a worker killed (SIGKILL)
in the middle of a shard costs a retry, not the shard; a shard that kills every worker that takes it
is reported failed while the rest go on; a rerun skips the complete shards without touching them; and
outputs written again are byte-identical. The faults are injected by ``faulty_work`` below, which
runs inside the worker processes.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broadsheet.scale import work
from broadsheet.scale.backfill import Executor, run_shards
from broadsheet.scale.cluster import RayExecutor
from broadsheet.scale.local import LocalExecutor
from broadsheet.scale.output import marker_path, output_path
from broadsheet.scale.shards import Shard, plan_shards
from broadsheet.scale.work import ShardResult, WorkOptions, process_shard
from broadsheet.settings import Settings
from scale_data import warc_of

SETTINGS = Settings()
ATTEMPTS = 2


def _killing(records: Any, flag: Path | None) -> Any:
    """``work._batch_records`` that SIGKILLs its own process after the first document's page is out
    (once, when ``flag`` names the file that remembers it; always, when None)."""
    def dying(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for record in records(*args, **kwargs):
            yield record
            if flag is None or not flag.exists():
                if flag is not None:
                    flag.write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)
    return dying


def faulty_work(shard: Shard, options: WorkOptions) -> ShardResult:
    """``process_shard``, except for the shards named to fail (runs inside a worker)."""
    if shard.name.startswith("raises"):
        raise ValueError(f"cannot read {Path(shard.path).name}: bad magic number")
    if shard.name.startswith(("dies-once", "always-dies")):
        flag = Path(options.folder).parent / f"killed-{shard.name}"
        work._batch_records = _killing(work._batch_records,  # type: ignore[method-assign]
                                       flag if shard.name.startswith("dies-once") else None)
    return process_shard(shard, options)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Shard]:
    folder = tmp_path_factory.mktemp("inputs")
    warcs = [warc_of(folder, "good-a", 30, 2), warc_of(folder, "good-b", 32, 1),
             warc_of(folder, "dies-once", 33, 2), warc_of(folder, "raises", 35, 1),
             warc_of(folder, "always-dies", 36, 1)]
    return plan_shards(warcs)


def _executor(kind: str, work: Any) -> Executor:
    if kind == "local":
        return LocalExecutor(workers=2, tasks_per_worker=2, max_attempts=ATTEMPTS, work=work)
    ray = pytest.importorskip("ray")
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/
    return RayExecutor(workers=2, tasks_per_worker=2, max_attempts=ATTEMPTS, work=work)


def _snapshot(folder: Path, names: list[str]) -> dict[str, tuple[bytes, bytes, int]]:
    return {n: (output_path(folder, n).read_bytes(), marker_path(folder, n).read_bytes(),
                output_path(folder, n).stat().st_mtime_ns) for n in names}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["local", "ray"])
def test_the_executor_contract(kind: str, inputs: list[Shard], tmp_path: Path) -> None:
    options = WorkOptions(str(tmp_path / "shards"), SETTINGS.model, SETTINGS.batch_size,
                          SETTINGS.max_page_bytes)
    by_prefix = {s.name.rsplit("-", 1)[0]: s.name for s in inputs}
    first = run_shards(inputs, options, _executor(kind, faulty_work))
    status = {r.shard: r for r in first.results}
    good = [by_prefix[p] for p in ("good-a", "good-b", "dies-once")]
    assert [status[n].status for n in good] == ["done"] * 3
    assert status[by_prefix["dies-once"]].counts.docs_out == 2
    assert status[by_prefix["raises"]].status == "failed"
    assert "ValueError: cannot read raises.warc.gz" in (status[by_prefix["raises"]].error or "")
    assert status[by_prefix["always-dies"]].status == "failed"
    assert "worker died" in (status[by_prefix["always-dies"]].error or "")
    assert (tmp_path / "killed-" f"{by_prefix['dies-once']}").exists()  # it really was killed once
    folder = Path(options.folder)
    assert sorted(p.name for p in folder.glob("*.error")) == sorted(
        f"{by_prefix[p]}.error" for p in ("raises", "always-dies"))
    assert not list(folder.glob("*.tmp-*"))  # the killed attempt's partial file is gone
    written = _snapshot(folder, good)

    again = [s for s in inputs if s.name != by_prefix["always-dies"]]
    rerun = run_shards(again, options, _executor(kind, faulty_work))
    assert {r.shard: r.status for r in rerun.results} == {**dict.fromkeys(good, "skipped"),
                                                          by_prefix["raises"]: "failed"}
    assert _snapshot(folder, good) == written  # not even rewritten

    for name in good:
        marker_path(folder, name).unlink()
        output_path(folder, name).unlink()
    clean = run_shards(inputs, options, _executor(kind, process_shard))
    assert all(r.status == "done" for r in clean.results)
    assert {n: v[:2] for n, v in _snapshot(folder, good).items()} == {n: v[:2] for n, v in written.items()}
    assert not list(folder.glob("*.error"))
