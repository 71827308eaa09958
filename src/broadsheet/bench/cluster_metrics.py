"""Clustering metrics: pairwise and BCubed precision / recall / F1, NMI and ARI.

The same definitions as the reference scorer ``shared/tools/score_clustering.py`` (its figures and
these agree; ``tests/test_bench_clustering.py`` checks it on real output).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _ratio(num: float, den: float) -> float:
    """num / den, with 0 / 0 = 1: no pair predicted means no wrong pair (vacuous precision)."""
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in the same cluster.

    A pair is a true positive when both labellings put its two items together. With no predicted
    pair precision is 1 (nothing claimed, nothing wrong); with no gold pair recall is 1.
    """
    both = sum(_pairs(n) for n in Counter(zip(gold, pred, strict=True)).values())
    p = _ratio(both, sum(_pairs(n) for n in Counter(pred).values()))
    r = _ratio(both, sum(_pairs(n) for n in Counter(gold).values()))
    return {"pair_p": p, "pair_r": r, "pair_f1": _f1(p, r)}


def bcubed_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """BCubed (Bagga & Baldwin 1998; Amigó et al. 2009) precision, recall and F1.

    For each item: precision is the share of its predicted cluster that shares its gold label,
    recall the share of its gold cluster that shares its predicted cluster; both are averaged over
    items and F1 is their harmonic mean.
    """
    if not gold:
        return {"bcubed_p": 1.0, "bcubed_r": 1.0, "bcubed_f1": 1.0}
    cell = Counter(zip(gold, pred, strict=True))
    gold_size, pred_size = Counter(gold), Counter(pred)
    p = sum(cell[(g, c)] / pred_size[c] for g, c in zip(gold, pred, strict=True)) / len(gold)
    r = sum(cell[(g, c)] / gold_size[g] for g, c in zip(gold, pred, strict=True)) / len(gold)
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": _f1(p, r)}


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Every metric of the benchmark for one labelling."""
    return {
        **pairwise_scores(gold, pred),
        **bcubed_scores(gold, pred),
        "nmi": float(normalized_mutual_info_score(gold, pred)),
        "ari": float(adjusted_rand_score(gold, pred)),
        "clusters": float(len(set(pred))),
    }


