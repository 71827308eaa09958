"""HTML metadata, cleaned: site names off titles, people as authors, first-publication dates,
opinion pieces, and the page-kind verdict with its reason."""

from __future__ import annotations

import pytest

from broadsheet.bench.metadata import metadata_matches
from broadsheet.extract import extract
from broadsheet.extract.htmlmeta import (
    clean_title,
    is_opinion,
    markup_published,
    people,
    published_date,
    site_name,
)
from broadsheet.model import Article, Page

BODY = "".join(
    f"<p>Paragraph {n}: the committee heard evidence from residents, engineers and the city's "
    f"own auditors about the cost of the new bridge, which has doubled since the vote.</p>"
    for n in range(8)
)


@pytest.mark.parametrize(
    ("title", "outlet", "url", "expected"),
    [
        ("Meal prep for a week | Scratch Culinary Meal Prep", "Scratch Culinary Meal Prep",
         None, "Meal prep for a week"),
        ("The Daily Planet: City council approves the bridge", None,
         "https://www.dailyplanet.com/x", "City council approves the bridge"),
        ("City council approves the new bridge at last - WSJ", None, None,
         "City council approves the new bridge at last"),
        ("Why the bridge matters: a long view", None, None, "Why the bridge matters: a long view"),
        # a column's headline that names the site is not the site's name (the real day's Guardian
        # editorial lost "The Guardian view on Hong Kong" and met no other Hong Kong story)
        ("The Daily Planet view on the bridge: a city on the brink | Editorial", None,
         "https://www.dailyplanet.com/x", "The Daily Planet view on the bridge: a city on the brink"),
        ("The Daily Planet view on the bridge: a city on the brink", None,
         "https://www.dailyplanet.com/x", "The Daily Planet view on the bridge: a city on the brink"),
        ("A headline without separators", "Site", None, "A headline without separators"),
    ],
)
def test_clean_title(title: str, outlet: str | None, url: str | None, expected: str) -> None:
    assert clean_title(title, outlet, url) == expected


def test_authors_are_people_not_the_outlet() -> None:
    raw = "By Jane Smith; Reuters Staff; The Daily Planet; jane@dailyplanet.com; Editorial Team"
    assert people(raw, "The Daily Planet", "https://dailyplanet.com/a") == ("Jane Smith",)
    assert people("John Doe; Mary Major", None, None) == ("John Doe", "Mary Major")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Metro Desk", ("Metro Desk",)),  # no person named: the desk the page credits
        ("Podium Staff", ()),  # ... but never the site itself (podium.com, "Help Net Security")
        ("Help Net Security", ()),
        ("Written By; Name; Undefined; Dec", ()),
        ("Category", ()),  # a theme's label left where the name should be
        ("Keith Barry Senior Autos Reporter", ("Keith Barry",)),
        ("Cazzy Magennis Last Updated August 1", ("Cazzy Magennis",)),
        ("Jordana Cepelewicz December", ("Jordana Cepelewicz",)),
        ("Tom May; Gary Marcus", ("Tom May", "Gary Marcus")),
        ("CM Craig McCarthy Last updated", ("Craig McCarthy",)),
        ("Tina Flint Huffman; Tina Huffman; Podium", ("Tina Flint Huffman",)),
        ("Zackery Cuevas Writer; Hardware", ("Zackery Cuevas",)),
        ("Author Isaiah Shelton", ("Isaiah Shelton",)),
    ],
)
def test_bylines_are_cleaned_of_labels_roles_and_dates(raw: str,
                                                      expected: tuple[str, ...]) -> None:
    assert people(raw, "Help Net Security", "https://www.podium.com/article/x") == expected


def test_the_date_is_htmldates_day_with_the_declared_time_and_never_a_bare_year() -> None:
    declared = '<meta property="article:published_time" content="2020-04-12T18:00:00-07:00">'
    assert published_date(declared, "2020-04-12", None) == "2020-04-12T18:00:00-07:00"
    assert published_date(declared, "2021-06-01", None) == "2021-06-01"
    assert published_date(declared, None, None) == "2020-04-12T18:00:00-07:00"
    assert published_date("<p>© 2025</p>", "2025-01-01", "https://x.com/a") is None
    assert published_date("<p/>", "2025-01-01", "https://x.com/2025/01/01/a") == "2025-01-01"


def test_a_page_declaring_nothing_takes_the_day_its_time_element_prints() -> None:
    printed = ('<script>var page = {dt: "2019-11-14T19:49:29Z"};</script>'
               '<time datetime="2019-11-19T11:45:59.000Z">Nov 19</time>')
    assert published_date(printed, "2019-11-14", None) == "2019-11-19T11:45:59.000Z"
    assert published_date(printed, None, None) == "2019-11-19T11:45:59.000Z"
    assert published_date(printed, "2019-11-19", None) == "2019-11-19"  # the same day: kept
    declared = '<meta property="article:published_time" content="2019-11-14T08:00:00Z">'
    assert published_date(declared + printed, "2019-11-14", None) == "2019-11-14T08:00:00Z"
    assert published_date("<time>Nov 19</time>", "2019-11-14", None) == "2019-11-14"
    free = '<time datetime="Tuesday 19 November">Nov 19</time>'  # not ISO: not read
    assert published_date(free, "2019-11-14", None) == "2019-11-14"


def test_the_bench_compares_the_day_the_page_declares() -> None:
    truth = {"title": None, "author": "Jane Smith", "date": "2020-04-12"}
    ours = {"title": None, "author": "Jane Smith", "date": "2020-04-12T18:00:00-07:00"}
    assert metadata_matches(truth, ours) == {"title": 1.0, "author": 1.0, "date": 1.0}
    assert metadata_matches(truth, {**ours, "date": "2020-04-13T01:00:00+00:00"})["date"] == 0.0


def test_published_date_is_the_declared_first_publication() -> None:
    markup = ('<script type="application/ld+json">{"@type": "NewsArticle", '
              '"dateModified": "2024-03-05T10:00:00Z", "datePublished": "2024-03-01T08:00:00Z"}'
              "</script>")
    assert markup_published(markup) == "2024-03-01T08:00:00Z"
    meta = '<meta property="article:published_time" content="2023-12-24T07:00:00+01:00">'
    assert markup_published(meta) == "2023-12-24T07:00:00+01:00"
    assert markup_published("<p>nothing</p>") is None


def test_opinion_from_schema_section_or_url() -> None:
    assert is_opinion('{"@type": "OpinionNewsArticle"}', [], None)
    assert is_opinion("", ["Opinion"], None)
    assert is_opinion("", [], "https://example.com/opinion/why-bridges-matter")
    assert not is_opinion('{"@type": "NewsArticle"}', ["Politics"], "https://example.com/news/x")


def test_article_carries_the_cleaned_metadata() -> None:
    html = ('<html><head><title>Bridge costs double | The Daily Planet</title>'
            '<meta property="og:site_name" content="The Daily Planet">'
            '<script type="application/ld+json">{"@type": "OpinionNewsArticle", '
            '"datePublished": "2024-03-01T08:00:00Z", "dateModified": "2024-04-01T08:00:00Z"}'
            f"</script></head><body><article><h1>Bridge costs double</h1>{BODY}</article>"
            "</body></html>")
    page = Page(id="m", source="m.html", kind="html", content=html,
                url="https://dailyplanet.com/opinion/2024/03/01/bridge-costs-double")
    result = extract(page)
    assert isinstance(result, Article)
    assert result.title == "Bridge costs double"
    assert result.published == "2024-03-01T08:00:00+00:00"
    assert result.opinion


def test_a_shop_page_is_not_an_article_and_says_why() -> None:
    items = "".join(f'<li><a href="/p/{n}">Red kettle model {n}</a> <span>$ {20 + n}.99</span>'
                    '<button>Add to cart</button></li>' for n in range(30))
    html = ('<html><head><title>Kettles</title><script type="application/ld+json">'
            '{"@type": "Product", "offers": {"@type": "Offer", "price": "20.99"}}</script></head>'
            f"<body><h1>Kettles</h1><p>Our kettles boil water fast and look good.</p><ul>{items}"
            "</ul></body></html>")
    result = extract(Page(id="s", source="s.html", kind="html", content=html,
                          url="https://shop.example/collections/kettles"))
    assert isinstance(result, Article)
    assert not result.is_article
    assert result.not_article == "product"


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://www.hawaiinewsnow.com", "hawaiinewsnow.com"),
    ("www.example.co.uk", "example.co.uk"),
    ("  The Guardian ", "The Guardian"),
    ("Nj", "NJ"),
    ("ft", "FT"),
    ("Vox", "Vox"),
    ("", None),
    (None, None),
])
def test_a_site_name_is_its_host_if_an_address_and_in_capitals_if_two_letters(
    raw: str | None, expected: str | None
) -> None:
    assert site_name(raw) == expected


def test_credentials_after_a_name_stay_with_that_person() -> None:
    """trafilatura splits "Jillian Kubala, MS, RD" into three authors; the letters are hers."""
    assert people("Jillian Kubala; MS; RD", None, None) == ("Jillian Kubala, MS, RD",)
    assert people("Rebecca Lake; CEPF®", None, None) == ("Rebecca Lake, CEPF",)
    assert people("Mayank Gupta; CEO", None, None) == ("Mayank Gupta",)  # a role, not letters
    assert people("MS; Ann Lee; Bo Park", None, None) == ("Ann Lee", "Bo Park")


@pytest.mark.parametrize(
    ("raw", "outlet", "url", "expected"),
    [
        ("Rick Steves", "Rick Steves", "https://www.ricksteves.com/tips", ("Rick Steves",)),
        ("Mark Denney", "Mark Denney | Landscape Photography",
         "https://markdenneyphotography.com/blog/a", ("Mark Denney",)),
        ("Help Net Security", "Help Net Security", "https://www.helpnetsecurity.com/a", ()),
        ("Block Renovation", "Block Renovation", "https://www.blockrenovation.com/a", ()),
        ("Podium Staff", "podium.com", "https://www.podium.com/article/a", ()),
        # the site is its owner's, the piece another writer's: the writer only
        ("Emily Henderson; Arlyn Hernandez", "Emily Henderson",
         "https://emilyhenderson.com/a", ("Arlyn Hernandez",)),
    ],
)
def test_a_person_named_like_their_own_site_is_the_author(
        raw: str, outlet: str, url: str, expected: tuple[str, ...]) -> None:
    assert people(raw, outlet, url) == expected


def test_without_the_model_the_sites_name_stays_the_outlet(monkeypatch: pytest.MonkeyPatch) -> None:
    from broadsheet.analyze import nlp
    from broadsheet.errors import AnalyzeError
    from broadsheet.extract import persons

    calls: list[str] = []

    def missing(name: str = "") -> None:
        calls.append(name)
        raise AnalyzeError("not installed")

    monkeypatch.setattr(nlp, "load_model", missing)
    persons._model.cache_clear()
    persons.reads_as_person.cache_clear()
    try:
        assert people("Rick Steves", "Rick Steves", "https://www.ricksteves.com/a") == ()
        assert people("Mark Denney", "Mark Denney", "https://markdenney.com/b") == ()
        assert len(calls) == 1  # a missing model is asked for once, not on every byline
    finally:
        persons._model.cache_clear()
        persons.reads_as_person.cache_clear()
