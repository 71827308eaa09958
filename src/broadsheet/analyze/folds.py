"""Cross-fitting on the train split, and what a run gets right against the gold.

``crossfit`` cuts the train articles into ``ACCEPTOR_FOLDS`` folds, each with the models learned
on the others (keeping every detection from ``ACCEPTOR_FROM``), so thresholds and acceptors are
chosen on articles their models never saw. ``detections_of`` runs the detector on one article;
``right_detections`` and ``matched_gold`` pair a run's output with the gold one to one by content,
the speaker overlapping the gold source; ``score_detections`` gives the benchmark's figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from broadsheet.analyze.detect import Detection, detect
from broadsheet.analyze.fitting import Pair, fitted_models
from broadsheet.analyze.learned import Models
from broadsheet.analyze.quotes import find_quotations
from broadsheet.bench.polnear import Document, Predicted, Tally, Tokens, pair, score_document
from broadsheet.model import Attribution

ACCEPTOR_FOLDS = 3  # the acceptor learns from detections of models that never saw their article
ACCEPTOR_FROM = 0.1  # the joint score from which the acceptor looks at a detection
_EVERY_DETECTION = {"cue": 0.1, "accept": ACCEPTOR_FROM}  # the acceptor's fold models keep these


Fold = tuple[list[Pair], Models]  # a fold's articles and the models learned on the other folds


def crossfit(pairs: Sequence[Pair]) -> list[Fold]:
    """The ``ACCEPTOR_FOLDS`` folds of ``pairs``, each with the models learned without it."""
    folds = [_fold(pairs, fold) for fold in range(ACCEPTOR_FOLDS)]
    return [(held, fitted_models(rest, _EVERY_DETECTION)) for held, rest in folds]


def _fold(pairs: Sequence[Pair], fold: int) -> tuple[list[Pair], list[Pair]]:
    """The articles of one fold (every ``ACCEPTOR_FOLDS``-th) and the rest."""
    held = [p for i, p in enumerate(pairs) if i % ACCEPTOR_FOLDS == fold]
    rest = [p for i, p in enumerate(pairs) if i % ACCEPTOR_FOLDS != fold]
    return held, rest


def score_detections(
    pairs: Sequence[Pair], found: Sequence[list[Detection]], accept: float
) -> dict[str, float]:
    """The benchmark's figures for the detections scoring at least ``accept``."""
    total = Tally()
    for (document, _), detections in zip(pairs, found, strict=True):
        predicted = [
            Predicted(d.source.span if d.source else None, d.cue, d.content.span)
            for d in detections
            if d.score >= accept
        ]
        total.add(score_document(document.text, document.gold, predicted))
    return total.metrics()


def detections_of(doc: Doc, models: Models) -> list[Detection]:
    """The detections of one parsed document."""
    return detect(doc, tuple(find_quotations(doc.text)), models)


def right_detections(document: Document, found: Sequence[Detection]) -> dict[int, bool]:
    """The positions of the detections that are right when all of ``found`` is scored together
    (paired one-to-one with the gold by content, the source overlapping the gold source), each
    with whether its gold is a speech attribution."""
    tokens = Tokens(document.text)
    contents = [tokens.inside((d.content.span,)) for d in found]
    right: dict[int, bool] = {}
    for j, i in pair(contents, [tokens.inside(g.content) for g in document.gold]).items():
        source = tokens.inside(document.gold[j].source)
        speaker = found[i].source
        if not source or (speaker is not None and tokens.inside((speaker.span,)) & source):
            right[i] = document.gold[j].speech
    return right


def matched_gold(document: Document, found: Sequence[Attribution]) -> dict[int, int]:
    """The gold attributions ``found`` gets right when all of it is scored together (paired one to
    one by content, the speaker overlapping the gold source): gold position -> attribution position."""
    tokens = Tokens(document.text)
    contents = [tokens.inside(span_pieces(a.content_span)) for a in found]
    right = {}
    for j, i in pair(contents, [tokens.inside(g.content) for g in document.gold]).items():
        source = tokens.inside(document.gold[j].source)
        if not source or tokens.inside(span_pieces(found[i].speaker_span)) & source:
            right[j] = i
    return right


def span_pieces(span: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """An optional span as the pieces ``Tokens.inside`` reads."""
    return (span,) if span is not None else ()
