"""The store's connection, schema versioning, transactions and error translation (real SQLite
files; the backend-neutral tests also against a real PostgreSQL server: ``db_target``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from broadsheet.errors import StoreError
from broadsheet.model import Article, Story
from broadsheet.store import Store, migrations


def article(article_id: str = "u1", text: str = "Body text.") -> Article:
    return Article(id=article_id, source="test", title=f"Title {article_id}", paragraphs=(text,))


def raw_pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_open_creates_file_parent_folders_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "broadsheet.db"
    with Store.open(path) as store:
        assert store.schema_version == migrations.LATEST
    assert path.is_file()
    assert raw_pragma(path, "user_version") == migrations.LATEST


def test_wal_mode_is_on_and_persists_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        store.put_article(article())
        assert Path(f"{path}-wal").exists()
    assert raw_pragma(path, "journal_mode") == "wal"


def test_foreign_keys_are_enforced(db_target: str) -> None:
    with Store.open(db_target) as store, pytest.raises(StoreError, match=r"(?i)FOREIGN KEY"):
        store.replace_stories([Story(id="s1", title="t", article_ids=("missing",))])


def test_reopen_keeps_data_and_applies_no_step_again(db_target: str) -> None:
    path = db_target
    with Store.open(path) as store:
        store.put_article(article())
    with Store.open(path) as store:  # re-running step 1 would fail: its tables exist
        assert store.get_article("u1") == article()
        assert store.schema_version == migrations.LATEST


def test_a_new_step_migrates_an_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "b.db"
    Store.open(path).close()
    step = "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (7);"
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, step))
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with Store.open(path) as store:
        assert store.schema_version == migrations.LATEST == len(migrations.STEPS)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT x FROM extra").fetchall() == [(7,)]


def test_a_failing_step_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.db"
    Store.open(path).close()
    step = "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, step))
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with pytest.raises(StoreError, match="no_such_table"):
        Store.open(path)
    assert raw_pragma(path, "user_version") == len(migrations.STEPS) - 1
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in names


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(StoreError, match=f"schema version {migrations.LATEST + 1}.*upgrade"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a database") as caught:
        Store.open(path)
    assert isinstance(caught.value.__cause__, sqlite3.Error)


def test_a_folder_in_place_of_the_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(tmp_path)


def test_memory_store_works() -> None:
    with Store.open(":memory:") as store:
        store.put_article(article())
        assert store.counts()["articles"] == 1


def test_a_closed_store_raises_store_error(db_target: str) -> None:
    store = Store.open(db_target)
    store.close()
    with pytest.raises(StoreError):
        store.get_article("u1")


def test_text_sqlite_cannot_encode_is_a_store_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        with pytest.raises(StoreError):
            store.put_article(article(text="lone surrogate \ud800"))
        assert store.counts()["articles"] == 0


def test_a_failed_transaction_writes_nothing(db_target: str) -> None:
    with Store.open(db_target) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.put_article(article("u1"))
            store.put_article(article("u2"))
            raise RuntimeError("boom")
        assert store.counts()["articles"] == 0


def test_a_failed_write_inside_a_batch_rolls_back_only_itself(db_target: str) -> None:
    with Store.open(db_target) as store:
        with store.transaction():
            store.put_article(article("u1"))
            with pytest.raises(StoreError):
                store.replace_stories([Story(id="s", title="t", article_ids=("u1", "missing"))])
            store.put_article(article("u2"))
        assert store.counts()["articles"] == 2
        assert store.stories() == []


def test_a_second_connection_reads_what_the_first_committed(db_target: str) -> None:
    path = db_target
    with Store.open(path) as writer, Store.open(path) as reader:
        writer.put_article(article("u1"))
        assert reader.get_article("u1") == article("u1")
        with writer.transaction():
            writer.put_article(article("u2"))
            assert reader.get_article("u2") is None  # not committed yet; WAL: no blocking
        assert reader.has_article("u2")


def test_postgresql_keeps_the_schema_version_and_refuses_a_newer_one(pg_url: str) -> None:
    import psycopg

    Store.open(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM broadsheet_schema").fetchall() == [(migrations.LATEST,)]
        conn.execute("UPDATE broadsheet_schema SET version = version + 1")
    with pytest.raises(StoreError, match="schema version"):
        Store.open(pg_url)


def test_postgresql_drops_nul_which_its_text_cannot_hold(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.put_article(article(text="a\x00b"))
        assert store._db.one("SELECT text FROM articles WHERE id = 'u1'") == ("ab",)
        assert store.get_article("u1") == article(text="a\x00b")  # paragraphs are JSON: \\u0000


def test_a_postgresql_server_that_is_not_there_is_a_store_error(pg_server: str) -> None:
    with pytest.raises(StoreError, match="could not open postgresql://postgres@"):
        Store.open(f"{pg_server}/no_such_database")
