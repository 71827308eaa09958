"""The allow-list HTML sanitiser: the one gate for any HTML fragment that is kept as HTML.

broadsheet writes HTML fragments in two places: the highlighted snippets of search (``<mark>``)
and the HTML content of the feeds (a Speed Read with its citation links, an edition's contents).
Both are built from escaped text, and both pass through ``sanitize`` before they leave, so a
mistake in how one is built still cannot let a source's markup through.

Only the tags of ``ALLOWED`` survive, with no attribute but ``href`` on ``a`` (plain http(s), or a
path or fragment of this site: never ``javascript:``, ``data:``, ``//host`` or a control
character) and a ``rel="noopener noreferrer"`` that the sanitiser adds to every link leaving the
site. Other tags are dropped with their text kept (escaped), except those whose content is code or
a document of its own (``DROP_CONTENT``: script, style, iframe, template ...), which go with all
they hold; comments, processing instructions and doctypes go too, and so do control characters
and bidirectional overrides in the text (``html.printable``). The output is well formed (every
tag closed, in order), so sanitising it again changes nothing: ``sanitize`` is idempotent (a
hypothesis property in the tests).
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from broadsheet.render.html import printable, safe_url

ALLOWED = frozenset({"a", "p", "mark", "h2", "h3", "ul", "ol", "li", "q", "em", "strong", "b", "i",
                     "br", "blockquote", "cite", "code"})
VOID = frozenset({"br"})
DROP_CONTENT = frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed",
                          "template", "noscript", "noembed", "noframes", "svg", "math", "textarea",
                          "select", "title", "xmp", "plaintext", "head"})
_UNSAFE_RELATIVE = re.compile(r"[\x00-\x20\x7f\\]|^//")


def safe_href(href: str | None) -> str | None:
    """``href`` if a link may point there: absolute http(s), or a path or fragment with no scheme."""
    if not href:
        return None
    absolute = safe_url(href)
    if absolute is not None:
        return absolute
    if _UNSAFE_RELATIVE.search(href) or urlsplit(href).scheme or ":" in href.split("/")[0]:
        return None
    return href


class _Sanitiser(HTMLParser):
    """Collects the allowed part of a fragment (module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping or tag in DROP_CONTENT:
            if tag in DROP_CONTENT and tag not in VOID:
                self.dropping.append(tag)
            return
        if tag not in ALLOWED:
            return
        self.out.append(_start(tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.dropping and tag in ALLOWED:
            self.out.append(_start(tag, dict(attrs)))
            if tag not in VOID:
                self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in self.open:
            while self.open:
                closed = self.open.pop()
                self.out.append(f"</{closed}>")
                if closed == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(printable(data), quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def _start(tag: str, attrs: dict[str, str | None]) -> str:
    """An allowed start tag with only its allowed attributes."""
    if tag != "a":
        return f"<{tag}>"
    href = safe_href(attrs.get("href"))
    if href is None:
        return "<a>"
    rel = ' rel="noopener noreferrer"' if safe_url(href) else ""
    return f'<a href="{escape(href, quote=True)}"{rel}>'


def sanitize(fragment: str) -> str:
    """``fragment`` with nothing but the allowed tags and links (module docstring)."""
    parser = _Sanitiser()
    # "<![" opens a marked section (CDATA), which no allowed markup needs, and Python's parser
    # raises AssertionError on a malformed one ("<![x"): it is kept as text (found by fuzzing).
    parser.feed(fragment.replace("\x00", "\ufffd").replace("<![", "&lt;!["))
    return parser.result()
