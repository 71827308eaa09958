"""The allow-list sanitiser: what survives, what does not, and that sanitising twice changes nothing."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.render.sanitize import ALLOWED, safe_href, sanitize

PIECES = ["<p>", "</p>", "<a href=\"javascript:alert(1)\">", "<a href='https://e.org/?a=1&b=2'>",
          "</a>", "<script>", "</script>", "<style>", "<iframe srcdoc=\"<script>x</script>\">",
          "</iframe>", "<mark>", "</mark>", "<img src=x onerror=alert(1)>", "<!--", "-->",
          "<![CDATA[", "]]>", "&lt;", "&amp;", "&#106;avascript:", "<br/>", "<b", "\"", "'",
          "<svg onload=alert(1)>", "</svg>", "<template>", "<a href=\"//evil.example\">",
          "<a href=\"/stories/x#a-1\">", "<q>", "</q>", "\x00", "\u202e", "<p onmouseover=x>",
          "<a href=\"data:text/html,<script>x</script>\">", "<math>", "<title>", "</title>", ">"]


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser-like parser reads the output."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.found


fragments = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(fragments)
def test_sanitising_is_idempotent_and_keeps_only_allowed_markup(fragment: str) -> None:
    once = sanitize(fragment)
    assert sanitize(once) == once
    for tag, attrs in tags(once):
        assert tag in ALLOWED, (fragment, once)
        assert set(attrs) <= ({"href", "rel"} if tag == "a" else set()), (fragment, once)
        if "href" in attrs:
            assert safe_href(attrs["href"]) == attrs["href"]


@pytest.mark.parametrize(("given_html", "kept"), [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ('<a href="javascript:alert(1)" onclick="x">y</a>', "<a>y</a>"),
    ('<a href=" jav&#x09;ascript:alert(1)">y</a>', "<a>y</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">y</a>', "<a>y</a>"),
    ('<a href="//evil.example/">y</a>', "<a>y</a>"),
    ('<a href="https://e.org/?a=1&b=2">e</a>',
     '<a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer">e</a>'),
    ('<iframe srcdoc="&lt;script&gt;x&lt;/script&gt;">t</iframe>ok', "ok"),
    ("<mark>Pyongyang</mark> &lt;b&gt;", "<mark>Pyongyang</mark> &lt;b&gt;"),
    ("<img src=x onerror=alert(1)>text", "text"),
    ("</p>x<b>y", "x<b>y</b>"),
    ("a]]>b", "a]]&gt;b"),
    ("<svg><script>x</script></svg>z", "z"),
])
def test_the_allow_list(given_html: str, kept: str) -> None:
    assert sanitize(given_html) == kept
