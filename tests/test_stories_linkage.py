"""Centroid linkage of a batch's undated articles (``stories/linkage.py``, on when ``Model.link``
is set).

The articles are the synthetic news items of ``test_stories.py``, stripped of their dates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pytest

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, linkage, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.index import StoryState
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories import ALL, FIRE, SENATE, groups


def undated(articles: Sequence[Article]) -> list[Article]:
    return [dataclasses.replace(a, published=None) for a in articles]


LINKED = dataclasses.replace(DEFAULT_MODEL, link=DEFAULT_MODEL.join)


def test_undated_articles_of_one_event_link_into_one_story() -> None:
    assert groups(cluster_articles(undated(ALL), model=LINKED)) == {
        frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"}), frozenset({"c1"})}


def test_a_linked_story_keeps_a_members_minted_id_and_records_the_others() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index, LINKED).add_all(prepare(a) for a in undated(FIRE))
    (story,) = index.stories.values()
    minted = {story_id(a.id) for a in FIRE}
    assert story.id in minted
    assert set(story.merged_from) == minted - {story.id}
    assert all(index.resolve(i) == story.id for i in minted)


def test_two_stored_stories_are_never_linked() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, LINKED)
    engine.add_all(prepare(a) for a in undated(FIRE[:1] + SENATE[:1]))
    stored = set(index.stories)
    link = linkage.Linkage(engine)
    for story in list(index.stories.values()):
        link.visit(story)
    assert link._drain() == 0
    assert set(index.stories) == stored


def test_a_later_batch_joins_the_stored_story_and_keeps_its_id() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, LINKED)
    engine.add_all(prepare(a) for a in undated(FIRE[:2]))
    first = dict(index.where)
    engine.add_all(prepare(a) for a in undated(FIRE[2:] + SENATE))
    assert all(index.where[a] == index.resolve(s) for a, s in first.items())
    assert index.where["a3"] == index.where["a1"]
    assert index.where["b1"] == index.where["b2"] == index.where["b3"] != index.where["a1"]


def test_dated_articles_keep_the_arrival_order_path() -> None:
    assert groups(cluster_articles(ALL, model=LINKED)) == groups(cluster_articles(ALL))


def test_an_undated_wire_copy_is_marked_as_a_copy_of_the_original() -> None:
    copy = dataclasses.replace(FIRE[0], id="a1-copy", outlet="wire")
    stories = cluster_articles(undated([*FIRE, copy]), model=LINKED)
    fire = next(s for s in stories if "a1" in s.article_ids)
    assert "a1-copy" in fire.article_ids
    assert set(fire.duplicates) in ({("a1-copy", "a1")}, {("a1", "a1-copy")})


def test_a_pair_is_scored_once_per_version_of_its_stories() -> None:
    engine = Clusterer(StoryIndex(window_days=14), LINKED)
    link = linkage.Linkage(engine)
    scored: list[tuple[str, str, int, int]] = []
    side = link.side

    def spy(small: StoryState, larger: Sequence[StoryState]) -> list[float | None]:
        scored.extend(link._key(small, other) for other in larger)
        return side(small, larger)

    link.side = spy  # type: ignore[method-assign]
    assert link.run([prepare(a) for a in undated(ALL)]) > 0
    assert scored and len(scored) == len(set(scored))


def test_the_chances_kept_are_the_chances_scored_afresh() -> None:
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, LINKED)
    link = linkage.Linkage(engine)
    link.run([prepare(a) for a in undated(ALL)])
    stories = sorted(index.stories.values(), key=lambda s: s.id)
    kept = [link.chances(s, [o]) for s in stories for o in stories if o is not s]
    fresh = linkage.Linkage(engine)
    assert kept == [fresh.chances(s, [o]) for s in stories for o in stories if o is not s]


def test_the_linkage_reads_its_own_bar_not_the_join() -> None:
    chances = {}
    for join, link in ((0.0, 1.0), (1.0, 0.0)):
        engine = Clusterer(StoryIndex(window_days=14),
                           dataclasses.replace(DEFAULT_MODEL, join=join, link=link))
        items = [prepare(a) for a in undated(FIRE[:2])]
        for item in items:
            engine.index.idf.add(item.features.terms)
        one, two = (engine._start(item, indexed=True) for item in items)
        chances[link] = linkage.Linkage(engine).side(one, [two])[0]
    assert chances[1.0] is None
    assert chances[0.0] is not None


def test_without_a_bar_undated_articles_are_placed_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: linkage.Linkage, items: Sequence[object]) -> int:
        raise AssertionError("the linkage ran")

    monkeypatch.setattr(linkage.Linkage, "run", refuse)
    off = dataclasses.replace(DEFAULT_MODEL, link=None)
    assert groups(cluster_articles(undated(ALL), model=off)) == {
        frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"}), frozenset({"c1"})}


def test_the_small_undated_pairs_probe_keeps_the_pair_scorer_off_small_undated_sides(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories round 40's probe (``engine.SMALL_UNDATED_PAIRS`` off): in the merge pass an undated
    row of a side smaller than ``linkage.PAIR_FROM`` is the article scorer's alone; dated rows and
    bigger sides keep the story-pair scorer. Shipped (on), the pair scorer decides them too."""
    from broadsheet.stories import engine
    from broadsheet.stories.score import FEATURES, PAIR_FEATURES, Model, PairModel

    refusing = Model(weights=(0.0,) * len(FEATURES), bias=-5.0, merge=0.8, merge_undated=0.7,
                     pair=PairModel(weights=(0.0,) * len(PAIR_FEATURES), bias=5.0, undated=0.5))
    clusterer = Clusterer(StoryIndex(window_days=14), refusing)
    rows = np.zeros((2, len(FEATURES)))
    rows[0, FEATURES.index("undated")] = 1.0  # row 0 undated, row 1 dated
    assert clusterer.pass_merges(rows, 1).tolist() == [True, True]
    monkeypatch.setattr(engine, "SMALL_UNDATED_PAIRS", False)
    assert clusterer.pass_merges(rows, 1).tolist() == [False, True]
    assert clusterer.pass_merges(rows, linkage.PAIR_FROM - 1).tolist() == [False, True]
    assert clusterer.pass_merges(rows, linkage.PAIR_FROM).tolist() == [True, True]
