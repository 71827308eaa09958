"""The commands that follow the news, as a user runs them, against a local server.

Loopback is allowed the way a user would allow it (``BROADSHEET_ALLOW_PRIVATE_ADDRESSES=1``), so
these tests never serve an item that points anywhere but the local server.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broadsheet.cli import main
from broadsheet.store import Store
from broadsheet.store.lock import store_lock
from newsroom import Newsroom, article_html, variant
from newsserver import NewsServer, serving


@pytest.fixture
def server() -> Iterator[NewsServer]:
    with serving() as running:
        yield running


@pytest.fixture(autouse=True)
def local_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"ALLOW_PRIVATE_ADDRESSES": "1", "HOST_DELAY": "0", "FETCH_DEADLINE": "2",
                        "FETCH_TIMEOUT": "2", "MAX_PAGE_BYTES": "200000", "BATCH_SIZE": "4"}.items():
        monkeypatch.setenv(f"BROADSHEET_{name}", value)
    monkeypatch.setenv("BROADSHEET_CONFIG", "/nonexistent.toml")


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_a_home_page_run_once_then_nothing_new(tmp_path: Path, server: NewsServer,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    room = Newsroom(server)
    server.add("/", '<html><head><link rel="alternate" type="application/rss+xml" title="News" '
               'href="/feed.xml"></head><body>Welcome</body></html>', headers={"Content-Type": "text/html"})
    db = str(tmp_path / "news.db")
    code, out, _ = _run(capsys, "sources", "add", server.url("/"), "--leaning", "center", "--db", db)
    assert code == 0 and f"added {room.feed} (found on {server.url('/')})" in out
    code, out, _ = _run(capsys, "sources", "list", "--format", "jsonl", "--db", db)
    (listed,) = _jsonl(out)
    assert {"url", "title", "leaning", "last_error", "error_count", "next_check"} <= set(listed)
    assert (listed["url"], listed["leaning"], listed["error_count"]) == (room.feed, "center", 0)

    code, out, err = _run(capsys, "run", "--once", "--db", db)
    assert code == 0 and "stories" in out and "nothing new" not in out
    assert f"source {room.feed}: " in err and "fetched       " in err  # log lines off a terminal
    with Store.open(db) as store:
        assert store.counts()["articles"] >= 8
    assert (tmp_path / "news-archive").is_dir()

    code, out, _ = _run(capsys, "run", "--once", "--db", db)
    assert code == 0 and "nothing new" in out and "1 not modified" in out
    assert [h.get("If-None-Match") for p, h in server.seen if p == "/feed.xml"][-1] == '"feed-v1"'
    code, out, _ = _run(capsys, "status", "--db", db)
    assert "feed items" in out and "stored, not analysed" in out and "'fr'" in out


def test_a_refused_source_says_why(tmp_path: Path, server: NewsServer,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow: /closed/\n")
    server.add("/closed/feed.xml", "<rss/>")
    server.add("/plain", "<html><head><title>No feed</title></head><body>Hello</body></html>",
               headers={"Content-Type": "text/html"})
    db = str(tmp_path / "s.db")
    cases = (("/closed/feed.xml", "robots"), ("/missing.xml", "not_found"), ("/plain", "no feed"))
    for path, reason in cases:
        code, _, err = _run(capsys, "sources", "add", server.url(path), "--db", db)
        assert code == 3 and reason in err, (path, err)
    assert server.hits["/closed/feed.xml"] == 0
    monkeypatch.setenv("BROADSHEET_ALLOW_PRIVATE_ADDRESSES", "0")
    before = sum(server.hits.values())
    code, _, err = _run(capsys, "sources", "add", server.url("/feed.xml"), "--db", db)
    assert code == 3 and "private_address" in err and sum(server.hits.values()) == before
    assert not Path(db).exists()  # a refused address leaves no store behind
    code, _, err = _run(capsys, "run", "--once", "--db", db)
    assert code == 6 and "there is no store" in err


def test_broken_sources_keep_their_error_on_their_row(tmp_path: Path, server: NewsServer,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    room = Newsroom(server)
    opml = tmp_path / "mine.opml"
    gone = server.url("/nofeed.xml")
    opml.write_text(f'<opml version="2.0"><body><outline text="Gone" xmlUrl="{gone}"/>'
                    f'<outline text="Broken" xmlUrl="{room.broken}" leaning="right"/></body></opml>')
    db = str(tmp_path / "s.db")
    assert _run(capsys, "sources", "import", str(opml), "--db", db)[0] == 0
    code, out, err = _run(capsys, "run", "--once", "--db", db)
    assert code == 0 and "nothing new" in out and "source failed" in err
    code, out, _ = _run(capsys, "sources", "list", "--format", "jsonl", "--db", db)
    health = {s["url"]: (s["error_count"], (s["last_error"] or "").split(":")[0]) for s in _jsonl(out)}
    assert health == {server.url("/nofeed.xml"): (1, "not_found"), room.broken: (1, "not_a_feed")}
    code, out, _ = _run(capsys, "sources", "list", "--db", db)
    assert out.count("BROKEN") == 2
    code, out, _ = _run(capsys, "status", "--db", db)
    assert out.count("broken source") == 2


def test_opml_import_export_and_the_shipped_defaults(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = _run(capsys, "sources", "import", "--defaults", "--db", db)
    assert code == 0 and "nothing is fetched until broadsheet run" in out
    code, exported, _ = _run(capsys, "sources", "export", "--db", db)
    assert code == 0 and exported.count("<outline ") >= 40 and 'leaning="right"' in exported
    with Store.open(db) as store:  # nothing was fetched: no source has been checked
        assert all(s.last_checked is None for s in store.followed_sources())
    again = tmp_path / "exported.opml"
    again.write_text(exported)
    code, out, _ = _run(capsys, "sources", "import", str(again), "--db", str(tmp_path / "other.db"))
    assert code == 0 and "(" in out
    code, first, _ = _run(capsys, "sources", "list", "--format", "jsonl", "--db", db)
    code, second, _ = _run(capsys, "sources", "list", "--format", "jsonl", "--db", str(tmp_path / "other.db"))
    strip = ("next_check",)
    assert [{k: v for k, v in s.items() if k not in strip} for s in _jsonl(first)] == \
        [{k: v for k, v in s.items() if k not in strip} for s in _jsonl(second)]


def test_remove_keeps_the_articles(tmp_path: Path, server: NewsServer,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    room = Newsroom(server)
    db = str(tmp_path / "s.db")
    assert _run(capsys, "sources", "add", room.feed, "--db", db)[0] == 0
    assert _run(capsys, "run", "--once", "--db", db)[0] == 0
    with Store.open(db) as store:
        articles = store.counts()["articles"]
    code, out, _ = _run(capsys, "sources", "remove", room.feed, "--db", db)
    assert code == 0 and "its articles stay" in out
    with Store.open(db) as store:
        assert store.counts()["articles"] == articles and store.counts()["feed_items"] == 0
    assert _run(capsys, "sources", "remove", room.feed, "--db", db)[0] == 3


def test_ingest_url_and_the_same_article_from_a_feed_are_one(tmp_path: Path, server: NewsServer,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    room = Newsroom(server)
    db = str(tmp_path / "s.db")
    code, out, _ = _run(capsys, "ingest", room.page("ok") + "?utm_source=twitter", "--db", db)
    assert code == 0 and "1 articles extracted and analysed" in out
    assert _run(capsys, "sources", "add", room.feed, "--db", db)[0] == 0
    assert _run(capsys, "run", "--once", "--db", db)[0] == 0
    with Store.open(db) as store:
        urls = [a.url or "" for a in store.articles()]
    assert sum("/news/ok" in url for url in urls) == 1
    assert sum(n for path, n in server.hits.items() if path.startswith("/news/ok")) == 1  # fetched once
    code, _, err = _run(capsys, "ingest", server.url("/news/gone"), "--db", db)
    assert code == 3 and "not_found" in err


def test_a_second_run_on_the_same_store_is_refused(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    Store.open(db).close()
    with store_lock(db):
        code, _, err = _run(capsys, "run", "--once", "--db", db)
        assert code == 6 and "busy" in err and f"pid {os.getpid()}" in err
        assert _run(capsys, "prune", "--db", db)[0] == 6
    code, _, err = _run(capsys, "run", "--once", "--db", db)  # free again: now it says what is missing
    assert code == 3 and "no sources to follow" in err


def test_prune_applies_keep_days_and_the_size_cap(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    Store.open(db).close()
    folder = tmp_path / "s-archive"
    folder.mkdir()
    old, big, new = (folder / f"broadsheet-{n}.warc.gz" for n in ("1-old", "2-big", "3-new"))
    for path, size, age in ((old, 10, 40), (big, 5000, 3), (new, 10, 2)):
        path.write_bytes(b"x" * size)
        stamp = time.time() - age * 86400
        os.utime(path, (stamp, stamp))
    keep = tmp_path / "s-archive" / "notes.txt"
    keep.write_text("not an archive file")
    code, out, _ = _run(capsys, "prune", "--keep-days", "30", "--archive-max-bytes", "1000", "--db", db)
    assert code == 0 and "deleted 2 files" in out
    assert not old.exists() and not big.exists() and new.exists() and keep.exists()


def test_an_archive_rebuilds_the_store_offline(tmp_path: Path, server: NewsServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    room = Newsroom(server)
    server.add("/extra", article_html("Ferry timetable changes", variant(9)),
               headers={"Content-Type": "text/html"})
    db = str(tmp_path / "live.db")
    assert _run(capsys, "sources", "add", room.feed, "--db", db)[0] == 0
    assert _run(capsys, "run", "--once", "--db", db)[0] == 0
    assert _run(capsys, "ingest", server.url("/extra"), "--db", db)[0] == 0
    server.stop()
    assert _run(capsys, "ingest", str(tmp_path / "live-archive"), "--db", str(tmp_path / "re.db"))[0] == 0
    with Store.open(db) as live, Store.open(tmp_path / "re.db") as rebuilt:
        expected = sorted((a.id, a.text) for a in live.articles())
        assert sorted((a.id, a.text) for a in rebuilt.articles()) == expected
