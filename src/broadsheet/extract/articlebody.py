"""The body of a page judged an article with what trafilatura's runs left out put back
(``completed``, then the list model's blocks, the boxes and the declared body): the gaps a body
announces filled from the recall run, the recall run's text where the runs left the body short,
the rest of a body split over containers, loose paragraphs and dropped headings (``leftout``),
the loose lists the list model keeps (``looselists``). Every addition is cleaned as the body is.
Only articles: the verdict reads the body as the runs chose it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from broadsheet.extract import htmlruns, leftout, looselists
from broadsheet.extract.htmlparts import HtmlParts, body_paragraphs, cleaned_lines
from broadsheet.extract.text import without_related
from broadsheet.text import lower_words, word_count

DECLARED_LONGER = 1.5  # a declared body read when this many times as long as ours (round 23)
DECLARED_HOLDS = 0.8  # ... and holding this share of our body's words


def completed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with what trafilatura left out put back
    (``recalled``, ``filled``, ``continued``, ``loosened``, ``headed``), before the list model's
    choice. A body read from the recall run is not filled from that same run again."""
    recall = recalled(parts)
    return headed(loosened(continued(filled(parts) if recall is parts else recall)))


def announces_missing(paragraphs: Sequence[str]) -> bool:
    """Does the body hold a paragraph that announces what follows ("This meant:", "Some
    implications are:") followed by one that is not a list item? Then the run left out what
    was announced: mostly a list, which precision mode drops inside the body (on WCXB's guides
    and explainers); the recall run keeps it."""
    return any(first.endswith(":") and not second.startswith(_LIST_ITEM)
               for first, second in pairwise(paragraphs))


_LIST_ITEM = "- "


def with_gaps_filled(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """``mine`` with the paragraphs ``theirs`` (the recall run's) holds between the first and the
    last paragraph the two share: the gaps inside the body, in ``theirs``'s order and wording;
    what ``mine`` holds before and after them stays its own, and a fuller run's extra head or
    tail (teasers, comments, footers) is never taken."""
    common = gap_span(mine, theirs)
    if not common:
        return tuple(mine)
    first = list(mine).index(theirs[common[0]])
    last = len(mine) - 1 - list(mine)[::-1].index(theirs[common[-1]])
    if last < first:
        return tuple(mine)
    return (*mine[:first], *theirs[common[0]:common[-1] + 1], *mine[last + 1:])


def gap_span(mine: Sequence[str], theirs: Sequence[str]) -> list[int]:
    """The positions in ``theirs`` of the paragraphs ``mine`` holds too, or [] when ``theirs``
    holds nothing else between the first and the last of them (no gap to fill). A subsequence
    of ``theirs`` (``theirs`` cleaned, which only drops lines) then has no gap either."""
    shared = set(mine)
    common = [i for i, paragraph in enumerate(theirs) if paragraph in shared]
    if not common or all(paragraph in shared for paragraph in theirs[common[0]:common[-1]]):
        return []
    return common


def filled(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the gaps its body announces filled
    (``announces_missing``, ``with_gaps_filled``) from trafilatura's fast recall run, cleaned as
    the body is. Only articles: the verdict and the reading of other pages (``page_body``)
    stay as they were."""
    if parts.tree is None or not announces_missing(parts.paragraphs):
        return parts
    fuller = recall_run(parts, fast=True)
    if fuller is None:
        return parts
    lines, _ = without_related(body_paragraphs(fuller), body=True)
    if not gap_span(parts.paragraphs, lines):  # no gap even before cleaning: skip the cleaning
        return parts
    paragraphs = with_gaps_filled(parts.paragraphs,
                                  cleaned_lines(lines, parts.title, parts.outlet, parts.url))
    return replace(parts, paragraphs=paragraphs)


def recall_run(parts: HtmlParts, *, fast: bool) -> str | None:
    """trafilatura's recall run on the page's tree (``fast``: the fast one), or None when it
    fails: the reading then stays as it was (``filled``, ``recalled``, ``_gaps_recalled``)."""
    return _recall_text(parts.tree, parts.url, fast)


@lru_cache(maxsize=2)
def _recall_text(tree: Any, url: str | None, fast: bool) -> str | None:
    """``recall_run``'s text, kept for the last page read (by its tree: no step changes it):
    a page whose body ``recalled`` leaves as it was and whose body announces a list it lacks
    (``filled``) asks for the same fast run twice (4 of the 1,678 dev pages)."""
    try:
        return htmlruns.run_trafilatura(tree, url, precise=False, recall=True, fast=fast)
    except Exception:  # lxml and trafilatura raise many types on hostile markup
        return None


def recalled(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with trafilatura's fast recall run's text in
    place of the body, where the runs left the body short (``recall_floor``) and the recall
    text passes the floor (``LONGER_DEFAULT`` times as long), cleaned as the body is. Round
    27: where precision mode finds little and the default run no more than a closing section
    or the first sections (a guide's text in a page builder's blocks), the recall run reads
    the whole; made on WCXB dev articles 18 of 791 (3 read it, all up), scrapinghub 21 of 181
    (none). Only articles, as ``filled``: the verdict reads the body as the runs chose it (read
    before the verdict, the recall text moved 14 pages that are not articles and the sites
    held out is-article figure 0.949 -> 0.938)."""
    if not parts.recall_floor or parts.tree is None:
        return parts
    fuller = recall_run(parts, fast=True)
    if fuller is None or word_count(fuller) <= parts.recall_floor:
        return parts
    lines, related = without_related(body_paragraphs(fuller), body=True)
    paragraphs = cleaned_lines(lines, parts.title, parts.outlet, parts.url)
    return replace(parts, paragraphs=paragraphs, related=related) if paragraphs else parts


def continued(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the rest of a body split over containers
    of one class (``leftout.split_body``: trafilatura reads the first only), cleaned as the
    body is and put where the markup prints it, before or after the paragraphs of the
    container trafilatura read. Only articles, as ``filled``."""
    split = leftout.split_body(parts.tree, parts.markup, parts.paragraphs)
    if split is None:
        return parts
    body = parts.paragraphs
    before, after = (cleaned_lines(lines, parts.title, parts.outlet, parts.url) if lines else ()
                     for lines in (split.before, split.after))
    paragraphs = (*body[:split.first], *before, *body[split.first:split.last + 1], *after,
                  *body[split.last + 1:])
    return replace(parts, paragraphs=paragraphs)


def headed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the headings trafilatura left out between
    two of its paragraphs (``leftout.dropped_headings``) put back. Only articles, as
    ``filled``."""
    return _inserted(parts, leftout.dropped_headings(parts.tree, parts.paragraphs))


def loosened(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the prose paragraphs printed between two
    of its own outside the container trafilatura read (``leftout.loose_paragraphs``), cleaned
    as the body is. Only articles, as ``filled``."""
    return _cleaned_in(parts, leftout.loose_paragraphs(parts.tree, parts.paragraphs))


def boxed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the text of the boxes precision mode drops
    inside the body's span (``leftout.boxed_blocks``: an element whose style draws a border),
    cleaned as the body is. Only articles, as ``filled``."""
    return _cleaned_in(parts, leftout.boxed_blocks(parts.tree, parts.paragraphs))


def listed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the loose blocks inside the body's span the
    list model keeps (``looselists.kept_lists``), cleaned as the body is. Only articles, as
    ``filled``."""
    found: dict[int, list[str]] = {}
    for block in looselists.kept_lists(parts.tree, parts.paragraphs):
        found.setdefault(block.before, []).extend(block_lines(parts, block))
    return _inserted(parts, {i: lines for i, lines in found.items() if lines})


def declared(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the body its JSON-LD declares
    (``leftout.declared_body``) in place of the one read from the markup, where the declared
    one holds ``DECLARED_LONGER`` times its words or more and most of them
    (``DECLARED_HOLDS``): a page printing its text with script, whose markup holds a part.
    Cleaned as the body is. Only articles, as ``filled``."""
    lines = leftout.declared_body(parts.tree, parts.markup)
    if not lines:
        return parts
    ours = [word for paragraph in parts.paragraphs for word in lower_words(paragraph)]
    theirs = [word for line in lines for word in lower_words(line)]
    if len(theirs) < DECLARED_LONGER * len(ours):
        return parts
    declared_words = set(theirs)
    if sum(word in declared_words for word in ours) < DECLARED_HOLDS * len(ours):
        return parts
    paragraphs = cleaned_lines(lines, parts.title, parts.outlet, parts.url)
    return replace(parts, paragraphs=paragraphs) if paragraphs else parts


def block_lines(parts: HtmlParts, block: looselists.LooseList) -> tuple[str, ...]:
    """The lines a loose block adds to ``parts``' body, cleaned as the body is."""
    return cleaned_lines(looselists.block_lines(block), parts.title, parts.outlet, parts.url)


def _cleaned_in(parts: HtmlParts, found: dict[int, list[str]]) -> HtmlParts:
    """``parts`` with the lines of ``found``, cleaned as the body is, each put before the body
    paragraph of its index (``_inserted``); a place whose lines all go adds nothing."""
    cleaned = {i: list(cleaned_lines(lines, parts.title, parts.outlet, parts.url))
               for i, lines in found.items()}
    return _inserted(parts, {i: lines for i, lines in cleaned.items() if lines})


def _inserted(parts: HtmlParts, found: dict[int, list[str]]) -> HtmlParts:
    """``parts`` with the lines of ``found`` each put before the body paragraph of its index."""
    if not found:
        return parts
    return replace(parts, paragraphs=with_lines(parts.paragraphs, found))


def with_lines(paragraphs: Sequence[str], found: Mapping[int, Sequence[str]]) -> tuple[str, ...]:
    """``paragraphs`` with the lines of ``found`` each put before the paragraph of its index."""
    return tuple(line for i, paragraph in enumerate(paragraphs)
                 for line in (*found.get(i, ()), paragraph))
