"""``extract/runs.py``: trafilatura's precise run and its fast recall run with their whole-tree
prunes made in Python give trafilatura's own text (on markup built to hit each prune, on a real
page, and on the scrapinghub pages when the evaluation data is there), and leave the parsed tree
as it was."""

from __future__ import annotations

import gzip
import json
from copy import copy
from pathlib import Path

import pytest
import trafilatura
import trafilatura.htmlprocessing
import trafilatura.xpaths as _xpaths
from lxml import etree

from broadsheet.extract.htmlruns import parse_html
from broadsheet.extract.runs import (
    _MAYBE_TAKEN,
    _SCROLL,
    _SHARE_BUTTONS,
    _comment,
    _comment_sections,
    _pruned,
    _raw_prunes,
    options_for,
    precise_text,
    recall_text,
)
from conftest import TEST_DATA, require

PROSE = "<p>" + "The council met on Tuesday to vote on the budget for the coming year. " * 6 + "</p>"
SPOKESMAN = TEST_DATA / "extraction" / "scrapinghub_c13b9c0e04fb.html.gz"

PRUNED = [
    '<div id="comments"><p>A reader wrote a long comment about the council and its vote.</p></div>',
    '<section class="commentary"><p>Commentary is not a comment section and stays in.</p></section>',
    '<ul id="comment-list"><li>First reader comment on the budget</li></ul>',
    '<ol class="comments-list"><li>Second reader comment on the budget</li></ol>',
    '<ul class="post-comments"><li>Third reader comment on the budget</li></ul>',
    '<ul id="disqus_thread"><li>A list with a Disqus id is not a comment list</li></ul>',
    '<div id="disqus_thread"><p>Disqus thread text that should go.</p></div>tail text stays',
    '<div class="infinite-scroll"><p>The next article, appended below this one, begins.</p></div>',
    '<div class="infinite-scroll"><h1>The page headline</h1>' + PROSE + "</div>",
    '<aside id="mvp-post-add-box"><h1>Another story</h1><p>Its first lines.</p></aside>',
    '<div class="elementor-share-buttons"><p>Share on every network you know.</p></div>',
    '<details class="Comments"><p>Hidden comments of the readers.</p></details>',
]
FORUM = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
         '<div class="comments"><p>A forum post that is the content of the page.</p></div>')


def _page(inner: str) -> str:
    return f"<html><head><title>Budget vote</title></head><body><article>{PROSE}{inner}" \
           f"{PROSE}</article></body></html>"


def _theirs(tree: object, url: str | None, fast: bool, recall: bool = False) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, favor_precision=not recall,
                                      favor_recall=recall, include_comments=False, fast=fast)
    return str(doc.text or "") if doc is not None else ""  # type: ignore[union-attr]


# a page whose text is mostly in its JSON-LD: the run's text is short and the baseline rescues it
EMBEDDED = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"articleBody": "' + "The council met on Tuesday and voted for the budget. " * 12
            + '"}</script></head><body><div><p>A short lead.</p></div></body></html>')


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("inner", [*PRUNED, "".join(PRUNED), FORUM, ""])
def test_a_precise_run_gives_trafilaturas_text(inner: str, fast: bool) -> None:
    tree = parse_html(_page(inner))
    assert precise_text(tree, None, fast=fast) == _theirs(tree, None, fast)


@pytest.mark.parametrize("markup", [*(_page(inner) for inner in [*PRUNED, "".join(PRUNED)]),
                                    _page(FORUM), _page(""), EMBEDDED, "<html><body></body></html>"])
def test_a_recall_run_gives_trafilaturas_text(markup: str) -> None:
    tree = parse_html(markup)
    before = etree.tostring(tree)
    assert recall_text(tree, None) == _theirs(tree, None, fast=True, recall=True)
    assert etree.tostring(tree) == before


def test_the_baseline_rescues_a_short_recall_run() -> None:
    assert "voted for the budget" in recall_text(parse_html(EMBEDDED), None)


@pytest.mark.parametrize("inner", [*PRUNED, "".join(PRUNED)])
def test_each_prune_finds_what_trafilaturas_query_finds(inner: str) -> None:
    """Each walk returns the elements trafilatura's XPath query returns, in the same order; the
    comment queries tried before and after the tags are converted (lists become ``<list>``)."""
    tree = parse_html(_page(inner))
    raw, comments, only = (_xpaths.RAW_TREE_PRUNE_XPATH, _xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0],
                           _xpaths.REMOVE_COMMENTS_XPATH[0])
    assert _raw_prunes(tree, comments=False) == raw[0](tree) + raw[1](tree)
    assert _raw_prunes(tree, comments=True) == raw[0](tree) + raw[1](tree) + comments(tree)
    assert _comment_sections(tree, lists=True) == comments(tree)
    options = options_for(None, fast=True)
    converted = trafilatura.htmlprocessing.convert_tags(copy(tree), options, None)
    assert _comment_sections(converted, lists=False) == only(converted)
    assert _comment_sections(converted, lists=True) == comments(converted)


def test_the_prunes_take_comments_and_appended_articles_not_commentary() -> None:
    tree = parse_html(_page("".join(PRUNED)))
    taken = [e.get("id") or e.get("class") for e in _raw_prunes(tree, comments=True)]
    assert taken == ["infinite-scroll", "mvp-post-add-box", "elementor-share-buttons", "comments",
                     "comment-list", "comments-list", "post-comments", "disqus_thread",
                     "Comments"]


@pytest.mark.parametrize(("ident", "klass"), [
    ("comments", ""), ("", "comments"), ("main", "Comments x"), ("x", "post-comments"),
    ("comol", ""), ("dsq-comments", ""), ("disqus_thread", ""), ("", "article-comments"),
    ("", "mvp-post-add-wrap"), ("infinitescroll", ""), ("", "a elementor-share-buttons b"),
    ("Comment-list", "y"), ("a\nb", "comments")])
def test_the_one_search_finds_every_id_and_class_a_prune_takes(ident: str, klass: str) -> None:
    """``_raw_prunes`` skips an element whose id and class ``_MAYBE_TAKEN`` finds nothing in:
    it must find what any exact test finds (a comment's class after an id, on its own line)."""
    element = etree.Element("div", id=ident, **{"class": klass})
    exact = (_comment(element, ident, klass) or _SHARE_BUTTONS in klass
             or any(p.search(ident) or p.search(klass) for p in (_SCROLL,)))
    assert exact
    assert _MAYBE_TAKEN.search(f"{ident}\n{klass}")


def test_an_element_without_a_prunes_word_is_skipped() -> None:
    assert not _MAYBE_TAKEN.search("main\ncommentary-box article-body")
    tree = parse_html(_page('<div id="main" class="commentary"><p>Kept.</p></div>'))
    assert _raw_prunes(tree, comments=True) == []


NESTED = [
    '<div class="infinite-scroll"><p>Next story.</p><div id="comments"><p>Its comments.</p></div>'
    '<div class="elementor-share-buttons">Share it</div>tail of the share bar</div>after it',
    '<div id="comments"><p>A comment.</p><div class="elementor-share-buttons">Share</div>tail'
    '<div class="infinite-scroll"><p>Appended inside the comments.</p></div>end</div>after',
    '<p>Lead</p><div class="elementor-share-buttons">x</div>one<div id="comments">y</div>two',
]


@pytest.mark.parametrize("comments", [True, False])
@pytest.mark.parametrize("inner", [*NESTED, "".join(PRUNED + NESTED)])
def test_one_walk_prunes_as_the_queries_one_after_the_other(inner: str, comments: bool) -> None:
    """The three prunes found in one walk leave the tree trafilatura's queries leave, each run
    on what the one before left, where a prune holds another's element and its tail."""
    tree = parse_html(_page(inner))
    queries = [*_xpaths.RAW_TREE_PRUNE_XPATH,
               *(_xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH if comments else ())]
    theirs = trafilatura.htmlprocessing.prune_unwanted_nodes(copy(tree), queries)
    assert etree.tostring(_pruned(tree, comments=comments)) == etree.tostring(theirs)


def test_a_real_page_gives_trafilaturas_text_and_its_tree_is_left_alone() -> None:
    markup = gzip.decompress(SPOKESMAN.read_bytes()).decode("utf-8")
    url = "https://www.spokesman.com/stories/2019/nov/19/meth-were-on-it/"
    tree = parse_html(markup)
    before = etree.tostring(tree)
    for fast in (True, False):
        assert precise_text(tree, url, fast=fast) == _theirs(tree, url, fast)
    assert recall_text(tree, url) == _theirs(tree, url, fast=True, recall=True)
    assert etree.tostring(tree) == before
    assert precise_text(parse_html("<html><body></body></html>"), None, fast=True) == ""


def test_every_scrapinghub_page_gives_trafilaturas_text(eval_data: Path) -> None:
    root = require(eval_data / "extraction" / "scrapinghub", "the scrapinghub pages")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    differ = []
    for key, value in sorted(gold.items()):
        markup = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        tree = parse_html(markup.decode("utf-8", errors="replace"))
        url = value.get("url")
        if precise_text(tree, url, fast=True) != _theirs(tree, url, True):
            differ.append(key)
        if recall_text(tree, url) != _theirs(tree, url, fast=True, recall=True):
            differ.append(f"{key} (recall)")
    assert differ == []
