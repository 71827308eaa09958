"""The thresholds of the attribution models chosen on the cross-fitted train folds, never on dev:
the ``accept`` threshold (``tune``: the best speech F1 at the target precision) and the trusted
cue keys, right often enough between ``TRUSTED_FROM`` and that threshold (``with_trusted``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from broadsheet.analyze.detect import Detection
from broadsheet.analyze.features import cue_key
from broadsheet.analyze.fitting import Pair
from broadsheet.analyze.folds import Fold, detections_of, matched_gold, right_detections
from broadsheet.analyze.learned import Models
from broadsheet.bench.polnear import Document, Predicted, Tally, score_document
from broadsheet.model import Attribution

TARGET_PRECISION = 0.90
# How far under the best precision of the cross-fitted folds the ``accept`` threshold may go when the
# folds never reach ``TARGET_PRECISION`` (their precision tops out near 0.89: rules keep the rest).
# 0.001 chose 0.78 (folds: precision 0.8896 against 0.8901 at 0.86); with the shipped models that gave
# dev 0.905 / 0.855 / 0.476 (precision / speech F1 / recall over all) but unseen 0.901 / 0.845 / 0.437.
ACCEPT_SLACK = 0.0
TRUSTED_FROM = 0.7  # the lower threshold of trusted cue keys (0.5 and 0.6 cost dev precision)
TRUSTED_PRECISION = 0.9
TRUSTED_MIN = 5  # attributions between the thresholds on train before a key's precision counts


def tune(folds: Sequence[Fold]) -> dict[str, float]:
    """The ``accept`` threshold chosen on the cross-fitted train folds (``crossfit``: each fold's
    articles read by models learned on the other folds), never on dev: the best speech F1 at a
    precision of at least ``TARGET_PRECISION``, or, as the folds' precision tops out under it, at
    most ``ACCEPT_SLACK`` under the best precision any threshold reaches there (``_best``). A first
    estimate from one loose run scored at every threshold, then real runs at thresholds around it."""
    pairs = [p for held, _ in folds for p in held]
    found = _fold_runs(folds, 0.0)
    estimate = _best([(step / 100, _figures(pairs, found, step / 100)) for step in range(2, 95)])
    steps = sorted({min(0.95, max(0.02, estimate + delta / 100)) for delta in range(-6, 9, 2)})
    real = [(accept, _figures(pairs, _fold_runs(folds, accept), 0.0)) for accept in steps]
    return {"cue": 0.1, "accept": _best(real)}


def _fold_runs(folds: Sequence[Fold], accept: float) -> list[list[tuple[Attribution, float]]]:
    """The scored attributions of every fold's articles by its fold models at ``accept``."""
    return [found for held, models in folds for found in _run(held, _with_accept(models, accept))]


def _with_accept(models: Models, accept: float) -> Models:
    """The same models with the ``accept`` threshold set (and no trusted keys)."""
    return Models(models.lexicon, models.cue, models.content, models.source, {"cue": 0.1, "accept": accept})


def _run(pairs: Sequence[Pair], models: Models) -> list[list[tuple[Attribution, float]]]:
    """The scored attributions of every document."""
    from broadsheet.analyze.attribution import scored_attributions

    return [scored_attributions(doc, models=models) for _, doc in pairs]


def _figures(pairs: Sequence[Pair], found: Sequence[list[tuple[Attribution, float]]], accept: float
             ) -> dict[str, float]:
    """The benchmark's figures for the attributions scoring at least ``accept``."""
    total = Tally()
    for (document, _), scored in zip(pairs, found, strict=True):
        kept = [Predicted(a.speaker_span, a.cue_span, a.content_span) for a, s in scored if s >= accept]
        total.add(score_document(document.text, document.gold, kept))
    return total.metrics()


def _best(results: Sequence[tuple[float, dict[str, float]]]) -> float:
    """The threshold with the best speech F1 among those at the target precision: the lower of
    ``TARGET_PRECISION`` and the best precision of ``results`` less ``ACCEPT_SLACK``."""
    target = min(TARGET_PRECISION, max(r[1]["precision"] for r in results) - ACCEPT_SLACK)
    return max(results, key=lambda r: (r[1]["precision"] >= target, r[1]["speech_f1"], r[0]))[0]


def with_trusted(models: Models, pairs: Sequence[Pair]) -> Models:
    """``models`` with the cue keys whose attributions scoring in ``[TRUSTED_FROM, accept)`` on
    ``pairs`` were right at least ``TRUSTED_PRECISION`` of the time (at least ``TRUSTED_MIN`` of
    them), and the ``trusted`` threshold."""
    accept = models.thresholds["accept"]
    loose = _with_accept(models, TRUSTED_FROM)
    keys = _precise(
        outcome
        for (document, doc), found in zip(pairs, _run(pairs, loose), strict=True)
        for outcome in _keyed_outcomes(document, doc, found, accept)
    )
    kinds = _precise(
        outcome
        for document, doc in pairs
        for outcome in _kind_outcomes(document, doc, detections_of(doc, loose), accept)
    )
    trusted = keys | {name for name in kinds if name.split("|")[0] not in keys}
    thresholds = {**models.thresholds, "trusted": TRUSTED_FROM}
    return Models(models.lexicon, models.cue, models.content, models.source, thresholds, models.heldout,
                  trusted)


def _keyed_outcomes(document: Document, doc: Doc, found: list[tuple[Attribution, float]],
                    below: float) -> list[tuple[str, bool]]:
    """The cue key of each attribution scoring under ``below`` and whether it is right when all of
    ``found`` is scored together (paired one-to-one with the gold, its speaker overlapping)."""
    right = set(matched_gold(document, [item for item, _ in found]).values())
    outcomes = []
    for i, (item, score) in enumerate(found):
        cue = doc.char_span(*item.cue_span, alignment_mode="expand") if item.cue_span else None
        if score < below and cue is not None and len(cue):
            outcomes.append((cue_key(cue[0]), i in right))
    return outcomes


def _precise(outcomes: Iterable[tuple[str, bool]]) -> frozenset[str]:
    """The names seen at least ``TRUSTED_MIN`` times and right at least ``TRUSTED_PRECISION`` of them."""
    counts: dict[str, list[int]] = {}
    for name, right in outcomes:
        tally = counts.setdefault(name, [0, 0])
        tally[0] += 1
        tally[1] += right
    return frozenset(
        name for name, (n, right) in counts.items() if n >= TRUSTED_MIN and right >= TRUSTED_PRECISION * n
    )


def _kind_outcomes(document: Document, doc: Doc, found: list[Detection], below: float
                   ) -> list[tuple[str, bool]]:
    """``key|kind`` of each detection scoring under ``below`` (its cue key and content reading) and
    whether it is right when all of ``found`` is scored together."""
    right = right_detections(document, found)
    return [
        (f"{cue_key(doc[d.site.head])}|{d.content.kind}", i in right)
        for i, d in enumerate(found)
        if d.score < below
    ]
