"""Where BCubed recall and precision are lost on a set, from the labels losses.py saved.
Usage: PYTHONPATH=src python scripts/probes/h7g28/split.py SET"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS

name = sys.argv[1] if len(sys.argv) > 1 else "googlenews-TS"
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
pred = json.loads(Path(f"/tmp/h7g28-{name}.json").read_text())
n = len(gold)
L = Counter(gold)
S = Counter(pred)
both = Counter(zip(gold, pred))
rloss = defaultdict(float)
ploss = defaultdict(float)
for (g, p), k in both.items():
    rloss[g] += k * (1 - k / L[g])
    ploss[p] += k * (1 - k / S[p])
print("recall loss", sum(rloss.values()) / n, "precision loss", sum(ploss.values()) / n)
print("recall loss by label (share of the total loss), pieces of 2+ items:")
for g, v in sorted(rloss.items(), key=lambda kv: -kv[1])[:12]:
    pieces = sorted(((k, p) for (gg, p), k in both.items() if gg == g), reverse=True)
    print(f"  {g}: {v / n:.4f} size {L[g]} pieces {[(k, S[p]) for k, p in pieces[:6]]}")
print("precision loss by story:")
for p, v in sorted(ploss.items(), key=lambda kv: -kv[1])[:12]:
    mix = sorted(((k, g) for (g, pp), k in both.items() if pp == p), reverse=True)
    print(f"  {p[:20]}: {v / n:.4f} size {S[p]} labels {[(k, g, L[g]) for k, g in mix[:5]]}")
# recall loss from pieces by whether the piece is the label's largest
big = 0.0
for g in L:
    pieces = sorted(((k, p) for (gg, p), k in both.items() if gg == g), reverse=True)
    top = pieces[0][0]
    big += top * (1 - top / L[g])
print("recall loss carried by the largest pieces' items:", big / n)
