"""Where a set errs now: the stories losing most BCubed precision (wrong merges: their labels'
shares and a title per label) and the labels losing most BCubed recall (splits: their pieces and a
title per piece). Usage: PYTHONPATH=src python scripts/probes/h7g30/errors.py SET [N]"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench.cluster_metrics import bcubed_scores
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours

name = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 15
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
cache = Path(f"/tmp/h7g30-{name}.json")
if "--cached" in sys.argv and cache.exists():
    pred = json.loads(cache.read_text())
else:
    pred = ours(articles)
    cache.write_text(json.dumps(pred))
print(name, bcubed_scores(gold, pred))
n = len(gold)
story: dict[str, Counter[str]] = defaultdict(Counter)
label: dict[str, Counter[str]] = defaultdict(Counter)
title: dict[tuple[str, str], str] = {}
for a, g, p in zip(articles, gold, pred):
    story[p][g] += 1
    label[g][p] += 1
    title.setdefault((p, g), (a.title or a.text)[:90].replace("\n", " "))
ploss = {p: sum(k * (1 - k / sum(c.values())) for k in c.values()) / n for p, c in story.items()}
rloss = {g: sum(k * (1 - k / sum(c.values())) for k in c.values()) / n for g, c in label.items()}
print(f"precision loss {sum(ploss.values()):.3f}, recall loss {sum(rloss.values()):.3f}")
print("\n== wrong merges (story: size, BCubed precision loss; its labels)")
for p, loss in sorted(ploss.items(), key=lambda x: -x[1])[:top]:
    c = story[p]
    print(f"story {p}: {sum(c.values())} items, loss {loss:.4f}")
    for g, k in c.most_common(4):
        print(f"    label {g} x{k} (of {sum(label[g].values())}): {title[(p, g)]}")
print("\n== splits (label: size, BCubed recall loss; its pieces)")
for g, loss in sorted(rloss.items(), key=lambda x: -x[1])[:top]:
    c = label[g]
    print(f"label {g}: {sum(c.values())} items, loss {loss:.4f}, pieces {[k for _, k in c.most_common(10)]}")
    for p, k in c.most_common(4):
        print(f"    story {p} x{k} (size {sum(story[p].values())}): {title[(p, g)]}")
