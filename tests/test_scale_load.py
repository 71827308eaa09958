"""The bulk loader: shard outputs into a real SQLite store, as ingest would, once and only once."""

from __future__ import annotations

import gzip
import sqlite3
from functools import partial
from pathlib import Path

import pytest

from broadsheet import pipeline
from broadsheet.analyze.nlp import load_model
from broadsheet.scale.load import load_shards
from broadsheet.scale.output import output_path
from broadsheet.scale.shards import Shard, plan_shards
from broadsheet.scale.work import WorkOptions, process_shard
from broadsheet.settings import Settings
from broadsheet.store import Store
from scale_data import warc_of

SETTINGS = Settings()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Shard]]:
    """Two processed shards (two real pages each; the second also holds a binary file's junk)."""
    root = tmp_path_factory.mktemp("load")
    warcs = [warc_of(root / "in", "one", 20, 2), warc_of(root / "in", "two", 22, 2)]
    junk = root / "in" / "junk.html"
    junk.write_bytes(bytes(range(256)) * 40)
    planned = plan_shards([*warcs, junk])
    options = WorkOptions(str(root / "out"), SETTINGS.model, SETTINGS.batch_size, SETTINGS.max_page_bytes)
    for shard in planned:
        assert process_shard(shard, options).status == "done"
    return root / "out", planned


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_loading_stores_what_ingest_stores(shards: tuple[Path, list[Shard]], tmp_path: Path) -> None:
    folder, planned = shards
    with Store.open(tmp_path / "backfill.db") as store:
        report = load_shards(store, folder, [s.name for s in planned])
        loaded = {kind: list(store.export_rows(kind)) for kind in ("articles", "attributions")}
        rejections = store.rejections()
    assert (report.shards, report.articles, report.rejected) == (3, 4, 1)
    with Store.open(tmp_path / "ingest.db") as store:
        pipeline.ingest([s.path for s in planned], store, SETTINGS,
                        partial(load_model, SETTINGS.model))
        assert {kind: list(store.export_rows(kind)) for kind in loaded} == loaded
        assert store.rejections() == rejections
    assert [r.reason for r in rejections] == ["binary"]


def test_loading_twice_changes_nothing(shards: tuple[Path, list[Shard]], tmp_path: Path) -> None:
    folder, planned = shards
    names = [s.name for s in planned]
    with Store.open(tmp_path / "news.db") as store:
        load_shards(store, folder, names)
    before = _dump(tmp_path / "news.db")
    with Store.open(tmp_path / "news.db") as store:
        again = load_shards(store, folder, names)
    assert (again.shards, again.already) == (0, 3)
    assert _dump(tmp_path / "news.db") == before


def test_pages_already_stored_unchanged_are_skipped(shards: tuple[Path, list[Shard]],
                                                    tmp_path: Path) -> None:
    folder, planned = shards
    with Store.open(tmp_path / "news.db") as store:
        pipeline.ingest([planned[0].path], store, SETTINGS, partial(load_model, SETTINGS.model))
        report = load_shards(store, folder, [s.name for s in planned])
        assert (report.skipped, report.articles) == (2, 2)
        assert store.counts()["articles"] == 4


def test_a_damaged_shard_is_left_out_whole(shards: tuple[Path, list[Shard]], tmp_path: Path) -> None:
    folder, planned = shards
    damaged = tmp_path / "out"
    damaged.mkdir()
    for path in folder.iterdir():
        (damaged / path.name).write_bytes(path.read_bytes())
    output = output_path(damaged, planned[1].name)
    output.write_bytes(gzip.compress(gzip.decompress(output.read_bytes()) + b"{}\n"))
    with Store.open(tmp_path / "news.db") as store:
        report = load_shards(store, damaged, [s.name for s in planned])
        assert report.shards == 2 and len(report.errors) == 1 and planned[1].name in report.errors[0]
        assert store.counts()["articles"] == 2 and store.shard_digest(planned[1].name) is None


def test_a_shard_without_complete_output_is_not_loaded(shards: tuple[Path, list[Shard]],
                                                       tmp_path: Path) -> None:
    folder, planned = shards
    with Store.open(tmp_path / "news.db") as store:
        report = load_shards(store, folder, [planned[0].name, "never-processed-0123456789ab"])
    assert (report.shards, report.missing) == (1, 1)
