"""A1r: the story vote repeated until it merges nothing (at most 1 + EXTRA rounds) on a set.
Usage: rounds.py SET"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours, score_row
from broadsheet.stories import neighbours

EXTRA = 3
once = neighbours.absorb_stories


def repeated(engine, items, neighbours_=neighbours.NEIGHBOURS, gate=neighbours.STORIES_GATE):  # type: ignore[no-untyped-def]
    total = merged = once(engine, items, neighbours_, gate)
    for _ in range(EXTRA):
        if not merged:
            break
        merged = once(engine, items, neighbours_, gate)
        total += merged
        print("  another round merged", merged, flush=True)
    return total


neighbours.absorb_stories = repeated  # type: ignore[assignment]
for name in sys.argv[1:]:
    rel, load = DATASETS[name]
    articles, gold = load(Path("/work/shared/data/clustering") / rel)
    start = time.process_time()
    pred = ours(articles)
    m = score_row(name, "ours", gold, pred, 0.0).metrics
    print(f"A1r {name} NMI {m['nmi']:.3f} B3 {m['bcubed_f1']:.3f} (P {m['bcubed_p']:.3f} "
          f"R {m['bcubed_r']:.3f}) pair {m['pair_f1']:.3f} stories {len(set(pred))} "
          f"cpu {time.process_time() - start:.0f}s", flush=True)
