"""The HTML path: a real page, in-article promos, metadata, is_article, and hostile input."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest

from broadsheet.bench.extraction import precision, recall, shingle_counts
from broadsheet.extract import (
    articlebody,
    extract,
    html,
    htmlparts,
    htmlruns,
    htmlverdict,
    pagebody,
    pagekind,
)
from broadsheet.extract.htmlparts import MAX_HTML_CHARS
from broadsheet.extract.htmlruns import needs_full_run
from broadsheet.extract.metadata import HtmlMetadata, declares_article, url_hint
from broadsheet.extract.text import CONTROL, control_count, without_related
from broadsheet.model import Article, Page, Rejected
from conftest import TEST_DATA

FIXTURES = TEST_DATA / "extraction"
SPOKESMAN = "c13b9c0e04fb"
PARAGRAPH = (
    "<p>The city council voted on Tuesday to approve a new budget that raises property taxes by "
    "three percent, the first increase in a decade, after a six-hour public hearing.</p>"
)


@pytest.fixture(scope="module")
def spokesman() -> Article:
    gold = json.loads((FIXTURES / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
    markup = gzip.decompress((FIXTURES / f"scrapinghub_{SPOKESMAN}.html.gz").read_bytes())
    page = Page(id=SPOKESMAN, source="spokesman.html", kind="html",
                content=markup.decode("utf-8"), url=gold[SPOKESMAN]["url"])
    result = extract(page)
    assert isinstance(result, Article)
    return result


def _gold(key: str) -> str:
    gold = json.loads((FIXTURES / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
    return str(gold[key]["articleBody"])


def test_real_page_text_matches_the_gold(spokesman: Article) -> None:
    counts = shingle_counts(_gold(SPOKESMAN), spokesman.text)
    assert precision(counts) >= 0.95 and recall(counts) >= 0.95


def test_real_page_loses_its_newsletter_box(spokesman: Article) -> None:
    assert "newsletter" not in spokesman.text.lower()
    assert "delivered to your inbox" not in spokesman.text


def test_real_page_metadata(spokesman: Article) -> None:
    assert spokesman.title.startswith("‘Meth. We’re on it.’")
    # the page's own declared first publication (not htmldate's day), normalised to UTC
    assert spokesman.published == "2019-11-19T18:18:25+00:00"
    assert spokesman.authors
    assert spokesman.language == "en"
    assert spokesman.is_article


def test_promo_paragraphs_between_real_ones_are_removed() -> None:
    body = (
        PARAGRAPH
        + "<p>Sign up for our free newsletter and get the best stories in your inbox.</p>"
        + "<p>Escape your echo chamber. Get the facts behind the news.</p>"
        + PARAGRAPH.replace("Tuesday", "Wednesday").replace("council", "board")
        + "<p>Jane Doe is a staff writer covering city hall. She joined the paper in 2015.</p>"
    )
    markup = f"<html><head><title>Budget</title></head><body><article>{body}</article></body></html>"
    result = extract(Page(id="p", source="p.html", kind="html", content=markup))
    assert isinstance(result, Article)
    assert len(result.paragraphs) == 2
    assert "newsletter" not in result.text and "echo chamber" not in result.text
    assert "staff writer" not in result.text


def test_a_line_printing_the_pages_own_address_goes() -> None:
    """A share or print widget's permalink is no body text; another address in the body stays."""
    url = "https://www.example.com/news/2019/11/19/council-budget-vote/"
    body = (f"<p>{url.replace('https://www.', 'http://')}</p>" + PARAGRAPH
            + "<p>https://www.example.com/budget-2020.pdf</p>"
            + PARAGRAPH.replace("Tuesday", "Wednesday").replace("council", "board"))
    markup = f"<html><head><title>Budget</title></head><body><article>{body}</article></body></html>"
    result = extract(Page(id="p", source="p.html", kind="html", content=markup, url=url))
    assert isinstance(result, Article)
    assert "council-budget-vote" not in result.text
    assert "https://www.example.com/budget-2020.pdf" in result.paragraphs


def test_listing_url_is_not_an_article() -> None:
    markup = f"<html><body><article>{PARAGRAPH * 6}</article></body></html>"
    page = Page(id="p", source="p.html", kind="html", content=markup,
                url="https://shop.example.com/products/blue-kettle")
    result = extract(page)
    assert isinstance(result, Article) and not result.is_article


def test_url_and_schema_hints() -> None:
    assert url_hint("https://example.com/2019/11/19/council-approves-budget/") == 2
    assert url_hint("https://example.com/council-approves-the-new-city-budget") == 1
    assert url_hint("https://example.com/forums/threads/123") == -1
    assert url_hint("https://example.com/") == -1
    assert url_hint(None) == 0
    assert declares_article('<script>{"@type": "NewsArticle", "headline": "x"}</script>')
    assert not declares_article('<script>{"@type": "Product"}</script>')


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty"),
        ("\n  \n", "empty"),
        ("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("".join(chr(i % 32) for i in range(2000)), "binary"),
        ("<html><body><div><span></span></div></body></html>", "no_text"),
        ("<html><head><script>var x = 1;</script></head><body></body></html>", "no_text"),
    ],
)
def test_junk_is_rejected_not_raised(content: str, reason: str) -> None:
    result = extract(Page(id="j", source="j.html", kind="html", content=content))
    assert isinstance(result, Rejected)
    assert (result.reason, result.stage, result.page_id) == (reason, "extract", "j")


def test_the_recall_run_is_the_last_try_before_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[tuple[bool, bool]] = []

    def only_recall_finds(tree: object, url: str | None, *, precise: bool, fast: bool = False,
                          recall: bool = False) -> str:
        runs.append((precise, recall))
        return PARAGRAPH[3:-4] if recall else ""

    monkeypatch.setattr(htmlruns, "run_trafilatura", only_recall_finds)
    page = Page(id="r", source="r.html", kind="html", content="<html><body>" + PARAGRAPH + "</body></html>")
    result = extract(page)
    assert isinstance(result, Article) and result.paragraphs == (PARAGRAPH[3:-4],)
    runs.clear()  # the page's own reading (``page_body``) makes its recall run for the gaps
    text, *_ = htmlruns.extraction(page.content, None)
    assert text == PARAGRAPH[3:-4] and runs.count((False, True)) == 1


def test_a_scrap_of_text_is_kept_but_is_not_an_article() -> None:
    result = extract(Page(id="s", source="s.html", kind="html", content="<html><body><p>Too short.</p>"))
    assert isinstance(result, Article)
    assert result.paragraphs == ("Too short.",) and not result.is_article


def test_broken_markup_still_yields_its_text() -> None:
    markup = "<html><body><div><p>" + PARAGRAPH[3:-4] + "<p>" + PARAGRAPH[3:-4] + "</div"
    result = extract(Page(id="b", source="b.html", kind="html", content=markup))
    assert isinstance(result, (Article, Rejected))
    if isinstance(result, Article):
        assert "property taxes" in result.text


def test_huge_page_is_cut_not_blown_up() -> None:
    blob = "<script>var data = '" + "x" * (MAX_HTML_CHARS + 1000) + "';</script>"
    markup = "<html><body><article>" + PARAGRAPH * 5 + "</article>" + blob + "</body></html>"
    result = extract(Page(id="h", source="h.html", kind="html", content=markup))
    assert isinstance(result, Article)
    assert "property taxes" in result.text


def test_tagless_html_page_is_read_as_text() -> None:
    others = [PARAGRAPH[3:-4].replace("Tuesday", day) for day in ("Monday", "Friday")]
    text = "Council approves budget\n\n" + "\n".join([PARAGRAPH[3:-4], *others])
    result = extract(Page(id="t", source="t.html", kind="html", content=text))
    assert isinstance(result, Article)
    assert result.paragraphs[0].startswith("The city council voted")


def test_seed_wrapped_in_article_markup_comes_out_like_the_text_path(seed_path: Path) -> None:
    """trafilatura keeps in-article promos, the brand line and the related list: we remove them."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{escape(line)}</p>" for line in lines[1:] if line.strip())
    markup = (f"<html><head><title>{escape(lines[0])}</title></head><body><article>"
              f"<h1>{escape(lines[0])}</h1>{body}</article></body></html>")
    from_html = extract(Page(id="h", source="seed.html", kind="html", content=markup))
    from_text = extract(Page(id="t", source="seed.txt", kind="text", content="\n".join(lines)))
    assert isinstance(from_html, Article) and isinstance(from_text, Article)
    assert from_html.paragraphs == from_text.paragraphs and len(from_html.paragraphs) == 6
    assert (from_html.title, from_html.outlet) == (from_text.title, "The Week")
    assert from_html.related == from_text.related and len(from_html.related) == 11


@pytest.mark.parametrize("markup", [
    "real",
    '<!DOCTYPE html>\n<html lang="en"><body><form><input name="q"><select><option>a</select>'
    "</form><!-- c --><p>Text &amp; more</p><?pi x?></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared</p></body></html>',
    "<html/>\n<body><p>Self-closing html tag</p></body>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/'
    'xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"/>\n<body><p>Both</p></body>',
    "<!doctype html><html><body><p>Form\x0cfeed \ufffe and \x01 refused</p></body></html>",
    "<p>only a fragment</p>",
    "no markup \x0b at all",
])
def test_our_parse_is_trafilaturas(markup: str) -> None:
    """The page is parsed as trafilatura's ``load_html`` parses it, to the same tree."""
    import trafilatura.utils
    from lxml import etree
    from lxml.html import HtmlElement

    from broadsheet.extract.htmlruns import _repaired, parse_html

    if markup == "real":
        markup = gzip.decompress((FIXTURES / f"scrapinghub_{SPOKESMAN}.html.gz").read_bytes()).decode()
    if not control_count(markup) and not any(c in markup for c in "\x0c\ufffe\uffff"):
        assert _repaired(markup, markup[:50].lower()) == trafilatura.utils.repair_faulty_html(
            markup, markup[:50].lower())
    ours, theirs = parse_html(markup), trafilatura.utils.load_html(markup)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert all(isinstance(e, HtmlElement) for e in ours.iter() if isinstance(e.tag, str))


def test_the_full_trafilatura_run_is_made_only_for_a_body_that_looks_cut_short() -> None:
    assert not needs_full_run(250, "<html><body>" + "<p>a</p>" * 20 + "</body></html>")
    assert needs_full_run(250, "<html><body>" + "<P class='x'>a</P>" * 40 + "</body></html>")
    assert needs_full_run(150, "<p>one paragraph</p>")
    assert not needs_full_run(250, "<pre>a</pre><param>" * 40)


def test_a_page_that_is_not_an_article_keeps_its_text_without_the_promos() -> None:
    """Listings, shops and docs get trafilatura's default text (precision mode cuts too much of
    them), still through our boilerplate stage."""
    items = "".join(f"<li><p>{PARAGRAPH[3:-4].replace('council', name)}</p></li>"
                    for name in ("board", "mayor", "court"))
    markup = (f"<html><body><main><ul>{items}</ul><p>Sign up for our free newsletter and get the "
              f"best stories in your inbox.</p></main></body></html>")
    page = Page(id="l", source="l.html", kind="html", content=markup,
                url="https://shop.example.com/category/kettles")
    result = extract(page)
    assert isinstance(result, Article) and not result.is_article
    assert "The city mayor voted" in result.text and "The city court voted" in result.text
    assert "newsletter" not in result.text


@pytest.mark.parametrize(("default_words", "wins"), [(900, True), (500, False)])
def test_the_default_run_wins_on_a_cut_short_page_only_when_much_longer(
        monkeypatch: pytest.MonkeyPatch, default_words: int, wins: bool) -> None:
    """Precision mode may keep only a first section of a long page: on a page whose body looks
    cut short, trafilatura's default text replaces it when it is LONGER_DEFAULT times as long."""

    def fake(tree: object, url: str | None, *, precise: bool, fast: bool = False) -> str:
        return "precise " * 300 if precise else "default " * default_words

    monkeypatch.setattr(htmlruns, "run_trafilatura", fake)
    markup = "<html><body>" + "<p>a paragraph</p>" * 100 + "</body></html>"
    text, *_ = htmlruns.extraction(markup, None)
    assert text.split()[0] == ("default" if wins else "precise")


@pytest.mark.parametrize(("precise_words", "default_words", "floor"), [
    (100, 150, 300),  # both runs left the body short: twice the default text's words
    (100, 50, 200),   # the precise text stands: twice its words
    (300, 150, 0),    # a precise body of SHORT_BODY_WORDS or more: no recall run
    (100, 1200, 0),   # the default text no longer looks cut short: no recall run
])
def test_the_recall_floor_is_set_where_the_precise_and_default_runs_leave_the_body_short(
        monkeypatch: pytest.MonkeyPatch, precise_words: int, default_words: int,
        floor: int) -> None:
    """Round 27: on a page whose precise body is short and whose chosen text still looks cut
    short (fewer than ten words a ``<p>``), the recall run may be read for an article when it
    is LONGER_DEFAULT times as long as that text; the runs themselves make no recall run."""
    calls: list[bool] = []

    def fake(tree: object, url: str | None, *, precise: bool, fast: bool = False,
             recall: bool = False) -> str:
        calls.append(recall)
        return "precise " * precise_words if precise else "default " * default_words

    monkeypatch.setattr(htmlruns, "run_trafilatura", fake)
    markup = "<html><body>" + "<p>a paragraph</p>" * 100 + "</body></html>"
    assert htmlruns.extraction(markup, None)[3] == floor
    assert not any(calls)


@pytest.mark.parametrize(("lines", "read"), [(40, True), (20, False), (0, False)])
def test_an_article_reads_the_recall_run_only_past_its_floor(
        monkeypatch: pytest.MonkeyPatch, lines: int, read: bool) -> None:
    """``recalled``: the recall text replaces the body, cleaned as the body is, only when it
    passes the floor the runs set (here 300 words; each line has 12)."""
    fuller = "\n".join(f"Paragraph {n} of the guide explains one more step of the whole process."
                       for n in range(lines))
    monkeypatch.setattr(htmlruns, "run_trafilatura", lambda *args, **kwargs: fuller)
    parts = htmlparts.HtmlParts("<p>x</p>", HtmlMetadata(), None, None, None,
                           ("The short body.",), (), tree=object(), recall_floor=300)
    after = articlebody.recalled(parts)
    assert (after.paragraphs[0] == "Paragraph 0 of the guide explains one more step of the "
            "whole process.") == read
    assert articlebody.recalled(replace(parts, recall_floor=0)).paragraphs == ("The short body.",)


def test_a_shop_page_keeps_its_product_tiles_and_a_bare_page_its_story_list_out() -> None:
    """On a page that is not an article, a separator-divided run of product tiles is the content,
    not a related-stories list: only a list whose items carry shared section labels (the seed's
    "Feature ...") stays out of the text."""
    blurbs = ["A fast-heating espresso machine with an adjustable milk frother for the home.",
              "A compact, high-performance espresso machine that fits on any kitchen counter.",
              "A revolutionary coffee and espresso machine with capsules and a milk steamer.",
              "A compact and powerful grinder and espresso maker for every kind of bean."]
    tiles = "".join(f"<p>-</p><p>({n})</p><p>{escape(b)}</p>"
                    for n, b in zip((513, 34, 28, 24), blurbs, strict=True))
    intro = ("<p>Our espresso machines under five hundred dollars are chosen by our staff for "
             "their quality, their price and the coffee they make every morning.</p>")
    markup = f"<html><body><main><h1>Espresso machines</h1>{intro}{tiles}</main></body></html>"
    page = Page(id="s", source="s.html", kind="html", content=markup,
                url="https://shop.example.com/category/espresso")
    result = extract(page)
    assert isinstance(result, Article) and not result.is_article
    assert all(blurb in result.text for blurb in blurbs)


@pytest.mark.parametrize("text", ["", "plain <p>text</p>\n\ttabs\r\n", "a\x00b\x1fc\x0bd", "\x07" * 40,
                                  "ünïcödé \u2028 \ud800 \x1c\x1d"])
def test_control_count_counts_what_the_control_pattern_finds(text: str) -> None:
    assert control_count(text) == len(CONTROL.findall(text))


@pytest.mark.parametrize("markup", [
    '<P CLASS="Byline">By Ann</P><li>one<li\xa0x>two</LI><Article><TIME>',
    '<div class="comment-reply">Replies</div><a rel="author" class="author-name">Ann</a>',
    "<p>İstanbul card \u212aelvin ADD TO CART</p><p\u3000>x",  # letters that lower-case to ASCII
    '<span>19,99\xa0€</span> <b>$ 20</b> <blockquote>',
    "<b>$ 20</b> £5 ¥\u30003 $$4 $x jQuery$(1)",
])
def test_the_page_kind_searches_count_what_the_text_holds(markup: str) -> None:
    low = markup.lower()
    found = pagekind.lowered(markup)
    assert found.chars == len(low)
    for marks in (*pagekind._MARKS.values(), *pagekind._CLASS_HINTS.values()):
        for mark in marks:
            assert found.data.count(mark) == low.count(mark.decode())
    as_text = re.compile(rf"<({'|'.join(pagekind._TAGS)})[\s>/]")
    assert [t.decode() for t in pagekind._TAG_PATTERN.findall(found.data)] == as_text.findall(low)
    prices = re.compile(r"[$€£¥]\s?\d|\d\s?€" if "€" in markup else r"[$£¥]\s?\d")
    assert pagekind._prices(markup) == len(prices.findall(markup))


def _title_signal(markup: str, name: str) -> float:
    found = pagekind.title_signals(pagekind.lowered(markup).data)
    return found[pagekind.TITLE_NAMES.index(name)]


def test_the_title_signals_read_the_day_and_byline_beside_the_headline() -> None:
    story = ('<body class="post-template single-post postid-7"><h1>Rates rise</h1>'
             '<p class="byline">By Ann Lee</p><span>March 3, 2025</span>')
    service = '<body class="page-template page-id-4"><h1>Our services</h1><p>Call us.</p>'
    assert _title_signal(story, "day_near_title") == _title_signal(story, "byline_near_title") == 1.0
    assert _title_signal(story, "cms_post") == 1.0 and _title_signal(story, "cms_page") == 0.0
    assert _title_signal(service, "day_near_title") == _title_signal(service, "cms_post") == 0.0
    assert _title_signal(service, "cms_page") == 1.0
    far = "<h1>Rates rise</h1>" + "<p>text</p>" * 1000 + "<time>March 3, 2025</time>"
    assert _title_signal(far, "day_near_title") == _title_signal(far, "time_near_title") == 0.0
    assert _title_signal("<p>no headline</p>", "has_h1") == 0.0


def test_the_cms_classes_are_read_from_the_body_tag_only() -> None:
    long_tag = '<body data-x="' + "x" * 3000 + '" class="single-post"><h1>Rates rise</h1>'
    later = '<body><h1>Menu</h1><div class="single-post page-template">Latest</div>'
    long_plain = '<body data-x="' + "x" * 3000 + '"><h1>Menu</h1><div class="single-post">Latest</div>'
    unclosed = '<body class="single-post'
    assert _title_signal(long_tag, "cms_post") == 1.0 and _title_signal(long_plain, "cms_post") == 0.0
    assert _title_signal(later, "cms_post") == _title_signal(later, "cms_page") == 0.0
    assert _title_signal(unclosed, "cms_post") == 0.0


def test_the_voice_signals_share_the_words_by_person() -> None:
    paragraphs = ["We help you grow your business.", "Our team answers in 24 hours?"]
    words = sum(len(p.split()) for p in paragraphs)
    found = dict(zip(pagekind.VOICE_NAMES, pagekind.voice_signals(paragraphs, words), strict=True))
    assert found["voice_we"] == 2 / words and found["voice_you"] == 2 / words
    assert found["voice_i"] == 0.0 and found["voice_digits"] == 1 / words
    assert found["question_share"] == 0.5
    assert pagekind.voice_signals([], 0) == [0.0] * len(pagekind.VOICE_NAMES)


def test_the_headline_signals_read_its_shape() -> None:
    def found(title: str | None) -> dict[str, float]:
        return dict(zip(pagekind.HEADLINE_NAMES, pagekind.headline_signals(title), strict=True))

    guide = found("How to choose a mesh router: the best picks of 2026?")
    assert guide == {"headline_words": 11.0, "headline_leads": 1.0, "headline_question": 1.0,
                     "headline_year": 1.0, "headline_colon": 1.0}
    plain = found("Cyber security consulting services")
    assert [plain[n] for n in pagekind.HEADLINE_NAMES[1:]] == [0.0] * 4
    assert found("Bestsellers")["headline_leads"] == 0.0  # a whole word only
    assert found(None)["headline_words"] == 0.0


def test_the_reading_signals_tell_a_list_of_links_from_prose() -> None:
    """A reading that keeps a page's links as bulleted lines reads as linked, bulleted and short;
    one that keeps prose with a byline and a day does not; the default run's extra words show."""
    import lxml.html

    tree = lxml.html.fromstring("<div><a href='/a'>Gardening   tips</a><a href='/b'>Pricing</a></div>")
    links = htmlverdict.link_texts(tree)
    assert links == {"gardening tips", "pricing"}
    prose = ["By Ann Lee", "The council voted on 3 March 2025 to close the old bridge for repairs."]
    listed = ["- Gardening tips", "- Pricing", *prose]

    def found(kept: list[str], default: list[str]) -> dict[str, float]:
        return dict(zip(pagekind.READING_NAMES, pagekind.readings_signals(kept, default, links),
                        strict=True))

    named = found(prose, listed)
    assert named["kept_linked"] == 0.0 and named["kept_bullets"] == 0.0
    assert named["kept_byline"] == 1.0 and named["kept_days"] > 0.0
    assert named["kept_prose"] == pytest.approx(14 / 17)
    assert named["default_linked"] == pytest.approx(3 / 20) and named["default_bullets"] == 0.5
    assert named["default_more_words"] > 0.0 and named["default_more_paragraphs"] > 0.0
    assert found([], [])["kept_words"] == 0.0 and htmlverdict.link_texts(None) == frozenset()


def _two_stage_model(band: tuple[float, float]) -> pagekind.PageModel:
    """A page model whose first stage reads every page at 0.5 and whose second, for the pages in
    ``band``, judges every page not an article."""
    from broadsheet.extract.linemodel import Ensemble, Tree
    from broadsheet.extract.pagewords import PAGE_TYPES, TypeWordModel, WordModel

    stump = Tree.from_json({"feature": [0], "threshold": [0.0], "left": [-1], "right": [-1],
                            "value": [0.0], "leaf": [True], "depth": 0})
    first = pagekind.Linear(0.0, (0.0,) * len(pagekind.MODEL_FEATURES))
    second = pagekind.SecondStage(Ensemble(-6.0, (stump,)), pagekind.Linear(
        -6.0, (0.0,) * len(pagekind.SECOND_FEATURES)), band, TypeWordModel((0.0,) * len(PAGE_TYPES)))
    return pagekind.PageModel(WordModel(0.0), Ensemble(0.0, (stump,)), first, 0.5, 0.5, second)


def test_only_a_page_the_first_stage_is_unsure_of_pays_the_default_run_and_page_body_reuses_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second stage judges a page whose first probability lies in its band, on the page's
    two readings: trafilatura's default run is read for it, once, and ``page_body`` reuses that
    text. A page the first stage is sure of is judged without the run."""
    markup = f"<html><body><main>{PARAGRAPH * 4}</main></body></html>"
    parts = htmlparts.html_parts(Page(id="k", source="k.html", kind="html", content=markup,
                                 url="https://news.example.com/2025/03/budget-vote"))
    assert isinstance(parts, htmlparts.HtmlParts)
    real, runs = htmlruns.run_trafilatura, []

    def counted(tree: object, url: str | None, *, precise: bool, fast: bool = False,
                recall: bool = False) -> str:
        runs.append((precise, recall))
        return real(tree, url, precise=precise, fast=fast, recall=recall)

    monkeypatch.setattr(htmlruns, "run_trafilatura", counted)
    monkeypatch.setattr(pagekind, "shipped_page_model", lambda: _two_stage_model((0.6, 0.9)))
    evidence, kind, default = htmlverdict.weighed(parts)
    assert kind is None and default is None and not evidence.readings and not runs
    monkeypatch.setattr(pagekind, "shipped_page_model", lambda: _two_stage_model((0.4, 0.6)))
    evidence, kind, default = htmlverdict.weighed(parts)
    assert kind is not None and default is not None and runs == [(False, False)]
    assert len(evidence.readings) == len(pagekind.READING_NAMES)
    assert htmlverdict.verdict(evidence) == kind
    assert htmlverdict.verdict(htmlverdict.evidence_of(parts)) is None
    assert pagebody.page_body(parts, default) == pagebody.page_body(parts)
    assert runs.count((False, False)) == 2  # the second page_body read the default run itself


def test_an_events_page_whose_list_is_its_content_keeps_the_list() -> None:
    """A separator-divided run that holds most of the body's words (an events page, each event
    with its description) is the article's content, not a related-stories list beside it."""
    events = [("March 16, 2026 Atlanta", "The largest conference dedicated to data platforms "
               "brings together engineers, analysts and their managers for three days of talks."),
              ("March 18, 2026 San Jose", "The premier conference on accelerated computing, where "
               "developers and researchers gather to hear about new hardware and its software."),
              ("April 2, 2026 Denver", "A regional meeting of managed service providers, with "
               "workshops on security, billing and the tools that keep small offices running."),
              ("April 9, 2026 Austin", "Two days of sessions for the operators of small networks, "
               "from cabling and wireless planning to the monitoring of remote sites.")]
    items = "".join(f"<p>-</p><p>{escape(when)}</p><p>{escape(what)}</p>" for when, what in events)
    markup = ("<html><head><title>Top conferences of 2026</title></head><body><article>"
              f"<h1>Top conferences of 2026</h1><p>Upcoming events of interest.</p>{items}"
              "</article></body></html>")
    result = extract(Page(id="e", source="e.html", kind="html", content=markup,
                          url="https://events.example.com/2026/top-conferences"))
    assert isinstance(result, Article)
    assert all(what in result.text for _, what in events)
    assert result.related == ()


def test_the_verdict_reads_the_body_without_a_list_the_text_keeps() -> None:
    """The page classifier was trained on bodies with their separator lists taken out: where a
    list outweighs the rest and stays in the text, the verdict still reads the body without it."""
    story = "The council met on Tuesday and approved the new budget after a long debate."
    items = ["-", "An item of the list with its own words", "-", "Another item with words",
             "-", "A third item of the list", "-", "A fourth item with a few more words"]
    body = [story, *items]
    lines, related = without_related(body, body=True)
    assert lines == body and related == ()
    assert htmlparts._judged(body, related, None, None, None) == (story,)
    assert htmlparts._judged([story], (), None, None, None) == ()  # no list: the text itself is read


def test_a_paragraph_announcing_what_follows_asks_for_the_recall_run() -> None:
    assert articlebody.announces_missing(["Some implications are:", "The second point stands."])
    assert not articlebody.announces_missing(["Some implications are:", "- sparse features"])
    assert not articlebody.announces_missing(["He said the plan works.", "It does."])


def test_the_gaps_are_filled_from_the_fuller_run_but_not_its_head_or_tail() -> None:
    mine = ("Intro.", "This meant:", "After the list.", "End.")
    fuller = ("Menu teaser", "Intro.", "This meant:", "- one", "- two", "After the list.", "End.",
              "Comments")
    assert articlebody.with_gaps_filled(mine, fuller) == (
        "Intro.", "This meant:", "- one", "- two", "After the list.", "End.")
    assert articlebody.with_gaps_filled(mine, ("Menu teaser", "Intro.", "This meant:", "Comments")) == mine
    assert articlebody.with_gaps_filled(mine, ("nothing shared",)) == mine


def test_a_run_with_no_gap_before_cleaning_has_none_after() -> None:
    """``filled`` skips the cleaning when the raw run holds nothing between the paragraphs it
    shares with the body: its cleaned lines, a subsequence, hold nothing there either."""
    mine = ("Intro.", "This meant:", "After the list.", "End.")
    assert articlebody.gap_span(mine, ("Menu", "Intro.", "This meant:", "After the list.", "Ads")) == []
    fuller = ("Menu", "Intro.", "This meant:", "- one", "After the list.", "Ads")
    assert articlebody.gap_span(mine, fuller) == [1, 2, 4]
    assert articlebody.gap_span(mine, ("Menu", "Intro.", "This meant:", "After the list.")) == []


def test_a_list_the_precise_run_drops_inside_the_body_comes_back() -> None:
    """WCXB dev page 4519 (CC BY 4.0): its key findings, a list between two paragraphs the
    precise run keeps, are dropped by precision mode; the recall run fills the gap."""
    markup = gzip.decompress((FIXTURES / "wcxb_4519.html.gz").read_bytes()).decode("utf-8")
    url = ("https://www.c2es.org/document/"
           "u-s-technology-and-innovation-policies-lessons-for-climate-change/")
    result = extract(Page(id="4519", source="4519.html", kind="html", content=markup, url=url))
    assert isinstance(result, Article)
    assert "Support for education and training should supplement research funding." in result.text
    assert "Enter search terms" not in result.text


def test_a_page_that_is_not_an_article_gets_the_recall_runs_gaps_without_its_controls(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a page judged not an article, the paragraphs trafilatura's recall run holds between two
    the default run kept come in (a post the default run skipped), its extra tail does not, and
    the shop's controls ("Add to cart") go."""
    posts = [f"Reply {n}: the {name} kettle boils a full litre in under three minutes for me."
             for n, name in enumerate(("steel", "glass", "copper"))]
    default = "\n".join((posts[0], "Add to cart", posts[2]))
    fuller = "\n".join((posts[0], "Add to cart", posts[1], posts[2], "Footer: all our shops"))

    def fake(tree: object, url: str | None, *, precise: bool, fast: bool = False,
             recall: bool = False) -> str:
        return fuller if recall else default

    monkeypatch.setattr(htmlruns, "run_trafilatura", fake)
    markup = "<html><body><p>x</p></body></html>"
    parts = htmlparts.HtmlParts(markup, HtmlMetadata(), None,
                           "Kettles", None, (posts[0],), (), htmlruns.parse_html(markup))
    assert pagebody.page_body(parts).paragraphs == tuple(posts)


def test_the_gaps_added_keep_every_line_of_the_reading_and_no_tail() -> None:
    """``with_gaps_added``: what the fuller run holds after each shared line comes in; a line of
    the reading the fuller run lacks stays (``with_gaps_filled`` gives it up), its tail does not."""
    mine, theirs = ("a", "b", "d", "e"), ("a", "x", "b", "c", "e", "tail")
    assert pagebody.with_gaps_added(mine, theirs) == ("a", "x", "b", "c", "d", "e")
    assert articlebody.with_gaps_filled(mine, theirs) == ("a", "x", "b", "c", "e")
    assert pagebody.with_gaps_added(mine, ("a", "b", "tail")) == mine


@pytest.mark.parametrize("name", [f"scrapinghub_{SPOKESMAN}.html.gz", "wcxb_4519.html.gz"])
def test_the_parts_judged_hands_on_read_the_readings_a_fresh_parse_reads(name: str) -> None:
    """``judged_parts`` returns the page's parts after every step has read them: no step changes
    their tree, so the bench's readings after the clock, read from them, are those of the page
    parsed afresh (``page_evidence``), and the article is ``judged``'s."""
    markup = gzip.decompress((FIXTURES / name).read_bytes()).decode("utf-8", "replace")
    page = Page(id="p", source=name, kind="html", content=markup, url=None)
    result, evidence, parts = html.judged_parts(page)
    assert evidence is not None and parts is not None
    readings = htmlverdict.with_readings(parts, evidence, htmlverdict.default_text(parts))
    assert readings == htmlverdict.page_evidence(page)
    assert (result, evidence) == html.judged(page)


@pytest.mark.parametrize("name", [f"scrapinghub_{SPOKESMAN}.html.gz", "wcxb_4519.html.gz"])
def test_the_shipped_type_word_model_reads_a_known_article_as_an_article(name: str) -> None:
    """The shipped second stage's type word regression (``pagewords.TypeWordModel``) gives two
    known articles (a Spokesman-Review story; WCXB dev page 4519, CC BY 4.0, a policy brief) the
    highest log-probability of the seven types and a positive article log-odds, and the shipped
    model, reading its row, judges both articles."""
    from broadsheet.extract.pagewords import PAGE_TYPES, TYPE_SCORE_NAMES

    model = pagekind.shipped_page_model()
    assert model is not None and model.second is not None
    markup = gzip.decompress((FIXTURES / name).read_bytes()).decode("utf-8", "replace")
    evidence = htmlverdict.page_evidence(Page(id="p", source=name, kind="html", content=markup, url=None))
    assert evidence is not None and evidence.readings
    odds, *logp = model.second.words.scores(evidence.words)
    assert odds > 0 and max(zip(logp, PAGE_TYPES, strict=True))[1] == "article"
    assert model.second.row(evidence)[-len(TYPE_SCORE_NAMES):] == [odds, *logp]
    assert model.probability(evidence) >= model.cutoff


def test_a_page_asks_trafilatura_for_its_recall_run_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``recalled`` and ``filled`` read the same fast recall run of one tree: a page whose body
    the first leaves as it was and whose body announces a list it lacks makes the run once."""
    calls: list[bool] = []

    def fake(*args: object, **kwargs: object) -> str:
        calls.append(bool(kwargs.get("recall")))
        return "The short body.\nThis meant:\nAfter the list."

    monkeypatch.setattr(htmlruns, "run_trafilatura", fake)
    parts = htmlparts.HtmlParts("<p>x</p>", HtmlMetadata(), None, None, None,
                           ("The short body.", "This meant:", "After the list."), (),
                           tree=object(), recall_floor=300)
    assert articlebody.recalled(parts) is parts
    assert articlebody.filled(parts) is parts
    assert calls == [True]
    assert articlebody.filled(replace(parts, tree=object())) is not None and calls == [True, True]
