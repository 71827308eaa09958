"""The full-names probe (``stories/fullnames.py``, stories round 56), switched off.

The stories are laid out by hand (each article starts a story, then some are merged) and the
merge pass is told to accept every pair, so the tests read the rule alone. Members keep their full
names only while the rule is on (``engine._people``), so the tests switch ``fullnames.LEAST`` on
where they prepare articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, features, fullnames, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.features import NAME_PREFIX, full_names
from broadsheet.stories.index import StoryState
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.persist import decode_state, encode_state
from broadsheet.stories.score import Matrix
from broadsheet.stories.sparse import bucket
from test_stories import ALL, CAUTIOUS, art


@pytest.fixture(autouse=True)
def kept() -> Iterator[None]:
    """Members keep their full names (the rule on where a test asks it)."""
    old = fullnames.LEAST
    fullnames.LEAST = fullnames.PROBE
    yield
    fullnames.LEAST = old


def item(id_: str, player: str, lead: str | None = None) -> Article:
    """A report of a player arrested, under his name."""
    lead = lead or (f"The Chargers said defensive tackle {player} was arrested on suspicion of "
                    "drunk driving early on Sunday.")
    return art(id_, f"{player} arrested on suspicion of DUI", lead, published=None)


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]],
             least: int = fullnames.PROBE) -> tuple[Clusterer, StoryIndex]:
    """Every article a story of its own, each group of ``stories`` merged into its first; the
    merge pass accepts every pair it is shown."""
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, lone_neighbours=None, full_names=least)
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


def players(per: int = 3) -> list[Article]:
    return ([item(f"w{i}", "Jamal Williams") for i in range(per)]
            + [item(f"j{i}", "Vincent Jackson") for i in range(per)])


def groups(per: int = 3) -> list[list[str]]:
    return [[f"w{i}" for i in range(per)], [f"j{i}" for i in range(per)]]


def stories_of(articles: Sequence[Article], layout: Sequence[Sequence[str]]) -> list[StoryState]:
    _, index = laid_out(articles, layout)
    return [index.stories[story_id(g[0])] for g in layout]


def name(phrase: str) -> int:
    return bucket(NAME_PREFIX + phrase)


def test_full_names_are_phrases_of_two_capitalised_words_or_more() -> None:
    found = set(full_names("Jamal Williams arrested", "The Chargers said Jamal Williams was held "
                           "in San Diego after a crash on Interstate 15 at 2.30 a.m."))
    assert found == {name("jamal williams"), name("san diego")}
    assert name("chargers") not in found and name("interstate") not in found  # single words: none


def test_surnames_key_a_full_name_by_its_last_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "SURNAMES", True)
    assert set(full_names("Obama signs the rule", "President Barack Obama and New Zealand's "
                          "premier met.")) == {name("obama"), name("zealand")}


def test_two_stories_each_under_its_own_name_are_not_joined() -> None:
    engine, index = laid_out(players(), groups())
    assert engine.settle() == 0
    assert index.where["w0"] != index.where["j0"]


def test_off_the_same_stories_merge() -> None:
    engine, index = laid_out(players(), groups(), least=0)
    assert engine.settle() == 1
    assert index.where["w0"] == index.where["j0"]


def test_stories_smaller_than_the_least_are_never_refused() -> None:
    engine, index = laid_out(players(per=2), groups(per=2))
    assert engine.settle() == 1
    assert index.where["w0"] == index.where["j0"]


def test_a_story_holding_the_other_name_is_not_refused() -> None:
    # the second story's leads name Williams too: his name is not the first story's own
    lead = "Vincent Jackson was arrested, weeks after teammate Jamal Williams was."
    both = [item(f"b{i}", "Vincent Jackson", lead) for i in range(3)]
    williams, jackson = stories_of([*players()[:3], *both], [["w0", "w1", "w2"], ["b0", "b1", "b2"]])
    assert fullnames.own_name(jackson, williams)
    assert not fullnames.own_name(williams, jackson)
    assert not fullnames.refuses(williams, jackson, fullnames.PROBE)
    assert fullnames.refuses(williams, jackson, fullnames.PROBE, both=False)  # either side: refused
    assert fullnames.refuses(*stories_of(players(), groups()), fullnames.PROBE)
    assert not fullnames.refuses(*stories_of(players(), groups()), 0)  # off


def test_the_linkage_does_not_join_them_either() -> None:
    for probe, apart in ((fullnames.PROBE, True), (0, False)):
        index = StoryIndex(window_days=14)
        eager = dataclasses.replace(CAUTIOUS, merge=0.5, link=0.01)
        engine = Clusterer(index, eager, lone_neighbours=None, full_names=probe)
        engine.add_all(prepare(a) for a in players(per=4))
        assert (index.where["w0"] != index.where["j0"]) is apart


def test_a_members_full_names_are_stored_and_read_back() -> None:
    (story,) = stories_of(players()[:3], [["w0", "w1", "w2"]])
    again = decode_state(encode_state(story))
    assert [m.people for m in again.members] == [m.people for m in story.members]
    assert again.members[0].people == (name("jamal williams"),)


def test_the_probe_ships_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fullnames, "LEAST", 0)
    assert Clusterer(StoryIndex(window_days=14)).full_names == 0
    assert prepare(players()[0]).member.people == ()  # off: no member keeps any (no cost)


def test_the_recipe_reads_no_full_names(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = fullnames.refuses

    def counted(one: StoryState, other: StoryState, least: int = fullnames.PROBE,
                both: bool | None = None) -> bool:
        calls.append(least)
        return real(one, other, least, both)

    monkeypatch.setattr(fullnames, "refuses", counted)
    short = [*players(), *(art(a.id, a.title, a.paragraphs[0], published=None) for a in ALL)]
    labelled = LabelledSet("t", short, [a.id[0] for a in short], None)
    eager = dataclasses.replace(CAUTIOUS, merge=0.5)
    _run(eager, labelled, lambda gold, pred: 1.0, 14)  # the recipe: asked with 0, never refuses
    assert calls and all(c == 0 for c in calls)
    calls.clear()
    cluster_articles(short, model=eager, full_names=fullnames.PROBE)  # the probe: asked
    assert calls and all(c == fullnames.PROBE for c in calls)
