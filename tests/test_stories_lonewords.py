"""A batch's lone long articles placed by a likelihood over a story's words (``stories/lonewords.py``).

The stories are laid out by hand (each article starts a story, then some are merged), so the
tests read the rule alone, not the scorers that would have built the stories.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from broadsheet.model import Article
from broadsheet.stories import cluster_articles, lonewords
from broadsheet.stories.engine import story_id
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories import ALL, art
from test_stories_neighbours import laid_out

FLOOD_WORDS = [
    "Valencia", "flood", "river", "rain", "water", "bridge", "levee", "rescue", "barrio",
    "evacuation", "mud", "torrent", "deluge", "dam", "overflow", "firefighters",
]
SENATE_WORDS = [
    "Senate", "budget", "bill", "vote", "senators", "deficit", "appropriation", "filibuster",
    "majority", "amendment", "spending", "committee", "caucus", "treasury", "ballot", "quorum",
]
FILLER = [
    "said", "told", "reported", "according", "officials", "people", "day", "week", "city",
    "country", "government", "time", "year", "local", "national",
]


def body(words: Sequence[str], seed: int, count: int = 130) -> str:
    """``count`` words mixing the event's words with common ones (a long article's body)."""
    rng = np.random.default_rng(seed)
    pool = list(words) * 2 + FILLER
    return " ".join(str(rng.choice(pool)) for _ in range(count)) + "."


def long_art(id_: str, title: str, words: Sequence[str], seed: int, count: int = 130,
             published: str | None = None) -> Article:
    return art(id_, title, body(words, seed, count), published=published)


FLOOD = [long_art(f"f{n}", "Valencia flood", FLOOD_WORDS, n) for n in range(4)]
SENATE = [long_art(f"s{n}", "Senate budget", SENATE_WORDS, 10 + n) for n in range(3)]


STORIES = [[a.id for a in FLOOD], [a.id for a in SENATE]]


def test_gains_are_the_mixture_conditional_written_out() -> None:
    counts = np.array([[3.0, 2.0, 1.0], [0.0, 1.0, 4.0]])  # n_zw of the article's 3 words
    totals = np.array([9.0, 12.0])
    members = np.array([3.0, 4.0])
    alpha, beta, vocabulary = 0.1, 0.1, 50
    found = lonewords.gains(counts, totals, members, 3, vocabulary, alpha, beta)
    alone = 3 * math.log(beta) - sum(math.log(vocabulary * beta + i) for i in range(3))
    for z in range(2):
        joined = (math.log(members[z] + alpha) - math.log(alpha)
                  + sum(math.log(c + beta) for c in counts[z])
                  - sum(math.log(totals[z] + vocabulary * beta + i) for i in range(3)))
        assert found[z] == pytest.approx(joined - alone)
    assert found[0] > found[1]  # more of the article's words, fewer words in all


def test_a_lone_long_undated_article_joins_the_story_whose_words_it_shares() -> None:
    lone = long_art("lone", "Storm damage", FLOOD_WORDS, 99)
    engine, index, items = laid_out(FLOOD + SENATE + [lone], STORIES)
    assert lonewords.absorb_lone(engine, items, long=100) == 1
    flood = index.stories[story_id("f0")]
    assert index.where["lone"] == flood.id
    assert story_id("lone") in flood.merged_from
    assert index.where["s0"] == story_id("s0")


def test_short_dated_or_pass_off_articles_stay_alone() -> None:
    short = long_art("short", "Storm damage", FLOOD_WORDS, 98, count=60)
    dated = long_art("dated", "Storm damage", FLOOD_WORDS, 97, published="2021-08-10")
    engine, index, items = laid_out(FLOOD + SENATE + [short, dated], STORIES)
    assert lonewords.absorb_lone(engine, items, long=0) == 0
    assert lonewords.absorb_lone(engine, items, long=100) == 0
    assert index.where["short"] == story_id("short")
    assert index.where["dated"] == story_id("dated")
    assert lonewords.absorb_lone(engine, items, long=50) == 1  # a shorter bar takes the short one
    assert index.where["short"] == index.where["f0"]


def test_an_article_worded_like_no_story_stays_alone() -> None:
    other = long_art("other", "Bakery contest", ["bakery", "pie", "contest", "prize", "oven", "flour"], 5)
    engine, index, items = laid_out(FLOOD + SENATE + [other], STORIES)
    assert lonewords.absorb_lone(engine, items, long=100) == 0
    assert index.where["other"] == story_id("other")


def test_the_recipe_reads_no_lone_words_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> int:
        raise AssertionError("the lone words pass ran")

    monkeypatch.setattr(lonewords, "absorb_lone", refuse)
    undated = [art(a.id, a.title, *a.paragraphs, published=None) for a in ALL]
    labelled = LabelledSet("t", undated, [a.id[0] for a in undated], None)
    _run(DEFAULT_MODEL, labelled, lambda gold, pred: 1.0, 14)  # the recipe: off
    with pytest.raises(AssertionError):
        cluster_articles(undated, lone_words=100)


def test_gains_of_a_document_holding_words_more_than_once_are_rising_factorials() -> None:
    counts = np.array([[3.0, 0.0], [1.0, 2.0]])  # n_zw of the document's 2 distinct words
    totals = np.array([9.0, 12.0])
    members = np.array([3.0, 4.0])
    times = np.array([2.0, 1.0])  # the first word held twice (two members of a small story)
    alpha, beta, vocabulary, words = 0.1, 0.1, 50, 3
    found = lonewords.gains(counts, totals, members, words, vocabulary, alpha, beta, times=times)

    def rising(start: float, steps: float) -> float:
        return sum(math.log(start + j) for j in range(int(steps)))

    alone = (sum(rising(beta, t) for t in times)
             - sum(math.log(vocabulary * beta + i) for i in range(words)))
    for z in range(2):
        joined = (math.log(members[z] + alpha) - math.log(alpha)
                  + sum(rising(c + beta, t) for c, t in zip(counts[z], times, strict=True))
                  - sum(math.log(totals[z] + vocabulary * beta + i) for i in range(words)))
        assert found[z] == pytest.approx(joined - alone)
    once = lonewords.gains(counts, totals, members, 2, vocabulary, alpha, beta)
    assert lonewords.gains(counts, totals, members, 2, vocabulary, alpha, beta,
                           times=np.ones(2)) == pytest.approx(once)  # once each: the lone rule


def test_a_small_story_of_long_undated_articles_moves_only_with_the_probe_on() -> None:
    pair = [long_art(f"p{n}", "Storm damage", FLOOD_WORDS, 90 + n) for n in range(2)]
    stories = [*STORIES, [a.id for a in pair]]
    engine, index, items = laid_out(FLOOD + SENATE + pair, stories)
    assert lonewords.SMALL == 1  # off as shipped: a story of two is not read
    assert lonewords.absorb_lone(engine, items, long=100) == 0
    assert index.where["p0"] == story_id("p0")
    assert lonewords.absorb_lone(engine, items, long=100, up_to=3) == 1
    flood = index.stories[story_id("f0")]
    assert index.where["p0"] == index.where["p1"] == flood.id
    assert flood.size == 6 and story_id("p0") in flood.merged_from
    assert index.where["s0"] == story_id("s0")


def test_a_small_story_with_a_short_member_stays() -> None:
    pair = [long_art("p0", "Storm damage", FLOOD_WORDS, 90),
            long_art("p1", "Storm damage", FLOOD_WORDS, 91, count=60)]
    engine, index, items = laid_out(FLOOD + SENATE + pair, [*STORIES, ["p0", "p1"]])
    assert lonewords.absorb_lone(engine, items, long=100, up_to=3) == 0
    assert index.where["p0"] == index.where["p1"] == story_id("p0")
