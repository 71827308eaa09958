"""Training the attribution models on PolNeAR: ``python -m broadsheet.analyze.training --data DIR``.

Reads the train split (minus the held-out fold: one article in ten, chosen by a hash of its name,
so the benchmark can report figures on articles never seen), parses it with the analyze pipeline,
and learns (see ``learned``):

1. the cue **lexicon**: for every key (lower-case lemma) that heads a gold cue at least twice, the
   share of its occurrences that do; for a key that fails that test as a whole word, its verb key
   ("state|verb") when the verb alone passes it;
2. the **cue** model over every lexicon token of the text (positive: it heads a gold cue);
3. the **content** and **source** models over the readings ``candidates`` and ``sources`` propose for
   each gold cue (positive: Dice >= 0.5 with the gold content; overlap with the gold source);

each a logistic regression (scikit-learn, L2) on the sparse features of ``features``. Then every
threshold is chosen on the train split, never on dev (``with_thresholds``): the ``accept``
threshold on cross-fitted folds (each fold's articles read by models learned on the other folds),
the one with the best speech F1 at a precision of at least ``TARGET_PRECISION`` or, as the folds'
precision tops out under it, at most ``ACCEPT_SLACK`` under the best the folds reach. Next the
**trusted** cue keys are chosen on train: the keys (mostly beliefs and perceptions: "believe",
"fear", "complain", "describe") whose attributions scoring between ``TRUSTED_FROM`` and the
threshold were right at least ``TRUSTED_PRECISION`` of the time; they are kept from
``TRUSTED_FROM`` up. Last of all the **acceptor** (``with_acceptor``): a fourth logistic model,
learned on cross-fitted detections of the train split, that keeps a detection under the threshold
when it is sure it is right; its two thresholds (verbs of saying, other cues) are chosen on the
same folds (``--acceptor-only`` learns it alone beside the shipped models; ``--context-acceptor-only``
learns, beside the shipped models and their acceptor of verbs of saying, a context acceptor for the other
cues, ``with_context_acceptor``; ``--other-acceptor-only``
learns, beside the shipped models and their acceptor, a second acceptor for cues other than verbs of
saying, with the threshold the folds' joint search picks for that group; ``--thresholds-only``
chooses every threshold, the trusted keys and the acceptor again beside the shipped models;
``--lexicon-only`` learns the lexicon again beside the shipped models and thresholds). The result is
written as JSON to
``analyze/models/attribution.json`` (or ``--out``). Parses are cached with ``--cache DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

from broadsheet.analyze.candidates import CueSite, content_candidates, make_site
from broadsheet.analyze.detect import ACCEPTOR_GROUPS, Detection, acceptor_group, detect
from broadsheet.analyze.features import (
    VERB_KEY,
    VERB_POS,
    Features,
    content_features,
    cue_features,
    cue_key,
    detection_features,
    lexicon_prior,
    source_features,
    verb_key,
)
from broadsheet.analyze.learned import MODEL_FILE, LinearModel, Models, shipped_models
from broadsheet.analyze.quotes import find_quotations
from broadsheet.analyze.sources import source_candidates
from broadsheet.bench.polnear import (
    MIN_DICE,
    Document,
    Gold,
    Predicted,
    Tally,
    Tokens,
    dice,
    load_split,
    pair,
    score_document,
)
from broadsheet.model import Attribution

Pair = tuple[Document, Doc]
MIN_CUE_COUNT = 2
MIN_CUE_SHARE = 0.03
TARGET_PRECISION = 0.90
# How far under the best precision of the cross-fitted folds the ``accept`` threshold may go when the
# folds never reach ``TARGET_PRECISION`` (their precision tops out near 0.89: rules keep the rest).
# 0.001 chose 0.78 (folds: precision 0.8896 against 0.8901 at 0.86); with the shipped models that gave
# dev 0.905 / 0.855 / 0.476 (precision / speech F1 / recall over all) but unseen 0.901 / 0.845 / 0.437.
ACCEPT_SLACK = 0.0
REGULARISATION = {"cue": 0.3, "content": 0.3, "source": 0.3}  # C; 0.1 and 1.0 were worse on dev
MIN_WEIGHT = 0.03
TRUSTED_FROM = 0.7  # the lower threshold of trusted cue keys (0.5 and 0.6 cost dev precision)
TRUSTED_PRECISION = 0.9
TRUSTED_MIN = 5  # attributions between the thresholds on train before a key's precision counts
ACCEPTOR_FOLDS = 3  # the acceptor learns from detections of models that never saw their article
ACCEPTOR_C = 0.3  # 0.1, and cue-context features (words around the cue, its children), were worse
ACCEPTOR_FROM = 0.1  # the joint score from which the acceptor looks at a detection
ACCEPTOR_CUE = 0.5  # the P(cue) from which it does (0.1 to 0.6: the same figures on dev; 0.5 costs no time)
# The precision the acceptor may cost on the cross-fitted train folds. 0.003 / 0.005 / 0.007 / 0.01
# give dev precision 0.908 / 0.905 / 0.902 / 0.903, dev recall over all 0.453 / 0.459 / 0.460 / 0.478,
# unseen speech F1 0.849 / 0.849 / 0.851 / 0.848, unseen precision 0.904 / 0.902 / 0.902 / 0.898.
ACCEPTOR_COST = 0.007
ACCEPTOR_LOWEST = 0.5  # the lowest threshold it may take
CONTEXT_C = 0.1  # the context acceptor's (0.3 ranked the folds' detections about the same, 1.0 worse)
_ACCEPTOR_STEPS = [step / 100 for step in range(95, round(ACCEPTOR_LOWEST * 100) - 1, -1)]  # 0.95 .. lowest
_EVERY_DETECTION = {"cue": 0.1, "accept": ACCEPTOR_FROM}  # the acceptor's fold models keep these


def heldout(name: str) -> bool:
    """Whether a train article is in the held-out fold (one in ten, by a hash of its name)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 10 == 0


def cue_roots(doc: Doc, gold: Iterable[Gold]) -> dict[int, Gold]:
    """The head token of each gold cue (the syntactic root of its first piece) -> the attribution."""
    roots: dict[int, Gold] = {}
    for item in gold:
        root = cue_root(doc, item)
        if root is not None:
            roots.setdefault(root.i, item)
    return roots


def cue_root(doc: Doc, gold: Gold) -> Token | None:
    """The head token of a gold cue's first piece, None when it has no cue."""
    if not gold.cue:
        return None
    span = doc.char_span(*gold.cue[0], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def build_lexicon(pairs: Sequence[Pair]) -> dict[str, float]:
    """Cue keys seen heading a gold cue at least ``MIN_CUE_COUNT`` times, with their cue share; and
    for a key too rarely a cue as a whole, its verb key (``features.verb_key``) when the verb alone
    passes the same test ("state": 48 of 1,912 on train, the verb 45 of 64)."""
    cues: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for document, doc in pairs:
        seen.update(_keys(token) for token in doc)
        cues.update(_keys(doc[i]) for i in cue_roots(doc, document.gold))
    whole = _passing(_merged(cues), _merged(seen))
    verbs = _passing(cues, seen)
    extra = {k: v for k, v in verbs.items() if k.endswith(VERB_KEY) and k.removesuffix(VERB_KEY) not in whole}
    return {**whole, **extra}


def _keys(token: Token) -> str:
    """A token's cue key, as its verb key when it is a verb (``_merged`` joins them again)."""
    return verb_key(cue_key(token)) if token.pos_ in VERB_POS else cue_key(token)


def _merged(counts: Counter[str]) -> Counter[str]:
    """The counts with each verb key's added to its cue key's."""
    merged: Counter[str] = Counter()
    for key, count in counts.items():
        merged[key.removesuffix(VERB_KEY)] += count
    return merged


def _passing(cues: Counter[str], seen: Counter[str]) -> dict[str, float]:
    """The keys heading a gold cue at least ``MIN_CUE_COUNT`` times at a share of at least
    ``MIN_CUE_SHARE``, with that share."""
    return {
        key: round(count / seen[key], 4)
        for key, count in sorted(cues.items())
        if count >= MIN_CUE_COUNT and count / seen[key] >= MIN_CUE_SHARE
    }


Rows = dict[str, tuple[list[Features], list[float]]]


def examples(pairs: Sequence[Pair], lexicon: dict[str, float]) -> Rows:
    """Training rows of the three models: ``{"cue"|"content"|"source": (features, labels)}``."""
    rows: Rows = {k: ([], []) for k in ("cue", "content", "source")}
    for document, doc in pairs:
        quotes = tuple(find_quotations(doc.text))
        tokens = Tokens(doc.text)
        roots = cue_roots(doc, document.gold)
        for token in doc:
            prior = lexicon_prior(lexicon, token)
            if prior is None or token.is_space:
                continue
            site = make_site(doc, token.i, quotes)
            _add(rows["cue"], cue_features(doc, site, prior), token.i in roots)
            gold = roots.get(token.i)
            if gold is not None:
                _part_rows(rows, doc, site, gold, tokens)
    return rows


def _part_rows(rows: Rows, doc: Doc, site: CueSite, gold: Gold, tokens: Tokens) -> None:
    """Content and source rows of one gold cue."""
    contents = content_candidates(doc, site)
    kinds = frozenset(c.kind for c in contents)
    wanted = tokens.inside(gold.content)
    for candidate in contents:
        overlap = dice(tokens.inside((candidate.span,)), wanted)
        _add(rows["content"], content_features(doc, site, candidate, kinds), overlap)
    source = tokens.inside(gold.source)
    if not source:
        return
    sources = source_candidates(doc, site)
    kinds = frozenset(c.kind for c in sources)
    for candidate in sources:
        label = bool(tokens.inside((candidate.span,)) & source)
        _add(rows["source"], source_features(doc, site, candidate, kinds), label)


def _add(rows: tuple[list[Features], list[float]], features: Features, label: float) -> None:
    """Append one row; ``label`` is 0 or 1, or for contents the Dice overlap with the gold (a soft
    label: the model then estimates the overlap a reading will have)."""
    rows[0].append(features)
    rows[1].append(float(label))


def fit(features: list[Features], labels: list[float], c: float) -> LinearModel:
    """A logistic regression on sparse features, as a ``LinearModel`` (weights rounded to three
    places; those below ``MIN_WEIGHT`` dropped: a third of the file, no change on dev).

    A soft label ``y`` between 0 and 1 enters as two weighted rows (1 with weight ``y``, 0 with
    weight ``1 - y``), which is logistic regression on the expected label."""
    import numpy as np
    from scipy.sparse import vstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    target = np.asarray(labels, dtype=float)
    y = np.concatenate([np.ones(len(target)), np.zeros(len(target))])
    weights = np.concatenate([target, 1.0 - target])
    keep = weights > 0
    rows = vstack([matrix, matrix]).tocsr()[keep]
    rows.indices = rows.indices.astype("int32")  # liblinear takes 32-bit indices only
    rows.indptr = rows.indptr.astype("int32")
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=0)
    model.fit(rows, y[keep], sample_weight=weights[keep])
    learned = {
        name: round(float(w), 3)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return LinearModel(learned, round(float(model.intercept_[0]), 3))


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


def train(train_pairs: Sequence[Pair], heldout_names: Sequence[str] = ()) -> Models:
    """Learn the lexicon and models on ``train_pairs``, then every threshold on it
    (``with_thresholds``): nothing is chosen on dev."""
    return with_thresholds(fitted_models(train_pairs, {}, heldout_names), train_pairs)


def with_thresholds(models: Models, train_pairs: Sequence[Pair]) -> Models:
    """``models``' lexicon and three models with the ``accept`` threshold chosen on the
    cross-fitted folds of ``train_pairs`` (``tune``), the trusted cue keys chosen on
    ``train_pairs``, then the acceptor learned and thresholded on the same folds."""
    folds = crossfit(train_pairs)
    base = Models(models.lexicon, models.cue, models.content, models.source, tune(folds), models.heldout)
    return with_acceptor(with_trusted(base, train_pairs), train_pairs, folds)


Fold = tuple[list[Pair], Models]  # a fold's articles and the models learned on the other folds


def crossfit(pairs: Sequence[Pair]) -> list[Fold]:
    """The ``ACCEPTOR_FOLDS`` folds of ``pairs``, each with the models learned without it."""
    folds = [_fold(pairs, fold) for fold in range(ACCEPTOR_FOLDS)]
    return [(held, fitted_models(rest, _EVERY_DETECTION)) for held, rest in folds]


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
        for outcome in _kind_outcomes(document, doc, _detections(doc, loose), accept)
    )
    trusted = keys | {name for name in kinds if name.split("|")[0] not in keys}
    thresholds = {**models.thresholds, "trusted": TRUSTED_FROM}
    return Models(models.lexicon, models.cue, models.content, models.source, thresholds, models.heldout,
                  trusted)


def with_acceptor(models: Models, train_pairs: Sequence[Pair], folds: Sequence[Fold] = (), *,
                  only_other: bool = False) -> Models:
    """``models`` with the acceptor: a logistic model over ``detection_features`` that keeps a
    detection under the joint threshold when P(right) clears its group's threshold
    (``detect.acceptor_group``: verbs of saying, and the rest).

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
    detection's own features and its context's (``detect.context_acceptor_features``), in place of
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
    from broadsheet.analyze.detect import context_acceptor_features, first_pass, kept_context

    base = Tally()
    rows: list[ContextRow] = []
    for document, doc in pairs:
        found, pending = first_pass(doc, tuple(find_quotations(doc.text)), models, defer=True)
        right = _right(document, found + pending)
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


def _fold(pairs: Sequence[Pair], fold: int) -> tuple[list[Pair], list[Pair]]:
    """The articles of one fold (every ``ACCEPTOR_FOLDS``-th) and the rest."""
    held = [p for i, p in enumerate(pairs) if i % ACCEPTOR_FOLDS == fold]
    rest = [p for i, p in enumerate(pairs) if i % ACCEPTOR_FOLDS != fold]
    return held, rest


def _fit_rows(rows: Sequence[tuple[Features, float]]) -> LinearModel:
    """The acceptor learned on ``(features, label)`` rows."""
    return fit([row for row, _ in rows], [label for _, label in rows], ACCEPTOR_C)


Outcome = tuple[str, float, bool, bool]  # group, acceptance, right, right on a gold speech attribution


def _fold_outcomes(document: Document, doc: Doc, models: Models) -> tuple[list[Outcome], Tally]:
    """Each detection's group (``detect.acceptor_group``), acceptance (the acceptor's P(right), 1
    when the joint threshold keeps it) and whether it is right, on a gold speech attribution or
    not, when all detections of the article are scored together; with the article's gold counts."""
    found = _detections(doc, models)
    right = _right(document, found)
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


def fitted_models(pairs: Sequence[Pair], thresholds: dict[str, float],
                  heldout_names: Sequence[str] = ()) -> Models:
    """The lexicon and the cue, content and source models learned on ``pairs``, with
    ``thresholds``."""
    lexicon = build_lexicon(pairs)
    rows = examples(pairs, lexicon)
    fitted = {name: fit(*rows[name], REGULARISATION[name]) for name in rows}
    return Models(lexicon, fitted["cue"], fitted["content"], fitted["source"], thresholds,
                  tuple(heldout_names))


def _acceptor_rows(pairs: Sequence[Pair], models: Models) -> Iterable[tuple[Features, float]]:
    """Each detection's features and whether it is right (content Dice >= 0.5 and source overlap
    with some gold attribution); detections kept by rule (score 1) are left out."""
    for document, doc in pairs:
        tokens = Tokens(document.text)
        golds = [(tokens.inside(g.content), tokens.inside(g.source)) for g in document.gold]
        for found in _detections(doc, models):
            if found.source is None or found.score >= 1.0:
                continue
            content = tokens.inside((found.content.span,))
            source = tokens.inside((found.source.span,))
            right = any(dice(content, gc) >= MIN_DICE and (not gs or source & gs) for gc, gs in golds)
            yield detection_features(doc, found.site, found.content, found.source, found.parts), float(right)


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


def _detections(doc: Doc, models: Models) -> list[Detection]:
    """The detections of one parsed document."""
    return detect(doc, tuple(find_quotations(doc.text)), models)


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
    right = _right(document, found)
    return [
        (f"{cue_key(doc[d.site.head])}|{d.content.kind}", i in right)
        for i, d in enumerate(found)
        if d.score < below
    ]


def _right(document: Document, found: Sequence[Detection]) -> dict[int, bool]:
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


def span_pieces(span: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """An optional span as the pieces ``Tokens.inside`` reads."""
    return (span,) if span is not None else ()


def parsed(documents: Sequence[Document], nlp: Language, cache: Path | None, name: str) -> list[Pair]:
    """The documents with their parses (read from / written to ``cache/<name>.spacy`` when given)."""
    from broadsheet.analyze.nlp import parse_texts

    path = cache / f"{name}.spacy" if cache is not None else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [d.text for d in documents]:
            return list(zip(documents, docs, strict=True))
    docs = list(parse_texts([d.text for d in documents], nlp))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(docs=docs)
        bin_.to_disk(path)
    return list(zip(documents, docs, strict=True))


def main(argv: Sequence[str] | None = None) -> None:
    """Train on ``--data``'s PolNeAR train split (thresholds on its cross-fitted folds), write the models."""
    from broadsheet.analyze.nlp import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "models" / MODEL_FILE)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--acceptor-only", action="store_true",
                        help="keep the shipped models and learn only the acceptor beside them")
    parser.add_argument("--other-acceptor-only", action="store_true",
                        help="keep the shipped models, the acceptor of verbs of saying and its "
                             "threshold; learn the acceptor of other cues and its threshold beside them")
    parser.add_argument("--context-acceptor-only", action="store_true",
                        help="keep the shipped models and the acceptor of verbs of saying; learn the "
                             "context acceptor of other cues and its threshold beside them (the models "
                             "unchanged when no threshold pays on the folds)")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="keep the shipped models and thresholds; learn the lexicon again (its verb "
                             "keys) beside them")
    parser.add_argument("--thresholds-only", action="store_true",
                        help="keep the shipped lexicon and three models; choose every threshold, the "
                             "trusted keys and the acceptor again on the train folds")
    args = parser.parse_args(argv)
    nlp = load_model()
    everything = load_split(args.data, "train")
    kept = [d for d in everything if not heldout(d.name)]
    held = [d.name for d in everything if heldout(d.name)]
    train_pairs = parsed(kept, nlp, args.cache, "train-kept")
    if args.other_acceptor_only:
        models = with_acceptor(shipped_models(), train_pairs, only_other=True)
    elif args.context_acceptor_only:
        models = with_context_acceptor(shipped_models(), train_pairs)
    elif args.acceptor_only:
        models = with_acceptor(shipped_models(), train_pairs)
    elif args.lexicon_only:
        models = replace(shipped_models(), lexicon=build_lexicon(train_pairs))
    elif args.thresholds_only:
        models = with_thresholds(shipped_models(), train_pairs)
    else:
        models = train(train_pairs, held)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(models.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(models.lexicon)} cue keys, thresholds {models.thresholds}")


if __name__ == "__main__":
    main()
