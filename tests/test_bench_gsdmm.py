"""GSDMM, the clustering bench's short-text baseline (``bench/gsdmm.py``)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from broadsheet.bench import gsdmm
from broadsheet.bench.cluster_metrics import score
from broadsheet.model import Article


def _groups(stories: int = 3, each: int = 12, seed: int = 3) -> tuple[list[Article], list[str]]:
    """Stories of ``each`` short items, every item four words of its story's own eight."""
    rng = random.Random(seed)
    articles, gold = [], []
    for s in range(stories):
        vocabulary = [f"word{s}x{w}" for w in range(8)]
        for i in range(each):
            articles.append(Article(id=f"{s}-{i}", source="test", title="",
                                    paragraphs=(" ".join(rng.sample(vocabulary, 4)),)))
            gold.append(str(s))
    order = list(range(len(articles)))
    rng.shuffle(order)
    return [articles[i] for i in order], [gold[i] for i in order]


def test_the_sampler_finds_stories_worded_apart() -> None:
    articles, gold = _groups()
    found = gsdmm.gsdmm(articles, k=10)
    assert score(gold, [str(x) for x in found])["nmi"] == pytest.approx(1.0)
    assert found == gsdmm.gsdmm(articles, k=10)  # a fixed seed: the same clusters


def _naive(counts: np.ndarray, z: list[int], d: int, k: int, alpha: float, beta: float) -> list[float]:
    """The paper's conditional for document ``d``, written out as products (log, unnormalised)."""
    vocabulary = counts.shape[1]
    found = []
    for cluster in range(k):
        others = [e for e in range(len(z)) if e != d and z[e] == cluster]
        n_w = counts[others].sum(axis=0) if others else np.zeros(vocabulary)
        value = math.log(len(others) + alpha)
        for w in range(vocabulary):
            for j in range(int(counts[d, w])):
                value += math.log(n_w[w] + beta + j)
        for i in range(int(counts[d].sum())):
            value -= math.log(n_w.sum() + vocabulary * beta + i)
        found.append(value)
    return found


def test_the_vectorised_conditional_is_the_papers() -> None:
    # word 4 is in document 0 only (kept out of the array), word 0 twice in document 0
    counts = np.array([[2, 1, 0, 0, 1], [1, 1, 0, 0, 0], [0, 0, 3, 1, 0], [1, 0, 1, 1, 0]])
    z = [0, 0, 1, 2]
    for d in range(4):
        state = gsdmm.Sampler(csr_matrix(counts), np.array(z), 3, 0.1, 0.1)
        state.move(d, z[d], -1)
        ours = state.scores(d)
        theirs = np.array(_naive(counts, z, d, 3, 0.1, 0.1))
        assert np.allclose(ours - ours.max(), theirs - theirs.max())


def test_only_the_movable_documents_move() -> None:
    articles, gold = _groups()
    start = [0] * len(articles)
    movable = [g != "0" for g in gold]
    found = gsdmm.sample(gsdmm.bags(articles), 6, start=start, movable=movable, iterations=5)
    assert all(int(c) == 0 for c, g in zip(found, gold, strict=True) if g == "0")
    assert any(int(c) != 0 for c in found)


def test_a_start_outside_the_clusters_is_refused() -> None:
    with pytest.raises(ValueError):
        gsdmm.sample(csr_matrix(np.ones((2, 2), dtype=np.int64)), 2, start=[0, 2])
