"""The bench's own rows on chosen sets with the own-words veto set, and (--log) every merge it
refused: where (linkage or merge pass), sizes, each side's commonest label and its share, right
(one label) or wrong. Usage: rows.py MODE SET [SET...] [--stable] [--log]
MODE: off | on | each (refused only when each side has an own word) | few=X | own=X"""
from __future__ import annotations

import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import _bcubed, _half, another_order, in_batches, ours, score_row
from broadsheet.stories import ownwords

mode, *names = sys.argv[1:]
stable = "--stable" in names
logging = "--log" in names
names = [n for n in names if not n.startswith("--")]
if mode.startswith("few="):
    ownwords.FEW = float(mode.split("=")[1])
if mode.startswith("own="):
    ownwords.OWN = float(mode.split("=")[1])
label: dict[str, str] = {}
log: list[tuple] = []
original = ownwords.refuses


def refuses(one, other, least=ownwords.LEAST):  # type: ignore[no-untyped-def]
    if mode == "off":
        return False
    if least <= 0 or not (ownwords.asked(one, least) and ownwords.asked(other, least)):
        return False
    a, b = ownwords.has_own_word(one, other), ownwords.has_own_word(other, one)
    refused = (a and b) if mode == "each" else (a or b)
    if logging and refused and label:
        stack = [f.name for f in traceback.extract_stack()[:-1]]
        step = "_drain" if "_drain" in stack else "_settle_one"
        la = Counter(label[m.article_id] for m in one.members).most_common(1)[0]
        lb = Counter(label[m.article_id] for m in other.members).most_common(1)[0]
        log.append((step, one.size, other.size, la, lb, int(a), int(b),
                    "WRONG" if la[0] != lb[0] else "right"))
    return refused


ownwords.refuses = refuses  # type: ignore[assignment]
for name in names:
    rel, load = DATASETS[name]
    articles, gold = load(Path("/work/shared/data/clustering") / rel)
    label.update({a.id: g for a, g in zip(articles, gold)})
    start = time.process_time()
    pred = ours(articles)
    rows = [score_row(name, "ours", gold, pred, time.process_time() - start)]
    if logging:
        seen = set()
        for r in log:
            if r not in seen:
                seen.add(r)
                print("  ", *r)
        kinds = Counter(r[-1] for r in seen)
        print("   refused (distinct):", dict(kinds))
        log.clear()
    label.clear()
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
        print(f"{mode:9} {name:14} {r.system:32} NMI {m['nmi']:.3f} B3 {m['bcubed_f1']:.3f} "
              f"(P {m['bcubed_p']:.3f} R {m['bcubed_r']:.3f}) pair {m['pair_f1']:.3f}"
              f" stories {len(set(pred))}{extra} cpu {r.seconds:.0f}s", flush=True)
