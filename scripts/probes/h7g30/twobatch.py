"""Main's two-batch run on a set: for the sibling label pairs of TS's wrong merges, the stories
each label's items sit in (sizes by label) after the first batch and after both.
Usage: PYTHONPATH=src python scripts/probes/h7g30/twobatch.py SET"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import _half, labels
from broadsheet.stories import Clusterer, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.index import StoryIndex
from broadsheet.stories.score import DEFAULT_MODEL

PAIRS = [("77", "68"), ("21", "38"), ("139", "140"), ("90", "79"), ("129", "127"), ("148", "25")]
name = sys.argv[1]
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
lab = {a.id: g for a, g in zip(articles, gold)}
halves = [[a for a in articles if _half(a.id)], [a for a in articles if not _half(a.id)]]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index, DEFAULT_MODEL)


def show(tag: str, arts) -> None:  # type: ignore[no-untyped-def]
    pred = labels(index.where, arts)
    comp: dict[str, Counter[str]] = defaultdict(Counter)
    for a, p in zip(arts, pred):
        comp[p][lab[a.id]] += 1
    for x, y in PAIRS:
        where = {s: dict(c) for s, c in comp.items() if c[x] + c[y] >= 3 and (c[x] or c[y])}
        big = {s: {k: v for k, v in c.items() if k in (x, y) or v >= 5} for s, c in where.items()}
        print(tag, x, y, sorted(big.values(), key=lambda d: -sum(d.values()))[:4])


engine.add_all(prepare(a) for a in halves[0])
show("after batch 1", halves[0])
engine.add_all(prepare(a) for a in halves[1])
show("after both", articles)
