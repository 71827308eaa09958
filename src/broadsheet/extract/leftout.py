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
call ...: ``FURNITURE``; not ``<figure>``, in which pages print their pull quotes). Each goes
before the body paragraph that follows it in the markup. Measured on the dev pages: WCXB
articles 0.94499 -> 0.94717 (21 pages up, 8 down), scrapinghub HTML 0.9753 -> 0.9755.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import trafilatura.xpaths

from broadsheet.text import lower_words

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
    keys = [_key(paragraph) for paragraph in paragraphs]
    texts = [_key(str(member.text_content())) for member in members]
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
        blocks = [block for block in _blocks(member) if _key(block) not in known]
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
    between = [(heading, before, after) for heading in tree.iter(*HEADINGS)
               if (before := _sibling_paragraph(heading, True))
               and (after := _sibling_paragraph(heading, False))]
    if not between:
        return {}
    at: dict[str, int] = {}
    for i, paragraph in enumerate(paragraphs):
        at.setdefault(_key(paragraph), i)
    found: dict[int, list[str]] = {}
    for heading, before, after in between:
        text = " ".join(str(heading.text_content()).split())
        if not text or _key(text) in at or _links_over(heading, 0.5):
            continue
        first = at.get(_key(before), -1)
        if first >= 0 and at.get(_key(after)) == first + 1:
            found.setdefault(first + 1, []).append(text)
    return found


def loose_paragraphs(tree: Any, paragraphs: Sequence[str]) -> dict[int, list[str]]:
    """The prose paragraphs the body lacks between two of its own in the markup's order
    (``paragraphs``, in order), by the index of the body paragraph each goes before."""
    if tree is None or len(paragraphs) < 2:
        return {}
    at: dict[str, int] = {}
    for i, paragraph in enumerate(paragraphs):
        at.setdefault(_key(paragraph), i)
    body = " ".join(at)
    marks = [(element, _key(str(element.text_content()))) for element in tree.iter("p")]
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
    if parent is not None and any(_key(str(sibling.text_content())) in at for sibling in parent
                                  if sibling is not element and isinstance(sibling.tag, str)):
        return False
    return not _links_over(element, 0.5) and not any(
        ancestor.tag in _FURNITURE_TAGS
        or FURNITURE.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}")
        for ancestor in element.iterancestors())


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


def _key(text: str) -> str:
    """A text's lower-cased words, space-joined: paragraphs compared whatever their markup."""
    return " ".join(lower_words(text))


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
