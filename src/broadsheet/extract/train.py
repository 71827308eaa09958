"""Train the line model of the plain-text path, and measure it on sites it never saw.

Data (read from ``DIR/extraction``, never copied into the repo): the scrapinghub pages with their
``html-text`` dumps, and the WCXB dev article pages flattened here with the same tool
(``html-text``, a ``dev`` dependency). Each page's gold body is aligned to its lines
(``label_lines``); every non-blank line becomes a row of ``lines.page_features`` with label 1 when
it is article text.

Training: scikit-learn's ``HistGradientBoostingClassifier`` for each stage. Stage two learns from
stage one's *out-of-fold* probabilities (grouped by site), so it sees the errors stage one makes on
unseen sites, not its memory of the training pages. The fitted trees are exported to plain JSON
(``linemodel.py`` evaluates them with numpy).

Measurement: ``cross_validate`` holds out whole sites (``GroupKFold`` on the host name), trains on
the rest and runs the real text path (``text.extract_text``) with the fold's model on the held-out
pages. Run ``python -m broadsheet.extract.train --data ../shared/data`` to retrain and write
``line_model.json``; ``--cv`` prints the held-out figures first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from broadsheet.extract.linemodel import MODEL_FILE, LineModel, with_context
from broadsheet.extract.lines import FEATURE_NAMES, Matrix, PageLines, page_features

_TOKEN = re.compile(r"\w+")
MATCH_SHARE = 0.5
INNER_FOLDS = 2
CUTOFF = 0.5
PARAMS: dict[str, Any] = {"max_iter": 100, "learning_rate": 0.15, "max_leaf_nodes": 15,
                          "min_samples_leaf": 40, "l2_regularization": 1.0, "random_state": 0}


@dataclass(frozen=True)
class LabelledPage:
    """One training page: its flattened text, gold body, site and page type."""

    key: str
    site: str
    text: str
    gold: str
    corpus: str
    is_article: bool = True


# --- data ------------------------------------------------------------------------------------


def site_of(url: str | None, fallback: str) -> str:
    """The site a page belongs to: its host without ``www.``, or ``fallback``."""
    host = urlsplit(url or "").netloc.lower()
    return host.removeprefix("www.") or fallback


def flatten(markup: str) -> str:
    """A page flattened to text the way the scrapinghub dumps were made (``html-text``)."""
    import html_text

    return str(html_text.extract_text(markup))


def read_gz(path: Path) -> str:
    """A gzipped page decoded as UTF-8 (undecodable bytes replaced)."""
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def scrapinghub_pages(root: Path) -> Iterator[LabelledPage]:
    """The 181 scrapinghub pages as flattened by the benchmark, with their gold bodies."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    dump = json.loads((root / "plain-text" / "html-text.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        text = dump["output"].get(key, {}).get("articleBody") or ""
        yield LabelledPage(key, site_of(gold[key].get("url"), key), text,
                           gold[key].get("articleBody") or "", "scrapinghub")


def wcxb_pages(root: Path, articles_only: bool = True) -> Iterator[LabelledPage]:
    """WCXB dev pages flattened with ``html-text``, with their gold main content."""
    for path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        markup = root / "html" / f"{path.stem}.html.gz"
        is_article = record["_internal"]["page_type"]["primary"] == "article"
        if not markup.exists() or (articles_only and not is_article):
            continue
        gold = record["ground_truth"].get("main_content") or ""
        yield LabelledPage(path.stem, site_of(record.get("url"), path.stem),
                           flatten(read_gz(markup)), gold, "wcxb", is_article)


# --- labels ----------------------------------------------------------------------------------


def _trigrams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def label_lines(lines: Sequence[str], gold: str) -> list[int]:
    """1 for each line that is gold article text, else 0.

    A line of three words or more is article text when at least ``MATCH_SHARE`` of its word
    trigrams occur in the gold; a shorter line when its words occur in that order in the gold and
    a neighbouring line (two either side) is article text by the first test.
    """
    gold_tokens = [t.lower() for t in _TOKEN.findall(gold)]
    gold_grams = _trigrams(gold_tokens)
    gold_joined = " " + " ".join(gold_tokens) + " "
    tokens = [[t.lower() for t in _TOKEN.findall(line)] for line in lines]
    strong = [len(t) >= 3 and _share(t, gold_grams) >= MATCH_SHARE for t in tokens]
    labels = []
    for i, toks in enumerate(tokens):
        if len(toks) >= 3:
            labels.append(int(strong[i]))
            continue
        near = any(strong[max(0, i - 2) : i + 3])
        labels.append(int(bool(toks) and near and f" {' '.join(toks)} " in gold_joined))
    return labels


def _share(tokens: Sequence[str], grams: set[tuple[str, ...]]) -> float:
    own = [tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)]
    return sum(g in grams for g in own) / len(own)


# --- features and fitting --------------------------------------------------------------------


@dataclass
class Dataset:
    """Feature rows, labels and the page (and site) of each row; ``lines`` the pages' non-blank
    lines (features left out) so held-out texts need no second feature pass."""

    x: Matrix
    y: np.ndarray[Any, np.dtype[np.int64]]
    page: np.ndarray[Any, np.dtype[np.int64]]
    site: list[str]
    lines: list[PageLines] = field(default_factory=list)


def lines_of(page: LabelledPage) -> list[str]:
    """The page's lines as the text path sees them (the related-stories list blanked out)."""
    from broadsheet.extract.text import page_lines

    return page_lines(page.text)[0]


def build_dataset(pages: Sequence[LabelledPage]) -> Dataset:
    """Feature rows and gold labels of every non-blank line of every page."""
    xs, ys, owners, sites, kept = [], [], [], [], []
    for n, page in enumerate(pages):
        found = page_features(lines_of(page))
        xs.append(found.features)
        kept.append(PageLines(found.index, found.text, np.zeros((0, 0))))
        ys.extend(label_lines(found.text, page.gold))
        owners.extend([n] * len(found.text))
        sites.extend([page.site] * len(found.text))
    x = np.vstack(xs) if xs else np.zeros((0, len(FEATURE_NAMES)))
    return Dataset(x, np.asarray(ys, dtype=np.int64), np.asarray(owners, dtype=np.int64), sites,
                   kept)


PAGE_PARAMS: dict[str, Any] = {"max_iter": 400, "learning_rate": 0.05, "max_leaf_nodes": 8,
                               "min_samples_leaf": 10, "l2_regularization": 1.0, "random_state": 0}


def fit_trees(x: Matrix, y: Any, pages: bool = False) -> Any:
    """A fitted ``HistGradientBoostingClassifier`` (line or, with ``pages``, page parameters)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # OpenMP threads on busy shared cores only slow the fit down
        return HistGradientBoostingClassifier(**(PAGE_PARAMS if pages else PARAMS)).fit(x, y)


def _tree_json(predictor: Any) -> dict[str, Any]:
    """One fitted HistGradientBoosting tree as parallel arrays."""
    nodes = predictor.nodes
    depth = int(nodes["depth"].max()) + 1
    return {
        "feature": nodes["feature_idx"].astype(int).tolist(),
        "threshold": [float(t) for t in nodes["num_threshold"]],
        "left": nodes["left"].astype(int).tolist(),
        "right": nodes["right"].astype(int).tolist(),
        "value": [round(float(v), 6) for v in nodes["value"]],
        "leaf": nodes["is_leaf"].astype(bool).tolist(),
        "depth": depth,
    }


def ensemble_json(model: Any) -> dict[str, Any]:
    """A fitted binary ``HistGradientBoostingClassifier`` as the JSON ``linemodel`` reads."""
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return {"baseline": baseline, "trees": [_tree_json(t[0]) for t in model._predictors]}


def _out_of_fold(data: Dataset, folds: int) -> Matrix:
    """Stage one's probabilities on each row from a model that never saw the row's site."""
    from sklearn.model_selection import GroupKFold

    result = np.zeros(len(data.y))
    for train, test in GroupKFold(n_splits=folds).split(data.x, data.y, data.site):
        result[test] = fit_trees(data.x[train], data.y[train]).predict_proba(data.x[test])[:, 1]
    return result


def _context_rows(data: Dataset, first: Matrix) -> Matrix:
    """Stage two's input: each page's rows with stage one's probabilities around each line."""
    parts = []
    for n in np.unique(data.page):
        rows = data.page == n
        parts.append(with_context(data.x[rows], first[rows]))
    return np.vstack(parts)


def fit_line_model(data: Dataset, cutoff: float = CUTOFF) -> dict[str, Any]:
    """Both stages fitted on ``data``, as the JSON document ``line_model.json`` holds."""
    first = fit_trees(data.x, data.y)
    second = fit_trees(_context_rows(data, _out_of_fold(data, INNER_FOLDS)), data.y)
    return {"features": list(FEATURE_NAMES), "cutoff": cutoff,
            "first": ensemble_json(first), "second": ensemble_json(second)}


def subset(data: Dataset, pages: set[int]) -> Dataset:
    """The rows of ``data`` that belong to ``pages``."""
    rows = np.isin(data.page, sorted(pages))
    return Dataset(data.x[rows], data.y[rows], data.page[rows],
                   [s for s, keep in zip(data.site, rows, strict=True) if keep], data.lines)


# --- measuring on held-out sites -------------------------------------------------------------


def site_folds(pages: Sequence[LabelledPage], folds: int) -> list[set[int]]:
    """Page indices split into ``folds`` test sets, no site in two of them."""
    from sklearn.model_selection import GroupKFold

    sites = [p.site for p in pages]
    splitter = GroupKFold(n_splits=folds)
    return [set(test.tolist()) for _, test in splitter.split(np.zeros(len(pages)), groups=sites)]


def held_out_probabilities(pages: Sequence[LabelledPage], data: Dataset,
                           folds: int) -> list[Matrix]:
    """Each page's line probabilities from a line model trained without the page's site."""
    probabilities: list[Matrix] = [np.zeros(0) for _ in pages]
    for test in site_folds(pages, folds):
        train = set(range(len(pages))) - test
        model = LineModel.from_json(fit_line_model(subset(data, train)))
        for n in test:
            probabilities[n] = model.probabilities(data.x[data.page == n])
    return probabilities


def held_out_texts(pages: Sequence[LabelledPage], data: Dataset, folds: int,
                   cutoff: float = CUTOFF) -> list[str]:
    """The text path's output for every page, each from a model trained without its site."""
    from broadsheet.extract.text import text_from_probabilities

    found = held_out_probabilities(pages, data, folds)
    return [text_from_probabilities(p.text, data.lines[n], found[n], cutoff)
            for n, p in enumerate(pages)]


def report_held_out(pages: Sequence[LabelledPage], texts: Sequence[str]) -> str:
    """The held-out figures: scrapinghub shingle P/R/F1 and WCXB articles bag-of-words F1."""
    from broadsheet.bench.extraction import bag_f1, score_shingles

    shub = [(p.gold, t) for p, t in zip(pages, texts, strict=True) if p.corpus == "scrapinghub"]
    wcxb = [bag_f1(p.gold, t) for p, t in zip(pages, texts, strict=True) if p.corpus == "wcxb"]
    s = score_shingles(shub)
    return (f"held-out sites: scrapinghub-text P {s['precision']:.3f} R {s['recall']:.3f} "
            f"F1 {s['f1']:.3f} ({len(shub)} pages); wcxb-dev articles flattened bag-of-words F1 "
            f"{np.mean(wcxb) if wcxb else 0.0:.3f} ({len(wcxb)} pages)")


def main(argv: Sequence[str] | None = None) -> None:
    """Retrain the line model on scrapinghub and WCXB dev articles and write it to the package."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    parser.add_argument("--cv", type=int, default=0, help="first report N-fold held-out-site figures")
    args = parser.parse_args(argv)
    root = args.data / "extraction"
    pages = list(scrapinghub_pages(root / "scrapinghub")) + list(wcxb_pages(root / "wcxb-dev"))
    data = build_dataset(pages)
    print(f"{len(pages)} pages, {len(data.y)} lines, {int(data.y.sum())} article lines")
    if args.cv:
        print(report_held_out(pages, held_out_texts(pages, data, args.cv)))
    args.out.write_text(json.dumps(fit_line_model(data), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
