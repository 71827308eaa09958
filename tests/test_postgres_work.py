"""Several workers on one PostgreSQL store (a real throwaway server): the work queue hands each
page to one worker, two concurrent ingests of the same input never process a page twice, and
``broadsheet migrate`` moves an SQLite store over so that it exports the same records."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from broadsheet import pipeline
from broadsheet.analyze.nlp import load_model
from broadsheet.cli import main
from broadsheet.errors import StoreError
from broadsheet.settings import load_settings
from broadsheet.store import Store

SETTINGS = load_settings(environ={}, config=Path("/nonexistent.toml"))
TRIPLETS = 12
_READ = re.compile(r"read (\d+) pages: (\d+) articles extracted and analysed")


def _basil_inbox(folder: Path, eval_data: Path, triplets: int = TRIPLETS) -> Path:
    rows = [json.loads(line) for line in (eval_data / "clustering/basil/basil_articles.jsonl").open()]
    chosen = sorted({r["triplet_id"] for r in rows})[:triplets]
    folder.mkdir()
    with (folder / "basil.jsonl").open("w") as handle:
        for row in rows:
            if row["triplet_id"] in chosen:
                handle.write(json.dumps(row) + "\n")
    return folder


def test_concurrent_claims_hand_each_job_to_one_worker(pg_url: str) -> None:
    keys = [f"p{i:03d}" for i in range(120)]
    with Store.open(pg_url) as store:
        assert store.enqueue_jobs("page", [(k, "v1") for k in keys]) == len(keys)
    claims: dict[str, list[str]] = {}

    def work(name: str) -> None:
        with Store.open(pg_url) as mine:
            got = claims.setdefault(name, [])
            while claimed := mine.claim_jobs("page", name, 3):
                got.extend(key for key, _ in claimed)
                mine.finish_jobs("page", [key for key, _ in claimed], name)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [key for got in claims.values() for key in got]
    assert sorted(every) == keys  # each job claimed once, none lost
    with Store.open(pg_url) as store:
        assert store.job_counts() == {"page/done": len(keys)}


def test_a_job_is_queued_again_only_for_a_new_version_or_when_forced(db_target: str) -> None:
    with Store.open(db_target) as store:
        store.enqueue_jobs("page", [("a", "h1"), ("b", "h1")])
        assert [k for k, _ in store.claim_jobs("page", "w", 10)] == ["a", "b"]
        store.finish_jobs("page", ["a", "b"], "w")
        assert store.enqueue_jobs("page", [("a", "h1"), ("b", "h2")]) == 1  # b changed
        assert store.claim_jobs("page", "w", 10) == [("b", "h2")]
        assert store.claim_jobs("page", "w", 10) == []  # b is running, a is done
        assert store.enqueue_jobs("page", [("a", "h1")], force=True) == 1
        assert store.claim_jobs("page", "w2", 10) == [("a", "h1")]
        store.finish_jobs("page", ["a"], "w")  # not w's claim: nothing changes
        assert store.job_counts() == {"page/running": 2}


def _ingest_process(inbox: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "BROADSHEET_BATCH_SIZE": "2", "BROADSHEET_DB": url}
    run = "import sys; from broadsheet.cli import main; sys.exit(main())"
    return subprocess.Popen([sys.executable, "-c", run, "ingest", str(inbox)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_concurrent_ingests_of_the_same_input_process_each_page_once(
    pg_url: str, eval_data: Path, tmp_path: Path
) -> None:
    inbox = _basil_inbox(tmp_path / "inbox", eval_data)
    Store.open(pg_url).close()  # the schema, so both start on the same footing
    workers = [_ingest_process(inbox, pg_url) for _ in range(2)]
    outputs = [worker.communicate(timeout=600) for worker in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    counts = [_READ.search(out) for out, _ in outputs]
    assert all(counts), outputs
    analysed = [int(found.group(2)) for found in counts if found]
    with Store.open(pg_url) as store:
        stored = store.counts()
        assert stored["pages"] == stored["articles"] == 3 * TRIPLETS
        assert sum(analysed) == stored["analyses"] == 3 * TRIPLETS  # no page analysed twice
        assert store.job_counts() == {"page/done": 3 * TRIPLETS}
        rows = store._db.all("SELECT attempts, count(*) FROM jobs GROUP BY attempts")
        assert [tuple(r) for r in rows] == [(1, 3 * TRIPLETS)]
        assert stored["story_articles"] == 3 * TRIPLETS  # each article placed in one story


def _nlp() -> Any:
    return load_model(SETTINGS.model)


def _exports(db: str) -> dict[str, list[dict[str, object]]]:
    with Store.open(db, create=False) as store:
        return {kind: list(store.export_rows(kind)) for kind in ("articles", "attributions", "stories")}


def test_a_migrated_store_exports_the_same_records(
    pg_url: str, eval_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite = str(tmp_path / "old.db")
    with Store.open(sqlite) as store:
        pipeline.ingest([_basil_inbox(tmp_path / "inbox", eval_data, 3)], store, SETTINGS, _nlp)
        pipeline.update_stories(store, SETTINGS)
        pipeline.publish(store, SETTINGS, created="2024-01-01T00:00:00+00:00", out_dir=tmp_path / "out",
                         everything=True)
        before = store.counts()
        found = [a.id for a in store.search("president", limit=5)]
    assert main(["migrate", "--from", sqlite, "--to", pg_url]) == 0
    assert "copied" in capsys.readouterr().out
    assert _exports(pg_url) == _exports(sqlite)
    with Store.open(pg_url) as store:
        assert store.counts() == before
        assert set(found) <= {a.id for a in store.search("president", limit=50)}
        assert store.latest_edition() is not None
        pipeline.ingest([tmp_path / "inbox"], store, SETTINGS, _nlp)  # identities continue
        store.put_edition(store.latest_edition())  # type: ignore[arg-type]
    assert main(["migrate", "--from", sqlite, "--to", pg_url]) == 6  # not empty: refused
    assert "is not empty" in capsys.readouterr().err


def test_migrate_needs_sqlite_in_and_postgresql_out(pg_url: str, tmp_path: Path) -> None:
    from broadsheet.store.copy import copy_store

    with pytest.raises(StoreError, match="SQLite store"):
        copy_store(pg_url, str(tmp_path / "x.db"))


def _backfill_process(warcs: list[str], url: str, out: Path) -> subprocess.Popen[str]:
    run = "import sys; from broadsheet.cli import main; sys.exit(main())"
    return subprocess.Popen([sys.executable, "-c", run, "backfill", *warcs, "--db", url, "--out", str(out),
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_backfills_on_postgresql_share_the_shards(pg_url: str, tmp_path: Path) -> None:
    from scale_data import warc_of

    warcs = [str(warc_of(tmp_path / "crawl", f"part{n}", 40 + 2 * n, 2)) for n in range(4)]
    Store.open(pg_url).close()
    workers = [_backfill_process(warcs, pg_url, tmp_path / "shards") for _ in range(2)]
    outputs = [worker.communicate(timeout=600) for worker in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    processed = [int(m.group(1)) for out, _ in outputs
                 for m in [re.search(r"shards on .*?: (\d+) processed", out)] if m]
    assert len(processed) == 2 and sum(processed) == 4, outputs  # each shard run by one of them
    with Store.open(pg_url) as store:
        assert store.counts()["shard_loads"] == 4 and store.counts()["articles"] == 8
        assert store.job_counts() == {"shard/done": 4}
        assert store.counts()["story_articles"] == 8


def test_backfill_on_postgresql_needs_a_shard_folder(pg_url: str, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    assert main(["backfill", str(tmp_path / "a.txt"), "--db", pg_url]) == 2
    assert "needs --out DIR" in capsys.readouterr().err


def test_an_interrupted_worker_puts_its_claim_back_at_once(db_target: str, seed_path: Path) -> None:
    from broadsheet.identity import content_hash
    from broadsheet.ingest import read_paths
    from broadsheet.model import Page

    (page,) = [p for p in read_paths([seed_path]) if isinstance(p, Page)]

    def interrupted() -> Any:
        raise KeyboardInterrupt

    with Store.open(db_target) as store:
        store.put_page(page)
        store.enqueue_jobs(pipeline.PAGE_JOB, [(page.id, content_hash(page.content))])
        with pytest.raises(KeyboardInterrupt):
            pipeline.drain_queue(store, SETTINGS, interrupted, pipeline.IngestReport())
        assert store.job_counts() == {"page/queued": 1}  # not held by the stopped worker
        report = pipeline.IngestReport()
        assert pipeline.drain_queue(store, SETTINGS, _nlp, report) == [page.id]
        assert report.articles == 1 and store.job_counts() == {"page/done": 1}
