"""HTML path: a fetched page -> the clean Article, via trafilatura and our boilerplate stage.

trafilatura gives the body text, one paragraph a line, and the metadata (title, authors, date via
htmldate, sitename, categories, language). It runs once on most pages, with ``favor_precision``
(best alone on the scrapinghub news pages: F1 0.970 against 0.961 for the default) in fast mode;
the full precise run only when that body looks cut short (``needs_full_run``), and a run with
default settings only when the precise body is short (on WCXB's varied article pages precision
mode sometimes keeps only a first section: 0.934 against 0.913 on a quarter of the dev articles),
and, on a page judged an article, the fast recall run only when the text chosen then still
looks cut short (``recalled``).
Its paragraphs then go through the same boilerplate stage as the plain-text path, which removes
the in-article promos, sign-up calls, author bios and brand lines that trafilatura keeps; as in
the plain-text path, a related-stories list is read into ``related`` and taken out (not a list
holding most of the body's words: that is the content), a paragraph
repeating the headline is dropped, and when the markup names no site the outlet is guessed from
the text. Where the precise body announces a list it does not hold ("This meant:" and then no
list), the gaps between the paragraphs it keeps are filled from trafilatura's recall run; where
the markup prints the body in several containers of one class, the others' text joins it
(``leftout``: trafilatura reads the first only), the prose paragraphs printed between two of
the body's own outside the container it read come back, and so do the headings trafilatura
left out between two paragraphs it kept; then the lists and paragraphs still missing inside
the body's span that the learned list model keeps (``looselists.kept_lists``, ``listed``), and the
text of the boxes precision mode drops there (an element whose style draws a border: ``boxed``); last,
where the page's JSON-LD declares an ``articleBody`` that holds the body read and far more (a
page printing its text with script), the declared one (``declared``).

Guards: empty input, binary junk (a tenth of the characters control or replacement characters)
and markup trafilatura cannot parse become ``Rejected`` values — nothing raises out of
``extract_html``; a stray NUL or control character in a real page (a broken server, a bad copy)
is blanked, not a reason to refuse the page. Only the first ``MAX_HTML_CHARS`` (5 million)
characters are handed to lxml: a larger page is cut there, so a huge page costs bounded time and
memory. Content without a single tag is read by the plain-text path instead.

The path's steps live in their own modules: ``htmlruns`` (the one parse and trafilatura's runs),
``htmlparts`` (the page's parts before the verdict), ``htmlverdict`` (article or not),
``articlebody`` (what the runs left out of an article, put back) and ``pagebody`` (the reading of
a page that is not an article); this module runs them and assembles the Article.
"""

from __future__ import annotations

import re

from broadsheet.extract import pagekind
from broadsheet.extract.articlebody import boxed, completed, declared, listed
from broadsheet.extract.htmlparts import HtmlParts, html_parts
from broadsheet.extract.htmlverdict import weighed
from broadsheet.extract.language import guess_language
from broadsheet.extract.pagebody import page_body
from broadsheet.extract.text import extract_text, junk_reason
from broadsheet.model import PARAGRAPH_SEPARATOR, Article, Page, Rejected

_TAG = re.compile(r"<[A-Za-z!/?]")
_SAMPLE = 65_536


def extract_html(page: Page) -> Article | Rejected:
    """The clean article of an HTML page (``Page.kind == "html"``), or why there is none."""
    return judged(page)[0]


def judged(page: Page) -> tuple[Article | Rejected, pagekind.Evidence | None]:
    """The article of an HTML page and what it was judged on (None if rejected or read as
    plain text); the benchmark measures the classifier on held-out sites with it."""
    result, evidence, _ = judged_parts(page)
    return result, evidence


def judged_parts(page: Page) -> tuple[Article | Rejected, pagekind.Evidence | None,
                                      HtmlParts | None]:
    """``judged``, with the page's parts as parsed (None where there are none): no step changes
    their tree, so a caller may read more of the page from them (``with_readings``) without
    parsing it again."""
    junk = junk_reason(page.content)
    if junk is not None:
        return Rejected.of(page, "extract", *junk), None, None
    if not _TAG.search(page.content[:_SAMPLE]):
        return extract_text(page), None, None
    parts = html_parts(page)
    if isinstance(parts, Rejected):
        return parts, None, None
    evidence, kind, default = weighed(parts)
    return _article(page, declared(boxed(listed(completed(parts)))) if kind is None
                    else page_body(parts, default), kind), evidence, parts


def _article(page: Page, parts: HtmlParts, kind: str | None) -> Article:
    """Assemble the Article from what the HTML path found and the page-kind verdict."""
    meta, paragraphs = parts.meta, parts.paragraphs
    return Article(
        id=page.id,
        source=page.source,
        title=parts.title or paragraphs[0][:120],
        paragraphs=paragraphs,
        url=parts.url,
        authors=meta.authors,
        published=page.published or meta.published,
        outlet=page.outlet or meta.outlet or parts.outlet,
        section=meta.section,
        language=meta.language or guess_language(PARAGRAPH_SEPARATOR.join(paragraphs)),
        is_article=kind is None,
        not_article=kind,
        opinion=meta.opinion,
        related=parts.related,
    )
