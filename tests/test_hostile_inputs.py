"""Hostile inputs end as a failure value or a stored rejection, never as a request to an internal
address, a read of a local file, an expanded entity bomb or a dead worker (issue 12)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import brotli
import pytest

from broadsheet import scheduler
from broadsheet.analyze.nlp import load_model
from broadsheet.errors import UnreadableInput
from broadsheet.extract import extract
from broadsheet.ingest.feeds import parse_feed
from broadsheet.ingest.fetch import Fetched, FetchFailure, FetchPolicy, with_allowed
from broadsheet.ingest.opml import read_opml
from broadsheet.ingest.session import FetchSession
from broadsheet.model import Article, Page, Rejected, Source
from broadsheet.settings import load_settings
from broadsheet.store import Store
from newsroom import article_html, rss, rss_item, variant
from newsserver import NewsServer, Trickle, serving
from test_fetch import POLICY, fetch_one

REPO = Path(__file__).resolve().parent.parent
CLOSED = replace(POLICY, allowed_networks=())


@pytest.fixture
def server() -> Iterator[NewsServer]:
    with serving() as running:
        yield running


# --- addresses ------------------------------------------------------------------------------

ODD_LOOPBACK = ("2130706433", "0x7f.1", "017700000001", "127.1", "0x7f000001", "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]", "[::1]", "localhost")


@pytest.mark.parametrize("host", ODD_LOOPBACK)
def test_odd_spellings_of_loopback_are_refused_and_never_connected(server: NewsServer, host: str) -> None:
    server.add("/page", "secret admin page")
    result = fetch_one(f"http://{host}:{server.port}/page", CLOSED)
    assert isinstance(result, FetchFailure) and result.reason in ("private_address", "bad_url"), result
    assert server.hits["/page"] == 0


@pytest.mark.parametrize(("target", "reason"), [
    ("http://0x7f.2:{port}/page", "private_address"), ("http://2130706434:{port}/page", "private_address"),
    ("http://017700000002:{port}/page", "private_address"), ("http://100.64.0.1/", "private_address"),
    ("http://[::ffff:127.0.0.2]:{port}/page", "private_address"),
    ("http://[::ffff:169.254.169.254]/latest/", "private_address"),
    ("file:///etc/passwd", "bad_url"), ("ftp://127.0.0.1/x", "bad_url"),
    ("gopher://127.0.0.1:70/x", "bad_url")])
def test_every_redirect_hop_is_checked_again(server: NewsServer, target: str, reason: str) -> None:
    """Only 127.0.0.1 is allowed (the test server); the redirect goes to another loopback address
    spelled oddly, to CGNAT or link-local space, or to another scheme: refused on that hop."""
    location = target.format(port=server.port)
    start = server.add("/out", status=302, headers={"Location": location})
    result = fetch_one(start, with_allowed(CLOSED, "127.0.0.1/32"))
    assert isinstance(result, FetchFailure) and result.reason == reason, result
    assert server.hits["/out"] == 1


def test_credentials_are_dropped_on_a_cross_origin_redirect() -> None:
    with serving() as first, serving() as second:
        second.add("/landing", "<p>landed</p>", headers={"Content-Type": "text/html"})
        first.add("/same", status=302, headers={"Location": second.url("/landing")})
        first.add("/start", status=302, headers={"Location": "/same"})
        url = first.url("/start").replace("http://", "http://reader:s3cret@")
        result = fetch_one(url)
        assert isinstance(result, Fetched) and result.final_url == second.url("/landing")
    sent = {path: headers for path, headers in first.seen}
    assert "Authorization" in sent["/start"]  # the user's own credentials, to the origin they named
    assert "Authorization" in sent["/same"]  # same origin: kept
    landing = dict(second.seen)["/landing"]
    assert "Authorization" not in landing and "s3cret" not in repr(landing)


def test_opml_keeps_only_http_and_https_sources() -> None:
    opml = b"""<?xml version="1.0"?><opml version="2.0"><body>
      <outline xmlUrl="https://good.example/feed.xml" title="good"/>
      <outline xmlUrl="file:///etc/passwd" title="file"/>
      <outline xmlUrl="javascript:alert(1)" title="js"/>
      <outline xmlUrl="ftp://files.example/feed" title="ftp"/>
      <outline xmlUrl="gopher://127.0.0.1:70/" title="gopher"/></body></opml>"""
    assert [s.url for s in read_opml(opml)] == ["https://good.example/feed.xml"]


# --- resource limits --------------------------------------------------------------------------

def test_stacked_content_encodings_are_decoded_under_the_cap(server: NewsServer) -> None:
    cap = POLICY.max_bytes
    bomb = gzip.compress(gzip.compress(b"a" * (cap * 50)))
    page = b"<p>" + b"The bridge reopens. " * 100 + b"</p>"
    server.add("/gzip-gzip-bomb", bomb, headers={"Content-Encoding": "gzip, gzip"})
    server.add("/gzip-br", brotli.compress(gzip.compress(page)), headers={"Content-Encoding": "gzip, br"})
    server.add("/four", gzip.compress(gzip.compress(gzip.compress(gzip.compress(page)))),
               headers={"Content-Encoding": "gzip, gzip, gzip, gzip"})
    server.add("/unknown", page, headers={"Content-Encoding": "gzip, zstd"})
    assert len(bomb) < 1000  # a tiny body on the wire
    bombed = fetch_one(server.url("/gzip-gzip-bomb"))
    assert isinstance(bombed, FetchFailure) and bombed.reason == "too_large"
    stacked = fetch_one(server.url("/gzip-br"))
    assert isinstance(stacked, Fetched) and stacked.content == page
    for path in ("/four", "/unknown"):
        refused = fetch_one(server.url(path))
        assert isinstance(refused, FetchFailure) and refused.reason == "bad_encoding", path


def test_a_server_trickling_a_byte_every_two_seconds_is_cut_off(server: NewsServer) -> None:
    url = server.add("/drip", trickle=Trickle(chunk=b"x", interval=2.0, count=1000))
    result = fetch_one(url, replace(POLICY, timeout=5.0, deadline=3.0))  # every read is in time
    assert isinstance(result, FetchFailure) and result.reason == "timeout"


def _laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
            '<title>t</title><item><title>&lol9;</title><link>https://a.example/x</link></item>'
            '</channel></rss>').encode()


def _quadratic() -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"A" * 20_000}">]><rss version="2.0">'
            f'<channel><title>t</title><item><title>{"&a;" * 20_000}</title>'
            '<link>https://a.example/x</link></item></channel></rss>').encode()


def _xxe(secret: Path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>t</title><item><title>&x;</title>'
            '<description>&x;</description><link>https://a.example/x</link></item></channel></rss>').encode()


def test_entity_bombs_and_external_entities_are_refused_before_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-7c1d")
    parsed: list[object] = []
    real = feedparser.parse
    monkeypatch.setattr(feedparser, "parse", lambda *a, **k: parsed.append(a) or real(*a, **k))
    utf16 = _laughs().decode().replace('encoding="utf-8"', "").encode("utf-16")
    for name, body in (("laughs", _laughs()), ("quadratic", _quadratic()), ("xxe", _xxe(secret)),
                       ("utf16", utf16), ("sitemap", _laughs().replace(b"<rss", b"<urlset"))):
        with pytest.raises(UnreadableInput) as refused:
            parse_feed(body, "https://a.example/feed")
        assert refused.value.reason == "entities", name
    assert parsed == []  # no parser ever saw them
    with pytest.raises(UnreadableInput):
        read_opml(_laughs().replace(b"<rss", b"<opml"))


def test_an_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOPSECRET-7c1d">')
    body = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://{secret}"><rss version="2.0"><channel>'
            '<title>t</title><item><title>x &leak; y</title><link>https://a.example/x</link></item>'
            '</channel></rss>').encode()
    feed = parse_feed(body, "https://a.example/feed")
    assert "TOPSECRET" not in repr(feed)


def _page(markup: str) -> Page:
    return Page(id="p", source="https://news.example/2024/05/01/story", kind="html", content=markup,
                url="https://news.example/2024/05/01/story")


def test_pathological_html_is_rejected_or_extracted_without_killing_the_worker() -> None:
    nested = "<html><body>" + "<div>" * 200_000 + "<p>deep</p>" + "</div>" * 200_000 + "</body></html>"
    empty = "<html><body>" + "<p></p>" * 1_000_000  # took trafilatura minutes before the tag cap
    for markup in (nested, empty):
        refused = extract(_page(markup))
        assert isinstance(refused, Rejected) and refused.reason == "too_complex"
    huge = "<html><body><p>" + "word " * 10_000_000 + "</p></body></html>"  # a 50 MB text node
    result = extract(_page(huge))
    assert isinstance(result, Article | Rejected)
    if isinstance(result, Article):
        assert len(result.text) <= 5_000_000  # cut at the markup cap, not 50 MB


# --- only bytes reach the parsers -------------------------------------------------------------

def test_feedparser_and_trafilatura_are_only_handed_content() -> None:
    """feedparser given a str tries it as a URL or a file name: every call must pass a BytesIO;
    trafilatura only from ``run_trafilatura`` and the metadata reader (a tree parsed from the
    markup in memory), the one parse of the markup, or the benchmark's baseline."""
    calls: list[str] = []
    for path in sorted((REPO / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(feedparser|trafilatura)\.([\w.]+)\(([^,)]*)", text):
            argument = " ".join(match.group(3).split())
            calls.append(f"{path.relative_to(REPO / 'src')}:{match.group(1)}.{match.group(2)}({argument}")
        assert not re.search(r"from (feedparser|trafilatura)\b.* import", text), path
    allowed = {"broadsheet/ingest/feeds.py:feedparser.parse(io.BytesIO(data",
               "broadsheet/extract/htmlruns.py:trafilatura.bare_extraction(tree",
               "broadsheet/extract/htmlruns.py:trafilatura.utils.is_dubious_html(beginning",
               "broadsheet/extract/htmlruns.py:trafilatura.utils.repair_faulty_html(markup",
               "broadsheet/bench/metadata.py:trafilatura.bare_extraction(markup",
               "broadsheet/bench/outlets.py:trafilatura.metadata.extract_metadata(markup",
               "broadsheet/bench/extraction.py:trafilatura.extract(markup",
               "broadsheet/bench/hostile.py:feedparser.parse(io.BytesIO(body"}  # the baseline
    # byline.py and runs.py are handed the tree htmlruns.py parsed, never markup or an address
    on_trees = {c for c in calls if c.startswith(("broadsheet/extract/byline.py:trafilatura.",
                                                  "broadsheet/extract/runs.py:trafilatura."))}
    assert set(calls) - on_trees <= allowed, set(calls) - on_trees - allowed
    assert "broadsheet/ingest/feeds.py:feedparser.parse(io.BytesIO(data" in calls


def test_trafilatura_receives_the_page_markup_never_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura
    from lxml.html import HtmlElement

    from broadsheet.extract import htmlruns

    parsed: list[Any] = []
    seen: list[Any] = []
    real, load = trafilatura.bare_extraction, htmlruns.parse_html
    monkeypatch.setattr(htmlruns, "parse_html",
                        lambda markup, *rest: parsed.append(markup) or load(markup, *rest))
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda tree, **k: seen.append(tree) or real(
        tree, **k))
    markup = article_html("Bridge to reopen", variant(0))
    extract(_page(markup))
    assert markup in parsed  # the one parse of the page, from the markup in memory
    assert all(isinstance(m, HtmlElement) or m == markup for m in parsed)
    assert seen and all(isinstance(m, HtmlElement) for m in seen)  # the runs get that tree


# --- a pass goes on past its hostile sources --------------------------------------------------

def test_a_pass_keeps_going_past_bombs_and_stores_the_good_source(tmp_path: Path, server: NewsServer) -> None:
    settings = replace(load_settings(environ={}, config=Path("/nonexistent.toml")),
                       max_page_bytes=200_000, batch_size=4)
    server.add("/robots.txt", "User-agent: *\nAllow: /\n")
    server.add("/news/ok", article_html("Bridge to reopen in May", variant(0)),
               headers={"Content-Type": "text/html"})
    server.add("/news/deep", "<html><body>" + "<div>" * 200_000 + "</div>" * 200_000 + "</body></html>",
               headers={"Content-Type": "text/html"})
    server.add("/news/bomb", gzip.compress(b"<p>" + b"x" * 5_000_000 + b"</p>"),
               headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    good = server.add("/good.xml", rss("Gazette", [
        rss_item(f"g-{name}", server.url(f"/news/{name}"), f"Story {name}", summary="A teaser.")
        for name in ("ok", "deep", "bomb")]), headers={"Content-Type": "application/rss+xml"})
    hostile = {name: server.add(f"/{name}.xml", body, headers={"Content-Type": "application/rss+xml"})
               for name, body in (("laughs", _laughs()), ("quadratic", _quadratic()),
                                  ("xxe", _xxe(tmp_path / "none")))}
    policy = with_allowed(replace(FetchPolicy.from_settings(settings), host_delay=0.0, deadline=5.0,
                                  timeout=5.0), "127.0.0.0/8")
    with Store.open(tmp_path / "s.db") as store, FetchSession(policy) as session:
        for url in (good, *hostile.values()):
            store.add_source(Source(url=url))
        report = scheduler.run_pass(store, session, settings, lambda: load_model(settings.model),
                                    all_now=True)
        errors = {s["url"]: s["last_error"] for s in store._db.all("SELECT url, last_error FROM sources")}
        articles = {a.url for a in store.articles() if not a.summary_only}
        rejected = {(r.source, r.reason) for r in store.rejections()}
    assert len(report.failed) == 3
    assert all("declares XML entities" in (errors[url] or "") for url in hostile.values()), errors
    assert server.url("/news/ok") in articles
    assert (server.url("/news/bomb"), "too_large") in rejected
    assert server.url("/news/deep") not in articles


def test_the_fetcher_is_the_only_way_out() -> None:
    """One chokepoint: no module outside ``ingest/fetch.py`` (and its guard and session) builds an
    HTTP client or opens a URL; the benchmarks talk to their own servers on 127.0.0.1 only."""
    opener = re.compile(r"httpx\.(Async)?Client\(|urlopen\(|urllib\.request|http\.client|requests\.(get|post)"
                        r"|aiohttp|\.fetch_url\(|socket\.create_connection\(")
    allowed = {"broadsheet/ingest/fetch.py", "broadsheet/ingest/guard.py", "broadsheet/ingest/session.py"}
    found = set()
    for path in sorted((REPO / "src").rglob("*.py")):
        name = str(path.relative_to(REPO / "src"))
        if opener.search(path.read_text(encoding="utf-8")) and not name.startswith("broadsheet/bench/"):
            found.add(name)
    assert found <= allowed, found - allowed
    assert "broadsheet/ingest/fetch.py" in found
