"""What trafilatura leaves out of a body it read, found by rule: the rest of a body split over
containers of one class, the headings and the prose paragraphs between two paragraphs it kept,
the boxes precision mode drops, and the body a page declares. The lists and paragraphs the list
model puts back are in ``looselists``; what all these steps read of the page is in ``pageblocks``.

A split body. trafilatura reads the body from the first element its first body expression
matches (a ``div`` of class "article__body", "entry-content", "post-content" ...,
``BODY_XPATH``) and from no other. Some pages print one article in several such containers of
the same class, an advertisement or a rail between them; the text then stops where the first
container ends (on the dev pages two scrapinghub stories, each cut at a third). ``split_body``
finds the other containers of the class that holds the body and gives their text: in the same
``<article>`` (or outside any, as the first), not nested in one another, not link lists (a
block whose words are more than ``MAX_LINK_SHARE`` inside links is left out, as is a container
made so), and not a second rendering of the body (a container most of whose words the body
holds already: a page printing its text twice, once for small screens). The class names are
trafilatura's own, and the page's markup must repeat one of them (``repeated_body_classes``,
one search of the markup) before the tree is read at all.

Headings. Where no body expression matches, trafilatura gathers the page's loose paragraphs
(its ``recover_wild_text``), which takes no heading: a guide's "How to use the rankings" and
"Types of meditation" go while the paragraphs around them stay (on the WCXB dev articles 875
headings printed between two paragraphs the body keeps, one after the other, are in the gold
text and 25 are not). ``dropped_headings`` gives each ``<h2>`` to ``<h6>`` whose nearest
siblings with text, before and after it, are two ``<p>`` the body holds one after the other,
and that is not mostly a link (a teaser's "Related: ..."). Nothing here is learned.

Loose paragraphs. Where trafilatura's body is gathered from several places (its
``recover_wild_text``, or our own additions), a paragraph printed between two paragraphs the
body keeps may still be missing: a section in a container of its own that the run never read.
``loose_paragraphs`` gives each ``<p>`` that lies, in document order, between the first and the
last ``<p>`` the body holds, when it reads as prose (``MIN_LOOSE_WORDS`` words or more, a
sentence's closing stop), when no sibling of it is a paragraph the body holds (there
trafilatura read the container and left the paragraph out on purpose), when it is not mostly
a link, and when no container around it is page furniture (``<aside>``, ``<nav>``,
``<header>``, ``<footer>``, ``<form>``, a caption's ``<figcaption>``, a teaser card's ``<a>``,
or a class or id naming a sidebar, a share bar, a comment thread, an author box, a newsletter
call ...: ``FURNITURE``; not ``<figure>``, in which pages print their pull quotes), nor a
pop-up the page opens over its text (``in_pop_up``: a ``<dialog>``, a ``role`` of dialog or
tooltip, ``aria-modal``; a glossary's definitions, round 25; no loose block either). Each goes
before the body paragraph that follows it in the markup. Measured on the dev pages: WCXB
articles 0.94499 -> 0.94717 (21 pages up, 8 down), scrapinghub HTML 0.9753 -> 0.9755.

Boxes (round 25). trafilatura's precision mode drops every element whose ``style`` draws a
border (its ``PRECISION_DISCARD_XPATH``), which page builders give to accordions, key-points
boxes and roundups' cards inside an article. ``boxed_blocks`` gives the text blocks of such a box
lying between two paragraphs of the body (none holding one, none in the furniture or a pop-up),
each before the body paragraph that follows it; ``articlebody.boxed`` adds them after the list model.
A box that is a text block itself or holds none (a bordered ``<p>`` with a link or emphasis in
it, a ``<div>`` of inline text) gives its whole text (round 26: before, only its text blocks).

The declared body (round 23). Some pages print their article with script: the markup's
elements hold a teaser or the first section, and the whole text sits in the page's schema.org
declaration (a ``<script type="application/ld+json">`` object's ``articleBody``).
``declared_body`` reads the longest ``articleBody`` the page declares (one search of the markup
for the word first), its lines as paragraphs; ``articlebody.declared`` reads it in place of a body it
holds and outweighs.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import trafilatura.xpaths

from broadsheet.extract.pageblocks import (
    FURNITURE,
    FURNITURE_TAGS,
    MAX_LINK_SHARE,
    MIN_LOOSE_WORDS,
    STOPS,
    TEXT_BLOCKS,
    body_at,
    body_keys,
    is_pop_up,
    key_of,
    links_over,
    page_blocks,
    printed,
    text_blocks,
)

_BODY_CLASS = re.compile("|".join(trafilatura.xpaths._ARTICLE_CONTENT_CLASS_TOKENS))
_CLASS_VALUE = re.compile(r'class="([^"]+)"')
_CONTAINERS = frozenset({"div", "section", "article", "main"})
MIN_WORDS = 20
MAX_KNOWN_SHARE = 0.8


@dataclass(frozen=True)
class Split:
    """The text of a split body's other containers, around the body paragraphs (``first`` to
    ``last``, indices into the body) that lie in the container trafilatura read."""

    first: int
    last: int
    before: tuple[str, ...]
    after: tuple[str, ...]


def repeated_body_classes(markup: str) -> list[str]:
    """The class values that name an article body (trafilatura's class words) and that the
    markup prints more than once."""
    counts = Counter(_CLASS_VALUE.findall(markup))
    return [value for value, count in counts.items() if count > 1 and _BODY_CLASS.search(value)]


def split_body(tree: Any, markup: str, paragraphs: Sequence[str]) -> Split | None:
    """The other parts of a body split over containers of one class, or None when the page
    has none (``paragraphs``: the body as it stands, one paragraph an item)."""
    if tree is None or not paragraphs:
        return None
    for klass in repeated_body_classes(markup):
        found = _split(_outermost(tree.xpath("//*[@class=$c]", c=klass)), paragraphs)
        if found is not None:
            return found
    return None


def _outermost(elements: list[Any]) -> list[Any]:
    """The container elements (``_CONTAINERS``) of ``elements`` not inside another of them."""
    kept = [element for element in elements if element.tag in _CONTAINERS]
    inner = {id(child) for element in kept for child in element.iterdescendants()}
    return [element for element in kept if id(element) not in inner]


def _split(members: list[Any], paragraphs: Sequence[str]) -> Split | None:
    """The split of the body over ``members`` (one class's containers, in document order):
    the one holding most body paragraphs is trafilatura's, the others' text goes around it."""
    if len(members) < 2:
        return None
    keys = list(body_keys(tuple(paragraphs)))
    texts = [key_of(str(member.text_content())) for member in members]
    inside = [[i for i, key in enumerate(keys) if key and key in text] for text in texts]
    home = max(range(len(members)), key=lambda m: len(inside[m]))
    if not inside[home]:
        return None
    known = set(keys)
    body_words = {word for key in keys for word in key.split()}
    before: list[str] = []
    after: list[str] = []
    for m, member in enumerate(members):
        if m == home or _article(member) is not _article(members[home]):
            continue
        blocks = [block for block in text_blocks(member) if key_of(block) not in known]
        if blocks and not _known(texts[m], body_words) and not links_over(member, MAX_LINK_SHARE):
            (before if m < home else after).extend(blocks)
    if not before and not after:
        return None
    return Split(inside[home][0], inside[home][-1], tuple(before), tuple(after))


def dropped_headings(tree: Any, paragraphs: Sequence[str]) -> dict[int, list[str]]:
    """The headings the body lacks between two of its paragraphs (``paragraphs``, in order),
    by the index of the paragraph each goes before."""
    if tree is None or len(paragraphs) < 2:
        return {}
    between = [(heading, before, after) for heading in page_blocks(tree).headings
               if (before := _sibling_paragraph(heading, True))
               and (after := _sibling_paragraph(heading, False))]
    if not between:
        return {}
    at = body_at(tuple(paragraphs))
    found: dict[int, list[str]] = {}
    for heading, before, after in between:
        text = " ".join(str(heading.text_content()).split())
        if not text or key_of(text) in at or links_over(heading, 0.5):
            continue
        first = at.get(key_of(before), -1)
        if first >= 0 and at.get(key_of(after)) == first + 1:
            found.setdefault(first + 1, []).append(text)
    return found


def loose_paragraphs(tree: Any, paragraphs: Sequence[str]) -> dict[int, list[str]]:
    """The prose paragraphs the body lacks between two of its own in the markup's order
    (``paragraphs``, in order), by the index of the body paragraph each goes before."""
    if tree is None or len(paragraphs) < 2:
        return {}
    at = body_at(tuple(paragraphs))
    body = " ".join(at)
    marks = page_blocks(tree).paragraphs
    held = [i for i, (_, key) in enumerate(marks) if key in at]
    found: dict[int, list[str]] = {}
    waiting: list[str] = []
    for element, key in marks[held[0] + 1:held[-1] + 1] if held else ():
        if key in at:
            if waiting:
                found.setdefault(at[key], []).extend(waiting)
                waiting = []
        elif _loose(element, key, at) and not printed(key, body):
            waiting.append(" ".join(str(element.text_content()).split()))
    return found


def _loose(element: Any, key: str, at: dict[str, int]) -> bool:
    """Is ``element`` (a ``<p>`` the body lacks, ``key`` its words) prose outside both the
    container trafilatura read and the page's furniture?"""
    text = str(element.text_content()).rstrip()
    if len(key.split()) < MIN_LOOSE_WORDS or not text.endswith(STOPS):
        return False
    parent = element.getparent()
    if parent is not None and any(key_of(str(sibling.text_content())) in at for sibling in parent
                                  if sibling is not element and isinstance(sibling.tag, str)):
        return False
    return not links_over(element, 0.5) and not any(
        ancestor.tag in FURNITURE_TAGS or is_pop_up(ancestor)
        or FURNITURE.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}")
        for ancestor in element.iterancestors())


def _sibling_paragraph(element: Any, preceding: bool) -> str:
    """The text of ``element``'s nearest sibling with text before it (``preceding``) or after
    it, when that sibling is a ``<p>`` ("" otherwise: a container's text is never one
    paragraph of the body)."""
    for sibling in element.itersiblings(preceding=preceding):
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == "p":
            text = str(sibling.text_content())
            if text.strip():
                return text
        elif any(part.strip() for part in sibling.itertext()):
            return ""
    return ""


def _article(element: Any) -> Any:
    """The nearest ``<article>`` around ``element`` (None outside any)."""
    return next(element.iterancestors("article"), None)


def _known(text: str, body_words: set[str]) -> bool:
    """Does the body hold most of ``text``'s words already (a second rendering of it)? A
    container of fewer than ``MIN_WORDS`` words counts as known: nothing worth adding."""
    words = text.split()
    return len(words) < MIN_WORDS or sum(w in body_words for w in words) > MAX_KNOWN_SHARE * len(words)


_BOXES = ("div", "section", "span", "p")
_BOXED = "border"  # what precision mode's discard rule seeks in a ``style`` (PRECISION_DISCARD_XPATH)
_OUTSIDE_TEXT = ("header", "nav", "aside", "footer", "form")
MAX_BOXES = 500  # each box's place is two searches of the tree; dev pages draw 264 at most


def boxed_blocks(tree: Any, paragraphs: Sequence[str]) -> dict[int, list[str]]:
    """The text blocks of the boxes precision mode drops inside the body's span (an element
    whose ``style`` draws a border: an accordion, a key-points box, a roundup's cards), by the
    index of the body paragraph each box goes before. A box holding a paragraph of the body
    was read (no drop), one in the page's furniture or a pop-up is no text, and a block the
    body holds or prints (``printed``) is not given twice."""
    if tree is None or len(paragraphs) < 2:
        return {}
    boxes = [box for box in tree.iter(*_BOXES) if _BOXED in str(box.get("style", ""))]
    if not boxes or len(boxes) > MAX_BOXES:  # a layout of boxes, not an article with a few
        return {}
    at = body_at(tuple(paragraphs))
    marks = page_blocks(tree).paragraphs
    place = {element: i for i, (element, _) in enumerate(marks)}
    held = [i for i, (_, key) in enumerate(marks) if key in at]
    if len(held) < 2:
        return {}
    body = " ".join(at)
    found: dict[int, list[str]] = {}
    inner = {child for box in boxes for child in box.iterdescendants(*_BOXES)}
    for box in boxes:
        following = _boxed_before(box, place, marks, at, held) if box not in inner else None
        if following is None:
            continue
        blocks = [block for block in _box_texts(box)
                  if block and (key := key_of(block)) not in at and not printed(key, body)]
        if blocks:
            found.setdefault(following, []).extend(blocks)
    return found


def _box_texts(box: Any) -> list[str]:
    """The text blocks of a box: its own text, whitespace folded, when it is a text block
    itself or holds none (a bordered ``<p>`` with its links and emphasis, a ``<div>`` of
    inline text; a script's or style sheet's text is none of it: an advertisement's slot),
    else its text blocks (``text_blocks``); none mostly links."""
    if box.tag in TEXT_BLOCKS or next(box.iterdescendants(*TEXT_BLOCKS), None) is None:
        if len(box) and links_over(box, MAX_LINK_SHARE):
            return []
        return [" ".join("".join(box.xpath(_PRINTED_TEXT)).split())]
    return text_blocks(box)


_PRINTED_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


def _boxed_before(box: Any, place: dict[Any, int], marks: Sequence[tuple[Any, str]],
                  at: dict[str, int], held: list[int]) -> int | None:
    """The index of the body paragraph ``box`` goes before, or None when the box lies outside
    the body's span, holds a paragraph of the body, or sits in furniture or a pop-up."""
    if any(key_of(str(p.text_content())) in at for p in box.iter("p")):
        return None
    if any(ancestor.tag in _OUTSIDE_TEXT or is_pop_up(ancestor) for ancestor in box.iterancestors()):
        return None
    after = next(iter(box.xpath("following::p[1]")), None)
    before = next(iter(box.xpath("preceding::p[1]")), None)
    if after is None or before is None or after not in place or before not in place:
        return None
    if place[before] < held[0] or place[after] > held[-1]:
        return None
    following = held[bisect_right(held, place[after] - 1)]
    return at[marks[following][1]]


_DECLARED = "articleBody"
_MARKED_UP = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")


def declared_body(tree: Any, markup: str) -> list[str]:
    """The paragraphs (its lines, whitespace folded) of the longest ``articleBody`` the page's
    JSON-LD declarations hold, or [] when none does. A declaration that is not JSON, or nests
    deeper than the parser goes, declares nothing; a body holding markup is not plain text and
    is not read."""
    if tree is None or _DECLARED not in markup:
        return []
    found: list[str] = []
    for script in tree.iter("script"):
        if "ld+json" not in str(script.get("type", "")).lower() or not script.text:
            continue
        try:
            found.extend(_declared(json.loads(script.text)))
        except (ValueError, RecursionError):  # a broken declaration declares nothing
            continue
    longest = max(found, key=len, default="")
    if _MARKED_UP.search(longest):
        return []
    return [folded for line in longest.splitlines() if (folded := " ".join(line.split()))]


def _declared(value: Any) -> list[str]:
    """Every ``articleBody`` string inside a parsed JSON value."""
    if isinstance(value, list):
        return [body for item in value for body in _declared(item)]
    if not isinstance(value, dict):
        return []
    return [body for key, item in value.items() for body in
            ([item] if key == _DECLARED and isinstance(item, str) else _declared(item))]
