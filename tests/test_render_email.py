"""The newsletter message: both parts, its headers, absolute links, inlined CSS, hostile text kept inert."""

from __future__ import annotations

import email
import functools
from dataclasses import replace
from email.message import EmailMessage
from email.policy import default
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.brief import build_edition
from broadsheet.errors import ConfigError
from broadsheet.model import Edition, Section
from broadsheet.render.email import compose, message_id, render_email
from broadsheet.render.email_text import one_line
from test_brief_data import corpus

CREATED = "2025-10-05T06:00:00+00:00"
SENT = "2025-10-05T07:00:00+00:00"
BASE = "https://news.example.org/brief"
TOKEN = "7.Zm9vYmFyYmF6cXV4cXV1eC1fMTIzNDU2"
HEADERS = {"subject", "from", "to", "date", "message-id", "list-unsubscribe",
           "list-unsubscribe-post", "auto-submitted", "mime-version", "content-type"}


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML part."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@functools.cache
def _built() -> Edition:
    stories, analyses = corpus()
    return build_edition(stories, analyses, title="Morning brief", created=CREATED)


def _edition(**changes: object) -> Edition:
    return replace(_built(), **changes)  # type: ignore[arg-type]


def _received(edition: Edition, base_url: str = BASE, token: str = TOKEN,
              recipient: str = "ann@example.org") -> EmailMessage:
    """The message as a mail client gets it: rendered, serialised to bytes, parsed again."""
    message = render_email(edition, base_url=base_url, token=token, recipient=recipient,
                           sender="news@example.org", date=SENT)
    parsed = email.message_from_bytes(bytes(message), policy=default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _parts(message: EmailMessage) -> tuple[_Page, str, str]:
    html_part, text_part = message.get_body(("html",)), message.get_body(("plain",))
    assert html_part is not None and text_part is not None
    html, text = html_part.get_content(), text_part.get_content()
    page = _Page()
    page.feed(html)
    return page, html, text


def test_a_multipart_message_with_every_header() -> None:
    message = _received(_edition())
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert {k.lower() for k in message} == HEADERS
    assert message["Subject"] == ("Morning brief, 5 October 2025: "
                                  "Kim Jong Un to visit Putin to discuss arms sales")
    assert message["From"].addresses[0].addr_spec == "news@example.org"
    assert message["From"].addresses[0].display_name == "Morning brief"
    assert message["To"] == "ann@example.org"
    assert message["Date"].datetime.isoformat() == SENT
    assert message["List-Unsubscribe"].strip() == f"<{BASE}/unsubscribe/{TOKEN}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == message_id(_edition().id, "ann@example.org", "news@example.org")
    assert message["Message-ID"].endswith("@example.org>")


def test_message_id_is_stable_per_edition_and_recipient() -> None:
    edition = _edition()
    first = _received(edition)["Message-ID"]
    assert _received(edition)["Message-ID"] == first
    assert _received(edition, recipient="bob@example.org")["Message-ID"] != first
    assert _received(replace(edition, id="another"))["Message-ID"] != first


def test_both_parts_carry_every_story_with_absolute_links() -> None:
    edition = _edition()
    page, _, text = _parts(_received(edition))
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    for story in edition.stories:
        assert f"{BASE}/stories/{story.story_id}" in hrefs
        assert f"{BASE}/stories/{story.story_id}" in text
        assert story.title in "".join(page.text) and story.title in text
        for sentence in story.summary:
            assert " ".join(sentence.text.split()[:6]) in " ".join(text.split())
    assert f"{BASE}/unsubscribe/{TOKEN}" in hrefs and f"Unsubscribe: {BASE}/unsubscribe/{TOKEN}" in text
    assert f"{BASE}/editions/{edition.id}" in hrefs
    assert "https://apnews.com/article/kim-putin-arms" in hrefs  # a citation links to its article
    # an article without a url is cited by its entry on the story page
    assert f"{BASE}/stories/s-japan-pm#a-j-nhk" in hrefs and f"{BASE}/stories/s-japan-pm#a-j-nhk" in text
    assert all(len(line) <= 80 or "://" in line for line in text.splitlines())


def test_a_blindspot_is_marked_in_both_parts_and_nowhere_else() -> None:
    edition = _edition()
    kim = edition.stories[0]
    seen = replace(kim.perspectives, blindspot="left")
    _, html, text = _parts(_received(replace(edition, stories=(replace(kim, perspectives=seen),
                                                                *edition.stories[1:]))))
    note = "Blindspot: no outlet you marked left covered this story."
    assert html.count(note) == 1 and " ".join(text.split()).count(note) == 1
    _, html, text = _parts(_received(edition))
    assert "Blindspot" not in html and "Blindspot" not in text


def test_the_css_is_inlined() -> None:
    page, html, _ = _parts(_received(_edition()))
    styled = {(tag, attrs.get("class")): attrs.get("style", "") for tag, attrs in page.tags}
    assert "font-size: 21px" in styled[("h2", "story-title")]
    assert "background-color: #fdfcf8" in styled[("table", "page")]
    assert "font-family: Georgia, Cambria, serif" in styled[("body", None)]
    assert "white-space: nowrap" in styled[("a", "cite")]
    # no stylesheet is left for a client to ignore, only the one @media rule that cannot inline
    assert not any(tag == "link" for tag, _ in page.tags)
    style_blocks = html.split("<style>")[1:]
    assert len(style_blocks) == 1 and style_blocks[0].lstrip().startswith("@media")


HOSTILE_TITLE = "Storm hits\r\nBcc: everyone@example.org\r\nX-Injected: 1"


def test_source_text_never_adds_a_header_nor_leaves_the_html_part() -> None:
    edition = _edition(title="Brief\nReply-To: thief@example.org")
    first = edition.stories[0]
    hostile = replace(first, title=HOSTILE_TITLE + "</a></td></tr></table><script>alert(1)</script>",
                      outlets=("Evil\u2028Outlet", "<img src=x onerror=alert(1)>"))
    message = _received(replace(edition, stories=(hostile, *edition.stories[1:])))
    assert {k.lower() for k in message} == HEADERS
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    assert message["Subject"].startswith("Brief Reply-To: thief@example.org, 5 October 2025: Storm hits Bcc:")
    assert message["From"].addresses[0].addr_spec == "news@example.org"
    page, html, text = _parts(message)
    assert not any(tag in ("script", "img") for tag, _ in page.tags)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Storm hits Bcc: everyone@example.org X-Injected: 1</a></td>" in text.replace("\n   ", " ")
    assert "Evil Outlet" in text and "\u2028" not in text


def test_the_token_goes_only_where_it_belongs() -> None:
    """A story whose text holds the first placeholder tried does not receive the token."""
    edition = _edition()
    placeholder = compose(edition, BASE).placeholder
    tricky = replace(edition.stories[0], title=f"Title {placeholder}")
    edition = replace(edition, stories=(tricky, *edition.stories[1:]))
    letter = compose(edition, BASE)
    assert letter.placeholder != placeholder
    _, html, text = _parts(_received(edition))
    assert f"Title {placeholder}" in text and f"Title {placeholder}" in html
    assert text.count(TOKEN) == 1 and html.count(TOKEN) == 1


def test_an_empty_base_url_links_to_the_local_web_reader() -> None:
    letter = compose(_edition(), "")
    assert letter.routes.base == "http://127.0.0.1:8000/"
    assert "http://127.0.0.1:8000/stories/" in letter.text


@pytest.mark.parametrize("bad", [" x ", "127.0.0.1:8000", "ftp://example.org", "javascript:alert(1)",
                                 "https://example.org/?a=1", "https://exa mple.org/"])
def test_base_url_must_be_an_absolute_http_address(bad: str) -> None:
    with pytest.raises(ConfigError, match="base_url"):
        compose(_edition(), bad)


def test_a_token_or_address_that_is_not_ours_is_refused() -> None:
    with pytest.raises(ValueError, match="token"):
        _received(_edition(), token="7.short")
    with pytest.raises(ValueError, match="token"):
        _received(_edition(), token=TOKEN + "\r\nBcc: x@example.org")
    with pytest.raises(ValueError, match="normalised"):
        _received(_edition(), recipient="Ann@Example.org")


def test_an_empty_edition_still_makes_a_message() -> None:
    page, _, text = _parts(_received(_edition(stories=())))
    assert "No stories in this edition." in text
    assert "No stories in this edition." in "".join(page.text)


def _sectioned(counts: dict[str, int], kind: str = "daily") -> Edition:
    """An edition with ``counts[key]`` stories in each section, titled "<key> <n>"."""
    base = _edition()
    stories, sections = [], []
    for key, count in counts.items():
        ids = []
        for n in range(count):
            story = replace(base.stories[len(stories) % 3], story_id=f"{key}-{n}", title=f"{key} {n}",
                            rank=len(stories) + 1)
            stories.append(story)
            ids.append(story.story_id)
        sections.append(Section(key, key.replace("-", " ").title(), tuple(ids)))
    return replace(base, stories=tuple(stories), sections=tuple(sections), kind=kind,
                   date="2025-10-04", window_start="2025-09-28T00:00:00+00:00")


def test_a_long_edition_shows_its_top_stories_by_section_and_links_to_the_rest() -> None:
    edition = _sectioned({"features": 3, "speed-reads": 9, "in-brief": 4})
    page, html, text = _parts(_received(edition))
    shown = "".join(page.text)
    for title, present in (("features 2", True), ("speed-reads 6", True), ("speed-reads 7", False),
                           ("in-brief 0", False)):
        assert (title in shown, title in text) == (present, present), title
    assert text.index("FEATURES") < text.index("features 0") < text.index("SPEED READS")
    assert html.index(">Features<") < html.index(">features 0<") < html.index(">Speed Reads<")
    assert "SPEED READS" in text and "6 more stories in this edition" in shown + text
    assert f"{BASE}/editions/{edition.id}" in text
    assert len(html) < 102_000  # Gmail clips a longer HTML part
    assert "Daily edition · 4 October 2025 · 16 stories" in text


def test_the_weekly_letter_never_cuts_its_good_news() -> None:
    edition = _sectioned({"features": 3, "speed-reads": 9, "good-news": 2, "in-brief": 2}, "weekly")
    message = _received(edition)
    _, _, text = _parts(message)
    assert "good-news 1" in text and "speed-reads 4" in text and "speed-reads 5" not in text
    assert message["Subject"] == "Morning brief weekly, week to 4 October 2025: good-news 0"
    assert "Weekly edition · week to 4 October 2025 · 16 stories" in text


@settings(max_examples=30, deadline=None)
@given(title=st.text(max_size=200), outlet=st.text(max_size=40), site=st.text(max_size=60))
def test_no_source_text_adds_a_header(title: str, outlet: str, site: str) -> None:
    """Whatever the titles and names hold (CR, LF, U+2028, NUL, "Bcc:" ...), the headers stay ours."""
    edition = _edition(title=site)
    story = replace(edition.stories[0], title=title, outlets=(outlet,))
    message = _received(replace(edition, stories=(story, *edition.stories[1:])))
    assert {k.lower() for k in message} == HEADERS
    for name in ("Subject", "From"):
        assert not any(ch in str(message[name]) for ch in "\r\n\x00\u2028\u2029\x85")
    assert message["From"].addresses[0].addr_spec == "news@example.org"
    assert message["To"] == "ann@example.org"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_one_line_is_one_printable_line(text: str) -> None:
    line = one_line(text)
    assert line == one_line(line)  # idempotent
    assert line == line.strip() and "  " not in line
    assert not any(ch in line for ch in "\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
