"""What the HTML path reads of a page before the article-or-not verdict (``HtmlParts``): the
chosen run's text as paragraphs, its related list taken out, the outlet and title, and the body
cleaned of the headline, the page's own address and boilerplate (``cleaned_lines``); or the
``Rejected`` value saying why a page has no text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from broadsheet.extract import boilerplate, htmlmeta, metadata
from broadsheet.extract.htmlruns import extraction
from broadsheet.extract.text import CONTROL, control_count, same_text, without_related
from broadsheet.model import Page, Rejected, RelatedItem

MAX_HTML_CHARS = 5_000_000
MAX_TAGS = 100_000  # the largest of 1,678 real pages (WCXB dev, scrapinghub) has 21,646 "<"


@dataclass(frozen=True)
class HtmlParts:
    """What the HTML path found on a page, before the article-or-not verdict."""

    markup: str
    meta: metadata.HtmlMetadata
    url: str | None
    title: str | None
    outlet: str | None  # the site name the body is cleaned of (the article's outlet: ``meta``)
    paragraphs: tuple[str, ...]
    related: tuple[RelatedItem, ...]
    tree: Any = field(default=None, repr=False, compare=False)
    judged: tuple[str, ...] = ()  # what the verdict reads when not ``paragraphs`` (``_judged``)
    recall_floor: int = 0  # the words a recall run must pass to be read (``recalled``)

    @property
    def read(self) -> tuple[str, ...]:
        """The body the article-or-not verdict reads."""
        return self.judged or self.paragraphs


def html_parts(page: Page) -> HtmlParts | Rejected:
    """Run trafilatura and our boilerplate stage on an HTML page, or say why there is no text."""
    markup = page.content[:MAX_HTML_CHARS]
    if control_count(markup):  # lxml refuses them; none is left (``parse_html``'s count)
        markup = CONTROL.sub(" ", markup)
    if markup.count("<") > MAX_TAGS:  # trafilatura's time grows faster than the tag count
        return Rejected.of(page, "extract", "too_complex",
                           f"the markup has more than {MAX_TAGS:,} tags: refused unparsed")
    try:
        text, doc, tree, floor = extraction(markup, page.url, controls=0)
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        return Rejected.of(page, "extract", "parse_error", f"the markup could not be parsed: {exc!r}"[:300])
    if doc is None or not text.strip():
        return Rejected.of(page, "extract", "no_text", "no article text was found in the markup")
    url = page.url or (doc.url or None)
    meta = htmlmeta.from_document(doc, markup, url)
    body = body_paragraphs(text)
    lines, related = without_related(body, body=True)
    outlet = page.outlet or meta.site or metadata.guess_outlet(lines)
    title = page.title or meta.title
    paragraphs = cleaned_lines(lines, title, outlet, url)
    if not paragraphs:
        return Rejected.of(page, "extract", "no_text", "the page text was all boilerplate")
    return HtmlParts(markup, meta, url, title, outlet, paragraphs, related, tree,
                     _judged(body, related, title, outlet, url), floor)


def _judged(body: list[str], related: tuple[RelatedItem, ...], title: str | None,
            outlet: str | None, url: str | None) -> tuple[str, ...]:
    """The body the verdict reads where a list that outweighs the rest stays in the text
    (``without_related``'s ``body``), else () for the text itself: the list taken out, as the
    shipped page classifier was trained (kept, the retrained classifier loses about two WCXB dev
    pages of 1,497 held out)."""
    if related:
        return ()
    stripped, items = without_related(body)
    return cleaned_lines(stripped, title, outlet, url) if items else ()


def cleaned_lines(lines: Sequence[str], title: str | None, outlet: str | None,
             url: str | None) -> tuple[str, ...]:
    """Body lines without those repeating the headline or printing the page's own address (a
    share or print widget's permalink), through the boilerplate stage."""
    own = _address(url) if url else None
    body = [line for line in lines if line and not (title and same_text(line, title))
            and not (own and " " not in line and _address(line) == own)]
    return boilerplate.clean_paragraphs(body, outlet)


def _address(text: str) -> str:
    """An address without its scheme, "www." and final slash, lower-cased, for comparison."""
    bare = text.strip().lower().split("://", 1)[-1]
    return bare.removeprefix("www.").rstrip("/")


def body_paragraphs(text: str) -> list[str]:
    """trafilatura's text output, one paragraph a line, as a list of non-empty paragraphs."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
