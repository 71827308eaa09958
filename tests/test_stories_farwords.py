"""Lone long dated articles placed by their words beyond the window (``stories/farwords.py``).

The stories are laid out by hand (each article starts a story, then some are merged), so the
tests read the rule alone; the last tests run whole batches through ``Clusterer.add_all``.
"""

from __future__ import annotations

import pytest

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, farwords, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories_lonewords import FLOOD_WORDS, SENATE_WORDS, long_art
from test_stories_neighbours import laid_out

FLOOD = [long_art(f"f{n}", "Valencia flood", FLOOD_WORDS, n, published="2021-03-0" + str(n + 1))
         for n in range(4)]
SENATE = [long_art(f"s{n}", "Senate budget", SENATE_WORDS, 10 + n,
                   published="2021-03-0" + str(n + 1)) for n in range(3)]
STORIES = [[a.id for a in FLOOD], [a.id for a in SENATE]]


def lone(published: str | None, count: int = 130, id_: str = "lone") -> Article:
    return long_art(id_, "Flood inquiry", FLOOD_WORDS, 99, count=count, published=published)


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
    assert index.stories[story_id("lone")].members[0].words == 130  # stored with the story
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
