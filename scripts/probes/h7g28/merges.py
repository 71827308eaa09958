"""Every merge of one batch on a set, with the step that made it (the caller), both sides' sizes
and majority labels: which step joins two whole topics. Usage: merges.py SET"""
from __future__ import annotations

import sys
import traceback
from collections import Counter
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.stories import index as index_mod
from broadsheet.stories.engine import cluster_articles

name = sys.argv[1] if len(sys.argv) > 1 else "googlenews-TS"
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
label = {a.id: g for a, g in zip(articles, gold)}
log = []
original = index_mod.StoryIndex.merge


def logged(self, survivor, absorbed):  # type: ignore[no-untyped-def]
    stack = [f.name for f in traceback.extract_stack()[:-1]]
    step = next((s for s in reversed(stack) if s in ("_drain", "_settle_one", "absorb_lone", "_merge", "absorb_far", "absorb_pieces")), stack[-1])
    a = Counter(label[m.article_id] for m in survivor.members)
    b = Counter(label[m.article_id] for m in absorbed.members)
    log.append((step, survivor.size, absorbed.size, a.most_common(1)[0], b.most_common(1)[0]))
    return original(self, survivor, absorbed)


index_mod.StoryIndex.merge = logged  # type: ignore[method-assign]
cluster_articles(articles)
steps = Counter(s for s, *_ in log)
print("merges by step", dict(steps))
wrong = [r for r in log if r[3][0] != r[4][0]]
print("merges whose majority labels differ, by step:", dict(Counter(r[0] for r in wrong)))
print("of them with both sides >= 10:")
for r in wrong:
    if r[1] >= 10 and r[2] >= 10:
        print("  ", r)
print("right merges with both sides >= 10, by step:",
      dict(Counter(r[0] for r in log if r[3][0] == r[4][0] and r[1] >= 10 and r[2] >= 10)))
for lo in (2, 5, 10, 20, 40):
    right = sum(1 for r in log if r[3][0] == r[4][0] and min(r[1], r[2]) >= lo)
    bad = sum(1 for r in log if r[3][0] != r[4][0] and min(r[1], r[2]) >= lo)
    print(f"smaller side >= {lo}: right {right} wrong {bad}")
