"""What trafilatura leaves out of a body it read: the rest of a body split over containers of
one class, and the headings between two paragraphs it kept.

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

Loose lists, learned. What is still missing inside the body's span after those rules is mostly
lists (a ``<ul>`` / ``<ol>``) and paragraphs the rule above turns down; on the WCXB dev articles
the junk among them outweighs the gold two to one, and no single structural test tells them
apart. ``loose_lists`` gives each such block (a list inside no other list, or a ``<p>`` inside no
list, between the first and the last ``<p>`` the body holds, none of whose items the body holds
or prints) with what the list model reads of it (``LIST_FEATURES``: its items' number, length,
closing stops and colons, its links, items that are one link, in-page anchors, its words the
body holds already, whether its neighbours are body paragraphs and the one before ends with a
colon, its parent's children the body holds, furniture around it, its distance to the body's
paragraphs, its place in the span ...); ``kept_lists`` keeps those the shipped model
(``list_model.json``, boosted trees trained by ``train_lists``) keeps, each going before the body
paragraph that follows it in the markup, a list's items as trafilatura prints them ("- ").

Boxes (round 25). trafilatura's precision mode drops every element whose ``style`` draws a
border (its ``PRECISION_DISCARD_XPATH``), which page builders give to accordions, key-points
boxes and roundups' cards inside an article. ``boxed_blocks`` gives the text blocks of such a box
lying between two paragraphs of the body (none holding one, none in the furniture or a pop-up),
each before the body paragraph that follows it; ``html.boxed`` adds them after the list model.
A box that is a text block itself or holds none (a bordered ``<p>`` with a link or emphasis in
it, a ``<div>`` of inline text) gives its whole text (round 26: before, only its text blocks).

The declared body (round 23). Some pages print their article with script: the markup's
elements hold a teaser or the first section, and the whole text sits in the page's schema.org
declaration (a ``<script type="application/ld+json">`` object's ``articleBody``).
``declared_body`` reads the longest ``articleBody`` the page declares (one search of the markup
for the word first), its lines as paragraphs; ``html.declared`` reads it in place of a body it
holds and outweighs.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import trafilatura.xpaths

from broadsheet.extract.linemodel import Ensemble
from broadsheet.text import WORD, lower_words

_BODY_CLASS = re.compile("|".join(trafilatura.xpaths._ARTICLE_CONTENT_CLASS_TOKENS))
_CLASS_VALUE = re.compile(r'class="([^"]+)"')
_CONTAINERS = frozenset({"div", "section", "article", "main"})
_TEXT_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
_SKIPPED = frozenset({"script", "style", "nav", "aside", "form", "figure", "figcaption",
                      "button", "noscript", "header", "footer", "iframe", "svg", "select"})
MAX_LINK_SHARE = 0.3
MIN_WORDS = 20
MAX_KNOWN_SHARE = 0.8
MIN_LOOSE_WORDS = 8
FURNITURE = re.compile(r"related|sidebar|widget|comment|share|social|footer|header|nav|menu|"
                       r"promo|newsletter|subscribe|author|bio|popup|modal|cookie|banner|"
                       r"ad-|ads|advert|sponsor|breadcrumb|tag|meta|toc", re.IGNORECASE)
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header", "form", "figcaption", "a"})
_STOPS = (".", "!", "?")


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
        blocks = [block for block in _blocks(member) if key_of(block) not in known]
        if blocks and not _known(texts[m], body_words) and not _links_over(member, MAX_LINK_SHARE):
            (before if m < home else after).extend(blocks)
    if not before and not after:
        return None
    return Split(inside[home][0], inside[home][-1], tuple(before), tuple(after))


HEADINGS = ("h2", "h3", "h4", "h5", "h6")


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
        if not text or key_of(text) in at or _links_over(heading, 0.5):
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
        elif _loose(element, key, at) and not _printed(key, body):
            waiting.append(" ".join(str(element.text_content()).split()))
    return found


def _loose(element: Any, key: str, at: dict[str, int]) -> bool:
    """Is ``element`` (a ``<p>`` the body lacks, ``key`` its words) prose outside both the
    container trafilatura read and the page's furniture?"""
    text = str(element.text_content()).rstrip()
    if len(key.split()) < MIN_LOOSE_WORDS or not text.endswith(_STOPS):
        return False
    parent = element.getparent()
    if parent is not None and any(key_of(str(sibling.text_content())) in at for sibling in parent
                                  if sibling is not element and isinstance(sibling.tag, str)):
        return False
    return not _links_over(element, 0.5) and not any(
        ancestor.tag in _FURNITURE_TAGS or _pop_up(ancestor)
        or FURNITURE.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}")
        for ancestor in element.iterancestors())


_POP_UP_ROLES = frozenset({"dialog", "alertdialog", "tooltip"})


def _pop_up(element: Any) -> bool:
    """Is ``element`` a pop-up the page opens over its text (a ``<dialog>``, a container whose
    ``role`` is a dialog's or a tooltip's, or that declares itself modal): a glossary's
    definitions, a sign-up form, never a part of the text as printed."""
    return (element.tag == "dialog" or element.get("role") in _POP_UP_ROLES
            or element.get("aria-modal") == "true")


def in_pop_up(element: Any) -> bool:
    """Is ``element`` inside a pop-up (``_pop_up``)?"""
    return any(_pop_up(ancestor) for ancestor in element.iterancestors())


def _printed(key: str, body: str) -> bool:
    """Does ``body`` (the body's words) print the paragraph of ``key`` already, maybe worded
    a little differently (a link's text spaced otherwise, a character mangled): its first and
    its last ``MIN_LOOSE_WORDS`` words both found in it?"""
    words = key.split()
    return all(" ".join(part) in body for part in (words[:MIN_LOOSE_WORDS],
                                                   words[-MIN_LOOSE_WORDS:]))


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


@dataclass(frozen=True)
class Blocks:
    """What rounds 15 to 20's steps read of a page's tree, from one walk of it in the markup's
    order (``page_blocks``): every ``<p>`` with its key (``key_of``), every ``<p>``, ``<ul>``
    and ``<ol>`` (a list with the key "": its items are read, not its own text), and the
    headings ``<h2>`` to ``<h6>``."""

    paragraphs: tuple[tuple[Any, str], ...]
    blocks: tuple[tuple[Any, str], ...]
    headings: tuple[Any, ...]


@lru_cache(maxsize=1)
def page_blocks(tree: Any) -> Blocks:
    """The page's ``Blocks``, one walk of ``tree``; kept for the last page read, whose loose
    paragraphs, loose lists and dropped headings all read them."""
    paragraphs: list[tuple[Any, str]] = []
    blocks: list[tuple[Any, str]] = []
    headings: list[Any] = []
    for element in tree.iter("p", *LISTS, *HEADINGS):
        if element.tag == "p":
            mark = (element, key_of(str(element.text_content())))
            paragraphs.append(mark)
            blocks.append(mark)
        elif element.tag in LISTS:
            blocks.append((element, ""))
        else:
            headings.append(element)
    return Blocks(tuple(paragraphs), tuple(blocks), tuple(headings))


@lru_cache(maxsize=1)
def body_keys(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The key (``key_of``) of each body paragraph; kept for the last body read, which the
    steps after a step that added nothing read unchanged."""
    return tuple(key_of(paragraph) for paragraph in paragraphs)


@lru_cache(maxsize=1)
def body_at(paragraphs: tuple[str, ...]) -> dict[str, int]:
    """The index of the first body paragraph of each key (``body_keys``); shared by the steps,
    which never change it."""
    at: dict[str, int] = {}
    for i, key in enumerate(body_keys(paragraphs)):
        at.setdefault(key, i)
    return at


def key_of(text: str) -> str:
    """A text's lower-cased words, space-joined: paragraphs compared whatever their markup.
    The words are lower-cased joined, which is their lower cases joined: a lower case depends
    on nothing outside its word but for a final sigma, and the space that ends a word ends it
    for that test too."""
    return " ".join(WORD.findall(text)).lower()


def _article(element: Any) -> Any:
    """The nearest ``<article>`` around ``element`` (None outside any)."""
    return next(element.iterancestors("article"), None)


def _known(text: str, body_words: set[str]) -> bool:
    """Does the body hold most of ``text``'s words already (a second rendering of it)? A
    container of fewer than ``MIN_WORDS`` words counts as known: nothing worth adding."""
    words = text.split()
    return len(words) < MIN_WORDS or sum(w in body_words for w in words) > MAX_KNOWN_SHARE * len(words)


def _links_over(element: Any, share: float) -> bool:
    """Are more than ``share`` of ``element``'s words inside links?"""
    words = len(str(element.text_content()).split())
    linked = sum(len(str(link.text_content()).split()) for link in element.iter("a"))
    return linked > share * words


def _blocks(element: Any) -> list[str]:
    """The text blocks (paragraphs, headings, list items, quotations) of ``element``, in
    order, whitespace folded; none inside navigation, forms, figures or scripts, and none
    mostly links."""
    found: list[str] = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag not in _TEXT_BLOCKS:
            found.extend(_blocks(child))
            continue
        text = " ".join(str(child.text_content()).split())
        if text and not _links_over(child, MAX_LINK_SHARE):
            found.append(text)
    return found



_BOXES = ("div", "section", "span", "p")
_BOXED = "border"  # what precision mode's discard rule seeks in a ``style`` (PRECISION_DISCARD_XPATH)
_OUTSIDE_TEXT = ("header", "nav", "aside", "footer", "form")
MAX_BOXES = 500  # each box's place is two searches of the tree; dev pages draw 264 at most


def boxed_blocks(tree: Any, paragraphs: Sequence[str]) -> dict[int, list[str]]:
    """The text blocks of the boxes precision mode drops inside the body's span (an element
    whose ``style`` draws a border: an accordion, a key-points box, a roundup's cards), by the
    index of the body paragraph each box goes before. A box holding a paragraph of the body
    was read (no drop), one in the page's furniture or a pop-up is no text, and a block the
    body holds or prints (``_printed``) is not given twice."""
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
                  if block and (key := key_of(block)) not in at and not _printed(key, body)]
        if blocks:
            found.setdefault(following, []).extend(blocks)
    return found


def _box_texts(box: Any) -> list[str]:
    """The text blocks of a box: its own text, whitespace folded, when it is a text block
    itself or holds none (a bordered ``<p>`` with its links and emphasis, a ``<div>`` of
    inline text; a script's or style sheet's text is none of it: an advertisement's slot),
    else its text blocks (``_blocks``); none mostly links."""
    if box.tag in _TEXT_BLOCKS or next(box.iterdescendants(*_TEXT_BLOCKS), None) is None:
        if len(box) and _links_over(box, MAX_LINK_SHARE):
            return []
        return [" ".join("".join(box.xpath(_PRINTED_TEXT)).split())]
    return _blocks(box)


_PRINTED_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


def _boxed_before(box: Any, place: dict[Any, int], marks: Sequence[tuple[Any, str]],
                  at: dict[str, int], held: list[int]) -> int | None:
    """The index of the body paragraph ``box`` goes before, or None when the box lies outside
    the body's span, holds a paragraph of the body, or sits in furniture or a pop-up."""
    if any(key_of(str(p.text_content())) in at for p in box.iter("p")):
        return None
    if any(ancestor.tag in _OUTSIDE_TEXT or _pop_up(ancestor) for ancestor in box.iterancestors()):
        return None
    after = next(iter(box.xpath("following::p[1]")), None)
    before = next(iter(box.xpath("preceding::p[1]")), None)
    if after is None or before is None or after not in place or before not in place:
        return None
    if place[before] < held[0] or place[after] > held[-1]:
        return None
    following = held[bisect_right(held, place[after] - 1)]
    return at[marks[following][1]]

LISTS = ("ul", "ol")
LIST_FEATURES = ("items", "item_words", "words", "stops", "link_share", "one_link", "anchors",
                 "known_share", "before_body", "after_body", "after_colon", "parent_kept",
                 "furniture", "own_furniture", "gap_before", "gap_after", "ordered", "nested",
                 "after_heading", "place", "body_lists", "colons", "in_table", "paragraph")
_ITEM = "- "


@dataclass(frozen=True)
class LooseList:
    """A ``<ul>`` / ``<ol>`` the body lacks inside its span: its items, the index of the body
    paragraph it goes before, and what the list model reads of it (``LIST_FEATURES``)."""

    before: int
    items: tuple[str, ...]
    ordered: bool
    features: tuple[float, ...]


@dataclass(frozen=True)
class _Span:
    """What every list of a page is read against: the body's paragraphs by key, its words, the
    page's ``<p>`` and outer lists in order with their keys, which of those the body holds, and
    its share of list items."""

    at: dict[str, int]
    body: str
    words: frozenset[str]
    marks: list[tuple[Any, str]]
    held: list[int]
    body_lists: float


def loose_lists(tree: Any, paragraphs: Sequence[str]) -> list[LooseList]:
    """The lists the body lacks between the first and the last of its ``<p>`` in the markup's
    order (``paragraphs``, in order), each with the index of the body paragraph it goes before
    and its features."""
    if tree is None or len(paragraphs) < 2:
        return []
    at = body_at(tuple(paragraphs))
    blocks = page_blocks(tree).blocks  # a list's own key is never read: its items' are
    ends = [i for i, (element, key) in enumerate(blocks) if element.tag == "p" and key in at]
    if len(ends) < 2:
        return []
    # only the span is read, and only its differences of places: the lists outside it (menus,
    # footers) need no test of their nesting
    marks = [(element, key) for element, key in blocks[ends[0]:ends[-1] + 1]
             if element.tag == "p" or _outer_list(element)]
    held = [i for i, (element, key) in enumerate(marks) if element.tag == "p" and key in at]
    body = " ".join(at)
    span = _Span(at, body, frozenset(body.split()), marks, held,
                 sum(p.startswith(_ITEM) for p in paragraphs) / len(paragraphs))
    inside = set(held)
    return [found for m in range(held[0] + 1, held[-1])
            if m not in inside and (marks[m][0].tag in LISTS or _outer_list(marks[m][0]))
            and (found := _loose_list(span, m)) is not None]


def _outer_list(element: Any) -> bool:
    """Is ``element`` a list inside no other list?"""
    return next(element.iterancestors("li", *LISTS), None) is None


def _loose_list(span: _Span, m: int) -> LooseList | None:
    """The list at ``marks[m]`` as a ``LooseList``, or None when the body holds it (an item, or
    its words in order) or it has no text."""
    element = span.marks[m][0]
    items = _items(element)
    keys = [key_of(item) for item in items]
    key = " ".join(keys)  # not the list's own text: its items' words run together unspaced
    if not key or key in span.body or any(k in span.at for k in keys) or in_pop_up(element):
        return None
    following = span.held[bisect_right(span.held, m)]
    return LooseList(span.at[span.marks[following][1]], tuple(items),
                     element.tag == "ol", tuple(_list_features(span, m, key)))


def _items(element: Any) -> list[str]:
    """The non-empty items of a list, whitespace folded; a paragraph's text as its one item."""
    texts = (str(item.text_content()) for item in element.iterchildren("li")) \
        if element.tag in LISTS else [str(element.text_content())]
    return [folded for text in texts if (folded := " ".join(text.split()))]


def _list_features(span: _Span, m: int, key: str) -> list[float]:
    """``LIST_FEATURES`` of the block at ``marks[m]``, whose items' words are ``key``."""
    element = span.marks[m][0]
    items = _items(element)
    words = key.split()
    counts = [len(lower_words(item)) for item in items]
    links = list(element.iter("a"))
    linked = sum(len(lower_words(str(link.text_content()))) for link in links)
    previous, following = _neighbour(element, True), _neighbour(element, False)
    after = bisect_right(span.held, m)
    before, after = span.held[after - 1], span.held[after]
    return [math.log1p(len(items)), math.log1p(sum(counts) / len(counts)),
            math.log1p(len(words)), sum(item.endswith(_STOPS) for item in items) / len(items),
            linked / max(len(words), 1),
            sum(map(_one_link, element.iterchildren("li") if element.tag in LISTS else [element]))
            / len(items),
            sum(str(link.get("href", "")).startswith("#") for link in links) / len(items),
            sum(word in span.words for word in words) / max(len(words), 1),
            float(previous[0] == "p" and key_of(previous[1]) in span.at),
            float(following[0] == "p" and key_of(following[1]) in span.at),
            float(previous[1].rstrip().endswith(":")),
            _parent_kept(element, span.at),
            float(_furniture_around(element)), float(_is_furniture(element)),
            math.log1p(m - before - 1), math.log1p(after - m - 1), float(element.tag == "ol"),
            float(next(element.iterdescendants(*LISTS), None) is not None),
            float(previous[0] in HEADINGS),
            (m - span.held[0]) / max(span.held[-1] - span.held[0], 1),
            span.body_lists, sum(":" in item for item in items) / len(items),
            float(next(element.iterancestors("td", "table"), None) is not None),
            float(element.tag == "p")]


def _neighbour(element: Any, preceding: bool) -> tuple[str, str]:
    """The tag and text of ``element``'s nearest sibling with text before it (``preceding``) or
    after it (("", "") when none)."""
    for sibling in element.itersiblings(preceding=preceding):
        if isinstance(sibling.tag, str):
            text = str(sibling.text_content())
            if text.strip():
                return str(sibling.tag), text
    return "", ""


def _parent_kept(element: Any, at: dict[str, int]) -> float:
    """The share of ``element``'s siblings with text that are paragraphs the body holds."""
    parent = element.getparent()
    keys = [key_of(str(child.text_content())) for child in parent
            if child is not element and isinstance(child.tag, str)] if parent is not None else []
    keys = [key for key in keys if key]
    return sum(key in at for key in keys) / len(keys) if keys else 0.0


def _one_link(item: Any) -> bool:
    """Is the list item ``item`` one link and little else (a menu's entry, a teaser)?"""
    words = len(lower_words(str(item.text_content())))
    return any(len(lower_words(str(link.text_content()))) >= 0.8 * words > 0
               for link in item.iter("a"))


def _is_furniture(element: Any) -> bool:
    """Does ``element``'s class or id name page furniture (``FURNITURE``)?"""
    return bool(FURNITURE.search(f"{element.get('class', '')} {element.get('id', '')}"))


def _furniture_around(element: Any) -> bool:
    """Is a container around ``element`` page furniture (a tag of ``_FURNITURE_TAGS`` or a class
    or id ``FURNITURE`` names)?"""
    return any(ancestor.tag in _FURNITURE_TAGS or _is_furniture(ancestor)
               for ancestor in element.iterancestors())


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


LIST_MODEL_PATH = Path(__file__).with_name("list_model.json")


@dataclass(frozen=True)
class ListModel:
    """The list model (``train_lists``): boosted trees over ``LIST_FEATURES`` and the
    probability from which a loose block is kept."""

    trees: Ensemble
    cutoff: float

    def keeps(self, block: LooseList) -> bool:
        """Does the model keep ``block``?"""
        return self.trees.probability_one(block.features) >= self.cutoff

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ListModel:
        """A model from its JSON form; one trained on other features is refused."""
        if list(data["features"]) != list(LIST_FEATURES):
            raise ValueError("the list model was trained on other features; retrain it")
        return cls(Ensemble.from_json(data["model"]), float(data["cutoff"]))


@lru_cache(maxsize=1)
def shipped_list_model() -> ListModel | None:
    """The shipped list model, or None when none has been trained."""
    if not LIST_MODEL_PATH.is_file():
        return None
    return ListModel.from_json(json.loads(LIST_MODEL_PATH.read_text(encoding="utf-8")))


def kept_lists(tree: Any, paragraphs: Sequence[str]) -> list[LooseList]:
    """The loose blocks (``loose_lists``) the shipped list model keeps."""
    model = shipped_list_model()
    if model is None:
        return []
    return [block for block in loose_lists(tree, paragraphs) if model.keeps(block)]


def block_lines(block: LooseList) -> list[str]:
    """The lines a kept block adds: a paragraph as it is, a list's items as trafilatura prints
    them ("- " before each)."""
    if block.features[LIST_FEATURES.index("paragraph")]:
        return list(block.items)
    return [f"{_ITEM}{item}" for item in block.items]
