"""The learned line model: is this line of a flattened page article text?

Two stages of gradient-boosted trees, shipped as plain JSON (``line_model.json``, written by
``broadsheet.extract.train``) and evaluated here with numpy alone — no scikit-learn at run time,
no pickle:

1. stage one scores every line from its own features and its neighbours' (``lines.py``);
2. stage two sees the same features plus stage one's probabilities around the line (the mean over
   1, 3, 8 and 20 lines on each side, the nearest neighbours' values, the page's maximum), so a
   short line inside a run of article text is kept and a lone prose-like teaser between menus is not.

A tree is stored as parallel arrays (``feature``, ``threshold``, ``left``, ``right``, ``value``,
``leaf``); a sample goes left when its feature is ``<=`` the threshold. The model's raw score is
``baseline`` plus the sum of the trees' leaf values; the probability its logistic.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from broadsheet.extract.lines import FEATURE_NAMES, Matrix

MODEL_FILE = "line_model.json"
_CONTEXT = (1, 3, 8, 20)
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Nodes:
    """Tree nodes as parallel arrays: the feature and threshold a node splits on, its children,
    its value and whether it is a leaf."""

    feature: IntArray
    threshold: Matrix
    left: IntArray
    right: IntArray
    value: Matrix
    leaf: npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Tree(Nodes):
    """One regression tree."""

    depth: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tree:
        """A tree from its JSON arrays."""
        return cls(
            feature=np.asarray(data["feature"], dtype=np.int64),
            threshold=np.asarray(data["threshold"], dtype=np.float64),
            left=np.asarray(data["left"], dtype=np.int64),
            right=np.asarray(data["right"], dtype=np.int64),
            value=np.asarray(data["value"], dtype=np.float64),
            leaf=np.asarray(data["leaf"], dtype=np.bool_),
            depth=int(data["depth"]),
        )

    def predict(self, x: Matrix) -> Matrix:
        """The leaf value every row of ``x`` reaches."""
        node = np.zeros(len(x), dtype=np.int64)
        rows = np.arange(len(x))
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(self.leaf[node], node, step)
        return self.value[node]


@dataclass(frozen=True)
class Stacked(Nodes):
    """Every tree of an ensemble in one set of node arrays, a tree's child indices shifted by
    where its nodes start (``roots``) and a leaf's feature set to 0 (never followed): one row
    walks all the trees together, a few numpy steps in place of hundreds of Python loops (the
    page model has 400 trees)."""

    roots: IntArray
    depth: int

    @cached_property
    def leaves(self) -> IntArray:
        """The index of every leaf node (where a walk stays once there)."""
        return np.flatnonzero(self.leaf).astype(np.int64)

    @classmethod
    def of(cls, trees: Sequence[Tree]) -> Stacked:
        """The stacked arrays of ``trees``."""
        sizes = [len(tree.feature) for tree in trees]
        roots = np.cumsum([0, *sizes[:-1]]).astype(np.int64)

        def joined(arrays: list[Any]) -> Any:
            return np.concatenate(arrays) if arrays else np.zeros(0)

        return cls(
            feature=joined([np.where(t.leaf, 0, t.feature) for t in trees]).astype(np.int64),
            threshold=joined([t.threshold for t in trees]).astype(np.float64),
            left=joined([t.left + r for t, r in zip(trees, roots, strict=True)]).astype(np.int64),
            right=joined([t.right + r for t, r in zip(trees, roots, strict=True)]).astype(np.int64),
            value=joined([t.value for t in trees]).astype(np.float64),
            leaf=joined([t.leaf for t in trees]).astype(np.bool_),
            roots=roots,
            depth=max((t.depth for t in trees), default=0),
        )


@dataclass(frozen=True)
class Ensemble:
    """Boosted trees: ``baseline`` + the sum of the trees' values, through the logistic."""

    baseline: float
    trees: tuple[Tree, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ensemble:
        """An ensemble from its JSON form."""
        return cls(float(data["baseline"]), tuple(Tree.from_json(t) for t in data["trees"]))

    def probability_one(self, row: Sequence[float]) -> float:
        """The probability of the positive class for one row: the branch the row takes at every
        node of every tree found in one comparison (``Stacked``; a leaf leads to itself), then all
        the trees walked together, ``depth`` steps; the leaf values summed in the trees' order, as
        ``Tree.predict`` one tree after another would (the same float to the last bit). A third of
        the time of the walk in Python for the page model's 400 trees."""
        return 1.0 / (1.0 + math.exp(-self.raw_one(row)))

    def raw_one(self, row: Sequence[float]) -> float:
        """The log-odds of the positive class for one row (``probability_one`` before the
        logistic)."""
        stacked = self.stacked
        x = np.asarray(row, dtype=np.float64)
        following = np.where(x[stacked.feature] <= stacked.threshold, stacked.left, stacked.right)
        following[stacked.leaf] = stacked.leaves
        node = stacked.roots
        for _ in range(stacked.depth):
            node = following[node]
        return float(self.baseline + sum(stacked.value[node].tolist()))

    @cached_property
    def stacked(self) -> Stacked:
        """The trees' node arrays laid end to end (``Stacked``)."""
        return Stacked.of(self.trees)

    def probability(self, x: Matrix) -> Matrix:
        """The probability of the positive class for every row of ``x``."""
        raw = np.full(len(x), self.baseline)
        for tree in self.trees:
            raw += tree.predict(x)
        return np.asarray(1.0 / (1.0 + np.exp(-raw)), dtype=np.float64)


@dataclass(frozen=True)
class LineModel:
    """The two stages and the probability above which a line is kept."""

    first: Ensemble
    second: Ensemble
    cutoff: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        """A line model from the JSON the training script writes."""
        if list(data["features"]) != list(FEATURE_NAMES):
            raise ValueError("the line model was trained on other features; retrain it")
        return cls(Ensemble.from_json(data["first"]), Ensemble.from_json(data["second"]),
                   float(data["cutoff"]))

    def probabilities(self, features: Matrix) -> Matrix:
        """Stage two's probability that each line (a row of ``features``) is article text."""
        if len(features) == 0:
            return np.zeros(0)
        first = self.first.probability(features)
        return self.second.probability(with_context(features, first))


def _window_mean(p: Matrix, width: int) -> Matrix:
    """Mean of ``p`` over ``width`` lines on each side, the line itself left out."""
    kernel = np.ones(2 * width + 1)
    sums = np.convolve(np.pad(p, width), kernel, mode="valid") - p
    counts = np.convolve(np.pad(np.ones(len(p)), width), kernel, mode="valid") - 1
    return np.asarray(sums / np.maximum(counts, 1), dtype=np.float64)


def with_context(features: Matrix, first: Matrix) -> Matrix:
    """``features`` with stage one's probabilities around each line appended (stage two's input)."""
    previous = np.concatenate([[0.0], first[:-1]])
    following = np.concatenate([first[1:], [0.0]])
    context = [first, previous, following] + [_window_mean(first, w) for w in _CONTEXT]
    context.append(np.full(len(first), first.max() if len(first) else 0.0))
    return np.column_stack([features, *context])


CONTEXT_NAMES = ("p1", "p1_prev", "p1_next", *(f"p1_mean{w}" for w in _CONTEXT), "p1_page_max")


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    """The model shipped with the package, or None when none has been trained yet."""
    path = resources.files("broadsheet.extract").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return LineModel.from_json(json.loads(path.read_text(encoding="utf-8")))
