"""The cohesion veto (stories round 53): two large caseless stories of a batch are joined only
when one side's members' nearest neighbours reach the other."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from broadsheet.model import Article
from broadsheet.stories import StoryIndex, cluster_articles, prepare
from broadsheet.stories import cohesion as cohesion_mod
from broadsheet.stories.cohesion import Cohesion
from broadsheet.stories.engine import Clusterer, Incoming, story_id
from test_stories import art, groups
from test_stories_neighbours import stripped

FRIDAY = [art(f"b{n}", "", f"black friday store doors open early {w} shoppers queue") for n, w in
          enumerate(("walmart", "target", "mall", "midnight", "crowds", "lines"))]
MONDAY = [art(f"c{n}", "", f"cyber monday online sales click {w} websites orders") for n, w in
          enumerate(("amazon", "ebay", "record", "mobile", "traffic", "coupons"))]
# one topic's two pieces: each member is worded like members of the other piece
STORM = [art(f"s{n}", "", f"winter storm snow {a} {b} travel") for n, (a, b) in
         enumerate((("airport", "delays"), ("highway", "ice"), ("airport", "ice"),
                    ("highway", "delays"), ("airport", "highway"), ("ice", "delays")))]


def caseless(articles: Sequence[Article]) -> list[Article]:
    return [stripped(a) for a in articles]


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]]
             ) -> tuple[StoryIndex, list[Incoming]]:
    """Every article a story of its own, then each group of ``stories`` merged into its first."""
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, lone_neighbours=None)
    items = [prepare(a) for a in articles]
    for item in items:
        index.idf.add(item.features.terms)
        engine._start(item, indexed=True)
    for group in stories:
        for other in group[1:]:
            index.merge(index.stories[story_id(group[0])], index.stories[story_id(other)])
    return index, items


def two(index: StoryIndex, one: str, other: str) -> tuple:
    return index.stories[index.where[one]], index.stories[index.where[other]]


def test_two_topics_whose_members_neighbours_stay_at_home_are_refused() -> None:
    index, items = laid_out(caseless(FRIDAY + MONDAY), [[a.id for a in FRIDAY],
                                                        [a.id for a in MONDAY]])
    veto = Cohesion(index, items, least=3, count=3)
    assert veto.refuses(*two(index, "b0", "c0"))


def test_two_pieces_of_one_topic_whose_neighbours_cross_are_joined() -> None:
    batch = caseless(STORM + FRIDAY)
    index, items = laid_out(batch, [["s0", "s1", "s2"], ["s3", "s4", "s5"],
                                    [a.id for a in FRIDAY]])
    veto = Cohesion(index, items, least=3, count=3)
    assert not veto.refuses(*two(index, "s0", "s3"))
    assert veto.refuses(*two(index, "s0", "b0"))  # and the same batch still parts two topics


def test_small_cased_or_dated_stories_are_not_asked() -> None:
    groups_ = [[a.id for a in FRIDAY], [a.id for a in MONDAY]]
    index, items = laid_out(caseless(FRIDAY + MONDAY), groups_)
    assert not Cohesion(index, items, least=7, count=3).refuses(*two(index, "b0", "c0"))
    assert not Cohesion(index, items, least=0, count=3).refuses(*two(index, "b0", "c0"))
    assert not Cohesion(index, items, least=3, count=12).refuses(*two(index, "b0", "c0"))
    cased = [dataclasses.replace(a, title="Holiday sales", published=None) for a in FRIDAY + MONDAY]
    index, items = laid_out(cased, groups_)
    assert not any(item.caseless for item in items)
    assert not Cohesion(index, items, least=3, count=3).refuses(*two(index, "b0", "c0"))
    index, items = laid_out([stripped(a, "2021-08-10") for a in FRIDAY + MONDAY], groups_)
    assert not Cohesion(index, items, least=3, count=3).refuses(*two(index, "b0", "c0"))


def test_the_linkage_and_the_merge_pass_ask_the_veto(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = caseless(STORM)
    joined = groups(cluster_articles(batch, cohesive=0))
    assert max(len(g) for g in joined) > 1
    monkeypatch.setattr(Cohesion, "refuses", lambda self, one, other: True)
    assert all(len(g) == 1 for g in groups(cluster_articles(batch)))
    assert groups(cluster_articles(batch, cohesive=0)) == joined
    assert cohesion_mod.LEAST > 0  # shipped on


def test_members_read_at_most_half_the_smaller_side_nearest_first() -> None:
    # two sibling topics sharing a word: with as many neighbours as a side holds, each member
    # must take one from the other side, and the two would look like one topic (round 55)
    friday = [art(a.id, "", f"{a.paragraphs[0]} deals") for a in FRIDAY]
    monday = [art(a.id, "", f"{a.paragraphs[0]} deals") for a in MONDAY]
    extra = caseless([art("x0", "", "parade balloons wind"), art("x1", "", "parade route crowds")])
    index, items = laid_out(caseless(friday + monday) + extra, [[a.id for a in friday],
                                                                  [a.id for a in monday]])
    veto = Cohesion(index, items, least=3, count=6)
    assert veto.refuses(*two(index, "b0", "c0"))
    assert cohesion_mod.reach(6, 6, 6) == 3
    near = veto.neighbours([veto.position["b0"]])[0]
    assert {veto.items[n].member.article_id for n in near[:5]} == {f"b{n}" for n in range(1, 6)}
    assert {veto.items[n].member.article_id for n in near[5:]} <= {a.id for a in monday}


def test_the_count_follows_the_sides() -> None:
    assert cohesion_mod.reach(50, 200, 300) == 50
    assert cohesion_mod.reach(50, 52, 69) == 26
    assert cohesion_mod.reach(50, 1, 40) == 1
