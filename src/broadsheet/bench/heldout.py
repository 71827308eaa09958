"""The learned parts of extraction measured on sites they were not trained on.

The shipped line model and page classifier were trained on the scrapinghub pages and the WCXB
dev pages, so their figures on those pages are figures on training data. Here both are retrained
``FOLDS`` times, each time without one fold of *sites* (``GroupKFold`` on the host name: no site
in both train and test), and measured on the held-out fold only:

- ``scrapinghub-text`` and ``wcxb-dev-article-text`` (WCXB article pages flattened to text with
  ``html-text``, as the scrapinghub dumps were): the real text path with the fold's line model;
  beside it, keeping every line and trafilatura on the lines wrapped as ``<p>``;
- ``wcxb-dev-all`` is_article accuracy with the fold's page classifier (the signals come from the
  HTML runs the benchmark already made).

Needs ``html-text`` (a ``dev`` dependency) for the text rows; without it they are skipped.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from statistics import mean
from typing import TYPE_CHECKING

from broadsheet.bench import BenchRow

if TYPE_CHECKING:
    from broadsheet.bench.extraction import Collected
    from broadsheet.extract.train import LabelledPage

FOLDS = 5
HELD_OUT = "broadsheet, sites held out"


def _text_pages(root: Path, limit: int | None) -> list[LabelledPage]:
    """The scrapinghub dumps and the WCXB article pages flattened to text, ``limit`` of each."""
    from itertools import islice

    from broadsheet.extract.train import scrapinghub_pages, wcxb_pages

    shub = list(islice(scrapinghub_pages(root / "scrapinghub"), limit))
    wcxb = list(islice(wcxb_pages(root / "wcxb-dev"), limit))
    return shub + wcxb


def text_rows(root: Path, limit: int | None, baselines: bool) -> list[BenchRow]:
    """Held-out text-path rows for scrapinghub (shingles) and WCXB articles (bag of words)."""
    from broadsheet.bench.extraction import bag_f1, score_shingles, trafilatura_alone, wrap_as_html
    from broadsheet.extract.train import build_dataset, held_out_texts

    pages = _text_pages(root, limit)
    start = time.perf_counter()
    texts = held_out_texts(pages, build_dataset(pages), FOLDS)
    seconds = time.perf_counter() - start
    shub = [n for n, p in enumerate(pages) if p.corpus == "scrapinghub"]
    wcxb = [n for n, p in enumerate(pages) if p.corpus == "wcxb"]
    rows = [
        BenchRow("scrapinghub-text", HELD_OUT,
                 score_shingles((pages[n].gold, texts[n]) for n in shub), len(shub), seconds),
        BenchRow("wcxb-dev-article-text", HELD_OUT,
                 {"f1": mean(bag_f1(pages[n].gold, texts[n]) for n in wcxb) if wcxb else 0.0},
                 len(wcxb), seconds),
    ]
    if baselines:
        for system, predict in (("keep everything", lambda t: t),
                                ("trafilatura on <p> lines",
                                 lambda t: trafilatura_alone(wrap_as_html(t)))):
            scores = [bag_f1(pages[n].gold, predict(pages[n].text)) for n in wcxb]
            rows.append(BenchRow("wcxb-dev-article-text", system,
                                 {"f1": mean(scores) if scores else 0.0}, len(wcxb)))
    return rows


def page_rows(collected: Collected) -> list[BenchRow]:
    """Held-out is_article accuracy over the WCXB pages the HTML runs judged: all of them
    (``wcxb-dev-all``), then the pages of each type (``wcxb-dev-<type>``)."""
    from broadsheet.extract.train_pages import accuracy_by_kind, held_out_verdicts

    rows = collected.page_rows
    usable = [r for r in rows if r.signals is not None]
    if len({r.site for r in usable}) < FOLDS or len({r.is_article for r in usable}) < 2:
        return []
    found = accuracy_by_kind(rows, held_out_verdicts(rows, FOLDS))
    return [BenchRow(f"wcxb-dev-{kind}", f"{HELD_OUT} is_article", {"accuracy": accuracy}, pages)
            for kind, (accuracy, pages) in found.items()]


def held_out_rows(root: Path, limit: int | None, collected: Collected, baselines: bool,
                  notes: list[str]) -> Sequence[BenchRow]:
    """Every held-out row that the data (and the installed tools) allow."""
    rows = page_rows(collected)
    try:
        import html_text  # noqa: F401
    except ImportError:
        notes.append("skipped the held-out text rows: html-text is not installed (pip install "
                     "'.[dev]')")
        return rows
    if (root / "scrapinghub").is_dir() and (root / "wcxb-dev").is_dir():
        rows.extend(text_rows(root, limit, baselines))
    notes.append(f"'{HELD_OUT}': the learned models retrained {FOLDS} times without the sites "
                 "they are scored on (GroupKFold by host); the plain 'broadsheet' rows use the "
                 "shipped models, trained on all these pages")
    return rows
