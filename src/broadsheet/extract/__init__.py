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
    result = _by_kind(replace(page, content=repair_mojibake(page.content)))
    if isinstance(result, Rejected) or result.published is None:
        return result
    return replace(result, published=normalise(result.published))


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8 read as Latin-1 undone, when the text shows it: C1 control characters
    (U+0080-U+009F), which no real text holds, in a run that is valid UTF-8 ("â\x80\x9c" -> "“",
    a page whose bytes were encoded twice). Then every such run is decoded ("Â\xa0" -> no-break
    space); a text without C1 characters is returned as it is."""
    if not _C1.search(text):
        return text
    return _UTF8_RUN.sub(_decoded, text)


def _decoded(run: re.Match[str]) -> str:
    try:
        return run.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return run.group()


_C1 = re.compile("[\x80-\x9f]")
_UTF8_RUN = re.compile("[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


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


def headline_only(page: Page) -> Article:
    """A record that gives a headline and no text (``records.headline_to_page``): an Article of
    no paragraphs, for clustering by its headline."""
    return Article(id=page.id, source=page.source, title=(page.title or "").strip(), paragraphs=(),
                   url=page.url, published=page.published, outlet=page.outlet)


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
