"""The merge pass's names veto on stories of short items (``stories/namesveto.py``, round 44).

The stories are laid out by hand (each article starts a story, then some are merged) and the
merge pass is told to accept every pair, so the tests read the veto alone.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, namesveto, prepare
from broadsheet.stories.engine import story_id
from broadsheet.stories.index import StoryState
from broadsheet.stories.learn import LabelledSet, _run
from broadsheet.stories.persist import decode_state, encode_state
from broadsheet.stories.score import Matrix
from test_stories import ALL, CAUTIOUS, art

FILLER = ("the team said on Monday that the player was held overnight and released after a "
          "hearing, and the club would review the case with the league before the next game "
          "of the season, according to a statement read to reporters at the training ground ")


def item(id_: str, player: str, *, long: bool = False) -> Article:
    """A short report (headline and excerpt) of a player arrested, or a long one (over 100
    body words)."""
    lead = f"Quarterback {player} was arrested for drunk driving, police said."
    return art(id_, f"Quarterback {player} arrested for drunk driving",
               lead + (" " + FILLER * 3 if long else ""), published=None)


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]],
             names_veto: int = namesveto.PROBE) -> tuple[Clusterer, StoryIndex]:
    """Every article a story of its own, each group of ``stories`` merged into its first; the
    merge pass accepts every pair it is shown."""
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, lone_neighbours=None, names_veto=names_veto)
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


def two_players(*, long: bool = False) -> list[Article]:
    return [item("s1", "Smith", long=long), item("s2", "Smith", long=long),
            item("j1", "Jones", long=long), item("j2", "Jones", long=long)]


PLAYERS = [["s1", "s2"], ["j1", "j2"]]


def test_two_stories_of_short_items_naming_different_people_are_not_merged() -> None:
    engine, index = laid_out(two_players(), PLAYERS)
    assert engine.settle() == 0
    assert len(index.stories) == 2
    assert index.where["s1"] != index.where["j1"]


def test_without_the_veto_the_same_stories_merge() -> None:
    engine, index = laid_out(two_players(), PLAYERS, names_veto=0)
    assert engine.settle() == 1
    assert index.where["s1"] == index.where["j1"]


def test_stories_of_long_documents_are_never_vetoed() -> None:
    articles = two_players(long=True)
    assert all(len(a.text.split()) >= namesveto.SHORT for a in articles)
    engine, index = laid_out(articles, PLAYERS)
    assert engine.settle() == 1
    assert index.where["s1"] == index.where["j1"]


def test_one_long_member_makes_a_story_not_short() -> None:
    articles = [*two_players()[:3], item("j2", "Jones", long=True)]
    engine, _ = laid_out(articles, PLAYERS)
    assert engine.settle() == 1


def test_stories_naming_the_same_people_merge() -> None:
    articles = [item("s1", "Smith"), item("s2", "Smith"), item("t1", "Smith"), item("t2", "Smith")]
    engine, _ = laid_out(articles, [["s1", "s2"], ["t1", "t2"]])
    assert engine.settle() == 1


def test_a_lone_article_is_never_vetoed() -> None:
    articles = [item("s1", "Smith"), item("s2", "Smith"), item("j1", "Jones")]
    engine, _ = laid_out(articles, [["s1", "s2"], ["j1"]])
    assert engine.settle() == 1


def stories_of(articles: Sequence[Article], groups: Sequence[Sequence[str]]) -> list[StoryState]:
    _, index = laid_out(articles, groups)
    return [index.stories[story_id(g[0])] for g in groups]


def test_the_rule_needs_a_name_missing_on_both_sides() -> None:
    smith, jones = stories_of(two_players(), PLAYERS)
    assert namesveto.refuses(smith, jones, namesveto.PROBE)
    assert namesveto.refuses(jones, smith, namesveto.PROBE)
    assert not namesveto.refuses(smith, jones, 0)  # off
    # a story naming both holds every name of each: neither misses one of it
    both = art("b1", "Quarterback Smith and Jones arrested for drunk driving",
               "Quarterback Smith and Jones were arrested for drunk driving, police said.",
               published=None)
    smith, mixed = stories_of([*two_players()[:2], both, item("b2", "Jones")],
                              [["s1", "s2"], ["b1", "b2"]])
    assert namesveto.core_missing(mixed, smith)
    assert not namesveto.core_missing(smith, mixed)
    assert not namesveto.refuses(smith, mixed, namesveto.PROBE)


def test_a_member_of_unknown_length_makes_a_story_not_short() -> None:
    smith, jones = stories_of(two_players(), PLAYERS)
    assert namesveto.short(smith, namesveto.PROBE)
    smith.members[0] = type(smith.members[0])(**{**vars(smith.members[0]), "words": None})
    assert not namesveto.short(smith, namesveto.PROBE)
    assert not namesveto.refuses(smith, jones, namesveto.PROBE)


def test_the_veto_ships_switched_off() -> None:
    assert namesveto.SHORT == 0
    index = StoryIndex(window_days=14)
    assert Clusterer(index).names_veto == 0


def test_the_recipe_reads_no_names_veto(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = namesveto.refuses

    def counted(one: StoryState, other: StoryState, below: int = namesveto.PROBE) -> bool:
        calls.append(below)
        return real(one, other, below)

    monkeypatch.setattr(namesveto, "refuses", counted)
    short = [*two_players(), *(art(a.id, a.title, a.paragraphs[0], published=None) for a in ALL)]
    labelled = LabelledSet("t", short, [a.id[0] for a in short], None)
    eager = dataclasses.replace(CAUTIOUS, merge=0.5)  # the merge pass accepts what it reads
    _run(eager, labelled, lambda gold, pred: 1.0, 14)  # the recipe: off
    assert calls == []
    cluster_articles(short, model=eager)  # shipped: off, never asked
    assert calls == []
    cluster_articles(short, model=eager, names_veto=namesveto.PROBE)  # the probe: asked
    assert calls and all(b == namesveto.PROBE for b in calls)


def test_member_lengths_are_stored_and_older_states_read_as_unknown() -> None:
    smith, _ = stories_of(two_players(), PLAYERS)
    again = decode_state(encode_state(smith))
    assert [m.words for m in again.members] == [m.words for m in smith.members]
    assert namesveto.short(again, namesveto.PROBE)
    raw = zlib.decompress(encode_state(smith))
    size = int.from_bytes(raw[:4], "little")
    header = json.loads(raw[4 : 4 + size])
    for member in header["members"]:
        del member["words"]  # a state stored before stories round 44
    old = json.dumps(header).encode("utf-8")
    older = decode_state(zlib.compress(len(old).to_bytes(4, "little") + old + raw[4 + size :]))
    assert [m.words for m in older.members] == [None, None]
    assert not namesveto.short(older, namesveto.PROBE)
