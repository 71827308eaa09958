"""Every feed format becomes the same items; OPML and feed discovery read what users bring."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from broadsheet.errors import UnreadableInput
from broadsheet.ingest.discover import canonical_link, feed_links, guesses
from broadsheet.ingest.feeds import parse_feed
from broadsheet.ingest.opml import read_opml, write_opml
from broadsheet.model import Source
from conftest import TEST_DATA

FEEDS = TEST_DATA / "feeds"


def _parse(name: str, url: str = "https://feeds.example/feed", content_type: str = ""):  # type: ignore[no-untyped-def]
    return parse_feed((FEEDS / name).read_bytes(), url, content_type)


def test_rss2_items_carry_guid_link_dates_and_full_content() -> None:
    feed = _parse("rss2.xml", "https://gazette.example/world/rss")
    assert (feed.kind, feed.title, feed.language) == ("feed", "The Gazette — World", "en")
    assert feed.ttl_seconds == 3600
    first, second = feed.items
    assert first.guid == "gazette-1001" and first.title == "Bridge reopens after two years"
    assert first.url == "https://gazette.example/world/bridge-reopens?utm_source=rss"
    assert first.summary == "The mayor said the bridge will reopen in May."
    assert first.published == "2019-11-05T10:00:00+00:00" and first.author == "Jane Reporter"
    assert second.url == "https://gazette.example/world/the-river"  # relative link, resolved
    assert second.published == "2019-11-04T07:30:00+00:00"  # +0100 read as UTC, one clock
    assert second.content is not None and "a hundred years" in second.content


@pytest.mark.parametrize(("name", "title", "url", "published"), [
    ("rss1.rdf", "Council votes on budget", "https://wire.example/a", "2019-11-05T09:00:00+00:00"),
    ("rss091.xml", "Café owners protest", "http://oldtimes.example/cafe", None),
    ("atom.xml", "Storm hits the coast", "https://herald.example/storm", "2019-11-05T11:00:00+00:00"),
    ("feed.json", "Polls open", "https://journal.example/elections", "2019-11-05T07:00:00+00:00"),
    ("news-sitemap.xml", "Fire at the harbour", "https://daily.example/news/harbour-fire",
     "2019-11-05T13:10:00+00:00"),
])
def test_every_format_becomes_the_same_item(name: str, title: str, url: str, published: str | None) -> None:
    item = _parse(name).items[0]
    assert (item.title, item.url, item.published) == (title, url, published)
    assert item.guid


def test_json_feed_content_and_author() -> None:
    feed = _parse("feed.json")
    assert (feed.title, feed.site_url) == ("JSON Journal", "https://journal.example/")
    assert feed.items[0].author == "Ana Lyst"
    assert feed.items[1].content == "<p>Shares rose sharply on Tuesday.</p>"
    assert feed.items[1].summary == "Shares rose sharply on Tuesday."


def test_sitemaps_and_their_indexes() -> None:
    sitemap = _parse("news-sitemap.xml")
    assert sitemap.kind == "sitemap" and len(sitemap.items) == 2
    assert sitemap.items[1].published == "2019-11-04T00:00:00+00:00"  # lastmod when no news date
    index = _parse("sitemap-index.xml")
    assert index.items == () and index.children == ("https://daily.example/sitemap-news.xml",
                                                    "https://daily.example/sitemap-old.xml")
    packed = parse_feed(gzip.compress((FEEDS / "news-sitemap.xml").read_bytes()), "https://d.example/s.xml.gz")
    assert packed.items == sitemap.items


def test_duplicate_guids_are_one_item() -> None:
    feed = _parse("duplicate-guids.xml")
    assert [i.title for i in feed.items] == ["First telling", "Other"]


@pytest.mark.parametrize("body", [(FEEDS / "broken.xml").read_bytes(), b"<html><body>a page</body></html>",
                                  b"{\"not\": \"a feed\"}", b"   "])
def test_what_is_not_a_feed_says_so(body: bytes) -> None:
    with pytest.raises(UnreadableInput) as caught:
        parse_feed(body, "https://x.example/feed", "application/json" if body.startswith(b"{") else "")
    assert caught.value.reason in ("not_a_feed", "empty")


def test_feedparser_never_reads_a_body_as_a_file_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><title>SECRET</title></channel></rss>')
    with pytest.raises(UnreadableInput):
        parse_feed(str(secret).encode(), "https://x.example/feed")  # a body that is a path


def test_feed_discovery_and_canonical_links() -> None:
    page = """<html><head><base href="https://site.example/news/">
      <link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="atom">
      <link rel="alternate" type="text/html" href="/other">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="canonical" href="https://www.site.example/news/story-1">
      </head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>"""
    links = feed_links(page, "https://site.example/news/story-1?at_medium=RSS")
    assert [(f.url, f.format) for f in links] == [("https://site.example/rss.xml", "rss"),
                                                  ("https://site.example/news/atom", "atom")]
    assert canonical_link(page, "https://site.example/x") == "https://www.site.example/news/story-1"
    elsewhere = '<head><link rel="canonical" href="https://other.example/story"></head>'
    assert canonical_link(elsewhere, "https://site.example/story") is None  # not another site's
    assert guesses("https://blog.example/post/1")[0] == "https://blog.example/feed"


def test_opml_from_feed_readers_round_trips_with_leanings() -> None:
    opml = b"""<?xml version="1.0"?><opml version="1.0"><head><title>Miniflux</title></head><body>
      <outline text="World"><outline title="BBC" text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"
        htmlUrl="https://www.bbc.co.uk/news" type="rss" leaning="Center"/></outline>
      <outline text="Fox" xmlurl="https://moxie.foxnews.com/google-publisher/latest.xml" leaning="right"/>
      <outline text="no feed"/><outline text="bad" xmlUrl="file:///etc/passwd"/>
      <outline text="BBC again" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/>
    </body></opml>"""
    sources = read_opml(opml)
    assert [(s.url, s.title, s.leaning) for s in sources] == [
        ("https://feeds.bbci.co.uk/news/rss.xml", "BBC", "center"),
        ("https://moxie.foxnews.com/google-publisher/latest.xml", "Fox", "right")]
    assert read_opml(write_opml(sources).encode()) == sources


def test_opml_refuses_what_is_not_opml_and_resolves_no_entity() -> None:
    for data in (b"<rss/>", b"not xml"):
        with pytest.raises(UnreadableInput):
            read_opml(data)
    hostile = (b'<!DOCTYPE opml [<!ENTITY e SYSTEM "file:///etc/hostname">]><opml><body>'
               b'<outline text="&e;" xmlUrl="https://x.example/feed"/></body></opml>')
    try:
        sources = read_opml(hostile)
    except UnreadableInput:
        sources = []
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "?"
    assert all(hostname not in (s.title or "") for s in sources)


def test_the_shipped_default_feeds_span_outlets_countries_and_leanings() -> None:
    from importlib import resources

    sources = read_opml((resources.files("broadsheet") / "data" / "default-feeds.opml").read_bytes())
    assert len(sources) >= 40
    assert {s.leaning for s in sources} >= {"left", "lean-left", "center", "lean-right", "right"}
    hosts = {s.url.split("/")[2] for s in sources}
    assert len(hosts) >= 40 and all(s.url.startswith("https://") for s in sources)
    assert {s.language for s in sources} >= {"en", "fr", "de", "es"}
    assert all(isinstance(s, Source) and s.title for s in sources)
