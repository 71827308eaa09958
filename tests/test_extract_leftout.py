"""``extract/leftout.py``: an article body printed in several containers of one class, of
which trafilatura reads the first only."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from broadsheet.extract import extract, leftout, looselists, pageblocks
from broadsheet.extract.articlebody import boxed
from broadsheet.extract.htmlparts import HtmlParts, html_parts
from broadsheet.extract.htmlruns import parse_html
from broadsheet.extract.linemodel import Ensemble
from broadsheet.model import Article, Page

URL = "https://www.example.com/news/2019/11/18/council-budget-vote/"
BODY = "grid--item body__container article__body"
FIRST = [
    "The city council voted on Tuesday to approve a new budget that raises property taxes by "
    "three percent, the first increase in a decade, after a six-hour public hearing.",
    "Council members said the increase would pay for road repairs, two new fire stations and "
    "a raise for the city's bus drivers, whose contract expires in the spring.",
]
SECOND = [
    "Residents who spoke at the hearing were divided, with several small business owners "
    "warning that the higher taxes would be passed on to their customers.",
    "The mayor is expected to sign the budget on Friday, and the new rates take effect in "
    "January, the finance director said after the vote.",
]
TEASERS = ('<ul><li>The strange life and <a href="/a">mysterious death of a coder</a></li>'
           '<li>How the city <a href="/b">gets its parking rules backward</a></li></ul>')


def _page(body: str) -> str:
    return (f"<html><head><title>Council approves budget</title></head><body><main>{body}"
            "</main></body></html>")


def _div(paragraphs: list[str], klass: str = BODY, extra: str = "") -> str:
    return f'<div class="{klass}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + extra + "</div>"


def _article(markup: str) -> Article:
    result = extract(Page(id="p", source="p.html", kind="html", content=markup, url=URL))
    assert isinstance(result, Article) and result.is_article
    return result


AD = '<div class="ad"><span>Advertisement</span></div>'


def test_the_rest_of_a_split_body_joins_it_in_order_without_its_link_list() -> None:
    markup = _page(_div(FIRST) + AD + _div(SECOND, extra=f"<hr>{TEASERS}"))
    assert _article(markup).paragraphs == (*FIRST, *SECOND)


def test_a_body_in_one_container_is_read_as_before() -> None:
    """Without a second container of the body's class nothing is searched or added."""
    markup = _page(_div(FIRST) + AD + '<div class="sidebar">' + "".join(
        f"<p>{p}</p>" for p in SECOND) + "</div>")
    assert leftout.repeated_body_classes(markup) == []
    assert _article(markup).paragraphs == tuple(FIRST)


def test_a_container_of_the_class_in_another_article_is_another_story() -> None:
    markup = _page(f"<article>{_div(FIRST)}</article><article>{_div(SECOND)}</article>")
    tree = parse_html(markup)
    assert leftout.split_body(tree, markup, FIRST) is None


def test_a_second_rendering_of_the_body_is_not_added_twice() -> None:
    """A page printing its text twice (once for small screens) in containers of one class."""
    markup = _page(_div(FIRST + SECOND) + AD + _div(FIRST + SECOND))
    tree = parse_html(markup)
    assert leftout.split_body(tree, markup, FIRST + SECOND) is None


def test_the_parts_before_and_after_the_container_read_go_around_it() -> None:
    intro = ["An opening paragraph printed in a container of its own before the rest, long "
             "enough to count as text worth adding to the body of the story."]
    markup = _page(_div(intro) + AD + _div(FIRST) + AD + _div(SECOND))
    split = leftout.split_body(parse_html(markup), markup, ["Headline kept", *FIRST])
    assert split == leftout.Split(1, 2, tuple(intro), tuple(SECOND))


def test_only_repeated_classes_that_name_a_body_are_searched() -> None:
    markup = (f'<div class="{BODY}"></div><div class="{BODY}"></div><div class="row"></div>'
              '<div class="row"></div><div class="entry-content"></div>')
    assert leftout.repeated_body_classes(markup) == [BODY]


def _loose(blocks: str) -> str:
    """A page whose body container no trafilatura body expression names: its paragraphs are
    gathered loose, without the headings between them."""
    return ("<html><head><title>Council approves budget</title></head><body>"
            f'<div class="b-entry__content">{blocks}</div></body></html>')


THIRD = ("Businesses that rely on the downtown bus routes welcomed the raise for drivers, "
         "saying the shortage had cut service on several lines this year.")


def test_a_heading_left_out_between_two_kept_paragraphs_comes_back() -> None:
    markup = _loose(f"<p>{FIRST[0]}</p><h2>What the increase pays for</h2><p>{FIRST[1]}</p>"
                    f'<h3><a href="/related">Related: the last budget vote</a></h3><p>{THIRD}</p>')
    assert _article(markup).paragraphs == (FIRST[0], "What the increase pays for", FIRST[1], THIRD)


def test_a_heading_goes_back_only_between_paragraphs_the_body_holds_in_a_row() -> None:
    markup = _loose(f"<p>{FIRST[0]}</p><h2>Between</h2><p>{FIRST[1]}</p><h2>After a gap</h2>"
                    f"<p>A promo the body left out.</p><p>{THIRD}</p><h2>At the end</h2>")
    body = [FIRST[0], FIRST[1], THIRD]
    assert leftout.dropped_headings(parse_html(markup), body) == {1: ["Between"]}
    assert leftout.dropped_headings(parse_html(markup), [FIRST[0], "Between", FIRST[1]]) == {}


SECTION = ("The finance director said the new rates would bring in about four million dollars "
           "a year, most of it set aside for the roads.")


def test_a_prose_paragraph_between_two_of_the_body_in_a_container_of_its_own_comes_back() -> None:
    markup = _page(f"<div><p>{FIRST[0]}</p><p>{FIRST[1]}</p></div>"
                   f'<div class="tab-panel"><div><p>{SECTION}</p></div></div>'
                   f"<div><p>{SECOND[0]}</p></div>")
    body = [*FIRST, SECOND[0]]
    assert leftout.loose_paragraphs(parse_html(markup), body) == {2: [SECTION]}


def test_loose_paragraphs_left_out_on_purpose_or_outside_the_body_stay_out() -> None:
    """Not a paragraph beside one the body holds (trafilatura read that container), nor a
    line that is no prose, nor page furniture, nor a link, nor one before or after the body."""
    markup = _page(f"<div><p>{SECOND[1]}</p></div><div><p>{FIRST[0]}</p>"
                   f"<p>{SECTION}</p></div><div><p>Sign up for our free daily newsletter</p></div>"
                   f'<div class="post-sidebar"><p>{SECTION.replace("four", "five")}</p></div>'
                   f'<aside><p>{SECTION.replace("four", "six")}</p></aside>'
                   f'<div><p><a href="/x">{SECTION.replace("four", "two")}</a></p></div>'
                   f'<a href="/card"><p>{SECTION.replace("four", "nine")}</p></a>'
                   f'<figure><img src="x.jpg"><figcaption><p>{SECTION.replace("four", "ten")}'
                   "</p></figcaption></figure>"
                   f"<div><p>{FIRST[1]}</p></div><div><p>{THIRD}</p></div>")
    assert leftout.loose_paragraphs(parse_html(markup), list(FIRST)) == {}


def test_a_loose_paragraph_comes_back_in_the_article_where_the_markup_prints_it() -> None:
    """A body split over two containers of one class (trafilatura reads the first, the second
    joins it) with a section of prose printed in a panel of its own between them."""
    markup = _page(_div(FIRST) + f'<div class="panel"><p>{SECTION}</p></div>' + _div(SECOND))
    assert _article(markup).paragraphs == (*FIRST, SECTION, *SECOND)


INTRO = ("The council listed the projects the new budget pays for, in the order the finance "
         "director gave them to the members on Tuesday:")
PROJECTS = ("<ol><li>Road repairs on the east side</li><li>Two new fire stations</li>"
            "<li>A raise for the bus drivers</li></ol>")
MENU = ('<ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>'
        '<li><a href="/weather">Weather</a></li></ul>')


def _blocks(markup: str, body: list[str]) -> list[looselists.LooseList]:
    return looselists.loose_lists(parse_html(markup), body)


def _feature(block: looselists.LooseList, name: str) -> float:
    return block.features[looselists.LIST_FEATURES.index(name)]


def test_a_list_the_body_lacks_inside_its_span_is_a_loose_block_before_the_next_paragraph() -> None:
    markup = _page(f"<div><p>{INTRO}</p>{PROJECTS}</div><div><p>{THIRD}</p></div>")
    [block] = _blocks(markup, [INTRO, THIRD])
    assert block.before == 1 and block.ordered
    assert block.items == ("Road repairs on the east side", "Two new fire stations",
                           "A raise for the bus drivers")
    assert len(block.features) == len(looselists.LIST_FEATURES)
    assert _feature(block, "after_colon") == 1.0 and _feature(block, "one_link") == 0.0
    assert looselists.block_lines(block)[0] == "- Road repairs on the east side"


def test_a_menu_reads_as_links_and_a_paragraph_as_one_item() -> None:
    markup = _page(f"<div><p>{FIRST[0]}</p></div><div>{MENU}<p>{SECTION}</p></div>"
                   f"<div><p>{THIRD}</p></div>")
    menu, paragraph = _blocks(markup, [FIRST[0], THIRD])
    assert _feature(menu, "one_link") == 1.0 and _feature(menu, "link_share") == 1.0
    assert paragraph.items == (SECTION,) and _feature(paragraph, "paragraph") == 1.0
    assert looselists.block_lines(paragraph) == [SECTION]


def test_lists_outside_the_span_held_by_the_body_or_nested_are_no_loose_blocks() -> None:
    held = "<ul><li>" + FIRST[1] + "</li><li>Another item</li></ul>"
    nested = f"<ul><li>Outer item {PROJECTS}</li></ul>"
    markup = _page(f"{MENU}<div><p>{FIRST[0]}</p></div>{held}<div><p>{THIRD}</p></div>{MENU}")
    assert _blocks(markup, [FIRST[0], FIRST[1], THIRD]) == []
    [outer] = _blocks(_page(f"<p>{FIRST[0]}</p><div>{nested}</div><p>{THIRD}</p>"),
                      [FIRST[0], THIRD])
    assert outer.items[0].startswith("Outer item") and _feature(outer, "nested") == 1.0


def test_a_pop_up_the_page_opens_over_its_text_gives_no_loose_block_or_paragraph() -> None:
    """A glossary's definition in a ``<dialog>``, a tooltip, a modal sign-up: printed inside the
    body's span in the markup, never part of the text as the page shows it."""
    pop_ups = (f"<dialog><div><p>{SECTION}</p>{PROJECTS}</div></dialog>",
               f'<div role="tooltip"><p>{SECTION}</p></div>',
               f'<div aria-modal="true"><div>{PROJECTS}</div></div>')
    for pop_up in pop_ups:
        markup = _page(f"<div><p>{FIRST[0]}</p></div><div>{pop_up}</div><div><p>{THIRD}</p></div>")
        assert _blocks(markup, [FIRST[0], THIRD]) == []
        assert leftout.loose_paragraphs(parse_html(markup), [FIRST[0], THIRD]) == {}
    shown = _page(f"<div><p>{FIRST[0]}</p></div><div role=\"region\"><p>{SECTION}</p></div>"
                  f"<div><p>{THIRD}</p></div>")
    assert leftout.loose_paragraphs(parse_html(shown), [FIRST[0], THIRD]) == {1: [SECTION]}


def test_a_list_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        looselists.ListModel.from_json({"features": ["items"], "cutoff": 0.5,
                                     "model": {"baseline": 0.0, "trees": []}})


def test_the_shipped_list_model_reads_the_blocks_features() -> None:
    model = looselists.shipped_list_model()
    assert model is not None and 0.0 < model.cutoff < 1.0
    assert model.trees.stacked.feature.max() < len(looselists.LIST_FEATURES)


LEAF = {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.0],
        "leaf": [True], "depth": 1}  # one tree of one leaf: the baseline decides


def test_the_blocks_the_model_keeps_go_into_the_article_where_the_markup_prints_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The list model decides; with one that keeps every block, the list and the paragraph go
    in before the body paragraph that follows them, the list's items as trafilatura prints
    them; with one that keeps none the article is as the rules leave it."""
    markup = _loose(f"<p>{FIRST[0]}</p>{PROJECTS}<p>{THIRD}</p>")
    keep_all, keep_none = (looselists.ListModel(Ensemble.from_json({"baseline": raw, "trees": [LEAF]}),
                                                0.5) for raw in (5.0, -5.0))
    monkeypatch.setattr(looselists, "shipped_list_model", lambda: keep_none)
    assert _article(markup).paragraphs == (FIRST[0], THIRD)
    monkeypatch.setattr(looselists, "shipped_list_model", lambda: keep_all)
    assert _article(markup).paragraphs == (FIRST[0], "- Road repairs on the east side",
                                           "- Two new fire stations",
                                           "- A raise for the bus drivers", THIRD)


def test_a_blocks_features_do_not_read_the_lists_outside_the_span() -> None:
    """Only the span between the first and the last paragraph the body holds is read (its places
    counted from its first paragraph): menus before and after it change no block."""
    inside = f"<div><p>{FIRST[0]}</p>{PROJECTS}<p>{SECTION}</p></div><div><p>{THIRD}</p></div>"
    bare = _blocks(_page(inside), [FIRST[0], THIRD])
    framed = _blocks(_page(f"{MENU}{MENU}<p>Before the story.</p>{inside}{MENU}"),
                     [FIRST[0], THIRD])
    assert framed == bare and len(bare) == 2


def test_one_walk_gives_the_paragraphs_lists_and_headings_in_the_markups_order() -> None:
    markup = _page(f"<h2>Budget</h2><p>{FIRST[0]}</p>{PROJECTS}<h3>Vote</h3>{MENU}<p>Last.</p>")
    blocks = pageblocks.page_blocks(parse_html(markup))
    assert [key for _, key in blocks.paragraphs] == [pageblocks.key_of(FIRST[0]), "last"]
    assert [element.tag for element, _ in blocks.blocks] == ["p", "ol", "ul", "p"]
    assert [key for _, key in blocks.blocks] == [pageblocks.key_of(FIRST[0]), "", "", "last"]
    assert [element.text for element in blocks.headings] == ["Budget", "Vote"]


@pytest.mark.parametrize("text", ["ΟΔΟΣ ΣΑΣ Σ", "Σ́ΑΣ́ xΣ'", "İSTANBUL Straße ǅEMAL", "a_b, 3D!", "", " ."])
def test_a_key_is_its_words_lower_cased_one_by_one(text: str) -> None:
    """Lower-casing the joined words gives each word's own lower case, final sigmas too."""
    from broadsheet.text import WORD

    assert pageblocks.key_of(text) == " ".join(word.lower() for word in WORD.findall(text))


def test_the_body_keys_follow_the_body_they_are_asked_for() -> None:
    first, second = (FIRST[0], FIRST[1]), (FIRST[1], FIRST[0], FIRST[1])
    assert pageblocks.body_at(first) == {pageblocks.key_of(FIRST[0]): 0, pageblocks.key_of(FIRST[1]): 1}
    assert pageblocks.body_at(second) == {pageblocks.key_of(FIRST[1]): 0, pageblocks.key_of(FIRST[0]): 1}


def _declaring(body: str, *declarations: object) -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(d)}</script>'
                      for d in declarations)
    return (f"<html><head><title>Council approves budget</title>{scripts}</head><body><main>"
            f"{body}</main></body></html>")


def test_the_declared_body_is_the_longest_article_body_of_the_pages_json_ld() -> None:
    """``declared_body``: every ``articleBody`` of the JSON-LD declarations, however nested, the
    longest read, one paragraph a line; a broken declaration or other scripts declare nothing."""
    text = "\n".join([*FIRST, "", *SECOND])
    markup = _declaring(
        "<p>x</p>", {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "articleBody": text}]},
        [{"@type": "NewsArticle", "articleBody": FIRST[0]}])
    assert leftout.declared_body(parse_html(markup), markup) == [*FIRST, *SECOND]
    broken = markup.replace('{"@graph"', '{"@graph",', 1)
    assert leftout.declared_body(parse_html(broken), broken) == [FIRST[0]]
    plain = _page(f"<script>var articleBody = 1;</script>{_div(FIRST)}")
    assert leftout.declared_body(parse_html(plain), plain) == []


def test_a_hostile_or_marked_up_declaration_declares_nothing() -> None:
    """A declaration nested deeper than the JSON parser goes is skipped, not raised out of the
    page; a declared body holding tags is markup, not the article's text."""
    deep = '{"articleBody": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    hostile = (f'<html><head><script type="application/ld+json">{deep}</script></head>'
               f"<body>{_div(FIRST)}</body></html>")
    assert leftout.declared_body(parse_html(hostile), hostile) == []
    tagged = _declaring("<p>x</p>", {"articleBody": "<p>" + "</p><p>".join(FIRST) + "</p>"})
    assert leftout.declared_body(parse_html(tagged), tagged) == []


def test_a_body_printed_with_script_is_read_from_its_declaration() -> None:
    """A page whose markup prints only the start of the story and declares all of it reads the
    declaration; one whose declaration is a teaser, or another text, keeps its markup's body."""
    story = [*FIRST, *SECOND]
    whole = _article(_declaring(_div(FIRST), {"@type": "NewsArticle",
                                              "articleBody": "\n".join(story)}))
    assert whole.paragraphs == tuple(story)
    teaser = _article(_declaring(_div(story), {"@type": "NewsArticle",
                                               "articleBody": FIRST[0]}))
    assert teaser.paragraphs == tuple(story)
    other = " ".join(f"An unrelated paragraph number {n} about gardening tomatoes in the shade."
                     for n in range(12))
    elsewhere = _article(_declaring(_div(FIRST), {"articleBody": other}))
    assert elsewhere.paragraphs == tuple(FIRST)


KEY_POINTS = ("The new rates raise the tax on a typical home by about one hundred and twenty "
              "dollars a year, the finance director told the council.")


def test_a_box_precision_mode_drops_inside_the_body_s_span_gives_its_blocks() -> None:
    """A key-points box drawn with a border between two paragraphs of the body (trafilatura's
    precision mode drops an element whose style says "border"): its blocks go before the
    paragraph that follows it; not a box outside the span, in the furniture, holding a body
    paragraph, or whose text the body holds."""
    box = f'<div style="border: 1px solid #ccc"><h3>Key points</h3><p>{KEY_POINTS}</p></div>'
    markup = _page(f"<p>{FIRST[0]}</p>{box}<p>{FIRST[1]}</p><p>{THIRD}</p>"
                   f'<div style="border-top: 1px"><p>Subscribe to the daily briefing now.</p></div>')
    body = [FIRST[0], FIRST[1], THIRD]
    assert leftout.boxed_blocks(parse_html(markup), body) == {1: ["Key points", KEY_POINTS]}
    read = _page(f'<p>{FIRST[0]}</p><div style="border: 0"><p>{FIRST[1]}</p><p>{SECTION}</p></div>'
                 f"<p>{THIRD}</p>")
    assert leftout.boxed_blocks(parse_html(read), body) == {}
    furniture = _page(f'<p>{FIRST[0]}</p><aside>{box}</aside><p>{FIRST[1]}</p>')
    assert leftout.boxed_blocks(parse_html(furniture), [FIRST[0], FIRST[1]]) == {}
    assert leftout.boxed_blocks(parse_html(markup), [FIRST[0], "Key points", FIRST[1]]) == {
        2: [KEY_POINTS]}


def test_a_bordered_paragraph_or_inline_box_with_child_elements_gives_its_whole_text() -> None:
    """A bordered ``<p>`` whose text runs through a link and emphasis, and a bordered ``<div>``
    of inline text only, give their whole text as one block (their children are no text blocks
    of their own); one mostly a link (a button) or holding only a script (an advertisement's
    slot) gives nothing."""
    cited = ('<p style="border-left: 4px solid #0a0">The new rates raise the tax on a typical '
             '<a href="/homes">home</a> by about <strong>one hundred and twenty dollars</strong> '
             "a year, the finance director told the council.</p>")
    inline = ('<div style="border: 1px solid"><strong>Practical rule:</strong> The new rates '
              "raise the tax on a typical home by about one hundred and twenty dollars a year, "
              "the finance director told the council.</div>")
    button = ('<p style="border: 1px solid"><a href="/subscribe">Subscribe to the daily '
              "briefing today</a></p>")
    body = [FIRST[0], FIRST[1]]
    for box, expected in ((cited, KEY_POINTS), (inline, f"Practical rule: {KEY_POINTS}")):
        markup = _page(f"<p>{FIRST[0]}</p>{box}<p>{FIRST[1]}</p>")
        assert leftout.boxed_blocks(parse_html(markup), body) == {1: [expected]}
    slot = ('<div style="border-bottom: 1px solid"><script>googletag.cmd.push(function() '
            "{ googletag.display('div-gpt-ad-1'); });</script></div>")
    for box in (button, slot):
        markup = _page(f"<p>{FIRST[0]}</p>{box}<p>{FIRST[1]}</p>")
        assert leftout.boxed_blocks(parse_html(markup), body) == {}


def test_the_boxed_step_puts_a_box_s_blocks_in_the_reading_cleaned() -> None:
    box = (f'<div style="border: 1px solid #ccc"><h3>Key points</h3><p>{KEY_POINTS}</p>'
           "<p>Share this article</p></div>")
    markup = _page(_div(FIRST[:1]) + box + _div([FIRST[1], THIRD]))
    parts = html_parts(Page(id="p", source="p.html", kind="html", content=markup, url=URL))
    assert isinstance(parts, HtmlParts)
    parts = replace(parts, paragraphs=(FIRST[0], FIRST[1], THIRD))  # as precision mode reads it
    assert boxed(parts).paragraphs == (FIRST[0], "Key points", KEY_POINTS, FIRST[1], THIRD)


def test_a_page_drawing_boxes_everywhere_gives_none() -> None:
    box = '<div style="border: 1px solid #ccc"><p>Boxed text printed here.</p></div>'
    markup = _page(f"<p>{FIRST[0]}</p>{box * (leftout.MAX_BOXES + 1)}<p>{FIRST[1]}</p>")
    assert leftout.boxed_blocks(parse_html(markup), [FIRST[0], FIRST[1]]) == {}
    markup = _page(f"<p>{FIRST[0]}</p>{box}<p>{FIRST[1]}</p>")
    assert leftout.boxed_blocks(parse_html(markup), [FIRST[0], FIRST[1]]) == {
        1: ["Boxed text printed here."]}
