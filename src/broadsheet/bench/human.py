"""The human level of attribution on PolNeAR: the ``polnear-human`` rows of ``broadsheet bench attribution``.

Sixteen PolNeAR train articles were marked by two annotators. The second annotator's attributions
(the second ``.ann`` in sort order) are scored as a system against the first's, the gold every other
row uses, with the same metric (``polnear.score``, which agrees with the reference scorer). Each role
of a second-annotator attribution is read as one span, from its first piece's start to its last
piece's end, as a prediction has one span per role. Rows:

- ``polnear-human``: ``second-annotator`` (all its attributions), ``second-annotator-speech`` (only
  those whose cue holds a word of speech: the issue's human level, precision 0.944 / speech recall
  0.916 / speech F1 0.930) and ``broadsheet``, ours on the same articles: train articles, so in
  sample for our learned models (an optimistic figure for us);
- ``polnear-human-curve``: the human's precision / recall-over-all curve, the second annotator's
  attributions added by the kind of their cue (``CURVE_ORDER``, as ``analyze.losses.cue_kind`` classes
  them: verbs of speech first, then "according to", beliefs, intentions, other verbs, nouns, other);
- ``polnear-human-kind``: for each cue kind of the first annotator's gold, how many there are and the
  share the second annotator and ours get right (the pairing made over all attributions at once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from broadsheet.analyze.fitting import cue_root
from broadsheet.analyze.losses import cue_kind
from broadsheet.bench import BenchRow
from broadsheet.bench.polnear import (
    Document,
    Gold,
    Pieces,
    Predicted,
    correct_gold,
    load_second_annotator,
    score,
)
from broadsheet.model import Span

CURVE_ORDER = ("speech verb", "according to", "belief verb", "intention verb", "other verb", "noun", "other")
HUMAN = "polnear-human"
Kinded = list[tuple[Predicted, str]]


def as_predicted(gold: Gold) -> Predicted:
    """A gold attribution as a prediction: each role from its first piece's start to its last's end."""
    return Predicted(_hull(gold.source), _hull(gold.cue), _hull(gold.content))


def _hull(pieces: Pieces) -> Span | None:
    """From the first piece's start to the last piece's end (None for no pieces)."""
    return (min(start for start, _ in pieces), max(end for _, end in pieces)) if pieces else None


def kinded(gold: Sequence[Gold], doc: Doc) -> Kinded:
    """Each attribution as a prediction with its cue kind (read in the article's parse ``doc``)."""
    return [(as_predicted(item), cue_kind(item, cue_root(doc, item))) for item in gold]


def human_rows(data: Path, ours: Callable[[list[str]], list[list[Predicted]]], nlp: Language
               ) -> list[BenchRow]:
    """The rows of the module docstring; ``ours`` is our system, ``nlp`` the parse that reads cue kinds."""
    from broadsheet.analyze.nlp import parse_texts

    marked = load_second_annotator(data)
    documents = [document for document, _ in marked]
    docs = list(parse_texts([document.text for document in documents], nlp))
    second = [kinded(gold, doc) for (_, gold), doc in zip(marked, docs, strict=True)]
    speech = [[as_predicted(item) for item in gold if item.speech] for _, gold in marked]
    found = ours([document.text for document in documents])
    rows = [
        _row(HUMAN, "second-annotator", documents, [[p for p, _ in s] for s in second]),
        _row(HUMAN, "second-annotator-speech", documents, speech),
        _row(HUMAN, "broadsheet", documents, found),
    ]
    gold_kinds = [[kind for _, kind in kinded(document.gold, doc)]
                  for document, doc in zip(documents, docs, strict=True)]
    return rows + curve_rows(documents, second) + kind_rows(documents, gold_kinds, second, found)


def _row(dataset: str, system: str, documents: list[Document], predicted: list[list[Predicted]]) -> BenchRow:
    """One row of the issue's figures."""
    return BenchRow(dataset, system, score(documents, predicted), len(documents))


def curve_rows(documents: list[Document], second: list[Kinded]) -> list[BenchRow]:
    """The second annotator's figures with its attributions added kind by kind (``CURVE_ORDER``)."""
    rows = []
    for n, kind in enumerate(CURVE_ORDER):
        kept = CURVE_ORDER[: n + 1]
        predicted = [[p for p, k in attributions if k in kept] for attributions in second]
        rows.append(_row(f"{HUMAN}-curve", ("+ " if n else "") + kind, documents, predicted))
    return rows


def kind_rows(documents: list[Document], gold_kinds: list[list[str]], second: list[Kinded],
              found: list[list[Predicted]]) -> list[BenchRow]:
    """Per cue kind of the gold: its count and the share of it the second annotator and ours get right."""
    human = _right_kinds(documents, gold_kinds, [[p for p, _ in s] for s in second])
    mine = _right_kinds(documents, gold_kinds, found)
    rows = []
    for kind in CURVE_ORDER:
        total = sum(kinds.count(kind) for kinds in gold_kinds)
        metrics = {"gold": float(total), "recall_human": human.count(kind) / total if total else 0.0,
                   "recall_broadsheet": mine.count(kind) / total if total else 0.0}
        rows.append(BenchRow(f"{HUMAN}-kind", kind, metrics, len(documents)))
    return rows


def _right_kinds(documents: list[Document], gold_kinds: list[list[str]],
                 predicted: list[list[Predicted]]) -> list[str]:
    """The cue kind of every gold attribution ``predicted`` gets right."""
    return [
        kinds[j]
        for document, kinds, found in zip(documents, gold_kinds, predicted, strict=True)
        for j in correct_gold(document.text, document.gold, found)
    ]
