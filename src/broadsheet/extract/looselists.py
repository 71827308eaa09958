"""Loose lists, learned: the lists and paragraphs missing inside an article body's span that the
list model keeps.

What is still missing inside the body's span after ``leftout``'s rules is mostly
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
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from broadsheet.extract.linemodel import Ensemble
from broadsheet.extract.pageblocks import (
    FURNITURE,
    FURNITURE_TAGS,
    HEADINGS,
    LISTS,
    STOPS,
    body_at,
    in_pop_up,
    key_of,
    page_blocks,
)
from broadsheet.text import lower_words

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
            math.log1p(len(words)), sum(item.endswith(STOPS) for item in items) / len(items),
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
    """Is a container around ``element`` page furniture (a tag of ``FURNITURE_TAGS`` or a class
    or id ``FURNITURE`` names)?"""
    return any(ancestor.tag in FURNITURE_TAGS or _is_furniture(ancestor)
               for ancestor in element.iterancestors())


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
