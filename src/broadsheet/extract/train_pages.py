"""Train the page classifier (article or not) and measure it on sites it never saw.

Pages: every WCXB dev page (seven types; ``article`` is the positive class) and the scrapinghub
news pages (all articles). Each page goes through the real HTML path (``html.html_parts``) and
becomes one row of ``pagekind.SIGNAL_NAMES``; a page the path rejects has no row (it is no
article either way). ``held_out_verdicts`` holds out whole sites (``GroupKFold`` on the host
name) and ``accuracy_by_kind`` reports the accuracy over WCXB pages of the held-out folds, all and
per page type, counting rejected pages as "not an article" just as the benchmark does.
``python -m broadsheet.extract.train_pages --data DIR`` writes ``page_model.json``; ``--cv N``
prints the held-out accuracies first.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from broadsheet.extract.html import html_parts, signals_of
from broadsheet.extract.pagekind import MODEL_FILE, SIGNAL_NAMES
from broadsheet.extract.train import ensemble_json, fit_trees, site_of
from broadsheet.model import Page, Rejected

CUTOFF = 0.5


@dataclass(frozen=True)
class PageRow:
    """One page's signals (None when the HTML path rejected it), label, site and corpus, and
    the page's type when the corpus gives one (WCXB: article, service, forum, listing ...)."""

    key: str
    site: str
    corpus: str
    is_article: bool
    signals: tuple[float, ...] | None
    kind: str = "article"


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def _row(key: str, corpus: str, url: str | None, markup: str, kind: str) -> PageRow:
    parts = html_parts(Page(id=key, source=f"{key}.html", kind="html", content=markup, url=url))
    signals = None if isinstance(parts, Rejected) else tuple(signals_of(parts))
    return PageRow(key, site_of(url, key), corpus, kind == "article", signals, kind)


def page_rows(root: Path) -> Iterator[PageRow]:
    """Rows of every WCXB dev page and every scrapinghub page under ``root`` (``DIR/extraction``)."""
    wcxb = root / "wcxb-dev"
    for path in sorted((wcxb / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        markup = wcxb / "html" / f"{path.stem}.html.gz"
        if markup.exists():
            kind = record["_internal"]["page_type"]["primary"]
            yield _row(path.stem, "wcxb", record.get("url"), _read_gz(markup), kind)
    shub = root / "scrapinghub"
    gold = json.loads((shub / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        yield _row(key, "scrapinghub", gold[key].get("url"),
                   _read_gz(shub / "html" / f"{key}.html.gz"), "article")


def _matrix(rows: Sequence[PageRow]) -> tuple[Any, Any]:
    x = np.asarray([r.signals for r in rows], dtype=np.float64)
    return x, np.asarray([int(r.is_article) for r in rows])


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


def held_out_verdicts(rows: Sequence[PageRow], folds: int) -> dict[str, bool]:
    """Is each usable page an article, by a model trained without its site (key + corpus)."""
    from sklearn.model_selection import GroupKFold

    usable = [r for r in rows if r.signals is not None]
    x, y = _matrix(usable)
    predicted = np.zeros(len(usable), dtype=bool)
    splitter = GroupKFold(n_splits=folds)
    for train, test in splitter.split(x, y, groups=[r.site for r in usable]):
        model = fit_trees(x[train], y[train], pages=True)
        predicted[test] = model.predict_proba(x[test])[:, 1] >= CUTOFF
    return {r.key + r.corpus: bool(p) for r, p in zip(usable, predicted, strict=True)}


def fit_page_model(rows: Sequence[PageRow]) -> dict[str, Any]:
    """The page classifier fitted on every usable row, as ``page_model.json`` holds it."""
    x, y = _matrix([r for r in rows if r.signals is not None])
    return {"features": list(SIGNAL_NAMES), "cutoff": CUTOFF,
            "model": ensemble_json(fit_trees(x, y, pages=True))}


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
