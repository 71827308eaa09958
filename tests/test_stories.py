"""The stories stage: incremental clustering into stories, near-duplicates, roundups, merges.

The articles below are short synthetic news items written for these tests: two events, each
covered by three outlets in their own words, plus one unrelated item.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet import timestamps
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.errors import ConfigError
from broadsheet.model import Article, Story
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, prepare
from broadsheet.stories.dedup import (
    DUPLICATE_CONTAINMENT,
    containments,
    estimate,
    find_copies,
    find_near_duplicates,
    jaccard,
    shingles,
    sizes,
    sketch,
)
from broadsheet.stories.engine import story_id
from broadsheet.stories.features import featurize, fold, lead_text, text_names
from broadsheet.stories.index import StoryState, apart, weigh
from broadsheet.stories.learn import LabelledSet, dateless, learn, mixed, story_pairs, tune_undated
from broadsheet.stories.roundup import lists_figures
from broadsheet.stories.score import DEFAULT_MODEL, FEATURES, PAIR_FEATURES, Model, PairModel


def art(id_: str, title: str, *paragraphs: str, published: str | None = "2021-08-10",
        outlet: str | None = None) -> Article:
    return Article(id=id_, source="test", title=title, paragraphs=paragraphs,
                   published=published, outlet=outlet)


FIRE = [
    art("a1", "Wildfire near Redding forces thousands to evacuate",
        "A fast-moving wildfire in Shasta County forced thousands of residents of Redding to "
        "flee their homes on Tuesday as strong winds pushed the flames toward the city.",
        "Cal Fire said the blaze had burned 40,000 acres and destroyed dozens of homes.",
        outlet="nyt"),
    art("a2", "Thousands flee as Shasta County fire races toward Redding",
        "Evacuation orders covered much of western Redding after the wildfire jumped the "
        "Sacramento River, Cal Fire officials said.",
        "Firefighters struggled against winds and heat; the fire has burned 40,000 acres.",
        outlet="fox", published="2021-08-11"),
    art("a3", "Redding wildfire: residents evacuate as flames spread",
        "Residents of Redding packed their cars and fled the wildfire, which Cal Fire says has "
        "destroyed homes across Shasta County.",
        outlet="hpo"),
]
SENATE = [
    art("b1", "Senate passes $1 trillion infrastructure bill",
        "The Senate approved a $1 trillion infrastructure bill on Tuesday, sending roads, "
        "bridges and broadband money to the House after months of bipartisan talks.",
        outlet="nyt"),
    art("b2", "Bipartisan infrastructure bill clears the Senate",
        "Senators voted 69 to 30 for the infrastructure package, a rare bipartisan win that "
        "funds roads, bridges, rail and broadband.",
        outlet="fox"),
    art("b3", "Infrastructure bill passes Senate, heads to House",
        "The bipartisan infrastructure bill now goes to the House, where Speaker Pelosi has tied "
        "it to a larger budget package. The Senate vote was 69 to 30.",
        outlet="hpo", published="2021-08-11"),
]
BAKERY = [
    art("c1", "Vermont bakery wins national apple pie contest",
        "A family bakery in Burlington took first prize for its apple pie at the national "
        "baking championship in Chicago.", outlet="local"),
]
ALL = FIRE + SENATE + BAKERY


def groups(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def by_id(stories: Sequence[Story], article_id: str) -> Story:
    return next(s for s in stories if article_id in s.article_ids)


def test_two_events_and_an_unrelated_item_are_three_stories() -> None:
    assert groups(cluster_articles(ALL)) == {
        frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"}), frozenset({"c1"})}


def test_story_fields_describe_their_members() -> None:
    fire = by_id(cluster_articles(ALL), "a1")
    assert fire.outlets == ("fox", "hpo", "nyt")
    assert fire.article_ids == ("a1", "a3", "a2")  # by published, then id
    assert fire.first_published == "2021-08-10"
    assert fire.last_published == "2021-08-11"
    assert fire.title in {a.title for a in FIRE}
    assert fire.duplicates == () and fire.merged_from == () and not fire.roundup


def test_a_story_id_is_minted_from_the_article_that_started_it() -> None:
    fire = by_id(cluster_articles(ALL), "a1")
    assert fire.id in {story_id("a1"), story_id("a3")}  # the two articles of the first day
    assert fire.id.startswith("s") and len(fire.id) == 17
    late = by_id(cluster_articles(FIRE[1:2]), "a2")
    assert late.id == story_id("a2")


def test_the_same_words_months_apart_are_two_stories() -> None:
    early = dataclasses.replace(SENATE[0], id="x1", published="2021-03-01")
    late = dataclasses.replace(SENATE[1], id="x2", published="2021-08-10")
    close = dataclasses.replace(SENATE[1], id="x2", published="2021-03-03")
    eager = dataclasses.replace(DEFAULT_MODEL, join=0.01)  # the window decides, not the score
    assert len(cluster_articles([early, late], model=eager)) == 2
    assert len(cluster_articles([early, close], model=eager)) == 1


def test_window_days_widens_the_window() -> None:
    early = dataclasses.replace(SENATE[0], published="2021-08-01")
    late = dataclasses.replace(SENATE[1], published="2021-08-10")
    eager = dataclasses.replace(DEFAULT_MODEL, join=0.01)  # the window decides, not the score
    assert len(cluster_articles([early, late], window_days=3, model=eager)) == 2
    assert len(cluster_articles([early, late], window_days=10, model=eager)) == 1


def _day(published: str) -> float:
    found = featurize(art("d", "t", "p", published=published)).day
    assert found is not None
    return found


def test_a_date_without_a_time_is_the_whole_day_it_names() -> None:
    may9, may10 = _day("2012-05-09"), _day("2012-05-10")
    assert apart(may9, may10) == apart(may10, may9) == 0.0  # may be minutes apart
    assert apart(may9, _day("2012-05-12")) == 2.0
    assert apart(may9, _day("2012-05-10T06:00:00Z")) == pytest.approx(0.25)  # after 9 May ends
    assert apart(_day("2012-05-08T18:00:00Z"), may9) == pytest.approx(0.25)  # before it begins
    assert apart(_day("2012-05-09T01:00:00Z"), _day("2012-05-10T01:00:00Z")) == 1.0  # instants


def test_a_storys_gap_reads_the_nearest_whole_day() -> None:
    days = sorted([_day("2012-05-01"), _day("2012-05-09T12:00:00Z"), _day("2012-05-10")])
    # 11 May 06:00 is 6 hours after 10 May ends, though 9 May's instant is the nearest midnight
    assert StoryState.gap_from(days, _day("2012-05-11T06:00:00Z")) == pytest.approx(0.25)
    assert StoryState.gap_from(days, _day("2012-05-11")) == 0.0
    assert StoryState.gap_from(days[:2], _day("2012-05-10T12:00:00Z")) == pytest.approx(1.0)


_DAYS = st.one_of(st.integers(737_000, 737_006).map(float),  # dates without a time: whole days
                  st.integers(737_000 * 96, 737_006 * 96).map(lambda q: q / 96))  # instants


@settings(max_examples=400)
@given(st.lists(_DAYS, min_size=1, max_size=12), _DAYS)
def test_a_storys_gap_is_the_least_apart_of_all_its_days(days: list[float], day: float) -> None:
    """``gap_from`` reads at most three days; it must equal reading them all."""
    assert StoryState.gap_from(sorted(days), day) == min(apart(day, other) for other in days)


def test_an_article_dated_the_day_after_a_story_is_no_day_from_it() -> None:
    first = dataclasses.replace(SENATE[0], published="2021-08-10")
    stamped = prepare(dataclasses.replace(SENATE[1], published="2021-08-11T12:00:00Z"))
    dated = prepare(dataclasses.replace(SENATE[1], published="2021-08-11"))
    index = StoryIndex(window_days=14)
    Clusterer(index).add_all([prepare(first)])
    story = next(iter(index.stories.values()))
    assert story.gap(dated.features.day) == 0.0
    assert story.gap(stamped.features.day) == pytest.approx(0.5)


def test_an_undated_article_is_compared_with_all() -> None:
    undated = dataclasses.replace(SENATE[2], published=None)
    stories = cluster_articles([*SENATE[:2], undated, *FIRE])
    assert by_id(stories, "b3").article_ids == ("b1", "b2", "b3")  # undated last
    assert by_id(stories, "b3").last_published == "2021-08-10"


def test_near_duplicates_are_marked_and_kept_together() -> None:
    copy = dataclasses.replace(FIRE[0], id="a0", title="Redding fire: thousands evacuated",
                               published="2021-08-11", outlet="wire-reprint")
    stories = cluster_articles([*ALL, copy])
    fire = by_id(stories, "a1")
    assert "a0" in fire.article_ids
    assert fire.duplicates == (("a0", "a1"),)
    assert all(s.duplicates == () for s in stories if s is not fire)


def test_a_copy_of_a_copy_points_at_the_original() -> None:
    first = dataclasses.replace(FIRE[0], id="w1", published="2021-08-11", outlet="wire-1")
    second = dataclasses.replace(FIRE[0], id="w2", published="2021-08-12", outlet="wire-2")
    fire = by_id(cluster_articles([*FIRE, first, second]), "a1")
    assert dict(fire.duplicates) == {"w1": "a1", "w2": "a1"}


def test_sketches_estimate_the_shingle_jaccard() -> None:
    words = [f"w{i % 97}x{i % 13}" for i in range(300)]
    edited = [("zz" if i % 25 == 0 else w) for i, w in enumerate(words)]
    a, b = art("p", "t", " ".join(words)), art("q", "t", " ".join(edited))
    exact = jaccard(shingles(a.text), shingles(b.text))
    sa, sb = sketch(a), sketch(b)
    assert sa is not None and sb is not None
    assert abs(estimate(sa, sb) - exact) < 0.15
    assert estimate(sa, sa) == 1.0
    assert sketch(art("e", "", "...")) is None


FIRE_MORE = (
    "Cal Fire said the blaze had burned 40,000 acres and destroyed dozens of homes.",
    "Crews from Oregon and Nevada arrived overnight to relieve firefighters who had worked for "
    "two days without rest along the western edge of the city.",
    "The sheriff said two people were missing and that deputies were going door to door in the "
    "neighbourhoods closest to the river to make sure everyone had left.",
    "Schools in Redding will stay closed for the rest of the week, the district said, and the "
    "fairgrounds have been opened to families and their animals.",
    "Forecasters expect the winds to ease on Thursday, which could give crews a chance to build "
    "containment lines on the ridge north of the city.",
)


def test_sketches_estimate_sizes_and_the_containment_of_a_trimmed_copy() -> None:
    words = [f"w{i}" for i in range(400)]
    full, trimmed = art("p", "t", " ".join(words)), art("q", "t", " ".join(words[:150]))
    other = art("r", "t", " ".join(f"v{i}" for i in range(300)))
    rows = [sketch(a) for a in (full, trimmed, other)]
    assert all(r is not None for r in rows)
    found = sizes(np.vstack(rows))  # 398, 148 and 298 shingles
    assert all(abs(f / n - 1) < 0.3 for f, n in zip(found.tolist(), (398, 148, 298), strict=True))
    contained = containments(rows[1], np.vstack(rows))
    assert contained[0] >= 0.8 > estimate(rows[0], rows[1])  # kept whole, though Jaccard is ~0.37
    assert contained[1] == 1.0 and contained[2] < 0.1


def test_find_copies_marks_a_trimmed_copy_with_a_paragraph_added() -> None:
    full = art("a1", FIRE[0].title, FIRE[0].paragraphs[0], *FIRE_MORE, outlet="wire")
    trimmed = art("t1", "Redding fire: thousands flee", FIRE[0].paragraphs[0], *FIRE_MORE[:3],
                  "Readers can find the list of open shelters on our website, updated every hour.",
                  published="2021-08-11", outlet="local")
    first, second = sketch(full), sketch(trimmed)
    assert first is not None and second is not None and estimate(first, second) < 0.8  # main misses it
    assert find_copies([trimmed, full, *SENATE]) == {"t1": "a1"}


def test_find_copies_maps_copies_to_the_root_and_refuses_a_bad_bar() -> None:
    body = FIRE[0].paragraphs
    original = dataclasses.replace(FIRE[0], id="z9", published="2021-08-09")
    copies = [dataclasses.replace(FIRE[0], id="a5", paragraphs=(body[0],)),
              dataclasses.replace(FIRE[0], id="a4", published="2021-08-12")]
    assert find_copies([*copies, *SENATE, original, art("e", "", "...")]) == {"a5": "z9", "a4": "z9"}
    assert find_copies(SENATE) == {}
    assert 0.0 < DUPLICATE_CONTAINMENT < 1.0
    with pytest.raises(ConfigError):
        find_copies(SENATE, containment=0.0)


def test_find_near_duplicates_maps_copies_to_the_earliest_original() -> None:
    body = FIRE[0].paragraphs
    edited = (body[0].replace("Tuesday", "Wednesday"), body[1])
    original = dataclasses.replace(FIRE[0], id="z9", published="2021-08-09")
    copies = [dataclasses.replace(FIRE[0], id="a5", paragraphs=edited),
              dataclasses.replace(FIRE[0], id="a4", published="2021-08-12")]
    found = find_near_duplicates([*copies, *SENATE, original])
    assert found == {"a5": "z9", "a4": "z9"}


def test_find_near_duplicates_respects_the_threshold() -> None:
    a = art("p", "t", "one two three four five six seven eight nine ten")
    b = art("q", "t", "one two three four five six seven eight nine eleven")
    similarity = jaccard(shingles(a.text), shingles(b.text))
    assert 0.5 < similarity < 1.0
    assert find_near_duplicates([a, b], threshold=similarity - 0.01) == {"q": "p"}
    assert find_near_duplicates([a, b], threshold=min(1.0, similarity + 0.05)) == {}


def test_texts_without_words_are_never_duplicates() -> None:
    blank = [art("e1", "", "..."), art("e2", "", "...")]
    assert find_near_duplicates(blank) == {}
    assert sorted(len(s.article_ids) for s in cluster_articles(blank)) == [1, 1]


def test_shingles_of_short_and_empty_texts() -> None:
    assert shingles("Hello world") == frozenset({"hello world"})
    assert shingles("!!") == frozenset()
    assert len(shingles("a b c d e")) == 3


def test_ids_are_stable_and_unique() -> None:
    first = cluster_articles(ALL)
    again = cluster_articles(list(reversed(ALL)))
    assert first == again
    assert len({s.id for s in first}) == len(first)


def test_a_new_unrelated_article_does_not_change_existing_ids() -> None:
    before = {s.id: s.article_ids for s in cluster_articles(ALL)}
    extra = art("d1", "Chess prodigy, 12, becomes youngest grandmaster",
                "A 12-year-old from New Jersey became the youngest chess grandmaster ever.")
    after = {s.id: s.article_ids for s in cluster_articles([*ALL, extra])}
    assert before.items() <= after.items()


@settings(max_examples=15, deadline=None)
@given(st.permutations(ALL))
def test_input_order_never_matters(shuffled: list[Article]) -> None:
    assert cluster_articles(shuffled) == cluster_articles(ALL)


def test_a_later_article_joining_a_story_keeps_its_id() -> None:
    before = by_id(cluster_articles(ALL), "a1")
    later = art("a0", "Redding wildfire evacuation orders lifted",
                "Cal Fire lifted some evacuation orders in Redding as crews contained the "
                "Shasta County wildfire.", published="2021-08-12")
    after = by_id(cluster_articles([*ALL, later]), "a1")
    assert "a0" in after.article_ids
    assert after.id == before.id


def test_two_batches_keep_the_first_batchs_ids() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index)
    engine.add_all(prepare(a) for a in ALL[::2])
    first = dict(index.where)
    engine.add_all(prepare(a) for a in ALL[1::2])
    assert all(index.resolve(sid) == index.where[aid] for aid, sid in first.items())
    assert {frozenset(m.article_id for m in s.members) for s in index.stories.values()} == \
        groups(cluster_articles(ALL))


def test_every_article_is_in_exactly_one_story() -> None:
    stories = cluster_articles([*ALL, *ALL])  # the same ids twice count once
    ids = [i for s in stories for i in s.article_ids]
    assert sorted(ids) == sorted(a.id for a in ALL)


def test_empty_input_gives_no_stories() -> None:
    assert cluster_articles([]) == []


def test_a_single_article_is_a_story_of_its_own() -> None:
    (story,) = cluster_articles(BAKERY)
    assert story.article_ids == ("c1",)
    assert story.title == BAKERY[0].title
    assert story.outlets == ("local",)


def test_a_join_threshold_of_one_keeps_only_copies_together() -> None:
    copy = dataclasses.replace(FIRE[0], id="a0")
    strict = DEFAULT_MODEL.at_least(1.0)
    assert strict.pair is not None and strict.pair.threshold == 1.0
    stories = cluster_articles([*ALL, copy], model=strict)
    assert frozenset({"a0", "a1"}) in groups(stories)
    assert len(stories) == len(ALL)


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_a_duplicate_threshold_outside_0_1_is_refused(threshold: float) -> None:
    with pytest.raises(ConfigError):
        find_near_duplicates(ALL, threshold=threshold)


# --- roundups ----------------------------------------------------------------------------------

DIGEST = art("r1", "10 things in politics you need to know today",
             "The Senate passed the $1 trillion infrastructure bill on Tuesday, 69 to 30.",
             "A wildfire near Redding forced thousands in Shasta County to evacuate.",
             "A Vermont bakery won the national apple pie contest in Chicago.")


def test_a_roundup_is_a_story_of_its_own_and_joins_nothing() -> None:
    stories = cluster_articles([*ALL, DIGEST])
    digest = by_id(stories, "r1")
    assert digest.article_ids == ("r1",) and digest.roundup
    assert groups(stories) - {frozenset({"r1"})} == groups(cluster_articles(ALL))


def test_nothing_joins_a_roundup_that_came_first() -> None:
    early = dataclasses.replace(DIGEST, published="2021-08-09")
    stories = cluster_articles([early, *SENATE])
    assert by_id(stories, "r1").article_ids == ("r1",)


def _tally(id_: str, rows: int) -> Article:
    """A Senate vote page: the bill's lead sentence, then a table of ``rows`` senators' votes."""
    table = [f"| Senator {n} | State {n} | {50 + n} | Yea |" for n in range(rows)]
    return art(id_, "Senate passes $1 trillion infrastructure bill: how every senator voted",
               "The Senate approved a $1 trillion infrastructure bill on Tuesday, sending roads, "
               "bridges and broadband money to the House after months of bipartisan talks.",
               "| Senator | State | Years | Vote |", "|---|---|---|---|", *table, outlet="wapo")


def test_a_page_of_figures_is_a_story_of_its_own() -> None:
    stories = cluster_articles([*SENATE, _tally("t1", 12)])
    assert by_id(stories, "t1").article_ids == ("t1",) and by_id(stories, "t1").roundup
    assert by_id(stories, "b1").article_ids == ("b1", "b2", "b3")


def test_a_report_with_a_small_table_still_joins_its_story() -> None:
    stories = cluster_articles([*SENATE, _tally("t1", 4)])
    assert "t1" in by_id(stories, "b1").article_ids and not by_id(stories, "b1").roundup


@pytest.mark.parametrize(("rows", "prose", "expected"), [(12, 2, True), (12, 20, False), (9, 0, False)])
def test_a_page_of_figures_is_mostly_table_rows_with_figures(rows: int, prose: int, expected: bool) -> None:
    lines = [f"| Player {n} | {n} | {n}% |" for n in range(rows)] + ["A line of prose."] * prose
    assert lists_figures("\n\n".join(lines)) is expected


# --- merges ------------------------------------------------------------------------------------

def test_stories_merge_when_evidence_accumulates_and_the_absorbed_id_redirects() -> None:
    eager = Model(weights=(0, 0, 0, 12.0, *[0.0] * (len(FEATURES) - 4)), bias=-3.0, join=0.5, merge=0.5)
    halves = [art("h1", "Redding wildfire forces evacuations in Shasta County",
                  "Redding residents evacuate from the Shasta County wildfire.", outlet="x"),
              art("h2", "Cal Fire crews battle blaze near river",
                  "Cal Fire crews battled flames along the Sacramento River bank.", outlet="y"),
              art("h3", "Redding wildfire: Cal Fire crews battle blaze as residents evacuate",
                  "Cal Fire crews battled the Shasta County wildfire along the Sacramento River "
                  "as Redding residents evacuate.", outlet="z", published="2021-08-11")]
    index = StoryIndex(window_days=14)
    Clusterer(index, eager).add_all(prepare(a) for a in halves)
    (story,) = index.stories.values()
    assert {m.article_id for m in story.members} == {"h1", "h2", "h3"}
    assert story.merged_from and all(index.resolve(s) == story.id for s in story.merged_from)


def _members(index: StoryIndex) -> set[frozenset[str]]:
    return {frozenset(m.article_id for m in s.members) for s in index.stories.values()}


CAUTIOUS = Model(weights=(0, 0, 0, 12.0, *[0.0] * (len(FEATURES) - 4)), bias=-3.0, join=0.999, merge=1.01)


def test_the_merge_pass_joins_stories_the_article_scorer_left_apart() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, dataclasses.replace(CAUTIOUS, merge=0.5))
    engine.add_all(prepare(a) for a in [*FIRE, *BAKERY])
    assert _members(index) == {frozenset({"a1", "a2", "a3"}), frozenset({"c1"})}
    (fire,) = (s for s in index.stories.values() if s.size == 3)
    assert len(fire.merged_from) == 2
    assert all(index.resolve(s) == fire.id for s in fire.merged_from)


def test_the_merge_pass_reads_only_the_stories_a_batch_touched() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index, CAUTIOUS).add_all(prepare(a) for a in FIRE[:2])
    assert len(index.stories) == 2  # split, and no merge pass could join them
    eager = Clusterer(index, dataclasses.replace(CAUTIOUS, merge=0.5))
    eager.add_all([prepare(BAKERY[0])])  # touches the bakery story only
    assert len(index.stories) == 3
    eager.add_all([prepare(FIRE[2])])  # a third report: its story is compared, all three merge
    assert _members(index) == {frozenset({"a1", "a2", "a3"}), frozenset({"c1"})}


PAIRS_ON_ALL = PairModel(weights=(0, 0, 0, 12.0, *[0.0] * (len(PAIR_FEATURES) - 4)), bias=-3.0, threshold=0.5)


def test_the_story_pair_scorer_merges_what_the_article_scorer_keeps_apart() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index, CAUTIOUS).add_all(prepare(a) for a in [*FIRE, *BAKERY])
    assert len(index.stories) == 4  # the article scorer alone never joins nor merges
    index = StoryIndex(window_days=14)
    Clusterer(index, dataclasses.replace(CAUTIOUS, pair=PAIRS_ON_ALL)).add_all(
        prepare(a) for a in [*FIRE, *BAKERY])
    assert _members(index) == {frozenset({"a1", "a2", "a3"}), frozenset({"c1"})}


def test_the_story_pair_scorer_weighs_the_side_size() -> None:
    shy = PairModel(weights=(*[0.0] * len(FEATURES), -5.0), bias=2.0, threshold=0.5)
    features = np.zeros((1, len(FEATURES)))
    assert len(PAIR_FEATURES) == len(FEATURES) + 1
    assert shy.probabilities(features, 1)[0] > 0.5 > shy.probabilities(features, 3)[0]
    model = dataclasses.replace(CAUTIOUS, pair=shy)
    assert model.merges(features, 1).tolist() == [True]
    assert model.merges(features, 3).tolist() == [False]


def test_story_sizes_beyond_the_cap_score_as_the_cap() -> None:
    shy = PairModel(weights=(*[0.0] * len(FEATURES), -5.0), bias=12.0, threshold=0.5)
    rows = np.zeros((1, len(FEATURES)))
    free = dataclasses.replace(CAUTIOUS, pair=shy)  # p > 0.5 while 5 log(size) < 12
    capped = dataclasses.replace(free, size_cap=10)
    assert (capped.capped(3), capped.capped(400), free.capped(400)) == (3, 10, 400)
    assert free.merges(rows, 400).tolist() == [False]
    assert capped.merges(rows, 400).tolist() == [True]


def test_learning_caps_sizes_at_the_largest_story_of_the_stream() -> None:
    articles = [*FIRE, *SENATE, *BAKERY]
    labelled = LabelledSet("t", articles, [a.id[0] for a in articles])
    model = learn([labelled], lambda gold, pred: 0.0, window_days=14)
    largest = max(Counter(a.id[0] for a in articles).values())
    assert model.size_cap == largest


def test_undated_story_pairs_meet_their_own_threshold() -> None:
    keen = PairModel(weights=(*[0.0] * len(FEATURES), 0.0), bias=0.0, threshold=0.4, undated=0.6)
    rows = np.zeros((2, len(FEATURES)))
    rows[1, FEATURES.index("undated")] = 1.0  # p = 0.5 on both rows
    model = dataclasses.replace(CAUTIOUS, pair=keen)
    assert model.merges(rows, 1).tolist() == [True, False]
    same = dataclasses.replace(keen, undated=None)  # None: the dated threshold for both
    assert dataclasses.replace(CAUTIOUS, pair=same).merges(rows, 1).tolist() == [True, True]
    strict = model.at_least(0.7).pair
    assert strict is not None and (strict.threshold, strict.undated) == (0.7, 0.7)


def test_undated_story_pairs_meet_the_article_scorers_undated_merge_threshold() -> None:
    even = Model(weights=tuple([0.0] * len(FEATURES)), bias=0.0, join=0.4, merge=0.4,
                 merge_undated=0.6)
    rows = np.zeros((2, len(FEATURES)))
    rows[1, FEATURES.index("undated")] = 1.0  # p = 0.5 on both rows
    assert even.merges(rows, 1).tolist() == [True, False]
    assert dataclasses.replace(even, merge_undated=None).merges(rows, 1).tolist() == [True, True]
    assert even.at_least(0.7).merge_undated == 0.7
    assert even.at_least(0.7).link is None  # the linkage stays off
    assert dataclasses.replace(even, link=0.5).at_least(0.7).link == 0.7


def test_undated_thresholds_are_chosen_on_the_stream_without_dates() -> None:
    articles = [*FIRE, *SENATE, *BAKERY]
    labelled = LabelledSet("t", articles, [a.id[0] for a in articles])
    bare = dateless(labelled)
    assert all(a.published is None for a in bare.articles) and bare.labels == labelled.labels

    def apart(gold: Sequence[str], pred: Sequence[str]) -> float:  # rewards never merging
        return 1.0 if len(set(pred)) == len(gold) else 0.0

    model = dataclasses.replace(CAUTIOUS, pair=PAIRS_ON_ALL)
    assert len(cluster_articles(bare.articles, model=model)) < len(articles)  # merged undated
    tuned = tune_undated(model, [labelled], apart, window_days=14)
    assert len(cluster_articles(bare.articles, model=tuned)) == len(articles)
    assert tuned.pair is not None and tuned.pair.threshold == PAIRS_ON_ALL.threshold  # dated kept
    assert tuned.merge == model.merge


def test_story_pairs_are_labelled_by_whether_two_stories_hold_one_event() -> None:
    articles = [*FIRE, *SENATE, *BAKERY]
    labelled = LabelledSet("t", articles, [a.id[0] for a in articles])
    found = story_pairs(labelled, CAUTIOUS, window_days=14)
    assert found.rows and len(found.rows) == len(found.labels)
    assert all(len(r) == len(PAIR_FEATURES) for r in found.rows)
    assert set(found.labels) == {0, 1}  # the fire's split reports, and unrelated stories
    same = [r for r, y in zip(found.rows, found.labels, strict=True) if y == 1]
    other = [r for r, y in zip(found.rows, found.labels, strict=True) if y == 0]
    at = FEATURES.index("all")
    assert max(r[at] for r in same) > max(r[at] for r in other)


def test_story_candidates_never_include_the_story_itself() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index, CAUTIOUS).add_all(prepare(a) for a in [*FIRE, *SENATE])
    for story in index.stories.values():
        found = index.story_candidates(story, 3)
        assert story not in found and len(found) <= 3
    fire = index.stories[index.where["a1"]]
    assert {m.article_id for s in index.story_candidates(fire, 2) for m in s.members} <= {"a2", "a3"}


def test_rare_features_are_the_rarest_shared_title_word_and_name() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, CAUTIOUS)
    engine.add_all(prepare(a) for a in [*FIRE[:2], *BAKERY])
    item = prepare(FIRE[2])
    side = weigh(index.idf, item.features.title, item.features.lead, item.features.names)
    stories = [index.stories[index.where[i]] for i in ("a1", "c1")]
    rows = engine.features(side, stories, [0.0, 0.0], [item.features.title.plus(item.features.lead)])
    rare_title, rare_names = FEATURES.index("rare_title"), FEATURES.index("rare_names")
    assert rows[0, rare_names] > 0.5 and rows[1, rare_names] == 0.0
    assert 0 < rows[0, rare_title] <= 1 and rows[1, rare_title] == 0.0


# --- features ----------------------------------------------------------------------------------

def test_plural_fold() -> None:
    assert [fold(w) for w in ("cities", "fires", "boxes", "bus", "crisis", "news")] == \
        ["city", "fire", "box", "bus", "crisis", "new"]


def test_lead_text_stops_after_the_paragraph_that_reaches_the_limit() -> None:
    paragraphs = tuple(f"paragraph {i} " + "word " * 50 for i in range(6))
    assert lead_text(paragraphs, 30) == paragraphs[0]
    assert lead_text(paragraphs, 100) == "\n".join(paragraphs[:2])
    assert lead_text(("word " * 500,), 100) == " ".join(["word"] * 200)  # one long paragraph


def test_names_are_capitalised_phrases_and_numbers_not_sentence_starts() -> None:
    names = text_names("Senate passes bill", "The Senate voted 69 to 30. Speaker Nancy Pelosi "
                       "said the House would vote on 40,000 pages.")
    assert {"n:senate", "n:speaker nancy pelosi", "n:pelosi", "n:40000", "n:69"} <= set(names)
    assert "n:the" not in names


def test_a_title_cased_headline_gives_no_names() -> None:
    names = text_names("Trump Slams John Kerry For Shadow Diplomacy", "the talks went on.")
    assert names == []


def test_entities_from_the_analysis_replace_the_texts_names() -> None:
    from broadsheet.model import Entity

    features = featurize(SENATE[0], [Entity("Pelosi", "PERSON", "Nancy Pelosi", (0, 6)),
                                     Entity("Tuesday", "DATE", "Tuesday", (0, 7))])
    plain = featurize(SENATE[0])
    assert len(features.names) == 1  # the person; a date is no name, "$1" is too short a number
    assert len(plain.names) > len(features.names)


# --- best members --------------------------------------------------------------------------------

def test_best_member_features_find_the_member_an_article_repeats() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, CAUTIOUS)
    mixed_story = index.stories[engine.add(prepare(FIRE[0])).id]
    for other in (*SENATE, *BAKERY):  # the story's centroid drifts far from the fire report
        placed = engine.add(prepare(other))
        if placed is not mixed_story:
            mixed_story = index.merge(mixed_story, placed)
    item = prepare(FIRE[0].__class__(**{**dataclasses.asdict(FIRE[0]), "id": "copy"}))
    side = weigh(index.idf, item.features.title, item.features.lead, item.features.names)
    rows = engine.features(side, [mixed_story], [0.0], [item.features.title.plus(item.features.lead)])
    best, second, centroid = (FEATURES.index(n) for n in ("best", "second", "all"))
    assert rows[0, best] == pytest.approx(1.0, abs=1e-5)
    assert rows[0, centroid] < 0.7 and 0 <= rows[0, second] < rows[0, best]


def test_a_story_keeps_its_newest_exemplars_whatever_the_order_they_came_in() -> None:
    from broadsheet.stories.index import EXEMPLARS

    days = [art(f"d{k}", f"Storm day {k} floods town {k}", f"Rain fell for day {k} in the valley.",
                published=f"2021-08-{k + 1:02d}") for k in range(EXEMPLARS + 3)]
    kept = []
    for order in (days, days[::-1]):
        index = StoryIndex(window_days=14)
        engine = Clusterer(index, CAUTIOUS)
        story = engine.add(prepare(order[0]))
        for other in order[1:]:
            placed = engine.add(prepare(other))
            if placed is not story:  # a near-copy joins the story by itself
                story = index.merge(story, placed)
        kept.append([e[0] for e in story.exemplars])
    assert kept[0] == kept[1] and len(kept[0]) == EXEMPLARS
    assert kept[0] == sorted(prepare(a).features.order for a in days)[-EXEMPLARS:]


def test_exemplars_survive_the_store_encoding() -> None:
    from broadsheet.stories.persist import decode_state, encode_state

    index = StoryIndex(window_days=14)
    engine = Clusterer(index, CAUTIOUS)
    engine.add_all(prepare(a) for a in [*FIRE, art("u1", "Undated wildfire note", published=None)])
    for story in index.stories.values():
        back = decode_state(encode_state(story))
        assert [o for o, _ in back.exemplars] == [o for o, _ in story.exemplars]
        for (_, a), (_, b) in zip(back.exemplars, story.exemplars, strict=True):
            assert a.ids.tolist() == b.ids.tolist() and a.vals.tolist() == b.vals.tolist()


def test_stories_of_one_topic_share_a_synthetic_day_in_the_training_stream() -> None:
    stories = [f"{topic}{kind}" for topic in range(40) for kind in ("ecb", "ecbplus")]
    articles = [art(f"{s}-{i}", f"{s} {i}", "Some words here.", published=f"2021-0{1 + i}-10")
                for s in stories for i in range(2)]
    labels = [a.id.split("-")[0] for a in articles]
    topics = [ecbplus_topic(label) for label in labels]
    assert topics[:4] == ["0", "0", "0", "0"]

    def firsts(stream: LabelledSet) -> dict[str, datetime]:
        found: dict[str, datetime] = {}
        for article, label in zip(stream.articles, stream.labels, strict=True):
            when = timestamps.parse(article.published)
            if when is not None:
                found[label] = min(found.get(label, when), when)
        return found

    def apart(stream: LabelledSet) -> list[float]:
        found = firsts(stream)
        return [abs((found[f"t:{t}ecb"] - found[f"t:{t}ecbplus"]).days) for t in range(40)
                if f"t:{t}ecb" in found and f"t:{t}ecbplus" in found]

    given = LabelledSet("t", articles, labels, topics)
    alone = mixed([given], per_day=1, undated_share=0.0, topic_days=False)
    shared = mixed([given], per_day=1, undated_share=0.0, topic_days=True)
    assert max(apart(shared)) == 0  # both events of a topic start on one day
    assert sum(apart(alone)) / len(apart(alone)) > 10  # each event its own day of 160


def test_articles_a_dated_set_leaves_undated_can_stay_undated_in_the_stream() -> None:
    articles = [art("a1", "Fire", "Words."), art("a2", "Fire again", "Words.", published=None),
                art("b1", "Vote", "Words.", published=None)]
    labelled = LabelledSet("t", articles, ["a", "a", "b"])
    kept = mixed([labelled], undated_share=0.0, keep_undated=True)
    assert [a.published is None for a in kept.articles] == [False, True, True]
    given_dates = mixed([labelled], undated_share=0.0, keep_undated=False)
    assert all(a.published is not None for a in given_dates.articles)
    bare = LabelledSet("u", [dataclasses.replace(a, published=None) for a in articles],
                       ["a", "a", "b"])  # a set without any date gets synthetic ones either way
    assert all(a.published is not None
               for a in mixed([bare], undated_share=0.0, keep_undated=True).articles)


def test_a_members_header_row_is_its_fields_without_empty_dates() -> None:
    import dataclasses

    from broadsheet.stories.index import Member
    from broadsheet.stories.persist import _member_row

    plain = Member("a1", "Fire", 18000.0, "outlet", "2019-04-12", None, False, 450)
    dated = dataclasses.replace(plain, dates=(737000, 737010))
    assert _member_row(dated) == dataclasses.asdict(dated)
    assert _member_row(plain) == {k: v for k, v in dataclasses.asdict(plain).items() if k != "dates"}
    assert list(_member_row(dated)) == [f.name for f in dataclasses.fields(Member)]
