"""Train the list model (``looselists.loose_lists``: the loose blocks inside a body's span, kept or
left out) and measure it on sites it never saw.

Pages: the WCXB dev article pages the real HTML path judges articles. Each goes through the
path (``htmlparts.html_parts``, ``articlebody.completed``) and every ``<ul>`` / ``<ol>`` and ``<p>`` the body
lacks between the first and the last paragraph it holds becomes one row of
``looselists.LIST_FEATURES``, labelled 1 when adding that block alone raises the page's word F1
against the gold, and weighing what it moves that F1 by (``_rows``): a long list the gold
prints counts more than a short one, a block that moves nothing hardly at all. The model is
boosted trees (``PARAMS``), shipped as the JSON ``linemodel.Ensemble`` reads, with the cutoff
``learned_cutoff`` chooses (round 24): of ``CUTOFFS``, the one at which the pages' mean F1 is
best when each page is read by trees fitted on the other fold of sites (inner folds, another
hash than the held-out measure's), among those that cost the scrapinghub news pages nothing
(their shingle F1 with the blocks the trees fitted on all the pages keep, against none kept):
on WCXB alone the inner folds choose 0.3 to 0.75, where those news pages lose 0.001 to 0.004 to
teaser links, captions and "More in ..." lines the WCXB guides never taught the trees.
``--cv`` holds out whole sites (CRC32 of the host, two folds, as the extraction rounds
measure), the trees fitted on one fold and measured on the other, and prints each fold's mean
F1 before and after at every cutoff of ``CUTOFFS`` (pages up and down), and at the cutoff
learned on the training fold alone (its inner folds and the news pages).
``python -m broadsheet.extract.train_lists --data DIR`` writes ``list_model.json``.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from broadsheet.bench.extraction import bag_f1, score_shingles
from broadsheet.extract import looselists
from broadsheet.extract.articlebody import block_lines, completed, with_lines
from broadsheet.extract.htmlparts import HtmlParts, html_parts
from broadsheet.extract.htmlverdict import weighed
from broadsheet.extract.linemodel import Ensemble
from broadsheet.extract.train import ensemble_json, read_gz, site_of
from broadsheet.model import PARAGRAPH_SEPARATOR, Page

FOLDS = 2
MIN_WEIGHT = 1e-5
PARAMS: dict[str, Any] = {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 8,
                          "min_samples_leaf": 20, "random_state": 0}
CUTOFFS = tuple(round(0.05 * step, 2) for step in range(6, 20))  # 0.3 to 0.95
INNER_SALT = "cutoff"  # the inner folds' hash: sites split otherwise than the held-out folds


@dataclass(frozen=True)
class ListPage:
    """One article page: its site, gold text, body as the path gives it without the list
    model, and its loose blocks with the lines each would add (cleaned as the body is)."""

    key: str
    site: str
    gold: str
    paragraphs: tuple[str, ...]
    blocks: tuple[looselists.LooseList, ...]
    lines: tuple[tuple[str, ...], ...]

    def text(self, kept: Sequence[bool]) -> str:
        """The page's text with the blocks ``kept`` says added, each before the body paragraph
        it goes before, as ``articlebody.listed`` puts it."""
        found: dict[int, list[str]] = {}
        for keep, block, lines in zip(kept, self.blocks, self.lines, strict=True):
            if keep:
                found.setdefault(block.before, []).extend(lines)
        return PARAGRAPH_SEPARATOR.join(with_lines(self.paragraphs, found))

    def f1(self, kept: Sequence[bool]) -> float:
        """The page's word F1 with the blocks ``kept`` says added."""
        return bag_f1(self.gold, self.text(kept))


def list_pages(root: Path) -> Iterator[ListPage]:
    """The WCXB dev article pages the HTML path judges articles (both stages of its verdict,
    ``htmlverdict.weighed``), with their loose blocks."""
    for path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        markup = root / "html" / f"{path.stem}.html.gz"
        if record["_internal"]["page_type"]["primary"] != "article" or not markup.exists():
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        page = _list_page(path.stem, markup, url, str(record["ground_truth"].get("main_content") or ""))
        if page is not None:
            yield page


def news_pages(root: Path) -> Iterator[ListPage]:
    """The scrapinghub news pages the HTML path judges articles, with their loose blocks: never
    trained on, read only to choose the cutoff (``learned_cutoff``)."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        page = _list_page(key, root / "html" / f"{key}.html.gz", gold[key].get("url"),
                          gold[key].get("articleBody") or "")
        if page is not None:
            yield page


def _list_page(key: str, markup: Path, url: str | None, gold: str) -> ListPage | None:
    """One page through the HTML path up to the list model, or None when it judges the page no
    article (both stages of its verdict, ``htmlverdict.weighed``)."""
    parts = html_parts(Page(id=key, source=markup.name, kind="html", content=read_gz(markup),
                            url=url))
    if not isinstance(parts, HtmlParts) or weighed(parts)[1] is not None:
        return None
    parts = completed(parts)
    blocks = tuple(looselists.loose_lists(parts.tree, parts.paragraphs))
    lines = tuple(block_lines(parts, block) for block in blocks)
    return ListPage(key, site_of(url, key), gold, parts.paragraphs, blocks, lines)


def fold_of(page: ListPage, salt: str = "") -> int:
    """The page's fold: the CRC32 of its site (after ``salt``: the inner folds), modulo
    ``FOLDS``."""
    return zlib.crc32(f"{salt}{page.site}".encode()) % FOLDS


def _rows(pages: Sequence[ListPage]) -> tuple[Any, Any, Any]:
    """The feature matrix, labels and weights of every block of ``pages``: a block is labelled 1
    when adding it alone raises its page's word F1, and weighs what it moves that F1 by."""
    x, y, weights = [], [], []
    for page in pages:
        alone = page.f1([False] * len(page.blocks))
        for i, block in enumerate(page.blocks):
            gain = page.f1([j == i for j in range(len(page.blocks))]) - alone
            x.append(block.features)
            y.append(gain > 0)
            weights.append(abs(gain) + MIN_WEIGHT)
    return (np.array(x, dtype=np.float64).reshape(-1, len(looselists.LIST_FEATURES)), np.array(y),
            np.array(weights))


def fit_trees(pages: Sequence[ListPage]) -> dict[str, Any]:
    """Boosted trees (``PARAMS``) over the features of ``pages``' blocks, rows weighted, in the
    JSON form ``linemodel.Ensemble`` reads."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    x, y, weights = _rows(pages)
    with threadpool_limits(1):  # OpenMP threads on busy shared cores only slow the fit down
        fitted = HistGradientBoostingClassifier(**PARAMS).fit(x, y, sample_weight=weights)
    return ensemble_json(fitted)


def mean_f1(pages: Sequence[ListPage], model: looselists.ListModel | None) -> tuple[float, int, int]:
    """The pages' mean word F1 with the blocks ``model`` keeps added (none without a model), and
    the pages up and down by more than 0.005 against none added."""
    before = [page.f1([False] * len(page.blocks)) for page in pages]
    after = [page.f1([model is not None and model.keeps(block) for block in page.blocks])
             for page in pages]
    up = sum(a > b + 0.005 for a, b in zip(after, before, strict=True))
    down = sum(a < b - 0.005 for a, b in zip(after, before, strict=True))
    return float(np.mean(after)) if after else 0.0, up, down


def inner_f1(pages: Sequence[ListPage]) -> list[float]:
    """The pages' mean word F1 at each cutoff of ``CUTOFFS``, each page's blocks read by trees
    fitted on the pages of the other inner fold of sites (``fold_of`` with ``INNER_SALT``)."""
    totals = np.zeros(len(CUTOFFS))
    for fold in range(FOLDS):
        trees = Ensemble.from_json(fit_trees([page for page in pages
                                              if fold_of(page, INNER_SALT) != fold]))
        for page in (page for page in pages if fold_of(page, INNER_SALT) == fold):
            chances = [trees.probability_one(block.features) for block in page.blocks]
            totals += [page.f1([chance >= cutoff for chance in chances]) for cutoff in CUTOFFS]
    return [float(total) / max(len(pages), 1) for total in totals]


def news_f1(news: Sequence[ListPage], trees: Ensemble) -> tuple[float, list[float]]:
    """The news pages' shingle F1 (the scrapinghub benchmark's) with no block added, and with
    the blocks ``trees`` keep at each cutoff of ``CUTOFFS``."""
    chances = [[trees.probability_one(block.features) for block in page.blocks] for page in news]

    def f1(cutoff: float) -> float:
        return score_shingles([(page.gold, page.text([chance >= cutoff for chance in kept]))
                               for page, kept in zip(news, chances, strict=True)])["f1"]

    return f1(2.0), [f1(cutoff) for cutoff in CUTOFFS]


def learned_cutoff(pages: Sequence[ListPage], news: Sequence[ListPage],
                   trees: Ensemble) -> float:
    """The cutoff of ``CUTOFFS`` with the best ``inner_f1`` among those at which the news pages
    lose nothing to the blocks ``trees`` (fitted on ``pages``) keep; at a tie, the higher.
    None admissible: the highest."""
    return chosen_cutoff(inner_f1(pages), *news_f1(news, trees))


def chosen_cutoff(inner: Sequence[float], none: float, kept: Sequence[float]) -> float:
    """The cutoff of ``CUTOFFS`` whose ``inner`` F1 is best among those whose news F1 (``kept``)
    is not under ``none``'s; at a tie the higher, and the highest when none is admissible."""
    admissible = [i for i, f1 in enumerate(kept) if f1 >= none - 1e-9] or [len(CUTOFFS) - 1]
    return CUTOFFS[max(admissible, key=lambda i: (inner[i], i))]


def fit_model(pages: Sequence[ListPage], news: Sequence[ListPage]) -> dict[str, Any]:
    """The list model fitted on ``pages`` (``list_model.json``'s form): the trees and the
    cutoff ``learned_cutoff`` chooses."""
    fitted = fit_trees(pages)
    cutoff = learned_cutoff(pages, news, Ensemble.from_json(fitted))
    return {"features": list(looselists.LIST_FEATURES), "cutoff": cutoff, "model": fitted}


def cross_validate(pages: Sequence[ListPage], news: Sequence[ListPage]) -> None:
    """Print each fold's mean F1 without and with the trees fitted on the other fold, at every
    cutoff of ``CUTOFFS`` and at the one learned on the other fold alone."""
    learned = []
    for fold in range(FOLDS):
        test = [page for page in pages if fold_of(page) == fold]
        train = [page for page in pages if fold_of(page) != fold]
        trees = Ensemble.from_json(fit_trees(train))
        cutoff = learned_cutoff(train, news, trees)
        after = mean_f1(test, looselists.ListModel(trees, cutoff))
        learned.append(after[0] * len(test))
        print(f"fold {fold}: {len(test)} pages, {mean_f1(test, None)[0]:.5f} without the model, "
              f"{after[0]:.5f} at the cutoff learned on the other fold, {cutoff} ({after[1]} up, "
              f"{after[2]} down)")
        for each in CUTOFFS:
            at = mean_f1(test, looselists.ListModel(trees, each))
            print(f"  cutoff {each}: {at[0]:.5f} ({at[1]} up, {at[2]} down)")
    print(f"both folds, the learned cutoffs: {sum(learned) / max(len(pages), 1):.5f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the list model (looselists.loose_lists).")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cv", action="store_true", help="print the held-out figures first")
    args = parser.parse_args(argv)
    pages = list(list_pages(args.data / "extraction" / "wcxb-dev"))
    news = list(news_pages(args.data / "extraction" / "scrapinghub"))
    if args.cv:
        cross_validate(pages, news)
    fitted = fit_model(pages, news)
    model = looselists.ListModel.from_json(fitted)
    base, after = mean_f1(pages, None), mean_f1(pages, model)
    print(f"all {len(pages)} pages, cutoff {model.cutoff}: {base[0]:.5f} -> {after[0]:.5f} "
          f"({after[1]} up, {after[2]} down)")
    for cutoff in CUTOFFS:
        print(f"  cutoff {cutoff}: {mean_f1(pages, looselists.ListModel(model.trees, cutoff))[0]:.5f}")
    looselists.LIST_MODEL_PATH.write_text(json.dumps(fitted, separators=(",", ":")) + "\n",
                                       encoding="utf-8")


if __name__ == "__main__":
    main()
