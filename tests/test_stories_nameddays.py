"""The named-days rule (``stories/nameddays.py``, stories round 58), switched off.

An undated article's text places its event by the days it names; a dated story whose span none of
them is near is another event. The stories are laid out by hand (each article starts a story, then
some are merged) and the merge pass is told to accept every pair, so the tests read the rule alone.
Members keep their named days only while the rule is on (``engine._named``), so the tests switch
``nameddays.NEAR`` on where they prepare articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, nameddays, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.index import StoryState
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.persist import decode_state, encode_state
from broadsheet.stories.score import Matrix
from test_stories import CAUTIOUS, art


@pytest.fixture(autouse=True)
def kept() -> Iterator[None]:
    """Members keep their named days (the rule on where a test asks it)."""
    old = nameddays.NEAR
    nameddays.NEAR = nameddays.PROBE
    yield
    nameddays.NEAR = old


LEAD = ("The actress checked into a rehab centre in Malibu, her publicist said, after a judge "
        "ordered ninety days of treatment.")


def rehab(id_: str, published: str | None, named: str = "") -> Article:
    """A report of an actress entering rehab; ``named`` adds a sentence naming a day."""
    return art(id_, "Actress checks into rehab centre in Malibu", f"{LEAD} {named}".strip(),
               published=published)


DATED = [rehab(f"d{i}", "2013-05-02") for i in range(3)]  # the later stay, dated
FAR = [rehab("u0", None, "She entered the centre on December 9."),  # the earlier stay, undated
       rehab("u1", None)]
NEAR = [rehab("v0", None, "She entered the centre on May 1."), rehab("v1", None)]


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]],
             near: float = nameddays.PROBE) -> tuple[Clusterer, StoryIndex]:
    """Every article a story of its own, each group of ``stories`` merged into its first; the
    merge pass accepts every pair it is shown."""
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, lone_neighbours=None, named_days=near)
    for article in articles:
        prepared = prepare(article)
        index.idf.add(prepared.features.terms)
        engine._start(prepared, indexed=True)
    for group in stories:
        for other in group[1:]:
            index.merge(index.stories[story_id(group[0])], index.stories[story_id(other)])

    def every(rows: Matrix, size: int) -> npt.NDArray[np.bool_]:
        return np.ones(len(rows), dtype=np.bool_)

    engine.pass_merges = every  # type: ignore[method-assign]
    engine.touched = {story_id(group[0]) for group in stories}
    return engine, index


def stories_of(articles: Sequence[Article], layout: Sequence[Sequence[str]]) -> list[StoryState]:
    _, index = laid_out(articles, layout)
    return [index.stories[story_id(g[0])] for g in layout]


def test_named_days_with_and_without_a_year() -> None:
    assert nameddays.named("Arrested on March 11, 2005, he was freed on 3 April.") == (403, 20050311)
    assert nameddays.named("Held since February 30 and 31 June.") == ()  # no such days
    assert nameddays.named("He won 30 games in May.") == ()  # a month with no day


def test_a_day_without_a_year_is_placed_in_the_nearest_year() -> None:
    span = [float(nameddays.date(2014, 1, 5).toordinal())]
    assert nameddays.placed([1230], span)  # December 30: six days before, across the new year
    assert not nameddays.placed([20131230], [span[0] + 400])  # its year written: far
    assert not nameddays.placed([615], span)  # June 15: half a year off


def test_an_undated_story_naming_a_far_day_is_not_joined_to_a_dated_one() -> None:
    engine, index = laid_out([*DATED, *FAR], [["d0", "d1", "d2"], ["u0", "u1"]])
    assert engine.settle() == 0
    assert index.where["d0"] != index.where["u0"]


def test_off_or_naming_a_near_day_they_merge() -> None:
    engine, index = laid_out([*DATED, *FAR], [["d0", "d1", "d2"], ["u0", "u1"]], near=0)
    assert engine.settle() == 1 and index.where["d0"] == index.where["u0"]
    engine, index = laid_out([*DATED, *NEAR], [["d0", "d1", "d2"], ["v0", "v1"]])
    assert engine.settle() == 1 and index.where["d0"] == index.where["v0"]


def test_naming_no_day_or_no_dated_side_is_no_evidence() -> None:
    dated, quiet = stories_of([*DATED, rehab("q0", None), rehab("q1", None)],
                              [["d0", "d1", "d2"], ["q0", "q1"]])
    assert not nameddays.refuses(dated, quiet)
    far, undated = stories_of([*FAR, rehab("q0", None)], [["u0", "u1"], ["q0"]])
    assert not nameddays.refuses(far, undated)  # neither side dated: no span to place it
    dated, far = stories_of([*DATED, *FAR], [["d0", "d1", "d2"], ["u0", "u1"]])
    assert nameddays.refuses(dated, far) and nameddays.refuses(far, dated)  # read both ways
    assert not nameddays.refuses(dated, far, 0)  # off


def test_a_dated_article_does_not_join_an_undated_story_placed_elsewhere() -> None:
    (far,) = stories_of(FAR, [["u0", "u1"]])
    assert nameddays.refuses_member(far, prepare(DATED[0]).member)
    assert not nameddays.refuses_member(far, prepare(rehab("d9", "2012-12-10")).member)
    assert not nameddays.refuses_member(far, prepare(DATED[0]).member, 0)


def test_the_linkage_does_not_join_them_either() -> None:
    for near, apart in ((nameddays.PROBE, True), (0, False)):
        index = StoryIndex(window_days=14)
        eager = dataclasses.replace(CAUTIOUS, merge=0.5, link=0.01)
        engine = Clusterer(index, eager, lone_neighbours=None, named_days=near)
        engine.add_all(prepare(a) for a in [*DATED, *FAR])
        assert (index.where["d0"] != index.where["u0"]) is apart


def test_a_members_named_days_are_stored_and_read_back() -> None:
    (story,) = stories_of(FAR, [["u0", "u1"]])
    again = decode_state(encode_state(story))
    assert [m.named for m in again.members] == [(1209,), ()]


def test_the_rule_ships_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameddays, "NEAR", 0.0)
    assert Clusterer(StoryIndex(window_days=14)).named_days == 0
    assert prepare(FAR[0]).member.named == ()  # off: no member keeps any (no cost)


def test_the_recipe_reads_no_named_days(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    real = nameddays.refuses

    def counted(one: StoryState, other: StoryState, near: float = nameddays.PROBE) -> bool:
        calls.append(near)
        return real(one, other, near)

    monkeypatch.setattr(nameddays, "refuses", counted)
    short = [*DATED, *FAR]
    labelled = LabelledSet("t", short, [a.id[0] for a in short], None)
    eager = dataclasses.replace(CAUTIOUS, merge=0.5, link=0.01)
    _run(eager, labelled, lambda gold, pred: 1.0, 14)  # the recipe: asked with 0, never refuses
    assert calls and all(c == 0 for c in calls)
    calls.clear()
    cluster_articles(short, model=eager, named_days=nameddays.PROBE)  # the rule: asked
    assert calls and all(c == nameddays.PROBE for c in calls)
