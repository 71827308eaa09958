"""``broadsheet backfill`` from the command line: process, load, rerun, one store per shard folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.cli import main
from broadsheet.store import Store
from scale_data import warc_of


@pytest.mark.slow
def test_backfill_processes_loads_and_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warcs = [str(warc_of(tmp_path / "crawl", "one", 40, 1)), str(warc_of(tmp_path / "crawl", "two", 41, 2))]
    db = str(tmp_path / "news.db")
    assert main(["backfill", *warcs, "--db", db, "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert "2 shards on local process pool, 1 workers: 2 processed" in out
    assert "3 documents: 3 analysed, 0 rejected, 0 failed" in out
    assert "load: 2 shards into" in out and "stories" in out
    assert err.count("shard ") == 2 and "1 in, 1 out, 0 rejected, 0 failed" in err
    with Store.open(db) as store:
        assert store.counts()["articles"] == 3 and store.counts()["shard_loads"] == 2
        assert len(store.stories()) >= 1
    done = sorted(p.name for p in (tmp_path / "news.db.shards").glob("*.done"))
    assert [name.rsplit("-", 1)[0] for name in done] == ["one", "two"]

    assert main(["backfill", *warcs, "--db", db]) == 0
    out, _ = capsys.readouterr()
    assert "0 processed, 2 already complete, 0 failed" in out
    assert "load: 0 shards" in out and "2 loaded before" in out


def test_a_shard_folder_serves_one_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "STORE").write_text(str(tmp_path / "other.db") + "\n")
    warc = str(warc_of(tmp_path, "one", 40, 1))
    assert main(["backfill", warc, "--db", str(tmp_path / "news.db"), "--out",
                 str(tmp_path / "shards")]) == 2
    assert "holds the shard outputs of the store" in capsys.readouterr().err


@pytest.mark.slow
def test_a_backfill_that_cannot_work_stops_early(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warcs = [str(warc_of(tmp_path / "crawl", f"part{n}", 40 + n, 1)) for n in range(5)]
    code = main(["backfill", *warcs, "--db", str(tmp_path / "news.db"), "--workers", "1",
                 "--model", "no_such_model"])
    err = capsys.readouterr().err
    assert code == 3
    assert "stopped: the first 3 shards all failed with the same error: AnalyzeError: spaCy model " \
           "'no_such_model' is not installed" in err
    assert err.count(": failed: AnalyzeError") == 3  # and the other two were never tried
    assert len(list((tmp_path / "news.db.shards").glob("*.error"))) == 3
