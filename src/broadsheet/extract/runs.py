"""trafilatura's precise run and its fast recall run on a parsed page, with their whole-tree
prunes made in Python.

Every trafilatura run begins by pruning the whole tree with XPath queries whose ``re:test``
calls lxml answers by calling back into Python, twice for every ``div``, ``section`` and list
of the page: the infinite-scroll containers (``RAW_TREE_PRUNE_XPATH``), the comment sections and
comment lists (``REMOVE_COMMENTS_AND_LISTS_XPATH``) and, once the tags are converted, the
comment sections again (``REMOVE_COMMENTS_XPATH``). On the median scrapinghub page those three
prunes take 1.9 ms of the 5.5 of the fast precise run. ``precise_text`` makes the run
``trafilatura.bare_extraction(tree, favor_precision=True, include_comments=False, fast=...)``
makes, step by step with trafilatura's own functions, but each of those prunes is one walk over
the same elements testing the same regular expressions on their ``id`` and ``class`` (an
absent attribute reads as "", as lxml's ``re:test`` reads it), deleting what matched in
document order, as trafilatura deletes it; and it copies the tree once, not three times (a
precise run never reads the raw tree again once it is cleaned, and only the full run reads the
copy made before the tags are converted). ``recall_text`` makes the fast ``favor_recall`` run
the same way (the run that fills the gaps of an article's body, ``articlebody.filled``): on the 1,678
dev pages 11.1 ms of CPU on the median page against 15.2 for ``bare_extraction``. The text is
the same as trafilatura's on every dev page (``tests/test_extract_runs.py``,
``scripts/extraction_snapshot.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import copy
from typing import Any

import trafilatura
import trafilatura.core
import trafilatura.external
import trafilatura.htmlprocessing
import trafilatura.main_extractor
import trafilatura.settings
import trafilatura.xml
import trafilatura.xpaths

_xpaths = trafilatura.xpaths
Extractor = trafilatura.settings.Extractor

_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
_SHARE_BUTTONS = "elementor-share-buttons"
_COMMENTS_ID = re.compile(rf"^(?:{_xpaths._COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(rf"^(?:{_xpaths._COMMENTS_ID})")
_COMMENTS_CLASS = re.compile(_xpaths._COMMENTS_CLASS)
_SECTIONS = ("div", "section", "aside")
_COMMENT_BLOCKS = ("div", "list", "section", "details")
_LISTS = ("ol", "ul")


def _delete(elements: Iterable[Any]) -> None:
    """Delete each element, its tail kept (``prune_unwanted_nodes`` without a backup)."""
    for element in elements:
        trafilatura.xml.delete_element(element)


def _appended(element: Any, ident: str, klass: str) -> bool:
    """Does the first query of ``RAW_TREE_PRUNE_XPATH`` take ``element`` (of ``_SECTIONS``):
    an infinite-scroll container without the page's ``<h1>``, or a theme's appended-post box?"""
    return bool(_SCROLL.search(ident) or _SCROLL.search(klass)) and (
        element.find(".//h1") is None or bool(_APPENDED.search(ident) or _APPENDED.search(klass)))


def _comment_sections(tree: Any, lists: bool) -> list[Any]:
    """``REMOVE_COMMENTS_XPATH`` (``lists``: ``REMOVE_COMMENTS_AND_LISTS_XPATH``, which also
    takes ``<ol>`` and ``<ul>`` comment lists, without the Disqus ids)."""
    return [element for element in
            tree.iterdescendants(*_COMMENT_BLOCKS, *(_LISTS if lists else ()))
            if _comment(element, element.get("id", ""), element.get("class", ""))]


def _comment(element: Any, ident: str, klass: str) -> bool:
    """Does ``_comment_sections``' query take ``element`` (of ``_COMMENT_BLOCKS`` or a list)?"""
    if not (_COMMENTS_ID.search(ident) or _COMMENTS_CLASS.search(klass)):
        return False
    return (element.tag not in _LISTS or bool(_COMMENT_LIST_ID.search(ident))
            or bool(_COMMENTS_CLASS.search(klass)))


_COMMENT_TAGS = frozenset((*_COMMENT_BLOCKS, *_LISTS))
# any of the prunes' patterns (``_SCROLL``, ``_SHARE_BUTTONS``, ``_COMMENTS_ID``,
# ``_COMMENTS_CLASS``), searched once in an element's id and class on two lines (``^``: the
# start of either): where it finds nothing, no exact test (four searches) can take the element
_MAYBE_TAKEN = re.compile("|".join((_SCROLL.pattern, re.escape(_SHARE_BUTTONS),
                                    _COMMENTS_ID.pattern, _COMMENTS_CLASS.pattern)), re.MULTILINE)
_RAW_TAGS = tuple(dict.fromkeys((*_SECTIONS, *_COMMENT_BLOCKS, *_LISTS)))


def _raw_prunes(tree: Any, comments: bool) -> list[Any]:
    """What the three prunes of the raw tree take (``RAW_TREE_PRUNE_XPATH``'s two queries,
    appended articles and share buttons, and ``_comment_sections`` with lists when
    ``comments``), in one walk, in the order trafilatura
    deletes them: the queries one after the other, each in document order. trafilatura's later
    query never sees what an earlier one deleted; here a later one may name an element inside
    it, whose deletion then changes only the detached part (their tests read only an element's
    tag, class and id and its own ``<h1>``, which no deletion elsewhere changes)."""
    taken: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    for element in tree.iterdescendants(*(_RAW_TAGS if comments else _SECTIONS)):
        ident, klass = element.get("id", ""), element.get("class", "")
        if not (ident or klass) or not _MAYBE_TAKEN.search(f"{ident}\n{klass}"):
            continue
        section = element.tag in _SECTIONS
        if section and _appended(element, ident, klass):
            taken[0].append(element)
        if section and _SHARE_BUTTONS in klass:
            taken[1].append(element)
        if comments and element.tag in _COMMENT_TAGS and _comment(element, ident, klass):
            taken[2].append(element)
    return [*taken[0], *taken[1], *taken[2]]


def _pruned(tree: Any, *, comments: bool = True) -> Any:
    """A copy of the page pruned as ``trafilatura_sequence`` prunes the raw tree of a run
    without comments, one query after the other (``comments``: the comment sections and lists
    too, which every precise run and a recall run on a page that is no forum thread prune), the
    three found in one walk (``_raw_prunes``)."""
    work = copy(tree)
    _delete(_raw_prunes(work, comments))
    return work


def options_for(url: str | None, *, fast: bool, recall: bool = False) -> Extractor:
    """The options ``bare_extraction`` builds for a precise run without comments (``recall``:
    a ``favor_recall`` run instead)."""
    return Extractor(config=trafilatura.settings.DEFAULT_CONFIG, output_format="python",
                     fast=fast, precision=not recall, recall=recall, comments=False,
                     formatting=None, links=False, images=False, tables=True, dedup=False,
                     lang=None, url=url, with_metadata=False)


def precise_text(tree: Any, url: str | None, *, fast: bool) -> str:
    """The text of ``bare_extraction(tree, url=url, favor_precision=True,
    include_comments=False, fast=fast)``, "" where it gives no document; ``tree`` is left as it
    was."""
    options = options_for(url, fast=fast)
    try:
        body, text = _sequence(tree, options, url)
    except (TypeError, ValueError):  # as bare_extraction: no document
        return ""
    return _text_of(body, text, options)


def recall_text(tree: Any, url: str | None) -> str:
    """The text of ``bare_extraction(tree, url=url, favor_recall=True, include_comments=False,
    fast=True)``, "" where it gives no document, made as ``precise_text`` makes a precise run:
    the whole-tree prunes in one Python walk each, and the pruned copy cleaned in place (the
    baseline rescue, the one later reader of the raw tree, prunes a fresh copy on the rare page
    whose text comes out under ``min_extracted_size``). A recall run has no escalation (that is
    the balanced run's) and no comment prune after the tags are converted (the precise run's);
    ``tree`` is left as it was."""
    options = options_for(url, fast=True, recall=True)
    try:
        forum = trafilatura.core._forum_thread_page(tree)
        cleaned = trafilatura.htmlprocessing.tree_cleaning(_pruned(tree, comments=not forum),
                                                           options)
        cleaned = trafilatura.htmlprocessing.convert_tags(cleaned, options, url)
        body, text = trafilatura.main_extractor.extract_content(cleaned, options)
        if len(text) < options.min_extracted_size:  # trafilatura's baseline rescue
            rescued, rescued_text, size = trafilatura.baseline(
                _pruned(tree, comments=not forum))
            if size > len(text):
                body, text = rescued, rescued_text
    except (TypeError, ValueError):  # as bare_extraction: no document
        return ""
    return _text_of(body, text, options)


def _text_of(body: Any, text: str, options: Extractor) -> str:
    """The run's text as ``bare_extraction`` gives it: "" where the text is too short."""
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:
        return ""  # its test of the text and the comments' lengths (no comments here)
    return str(trafilatura.xml.xmltotxt(body, options.formatting) or "")


def _sequence(tree: Any, options: Extractor, url: str | None) -> tuple[Any, str]:
    """``trafilatura_sequence`` for a precise run without comments: its later stages (the
    baseline rescue, the recall retry, the forum salvage) never run in precision mode."""
    forum = trafilatura.core._forum_thread_page(tree)
    raw = _pruned(tree)
    cleaned = trafilatura.htmlprocessing.tree_cleaning(raw if options.fast else copy(raw), options)
    backup = None if options.fast else copy(cleaned)
    cleaned = trafilatura.htmlprocessing.convert_tags(cleaned, options, url)
    if not forum:
        _delete(_comment_sections(cleaned, lists=False))
    body, text = trafilatura.main_extractor.extract_content(cleaned, options)
    if backup is not None:
        body, text = trafilatura.external.compare_extraction(backup, raw, body, text, options)
    return body, text
