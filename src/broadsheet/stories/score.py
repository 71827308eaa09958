"""How likely an article (or a smaller story) belongs to a story: a learned logistic scorer.

For an (article, story) pair it computes ``FEATURES``:

- ``title``, ``lead``, ``names``, ``all``: cosines of the IDF-weighted title, lead, names and
  title+lead vectors of the two sides (0 when a side has none);
- ``cross``: the article's title against the story's lead, or its lead against the story's titles,
  whichever is higher (a headline often only paraphrases what another outlet's lead says);
- ``has_title`` / ``has_names``: 1 when both sides have that field (so a missing headline is not
  read as a different one);
- ``gap``: log(1 + days to the nearest member), ``undated``: 1 when either side has no date;
- ``size``: log of the story's member count (a big story's centroid is blurrier), counted up to
  ``Model.size_cap``, the largest story of the training stream (Google News topics of 400 items
  are not scored as if the penalty learned on stories of 3 to 22 kept growing);
- ``rare_title`` / ``rare_names``: the rarity (IDF over the IDF of an unseen term) of the rarest
  title word / name the two sides share, 0 when they share none: one shared rare name ("Redding",
  "WeWork") says more than many shared common words, and a name common across unrelated stories
  ("New York") has a low IDF, so it says little;
- ``best`` / ``second``: the best and second-best cosine (title + lead, IDF-weighted) of the side
  with one of the story's exemplars, the newest ``index.EXEMPLARS`` members (``Exemplars``,
  ``best_members``); a story is compared member to member the same way, its own exemplars against
  the other's. A story whose centroid has drifted (a developing event, two halves merged) still
  takes an article that repeats one of its members, and a bounded number of members keeps the
  cost per article constant.

The probability is ``sigmoid(bias + weights . features)``. Weights, bias and the two decision
thresholds (``join``: the best story takes the article; ``merge``: two stories become one) are
learned from labelled story sets by ``stories/learn.py``; ``DEFAULT_MODEL`` holds the values learned
on every development set (see the README for the leave-one-set-out figures).

Two stories are compared with the same features, but a story's centroid is not an article: scores
of story pairs are distributed differently (a split story's halves rarely reach the article
threshold ``merge``). So a second logistic scorer, ``PairModel``, is learned on story pairs (the
stories the clusterer left apart, each against its index candidates, labelled by whether they hold
the same event) over ``PAIR_FEATURES``: ``FEATURES`` plus ``side_size``, the log member count of
the story being compared. Two stories merge when either scorer says so (``Model.merges``). Pairs
in which a story has no date meet thresholds of their own (``Model.merge_undated``,
``PairModel.undated``), chosen on the training stream with its dates removed.

All candidates of an article are scored at once: the article's fields are scattered into dense
scratch arrays (``Scratch``), every candidate's terms gather from them, and the sums per story come
from one ``reduceat``, so scoring ten stories costs a handful of array operations. Pure: no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from broadsheet.stories.index import WeightedStory
from broadsheet.stories.sparse import DIM, Idf, Sparse, Weighted

FEATURES = ("title", "lead", "names", "all", "cross", "has_title", "has_names", "gap", "undated",
            "size", "rare_title", "rare_names", "best", "second")
PAIR_FEATURES = (*FEATURES, "side_size")
Matrix = npt.NDArray[np.float64]


def _sigmoid(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))), dtype=np.float64)


@dataclass(frozen=True)
class PairModel:
    """A logistic scorer of story pairs over ``PAIR_FEATURES`` and its merge thresholds:
    ``threshold`` for two stories with dates, ``undated`` when either has none (None: the same).
    Without dates, two stories of the same kind of event (two weeks' jobless claims) differ only
    in their words, so the recipe may ask more of them."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    undated: float | None = None

    def probabilities(self, features: Matrix, side_size: int) -> npt.NDArray[np.float64]:
        """The probability of each row of a ``feature_matrix`` of a story of ``side_size``."""
        sides = np.full((len(features), 1), math.log(max(1, side_size)))
        return _sigmoid(np.hstack([features, sides]) @ np.asarray(self.weights) + self.bias)

    def thresholds(self, features: Matrix) -> npt.NDArray[np.float64]:
        """The threshold each row must reach (``undated`` for rows without a gap)."""
        undated = self.threshold if self.undated is None else self.undated
        without = features[:, FEATURES.index("undated")] > 0
        return np.where(without, undated, self.threshold)

    def at_least(self, join: float) -> PairModel:
        """Both thresholds raised to ``join`` at least."""
        undated = None if self.undated is None else max(self.undated, join)
        return replace(self, threshold=max(self.threshold, join), undated=undated)


@dataclass(frozen=True)
class Model:
    """A logistic scorer over ``FEATURES``, its two decision thresholds, and the story-pair
    scorer (None: stories merge on the article scorer alone). ``link``: the bar of the
    linkage (``linkage.py``) that places a batch's undated articles, the article scorer's for a
    side of fewer than ``linkage.PAIR_FROM`` members; None: they are placed one by one as dated
    ones are (docs/quality-history.md, stories round 27)."""

    weights: tuple[float, ...]
    bias: float
    join: float = 0.5
    merge: float = 0.9
    pair: PairModel | None = None
    size_cap: int | None = None  # the largest story learned from: bigger ones count as this big
    merge_undated: float | None = None  # ``merge`` for story pairs without a gap (None: the same)
    link: float | None = None  # the linkage's bar for a batch's undated articles (None: off)

    def capped(self, size: int) -> int:
        """A story's size as the scorers read it: never beyond ``size_cap`` (the weights of the
        size features were learned on stories up to that size, and are not extrapolated)."""
        return size if self.size_cap is None else min(size, self.size_cap)

    def probabilities(self, features: Matrix) -> npt.NDArray[np.float64]:
        """The probability of each row of a ``feature_matrix``."""
        return _sigmoid(features @ np.asarray(self.weights) + self.bias)

    def at_least(self, join: float) -> Model:
        """This model with every threshold raised to ``join`` at least (a stricter setting: the
        article must reach ``join`` to join, two stories to merge on either scorer, and two
        undated ones to link)."""
        pair = self.pair and self.pair.at_least(join)
        undated = None if self.merge_undated is None else max(self.merge_undated, join)
        link = None if self.link is None else max(self.link, join)
        return replace(self, join=join, merge=max(self.merge, join), pair=pair,
                       merge_undated=undated, link=link)

    def merges(self, features: Matrix, side_size: int) -> npt.NDArray[np.bool_]:
        """For each row (a story of ``side_size`` members against another story), whether the
        two are one story: the article scorer reaches ``merge`` or the pair scorer its threshold."""
        merge = self.merge if self.merge_undated is None else self.merge_undated
        without = features[:, FEATURES.index("undated")] > 0
        said = self.probabilities(features) >= np.where(without, merge, self.merge)
        if self.pair is not None:
            chances = self.pair.probabilities(features, self.capped(side_size))
            said |= chances >= self.pair.thresholds(features)
        return np.asarray(said, dtype=np.bool_)


class Scratch:
    """Dense copies of one side's weighted title, lead and names (zero everywhere else)."""

    def __init__(self) -> None:
        self.title = np.zeros(DIM, dtype=np.float32)
        self.lead = np.zeros(DIM, dtype=np.float32)
        self.names = np.zeros(DIM, dtype=np.float32)
        self.rare_title = np.zeros(DIM, dtype=np.float32)
        self.rare_names = np.zeros(DIM, dtype=np.float32)
        self.all = np.zeros(DIM, dtype=np.float32)  # one member's vector (``best_members``)

    @contextmanager
    def holding(self, side: WeightedStory) -> Iterator[Scratch]:
        """Scatter ``side`` into the arrays for the duration of the block, then clear them."""
        pairs = ((self.title, side.title.ids, side.title.vals),
                 (self.lead, side.lead.ids, side.lead.vals),
                 (self.names, side.names.ids, side.names.vals),
                 (self.rare_title, side.title.ids, side.rare_title),
                 (self.rare_names, side.names.ids, side.rare_names))
        for dense, ids, vals in pairs:
            dense[ids] = vals
        try:
            yield self
        finally:
            for dense, ids, _ in pairs:
                dense[ids] = 0.0


def _gather(denses: Sequence[npt.NDArray[np.float32]],
            vectors: Sequence[Weighted]) -> list[npt.NDArray[np.float64]]:
    """For each of ``denses``, the dot product of it with each vector (the vectors' ids and
    values are joined once, whatever the number of dense arrays)."""
    lengths = np.array([len(v.ids) for v in vectors])
    if not lengths.sum():
        return [np.zeros(len(vectors)) for _ in denses]
    ids = np.concatenate([v.ids for v in vectors])
    vals = np.concatenate([v.vals for v in vectors]).astype(np.float64)
    starts = np.minimum(np.concatenate([[0], np.cumsum(lengths)[:-1]]), len(ids))
    found = []
    for dense in denses:
        products = np.append(dense[ids] * vals, 0.0)
        found.append(np.where(lengths > 0, np.add.reduceat(products, starts), 0.0))
    return found


def _most(dense: npt.NDArray[np.float32], vectors: Sequence[Weighted]) -> npt.NDArray[np.float64]:
    """For each vector, the largest value of ``dense`` at its ids (0 for an empty vector)."""
    lengths = np.array([len(v.ids) for v in vectors])
    if not lengths.sum():
        return np.zeros(len(vectors))
    ids = np.concatenate([v.ids for v in vectors])
    starts = np.minimum(np.concatenate([[0], np.cumsum(lengths)[:-1]]), len(ids))
    values = np.append(dense[ids].astype(np.float64), 0.0)
    return np.where(lengths > 0, np.maximum.reduceat(values, starts), 0.0)


def _ratio(num: npt.NDArray[np.float64], den: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    safe = np.where(den > 0, den, 1.0)
    return np.where(den > 0, num / safe, 0.0)


@dataclass(frozen=True)
class Exemplars:
    """Members' title + lead vectors, IDF-weighted, of several stories in a row: ``ids`` and
    ``vals`` of every vector joined, each vector's ``lengths`` and ``norms``, and ``story``: which
    story (0, 1 ...) each vector belongs to, ``rank`` its place among that story's."""

    ids: npt.NDArray[np.int32]
    vals: npt.NDArray[np.float64]
    lengths: npt.NDArray[np.int64]
    norms: npt.NDArray[np.float64]
    story: npt.NDArray[np.int64]
    rank: npt.NDArray[np.int64]
    stories: int

    @classmethod
    def weigh(cls, idf: Idf, groups: Sequence[Sequence[Sparse]]) -> Exemplars:
        """The exemplars of each story of ``groups`` weighted by ``idf`` (in one pass)."""
        vectors = [v for group in groups for v in group]
        lengths = np.array([len(v) for v in vectors], dtype=np.int64)
        story = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        rank = np.concatenate([np.arange(len(g)) for g in groups] or [np.zeros(0, np.int64)])
        if not lengths.sum():
            zeros = np.zeros(len(vectors))
            return cls(np.zeros(0, np.int32), zeros, lengths, zeros, story, rank, len(groups))
        ids = np.concatenate([v.ids for v in vectors])
        vals = np.concatenate([v.vals for v in vectors]).astype(np.float64)
        vals *= idf.weights(ids)
        squares = np.add.reduceat(np.append(vals * vals, 0.0), _starts(lengths, len(ids)))
        norms = np.sqrt(np.where(lengths > 0, squares, 0.0))
        return cls(ids, vals, lengths, norms, story, rank, len(groups))

    def dots(self, dense: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """The dot product of ``dense`` with each vector."""
        if not len(self.ids):
            return np.zeros(len(self.lengths))
        products = np.append(dense[self.ids] * self.vals, 0.0)
        return np.where(self.lengths > 0,
                        np.add.reduceat(products, _starts(self.lengths, len(self.ids))), 0.0)


def _starts(lengths: npt.NDArray[np.int64], total: int) -> npt.NDArray[np.int64]:
    """Where each of the joined vectors of ``lengths`` begins, for ``np.add.reduceat`` (an empty
    vector at the end points at the 0 appended past the last value)."""
    starts: npt.NDArray[np.int64] = np.minimum(np.concatenate([[0], np.cumsum(lengths)[:-1]]), total)
    return starts


def best_members(scratch: Scratch, side: Sequence[Weighted], found: Exemplars) -> Matrix:
    """For each story of ``found``, the best and second-best cosine of one of its members with
    one of ``side``'s (an article: itself; a story: its exemplars), 0 when there is none."""
    table = np.zeros((found.stories, 1 + int(found.rank.max(initial=0))))
    for vector in side:
        if not vector.norm:
            continue
        scratch.all[vector.ids] = vector.vals
        cosines = _ratio(found.dots(scratch.all), found.norms * vector.norm)
        scratch.all[vector.ids] = 0.0
        np.maximum.at(table, (found.story, found.rank), cosines)
    ranked = -np.sort(-table, axis=1)
    second = ranked[:, 1] if ranked.shape[1] > 1 else np.zeros(found.stories)
    return np.column_stack([ranked[:, 0], second])


def feature_matrix(side: WeightedStory, scratch: Scratch, stories: Sequence[WeightedStory],
                   gaps: Sequence[float | None], sizes: Sequence[int],
                   members: Matrix | None = None) -> Matrix:
    """One row of ``FEATURES`` per story, ``side`` (an article or a story) against each
    (``members``: the ``best_members`` columns, zeros when not given)."""
    titles, leads = [s.title for s in stories], [s.lead for s in stories]
    with scratch.holding(side):
        tt, lt = _gather((scratch.title, scratch.lead), titles)
        ll, tl = _gather((scratch.lead, scratch.title), leads)
        (nn,) = _gather((scratch.names,), [s.names for s in stories])
        rare_title = _most(scratch.rare_title, titles)
        rare_names = _most(scratch.rare_names, [s.names for s in stories])
    st, sl = np.array([t.norm for t in titles]), np.array([v.norm for v in leads])
    sn = np.array([s.names.norm for s in stories])
    s_all = np.array([s.all_norm for s in stories])
    gap = np.array([math.log1p(g) if g is not None else 0.0 for g in gaps])
    return np.column_stack([
        _ratio(tt, side.title.norm * st), _ratio(ll, side.lead.norm * sl),
        _ratio(nn, side.names.norm * sn), _ratio(tt + ll + tl + lt, side.all_norm * s_all),
        np.maximum(_ratio(tl, side.title.norm * sl), _ratio(lt, side.lead.norm * st)),
        (st > 0) & (side.title.norm > 0), (sn > 0) & (side.names.norm > 0),
        gap, np.array([g is None for g in gaps], dtype=np.float64),
        np.log(np.maximum(1, np.asarray(sizes, dtype=np.float64))),
        rare_title, rare_names,
        members if members is not None else np.zeros((len(stories), 2)),
    ]).astype(np.float64)


# Learned by ``stories/learn.py`` on the training samples of basil, allsides and ecbplus mixed into
# one stream (``broadsheet bench clustering`` prints the same values as "learned now on every training
# set"; googlenews is never learned from). See the README for the leave-one-set-out figures.
DEFAULT_MODEL = Model(
    weights=(-0.0893, -4.4916, 1.6897, 22.7678, -2.7116, -3.0397, -1.5663, -2.9351, -2.8986,
             -0.4549, 1.6279, 0.561, 1.6763, -1.6598),
    bias=-1.1655,
    join=0.5,
    merge=0.8,
    size_cap=22,
    merge_undated=0.7,
    link=0.5,  # step 6 of the recipe, on each set without its dates (docs/quality-history.md)
    pair=PairModel(
        weights=(1.7775, -6.6316, -0.4579, 23.1661, -4.6918, 0.0, -1.4004, -2.0788, -1.9685,
                 -0.8067, -0.6704, 2.1457, 2.7071, -2.2072, -1.168),
        bias=-2.5499,
        threshold=0.5,
        undated=0.5,
    ),
)
