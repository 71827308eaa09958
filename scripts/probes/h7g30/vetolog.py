"""What the cohesion veto is asked in the first half batch of TS (the two-batch run): every ask
where the two sides' majority labels are one of the sibling pairs, with sizes, shares over
expectation and whether refused; and which path merges the pairs otherwise.
Usage: PYTHONPATH=src python scripts/probes/h7g30/vetolog.py SET [ratio]"""
from __future__ import annotations

import sys
import traceback
from collections import Counter
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import _half
from broadsheet.stories import Clusterer, StoryIndex, cohesion, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.index import StoryIndex as _SI
from broadsheet.stories.score import DEFAULT_MODEL

name = sys.argv[1]
if len(sys.argv) > 2:
    cohesion.RATIO = float(sys.argv[2])
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
lab = {a.id: g for a, g in zip(articles, gold)}
original = cohesion.Cohesion.refuses


def major(story):  # type: ignore[no-untyped-def]
    return Counter(lab[m.article_id] for m in story.members).most_common(1)[0]


def refuses(self, one, other):  # type: ignore[no-untyped-def]
    out = original(self, one, other)
    la, lb = major(one), major(other)
    if la[0] != lb[0] and min(one.size, other.size) >= 5:
        mine, theirs = self.batch_members(one), self.batch_members(other)
        stack = [f.name for f in traceback.extract_stack()[:-1]]
        step = "_drain" if "_drain" in stack else "_settle_one"
        print("ask", step, one.size, other.size, la, lb, "asked" if mine and theirs else "not asked",
              "REFUSED" if out else "")
    return out


merge = _SI.merge


def logged_merge(self, large, small):  # type: ignore[no-untyped-def]
    la, lb = major(large), major(small)
    if la[0] != lb[0] and min(large.size, small.size) >= 5:
        stack = [f.name for f in traceback.extract_stack()[:-1]]
        print("MERGE", large.size, small.size, la, lb, stack[-4:])
    return merge(self, large, small)


cohesion.Cohesion.refuses = refuses  # type: ignore[method-assign]
_SI.merge = logged_merge  # type: ignore[method-assign]
halves = [[a for a in articles if _half(a.id)], [a for a in articles if not _half(a.id)]]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index, DEFAULT_MODEL)
print("== batch 1")
engine.add_all(prepare(a) for a in halves[0])
print("== batch 2")
engine.add_all(prepare(a) for a in halves[1])
