"""The threshold search of the learning recipe (``stories/learn.py``, step 3): where it is run.

With ``per_set`` the thresholds are chosen on each labelled set as it comes (its own dates, or
none) and ``join``/``merge`` once more after the story-pair scorer; otherwise on the one mixed
stream, once. The clusterer runs of the search are replaced by a stand-in (``_run``) that records
what it was given and scores the thresholds from a table, so what is tested is the search itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from broadsheet.model import Article
from broadsheet.stories import learn as recipe
from broadsheet.stories.learn import LabelledSet, Scorer, learn, tune
from broadsheet.stories.score import FEATURES, PAIR_FEATURES, Model, PairModel
from test_stories import BAKERY, FIRE, SENATE

PAIRS = PairModel(weights=tuple([0.0] * (len(PAIR_FEATURES) + 1)), bias=0.0, threshold=0.5)
ANY = Model(weights=tuple([0.0] * len(FEATURES)), bias=0.0, join=0.5, merge=0.8)


def _sets() -> list[LabelledSet]:
    dated = [*FIRE, *BAKERY]
    bare = [dataclasses.replace(a, published=None) for a in SENATE]
    return [LabelledSet("dated", dated, [a.id[0] for a in dated]),
            LabelledSet("bare", bare, [a.id[0] for a in bare])]


def _stand_in(seen: list[tuple[str, float, bool]]) -> object:
    """A ``_run`` that records (set, join, story-pair scorer in) and prefers join 0.2 without
    the story-pair scorer, 0.5 with it."""
    def run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
        seen.append((labelled.name, model.join, model.pair is not None))
        best = 0.5 if model.pair is not None else 0.2
        return -abs(model.join - best)
    return run


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, float, bool]]:
    seen: list[tuple[str, float, bool]] = []
    monkeypatch.setattr(recipe, "_run", _stand_in(seen))
    monkeypatch.setattr(recipe, "tune_pair", lambda model, *a, **k: dataclasses.replace(model, pair=PAIRS))
    return seen


def test_per_set_thresholds_are_searched_on_each_set_as_it_comes(
        searched: list[tuple[str, float, bool]]) -> None:
    model = learn(_sets(), lambda gold, pred: 0.0, window_days=14, per_set=True)
    names = {name for name, _, _ in searched}
    assert names == {"dated", "bare", "dated without dates", "bare without dates"}
    assert model.join == 0.5  # searched again once the story-pair scorer was in


def test_the_stream_search_runs_once_on_the_mixed_stream(
        searched: list[tuple[str, float, bool]]) -> None:
    model = learn(_sets(), lambda gold, pred: 0.0, window_days=14, per_set=False)
    assert {name for name, _, _ in searched} == {  # the linkage's bar on the sets apart
        "mixed", "mixed without dates", "dated without dates", "bare without dates"}
    assert model.join == 0.2  # chosen before the story-pair scorer, never again
    assert not any(pair and join != 0.2 for _, join, pair in searched)


def test_each_set_weighs_the_same_whatever_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big set that wants 0.2 and a small one that wants 0.6 by more: the mean over the sets
    decides, not their sizes."""
    def run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
        wanted, slope = (0.2, 1.0) if labelled.name == "big" else (0.6, 2.0)
        return 1.0 - slope * abs(model.join - wanted)

    monkeypatch.setattr(recipe, "_run", run)
    big: Sequence[Article] = [*FIRE, *SENATE, *BAKERY] * 5
    sets = [LabelledSet("big", big, [str(i) for i in range(len(big))]),
            LabelledSet("small", BAKERY, ["c"])]
    assert tune(ANY, sets, lambda gold, pred: 0.0, window_days=14).join == 0.6


def test_a_point_ahead_of_its_neighbours_by_a_hair_does_not_decide(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Join 0.6 scores best alone, by a hair, between two poor points; 0.25 to 0.35 are all nearly
    as good: the search takes the middle of the plateau, where a small change of the stream cannot
    tip it to another threshold."""
    table = {0.2: 0.70, 0.25: 0.89, 0.3: 0.90, 0.35: 0.89, 0.4: 0.70, 0.5: 0.60, 0.6: 0.91}

    def run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
        return table[model.join] - (model.merge - model.join) / 100

    monkeypatch.setattr(recipe, "_run", run)
    monkeypatch.setattr(recipe, "SMOOTHED", True)
    sets = [LabelledSet("t", SENATE, [a.id[0] for a in SENATE])]
    assert tune(ANY, sets, lambda gold, pred: 0.0, window_days=14).join == 0.3
    monkeypatch.setattr(recipe, "SMOOTHED", False)
    assert tune(ANY, sets, lambda gold, pred: 0.0, window_days=14).join == 0.6


def test_the_sets_mixed_into_a_stream_are_scored_apart_and_weigh_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The scorer sees each set's articles on their own: a big set scoring 1 and a small one
    scoring 0 give 0.5, not the big set's share of the stream."""
    big: Sequence[Article] = [*FIRE, *SENATE]
    sets = [LabelledSet("big", big, [a.id[0] for a in big]),
            LabelledSet("small", BAKERY, [a.id[0] for a in BAKERY])]
    stream = recipe.mixed(sets)
    assert stream.sources is not None and set(stream.sources) == {"big", "small"}
    assert recipe.dateless(stream).sources == stream.sources

    def scorer(gold: Sequence[str], pred: Sequence[str]) -> float:
        assert len({g.split(":")[0] for g in gold}) == 1  # one set's articles at a time
        return 1.0 if gold[0].startswith("big:") else 0.0

    monkeypatch.setattr(recipe, "SETS_WEIGH_SAME", True)
    assert recipe._run(ANY, stream, scorer, 14) == 0.5


def test_a_snippet_is_an_articles_title_and_first_sentence_without_its_date() -> None:
    told = [*FIRE, *SENATE]
    stream = recipe.mixed([LabelledSet("news", told, [a.id[0] for a in told])])
    short = recipe.snippets(stream)
    assert short.labels == stream.labels and short.sources == stream.sources
    for long, item in zip(stream.articles, short.articles, strict=True):
        assert item.published is None and item.title == long.title and item.id == long.id
        (sentence,) = item.paragraphs
        assert long.paragraphs[0].startswith(sentence)
    (house,) = (a for a in short.articles if a.id.endswith("b3"))
    assert house.paragraphs[0].endswith("a larger budget package.")  # the vote's sentence gone


def test_the_undated_thresholds_can_be_searched_one_after_the_other(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``UNDATED_IN_TURN`` the article scorer's undated merges are chosen on the snippets
    with the story-pair scorer's undated merges off (a table that prefers 0.8 there), then the
    story-pair scorer's on the stream without dates with that choice held (a table that prefers
    0.6 given 0.8); off, one grid of the two together on the stream without dates, whose best
    point alone is (0.7, 0.4)."""
    seen: list[tuple[str, float | None, float | None]] = []

    def run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
        assert model.pair is not None
        seen.append((labelled.name, model.merge_undated, model.pair.undated))
        if labelled.name.endswith("snippets"):
            return 1.0 - abs((model.merge_undated or 0.0) - 0.8)
        if (model.merge_undated, model.pair.undated) == (0.7, 0.4):
            return 2.0
        return 1.0 - abs((model.pair.undated or 0.0) - 0.6)

    monkeypatch.setattr(recipe, "_run", run)
    monkeypatch.setattr(recipe, "UNDATED_IN_TURN", True)
    sets = [LabelledSet("t", SENATE, [a.id[0] for a in SENATE])]
    model = dataclasses.replace(ANY, join=0.4, pair=PAIRS)
    tuned = recipe.tune_undated(model, sets, lambda gold, pred: 0.0, window_days=14)
    assert tuned.merge_undated == 0.8 and tuned.pair is not None and tuned.pair.undated == 0.6
    assert {u for name, _, u in seen if name == "t snippets"} == {recipe.PAIR_GRID[-1]}
    assert {m for name, m, _ in seen if name == "t without dates"} == {0.8}
    monkeypatch.setattr(recipe, "UNDATED_IN_TURN", False)
    seen.clear()
    tuned = recipe.tune_undated(model, sets, lambda gold, pred: 0.0, window_days=14)
    assert (tuned.merge_undated, tuned.pair and tuned.pair.undated) == (0.7, 0.4)
    assert {name for name, _, _ in seen} == {"t without dates"}


def test_the_linkage_bar_is_chosen_last_on_the_stream_without_dates(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 6 (``LEARN_LINK``): ``Model.link`` is searched on the sets without their dates, the
    thresholds chosen before it held; None (the linkage off) when no bar pays."""
    seen: list[tuple[str, float | None, float]] = []

    def run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
        seen.append((labelled.name, model.link, model.join))
        return -abs((model.link or 1.0) - wanted)

    monkeypatch.setattr(recipe, "_run", run)
    sets = [LabelledSet("t", SENATE, [a.id[0] for a in SENATE])]
    wanted = 0.4
    linked = recipe.tune_link(ANY, sets, lambda gold, pred: 0.0, window_days=14)
    assert linked == dataclasses.replace(ANY, link=0.4)
    assert {name for name, _, _ in seen} == {"t without dates"}
    assert {join for _, _, join in seen} == {ANY.join}
    wanted = 5.0  # every bar costs
    assert recipe.tune_link(ANY, sets, lambda gold, pred: 0.0, window_days=14).link is None


def test_the_recipe_learns_no_linkage_bar_unless_asked(
        searched: list[tuple[str, float, bool]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recipe, "LEARN_LINK", False)
    assert learn(_sets(), lambda gold, pred: 0.0, window_days=14).link is None
    given: list[str] = []

    def tune_link(model: Model, sets: Sequence[LabelledSet], *args: object,
                  **kwargs: object) -> Model:
        given.extend(s.name for s in sets)
        return dataclasses.replace(model, link=0.3)

    monkeypatch.setattr(recipe, "LEARN_LINK", True)
    monkeypatch.setattr(recipe, "tune_link", tune_link)
    assert learn(_sets(), lambda gold, pred: 0.0, window_days=14).link == 0.3
    assert given == ["dated", "bare"]  # each set apart, not the mixed stream
