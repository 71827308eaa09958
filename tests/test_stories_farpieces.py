"""Dated pieces of one event joined beyond the window (``stories/farpieces.py``, stories round 48).

The stories are laid out by hand (each article starts a story, then some are merged), so the
tests read the rule alone; the last ones run whole batches through ``Clusterer.add_all``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from broadsheet import pipeline
from broadsheet.model import Analysis, Article
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, farpieces, prepare
from broadsheet.stories.engine import Incoming, story_id
from broadsheet.stories.index import StoryState
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.lonewords import MARGIN
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories import art
from test_stories_farwords import FLOOD, NAMES_THE_DAY, SENATE
from test_stories_lonewords import FLOOD_WORDS, SENATE_WORDS, body
from test_stories_neighbours import laid_out

STORIES = [[a.id for a in FLOOD], [a.id for a in SENATE]]


def follow_ups(published: str, n: int = 3, said: str = NAMES_THE_DAY, *, first: int = 0) -> list[Article]:
    """Several outlets' reports of the flood's inquiry, all on ``published`` (a burst, not one)."""
    return [art(f"u{k}", "Valencia flood", body(FLOOD_WORDS * 4, 50 + k), said, published=published)
            for k in range(first, first + n)]


def piece_laid_out(published: str, said: str = NAMES_THE_DAY) -> tuple[Clusterer, StoryIndex, list[Incoming]]:
    burst = follow_ups(published, said=said)
    return laid_out([*FLOOD, *SENATE, *burst], [*STORIES, [a.id for a in burst]])


def test_a_dated_piece_beyond_the_window_joins_the_story_it_follows() -> None:
    engine, index, items = piece_laid_out("2021-04-20")  # 47 days after the flood
    assert farpieces.absorb_pieces(engine, items, horizon=60) == 1
    flood = index.where["f0"]
    assert index.where["u0"] == index.where["u2"] == flood
    assert index.resolve(story_id("u0")) == flood  # a merge: the smaller piece's id redirects
    assert index.where["s0"] == story_id("s0")  # the senate story is no follow-up


def test_within_the_window_beyond_the_horizon_or_off_the_piece_stays_apart() -> None:
    for published, horizon in (("2021-03-10", 60), ("2021-06-30", 60), ("2021-04-20", 0)):
        engine, index, items = piece_laid_out(published)
        assert farpieces.absorb_pieces(engine, items, horizon=horizon) == 0
        assert index.where["u0"] != index.where["f0"]


def test_without_a_named_day_in_the_span_the_piece_stays_apart_unless_ungated() -> None:
    engine, index, items = piece_laid_out("2021-04-20", said="The inquiry opened on April 18.")
    assert farpieces.absorb_pieces(engine, items, horizon=60) == 0
    assert index.where["u0"] != index.where["f0"]
    assert farpieces.absorb_pieces(engine, items, horizon=60, gate=False) == 1  # the words alone


def test_the_named_day_is_read_both_ways() -> None:
    _engine, index, _items = piece_laid_out("2021-04-20")
    flood, burst = index.stories[index.where["f0"]], index.stories[index.where["u0"]]
    assert farpieces.named_day(burst, flood) and farpieces.named_day(flood, burst)
    assert not farpieces.named_day(flood, index.stories[index.where["s0"]])


def test_a_name_only_one_side_holds_as_its_own_is_no_evidence() -> None:
    _engine, index, _items = piece_laid_out("2021-04-20")
    flood, burst = index.stories[index.where["f0"]], index.stories[index.where["u0"]]
    assert farpieces.shared_own(index, burst, flood, 60)
    assert not farpieces.shared_own(index, burst, flood, 60, own=100.0)
    assert not farpieces.shared_own(index, burst, index.stories[index.where["s0"]], 60)


def test_lone_stories_and_undated_pieces_are_not_this_pass_s() -> None:
    burst = follow_ups("2021-04-20", n=1)
    engine, _index, items = laid_out([*FLOOD, *SENATE, *burst], STORIES)
    assert farpieces.absorb_pieces(engine, items, horizon=60) == 0  # a lone story: round 46's
    undated = [art(f"u{k}", "Valencia flood inquiry", body(FLOOD_WORDS, 50 + k), NAMES_THE_DAY)
               for k in range(3)]
    engine, _index, items = laid_out([*FLOOD, *SENATE, *undated], [*STORIES, [a.id for a in undated]])
    assert farpieces.absorb_pieces(engine, items, horizon=60) == 0


def test_a_later_batch_s_piece_joins_the_stored_story_as_one_batch_does() -> None:
    burst = follow_ups("2021-04-20")
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, far_pieces=True)
    engine.add_all(prepare(a) for a in [*FLOOD, *SENATE])
    engine.add_all(prepare(a) for a in burst)
    assert index.where["u0"] == index.where["f0"] == index.where["u2"]
    one = cluster_articles([*FLOOD, *SENATE, *burst], far_pieces=True)
    assert any({"u0", "u2", "f0"} <= set(s.article_ids) for s in one)
    off = cluster_articles([*FLOOD, *SENATE, *burst], far_pieces=False)
    assert not any({"u0", "f0"} <= set(s.article_ids) for s in off)


def test_the_recipe_reads_no_far_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> int:
        raise AssertionError("far pieces ran")

    monkeypatch.setattr(farpieces, "absorb_pieces", refuse)
    articles = [*FLOOD, *SENATE, *follow_ups("2021-04-20")]
    labelled = LabelledSet("t", articles, [a.id[0] for a in articles], None)
    monkeypatch.setattr(farpieces, "PIECES", True)
    _run(DEFAULT_MODEL, labelled, lambda gold, pred: 1.0, 14)  # the recipe: off
    with pytest.raises(AssertionError):
        cluster_articles(articles)


def test_through_the_store_a_later_burst_joins_its_story(db_target: str) -> None:
    with Store.open(db_target) as store:
        for batch in ([*FLOOD, *SENATE], follow_ups("2021-04-20")):
            with store.transaction():
                for article in batch:
                    store.put_analysis(Analysis(article))
            pipeline.update_stories(store, Settings())
        joined = {frozenset(s.article_ids) for s in store.stories()}
    assert frozenset(a.id for a in FLOOD) | {"u0", "u1", "u2"} in joined


# --- stories round 49: a piece no story can pass the evidence with is not looked up -------------

SAYINGS = ("", NAMES_THE_DAY, "The inquiry opened on April 18.", "Officials met on 20 April.",
           "The vote came on February 26.")
DAYS = ("2021-02-24", "2021-03-01", "2021-03-02", "2021-03-20", "2021-04-18", "2021-04-20",
        "2021-05-02")


def random_pieces(seed: int) -> tuple[Clusterer, StoryIndex, list[Incoming]]:
    """Stories of two to four members on the flood or the senate, each on a day drawn from
    ``DAYS`` give or take a day, their texts naming one of ``SAYINGS``' days or none."""
    rng = np.random.default_rng(seed)
    articles, stories = [], []
    for k in range(int(rng.integers(4, 9))):
        flood = bool(rng.random() < 0.7)
        title, words = ("Valencia flood", FLOOD_WORDS) if flood else ("Senate budget", SENATE_WORDS)
        day = np.datetime64(DAYS[int(rng.integers(len(DAYS)))]) + int(rng.integers(-1, 2))
        said = SAYINGS[int(rng.integers(len(SAYINGS)))]
        group = [art(f"r{k}x{n}", title, body(list(words) * 4, 100 * k + n), said, published=str(day))
                 for n in range(int(rng.integers(2, 5)))]
        articles.extend(group)
        stories.append([a.id for a in group])
    return laid_out(articles, stories)


def pairs(engine: Clusterer, items: list[Incoming], *, prune: bool) -> list[tuple[str, str, int, int]]:
    return farpieces.found_pairs(engine, items, 60, MARGIN, gate=True, prune=prune)


def test_the_pruned_pass_finds_the_same_pairs_as_the_unpruned_one() -> None:
    found = 0
    for seed in range(24):
        engine, _index, items = random_pieces(seed)
        unpruned = pairs(engine, items, prune=False)
        assert pairs(engine, items, prune=True) == unpruned, seed
        found += len(unpruned)
    assert found >= 3  # the random layouts do merge: the comparison is not of empty lists


def test_a_piece_is_looked_up_only_when_some_story_can_pass_the_evidence_with_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[str] = []
    target = farpieces.target

    def counted(index: StoryIndex, piece: StoryState, *args: object) -> object:
        looked.append(piece.id)
        return target(index, piece, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(farpieces, "target", counted)
    both = {story_id("f0"), story_id("u0")}  # the flood and its burst (the senate never)
    for said, expected in ((NAMES_THE_DAY, both), ("The inquiry opened on April 18.", set())):
        engine, _index, items = piece_laid_out("2021-04-20", said=said)
        looked.clear()
        assert farpieces.absorb_pieces(engine, items, horizon=60) == len(expected) // 2
        assert set(looked) == expected  # without a named day no piece is looked up at all
        looked.clear()
        engine, _index, items = piece_laid_out("2021-04-20", said=said)
        farpieces.absorb_pieces(engine, items, horizon=60, prune=False)
        assert set(looked) == both | {story_id("s0")}  # unpruned every piece is


def test_the_index_finds_the_stories_naming_a_day_and_those_spanning_a_bucket() -> None:
    _engine, index, _items = piece_laid_out("2021-04-20")
    burst, flood = index.stories[index.where["u0"]], index.stories[index.where["f0"]]
    named = date(2021, 3, 2).toordinal()  # NAMES_THE_DAY
    assert [s.id for s in index.naming(named, named)] == [burst.id]
    assert index.naming(named + 1, named + 30) == []
    at = index.bucket_of(flood.days[0])
    assert flood in index.spanning(at, at) and burst not in index.spanning(at, at)
    index.merge(burst, flood)  # the burst's span now reaches the flood's bucket, read by number
    spanning = [s.id for s in index.spanning(at, at)]
    assert burst.id in spanning and flood.id not in spanning and len(spanning) == len(set(spanning))
    assert [s.id for s in index.naming(named, named)] == [burst.id]


# --- stories round 54 (measured, not shipped): with the evidence, the words' bar at 0 -----------

INQUIRY_WORDS = ["inquiry", "hearing", "testimony", "report", "engineers", "negligence", "council",
                 "mayor"]


def inquiry_laid_out(flood_words: int,
                     said: str = NAMES_THE_DAY) -> tuple[Clusterer, StoryIndex, list[Incoming]]:
    """A burst 47 days after the flood about its inquiry, in ``flood_words`` of the flood's words
    and the inquiry's own: the follow-up of a big story, worded partly its own way."""
    burst = [art(f"u{k}", "Valencia inquiry", body(FLOOD_WORDS[:flood_words] + INQUIRY_WORDS, 50 + k),
                 said, published="2021-04-20") for k in range(3)]
    return laid_out([*FLOOD, *SENATE, *burst], [*STORIES, [a.id for a in burst]])


def gain_per_bucket(index: StoryIndex) -> tuple[float, str]:
    piece = index.stories[index.where["u0"]]
    aim = farpieces.target(index, piece, max(1, int(np.count_nonzero(index.idf.df))), 60)
    assert aim is not None
    return aim.gain / aim.words, aim.story


def test_with_the_evidence_a_piece_whose_words_fit_under_the_margin_joins_at_bar_0() -> None:
    engine, index, items = inquiry_laid_out(10)
    gain, host = gain_per_bucket(index)
    assert 0 < gain < MARGIN and host == index.where["f0"]  # the words fit, by less than the margin
    assert farpieces.absorb_pieces(engine, items, horizon=60) == 0  # shipped: round 48's bar
    assert farpieces.absorb_pieces(engine, items, horizon=60, evidenced=0) == 1
    assert index.where["u0"] == index.where["u2"] == index.where["f0"]


def test_under_the_margin_the_evidence_is_still_required() -> None:
    engine, index, items = inquiry_laid_out(10, said="The inquiry opened on April 18.")
    assert 0 < gain_per_bucket(index)[0] < MARGIN
    assert farpieces.absorb_pieces(engine, items, horizon=60, evidenced=0) == 0  # no day in the span
    assert farpieces.absorb_pieces(engine, items, horizon=60, gate=False) == 0  # words alone: the margin
    assert index.where["u0"] != index.where["f0"]


def test_with_the_evidence_words_that_do_not_fit_stay_apart() -> None:
    engine, index, items = inquiry_laid_out(1)  # the name and the day, hardly a word of the flood's
    piece, flood = index.stories[index.where["u0"]], index.stories[index.where["f0"]]
    assert farpieces.evidence(index, piece, flood, 60) and gain_per_bucket(index)[0] <= 0
    assert farpieces.absorb_pieces(engine, items, horizon=60, evidenced=0) == 0
    assert index.where["u0"] != index.where["f0"]
