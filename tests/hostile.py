"""Hostile source data for the security tests: payloads for every field a source controls, a store
holding them (an article, quote, outlet, entity, source and rejection per payload), and a checker
that reads an HTML document as a browser would and lists any markup that could act.

Imported by ``test_web_hostile.py`` (pages, search, errors, feeds, static site) and
``test_render_email_hostile.py`` (the newsletter).
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from broadsheet import pipeline
from broadsheet.model import Analysis, Edition, Entity, Rejected, Source, Story
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.sources import SourceCheck
from broadsheet.timestamps import normalise
from test_brief_data import make_article, said

# Text a source may put in a title, an author, an outlet, a quote, a speaker's or entity's name.
TEXT_PAYLOADS = [
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "</title><script>alert(1)</script>",
    "]]><script>alert(1)</script><![CDATA[",
    "\u202egnp.exe \x00 NUL \u2066isolate",
    "</textarea><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }} {% raw %}",
    "=?utf-8?b?aGkNCkJjYzogZXZpbEBleGFtcGxlLm9yZw0K?=",
    "line\r\nBcc: evil@example.org\r\n",
    "--===============0000000000000000000==\nContent-Type: text/html\n\n<script>alert(1)</script>",
    "<style>body{display:none}</style>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><button formaction="https://evil.example">x</button></form>',
    "<!-- <script>alert(1)</script> -->",
]
# Addresses a source may give as an article's or a feed's url.
URL_PAYLOADS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    'https://ok.example/"onmouseover="alert(1)',
    "https://ok.example/<script>alert(1)</script>",
    "https://ok.example/\x00\u202e",
]
CREATED = "2025-10-06T06:00:00+00:00"
DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "svg", "math", "img", "object", "embed",
                  "base", "textarea", "template", "style", "video", "audio", "source", "applet", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "background", "xlink:href", "cite"}
_SCHEME_NOISE = re.compile(r"[\x00-\x20\x7f]")


def outlet_of(index: int) -> str:
    return f"Outlet {index} {TEXT_PAYLOADS[index]}"


def speaker_of(index: int) -> str:
    return f"Jane {index} Mallory"  # a name the quote finder accepts; its role carries the payload


def entity_of(index: int) -> str:
    return f"Acme{index} {TEXT_PAYLOADS[index]}"


def _article(index: int, payload: str) -> Analysis:
    url = URL_PAYLOADS[index % len(URL_PAYLOADS)]
    article = make_article(
        f"h{index}", outlet_of(index), f"Headline {index} {payload}",
        [f"Officials confirmed the {payload} report on Monday after a long delay in the city.",
         f"The company {entity_of(index)} declined to comment on the matter on Tuesday.",
         f"\u201cNothing about this {payload} is normal at all,\u201d said {speaker_of(index)}, a "
         "spokeswoman for the city."],
        url=url, published=normalise(f"2025-10-0{1 + index % 5}T10:00:00+00:00"))
    article = replace(article, authors=(payload, f"Author {index}"))
    text = article.text
    entity = Entity(entity_of(index), "ORG", entity_of(index),
                    (text.index(entity_of(index)), text.index(entity_of(index)) + len(entity_of(index))))
    quote = said(article, speaker_of(index), f"Nothing about this {payload} is normal at all",
                 role=f"spokeswoman {payload}", organisation=entity_of(index))
    return Analysis(article, attributions=(quote,), entities=(entity,))


def story_id(index: int) -> str:
    return "s-<script>&\"'/?#" if index == 0 else f"s-h{index}"


def build_hostile_store(path: Path, settings: Settings) -> Edition:
    """A store whose every source-derived field is a payload, with its edition."""
    with Store.open(path) as store:
        with store.transaction():
            for index, payload in enumerate(TEXT_PAYLOADS):
                store.put_analysis(_article(index, payload))
        store.replace_stories([Story(id=story_id(i), title=f"Story {i} {p}", article_ids=(f"h{i}",))
                               for i, p in enumerate(TEXT_PAYLOADS)])
        for index, payload in enumerate(TEXT_PAYLOADS):
            url = f"https://feeds.example/{index}.xml"
            store.add_source(Source(url=url, title=payload, leaning="center"))
            store.record_check(url, SourceCheck(next_check=CREATED, error=f"parse_error: {payload}",
                                                status=500))
            store.put_rejection(Rejected(source=payload, stage="extract", reason="parse_error",
                                         detail=f"could not read {payload}"))
        for url in URL_PAYLOADS:
            store.add_source(Source(url=url, title=None))
        edition = pipeline.make_edition(store, settings, created=CREATED, kind="weekly",
                                        everything=True)
        store.put_edition(edition)
    return edition


class LiveMarkup(HTMLParser):
    """Reads a document as a browser would and lists markup that could run, load or navigate."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            self._attribute(tag, name, value or "")
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            self.problems.append(f"<meta http-equiv={values.get('http-equiv')}>")

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on") or name in ("srcdoc", "formaction", "autofocus"):
            self.problems.append(f"<{tag} {name}=...>")
        if name in URL_ATTRIBUTES:
            bare = _SCHEME_NOISE.sub("", value).lower()
            if bare.startswith(("javascript:", "data:", "vbscript:", "//")) or \
                    urlsplit(bare).hostname == "evil.example":
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "form" and not value.startswith("/"):
                self.problems.append(f"<form action={value!r}>")
        if "\x00" in value or "\u202e" in value:
            self.problems.append(f"<{tag} {name}> holds a control character")

    def handle_data(self, data: str) -> None:
        if "\x00" in data or "\u202e" in data:
            self.problems.append(f"text holds a control character: {data!r}")


def live_markup(html: str) -> list[str]:
    """The problems ``LiveMarkup`` finds in ``html`` (empty: nothing could act)."""
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    assert parser.tags > 0 or not html.strip().startswith("<"), "nothing was parsed"
    return parser.problems
