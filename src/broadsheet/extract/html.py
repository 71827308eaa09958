"""HTML path: a fetched page -> the clean Article, via trafilatura and our boilerplate stage.

trafilatura gives the body text, one paragraph a line, and the metadata (title, authors, date via
htmldate, sitename, categories, language). It runs twice: with ``favor_precision`` (best alone on
the scrapinghub news pages: F1 0.964 against 0.960 for the default) and with default settings
(best on WCXB's varied article pages: bag-of-words F1 0.932 against 0.910); the precise text is
kept unless it holds under 60% of the default's words, where precision mode has cut a body short
(0.967 and 0.933 on the two benchmarks). Its paragraphs then go through the same boilerplate
stage as the plain-text path, which removes the in-article promos, sign-up calls, author bios and
brand lines that trafilatura keeps; as in the plain-text path, a related-stories list is read into
``related`` and taken out, a paragraph repeating the headline is dropped, and when the markup
names no site the outlet is guessed from the text.

Guards: empty input, binary junk (NUL bytes, mostly control or replacement characters) and
markup trafilatura cannot parse become ``Rejected`` values — nothing raises out of
``extract_html``. Only the first ``MAX_HTML_CHARS`` (5 million) characters are handed to lxml: a
larger page is cut there, so a huge page costs bounded time and memory (under 1.5 s for the largest,
5 MB, WCXB pages; a 2 MB cap lost the body of 3 of the 5 largest, whose scripts come first).
Content without a single tag is read by the plain-text path instead.
"""

from __future__ import annotations

import re
from typing import Any

from broadsheet.extract import boilerplate, metadata
from broadsheet.extract.language import guess_language
from broadsheet.extract.text import extract_text, is_prose, same_text, without_related
from broadsheet.model import PARAGRAPH_SEPARATOR, Article, Page, Rejected
from broadsheet.text import word_count

MAX_HTML_CHARS = 5_000_000
SHORT_ARTICLE_WORDS = 50
DECLARED_ARTICLE_WORDS = 150
URL_ARTICLE_WORDS = 200
LONG_BODY_WORDS = 1500
MIN_PROSE_SHARE = 0.7
_ARTICLE_OG_TYPES = frozenset({"article", "newsarticle", "blogposting", "blog"})
MIN_PRECISE_WORDS = 50
MIN_PRECISE_SHARE = 0.6
_TAG = re.compile(r"<[A-Za-z!/?]")
_SAMPLE = 65_536



def junk_reason(content: str) -> tuple[str, str] | None:
    """Why ``content`` is not a page at all (``empty``, ``binary``), or None when it may be one."""
    if not content.strip():
        return "empty", "the page is empty"
    sample = content[:_SAMPLE]
    if "\x00" in sample:
        return "binary", "the page holds NUL bytes: binary data, not markup"
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if odd > 0.1 * len(sample):
        return "binary", f"{odd} of the first {len(sample)} characters are control or undecodable"
    return None


def run_trafilatura(markup: str, url: str | None, *, precise: bool, with_metadata: bool) -> Any:
    """trafilatura's ``Document`` for ``markup``, or None when it found no text."""
    import trafilatura

    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=with_metadata,
        include_comments=False,
        favor_precision=precise,
    )


def _text(doc: Any) -> str:
    """A trafilatura document's text ("" for no document)."""
    return str(doc.text or "") if doc is not None else ""


def _extraction(markup: str, url: str | None) -> tuple[str, Any]:
    """The body text and the document holding the metadata.

    The text is the precise run's, unless it kept under ``MIN_PRECISE_SHARE`` of the words of
    the default run or under ``MIN_PRECISE_WORDS`` words (precision mode sometimes cuts a body
    down to its first section). Metadata (half the cost of a run: htmldate) is read once.
    """
    precise = run_trafilatura(markup, url, precise=True, with_metadata=True)
    default = run_trafilatura(markup, url, precise=False, with_metadata=precise is None)
    kept, found = (word_count(_text(d)) for d in (precise, default))
    use_precise = kept >= MIN_PRECISE_WORDS and kept >= MIN_PRECISE_SHARE * found
    text = _text(precise) if use_precise or kept >= found else _text(default)
    return text, precise if precise is not None else default


def body_paragraphs(text: str) -> list[str]:
    """trafilatura's text output, one paragraph a line, as a list of non-empty paragraphs."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def decide_is_article(meta: metadata.HtmlMetadata, paragraphs: tuple[str, ...],
                      url: str | None) -> bool:
    """Is this page an article (a story, a post) rather than a listing, shop, forum or docs page?

    Evidence, measured on WCXB's seven page types (0.89 accuracy on a third of the dev split)
    and kept lenient for short news stories: a URL that looks like a shop, forum, docs or section
    page says no; a story URL (a date, a news or blog path), or an article declaration (og:type,
    schema.org ``Article`` types) on a slug URL, needs ``SHORT_ARTICLE_WORDS`` words of body; a
    declaration alone ``DECLARED_ARTICLE_WORDS``; a slug alone ``URL_ARTICLE_WORDS``; with no
    evidence at all, a long body of running prose.
    """
    words = sum(word_count(p) for p in paragraphs)
    prose = sum(word_count(p) for p in paragraphs if is_prose(p))
    declared = meta.declares_article or (meta.page_type or "").lower() in _ARTICLE_OG_TYPES
    hint = metadata.url_hint(url)
    if hint < 0:
        return False
    if hint == 2 or (declared and hint == 1):
        return words >= SHORT_ARTICLE_WORDS
    if declared:
        return words >= DECLARED_ARTICLE_WORDS
    if hint == 1:
        return words >= URL_ARTICLE_WORDS
    return words >= LONG_BODY_WORDS and prose >= MIN_PROSE_SHARE * words


def extract_html(page: Page) -> Article | Rejected:
    """The clean article of an HTML page (``Page.kind == "html"``), or why there is none."""
    junk = junk_reason(page.content)
    if junk is not None:
        return Rejected.of(page, "extract", *junk)
    if not _TAG.search(page.content[:_SAMPLE]):
        return extract_text(page)
    markup = page.content[:MAX_HTML_CHARS]
    try:
        text, doc = _extraction(markup, page.url)
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        return Rejected.of(page, "extract", "parse_error", f"the markup could not be parsed: {exc!r}"[:300])
    if doc is None or not text.strip():
        return Rejected.of(page, "extract", "no_text", "no article text was found in the markup")
    return _article(page, text, doc, markup)


def _article(page: Page, text: str, doc: Any, markup: str) -> Article | Rejected:
    """Assemble the Article from trafilatura's text and metadata, boilerplate removed."""
    meta = metadata.from_document(doc, markup)
    url = page.url or (doc.url or None)
    lines, related = without_related(body_paragraphs(text))
    outlet = page.outlet or meta.outlet or metadata.guess_outlet(lines)
    title = page.title or meta.title
    body = [line for line in lines if line and not (title and same_text(line, title))]
    paragraphs = boilerplate.clean_paragraphs(body, outlet)
    if not paragraphs:
        return Rejected.of(page, "extract", "no_text", "the page text was all boilerplate")
    return Article(
        id=page.id,
        source=page.source,
        title=title or paragraphs[0][:120],
        paragraphs=paragraphs,
        url=url,
        authors=meta.authors,
        published=page.published or meta.published,
        outlet=outlet,
        section=meta.section,
        language=meta.language or guess_language(PARAGRAPH_SEPARATOR.join(paragraphs)),
        is_article=decide_is_article(meta, paragraphs, url),
        related=related,
    )
