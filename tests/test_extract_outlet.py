"""The outlet of an HTML page: the name of the site that carried it (``extract/outlet.py``), and
the bench's outlet rows (``bench/outlets.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.bench.outlets import OutletTally, load_labels, outlet_key
from broadsheet.extract import extract
from broadsheet.extract.outlet import host_label, outlet_name
from broadsheet.model import Article, Page, Rejected

BODY = "".join(
    f"<p>Paragraph {n}: the committee heard evidence from residents, engineers and the city's "
    f"own auditors about the cost of the new bridge, which has doubled since the vote.</p>"
    for n in range(8)
)


def page(title: str = "", site: str = "", publisher: str = "", handle: str = "") -> str:
    """The head of a page declaring what is given."""
    head = f"<title>{title}</title>" if title else ""
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    head += f'<meta name="twitter:site" content="@{handle}">' if handle else ""
    if publisher:
        head += ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
                 f'{{"@type": "Organization", "name": "{publisher}"}}}}</script>')
    return f"<html><head>{head}</head><body>{BODY}</body></html>"


@pytest.mark.parametrize(
    ("url", "label"),
    [("https://www.deccanherald.com/x", "deccanherald"), ("https://hosted.ap.org/x", "ap"),
     ("https://news.bbc.co.uk/x", "bbc"), ("https://news.sky.com/x", "sky"),
     ("http://www.autoracing.com.br/x", "autoracing"), ("https://pv-magazine.com/", "pvmagazine"),
     ("https://localhost/x", None), (None, None)],
)
def test_host_label_is_the_main_label(url: str | None, label: str | None) -> None:
    assert host_label(url) == label


@pytest.mark.parametrize(
    ("sitename", "markup", "url", "expected"),
    [
        # a wire's or a news service's name as the publisher: the site's own name wins
        ("Associated Press", page("Debate questions - SFGate", "SFGate", "Associated Press"),
         "https://www.sfgate.com/news/a", "SFGate"),
        ("DH News Service", page("Trade deal | Deccan Herald", "Deccan Herald", "DH News Service"),
         "https://www.deccanherald.com/a", "Deccan Herald"),
        # a tagline goes
        ("LinkNaija | Nigeria's popular news platform", page(), "https://www.linknaija.com/a",
         "LinkNaija"),
        # a handle is not a name when the page writes one
        ("BarronsOnline", page("Home Depot falls - Barron's", handle="BarronsOnline"),
         "https://www.barrons.com/a", "Barron's"),
        ("SputnikInt", page("Royal arrogance - Sputnik International", handle="SputnikInt"),
         "https://sputniknews.com/a", "Sputnik International"),
        # a one-word name that is the host's label, written out in words by the title
        ("NYTimes", page("Trade war - The New York Times"), "https://www.nytimes.com/a",
         "The New York Times"),
        # the host in small letters gives way to a declared name; a brand like an address stays
        ("livescience.com", page("Feather duvet lung | Live Science", "livescience.com"),
         "https://www.livescience.com/a", "Live Science"),
        ("Space.com", page("Europa's plumes | Space", "Space.com", "Space"),
         "https://www.space.com/a", "Space.com"),
        # a name that spells the host in words, or whose capitals are its form, stays as it is
        ("Los Angeles Times", page("Column - Los Angeles Times", "Los Angeles Times"),
         "https://www.latimes.com/a", "Los Angeles Times"),
        ("The Hill", page("Meth campaign | TheHill", "TheHill", "The Hill"),
         "https://thehill.com/a", "The Hill"),
        # a declared name that does not name the host stays when nothing else does
        ("Connecticut Post", page("SUVs at the show - Connecticut Post", "Connecticut Post",
                                  "Associated Press", "ConnPost"),
         "https://www.ctpost.com/a", "Connecticut Post"),
        # a name the page never declares gives way to the host
        ("Copyright 2014", page("Atendimento registra arrombamento"),
         "https://jaraguadosul.com.br/a", "jaraguadosul.com.br"),
        # a short host label is an abbreviation its handle spells
        ("Hosted", page("Tories under fire | Hosted", "Hosted", handle="ap"),
         "https://hosted.ap.org/a", "AP"),
        # without an address there is nothing to check the name against
        ("Hosted", page(), None, "Hosted"),
    ],
)
def test_outlet_name(sitename: str, markup: str, url: str | None, expected: str) -> None:
    assert outlet_name(sitename, markup, url) == expected


def test_the_article_carries_the_outlet_that_carried_it() -> None:
    markup = page("Council approves the bridge - SFGate", "SFGate", "Associated Press")
    article = extract(Page(id="p", source="p.html", kind="html", content=markup,
                           url="https://www.sfgate.com/news/article/bridge-1.php"))
    assert isinstance(article, Article)
    assert article.outlet == "SFGate"


def test_outlet_rows_count_the_labelled_pages(tmp_path: Path) -> None:
    labels = tmp_path / "outlets.json"
    labels.write_text(json.dumps({"outlets": {"www.sfgate.com": ["SFGate"],
                                              "www.nytimes.com": ["The New York Times"]}}))
    tally = OutletTally("outlets", load_labels(labels))
    for url, outlet in [("https://www.sfgate.com/a", "SFGate"),
                        ("https://www.nytimes.com/a", "NYTimes"),
                        ("https://unlabelled.example/a", "Example")]:
        tally.add(url, Article(id="a", source="a", title="t", paragraphs=("x",), outlet=outlet), None)
    refused = Rejected(source="b", stage="extract", reason="no_text", detail="x")
    tally.add("https://www.nytimes.com/b", refused, None)
    [row] = tally.rows("baseline")
    assert (row.documents, row.metrics["exact"]) == (3, 1 / 3)
    assert outlet_key("The New York Times") == outlet_key("new york times") == "newyorktimes"
    assert load_labels(tmp_path / "missing.json") == {}


def test_a_label_is_spelled_over_a_few_words_only() -> None:
    from broadsheet.extract.outlet import _spelled

    assert _spelled("latimes", ["los", "angeles", "times"])
    assert not _spelled("sky", ["sky", "news"])  # one word used is not a spelling
    assert not _spelled("abcdefghi", list("abcdefghi"))  # nine words: a headline, not a name
