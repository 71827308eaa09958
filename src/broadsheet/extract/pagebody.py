"""The reading of an HTML page that is not an article (a listing, a shop, a forum, docs):
trafilatura's default run through the boilerplate stage, the gaps its recall run fills, and
without the site's controls (``page_body``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from broadsheet.extract import boilerplate
from broadsheet.extract.articlebody import gap_span, recall_run
from broadsheet.extract.htmlparts import HtmlParts, body_paragraphs, cleaned_lines
from broadsheet.extract.htmlverdict import default_text
from broadsheet.extract.text import without_related
from broadsheet.model import RelatedItem


def page_body(parts: HtmlParts, default: str | None = None) -> HtmlParts:
    """The text of a page that is not an article (a listing, a shop, a forum, docs): trafilatura's
    default run through our boilerplate stage. Precision mode, right for articles, cuts too much
    of such pages: on the WCXB dev pages that are not articles (forums, products, listings, docs,
    in many languages) their must / must-not strings score 0.790 this way, against 0.769 for the
    article reading and 0.789 for trafilatura alone. The lists stay in (on a listing the list is
    the content; taking it out as related stories costs 0.001), and so does the headline line.
    When the default run adds nothing but what the article reading took out (its related list,
    the headline) that reading stands: the page reads as an article to us even if not to the
    classifier (a bare page with no address or declaration). Only when what it took out is a
    list of stories, though (``_stories``): a run of product tiles, reviews or specification
    rows read as a related list is the content of a shop or listing page (WCXB dev pages that
    are not articles: 0.7885 -> 0.7896, trafilatura alone 0.7885). Nothing found: the reading
    stands. Round 22: then the gaps trafilatura's recall run fills inside that text
    (``_gaps_recalled``) and without the lines that are the site's controls (``_unchromed``:
    "Add to cart", "Sign in", "Sort by"); sites held out, see extraction round 22. ``default``:
    trafilatura's default text when the verdict already read it (``weighed``), else read here."""
    if parts.tree is None:
        return parts
    return _unchromed(_gaps_recalled(_page_reading(parts, default)))


def _page_reading(parts: HtmlParts, default: str | None) -> HtmlParts:
    """``page_body``'s reading before the gaps and the controls: trafilatura's default text
    through our boilerplate stage, or the article reading where it stands."""
    text = default_text(parts) if default is None else default
    if text is None:
        return parts
    lines = body_paragraphs(text)
    kept, related = without_related(lines, body=True)
    if _stories(related) and cleaned_lines(kept, parts.title, parts.outlet,
                                      parts.url) == parts.paragraphs:
        return parts
    paragraphs = boilerplate.clean_paragraphs(lines, parts.outlet)
    return replace(parts, paragraphs=paragraphs) if paragraphs else parts


def _gaps_recalled(parts: HtmlParts) -> HtmlParts:
    """A page that is not an article with the paragraphs trafilatura's recall run holds between
    the first and the last it shares with the reading (``with_gaps_added``: a forum's posts, a
    shop's specification rows the default run skipped; never a fuller run's head or tail),
    through the boilerplate stage."""
    fuller = recall_run(parts, fast=False)
    if fuller is None:
        return parts
    lines = body_paragraphs(fuller)
    if not gap_span(parts.paragraphs, lines):  # no gap even before cleaning
        return parts
    cleaned = boilerplate.clean_paragraphs(lines, parts.outlet)
    return replace(parts, paragraphs=with_gaps_added(parts.paragraphs, cleaned))


def with_gaps_added(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """Every paragraph of ``mine`` and, after each it shares with ``theirs``, the paragraphs
    ``theirs`` holds next (up to the next shared one, inside the span of the shared ones):
    ``with_gaps_filled`` without giving up a paragraph of ``mine`` that ``theirs`` lacks (on a
    page that is not an article the reading's own lines, a shop's details, a thread's replies,
    are content whichever run found them)."""
    common = gap_span(mine, theirs)
    if not common:
        return tuple(mine)
    following: dict[str, list[str]] = {}
    for start, end in pairwise(common):
        following.setdefault(theirs[start], list(theirs[start + 1:end]))
    return tuple(line for paragraph in mine for line in (paragraph, *following.pop(paragraph, ())))


def _unchromed(parts: HtmlParts) -> HtmlParts:
    """A page that is not an article without its controls' lines (``boilerplate.without_chrome``)."""
    return replace(parts, paragraphs=boilerplate.without_chrome(parts.paragraphs))


def _stories(related: Sequence[RelatedItem]) -> bool:
    """True for no list at all, or a related-stories list: most of its items carry a section
    label their teasers share ("Feature ...", "Speed Read ..."), as story widgets print them."""
    return not related or sum(item.label is not None for item in related) > len(related) / 2
