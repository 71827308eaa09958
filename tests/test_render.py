"""render_site / write_site: every file, links that resolve, hostile text escaped, JSON round trip."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from markupsafe import escape as html_escape

from broadsheet.brief import build_edition
from broadsheet.codec import from_dict
from broadsheet.errors import OutputError
from broadsheet.model import Analysis, Article, Edition, Story
from broadsheet.render import render_site, write_site
from broadsheet.render.email import compose
from broadsheet.render.html import safe_url, slug, story_file
from broadsheet.render.markdown import escape, render_markdown
from test_brief_data import KIM, corpus, make_article

CREATED = "2025-10-05T06:00:00+00:00"
HOSTILE = "<script>alert('x')</script>"


class _Links(HTMLParser):
    """Collects hrefs, element ids and any <script> tag of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")


def _parse(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    return parser


def _site() -> tuple[Edition, dict[str, Article], dict[str, str]]:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="Morning brief", created=CREATED)
    articles = {aid: a.article for aid, a in analyses.items()}
    return edition, articles, render_site(edition)


def _resolve(page_path: str, href: str) -> tuple[str, str]:
    """The site path and fragment a relative href of ``page_path`` points at."""
    base = Path(page_path).parent
    path, _, fragment = href.partition("#")
    target = (base / path).as_posix() if path else page_path
    parts: list[str] = []
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts), fragment


def test_render_site_produces_every_file() -> None:
    edition, _, files = _site()
    expected = {"index.html", "edition.md", "edition.json", "style.css", "favicon.svg", "feed.atom",
                "feed.json"}
    expected |= {f"stories/{s.story_id}.html" for s in edition.stories}
    expected |= {f"stories/{s.story_id}.json" for s in edition.stories}
    assert set(files) == expected
    assert all(content.strip() for content in files.values())


def test_every_relative_link_and_anchor_resolves() -> None:
    _, _, files = _site()
    pages = {path: _parse(text) for path, text in files.items() if path.endswith(".html")}
    for path, page in pages.items():
        for href in page.hrefs:
            if urlsplit(href).scheme in ("http", "https"):
                continue
            target, fragment = _resolve(path, href)
            assert target in files, (path, href)
            if fragment:
                assert fragment in pages[target].ids, (path, href)


def test_index_shows_titles_outlets_cited_summary_and_voices() -> None:
    edition, _, files = _site()
    index = files["index.html"]
    kim = edition.stories[0]
    titles = [str(html_escape(s.title)) for s in edition.stories]
    assert index.index(titles[0]) < index.index(titles[1]) < index.index(titles[2])
    for outlet in kim.outlets:
        assert f'<li class="badge">{outlet}</li>' in index
    contents = index[index.index('id="contents-heading"'):index.index('id="section-features"')]
    assert all(f'href="#story-{s.story_id}"' in contents for s in edition.stories)
    assert '<time datetime="2023-09-05T16:00:00+01:00">5 September 2023</time>' in index
    for sentence in kim.summary:
        assert sentence.url and f'href="{sentence.url}"' in index
    assert "What they’re saying" in index
    hall = next(v for v in kim.saying if v.speaker == "Steve Hall")
    assert hall.kind == "expert" and "CNN national security analyst" in index
    assert f'href="{story_file(KIM)}"' in index
    assert _parse(index).scripts == 0


def test_sentence_without_url_links_to_the_coverage_entry() -> None:
    _, _, files = _site()
    assert 'href="stories/s-japan-pm.html#a-j-nhk"' in files["index.html"]
    assert 'id="a-j-nhk"' in files["stories/s-japan-pm.html"]


def test_story_page_has_every_voice_quote_and_member_with_duplicates_marked() -> None:
    edition, _, files = _site()
    kim = edition.stories[0]
    page = files[story_file(KIM)]
    for voice in kim.voices:
        assert voice.speaker in page
    voices = page[page.index('id="heading-voices"'):]
    assert voices.count("<li><q>") + voices.count('<li><span class="reported">') == sum(
        len(v.quotes) for v in kim.voices)
    assert 'id="heading-timeline"' in page and 'id="heading-coverage"' in page
    for aid in kim.article_ids:
        assert f'id="a-{aid}"' in page
    duplicate = re.search(r'<li id="a-k-abc" class="duplicate">(.*?)</li>', page, re.S)
    assert duplicate and 'near-duplicate of <a href="#a-k-ap">Associated Press</a>' in duplicate[1]
    assert 'href="../style.css"' in page and 'href="../index.html"' in page


def _first(pattern: str, page: str) -> str:
    found = re.search(pattern, page, re.S)
    assert found
    return found[0]


def _meta(page: str) -> str:
    return _first(r'<p class="meta">(.*?)</p>', page)[len('<p class="meta">'):-len("</p>")]


def test_an_undated_story_leaves_no_empty_part_in_its_meta_lines() -> None:
    edition, _, _ = _site()
    undated = replace(edition.stories[0], first_published=None, last_published=None)
    files = render_site(replace(edition, stories=(undated, *edition.stories[1:])))
    page_meta, card_meta = _meta(files[story_file(KIM)]), _meta(files["index.html"])
    assert "<time" not in page_meta and "<time" not in card_meta
    for meta in (page_meta, card_meta):
        parts = meta.split(" · ")
        assert all(part.strip() for part in parts), meta
    assert page_meta.startswith("Feature · ") and " outlets" in card_meta


def test_a_dated_story_shows_its_dates_between_section_and_counts() -> None:
    _, _, files = _site()
    parts = _meta(files[story_file(KIM)]).split(" · ")
    assert parts[0] == "Feature" and parts[1].startswith("<time ") and "article" in parts[2]


def _perspectives(page: str) -> str:
    return _first(r'<section class="perspectives".*?</section>', page)


def test_a_story_page_shows_its_key_claims_with_their_independent_sources() -> None:
    edition, _, files = _site()
    section = _perspectives(files[story_file(KIM)])
    seen = edition.stories[0].perspectives
    assert seen is not None
    (claim,) = seen.claims
    assert str(html_escape(claim.text)) in section and f'href="#a-{claim.article_id}"' in section
    assert len(claim.sources) < len(claim.outlets)  # ABC News runs AP's copy: one source
    assert f"stated by {', '.join(claim.outlets)}; {len(claim.sources)} independent sources" in section
    assert "No outlet of this story has a leaning yet" in section and "Blindspot" not in section


def test_sides_and_a_blindspot_show_on_the_page_and_the_card() -> None:
    edition, _, _ = _site()
    kim = edition.stories[0]
    seen = replace(kim.perspectives, coverage=(("left", 3), ("centre", 1), ("right", 0), ("unknown", 1)),
                   blindspot="right")
    files = render_site(replace(edition, stories=(replace(kim, perspectives=seen), *edition.stories[1:])))
    section = _perspectives(files[story_file(KIM)])
    assert ">left 3</span> · <span class=\"side\">centre 1</span>" in section
    said = "Blindspot: no outlet you marked right covered this story."
    assert said in section and files["index.html"].count(said) == 1


def test_hostile_text_is_escaped_everywhere() -> None:
    article = make_article("evil", HOSTILE, HOSTILE, [
        f"Officials confirmed the {HOSTILE} report on Monday after a long delay."],
        url="javascript:alert(1)")
    analysis = Analysis(article)
    story = Story(id="s<1>", title=HOSTILE, article_ids=("evil",), outlets=(HOSTILE,))
    edition = build_edition([story], {"evil": analysis}, title=HOSTILE, created=CREATED)
    files = render_site(edition)
    for path, text in files.items():
        if path.endswith(".html"):
            assert "<script>" not in text, path
            assert "&lt;script&gt;" in text, path
            assert "javascript:" not in text, path
            assert _parse(text).scripts == 0
    assert "<script>" not in files["edition.md"]
    assert "javascript:" not in files["edition.md"]
    assert [p for p in files if p.startswith("stories/") and p.endswith(".html")] == [story_file("s<1>")]
    assert "<script>" not in files["feed.atom"] and "javascript:" not in files["feed.atom"]
    assert "<script>" not in json.loads(files["feed.json"])["items"][0]["content_html"]
    assert "<" not in story_file("s<1>") and story_file("s<1>") != story_file("s-1-")


def test_json_round_trips_to_the_same_edition() -> None:
    edition, _, files = _site()
    assert from_dict(Edition, json.loads(files["edition.json"])) == edition


def test_markdown_mirrors_the_index() -> None:
    edition, _, files = _site()
    markdown = files["edition.md"]
    assert markdown.startswith("# Morning brief\n")
    assert "## Features" in markdown and "## In Brief" in markdown
    for story in edition.stories:
        assert f"### {story.rank}. [{escape(story.title)}]({story_file(story.story_id)})" in markdown
        for sentence in story.summary:
            assert escape(sentence.text) in markdown
    assert "**Steve Hall**, CNN national security analyst" in markdown
    assert "(stories/s-japan-pm.html#a-j-nhk)" in markdown


@pytest.mark.parametrize(("date", "kind", "when"), [
    (None, "daily", "everything stored"),
    ("2019-11-20", "daily", "20 November 2019"),
    ("2019-11-20", "weekly", "week to 20 November 2019"),
])
def test_index_page_letter_and_markdown_say_one_dateline(date: str | None, kind: str, when: str) -> None:
    edition = replace(_site()[0], date=date, kind=kind, window_start=date and f"{date}T00:00:00Z")
    label = "Weekly edition" if kind == "weekly" else "Daily edition"
    line = f"{label} · {when} · {len(edition.stories)} stories"
    letter = compose(edition, "https://news.example.org/")
    shown = [_dateline_shown(page) for page in (render_site(edition)["index.html"], letter.html)]
    assert shown == [line, line]
    assert f"_{line}_" in render_markdown(edition) and f"\n{line}\n" in letter.text


def _dateline_shown(page: str) -> str:
    """The text of the page's ``<p class="dateline">``, its tags (``<time>``) taken out."""
    found = re.search(r'<p class="dateline"[^>]*>(.*?)</p>', page, re.S)
    assert found
    return re.sub(r"<[^>]+>", "", found[1])


def test_render_is_deterministic() -> None:
    assert _site()[2] == _site()[2]


def test_write_site_writes_every_file_atomically(tmp_path: Path) -> None:
    _, _, files = _site()
    out = tmp_path / "site"
    written = write_site(files, out)
    assert sorted(p.relative_to(out).as_posix() for p in written) == sorted(files)
    for path in written:
        assert path.read_text(encoding="utf-8") == files[path.relative_to(out).as_posix()]
    write_site({"index.html": "second"}, out)  # overwrites in place
    assert (out / "index.html").read_text(encoding="utf-8") == "second"
    assert not [p for p in out.rglob("*.tmp")]


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "", "a/../../b"])
def test_write_site_refuses_paths_outside_the_folder(tmp_path: Path, bad: str) -> None:
    with pytest.raises(OutputError):
        write_site({bad: "x"}, tmp_path / "site")


def test_write_site_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError):
        write_site({"index.html": "x"}, blocker)


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.com/a?b=1", True), ("http://x.org", True), ("javascript:alert(1)", False),
     ("data:text/html,hi", False), ("//evil.example", False), ("https://a.com/\x00", False),
     (None, False), ("  JavaScript:alert(1)", False)],
)
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


def test_slug_keeps_plain_ids_and_separates_changed_ones() -> None:
    assert slug("s0123abcd") == "s0123abcd"
    assert slug("a/b") != slug("a-b") and "/" not in slug("a/b")


def test_static_feeds_parse_and_link_to_the_story_pages() -> None:
    import feedparser

    edition, _, files = _site()
    atom = feedparser.parse(files["feed.atom"])
    assert not atom.bozo and atom.version == "atom10"
    assert [e.link for e in atom.entries] == [story_file(s.story_id) for s in edition.stories]
    assert [e.id for e in atom.entries] == [f"tag:broadsheet,2025:story/{s.story_id}"
                                            for s in edition.stories]
    feed = json.loads(files["feed.json"])
    assert [i["id"] for i in feed["items"]] == [e.id for e in atom.entries]
    absolute = render_site(edition, base_url="https://news.example.org/brief/")
    assert 'href="https://news.example.org/brief/style.css"' in absolute["index.html"]
    first = feedparser.parse(absolute["feed.atom"]).entries[0]
    assert first.link.startswith("https://news.example.org/brief/stories/")
