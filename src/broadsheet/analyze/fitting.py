"""The attribution models' lexicon and their cue, content and source models, learned from parsed
PolNeAR articles with their gold attributions (``fitted_models``).

The lexicon (``build_lexicon``) keeps the cue keys that head a gold cue often enough, and a
verb key where only the verb passes; the training rows (``examples``) are every lexicon token
(cue: does it head a gold cue) and every content and source reading of each gold cue; each
model is a logistic regression on their sparse features (``fit``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import CueSite, content_candidates, make_site
from broadsheet.analyze.features import (
    VERB_KEY,
    VERB_POS,
    Features,
    content_features,
    cue_features,
    cue_key,
    lexicon_prior,
    source_features,
    verb_key,
)
from broadsheet.analyze.learned import LinearModel, Models
from broadsheet.analyze.quotes import find_quotations
from broadsheet.analyze.sources import source_candidates
from broadsheet.bench.polnear import Document, Gold, Tokens, dice

Pair = tuple[Document, Doc]
MIN_CUE_COUNT = 2
MIN_CUE_SHARE = 0.03
REGULARISATION = {"cue": 0.3, "content": 0.3, "source": 0.3}  # C; 0.1 and 1.0 were worse on dev
MIN_WEIGHT = 0.03


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


def fitted_models(pairs: Sequence[Pair], thresholds: dict[str, float],
                  heldout_names: Sequence[str] = ()) -> Models:
    """The lexicon and the cue, content and source models learned on ``pairs``, with
    ``thresholds``."""
    lexicon = build_lexicon(pairs)
    rows = examples(pairs, lexicon)
    fitted = {name: fit(*rows[name], REGULARISATION[name]) for name in rows}
    return Models(lexicon, fitted["cue"], fitted["content"], fitted["source"], thresholds,
                  tuple(heldout_names))
