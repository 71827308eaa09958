"""Shards: one per input file, named deterministically; a shard folder belongs to one store."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from broadsheet.errors import ConfigError, InputError
from broadsheet.scale.shards import claim_folder, folder_lock, plan_shards, shard_name, store_folder
from broadsheet.scale.timelimit import TimeLimitExceeded, time_limit


def test_names_are_stable_readable_and_unique_per_path(tmp_path: Path) -> None:
    one = shard_name(tmp_path / "a" / "CC-NEWS-20240101-00001.warc.gz")
    assert one == shard_name(tmp_path / "a" / "CC-NEWS-20240101-00001.warc.gz")
    assert one.startswith("CC-NEWS-20240101-00001-")
    assert one != shard_name(tmp_path / "b" / "CC-NEWS-20240101-00001.warc.gz")
    assert shard_name(Path("/x/we ird:näme?.warc")).startswith("we_ird_n_me-")


def test_one_shard_per_file_folders_expanded_duplicates_once(tmp_path: Path) -> None:
    for name in ("b.warc.gz", "a.warc.gz", "notes.pdf"):
        (tmp_path / name).write_bytes(b"x")
    shards = plan_shards([tmp_path, tmp_path / "a.warc.gz"])
    assert [Path(s.path).name for s in shards] == ["a.warc.gz", "b.warc.gz"]
    assert all(Path(s.path).is_absolute() for s in shards)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no input files"):
        plan_shards([tmp_path / "empty"])


def test_outputs_live_beside_the_store_or_in_out(tmp_path: Path) -> None:
    assert store_folder(str(tmp_path / "news.db"), None) == tmp_path / "news.db.shards"
    assert store_folder(str(tmp_path / "news.db"), str(tmp_path / "o")) == tmp_path / "o"
    with pytest.raises(ConfigError, match="--out"):
        store_folder(":memory:", None)


def test_two_stores_never_share_a_shard_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shards"
    claim_folder(folder, str(tmp_path / "one.db"))
    claim_folder(folder, str(tmp_path / "one.db"))  # the owner again: fine
    with pytest.raises(ConfigError, match="shard outputs of the store"):
        claim_folder(folder, str(tmp_path / "two.db"))


def test_backfills_claiming_a_new_folder_together_all_see_its_owner(tmp_path: Path) -> None:
    failures: list[BaseException] = []

    def claim(folder: Path, start: threading.Barrier) -> None:
        start.wait()
        try:
            claim_folder(folder, str(tmp_path / "one.db"))
        except ConfigError as exc:  # the owner file read while a rival was still writing it
            failures.append(exc)

    for round_ in range(40):
        start = threading.Barrier(4)
        folder = tmp_path / f"shards{round_}"
        claims = [threading.Thread(target=claim, args=(folder, start)) for _ in range(4)]
        for thread in claims:
            thread.start()
        for thread in claims:
            thread.join()
    assert failures == []
    assert sorted(p.name for p in (tmp_path / "shards0").iterdir()) == ["STORE"]  # no temporary left


def test_one_backfill_at_a_time_per_folder(tmp_path: Path) -> None:
    with folder_lock(tmp_path), pytest.raises(ConfigError, match="another backfill"), \
            folder_lock(tmp_path):
        pass
    with folder_lock(tmp_path):  # released: the next run may take it
        pass


def test_a_time_limit_cuts_through_code_that_swallows_exceptions() -> None:
    spins = 0
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        while True:  # like a library that catches Exception and carries on
            try:
                spins += 1
            except Exception:  # the point: this does not catch the limit
                continue
    assert spins > 0
    time.sleep(0.1)  # the timer is disarmed after the block: no stray alarm arrives now


def test_no_limit_outside_the_main_thread() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.05)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]
