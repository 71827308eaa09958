"""The byline search and metadata reader of ``extract/byline.py``: the same answers as
trafilatura's own (checked on real and tricky markup), and bylines printed in the text."""

from __future__ import annotations

import gzip

import pytest
import trafilatura.metadata
import trafilatura.utils

from broadsheet.extract import extract
from broadsheet.extract.byline import (
    _ANY_WORD,
    _candidates,
    _catstags,
    find_author,
    page_metadata,
    text_byline,
)
from broadsheet.model import Article, Page
from conftest import TEST_DATA

SPOKESMAN = TEST_DATA / "extraction" / "scrapinghub_c13b9c0e04fb.html.gz"
BODY = "<p>" + "The council met on Tuesday to vote on the budget for the coming year. " * 8 + "</p>"


def _tree(markup: str):  # type: ignore[no-untyped-def]
    return trafilatura.utils.load_html(markup)


def _page(inner: str) -> str:
    return f"<html><head><title>Budget vote</title></head><body>{inner}{BODY}</body></html>"


BYLINES = [
    '<div class="byline">By <a rel="author" href="/a/ann">Ann Lee</a></div>',
    '<span class="author-name">Ann Lee <time>May 3</time> and Bo Park</span>',
    '<p class="post-meta">Posted by <span itemprop="author">Ann Lee</span></p>',
    '<div class="sidebar"><span class="author">Nobody Here</span></div><p id="author-box">Bo Park</p>',
    '<figure><span class="byline">Photo by Cam Reed</span></figure><span class="writer">Ann Lee</span>',
    '<div data-component="Byline"><b>Ann</b> <i>Lee</i></div>',
    '<author>Ann Lee</author><div class="comments"><a class="author">Troll</a></div>',
    '<span class="author">x</span><div class="AuthorName">Ann Lee, Staff</div>',
    '<p>No byline at all on this page.</p>',
]


@pytest.mark.parametrize("inner", [*BYLINES, "".join(BYLINES),
                                   '<div id="x" class="byline"><p class="author"><span '
                                   'itemprop="author" id="author">A</span></p></div><rel>me</rel>'])
def test_the_candidates_come_in_document_order(inner: str) -> None:
    """Read from the attribute query's order when the page has no ``<author>`` or ``<rel>``
    element, from a walk of the tree otherwise: the same elements in the same order."""
    tree = _tree(_page(inner))
    words = ("class", "id", "itemprop", "rel", "data-testid", "data-component")
    walked = [e for e in tree.iter() if e.tag in ("author",) or any(r.tag == "rel" for r in e)
              or any(_ANY_WORD.search(e.get(name, "")) for name in words)]
    assert _candidates(tree) == walked


@pytest.mark.parametrize("inner", BYLINES)
def test_the_byline_search_answers_as_trafilatura_does(inner: str) -> None:
    tree = _tree(_page(inner))
    assert find_author(tree) == trafilatura.metadata.extract_author(tree)


def test_the_metadata_of_a_real_page_is_trafilaturas() -> None:
    markup = gzip.decompress(SPOKESMAN.read_bytes()).decode("utf-8")
    url = "https://www.spokesman.com/stories/2019/nov/19/meth-were-on-it/"
    ours, theirs = page_metadata(_tree(markup), url), trafilatura.metadata.extract_metadata(
        _tree(markup), url)
    for name in ("title", "author", "date", "sitename", "categories", "tags", "url", "pagetype"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert find_author(_tree(markup)) == trafilatura.metadata.extract_author(_tree(markup))


@pytest.mark.parametrize(("inner", "expected"), [
    ("<p>Written by</p><p>Ann Lee</p>", "Ann Lee"),
    ("<div>By: Ann Lee and Bo van Dijk | May 3, 2024</div>", "Ann Lee; Bo van Dijk"),
    ("<div>by Ann Lee on 3 May</div>", "Ann Lee"),
    ("<p>By clicking the button you agree to our terms.</p>", None),
    ("<p>Browse by category</p><p>Gardening</p>", None),
    ("<script>var by = 'By Ann Lee';</script>", None),
])
def test_a_byline_printed_in_the_text(inner: str, expected: str | None) -> None:
    assert text_byline(_tree(_page(inner))) == expected


def test_the_printed_byline_reaches_the_article() -> None:
    markup = _page("<h1>Budget vote</h1><p class='meta'>Written by</p><p>Ann Lee</p>")
    result = extract(Page(id="b", source="b.html", kind="html", content=markup,
                          url="https://example.org/news/2024/05/03/budget-vote"))
    assert isinstance(result, Article) and result.authors == ("Ann Lee",)


CATSTAGS = [
    '<div class="post-meta"><a href="/category/politics/">Politics</a><a href="/x">X</a></div>',
    '<footer class="entry-footer"><a href="/tags/budget/">Budget</a></footer>',
    '<div class="tags"><a href="/tag/council/">Council</a></div><a href="/category/a/">A</a>',
    '<p class="entry-categories"><a href="/categories/city/">City</a></p>',
    '<div class="sidebar"><a href="/categorical">Not one</a></div>',
    '<p>No category links at all.</p>',
    # one container of each of trafilatura's queries, and near misses
    '<div id="postpath-1"><span><a href="/category/x/">X</a></span></div>',
    '<div class="entry-utility"><a href="/tags/y/">Y</a><a href="/category/z/">Z</a></div>',
    '<div class="xmeta"><a href="/category/no/">No</a></div><div class="metabox"><a '
    'href="/category/yes/">Yes</a></div>',
    '<p class="postinfo"><a href="/category/p/">P</a></p><p id="filedunder"><a '
    'href="/categories/q/">Q</a></p><p class="postinfo x"><a href="/category/r/">R</a></p>',
    '<footer class="entry-meta"><a href="/category/f/">F</a></footer>',
    '<li class="post-category"><a href="/category/l/">L</a></li><span class="a cat-links">'
    '<a href="/category/s/">S</a></span><li class="cat-links"><a href="/tag/t/">T</a></li>',
    '<header class="entry-header"><a href="/category/h/">H</a></header>',
    '<div class="row"><a href="/category/r/">R</a><a href="/tag/r/">R</a><a href="">E</a></div>',
    '<p class="entry-tags-list"><a href="/tag/e/">E</a></p>',
    '<div class="jp-relatedposts"><a href="/tag/j/">J</a></div><div class="tagcloud"><a '
    'href="/tags/c/">C</a></div><div class="postmeta"><a href="/tag/m/">M</a></div>',
    '<ul class="topics"><li><a href="/tag/u/">U</a></li></ul><em class="tags-links"><a '
    'href="/tag/v/">V</a></em><b class="entry-meta"><a href="/tag/w/">W</a></b>',
    '<section class="meta"><a href="/category/s/">S</a><a href="/tag/s/">S</a></section>',
    '<div class="post-meta"><a href="/category/1/"> </a><a href="/category/2/">Two</a></div>'
    '<p class="postmeta"><a href="/category/3/">Three</a></p>',
]


@pytest.mark.parametrize("inner", CATSTAGS)
@pytest.mark.parametrize("kind", ["category", "tag"])
def test_categories_and_tags_are_trafilaturas(inner: str, kind: str) -> None:
    head = '<meta property="article:section" content="City Hall">'
    markup = _page(inner).replace("<head>", f"<head>{head}")
    tree = _tree(markup)
    assert _catstags(kind, tree) == trafilatura.metadata.extract_catstags(kind, tree)
