"""Every merge of two large caseless stories on main's path (the veto never refuses), with what
the own-words test reads: per side, how many own words it has at OWN / FEW, and its strongest own
word (its rate per member over its story, the other story's rate); the sides' commonest labels.
Usage: observe.py SET  (prints one row per distinct pair asked; then a summary)"""
from __future__ import annotations

import sys
import traceback
from collections import Counter
from pathlib import Path

import numpy as np

from broadsheet.bench.cluster_metrics import bcubed_scores
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours
from broadsheet.stories import ownwords

name = sys.argv[1]
label: dict[str, str] = {}
rows: dict[tuple, tuple] = {}


def rates(story, other):  # type: ignore[no-untyped-def]
    mine = story.title.plus(story.lead)
    theirs = other.title.plus(other.lead)
    strong = mine.ids[mine.vals >= ownwords.OWN * story.size]
    own = mine.vals[mine.vals >= ownwords.OWN * story.size] / story.size
    held = np.zeros(len(strong))
    if len(theirs) and len(strong):
        at = np.minimum(np.searchsorted(theirs.ids, strong), len(theirs.ids) - 1)
        hit = theirs.ids[at] == strong
        held[hit] = theirs.vals[at[hit]]
    held /= other.size
    few = held <= ownwords.FEW
    best = (0.0, 0.0) if not few.any() else max(zip(own[few], held[few]))
    return int(few.sum()), int((held <= 0.02).sum()), round(float(best[0]), 2), round(float(best[1]), 2)


def refuses(one, other, least=ownwords.LEAST):  # type: ignore[no-untyped-def]
    if least <= 0 or not (ownwords.asked(one, least) and ownwords.asked(other, least)):
        return False
    la = Counter(label[m.article_id] for m in one.members).most_common(1)[0]
    lb = Counter(label[m.article_id] for m in other.members).most_common(1)[0]
    step = "_drain" if any(f.name == "_drain" for f in traceback.extract_stack()) else "_settle_one"
    key = (step, one.size, other.size, la, lb)
    rows[key] = (*rates(one, other), *rates(other, one),
                 "WRONG" if la[0] != lb[0] else "right")
    return False


ownwords.refuses = refuses  # type: ignore[assignment]
rel, load = DATASETS[name]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
label.update({a.id: g for a, g in zip(articles, gold)})
pred = ours(articles)
print(name, {k: round(v, 3) for k, v in bcubed_scores(gold, pred).items()})
print("step sizes labels | side A: own words, own words the other holds at <= 0.02, best (rate, "
      "other's rate) | side B: the same | right/WRONG")
for key, r in rows.items():
    print(*key, "|", *r[:4], "|", *r[4:8], "|", r[8])
kinds = Counter(r[8] for r in rows.values())
print("pairs asked:", dict(kinds))
