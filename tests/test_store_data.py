"""The store's behaviour beyond round trips: search, rejections, stories, exports, editions."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

import pytest

from broadsheet.errors import StoreError
from broadsheet.model import (
    Analysis,
    Article,
    Attribution,
    Edition,
    Entity,
    Page,
    Rejected,
    RelatedItem,
    Story,
)
from broadsheet.store import Store
from broadsheet.store.db import PAGE_SIZE

SUMMIT = Article(
    id="u-summit", source="feed", title="Kim and Trump to meet again",
    paragraphs=("The summit could happen this month, officials said.",
                'John Everard told BBC News: "It is a gamble."'),
    url="https://example.com/summit", authors=("Peter Weber",), outlet="The Week",
    related=(RelatedItem("Another story", "Feature", "A teaser"),),
)
WEATHER = Article(id="u-weather", source="feed", title="Storm heads north",
                  paragraphs=("Forecasters expect heavy rain and a summit of clouds.",))
QUOTE = Attribution(
    speaker="John Everard", cue="told", content="It is a gamble.", kind="direct",
    role="former British ambassador", via="BBC News",
    speaker_span=(53, 65), cue_span=(66, 70), content_span=(81, 96), act="statement",
    canonical="john everard",
)


class Clock:
    """A clock that ticks one second per call, so first/last seen are distinguishable."""

    def __init__(self) -> None:
        self.ticks = itertools.count()

    def __call__(self) -> str:
        return f"2024-09-10T00:00:{next(self.ticks):02d}+00:00"


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    with Store.open(db_target, clock=Clock()) as opened:
        yield opened


def ids(found: list[Article]) -> list[str]:
    return [a.id for a in found]


# --- search -------------------------------------------------------------------------------------

def test_search_finds_words_of_the_body_and_the_title(store: Store) -> None:
    store.put_article(SUMMIT)
    store.put_article(WEATHER)
    assert ids(store.search("gamble")) == ["u-summit"]
    assert ids(store.search("forecasters rain")) == ["u-weather"]
    assert sorted(ids(store.search("summit"))) == ["u-summit", "u-weather"]
    assert ids(store.search("storm")) == ["u-weather"]
    assert store.search("volcano") == []


def test_search_weighs_a_title_match_above_a_body_match(store: Store) -> None:
    store.put_article(Article(id="body", source="s", title="Weather",
                              paragraphs=("Forecasters talk about a storm.",)))
    store.put_article(WEATHER)  # "Storm" in the title
    assert ids(store.search("storm")) == ["u-weather", "body"]


@pytest.mark.parametrize("query", [
    '"', '""', '"gamble', 'gamble"', '"""gamble"""', "gamble*", "-gamble", "(gamble",
    "NEAR(gamble", "gamble AND", "OR gamble", "title:gamble", "^gamble", "gamble's", "g\u00e4mble?",
])
def test_search_survives_fts_syntax_in_the_query(store: Store, query: str) -> None:
    store.put_article(SUMMIT)
    found = ids(store.search(query))
    assert found in ([], ["u-summit"])


@pytest.mark.parametrize("query", ['"gamble', "gamble*", "(gamble)", "GAMBLE!", "gamble,"])
def test_search_finds_a_word_wrapped_in_punctuation(store: Store, query: str) -> None:
    store.put_article(SUMMIT)
    store.put_article(WEATHER)
    assert ids(store.search(query)) == ["u-summit"]


@pytest.mark.parametrize("query", ["", "   ", "!!!", '" " "', "-- *"])
def test_search_with_nothing_searchable_finds_nothing(store: Store, query: str) -> None:
    store.put_article(SUMMIT)
    assert store.search(query) == []


def test_search_follows_updates_and_honours_the_limit(store: Store) -> None:
    store.put_article(SUMMIT)
    store.put_article(Article(id=SUMMIT.id, source="feed", title="Rewritten",
                              paragraphs=("Entirely new words.",)))
    assert store.search("gamble") == []
    assert ids(store.search("rewritten")) == [SUMMIT.id]
    for n in range(5):
        store.put_article(Article(id=f"n{n}", source="s", title="Rain", paragraphs=("rain",)))
    assert len(store.search("rain", limit=3)) == 3


# --- analyses -----------------------------------------------------------------------------------

def test_articles_can_be_listed_by_whether_they_are_analysed(store: Store) -> None:
    store.put_article(WEATHER)
    store.put_analysis(Analysis(SUMMIT, attributions=(QUOTE,)))
    assert ids(list(store.articles())) == ["u-weather", "u-summit"]
    assert ids(list(store.articles(analysed=True))) == ["u-summit"]
    assert ids(list(store.articles(analysed=False))) == ["u-weather"]
    assert [a.article.id for a in store.analyses()] == ["u-summit"]
    assert store.get_analysis("u-weather") is None
    assert store.get_analysis("nowhere") is None


def test_a_changed_text_voids_the_analysis_but_an_unchanged_one_keeps_it(store: Store) -> None:
    analysis = Analysis(SUMMIT, entities=(Entity("BBC News", "ORG", "BBC News", (82, 90)),),
                        attributions=(QUOTE,))
    store.put_analysis(analysis)
    store.put_article(SUMMIT)
    assert store.get_analysis(SUMMIT.id) == analysis
    store.put_article(Article(id=SUMMIT.id, source="feed", title="t", paragraphs=("New.",)))
    assert store.get_analysis(SUMMIT.id) is None
    assert store.counts()["attributions"] == store.counts()["entities"] == 0


# --- rejections ---------------------------------------------------------------------------------

def test_a_repeated_rejection_is_counted_on_one_row(store: Store) -> None:
    store.put_rejection(Rejected("feed.xml", "ingest", "parse_error", "bad XML at line 3"))
    store.put_rejection(Rejected("feed.xml", "ingest", "empty", "no entries"))
    store.put_rejection(Rejected("feed.xml", "extract", "no_text", "nothing left"))
    records = {r.rejected.stage: r for r in store.rejection_records()}
    assert records.keys() == {"ingest", "extract"}
    ingest = records["ingest"]
    assert (ingest.count, ingest.rejected.reason, ingest.rejected.detail) == (2, "empty", "no entries")
    assert ingest.first_seen < ingest.last_seen
    assert records["extract"].count == 1
    assert store.counts()["rejections"] == 2


def test_clearing_a_rejection_by_source_or_by_stage(store: Store) -> None:
    for stage in ("ingest", "extract"):
        store.put_rejection(Rejected("a.html", stage, "empty", "empty file"))
    store.put_rejection(Rejected("b.html", "ingest", "binary", "binary junk"))
    assert store.clear_rejection("a.html", "extract") == 1
    assert store.clear_rejection("a.html") == 1
    assert store.clear_rejection("a.html") == 0
    assert [r.source for r in store.rejections()] == ["b.html"]


def test_a_rejection_never_loses_what_is_stored(store: Store) -> None:
    store.put_page(Page(id=SUMMIT.id, source="feed", kind="html", content="<p>x</p>"))
    store.put_analysis(Analysis(SUMMIT, attributions=(QUOTE,)))
    before = store.counts()
    store.put_rejection(Rejected("feed", "ingest", "parse_error", "the feed broke",
                                 page_id=SUMMIT.id))
    after = store.counts()
    assert after == {**before, "rejections": 1}
    assert store.get_article(SUMMIT.id) == SUMMIT


# --- stories ------------------------------------------------------------------------------------

def put_members(store: Store, *article_ids: str) -> None:
    for article_id in article_ids:
        store.put_article(Article(id=article_id, source="s", title=article_id, paragraphs=()))


def test_replace_stories_replaces_the_whole_clustering(store: Store) -> None:
    put_members(store, "a", "b", "c")
    first = [Story("s1", "One", ("a", "b"), duplicates=(("b", "a"),)), Story("s2", "Two", ("c",))]
    store.replace_stories(first)
    assert store.stories() == first
    second = [Story("s3", "Merged", ("c", "a"))]
    store.replace_stories(second)
    assert store.stories() == second
    assert store.counts()["story_articles"] == 2


def test_a_clustering_that_cannot_be_stored_keeps_the_old_one(store: Store) -> None:
    put_members(store, "a", "b")
    kept = [Story("s1", "One", ("a", "b"))]
    store.replace_stories(kept)
    bad_inputs = [
        [Story("s2", "Stray", ("a",), duplicates=(("b", "a"),))],  # b is not a member
        [Story("s2", "x", ("a",)), Story("s3", "y", ("a",))],      # a in two stories
        [Story("s2", "x", ("a", "b"), duplicates=(("b", "a"), ("b", "a")))],
    ]
    for bad in bad_inputs:
        with pytest.raises(StoreError):
            store.replace_stories(bad)
        assert store.stories() == kept


# --- editions -----------------------------------------------------------------------------------

def test_latest_edition_is_the_newest_created(store: Store) -> None:
    assert store.latest_edition() is None
    old = Edition("e1", "Monday", "2024-09-09T06:00:00+00:00", ())
    new = Edition("e2", "Tuesday", "2024-09-10T06:00:00+00:00", ())
    store.put_edition(new)
    store.put_edition(old)
    assert store.latest_edition() == new
    assert store.editions() == [new, old]
    assert store.editions(limit=1) == [new]


# --- exports ------------------------------------------------------------------------------------

def test_export_rows_are_flat_json_records(store: Store) -> None:
    store.put_analysis(Analysis(SUMMIT, attributions=(QUOTE,)))
    store.put_article(WEATHER)
    store.replace_stories([Story("s1", "Summit", (SUMMIT.id, WEATHER.id),
                                 duplicates=((WEATHER.id, SUMMIT.id),))])
    rows = {kind: list(store.export_rows(kind))
            for kind in ("articles", "attributions", "stories")}
    json.dumps(rows)  # JSON-able
    summit = rows["articles"][0]
    assert (summit["id"], summit["story_id"], summit["authors"]) == (
        SUMMIT.id, "s1", ["Peter Weber"])
    assert summit["text"] == SUMMIT.text
    assert summit["related"] == [{"title": "Another story", "label": "Feature",
                                  "summary": "A teaser"}]
    [said] = rows["attributions"]
    assert said["article_id"] == SUMMIT.id and said["outlet"] == "The Week"
    assert said["url"] == SUMMIT.url and said["title"] == SUMMIT.title
    assert (said["speaker"], said["via"], said["kind"]) == ("John Everard", "BBC News", "direct")
    assert (said["content_start"], said["content_end"]) == QUOTE.content_span
    assert (said["act"], said["canonical"]) == ("statement", "john everard")
    assert store.get_analysis(SUMMIT.id).attributions == (QUOTE,)  # type: ignore[union-attr]
    assert [(r["article_id"], r["duplicate_of"]) for r in rows["stories"]] == [
        (SUMMIT.id, None), (WEATHER.id, SUMMIT.id)]
    assert all(r["story_id"] == "s1" for r in rows["stories"])


def test_export_and_iteration_stream_past_one_page(store: Store) -> None:
    total = PAGE_SIZE * 2 + 7
    with store.transaction():
        for n in range(total):
            store.put_analysis(Analysis(Article(f"a{n:04d}", "s", "t", ("x",)),
                                        attributions=(QUOTE,)))
    assert len({r["id"] for r in store.export_rows("articles")}) == total
    assert len(list(store.export_rows("attributions"))) == total
    seen = 0
    for article in store.articles():  # writing while iterating is allowed
        store.put_rejection(Rejected(article.id, "test", "r", "d"))
        seen += 1
    assert seen == total == store.counts()["rejections"]


def test_an_unknown_export_kind_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown export kind"):
        list(store.export_rows("pages"))  # type: ignore[arg-type]
