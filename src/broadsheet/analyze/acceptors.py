"""The acceptors of the attribution models, learned and thresholded on the cross-fitted train
folds: the acceptor (``with_acceptor``), a logistic model over a detection's features that keeps
one under the joint threshold when it is sure it is right, with a threshold per group (verbs of
saying, other cues); and the context acceptor of the other cues (``with_context_acceptor``),
over a deferred detection's features and its context's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from broadsheet.analyze.acceptance import ACCEPTOR_GROUPS, acceptor_group
from broadsheet.analyze.features import Features, detection_features
from broadsheet.analyze.fitting import Pair, fit
from broadsheet.analyze.folds import ACCEPTOR_FROM, Fold, crossfit, detections_of, right_detections
from broadsheet.analyze.learned import LinearModel, Models
from broadsheet.analyze.quotes import find_quotations
from broadsheet.bench.polnear import MIN_DICE, Document, Tally, Tokens, dice

ACCEPTOR_C = 0.3  # 0.1, and cue-context features (words around the cue, its children), were worse
ACCEPTOR_CUE = 0.5  # the P(cue) from which it does (0.1 to 0.6: the same figures on dev; 0.5 costs no time)
# The precision the acceptor may cost on the cross-fitted train folds. 0.003 / 0.005 / 0.007 / 0.01
# give dev precision 0.908 / 0.905 / 0.902 / 0.903, dev recall over all 0.453 / 0.459 / 0.460 / 0.478,
# unseen speech F1 0.849 / 0.849 / 0.851 / 0.848, unseen precision 0.904 / 0.902 / 0.902 / 0.898.
ACCEPTOR_COST = 0.007
ACCEPTOR_LOWEST = 0.5  # the lowest threshold it may take
CONTEXT_C = 0.1  # the context acceptor's (0.3 ranked the folds' detections about the same, 1.0 worse)
_ACCEPTOR_STEPS = [step / 100 for step in range(95, round(ACCEPTOR_LOWEST * 100) - 1, -1)]  # 0.95 .. lowest


def with_acceptor(models: Models, train_pairs: Sequence[Pair], folds: Sequence[Fold] = (), *,
                  only_other: bool = False) -> Models:
    """``models`` with the acceptor: a logistic model over ``detection_features`` that keeps a
    detection under the joint threshold when P(right) clears its group's threshold
    (``acceptance.acceptor_group``: verbs of saying, and the rest).

    Everything is cross-fitted on the train split, in ``ACCEPTOR_FOLDS`` folds: each fold's
    detections (joint score from ``ACCEPTOR_FROM``) are found by models learned on the other folds,
    each labelled right when its content overlaps a gold content by Dice >= 0.5 and its source the
    gold source; the acceptor is learned on all these rows. Its thresholds come from the same folds
    (``_acceptor_thresholds``), so the dev split stays a clean check. With ``only_other`` the model
    learned is kept as ``other_acceptor`` with the threshold the search picks for the other cues,
    and ``models``' own acceptor and speech threshold stay as they are."""
    folds = list(folds) or crossfit(train_pairs)
    rows = [list(_acceptor_rows(held, fold_models)) for held, fold_models in folds]
    acceptor = _fit_rows([row for fold_rows in rows for row in fold_rows])
    base = {**models.thresholds, "acceptor_from": ACCEPTOR_FROM, "acceptor_cue": ACCEPTOR_CUE}
    base.pop("acceptor", None)
    loose = {**base, **{f"acceptor_{g}": ACCEPTOR_LOWEST for g in ACCEPTOR_GROUPS}}
    outcomes: list[Outcome] = []
    gold = Tally()
    for fold, (held, fold_model) in enumerate(folds):
        others = [row for other, fold_rows in enumerate(rows) if other != fold for row in fold_rows]
        tried = replace(fold_model, thresholds=loose, trusted=models.trusted, acceptor=_fit_rows(others))
        for document, doc in held:
            found, counts = _fold_outcomes(document, doc, tried)
            outcomes += found
            gold.add(counts)
    chosen = _acceptor_thresholds(outcomes, gold)
    if only_other:
        thresholds = {**models.thresholds, "acceptor_other": chosen["acceptor_other"]}
        return replace(models, other_acceptor=acceptor, thresholds=thresholds)
    return replace(models, acceptor=acceptor, other_acceptor=None, thresholds={**base, **chosen})


ContextRow = tuple[Features, bool, bool]  # a pending detection's features, right, right on gold speech


def with_context_acceptor(models: Models, train_pairs: Sequence[Pair], folds: Sequence[Fold] = ()) -> Models:
    """``models`` with the context acceptor (``learned``): a logistic model over a pending
    detection's own features and its context's (``acceptance.context_acceptor_features``), in place of
    ``other_acceptor`` for cues other than verbs of saying, with its own ``acceptor_other``.

    Cross-fitted as ``with_acceptor`` is: each fold's articles are read by models learned on the
    other folds, with ``models``' thresholds, trusted keys and acceptor of verbs of saying; the
    detections their first pass defers (``detect.first_pass``) are labelled right when they pair
    with a gold attribution. Each fold's detections are scored by the acceptor learned on the other
    folds' rows; the threshold is the one with the most recall over all whose precision on the folds
    is at most ``ACCEPTOR_COST`` under the precision without the context acceptor and whose speech
    F1 is no lower (``_context_threshold``); the acceptor returned is learned on every fold's rows.
    When no threshold pays on the folds (round 19: every one lowers their speech F1), ``models``
    come back as they were."""
    folds = list(folds) or crossfit(train_pairs)
    beside = [replace(fold_models, thresholds=models.thresholds, trusted=models.trusted,
                      acceptor=models.acceptor, other_acceptor=None, context_acceptor=None)
              for _, fold_models in folds]
    read = [_context_rows(held, fold_models) for (held, _), fold_models in zip(folds, beside, strict=True)]
    base = Tally()
    scored: list[tuple[float, bool, bool]] = []
    for fold, (fold_base, fold_rows) in enumerate(read):
        base.add(fold_base)
        others = [row for other, (_, rows) in enumerate(read) if other != fold for row in rows]
        acceptor = _fit_context(others)
        scored += [(acceptor.probability(features), right, speech) for features, right, speech in fold_rows]
    threshold = _context_threshold(base, scored)
    if threshold >= 1.0:
        return models
    acceptor = _fit_context([row for _, rows in read for row in rows])
    return replace(models, context_acceptor=acceptor, other_acceptor=None,
                   thresholds={**models.thresholds, "acceptor_other": threshold})


def _context_rows(pairs: Sequence[Pair], models: Models) -> tuple[Tally, list[ContextRow]]:
    """The counts of what the first pass keeps on ``pairs`` (with their gold counts), and a row for
    each detection it defers."""
    from broadsheet.analyze.acceptance import context_acceptor_features, kept_context
    from broadsheet.analyze.detect import first_pass

    base = Tally()
    rows: list[ContextRow] = []
    for document, doc in pairs:
        found, pending = first_pass(doc, tuple(find_quotations(doc.text)), models, defer=True)
        right = right_detections(document, found + pending)
        kept = [right[i] for i in range(len(found)) if i in right]
        base.add(Tally(predicted=len(found), gold=len(document.gold),
                       gold_speech=sum(g.speech for g in document.gold), correct=len(kept),
                       correct_speech=sum(kept)))
        context = kept_context(doc, found)
        rows += [(context_acceptor_features(doc, item, context), len(found) + j in right,
                  right.get(len(found) + j, False)) for j, item in enumerate(pending)]
    return base, rows


def _fit_context(rows: Sequence[ContextRow]) -> LinearModel:
    """The context acceptor learned on rows (``CONTEXT_C``)."""
    return fit([features for features, _, _ in rows], [float(right) for _, right, _ in rows], CONTEXT_C)


def _context_threshold(base: Tally, scored: Sequence[tuple[float, bool, bool]]) -> float:
    """The context acceptor's threshold (1.0, off, or 0.95 down to ``ACCEPTOR_LOWEST`` by 0.01), by
    ``_acceptor_thresholds``' rule: the most recall over all on the folds whose precision is at most
    ``ACCEPTOR_COST`` under ``base``'s (the first pass alone) and whose speech F1 is no lower."""
    without = base.metrics()
    best = (1.0, without["recall_all"])
    for step in _ACCEPTOR_STEPS:
        kept = [item for item in scored if item[0] >= step]
        tally = replace(base, predicted=base.predicted + len(kept),
                        correct=base.correct + sum(k[1] for k in kept),
                        correct_speech=base.correct_speech + sum(k[2] for k in kept))
        figures = tally.metrics()
        if _pays(figures, without) and figures["recall_all"] > best[1]:
            best = (step, figures["recall_all"])
    return best[0]


def _fit_rows(rows: Sequence[tuple[Features, float]]) -> LinearModel:
    """The acceptor learned on ``(features, label)`` rows."""
    return fit([row for row, _ in rows], [label for _, label in rows], ACCEPTOR_C)


Outcome = tuple[str, float, bool, bool]  # group, acceptance, right, right on a gold speech attribution


def _fold_outcomes(document: Document, doc: Doc, models: Models) -> tuple[list[Outcome], Tally]:
    """Each detection's group (``acceptance.acceptor_group``), acceptance (the acceptor's P(right), 1
    when the joint threshold keeps it) and whether it is right, on a gold speech attribution or
    not, when all detections of the article are scored together; with the article's gold counts."""
    found = detections_of(doc, models)
    right = right_detections(document, found)
    gold = Tally(gold=len(document.gold), gold_speech=sum(g.speech for g in document.gold))
    outcomes = [
        (acceptor_group(doc[d.site.head]), d.acceptance, i in right, right.get(i, False))
        for i, d in enumerate(found)
    ]
    return outcomes, gold


def _acceptor_thresholds(outcomes: Sequence[Outcome], gold: Tally) -> dict[str, float]:
    """One threshold per group (1.0, the acceptor off, or 0.95 down to ``ACCEPTOR_LOWEST`` by
    0.01): the pair with the most recall over all on the cross-fitted train folds whose precision
    is at most ``ACCEPTOR_COST`` under the precision without the acceptor and whose speech F1 is
    no lower than without it."""
    steps = [1.0, *_ACCEPTOR_STEPS]
    base = _tally(outcomes, gold, {}).metrics()
    best = ({f"acceptor_{g}": 1.0 for g in ACCEPTOR_GROUPS}, base)
    for speech in steps:
        for other in steps:
            chosen = dict(zip(ACCEPTOR_GROUPS, (speech, other), strict=True))
            figures = _tally(outcomes, gold, chosen).metrics()
            if _pays(figures, base) and figures["recall_all"] > best[1]["recall_all"]:
                best = ({f"acceptor_{g}": t for g, t in chosen.items()}, figures)
    return best[0]


def _pays(figures: dict[str, float], base: dict[str, float]) -> bool:
    """Whether an acceptor's threshold may be taken: precision at most ``ACCEPTOR_COST`` under
    ``base``'s (the folds without it) and speech F1 no lower."""
    return (figures["precision"] >= base["precision"] - ACCEPTOR_COST
            and figures["speech_f1"] >= base["speech_f1"])


def _tally(outcomes: Sequence[Outcome], gold: Tally, thresholds: dict[str, float]) -> Tally:
    """The counts of the detections kept at the acceptor's ``thresholds`` per group (none of those
    only the acceptor keeps when a group has none)."""
    kept = [o for o in outcomes if o[1] >= thresholds.get(o[0], 1.0)]
    return Tally(predicted=len(kept), gold=gold.gold, gold_speech=gold.gold_speech,
                 correct=sum(o[2] for o in kept), correct_speech=sum(o[3] for o in kept))


def _acceptor_rows(pairs: Sequence[Pair], models: Models) -> Iterable[tuple[Features, float]]:
    """Each detection's features and whether it is right (content Dice >= 0.5 and source overlap
    with some gold attribution); detections kept by rule (score 1) are left out."""
    for document, doc in pairs:
        tokens = Tokens(document.text)
        golds = [(tokens.inside(g.content), tokens.inside(g.source)) for g in document.gold]
        for found in detections_of(doc, models):
            if found.source is None or found.score >= 1.0:
                continue
            content = tokens.inside((found.content.span,))
            source = tokens.inside((found.source.span,))
            right = any(dice(content, gc) >= MIN_DICE and (not gs or source & gs) for gc, gs in golds)
            yield detection_features(doc, found.site, found.content, found.source, found.parts), float(right)
