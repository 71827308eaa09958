"""Google News TS recall losses on the current engine: how each true topic is split among our
stories, and what the fragments look like (size, words per item, vocabulary shared with the
topic's largest story). Usage: PYTHONPATH=src python scripts/probes/h7g28/losses.py SET"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench.cluster_metrics import bcubed_scores
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours

name = sys.argv[1] if len(sys.argv) > 1 else "googlenews-TS"
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
pred = ours(articles)
Path(f"/tmp/h7g28-{name}.json").write_text(json.dumps(pred))
print(name, bcubed_scores(gold, pred))
by_label: dict[str, Counter[str]] = defaultdict(Counter)
for g, p in zip(gold, pred):
    by_label[g][p] += 1
sizes = Counter(pred)
pieces = sorted(((len(c), g, c) for g, c in by_label.items()), reverse=True)
print("labels", len(by_label), "stories", len(sizes),
      "of one", sum(1 for s in sizes.values() if s == 1))
frag_sizes = Counter()
lost = Counter()
for n, g, c in pieces:
    top = c.most_common(1)[0][1]
    total = sum(c.values())
    for s, k in c.items():
        if k != top:
            bucket = "1" if sizes[s] == 1 else "2-5" if sizes[s] <= 5 else "6-25" if sizes[s] <= 25 else "26+"
            frag_sizes[bucket] += k
    lost[g] = total - top
print("items outside their topic's largest story, by the size of the story they sit in:",
      dict(frag_sizes), "total", sum(lost.values()))
print("topics most split (label: items, stories, largest piece, next pieces)")
for n, g, c in pieces[:15]:
    print(g, sum(c.values()), n, [k for _, k in c.most_common(8)])
# purity of the pieces: stories of 2+ whose majority label is not dominant
mixed = 0
story_labels: dict[str, Counter[str]] = defaultdict(Counter)
for g, p in zip(gold, pred):
    story_labels[p][g] += 1
for p, c in story_labels.items():
    if len(c) > 1:
        mixed += 1
print("stories mixing labels", mixed)
words = [len(a.text.split()) for a in articles]
print("words per item: median", sorted(words)[len(words) // 2], "mean", sum(words) / len(words))
