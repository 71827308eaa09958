"""A batch's lone articles placed by their nearest neighbours (``stories/neighbours.py``).

The stories are laid out by hand (each article starts a story, then some are merged), so the
tests read the rule alone, not the scorers that would have built the stories.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, prepare
from broadsheet.stories.engine import Incoming, story_id
from broadsheet.stories.neighbours import NEIGHBOURS, absorb_lone, absorb_stories
from broadsheet.stories.score import DEFAULT_MODEL
from test_stories import ALL, art, groups

FLOOD = [art(f"f{n}", f"Valencia flood river rain {word}", f"Flood water in Valencia after rain, {word}.")
         for n, word in enumerate(("bridge", "school", "metro", "harbour", "market", "farm"))]
SENATE = [art("s1", "Senate budget vote", "Senators vote on the budget bill."),
          art("s2", "Budget bill clears the Senate vote", "The Senate passed the budget bill.")]
OTHER = [art("o1", "Bakery wins pie contest", "A bakery took first prize for apple pie."),
         art("o2", "Museum opens dinosaur hall", "The museum opened a new dinosaur hall.")]
LONE = art("lone", "Rain storm damage across Valencia", "Storm damage after the flood rain.")


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]]
             ) -> tuple[Clusterer, StoryIndex, list[Incoming]]:
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
    return engine, index, items


def test_a_lone_article_joins_the_story_most_of_its_neighbours_are_in() -> None:
    engine, index, items = laid_out(FLOOD + OTHER + [LONE], [[a.id for a in FLOOD]])
    assert absorb_lone(engine, items, neighbours=5) == 1
    flood = index.stories[story_id("f0")]
    assert index.where["lone"] == flood.id
    assert story_id("lone") in flood.merged_from
    assert index.resolve(story_id("lone")) == flood.id
    assert index.where["o1"] == story_id("o1")  # nearest to nothing: stays alone


def test_no_story_holding_more_than_half_the_neighbours_leaves_it_alone() -> None:
    mixed = art("lone", "Valencia flood and Senate budget vote", "Flood rain, budget bill.")
    engine, index, items = laid_out(FLOOD[:2] + SENATE + OTHER + [mixed],
                                    [["f0", "f1"], ["s1", "s2"]])
    assert absorb_lone(engine, items, neighbours=5) == 0
    assert index.where["lone"] == story_id("lone")


def test_a_batch_no_larger_than_the_neighbourhood_is_left_as_it_is() -> None:
    engine, index, items = laid_out([*FLOOD, LONE], [[a.id for a in FLOOD]])
    assert absorb_lone(engine, items, neighbours=len(items)) == 0
    assert index.where["lone"] == story_id("lone")


def test_a_dated_article_only_joins_a_story_within_its_window() -> None:
    late = art("lone", LONE.title, *LONE.paragraphs, published="2021-11-30")
    engine, index, items = laid_out(FLOOD + OTHER + [late], [[a.id for a in FLOOD]])
    assert absorb_lone(engine, items, neighbours=5) == 0
    assert index.where["lone"] == story_id("lone")


def test_the_batch_rule_runs_after_the_merge_pass_and_keeps_ids() -> None:
    strict = dataclasses.replace(DEFAULT_MODEL, join=0.9, merge=1.01, pair=None)
    batch = FLOOD + OTHER + [LONE]
    before = StoryIndex(window_days=14)
    Clusterer(before, strict, lone_neighbours=None).add_all(prepare(a) for a in batch)
    assert len({before.where[a.id] for a in FLOOD}) == 1
    assert before.where["lone"] == story_id("lone")  # a strict join bar leaves it alone
    index = StoryIndex(window_days=14)
    Clusterer(index, strict, lone_neighbours=3).add_all(prepare(a) for a in batch)
    story = index.where["lone"]
    assert story == index.where["f0"] == before.where["f0"]
    assert story_id("lone") in index.stories[story].merged_from


def test_small_batches_cluster_as_before() -> None:
    assert len(ALL) <= NEIGHBOURS
    with_rule = groups(cluster_articles(ALL))
    index = StoryIndex(window_days=14)
    Clusterer(index, lone_neighbours=None).add_all(prepare(a) for a in ALL)
    assert with_rule == {frozenset(m.article_id for m in s.members)
                         for s in index.stories.values()}


NEAR = [art(f"n{n}", f"Valencia rain {word}", f"Rain in Valencia, {word}.", published="2021-11-28")
        for n, word in enumerate(("roads", "trains", "power"))]


def test_neighbours_outside_the_window_do_not_vote() -> None:
    late = art("lone", LONE.title, *LONE.paragraphs, published="2021-11-30")
    engine, index, items = laid_out(FLOOD + NEAR + OTHER + [late],
                                    [[a.id for a in FLOOD], [a.id for a in NEAR]])
    assert absorb_lone(engine, items, neighbours=5) == 1  # 3 of its 5 in-window neighbours
    near = index.stories[story_id("n0")]
    assert index.where["lone"] == near.id
    assert story_id("lone") in near.merged_from
    assert index.where["f0"] == story_id("f0")


def test_a_majority_of_the_batch_outside_the_window_absorbs_nothing() -> None:
    late = art("lone", LONE.title, *LONE.paragraphs, published="2021-11-30")
    engine, index, items = laid_out(FLOOD + NEAR[:2] + OTHER + [late],
                                    [[a.id for a in FLOOD], [a.id for a in NEAR[:2]]])
    assert absorb_lone(engine, items, neighbours=5) == 0  # 2 of 5 inside it, 6 flood pages out
    assert index.where["lone"] == story_id("lone")


def test_an_undated_lone_article_draws_from_the_whole_batch() -> None:
    undated = art("lone", LONE.title, *LONE.paragraphs, published=None)
    engine, index, items = laid_out(FLOOD + NEAR[:2] + OTHER + [undated],
                                    [[a.id for a in FLOOD], [a.id for a in NEAR[:2]]])
    assert absorb_lone(engine, items, neighbours=5) == 1
    assert index.where["lone"] == index.where["f0"]


def stripped(article: Article, published: str | None = None) -> Article:
    """The article as Google News gives it: no title, no date, title + text lower-cased."""
    text = " ".join((article.title, *article.paragraphs)).lower()
    return art(article.id, "", text, published=published)


PIECE = [art("p1", "Valencia flood rain closes the metro", "Flood water and rain in Valencia."),
         art("p2", "Valencia rain and flood at the harbour", "Rain flood in Valencia harbour.")]


def test_a_stripped_story_joins_the_story_its_members_neighbours_are_in() -> None:
    batch = [stripped(a) for a in FLOOD + OTHER + PIECE]
    engine, index, items = laid_out(batch, [[a.id for a in FLOOD], ["p1", "p2"]])
    assert absorb_stories(engine, items, neighbours=5) == 1
    flood = index.stories[story_id("f0")]
    assert index.where["p1"] == index.where["p2"] == flood.id
    assert story_id("p1") in flood.merged_from
    assert index.where["o1"] == story_id("o1")


def test_a_story_whose_neighbours_are_its_own_stays() -> None:
    batch = [stripped(a) for a in FLOOD + OTHER + SENATE]
    engine, index, items = laid_out(batch, [[a.id for a in FLOOD], ["s1", "s2"], ["o1", "o2"]])
    assert absorb_stories(engine, items, neighbours=5) == 0
    assert index.where["s2"] == story_id("s1") != index.where["f0"]


def test_only_stripped_undated_stories_vote_unless_every_story_is_asked() -> None:
    cased = [dataclasses.replace(a, published=None) for a in FLOOD + OTHER + PIECE]
    engine, index, items = laid_out(cased, [[a.id for a in FLOOD], ["p1", "p2"]])
    assert not any(item.caseless for item in items)
    assert absorb_stories(engine, items, neighbours=5) == 0
    assert index.where["p1"] == story_id("p1")
    assert absorb_stories(engine, items, neighbours=5, gate="all") == 1
    assert index.where["p1"] == index.where["f0"]


def test_a_dated_story_never_votes_as_a_whole() -> None:
    batch = [stripped(a, "2021-08-10") for a in FLOOD + OTHER + PIECE]
    engine, index, items = laid_out(batch, [[a.id for a in FLOOD], ["p1", "p2"]])
    assert absorb_stories(engine, items, neighbours=5, gate="all") == 0
    assert index.where["p1"] == story_id("p1")


def test_the_story_vote_is_off_with_no_gate() -> None:
    batch = [stripped(a) for a in FLOOD + OTHER + PIECE]
    engine, index, items = laid_out(batch, [[a.id for a in FLOOD], ["p1", "p2"]])
    assert absorb_stories(engine, items, neighbours=5, gate="") == 0
    assert index.where["p1"] == story_id("p1")
