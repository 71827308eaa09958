"""CPU time of the HTML path on the scrapinghub pages, beside trafilatura alone, stage by stage.

    python scripts/extraction_speed.py --data ../shared/data [--no-stages]

Each page is extracted three times by ``extract.html.judged`` and three times by
``trafilatura.extract`` (default settings, comments off, as the bench's baseline), in turn; a
page's time is the least of its three runs in CPU time (``time.process_time``), which other jobs
on the machine disturb far less than wall time. Prints the medians and means of both, the ratio
of the medians (the bench's ``time_ratio`` is the same ratio in wall time) and the median per-page
ratio; then, unless ``--no-stages``, the CPU time of each stage of the HTML path on the run that
was kept (inclusive: a stage's time holds the stages it calls), mean and median over the pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from statistics import mean, median
from typing import Any

import trafilatura

from broadsheet.extract import (
    articlebody,
    byline,
    html,
    htmlmeta,
    htmlparts,
    htmlruns,
    htmlverdict,
    pageblocks,
    pagebody,
    pagekind,
    runs,
)
from broadsheet.model import Page

RUNS = 3
STAGES = [(htmlruns, "parse_html"), (byline, "page_metadata"), (byline, "find_author"),
          (byline, "text_byline"), (byline, "find_date"), (byline, "_catstags"),
          (htmlruns, "run_trafilatura"), (htmlmeta, "from_document"),
          (htmlparts, "without_related"), (articlebody, "without_related"),
          (pagebody, "without_related"), (htmlparts, "cleaned_lines"),
          (articlebody, "cleaned_lines"), (pagebody, "cleaned_lines"),
          (htmlverdict, "evidence_of"), (pagekind, "page_signals"),
          (htmlverdict, "heading_texts"), (htmlverdict, "page_words"), (htmlverdict, "verdict"),
          (html, "page_body"), (html, "junk_reason"), (html, "completed"), (html, "listed"),
          (runs, "_pruned"), (pageblocks, "page_blocks")]
spent: dict[str, float] = defaultdict(float)


def timed(module: Any, name: str) -> None:
    """Replace ``module.name`` by a wrapper adding its CPU time to ``spent`` (a trafilatura
    run under the name of its settings)."""
    function: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            key = name
            if name == "run_trafilatura":
                key = f"trafilatura precise={kwargs.get('precise')} fast={kwargs.get('fast', False)}"
            spent[key] += time.process_time() - start

    setattr(module, name, wrapper)


def least(function: Callable[[], Any]) -> tuple[float, dict[str, float]]:
    """The least CPU time of ``RUNS`` calls, and the stage times of that call."""
    best, stages = float("inf"), {}
    for _ in range(RUNS):
        spent.clear()
        start = time.process_time()
        function()
        took = time.process_time() - start
        if took < best:
            best, stages = took, dict(spent)
    return best, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--no-stages", action="store_true")
    args = parser.parse_args()
    if not args.no_stages:
        for module, name in STAGES:
            timed(module, name)
    root = args.data / "extraction" / "scrapinghub"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ours, theirs, rows = [], [], []
    for key, value in sorted(gold.items()):
        markup = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        page = Page(id=key, source=key, kind="html", content=markup, url=value.get("url"))
        took, stages = least(lambda page=page: html.judged(page))  # type: ignore[misc]
        ours.append(took)
        rows.append(stages)
        theirs.append(least(lambda m=markup: trafilatura.extract(m, include_comments=False))[0])  # type: ignore[misc]
    print(f"ours: median {1000 * median(ours):.2f} ms, mean {1000 * mean(ours):.2f}; trafilatura "
          f"alone: median {1000 * median(theirs):.2f}, mean {1000 * mean(theirs):.2f}; ratio of "
          f"medians {median(ours) / median(theirs):.3f}, median per-page ratio "
          f"{median(a / b for a, b in zip(ours, theirs, strict=True)):.3f} ({len(ours)} pages, "
          f"CPU time, least of {RUNS} runs)")
    names = {name for row in rows for name in row}
    for name in sorted(names, key=lambda n: -sum(row.get(n, 0.0) for row in rows)):
        values = [row.get(name, 0.0) for row in rows]
        print(f"  {name:40s} mean {1000 * mean(values):6.2f} ms  median {1000 * median(values):6.2f}"
              f"  on {sum(v > 0 for v in values)} pages")


if __name__ == "__main__":
    main()
