"""The story vote's CPU share of one batch on a set: ours timed whole (process CPU) and the vote
alone (wrapped). Usage: cost.py SET"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours
from broadsheet.stories import neighbours

spent = [0.0, 0]
once = neighbours.absorb_stories


def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.process_time()
    merged = once(*args, **kwargs)
    spent[0] += time.process_time() - start
    spent[1] += merged
    return merged


neighbours.absorb_stories = timed  # type: ignore[assignment]
name = sys.argv[1]
rel, load = DATASETS[name]
articles, _ = load(Path("/work/shared/data/clustering") / rel)
start = time.process_time()
ours(articles)
whole = time.process_time() - start
print(f"{name}: one batch {whole:.1f} CPU s, of it the story vote {spent[0]:.1f} s "
      f"({100 * spent[0] / whole:.1f}%), {spent[1]} stories absorbed")
