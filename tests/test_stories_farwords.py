"""Lone long dated articles placed by their words beyond the window (``stories/farwords.py``).

The stories are laid out by hand (each article starts a story, then some are merged), so the
tests read the rule alone; the last tests run whole batches through ``Clusterer.add_all``.
"""

from __future__ import annotations

import zlib
from datetime import date

import pytest

from broadsheet import pipeline
from broadsheet.model import Analysis, Article
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, farwords, persist, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.index import STORY_TERMS, StoryState, heaviest
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories import art
from test_stories_lonewords import FLOOD_WORDS, SENATE_WORDS, body, long_art
from test_stories_neighbours import laid_out

FLOOD = [long_art(f"f{n}", "Valencia flood", FLOOD_WORDS, n, published="2021-03-0" + str(n + 1))
         for n in range(4)]
SENATE = [long_art(f"s{n}", "Senate budget", SENATE_WORDS, 10 + n,
                   published="2021-03-0" + str(n + 1)) for n in range(3)]
STORIES = [[a.id for a in FLOOD], [a.id for a in SENATE]]


NAMES_THE_DAY = "The inquiry opened weeks after the river broke its banks on March 2."


def lone(published: str | None, count: int = 130, id_: str = "lone",
         said: str = NAMES_THE_DAY) -> Article:
    """A follow-up: the flood's words, and (by default) the day of the flood (2 March) named."""
    return art(id_, "Flood inquiry", body(FLOOD_WORDS, 99, count), said, published=published)


def test_a_lone_long_follow_up_beyond_the_window_joins_the_story_whose_words_it_shares() -> None:
    engine, index, items = laid_out([*FLOOD, *SENATE, lone("2021-04-20")], STORIES)  # 47 days on
    assert farwords.absorb_far(engine, items, long=100, horizon=60) == 1
    flood = index.stories[story_id("f0")]
    assert index.where["lone"] == flood.id
    assert story_id("lone") in flood.merged_from  # a merge: the lone id redirects
    assert index.resolve(story_id("lone")) == flood.id
    assert index.where["s0"] == story_id("s0")


def test_within_the_window_beyond_the_horizon_short_or_off_it_stays_alone() -> None:
    for published in ("2021-03-10", "2021-06-30"):  # 5 days on (the scorers' part); 117 days on
        engine, index, items = laid_out([*FLOOD, *SENATE, lone(published)], STORIES)
        assert farwords.absorb_far(engine, items, long=100, horizon=60) == 0
        assert index.where["lone"] == story_id("lone")
    engine, index, items = laid_out([*FLOOD, *SENATE, lone("2021-04-20", count=60)], STORIES)
    assert farwords.absorb_far(engine, items, long=100, horizon=60) == 0  # an excerpt: short
    engine, index, items = laid_out([*FLOOD, *SENATE, lone("2021-04-20")], STORIES)
    assert farwords.absorb_far(engine, items, long=100, horizon=0) == 0  # off
    assert farwords.absorb_far(engine, items, long=0, horizon=60) == 0
    assert farwords.absorb_far(engine, items, long=100, horizon=120) == 1  # on again


def test_an_undated_lone_article_is_not_this_pass_s() -> None:
    engine, _index, items = laid_out([*FLOOD, *SENATE, lone(None)], STORIES)
    assert farwords.absorb_far(engine, items, long=100, horizon=60) == 0


def test_a_stored_lone_follow_up_is_read_again_when_a_later_batch_brings_its_story() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index)
    follow_up = lone("2021-04-20")
    engine.add_all([prepare(follow_up), *(prepare(a) for a in SENATE)])  # nothing to join yet
    assert index.where["lone"] == story_id("lone")
    stored = index.stories[story_id("lone")].members[0]
    assert stored.words == 143  # stored with the story, and the day its text names
    assert stored.dates == (date(2021, 3, 2).toordinal(),)
    engine.add_all(prepare(a) for a in FLOOD)
    assert index.where["lone"] == index.where["f0"]  # read again: the same move as one batch
    assert index.resolve(story_id("lone")) == index.where["f0"]
    one = cluster_articles([follow_up, *SENATE, *FLOOD])
    assert any({"lone", "f0"} <= set(s.article_ids) for s in one)


def test_without_the_pass_the_stored_follow_up_stays_alone() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, far_days=0)
    engine.add_all([prepare(lone("2021-04-20")), *(prepare(a) for a in SENATE)])
    engine.add_all(prepare(a) for a in FLOOD)
    assert index.where["lone"] == story_id("lone")


def test_the_recipe_reads_no_far_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> int:
        raise AssertionError("the far pass ran")

    monkeypatch.setattr(farwords, "absorb_far", refuse)
    articles = [*FLOOD, *SENATE, lone("2021-04-20")]
    labelled = LabelledSet("t", articles, [a.id[0] for a in articles], None)
    _run(DEFAULT_MODEL, labelled, lambda gold, pred: 1.0, 14)  # the recipe: off
    with pytest.raises(AssertionError):
        cluster_articles(articles)


def test_the_store_loads_what_the_far_look_up_reads() -> None:
    index = StoryIndex(window_days=14)
    features = prepare(lone("2021-04-20")).features
    near = index.lookups(features)
    far = index.lookups(features, reach=60)
    assert len(near) == len(far) > 0
    assert all(f[1] < n[1] and f[2] > n[2] for n, f in zip(near, far, strict=True))
    assert index.bucket_of(features.day - 60) == far[0][1]


def day(text: str) -> float:
    return float(date.fromisoformat(text).toordinal())


def test_the_days_a_text_names_month_and_number_of_the_nearest_year() -> None:
    text = ("On March 3 the river rose; by the 5th of March, Dec. 30, 2019 and 31 December were "
            "recalled. Sept 31 is no day, nor May 2013, and we may 4 times say so.")
    assert farwords.named_dates(text, day("2021-01-20")) == tuple(
        date.fromisoformat(d).toordinal()
        for d in ("2019-12-30", "2020-12-31", "2021-03-03", "2021-03-05"))
    assert farwords.named_dates("No day at all, only Tuesday.", day("2021-01-20")) == ()


def test_a_named_day_is_inside_the_span_from_two_days_before_its_first_member_to_its_last() -> None:
    _engine, index, _items = laid_out([*FLOOD, *SENATE], STORIES)
    flood = index.stories[story_id("f0")]  # 1 to 4 March 2021
    inside = [date.fromisoformat(d).toordinal() for d in ("2021-02-27", "2021-03-04")]
    outside = [date.fromisoformat(d).toordinal() for d in ("2021-02-26", "2021-03-05")]
    assert all(farwords.in_span([d], flood) for d in inside)
    assert not any(farwords.in_span([d], flood) for d in outside)


def test_without_a_named_day_in_the_span_the_follow_up_stays_alone() -> None:
    for said in ("The inquiry opened weeks after the flood.",  # no day named
                 "The inquiry opened weeks after the river broke its banks on March 20."):
        engine, index, items = laid_out([*FLOOD, *SENATE, lone("2021-04-20", said=said)], STORIES)
        assert farwords.absorb_far(engine, items, long=100, horizon=60) == 0
        assert index.where["lone"] == story_id("lone")
        assert farwords.absorb_far(engine, items, long=100, horizon=60, gate=False) == 1  # round 45


def test_a_name_many_stories_hold_or_the_host_does_not_hold_is_no_evidence() -> None:
    engine, index, items = laid_out([*FLOOD, *SENATE, lone("2021-04-20")], STORIES)
    flood, follow_up = index.stories[story_id("f0")], index.stories[story_id("lone")]
    assert farwords.own_name(index, follow_up, flood, 60)
    assert not farwords.own_name(index, follow_up, flood, 60, own=100.0)  # not the host's own
    # three more stories within the horizon name Valencia: a name many hold
    others = [long_art(f"v{n}", "Valencia", ["Valencia", *SENATE_WORDS], 40 + n,
                       published=f"2021-04-0{n + 1}") for n in range(3)]
    engine, index, items = laid_out([*FLOOD, *SENATE, *others, lone("2021-04-20")], STORIES)
    flood, follow_up = index.stories[story_id("f0")], index.stories[story_id("lone")]
    assert not farwords.own_name(index, follow_up, flood, 60)
    assert farwords.own_name(index, follow_up, flood, 60, rare=3)
    assert farwords.absorb_far(engine, items, long=100, horizon=60) == 0


def test_the_named_days_are_stored_with_the_member_and_only_when_there_are_some() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index).add_all([prepare(lone("2021-04-20")), *(prepare(a) for a in SENATE)])
    follow_up, senate = index.stories[story_id("lone")], index.stories[story_id("s0")]
    assert persist.decode_state(persist.encode_state(follow_up)).members == follow_up.members
    assert follow_up.members[0].dates
    raw = zlib.decompress(persist.encode_state(senate))
    assert b'"dates"' not in raw and b'"words"' in raw  # no key: such states read as before
    assert persist.decode_state(persist.encode_state(senate)).members == senate.members


def test_the_store_looks_beyond_the_window_for_a_long_article_naming_a_far_day() -> None:
    far = prepare(lone("2021-04-20"))  # names 2 March, 49 days before
    assert farwords.reach(far, 14) == farwords.HORIZON
    near = prepare(lone("2021-04-20", said="The inquiry opened on April 17, after the rain."))
    assert near.member.dates and farwords.reach(near, 14) == 0.0  # a day within the window
    assert farwords.reach(prepare(lone("2021-04-20", said="The inquiry opened.")), 14) == 0.0
    assert farwords.reach(prepare(lone("2021-04-20", count=60)), 14) == 0.0  # short
    assert farwords.reach(prepare(lone(None)), 14) == 0.0  # undated


@pytest.mark.parametrize("looks", [True, False])
def test_through_the_store_a_later_follow_up_joins_its_story(
        db_target: str, monkeypatch: pytest.MonkeyPatch, looks: bool) -> None:
    if not looks:  # the store loads only the window: the story is not there to be found
        monkeypatch.setattr(farwords, "reach", lambda *_: 0.0)
    with Store.open(db_target) as store:
        for batch in ([*FLOOD, *SENATE], [lone("2021-04-20")]):
            with store.transaction():
                for article in batch:
                    store.put_analysis(Analysis(article))
            pipeline.update_stories(store, Settings())
        joined = {frozenset(s.article_ids) for s in store.stories()}
    flood = frozenset(a.id for a in FLOOD)
    assert (flood | {"lone"} in joined) is looks
    assert (flood in joined) is not looks


def test_the_register_of_one_member_stories_follows_growth_merges_and_the_horizon() -> None:
    short = lone("2021-04-21", count=60, id_="short")
    later = lone("2021-08-10", id_="later")  # beyond the horizon of the flood
    engine, index, _items = laid_out([*FLOOD, *SENATE, lone("2021-04-20"), short, later], STORIES)
    flood = index.stories[story_id("f0")]

    def found(words: int) -> list[str]:
        return [s.id for s in index.singles(flood.days[0], flood.days[-1], 60, words, lambda s: True)]

    assert found(100) == [story_id("lone")]  # the flood and the senate are of several members
    assert found(0) == [story_id("lone"), story_id("short")]
    engine._join(index.stories[story_id("short")], prepare(lone("2021-04-22", id_="more")))
    assert found(0) == [story_id("lone")]  # grown: of one member no more
    index.merge(flood, index.stories[story_id("lone")])
    assert found(0) == []  # merged


def test_the_look_up_among_lone_stories_finds_what_reading_every_story_finds() -> None:
    follow_ups = [lone(f"2021-04-{10 + n:02d}", count=110 + 7 * n, id_=f"l{n}",
                       said="The inquiry opened." if n % 3 else NAMES_THE_DAY) for n in range(12)]
    near = [long_art(f"n{n}", "Flood again", FLOOD_WORDS, 30 + n, published=f"2021-03-0{n + 2}")
            for n in range(3)]  # within the window: in the buckets read, never taken
    _engine, index, _items = laid_out([*FLOOD, *SENATE, *near, *follow_ups], STORIES)
    flood = index.stories[story_id("f0")]
    weighted = index.weighted(flood)
    vectors = tuple(heaviest(v, STORY_TERMS) for v in (weighted.title, weighted.lead, weighted.names))

    def lone_far(s: StoryState) -> bool:
        return farwords.lone_long_dated(s, 100) and farwords.far_apart(index, flood, s.days[0], 60)

    among = index.singles(flood.days[0], flood.days[-1], 60, 100, lone_far)
    assert len(among) == 12
    for limit in (20, 5):  # every one, and the best five
        every = index.far_candidates(vectors, flood.days[0], flood.days[-1], 60, limit, lone_far)
        assert index.far_candidates(vectors, flood.days[0], flood.days[-1], 60, limit, lone_far,
                                    among=among) == every
        assert len(every) == min(limit, 12)
    named = farwords.met(index, flood, 100, 60, set(), named=True)
    assert {s.id for s in named} == {story_id(f"l{n}") for n in (0, 3, 6, 9)}  # naming a day
    assert len(farwords.met(index, flood, 100, 60, set())) == 12


def test_through_the_store_a_stored_lone_follow_up_joins_the_story_a_later_ingest_brings(
        db_target: str) -> None:
    rising = art("f3", "Valencia flood", body(FLOOD_WORDS, 3), "The river rises as on May 20.",
                 published="2021-03-04")  # a day beyond the window: the store loads the horizon
    with Store.open(db_target) as store:
        for batch in ([lone("2021-04-20"), *SENATE], [*FLOOD[:3], rising]):
            with store.transaction():
                for article in batch:
                    store.put_analysis(Analysis(article))
            pipeline.update_stories(store, Settings())
        joined = {frozenset(s.article_ids) for s in store.stories()}
    assert frozenset(a.id for a in FLOOD) | {"lone"} in joined
