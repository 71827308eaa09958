"""Hostile source data through the store into every page of the running web reader, its search,
its error pages, its feeds and the static site: nothing a source wrote can act in a browser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from markdown_it import MarkdownIt

from broadsheet.model import Edition
from broadsheet.render import render_site
from hostile import TEXT_PAYLOADS, URL_PAYLOADS, build_hostile_store, live_markup, story_id
from webserver import serving
from webstore import SETTINGS

ADMIN = "a-long-admin-token-for-the-hostile-test-0123456789"
HOSTILE_SETTINGS = replace(SETTINGS, admin_token=ADMIN)
ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = [p for p in TEXT_PAYLOADS if "<" in p and "&lt;" not in p and "<!--" not in p]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Edition]]:
    db = str(tmp_path_factory.mktemp("hostile") / "broadsheet.db")
    edition = build_hostile_store(Path(db), HOSTILE_SETTINGS)
    with serving(db, HOSTILE_SETTINGS) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, edition


def test_the_checker_sees_every_markup_payload_when_it_is_not_escaped() -> None:
    """The checker itself: each markup payload, written raw into a page, is found."""
    for payload in MARKUP:
        assert live_markup(f"<p>{payload}</p>"), payload
    assert live_markup(f'<a href="{URL_PAYLOADS[1]}">x</a>') and live_markup("<p>\x00</p>")


class Links(HTMLParser):
    """The site's own links of a page (``href`` starting with one "/")."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("//"):
            self.found.add(href.split("#")[0])


def crawl(client: httpx.Client, start: list[str]) -> dict[str, httpx.Response]:
    """Every page of the site reachable from ``start`` by its links (no feeds, twins or assets)."""
    seen: dict[str, httpx.Response] = {}
    todo = list(start)
    while todo and len(seen) < 1000:
        path = todo.pop()
        if path in seen or path.endswith((".json", ".atom", ".css", ".svg")) or "/feed" in path:
            continue
        seen[path] = answer = client.get(path)
        links = Links()
        links.feed(answer.text)
        todo += sorted(links.found - set(seen))
    return seen


def test_every_page_shows_hostile_fields_as_text(hostile_site: tuple[httpx.Client, Edition]) -> None:
    """Every page reachable from the home page, the sources and the archive, crawled by its links."""
    client, edition = hostile_site
    assert len(edition.stories) == len(TEXT_PAYLOADS)
    pages = crawl(client, ["/", "/sources", "/editions"])
    for path, answer in pages.items():
        assert answer.status_code == 200, (path, answer.text[:300])
        assert live_markup(answer.text) == [], path
    kinds = {prefix: sum(p.startswith(prefix) for p in pages)
             for prefix in ("/stories/", "/outlets/", "/people/", "/organisations/")}
    assert kinds["/stories/"] == len(TEXT_PAYLOADS) and kinds["/outlets/"] == len(TEXT_PAYLOADS), kinds
    assert kinds["/people/"] >= len(TEXT_PAYLOADS) and kinds["/organisations/"] >= len(TEXT_PAYLOADS)
    story = client.get(f"/stories/{quote(story_id(1), safe='')}").text
    assert "&#34;onmouseover=&#34;alert(1)" in story  # shown, as text
    page = client.get("/sources").text  # an unsafe source address is shown, as text, not linked
    assert "javascript:alert(1)" in page and 'href="javascript' not in page.lower()


def test_search_and_its_query_show_hostile_text_as_text(hostile_site: tuple[httpx.Client, Edition]) -> None:
    client, _ = hostile_site
    for payload in TEXT_PAYLOADS:
        for query in (payload, f"Officials {payload}"):
            answer = client.get("/search", params={"q": query})
            assert answer.status_code == 200
            assert live_markup(answer.text) == [], query
    hits = client.get("/search", params={"q": "Officials confirmed"})
    assert hits.text.count('class="snippet"') >= 10 and "<mark>" in hits.text
    assert live_markup(hits.text) == []


def test_error_pages_show_hostile_addresses_as_text(hostile_site: tuple[httpx.Client, Edition]) -> None:
    client, _ = hostile_site
    for payload in TEXT_PAYLOADS + URL_PAYLOADS:
        for path in (f"/stories/{quote(payload, safe='')}", f"/people/{quote(payload, safe='')}x",
                     f"/no/{quote(payload, safe='')}"):
            answer = client.get(path)
            assert answer.status_code == 404, path
            assert live_markup(answer.text) == [], path
            assert "content-security-policy" in answer.headers
        refused = client.post(f"/stories/{quote(payload, safe='')}")
        assert refused.status_code == 405 and live_markup(refused.text) == []


def _atom_html(text: str) -> list[str]:
    feed = ET.fromstring(text.encode("utf-8"))  # strict XML: one NUL and nothing parses
    contents = [e.text or "" for e in feed.iter(f"{ATOM}content")]
    titles = [e.text or "" for e in feed.iter(f"{ATOM}title")]
    assert all("\x00" not in t and "\u202e" not in t for t in titles)
    return contents


@pytest.mark.parametrize("path", ["/feed.atom", "/feed/editions.atom"])
def test_atom_feeds_stay_xml_and_their_html_content_is_inert(
        hostile_site: tuple[httpx.Client, Edition], path: str) -> None:
    client, edition = hostile_site
    contents = _atom_html(client.get(path).text)
    assert contents and len(contents) == (len(edition.stories) if path == "/feed.atom" else 1)
    for html in contents:
        assert live_markup(html) == [], html[:300]


@pytest.mark.parametrize("path", ["/feed.json", "/feed/editions.json"])
def test_json_feeds_html_content_is_inert(hostile_site: tuple[httpx.Client, Edition], path: str) -> None:
    client, _ = hostile_site
    items = json.loads(client.get(path).text)["items"]
    assert items
    for item in items:
        assert live_markup(item["content_html"]) == [], item["content_html"][:300]


def test_the_static_site_shows_hostile_fields_as_text(hostile_site: tuple[httpx.Client, Edition]) -> None:
    _, edition = hostile_site
    files = render_site(edition, editions=[edition])
    pages = [name for name in files if name.endswith(".html")]
    assert len(pages) == 1 + len(edition.stories)
    for name in pages:
        assert live_markup(files[name]) == [], name
    markdown = MarkdownIt("commonmark").render(files["edition.md"])  # raw HTML passes through
    assert markdown.count("<h3>") == len(edition.stories) and live_markup(markdown) == []
    for name in ("feed.atom", "feed/editions.atom"):
        for html in _atom_html(files[name]):
            assert live_markup(html) == [], name


def test_admin_pages_show_hostile_sources_as_text(hostile_site: tuple[httpx.Client, Edition]) -> None:
    client, _ = hostile_site
    answer = client.get("/admin/sources", headers={"authorization": f"Bearer {ADMIN}"})
    assert answer.status_code == 200 and answer.text.count('action="/admin/sources/remove"') == len(
        TEXT_PAYLOADS) + len(URL_PAYLOADS)
    assert live_markup(answer.text) == []
