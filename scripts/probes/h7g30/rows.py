"""The bench's own rows on chosen sets with the cohesion veto set, and (--log) every merge the veto
was asked about: step, sizes, both sides' shares against the expectation, majority labels, refused.
Usage: rows.py MODE SET [SET...] [--stable] [--log]
MODE: off | on | either (C2: refused when either side does not reach) | ratio=X | least=N"""
from __future__ import annotations

import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import _bcubed, _half, another_order, in_batches, ours, score_row
from broadsheet.stories import cohesion

mode, *names = sys.argv[1:]
stable = "--stable" in names
logging = "--log" in names
names = [n for n in names if not n.startswith("--")]
either = mode == "either"
if mode.startswith("ratio="):
    cohesion.RATIO = float(mode.split("=")[1])
if mode.startswith("least="):
    cohesion.LEAST = int(mode.split("=")[1])
label: dict[str, str] = {}
log: list[tuple] = []
original = cohesion.Cohesion.refuses


def share(self, side, other):  # type: ignore[no-untyped-def]
    home, away = set(side), set(other)
    inside = across = 0
    for near in self.neighbours(side):
        for k in near:
            inside += k in home
            across += k in away
    got = across / max(1, inside + across)
    return got, len(other) / (len(side) + len(other))


def refuses(self, one, other):  # type: ignore[no-untyped-def]
    if self.least <= 0 or len(self.items) <= self.count:
        return False
    mine, theirs = self.batch_members(one), self.batch_members(other)
    if mine is None or theirs is None:
        return False
    a, b = self.reaches(mine, theirs), self.reaches(theirs, mine)
    refused = (not (a and b)) if either else not (a or b)
    if mode == "off":
        refused = False
    if logging and label:
        stack = [f.name for f in traceback.extract_stack()[:-1]]
        step = "_drain" if "_drain" in stack else "_settle_one"
        la = Counter(label[self.items[n].member.article_id] for n in mine).most_common(1)[0]
        lb = Counter(label[self.items[n].member.article_id] for n in theirs).most_common(1)[0]
        sa, ea = share(self, mine, theirs)
        sb, eb = share(self, theirs, mine)
        log.append((step, len(mine), len(theirs), round(sa / ea, 2), round(sb / eb, 2),
                    la, lb, "WRONG" if la[0] != lb[0] else "right", "refused" if refused else ""))
    return refused


cohesion.Cohesion.refuses = refuses  # type: ignore[method-assign]
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
            if r[:5] not in seen:
                seen.add(r[:5])
                print("  ", *r)
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
              f" stories {len(set(r_ for r_ in pred))}{extra} cpu {r.seconds:.0f}s", flush=True)
