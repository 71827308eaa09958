"""``run_pass`` against a real local server: every case of the issue ends as the right stored
state, nothing already stored is lost, and a run stopped in the middle finishes without duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from broadsheet import scheduler
from broadsheet.analyze.nlp import load_model
from broadsheet.follow import ItemOutcome
from broadsheet.identity import page_id
from broadsheet.ingest.archive import Archive
from broadsheet.ingest.fetch import FetchPolicy, with_allowed
from broadsheet.ingest.session import FetchSession
from broadsheet.model import Source
from broadsheet.settings import load_settings
from broadsheet.store import Store
from broadsheet.timestamps import now, seconds_between, shift
from newsroom import Newsroom, article_html, variant
from newsserver import NewsServer, serving

SETTINGS = replace(load_settings(environ={}, config=Path("/nonexistent.toml")), max_page_bytes=200_000,
                   batch_size=4)


def _nlp() -> Any:
    return load_model(SETTINGS.model)


@pytest.fixture
def server() -> Iterator[NewsServer]:
    with serving() as running:
        yield running


def _session(tmp_path: Path) -> FetchSession:
    """Loopback allowed, nothing else private: the item pointing to 10.0.0.7 is never requested."""
    policy = with_allowed(replace(FetchPolicy.from_settings(SETTINGS), host_delay=0.0, deadline=2.0,
                                  timeout=2.0), "127.0.0.0/8")
    return FetchSession(policy, archive=Archive(tmp_path / "archive"))


def _follow(store: Store, room: Newsroom) -> None:
    for url, title in ((room.feed, None), (room.broken, None), (room.second, "The Second Paper")):
        store.add_source(Source(url=url, title=title, leaning="center"))


def _items(store: Store) -> dict[str, tuple[str, str | None]]:
    rows = store._db.all("SELECT guid, state, last_error FROM feed_items")
    return {r["guid"]: (r["state"], r["last_error"]) for r in rows}


def test_one_pass_ends_every_case_in_the_right_state(tmp_path: Path, server: NewsServer,
                                                     db_target: str) -> None:
    room = Newsroom(server, private_item=True)
    with Store.open(db_target) as store, _session(tmp_path) as session:
        _follow(store, room)
        report = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        items = _items(store)
        articles = {a.url: a for a in store.articles()}
        rejections = {(r.source, r.reason) for r in store.rejections()}

        assert report.sources == 3 and len(report.failed) == 1
        ok = articles[room.page("ok")]
        assert not ok.summary_only and ok.outlet in ("The Harbour Gazette", "The Second Paper")
        assert articles[server.url("/news/final")].title == "Story moved"  # the chain, followed
        assert server.url("/news/moved") not in articles
        busy = articles[room.page("busy")]  # 429, Retry-After 1, then 200
        assert not busy.summary_only and room.busy_calls == 2
        for refused, reason in (("locked", "robots"), ("huge", "too_large"), ("paywall", "paywall")):
            assert articles[room.page(refused)].summary_only, refused
            assert (room.page(refused), reason) in rejections
        charset = articles[room.page("charset")].text  # served as ISO-8859-1, written in UTF-8
        assert "café" in charset and "naïve" in charset and "—" in charset
        assert items["g-gone"][0] == "new" and "404" in (items["g-gone"][1] or "")  # tried again later
        assert items["g-slow"][0] == "new" and (room.page("slow"), "timeout") in rejections
        assert items["g-private"][0] == "rejected" and (room.page("private"), "private_address") in rejections
        assert items["g-old"][0] == "old" and server.hits["/news/old"] == 0
        assert server.hits["/members/locked"] == 0
        full = articles[server.url("/news/full")]
        assert not full.summary_only and server.hits["/news/full"] == 0  # read from the feed itself
        french = store.get_article(page_id(room.page("french"), ""))
        assert french is not None and french.language == "fr" and store.get_analysis(french.id) is None
        assert any(r.reason == "language" and r.page_id == french.id for r in store.rejections())

        # duplicate GUID: one item; the same article from the second feed: fetched once
        assert sum(1 for g in items if g == "g-ok") == 1 and items["second-1"][0] == "done"
        assert server.hits["/news/ok"] == 1
        assert len([a for a in articles if a.endswith("/news/ok")]) == 1

        broken = store.get_source(room.broken)
        assert broken is not None and broken.error_count == 1
        assert (broken.last_error or "").startswith("not_a_feed")
        assert report.stories is not None and report.stories >= 1


def test_a_second_pass_costs_a_304_and_a_broken_feed_loses_nothing(tmp_path: Path,
                                                                   server: NewsServer) -> None:
    room = Newsroom(server)
    with Store.open(tmp_path / "s.db") as store, _session(tmp_path) as session:
        store.add_source(Source(url=room.feed))
        first = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        stored = store.counts()
        assert first.ingest.articles >= 8 and not first.nothing_new

        again = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        assert (again.not_modified, again.nothing_new, again.new_items) == (1, True, 0)
        assert server.seen[-1][1].get("If-None-Match") == '"feed-v1"' or any(
            h.get("If-None-Match") == '"feed-v1"' for p, h in server.seen if p == "/feed.xml")

        room.feed_status = 500
        broken = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        source = store.get_source(room.feed)
        assert broken.nothing_new and source is not None and source.error_count == 1
        assert (source.last_error or "").startswith("server_error")
        assert source.next_check is not None and source.next_check > (source.last_checked or "")
        for table in ("articles", "analyses", "pages", "attributions"):
            assert store.counts()[table] == stored[table], table  # nothing already stored is lost


class Interrupt:
    """A Progress that presses Ctrl-C after ``after`` events of one kind."""

    def __init__(self, kind: str, after: int) -> None:
        self.kind, self.after, self.seen = kind, after, 0

    def _tick(self, kind: str) -> None:
        if kind == self.kind:
            self.seen += 1
            if self.seen >= self.after:
                raise KeyboardInterrupt

    def polled(self, poll: Any, new_items: int) -> None:
        self._tick("polled")

    def item(self, outcome: ItemOutcome) -> None:
        self._tick("item")

    def processed(self, pages: int, report: Any) -> None:
        self._tick("processed")


def _finished(store: Store, room: Newsroom) -> None:
    """After the resumed run: every page stored once, one version each, every item settled."""
    ids = [a.id for a in store.articles()]
    assert len(ids) == len(set(ids))
    assert store.counts()["article_versions"] == len(ids)
    states = {state for state, _ in _items(store).values()}
    assert states <= {"done", "new", "old", "rejected"}  # new: the 404 and the trickle, retried later
    assert "fetched" not in states
    assert store.get_article(page_id(room.page("ok"), "")) is not None


@pytest.mark.parametrize(("kind", "after"), [("processed", 1), ("item", 3)])
def test_a_run_stopped_in_the_middle_finishes_without_duplicates(
        tmp_path: Path, server: NewsServer, kind: str, after: int, db_target: str) -> None:
    room = Newsroom(server)
    small = replace(SETTINGS, batch_size=1)  # pages are processed 4 at a time: several chunks
    with Store.open(db_target) as store:
        store.add_source(Source(url=room.feed))
        with _session(tmp_path) as session, pytest.raises(KeyboardInterrupt):
            scheduler.run_pass(store, session, small, _nlp, all_now=True, progress=Interrupt(kind, after))
        left = {state for state, _ in _items(store).values()}
        assert ("fetched" if kind == "processed" else "new") in left  # stopped with work left
        assert store.counts()["articles"] < 9
        kept = [r["url"] for r in store._db.all(
            "SELECT url FROM feed_items WHERE state IN ('fetched', 'done') AND url LIKE 'http://127.%'")]
        fetched_before = dict(server.hits)
        with _session(tmp_path) as session:
            scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        _finished(store, room)
        assert kept
        for url in kept:  # pages fetched and stored before the stop are not fetched again
            path = "/" + url.split("/", 3)[3]
            assert server.hits[path] == fetched_before.get(path, 0), path


def test_the_archive_rebuilds_the_same_articles_offline(tmp_path: Path, server: NewsServer) -> None:
    from broadsheet import pipeline

    room = Newsroom(server)
    with Store.open(tmp_path / "live.db") as live, _session(tmp_path) as session:
        live.add_source(Source(url=room.feed, title="The Harbour Gazette"))
        scheduler.run_pass(live, session, SETTINGS, _nlp, all_now=True)
        expected = {(a.id, a.title, a.text, a.summary_only, a.outlet, a.published) for a in live.articles()}
    server.stop()  # offline from here on
    with Store.open(tmp_path / "rebuilt.db") as rebuilt:
        report = pipeline.ingest([tmp_path / "archive"], rebuilt, SETTINGS, _nlp)
        got = {(a.id, a.title, a.text, a.summary_only, a.outlet, a.published) for a in rebuilt.articles()}
    assert report.pages >= len(expected) and got == expected


def test_run_forever_follows_each_sources_next_check(tmp_path: Path, server: NewsServer) -> None:
    room = Newsroom(server)
    every = replace(SETTINGS, poll_interval="30m")
    reports: list[scheduler.PassReport] = []
    waits: list[float] = []
    with Store.open(tmp_path / "s.db") as store, _session(tmp_path) as session:
        store.add_source(Source(url=room.second))
        done = scheduler.run_forever(store, session, every, _nlp, on_pass=reports.append,
                                     sleep=waits.append, passes=2)
        source = store.get_source(room.second)
    assert done == 2 and [r.sources for r in reports] == [1, 0]  # polled now, then not yet due
    assert len(waits) == 1 and 1500 < waits[0] <= 1800  # slept until its next check, 30 min on
    assert source is not None and source.next_check is not None and server.hits["/second.xml"] == 1


def _atom(server: NewsServer, updated: str) -> str:
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Harbour</title>'
            f'<id>urn:x</id><updated>{updated}</updated><entry><title>Bridge</title><id>tag:bridge</id>'
            f'<link href="{server.url("/news/bridge")}"/><published>{now()}</published>'
            f"<updated>{updated}</updated><summary>The bridge.</summary></entry></feed>")


def test_an_updated_item_is_fetched_again_as_a_new_version(tmp_path: Path, server: NewsServer,
                                                           db_target: str) -> None:
    first = shift(now(), -3600)
    server.add("/atom.xml", _atom(server, first), headers={"Content-Type": "application/atom+xml"})
    server.add("/news/bridge", article_html("Bridge to reopen", variant(0)),
               headers={"Content-Type": "text/html"})
    with Store.open(db_target) as store, _session(tmp_path) as session:
        store.add_source(Source(url=server.url("/atom.xml")))
        scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        (article,) = store.articles()
        assert article.version == 1
        again = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        assert again.nothing_new and server.hits["/news/bridge"] == 1  # same item, same date: not fetched

        server.add("/atom.xml", _atom(server, now()), headers={"Content-Type": "application/atom+xml"})
        server.add("/news/bridge", article_html("Bridge to stay shut", variant(7)),
                   headers={"Content-Type": "text/html"})
        updated = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        (article,) = store.articles()
        assert (updated.ingest.articles, article.version, server.hits["/news/bridge"]) == (1, 2, 2)
        assert "9 years" in article.text and store.article_version(article.id, 1) is not None


def test_a_source_that_asks_for_a_pause_is_not_polled_before_it_ends(tmp_path: Path,
                                                                      server: NewsServer) -> None:
    server.add("/limited.xml", "slow down", status=429, headers={"Retry-After": "3600"})
    with Store.open(tmp_path / "s.db") as store, _session(tmp_path) as session:
        store.add_source(Source(url=server.url("/limited.xml")))
        first = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        source = store.get_source(server.url("/limited.xml"))
        assert first.sources == 1 and source is not None and source.error_count == 1
        assert (source.last_error or "").startswith("rate_limited") and source.retry_after is not None
        assert 3500 < seconds_between(now(), source.retry_after) <= 3600
        assert source.next_check is not None and source.next_check >= source.retry_after
        second = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        assert second.sources == 0 and server.hits["/limited.xml"] <= 3  # its retries, then no more


def test_a_news_sitemap_index_is_followed(tmp_path: Path, server: NewsServer) -> None:
    stamp = now()
    server.add("/sitemap-index.xml", f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
               f'schemas/sitemap/0.9"><sitemap><loc>{server.url("/sitemap-news.xml")}</loc>'
               f"<lastmod>{stamp}</lastmod></sitemap></sitemapindex>",
               headers={"Content-Type": "application/xml"})
    server.add("/sitemap-news.xml", f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
               f'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>'
               f'{server.url("/news/harbour")}</loc><news:news><news:publication_date>{stamp}'
               f"</news:publication_date><news:title>Harbour fire</news:title></news:news></url></urlset>",
               headers={"Content-Type": "application/xml"})
    server.add("/news/harbour", article_html("Fire at the harbour", variant(8)),
               headers={"Content-Type": "text/html"})
    with Store.open(tmp_path / "s.db") as store, _session(tmp_path) as session:
        store.add_source(Source(url=server.url("/sitemap-index.xml")))
        report = scheduler.run_pass(store, session, SETTINGS, _nlp, all_now=True)
        (article,) = store.articles()
        source = store.get_source(server.url("/sitemap-index.xml"))
    assert report.ingest.articles == 1 and article.title == "Harbour fire"
    assert source is not None and source.kind == "sitemap"


def test_two_runs_on_postgresql_never_fetch_an_item_or_process_a_page_twice(
        tmp_path: Path, server: NewsServer, pg_url: str) -> None:
    import threading

    room = Newsroom(server)
    small = replace(SETTINGS, batch_size=1)
    with Store.open(pg_url) as store:
        _follow(store, room)
    reports: list[scheduler.PassReport] = []

    def follow(name: str) -> None:
        with Store.open(pg_url) as mine, _session(tmp_path / name) as session:
            reports.append(scheduler.run_pass(mine, session, small, _nlp, all_now=True))

    runs = [threading.Thread(target=follow, args=(f"run{i}",)) for i in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    with Store.open(pg_url) as store:
        _finished(store, room)
        analysed = store.counts()["analyses"]
        assert analysed > 0 and sum(r.ingest.articles for r in reports) == analysed
        assert len(reports) == 2 and set(store.job_counts()) == {"page/done", "item/done"}
    for name in ("ok", "charset", "french", "full"):  # each item fetched by one of the runs
        assert server.hits["/news/" + name] <= 1, name
