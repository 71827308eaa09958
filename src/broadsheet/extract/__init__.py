"""Extract: Page -> Article (or Rejected).

One entry point, ``extract``, that picks the path by ``Page.kind``:
- ``html``   -> ``extract.html``: trafilatura for text and metadata, then our boilerplate stage;
- ``text``   -> ``extract.text``: a page already flattened to plain text, boilerplate and all;
- ``record`` -> the content is already a clean article (a JSONL line): split into paragraphs only;
- ``summary`` -> the same, for a feed item's summary kept when its page was refused: the Article
  is marked ``summary_only``.
No I/O happens here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from broadsheet.extract.language import guess_language
from broadsheet.model import Article, Page, Rejected
from broadsheet.timestamps import normalise

_BLANK_LINES = re.compile(r"\n\s*\n")


def extract(page: Page) -> Article | Rejected:
    """Return the clean article of ``page``, or a ``Rejected`` saying why there is none.

    The publication date, whichever path found it, leaves here normalised (``timestamps``).
    """
    result = _by_kind(page)
    if isinstance(result, Rejected) or result.published is None:
        return result
    return replace(result, published=normalise(result.published))


def _by_kind(page: Page) -> Article | Rejected:
    if page.kind == "html":
        from broadsheet.extract.html import extract_html

        return extract_html(page)
    if page.kind == "text":
        from broadsheet.extract.text import extract_text

        return extract_text(page)
    return from_record(page)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of an already-clean text, whitespace-trimmed.

    Blocks are separated by blank lines; a text with no blank line at all has one paragraph a line
    (the common shape of corpora that store an article as newline-separated paragraphs).
    """
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else re.compile(r"\n")
    return tuple(p.strip() for p in separator.split(text) if p.strip())


def from_record(page: Page) -> Article | Rejected:
    """An already-clean article (a JSONL record, or ``analyze --no-extract``): keep it as it is."""
    paragraphs = split_paragraphs(page.content)
    if not paragraphs:
        return Rejected.of(page, "extract", "no_text", "the record has no text")
    return Article(
        id=page.id,
        source=page.source,
        title=(page.title or paragraphs[0][:120]).strip(),
        paragraphs=paragraphs,
        url=page.url,
        published=page.published,
        outlet=page.outlet,
        language=guess_language(page.content),
        summary_only=page.kind == "summary",
    )
