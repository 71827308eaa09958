"""Train the page classifier (article or not) and measure it on sites it never saw.

Pages: every WCXB dev page (seven types; ``article`` is the positive class) and the scrapinghub
news pages (all articles). Each page goes through the real HTML path (``htmlverdict.page_evidence``)
and becomes one row of ``pagekind.SIGNAL_NAMES``, its words (``pagewords.page_words``) and its
two readings (``pagekind.READING_NAMES``); a page the path rejects has no row (it is no article
either way). The model is two layers: a logistic regression over the words
(``pagewords.WordModel``) whose score joins the signals, then boosted trees and a logistic
regression over both, their log-odds averaged (``Learners``), in two stages (``Stages``): the
second, over the readings too and the scores of the word regression over the seven page types
(``pagewords.TypeWordModel``) in place of the binary one, judges the pages whose first probability
lies in ``BAND``. The second layer learns from word scores the regressions gave pages they were
not fitted on (``cross_scores``, ``cross_type_scores``: fitted without the page's site), as a new
page's scores will be.
``held_out_verdicts`` holds out whole sites (``GroupKFold`` on the host name), both layers fitted
inside each fold on its training sites alone, and ``accuracy_by_kind`` reports the accuracy over
WCXB pages of the held-out folds, all and per page type, counting rejected pages as "not an
article" just as the benchmark does.
``python -m broadsheet.extract.train_pages --data DIR`` writes ``page_model.json``; ``--cv N``
prints the held-out accuracies first.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from broadsheet.extract.htmlverdict import page_evidence
from broadsheet.extract.pagekind import MODEL_FEATURES, MODEL_FILE, SECOND_FEATURES, Evidence, Linear, blended
from broadsheet.extract.pagewords import MIN_SITES, PAGE_TYPES, TypeWordModel, WordModel
from broadsheet.extract.train import ensemble_json, fit_trees, read_gz, site_of
from broadsheet.model import Page

CUTOFF = 0.5
# the trees' share of the blended log-odds (the logistic regression's: the rest), and the
# regression's inverse regularisation: every share from 0.35 to 0.65 and every C from 0.1 to 1
# gives within 0.001 of the same held-out accuracy (docs/quality-history.md, page kind round)
BLEND = 0.5
LINEAR_C = 0.3
# the first stage's probabilities (from, up to) for which the second stage, reading the page's two
# readings too, judges the page: fixed wide; every band from 0.2 to 0.8 up to 0.05 to 0.95 gives
# the held-out accuracy of the readings model on every page (docs/quality-history.md, page kind round 4)
BAND = (0.2, 0.8)


@dataclass(frozen=True)
class PageRow:
    """One page's signals (None when the HTML path rejected it), label, site and corpus, the
    page's type when the corpus gives one (WCXB: article, service, forum, listing ...), its
    words and its two readings (``pagekind.READING_NAMES``; () when they were not read)."""

    key: str
    site: str
    corpus: str
    is_article: bool
    signals: tuple[float, ...] | None
    kind: str = "article"
    words: frozenset[str] = frozenset()
    readings: tuple[float, ...] = ()

    @classmethod
    def judged(cls, key: str, site: str, corpus: str, kind: str,
               evidence: Evidence | None) -> PageRow:
        """The row of a page of type ``kind`` judged on ``evidence`` (None: the HTML path
        rejected it)."""
        if evidence is None:
            return cls(key, site, corpus, kind == "article", None, kind)
        return cls(key, site, corpus, kind == "article", evidence.signals, kind, evidence.words,
                   evidence.readings)


def _row(key: str, corpus: str, url: str | None, markup: str, kind: str) -> PageRow:
    evidence = page_evidence(Page(id=key, source=f"{key}.html", kind="html", content=markup, url=url))
    return PageRow.judged(key, site_of(url, key), corpus, kind, evidence)


def page_rows(root: Path) -> Iterator[PageRow]:
    """Rows of every WCXB dev page and every scrapinghub page under ``root`` (``DIR/extraction``)."""
    wcxb = root / "wcxb-dev"
    for path in sorted((wcxb / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        markup = wcxb / "html" / f"{path.stem}.html.gz"
        if markup.exists():
            kind = record["_internal"]["page_type"]["primary"]
            yield _row(path.stem, "wcxb", record.get("url"), read_gz(markup), kind)
    shub = root / "scrapinghub"
    gold = json.loads((shub / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        yield _row(key, "scrapinghub", gold[key].get("url"),
                   read_gz(shub / "html" / f"{key}.html.gz"), "article")


def _labels(rows: Sequence[PageRow]) -> Any:
    return np.asarray([int(r.is_article) for r in rows])


def _vocabulary(rows: Sequence[PageRow]) -> list[str]:
    """The words found on pages of at least ``MIN_SITES`` of the sites of ``rows``, sorted."""
    sites: dict[str, set[str]] = {}
    for row in rows:
        for word in row.words:
            sites.setdefault(word, set()).add(row.site)
    return sorted(w for w, found in sites.items() if len(found) >= MIN_SITES)


def _word_matrix(rows: Sequence[PageRow], vocabulary: Sequence[str]) -> Any:
    """Each row's words of ``vocabulary``, present (1) or not (a sparse matrix)."""
    from scipy.sparse import csr_matrix

    index = {w: n for n, w in enumerate(vocabulary)}
    cells = [(n, index[w]) for n, row in enumerate(rows) for w in row.words if w in index]
    return csr_matrix((np.ones(len(cells)), ([r for r, _ in cells], [c for _, c in cells])),
                      shape=(len(rows), len(vocabulary)))


def _regression(x: Any, y: Any) -> Any:
    """A logistic regression over the word matrix ``x`` (L2, ``C`` = 1; binary or multinomial as
    ``y`` has two labels or more), fitted on one BLAS thread: on the shared cores more threads only
    spin, a fold's word fits took 20 to 30 times the CPU time."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)


def fit_words(rows: Sequence[PageRow]) -> WordModel:
    """The word regression fitted on ``rows``: over the words found on pages of at least
    ``MIN_SITES`` of their sites, each word present or not (L2, ``C`` = 1)."""
    vocabulary = _vocabulary(rows)
    if not vocabulary:  # no word is shared by enough sites: the training pages' log-odds
        share = float(np.clip(_labels(rows).mean(), 1e-6, 1 - 1e-6)) if rows else 0.5
        return WordModel(round(float(np.log(share / (1 - share))), 6))
    x = _word_matrix(rows, vocabulary)
    fitted = _regression(x, _labels(rows))
    weights = dict(zip(vocabulary, fitted.coef_[0].tolist(), strict=True))
    return WordModel.from_json(WordModel(float(fitted.intercept_[0]), weights).to_json())


# the log-probability a type that no training page has gets (against the others' at about 0)
ABSENT_TYPE = -30.0


def fit_type_words(rows: Sequence[PageRow]) -> TypeWordModel:
    """The word regression over the page types (``pagewords.PAGE_TYPES``) fitted on ``rows``:
    multinomial over the words ``fit_words`` reads (L2, ``C`` = 1); a type no row has gets
    ``ABSENT_TYPE`` and no weights, and with fewer than two types or no shared word the model is
    the types' shares alone."""
    kinds = [r.kind for r in rows]
    present = sorted(set(kinds))
    if not set(present) <= set(PAGE_TYPES):
        raise ValueError(f"page types outside {PAGE_TYPES}: {present}")
    vocabulary = _vocabulary(rows)
    if len(present) < 2 or not vocabulary:
        share = {k: kinds.count(k) / len(kinds) for k in present}
        priors = tuple(float(np.log(share[k])) if k in share else ABSENT_TYPE for k in PAGE_TYPES)
        return TypeWordModel(priors)
    fitted = _regression(_word_matrix(rows, vocabulary), kinds)
    column = {str(k): n for n, k in enumerate(fitted.classes_)}
    if len(present) == 2:  # scikit-learn fits one binary column: the second class against the first
        coef = np.vstack([np.zeros_like(fitted.coef_[0]), fitted.coef_[0]])
        intercept = [0.0, float(fitted.intercept_[0])]
    else:
        coef, intercept = fitted.coef_, [float(b) for b in fitted.intercept_]
    intercepts = tuple(intercept[column[k]] if k in column else ABSENT_TYPE for k in PAGE_TYPES)
    zero = np.zeros(len(vocabulary))
    table = np.column_stack([coef[column[k]] if k in column else zero for k in PAGE_TYPES])
    model = TypeWordModel(intercepts, dict(zip(vocabulary, map(tuple, table.tolist()), strict=True)))
    return TypeWordModel.from_json(model.to_json())


def cross_type_scores(rows: Sequence[PageRow], folds: int) -> Any:
    """Each row's type scores (``pagewords.TYPE_SCORE_NAMES``) from a type word regression fitted
    without its site, as ``cross_scores`` (a single site: every row the types' shares)."""
    if len({r.site for r in rows}) < 2:
        model = fit_type_words(rows)
        return np.asarray([model.scores(r.words) for r in rows])
    return _by_other_sites(rows, folds, lambda seen: fit_type_words(seen).scores,
                           (len(PAGE_TYPES) + 1,))


def cross_scores(rows: Sequence[PageRow], folds: int) -> Any:
    """Each row's word score from a regression fitted without its site (``GroupKFold``; fewer
    folds when there are fewer sites, none for a single site: then every score is 0)."""
    if len({r.site for r in rows}) < 2:
        return np.zeros(len(rows))
    return _by_other_sites(rows, folds, lambda seen: fit_words(seen).score, ())


def _by_other_sites(rows: Sequence[PageRow], folds: int,
                    fit: Callable[[Sequence[PageRow]], Callable[[frozenset[str]], Any]],
                    shape: tuple[int, ...]) -> Any:
    """Each row's score (of ``shape``) by a scorer ``fit`` on the rows of the other sites
    (``GroupKFold`` on the site, at most ``folds`` folds; rows of two sites or more)."""
    from sklearn.model_selection import GroupKFold

    sites = [r.site for r in rows]
    scores = np.zeros((len(rows), *shape))
    splitter = GroupKFold(n_splits=min(folds, len(set(sites))))
    for train, test in splitter.split(np.zeros(len(rows)), groups=sites):
        score = fit([rows[n] for n in train])
        scores[test] = [score(rows[n].words) for n in test]
    return scores


def _matrix(rows: Sequence[PageRow], scores: Any, readings: bool = False) -> Any:
    """The learners' input: each row's signals (and, for the second stage, its readings) and its
    word score (the first stage) or its type scores (the second: one column each)."""
    found = [(*(r.signals or ()), *(r.readings if readings else ())) for r in rows]
    return np.column_stack([np.asarray(found, dtype=np.float64), scores])


def accuracy_by_kind(rows: Sequence[PageRow],
                     verdicts: dict[str, bool]) -> dict[str, tuple[float, int]]:
    """Accuracy and page count over the WCXB pages, all of them (``all``) and of each type;
    a page without a verdict (rejected by the HTML path) counts as judged not an article."""
    wcxb = [r for r in rows if r.corpus == "wcxb"]
    found: dict[str, tuple[float, int]] = {}
    for kind in ("all", *sorted({r.kind for r in wcxb})):
        pages = [r for r in wcxb if kind in ("all", r.kind)]
        right = [verdicts.get(r.key + r.corpus, False) == r.is_article for r in pages]
        found[kind] = (float(np.mean(right)) if right else 0.0, len(pages))
    return found


def fit_linear(x: Any, y: Any) -> Linear:
    """The logistic regression (L2, ``LINEAR_C``) over the standardised columns of ``x``, the
    standardisation folded into its weights and intercept (a column that never varies weighs 0)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    fitted = LogisticRegression(C=LINEAR_C, max_iter=3000).fit(scaler.transform(x), y)
    weights = fitted.coef_[0] / scaler.scale_
    intercept = float(fitted.intercept_[0]) - float(np.dot(weights, scaler.mean_))
    return Linear(intercept, tuple(float(w) for w in weights))


@dataclass(frozen=True)
class Learners:
    """The two learners over the signals and the word score, fitted on the same rows."""

    trees: Any
    linear: Linear

    @classmethod
    def fit(cls, x: Any, y: Any) -> Learners:
        """Both learners fitted on ``x`` (``_matrix``) and the labels ``y``."""
        return cls(fit_trees(x, y, pages=True), fit_linear(x, y))

    def probability(self, x: Any) -> Any:
        """The probability that each row of ``x`` is an article: the learners' log-odds
        averaged (``BLEND``, ``pagekind.blended``), as the shipped model does for one page."""
        linear = [self.linear.score(row) for row in np.asarray(x).tolist()]
        return blended(self.trees.decision_function(x), linear, BLEND)


@dataclass(frozen=True)
class Stages:
    """The first stage's learners and the second's (None when some row lacks its readings), both
    fitted on the same rows: the probability of a row is the first's, or the second's where the
    first's lies in ``BAND``, as ``pagekind.PageModel`` gives it for one page."""

    first: Learners
    second: Learners | None

    @classmethod
    def fit(cls, rows: Sequence[PageRow], scores: Any, types: Any) -> Stages:
        """Both stages fitted on ``rows``, their word ``scores`` (the first stage) and their type
        scores (``types``, one row of ``TYPE_SCORE_NAMES`` each: the second)."""
        y = _labels(rows)
        read = all(r.readings for r in rows)
        return cls(Learners.fit(_matrix(rows, scores), y),
                   Learners.fit(_matrix(rows, types, readings=True), y) if read else None)

    def probability(self, rows: Sequence[PageRow], scores: Any, types: Any) -> Any:
        """The probability that each row is an article."""
        first = self.first.probability(_matrix(rows, scores))
        if self.second is None:
            return first
        second = self.second.probability(_matrix(rows, types, readings=True))
        return np.where((first >= BAND[0]) & (first < BAND[1]), second, first)


def held_out_verdicts(rows: Sequence[PageRow], folds: int) -> dict[str, bool]:
    """Is each usable page an article, by a model (every layer) trained without its site
    (key + corpus)."""
    from sklearn.model_selection import GroupKFold

    usable = [r for r in rows if r.signals is not None]
    predicted = np.zeros(len(usable), dtype=bool)
    splitter = GroupKFold(n_splits=folds)
    for train, test in splitter.split(np.zeros(len(usable)), groups=[r.site for r in usable]):
        seen = [usable[n] for n in train]
        words, types = fit_words(seen), fit_type_words(seen)
        stages = Stages.fit(seen, cross_scores(seen, folds), cross_type_scores(seen, folds))
        unseen = [usable[n] for n in test]
        probability = stages.probability(unseen, [words.score(r.words) for r in unseen],
                                         [types.scores(r.words) for r in unseen])
        predicted[test] = probability >= CUTOFF
    return {r.key + r.corpus: bool(p) for r, p in zip(usable, predicted, strict=True)}


def fit_page_model(rows: Sequence[PageRow], folds: int = 5) -> dict[str, Any]:
    """The page classifier fitted on every usable row, as ``page_model.json`` holds it: the
    word regression and the type word regression fitted on all of them, both stages' learners on
    the signals (and readings) and the word (type) scores of ``folds`` regressions, each fitted
    without the row's site."""
    usable = [r for r in rows if r.signals is not None]
    stages = Stages.fit(usable, cross_scores(usable, folds), cross_type_scores(usable, folds))
    found = {"features": list(MODEL_FEATURES), "cutoff": CUTOFF, "blend": BLEND,
             "words": fit_words(usable).to_json(), "model": ensemble_json(stages.first.trees),
             "linear": stages.first.linear.to_json()}
    if stages.second is not None:
        found["second"] = {"features": list(SECOND_FEATURES), "band": list(BAND),
                           "words": fit_type_words(usable).to_json(),
                           "model": ensemble_json(stages.second.trees),
                           "linear": stages.second.linear.to_json()}
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Retrain the page classifier and write it into the package."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    parser.add_argument("--cv", type=int, default=0, help="first report N-fold held-out accuracy")
    args = parser.parse_args(argv)
    rows = list(page_rows(args.data / "extraction"))
    print(f"{len(rows)} pages, {sum(r.signals is None for r in rows)} rejected by the HTML path")
    if args.cv:
        found = accuracy_by_kind(rows, held_out_verdicts(rows, args.cv))
        print("held-out sites: wcxb-dev is_article accuracy "
              + ", ".join(f"{kind} {acc:.3f} ({n})" for kind, (acc, n) in found.items()))
    args.out.write_text(json.dumps(fit_page_model(rows), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
