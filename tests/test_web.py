"""The web reader over HTTP on 127.0.0.1: every page, its JSON twin, escaping, CSP, cache, feeds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import ExitStack
from html.parser import HTMLParser
from urllib.parse import quote

import feedparser
import httpx
import pytest

from broadsheet import pipeline
from broadsheet.codec import from_dict
from broadsheet.model import Edition, EditionStory, Source
from broadsheet.store import Store
from broadsheet.store.sources import SourceCheck
from test_brief_data import KIM
from webserver import serving
from webstore import HOSTILE, SETTINGS, build_store

PAGES = ["/", "/editions", f"/stories/{KIM}", "/stories/s-evil", f"/people/{quote('Steve Hall')}",
         "/organisations/CNN", f"/outlets/{quote('BBC News')}", "/sources", "/search?q=Pyongyang"]


class Outline(HTMLParser):
    """What an accessibility check looks at: lang, landmarks, headings, inline code, links."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.inline: list[str] = []
        self.links: list[tuple[str, str | None]] = []  # (href, rel)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = values.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("script", "style") or "style" in values or any(k.startswith("on") for k in values):
            self.inline.append(tag)
        if tag in ("a", "link") and values.get("href"):
            self.links.append((values["href"] or "", values.get("rel")))


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Edition]]:
    """The web reader on an SQLite file, then on a PostgreSQL database."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            db = str(tmp_path_factory.mktemp("web") / "broadsheet.db")
        else:
            import pgserver

            db = stack.enter_context(pgserver.fresh_database(request.getfixturevalue("pg_server")))
        edition = build_store(db)
        with serving(db, SETTINGS) as base:
            yield base, db, edition


@pytest.fixture(scope="module")
def client(site: tuple[str, str, Edition]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site[0], timeout=30) as opened:
        yield opened


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_accessible_html_with_a_json_twin(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    page = outline(response.text)
    assert page.lang == "en"
    assert {"header", "nav", "main", "footer"} <= set(page.tags)
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))  # no skipped level
    assert page.inline == []  # no script, no style element or attribute, no event handler
    assert all(rel is not None and {"noopener", "noreferrer"} <= set(rel.split())
               for link, rel in page.links if link.startswith(("http://", "https://", "//"))
               and "127.0.0.1" not in link)
    twin = path.split("?")[0].rstrip("/") or "/index"
    query = "?" + path.split("?")[1] if "?" in path else ""
    data = client.get(f"{twin}.json{query}")
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert f'href="{twin}.json{query}"'.replace("&", "&amp;") in response.text
    assert json.loads(data.text)


def test_every_response_carries_the_content_security_policy(client: httpx.Client) -> None:
    answers = [client.get(p) for p in PAGES] + [
        client.get("/style.css"), client.get("/favicon.svg"), client.get("/feed.atom"),
        client.get("/no/such/page"), client.get("/stories/nope.json"), client.post("/")]
    assert [a.status_code for a in answers[-3:]] == [404, 404, 405]
    nonces = []
    for answer in answers:
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "style-src 'self'" in csp and "'unsafe-inline'" not in csp
        nonce = re.search(r"script-src 'nonce-([A-Za-z0-9_-]{22,})'", csp)
        assert nonce and f"style-src 'self' 'nonce-{nonce[1]}'" in csp
        nonces.append(nonce[1])
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert len(set(nonces)) == len(nonces)  # a fresh nonce per response, cached pages included


def test_the_home_page_is_the_latest_edition_and_its_twin_is_the_edition(
        client: httpx.Client, site: tuple[str, str, Edition]) -> None:
    edition = site[2]
    home = client.get("/").text
    assert all(f'href="/stories/{s.story_id}"' in home for s in edition.stories)
    assert 'id="contents-heading"' in home and "Features" in home
    assert from_dict(Edition, client.get("/index.json").json()) == edition
    assert client.get(f"/editions/{edition.id}.json").json() == client.get("/index.json").json()
    assert edition.id in client.get("/editions").text


def test_the_story_page_shows_coverage_by_outlet_timeline_voices_and_entities(
        client: httpx.Client) -> None:
    page = client.get(f"/stories/{KIM}").text
    for heading in ("Speed Read", "What they’re saying", "Perspectives", "Coverage", "Timeline",
                    "Voices", "Named in the coverage"):
        assert f">{heading}</h2>" in page, heading
    assert "leaning not set" in page and 'id="a-k-abc" class="duplicate"' in page
    assert '<p class="meta">Story · <time ' in page  # a live story is in no edition's section
    assert f'href="/people/{quote("Steve Hall")}"' in page and 'href="/organisations/Kremlin"' in page
    story = from_dict(EditionStory, client.get(f"/stories/{KIM}.json").json())
    assert story.story_id == KIM and len(story.coverage) == 5 and story.saying


def test_third_party_text_is_escaped_on_every_page(client: httpx.Client) -> None:
    for path in ("/", "/stories/s-evil", f"/outlets/{quote('Evil ' + HOSTILE + ' Times')}",
                 "/search?q=script", f"/people/{quote('Jane Mallory')}"):
        text = client.get(path).text
        assert "<script>" not in text and "javascript:" not in text, path
        assert "&lt;script&gt;" in text, path


def test_search_gives_highlighted_escaped_snippets(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "Pyongyang"}).text
    assert "<mark>Pyongyang</mark>" in page
    hits = client.get("/search.json", params={"q": "Pyongyang"}).json()["hits"]
    assert hits and all("Pyongyang" in h["snippet"] and "\ue000" not in h["snippet"] for h in hits)
    evil = client.get("/search.json", params={"q": "script alert"}).json()["hits"]
    assert evil and "<script>" not in evil[0]["snippet_html"]
    assert client.get("/search", params={"q": 'NEAR( "*'}).status_code == 200  # never FTS syntax


def test_a_person_page_gathers_every_spelling_of_the_name_over_time(client: httpx.Client) -> None:
    data = client.get(f"/people/{quote('Steve Hall')}.json").json()
    quotes = [q for group in data["stories"] for q in group["quotes"]]
    assert {q["speaker"] for q in quotes} == {"Steve Hall", "Hall"}  # "Hall" in an article naming him
    assert {q["outlet"] for q in quotes} == {"The Week", "The Guardian"}
    assert data["mentions"][0]["story_id"] == KIM
    assert client.get("/people/Nobody%20Atall").status_code == 404


def test_sources_page_lists_followed_sources_with_their_errors(
        client: httpx.Client, site: tuple[str, str, Edition]) -> None:
    data = client.get("/sources.json").json()
    assert data["sources"] == [] and isinstance(data["rejections"], list)  # none followed yet
    feed = "https://feeds.example/world.xml"
    with Store.open(site[1]) as store:  # another connection writes: the cache must notice
        store.add_source(Source(url=feed, title="Example World", leaning="center"))
        store.record_check(feed, SourceCheck(next_check="2025-10-07T07:00:00+00:00",
                                             error="not_found: no such page (404)", status=404))
    (listed,) = client.get("/sources.json").json()["sources"]
    assert (listed["url"], listed["leaning"], listed["error_count"]) == (feed, "center", 1)
    assert listed["last_error"].startswith("not_found") and "Example World" in client.get("/sources").text


def test_a_new_edition_shows_at_once_and_feed_ids_stay_stable(
        client: httpx.Client, site: tuple[str, str, Edition]) -> None:
    first = feedparser.parse(client.get("/feed.atom").content)
    with Store.open(site[1]) as store:  # another connection writes: the cache must notice
        newer = pipeline.make_edition(store, SETTINGS, created="2025-10-07T06:00:00+00:00",
                                      date="2025-10-04", kind="daily")
        store.put_edition(newer)
    assert newer.id in client.get("/").text
    second = feedparser.parse(client.get("/feed.atom").content)
    atom_ids = {e.id for e in first.entries} & {e.id for e in second.entries}
    assert atom_ids and all(i.startswith("tag:broadsheet,2025:story/") for i in atom_ids)
    json_feed = client.get("/feed.json").json()
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1"
    assert {i["id"] for i in json_feed["items"]} == {e.id for e in second.entries}


@pytest.mark.parametrize("path", ["/feed.atom", "/feed/editions.atom"])
def test_atom_feeds_parse_with_feedparser(client: httpx.Client, path: str) -> None:
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.entries
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.link.startswith("http://127.0.0.1")
        assert entry.updated_parsed and entry.content[0].value


def _rfc3339(value: str) -> bool:
    return re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)", value) is not None


@pytest.mark.parametrize("path", ["/feed.json", "/feed/editions.json"])
def test_json_feeds_follow_json_feed_1_1(client: httpx.Client, path: str) -> None:
    """feedparser 6.0 (the latest release) reads no JSON Feed, so the spec's rules are checked here."""
    response = client.get(path)
    assert response.headers["content-type"] == "application/feed+json"
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
    assert feed["feed_url"].startswith("http://127.0.0.1") and feed["items"]
    assert all(isinstance(a["name"], str) for a in feed["authors"])
    ids = [item["id"] for item in feed["items"]]
    assert len(set(ids)) == len(ids) and all(isinstance(i, str) and i for i in ids)
    for item in feed["items"]:
        assert item.get("content_html") or item.get("content_text")
        assert item["url"].startswith("http://127.0.0.1")
        modified = item.get("date_modified", item["date_published"])
        assert _rfc3339(item["date_published"]) and _rfc3339(modified)
        assert None not in item.values()
