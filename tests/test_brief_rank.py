"""Ranking: distinct outlets (near-duplicates not counted), then recency, articles, id."""

from __future__ import annotations

from broadsheet.brief.rank import (
    distinct_outlets,
    duplicate_roots,
    independent_ids,
    rank_stories,
)
from broadsheet.model import Analysis, Story
from test_brief_data import COUNCIL, JAPAN, KIM, corpus, make_article


def _analyses(*rows: tuple[str, str, str | None]) -> dict[str, Analysis]:
    """Analyses of bare articles given as (id, outlet, published)."""
    return {
        aid: Analysis(make_article(aid, outlet, aid, [f"Text of {aid}."], published=published))
        for aid, outlet, published in rows
    }


def test_corpus_is_ranked_by_outlets() -> None:
    stories, analyses = corpus()
    assert [s.id for s in rank_stories(stories, analyses)] == [KIM, JAPAN, COUNCIL]


def test_near_duplicates_do_not_count_as_outlets() -> None:
    stories, analyses = corpus()
    kim = next(s for s in stories if s.id == KIM)
    assert len(kim.outlets) == 5
    assert distinct_outlets(kim, analyses) == 4  # ABC News re-prints the AP copy


def test_a_syndicated_story_does_not_outrank_a_fresher_one_with_as_many_reporters() -> None:
    analyses = _analyses(
        ("w1", "Wire", "2025-01-01T10:00:00+00:00"),
        ("w2", "Paper A", "2025-01-01T10:05:00+00:00"),
        ("w3", "Paper B", "2025-01-01T10:06:00+00:00"),
        ("f1", "Paper C", "2025-01-02T08:00:00+00:00"),
        ("f2", "Paper D", "2025-01-02T09:00:00+00:00"),
    )
    wire = Story(id="a-wire", title="t", article_ids=("w1", "w2", "w3"),
                 duplicates=(("w2", "w1"), ("w3", "w1")))
    fresh = Story(id="b-fresh", title="t", article_ids=("f1", "f2"))
    # wire copy: three outlets on paper, one independent; fresh: two independent outlets
    assert [s.id for s in rank_stories([wire, fresh], analyses)] == ["b-fresh", "a-wire"]


def test_same_outlets_more_recent_first_using_member_dates_when_story_has_none() -> None:
    analyses = _analyses(("o1", "A", "2025-03-01T12:00:00Z"), ("n1", "A", "2025-03-02T01:00:00+05:00"))
    old = Story(id="a", title="t", article_ids=("o1",))
    new = Story(id="b", title="t", article_ids=("n1",))
    assert [s.id for s in rank_stories([old, new], analyses)] == ["b", "a"]


def test_timezones_are_compared_as_instants() -> None:
    early = Story(id="a", title="t", article_ids=(), outlets=("X",),
                  last_published="2025-03-02T09:00:00+05:00")  # 04:00 UTC
    late = Story(id="b", title="t", article_ids=(), outlets=("Y",),
                 last_published="2025-03-02T05:00:00+00:00")
    assert [s.id for s in rank_stories([early, late], {})] == ["b", "a"]


def test_ties_broken_by_article_count_then_id() -> None:
    when = "2025-03-02T05:00:00+00:00"
    one = Story(id="c", title="t", article_ids=("x",), outlets=("X",), last_published=when)
    two = Story(id="d", title="t", article_ids=("y", "z"), outlets=("X",), last_published=when)
    same = Story(id="a", title="t", article_ids=("w",), outlets=("X",), last_published=when)
    assert [s.id for s in rank_stories([one, two, same], {})] == ["d", "a", "c"]


def test_undated_stories_go_last_and_ranking_is_order_independent() -> None:
    stories, analyses = corpus()
    undated = Story(id="u", title="t", article_ids=(), outlets=("Springfield Post",))
    forward = rank_stories([*stories, undated], analyses)
    backward = rank_stories([undated, *reversed(stories)], analyses)
    assert forward == backward
    assert forward[-1].id == "u"


def test_duplicate_chains_and_cycles_resolve_to_one_original() -> None:
    chain = Story(id="s", title="t", article_ids=("a", "b", "c"),
                  duplicates=(("c", "b"), ("b", "a")))
    assert duplicate_roots(chain) == {"a": "a", "b": "a", "c": "a"}
    cycle = Story(id="s", title="t", article_ids=("x", "y"), duplicates=(("x", "y"), ("y", "x")))
    assert independent_ids(cycle) == ("x",)
    outside = Story(id="s", title="t", article_ids=("p",), duplicates=(("p", "not-a-member"),))
    assert independent_ids(outside) == ("p",)
