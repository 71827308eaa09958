"""The bench's own rows (ours, and with --stable the two-batch / another-order rows) on chosen
sets, with the story vote's gate set. Usage: rows.py GATE SET [SET...] [--stable]
GATE: off | caseless | all."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import _bcubed, _half, another_order, in_batches, ours, score_row
from broadsheet.stories import neighbours

gate, *names = sys.argv[1:]
stable = "--stable" in names
names = [n for n in names if not n.startswith("--")]
neighbours.STORIES_GATE = "" if gate == "off" else gate
for name in names:
    rel, load = DATASETS[name]
    articles, gold = load(Path("/work/shared/data/clustering") / rel)
    start = time.process_time()
    pred = ours(articles)
    rows = [score_row(name, "ours", gold, pred, time.process_time() - start)]
    if stable:
        halves = [[a for a in articles if _half(a.id)], [a for a in articles if not _half(a.id)]]
        two, kept = in_batches(articles, halves)
        rows.append(score_row(name, "ours: two batches", gold, two, 0.0,
                              {"vs_one_batch_bcubed_f1": _bcubed(pred, two), "ids_kept": kept}))
        other = another_order(articles)
        rows.append(score_row(name, "ours: one batch, another order", gold, other, 0.0,
                              {"vs_one_batch_bcubed_f1": _bcubed(pred, other)}))
    for r in rows:
        m = r.metrics
        extra = f" vs one {m['vs_one_batch_bcubed_f1']:.3f}" if "vs_one_batch_bcubed_f1" in m else ""
        extra += f" ids kept {m['ids_kept']:.3f}" if "ids_kept" in m else ""
        print(f"{gate:9} {name:14} {r.system:32} NMI {m['nmi']:.3f} B3 {m['bcubed_f1']:.3f} "
              f"(P {m['bcubed_p']:.3f} R {m['bcubed_r']:.3f}) pair {m['pair_f1']:.3f}"
              f" stories {len(set(r_ for r_ in pred))}{extra} cpu {r.seconds:.0f}s", flush=True)
