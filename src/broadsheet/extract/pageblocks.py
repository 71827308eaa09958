"""What every step that puts back what trafilatura left out reads of a page and of its body.

A paragraph is compared by its key (``key_of``: its lower-cased words, space-joined), whatever its
markup; the body's keys and the index of each (``body_keys``, ``body_at``) and the page's
paragraphs, lists and headings in the markup's order (``page_blocks``, one walk of the tree) are
kept for the last page read, which the steps of ``leftout`` and ``looselists`` all read. With them,
the tests those steps share: an element mostly links (``links_over``), a pop-up the page opens
over its text (``in_pop_up``), a paragraph the body prints already (``printed``), the text blocks
of a container (``text_blocks``), and what names page furniture (``FURNITURE``,
``FURNITURE_TAGS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from broadsheet.text import WORD

TEXT_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
_SKIPPED = frozenset({"script", "style", "nav", "aside", "form", "figure", "figcaption",
                      "button", "noscript", "header", "footer", "iframe", "svg", "select"})
MAX_LINK_SHARE = 0.3
MIN_LOOSE_WORDS = 8
FURNITURE = re.compile(r"related|sidebar|widget|comment|share|social|footer|header|nav|menu|"
                       r"promo|newsletter|subscribe|author|bio|popup|modal|cookie|banner|"
                       r"ad-|ads|advert|sponsor|breadcrumb|tag|meta|toc", re.IGNORECASE)
FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header", "form", "figcaption", "a"})
STOPS = (".", "!", "?")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
LISTS = ("ul", "ol")


_POP_UP_ROLES = frozenset({"dialog", "alertdialog", "tooltip"})


def is_pop_up(element: Any) -> bool:
    """Is ``element`` a pop-up the page opens over its text (a ``<dialog>``, a container whose
    ``role`` is a dialog's or a tooltip's, or that declares itself modal): a glossary's
    definitions, a sign-up form, never a part of the text as printed."""
    return (element.tag == "dialog" or element.get("role") in _POP_UP_ROLES
            or element.get("aria-modal") == "true")


def in_pop_up(element: Any) -> bool:
    """Is ``element`` inside a pop-up (``is_pop_up``)?"""
    return any(is_pop_up(ancestor) for ancestor in element.iterancestors())


def printed(key: str, body: str) -> bool:
    """Does ``body`` (the body's words) print the paragraph of ``key`` already, maybe worded
    a little differently (a link's text spaced otherwise, a character mangled): its first and
    its last ``MIN_LOOSE_WORDS`` words both found in it?"""
    words = key.split()
    return all(" ".join(part) in body for part in (words[:MIN_LOOSE_WORDS],
                                                   words[-MIN_LOOSE_WORDS:]))


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


def links_over(element: Any, share: float) -> bool:
    """Are more than ``share`` of ``element``'s words inside links?"""
    words = len(str(element.text_content()).split())
    linked = sum(len(str(link.text_content()).split()) for link in element.iter("a"))
    return linked > share * words


def text_blocks(element: Any) -> list[str]:
    """The text blocks (paragraphs, headings, list items, quotations) of ``element``, in
    order, whitespace folded; none inside navigation, forms, figures or scripts, and none
    mostly links."""
    found: list[str] = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag not in TEXT_BLOCKS:
            found.extend(text_blocks(child))
            continue
        text = " ".join(str(child.text_content()).split())
        if text and not links_over(child, MAX_LINK_SHARE):
            found.append(text)
    return found
