"""trafilatura's byline search in the markup, in one pass of Python instead of its XPath queries.

When a page declares no author in its meta tags or JSON-LD, trafilatura looks for a byline element
in the tree (``trafilatura.metadata.extract_author``): it deep-copies the whole tree, removes the
comment, sidebar, date, ``<time>`` and ``<figure>`` sections (``AUTHOR_DISCARD_XPATHS``), then runs
three XPath queries of decreasing precision (``AUTHOR_XPATHS``) and keeps the text of the first
element of 3 to 119 characters. Its EXSLT ``re:test`` calls make that the dearest part of
trafilatura's metadata (a median 22 ms a page on the scrapinghub pages, a third of a whole
trafilatura run). ``find_author`` gives the same answer from one walk over the tree: each element's
tag and class, id, itemprop, rel and data attributes tested with compiled regular expressions, the
discarded sections skipped, and only a chosen element (when something inside it was discarded)
copied and pruned as trafilatura prunes it. Checked against trafilatura on every dev page
(``tests/test_extract_byline.py``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from copy import deepcopy
from functools import lru_cache
from typing import Any

import trafilatura.json_metadata
import trafilatura.metadata
import trafilatura.settings
import trafilatura.utils
import trafilatura.xml
from htmldate import find_date
from lxml.etree import XPath

_meta = trafilatura.metadata

_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    r"article-(?:share|support)|print|category|meta-date|meta-reviewer")
_FIRST_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_FIRST_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_SECOND_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_SECOND_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_SECOND_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                           r"journalist-name")
_THIRD_ID = re.compile(r"[Aa]uthor")
_THIRD_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
MAX_CHARS = 120


def _discarded(tag: str, attrib: Any) -> bool:
    """Does ``AUTHOR_DISCARD_XPATHS`` remove this element (and everything inside it)?"""
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    ident, klass = attrib.get("id", ""), attrib.get("class", "")
    return (ident == "comments" or klass in ("comments", "title", "date")
            or bool(_DISCARD_ID.search(ident)) or bool(_DISCARD_CLASS.search(klass))
            or "Figure" in attrib.get("data-component", ""))


def _first(element: Any, tag: str, attrib: Any) -> bool:
    """The first, specific query (an author link, id or class; an ``<author>`` element)."""
    if tag == "author":
        return True
    if tag not in _FIRST_TAGS:
        return False
    klass = attrib.get("class", "")
    return (attrib.get("rel") == "author" or attrib.get("id") == "author" or klass == "author"
            or attrib.get("itemprop") == "author name"
            or attrib.get("data-testid") in ("AuthorCard", "AuthorURL")
            or bool(_FIRST_CLASS.search(klass))
            or _rel_me(element))


def _rel_me(element: Any) -> bool:
    """XPath's ``rel='me'``: a child element ``<rel>`` whose text is "me" (kept for fidelity)."""
    return any(c.text_content() == "me" for c in element.iterfind("rel"))


def _second(tag: str, attrib: Any) -> bool:
    """The second query: byline classes, an author itemprop, id or class on text elements."""
    if tag not in _SECOND_TAGS:
        return False
    klass = attrib.get("class", "")
    return (klass in ("byline", "username", "byl", "BBL") or "author" in attrib.get("itemprop", "")
            or bool(_SECOND_ID.search(attrib.get("id", ""))) or bool(_SECOND_CLASS.search(klass)))


def _third(tag: str, attrib: Any) -> bool:
    """The last resort, on any element."""
    return ("Byline" in attrib.get("data-component", "") or "author" in attrib.get("itemprop", "")
            or bool(_THIRD_ID.search(attrib.get("id", "")))
            or bool(_THIRD_CLASS.search(attrib.get("class", ""))))


def _candidates(tree: Any) -> list[Any]:
    """Every element any of the three queries could match, in document order: the elements of
    the class, id, itemprop, rel and data attributes holding one of the words the queries test
    (a superset, read with one attribute XPath and one regular expression), ``<author>``
    elements and the parents of ``<rel>`` ones; the exact tests then narrow it. An XPath
    node-set is in document order, so only a page with ``<author>`` or ``<rel>`` elements (rare)
    walks its whole tree to order them."""
    attributed = dict.fromkeys(value.getparent() for value in _ATTRIBUTES(tree)
                               if _ANY_WORD.search(value))
    named = list(tree.iter("author", "rel"))
    if not named:  # the query's attributes come in document order, so do their elements
        return list(attributed)
    found = set(attributed)
    found.update(element if element.tag == "author" else element.getparent() for element in named)
    return [element for element in tree.iter() if element in found]


_ANY_WORD = re.compile(r"uthor|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                       r"journalist-name|screenname|writer|yline|byl|BBL|username|Byline")
_ATTRIBUTES = XPath("//@class|//@id|//@itemprop|//@rel|//@data-testid|//@data-component")


def _kept(element: Any) -> bool:
    """False when the element, or a section holding it, is one trafilatura discards first."""
    return not any(_discarded(e.tag, e.attrib) for e in (element, *element.iterancestors())
                   if isinstance(e.tag, str))


def _pruned_text(element: Any) -> str:
    """The element's text as trafilatura reads it from its pruned copy of the tree."""
    removed = [e for e in element.iterdescendants()
               if isinstance(e.tag, str) and _discarded(e.tag, e.attrib)]
    if removed:
        originals = list(element.iter())
        copy = deepcopy(element)
        twins = dict(zip(map(id, originals), copy.iter(), strict=True))
        for gone in removed:
            trafilatura.xml.delete_element(twins[id(gone)])
        element = copy
    return str(trafilatura.utils.trim(" ".join(element.itertext())))


def find_author(tree: Any) -> str | None:
    """What ``trafilatura.metadata.extract_author`` returns for ``tree`` (an lxml HTML tree)."""
    candidates = [e for e in _candidates(tree) if isinstance(e.tag, str) and _kept(e)]
    queries: tuple[Callable[[Any], bool], ...] = (
        lambda e: _first(e, e.tag, e.attrib), lambda e: _second(e.tag, e.attrib),
        lambda e: _third(e.tag, e.attrib))
    for query in queries:
        for element in filter(query, candidates):
            text = _pruned_text(element)
            if text and 2 < len(text) < MAX_CHARS:
                return trafilatura.json_metadata.normalize_authors(None, text)
    return None


def page_metadata(tree: Any, url: str | None) -> Any:
    """trafilatura's ``extract_metadata`` for a parsed page (its ``Document``), with the byline
    search of ``find_author`` and without the licence and host name, which nothing here reads;
    when neither the declarations nor that search name anyone, the byline printed in the page's
    text (``text_byline``)."""
    found = _meta.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader has bugs; it skips them too
        found = _meta.extract_meta_json(tree, found)
    found.title = found.title or _meta.extract_title(tree)
    found.author = found.author or find_author(tree) or text_byline(tree)
    found.url = found.url or _meta.extract_url(tree, url)
    date_config = trafilatura.settings.set_date_params(True)
    date_config["url"] = found.url
    found.date = find_date(tree, **date_config)
    _site_name(found, tree)
    found.categories = found.categories or _catstags("category", tree)
    found.tags = found.tags or _catstags("tag", tree)
    found.filedate = date_config.get("max_date")
    found.clean_and_trim()
    return found


def _catstags(metatype: str, tree: Any) -> list[str]:
    """trafilatura's ``extract_catstags``, skipped where it cannot find anything: its XPath
    queries (regular expressions on class names, a tenth of the metadata's time) keep only links
    whose address holds "/categor..." or "/tag...", so without such a link there are no tags,
    and the categories are its fallback's (``article:section`` or a subject ``<meta>``). Where
    there is such a link, its queries are answered from the links (``_linked_texts``)."""
    results = _linked_texts(metatype, tree) if metatype in _linked(tree) else []
    if metatype == "category" and not results:
        results = list(_SECTIONS(tree))
    return [r for r in dict.fromkeys(trafilatura.utils.line_processing(x)
                                     for x in results if x) if r]


def _linked_texts(metatype: str, tree: Any) -> list[str]:
    """The texts ``extract_catstags``' queries find before its fallback, read from the other
    end: each query of ``_CATSTAGS`` (``//container[test]//a[@href]``, in trafilatura's order,
    the first that finds a link wins) keeps the links, in document order, whose address the
    kind's pattern finds and that lie inside a container its test takes. The links come from
    one walk of the page's links and each tests its few ancestors, where the nine queries each
    walked the whole tree (1.7 ms a page that has such links, against a tenth of that)."""
    pattern = re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/")
    links = [link for link in tree.getroottree().iter("a")
             if link.get("href") is not None and pattern.search(link.get("href"))]
    chains = [[(e.tag, e.get("class"), e.get("id")) for e in link.iterancestors()]
              for link in links]
    for query in _CATSTAGS[metatype]:
        found = [link for link, chain in zip(links, chains, strict=True)
                 if any(query(tag, klass, ident) for tag, klass, ident in chain)]
        if found:
            # trafilatura's own text of a link (its metadata module imports it from baseline)
            return [trafilatura.metadata.block_text(link)  # type: ignore[attr-defined]
                    for link in found]
    return []


_Query = Callable[[Any, str | None, str | None], bool]
_CAT_META = re.compile(r"^(?:post-?info|post-?meta|meta|entry-meta|entry-info|entry-utility)")
_TAG_META = re.compile(r"^(?:tag|postmeta|meta)")
# trafilatura's CATEGORIES_XPATHS and TAGS_XPATHS, each as the test of its container: tag,
# class and id (None where absent, which no test takes); checked against its queries in
# ``tests/test_extract_byline.py``
_CATSTAGS: dict[str, tuple[_Query, ...]] = {
    "category": (
        lambda t, c, i: t == "div" and (bool(c and _CAT_META.search(c))
                                        or (i or "").startswith("postpath")),
        lambda t, c, i: t == "p" and ((c or "").startswith(("postmeta", "entry-categories"))
                                      or c == "postinfo" or i == "filedunder"),
        lambda t, c, i: t == "footer" and (c or "").startswith(("entry-meta", "entry-footer")),
        lambda t, c, i: t in ("li", "span") and (
            c in ("post-category", "postcategory", "entry-category") or "cat-links" in (c or "")),
        lambda t, c, i: t == "header" and c == "entry-header",
        lambda t, c, i: t == "div" and c in ("row", "tags"),
    ),
    "tag": (
        lambda t, c, i: t == "div" and c == "tags",
        lambda t, c, i: t == "p" and (c or "").startswith("entry-tags"),
        lambda t, c, i: t == "div" and (c in ("row", "jp-relatedposts", "entry-utility")
                                        or bool(c and _TAG_META.search(c))),
        lambda t, c, i: isinstance(t, str) and (
            c == "entry-meta" or "topics" in (c or "") or "tags-links" in (c or "")),
    ),
}


_LINKS = (("category", "/categor"), ("tag", "/tag"))


@lru_cache(maxsize=1)
def _linked(tree: Any) -> frozenset[str]:
    """The kinds of ``_LINKS`` the page links to (an ``<a>`` whose address holds "/categor", or
    "/tag": ``extract_catstags``'s queries keep no other link), in one walk of its links for
    both, which stops once both are found (two XPath queries took three times as long); kept
    for the last page read, whose categories and tags both ask."""
    found: set[str] = set()
    for link in tree.getroottree().iter("a"):
        address = link.get("href")
        if address:
            found.update(kind for kind, part in _LINKS if part in address)
            if len(found) == len(_LINKS):
                break
    return frozenset(found)


_SECTIONS = XPath('.//head//meta[@property="article:section" or contains(@name, "subject")]'
                  '/@content')


def _site_name(found: Any, tree: Any) -> None:
    """trafilatura's site name: declared, else from the ``<title>``, else from the URL."""
    found.sitename = found.sitename or _meta.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = _meta.META_URL.match(found.url)
        if match:
            found.sitename = match[1]


# --- a byline printed in the text ------------------------------------------------------------

_LABEL = re.compile(r"^(?:(?:written|posted|reviewed|article|words|story|text)\s+)?by\s*:?\s*(.*)$",
                    re.IGNORECASE | re.DOTALL)
_NAME_END = re.compile(r"\s+(?:on|in|at|\||·|-|—|–)\s+|\s*\|\s*")
_NAME_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*")
_PARTICLES = frozenset({"van", "de", "der", "da", "di", "von", "la", "le", "del", "den", "du", "bin"})
_UNSEEN = frozenset({"script", "style", "noscript", "template", "svg", "button", "option",
                     "select", "nav", "footer", "head"})
MAX_LABEL_CHARS = 80
MAX_NAMES_CHARS = 60
MAX_NAME_WORDS = 4


def _segments(root: Any) -> Iterator[str]:
    """The visible text of the page in reading order, one text or tail node at a time."""
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, tail_only = stack.pop()
        if tail_only:
            if element.tail and element.tail.strip():
                yield element.tail.strip()
            continue
        stack.append((element, True))
        if isinstance(element.tag, str) and element.tag not in _UNSEEN:
            if element.text and element.text.strip():
                yield element.text.strip()
            stack.extend((child, False) for child in reversed(element))


def _names(raw: str) -> tuple[str, ...]:
    """The people a byline names ("Ann Lee and Bo Park"), or nothing unless every part reads as
    a name: one to four capitalised words (particles such as "van" or "de" aside), no digits."""
    raw = _NAME_END.split(raw)[0].strip(" ,.:")
    if not raw or len(raw) > MAX_NAMES_CHARS:
        return ()
    parts = [part.strip() for part in _NAME_SPLIT.split(raw) if part.strip()]
    good = [part for part in parts if _reads_as_name(part)]
    return tuple(good) if good and len(good) == len(parts) else ()


def _reads_as_name(part: str) -> bool:
    from broadsheet.extract.htmlmeta import is_person

    words = part.split()
    return (len(words) <= MAX_NAME_WORDS and is_person(part, set())
            and all(w[:1].isupper() or w in _PARTICLES for w in words))


def text_byline(tree: Any) -> str | None:
    """The first byline printed in the page ("By Ann Lee", "Written by" then the name in the
    next element), as trafilatura joins authors ("Ann Lee; Bo Park"); None when there is none.
    Only names that read as people's are taken: a "by" line is often something else ("by
    clicking ...", "by category")."""
    segments = _segments(tree.getroottree().getroot())
    previous_label = False
    for segment in segments:
        if previous_label:
            names = _names(segment)
            if names:
                return "; ".join(names)
        match = _LABEL.match(segment) if len(segment) <= MAX_LABEL_CHARS else None
        previous_label = bool(match) and not match.group(1).strip() if match else False
        names = _names(match.group(1)) if match else ()
        if names:
            return "; ".join(names)
    return None
