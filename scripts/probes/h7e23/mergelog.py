import sys, pickle, os
from collections import Counter
from pathlib import Path
import numpy as np
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.stories.index import StoryIndex
from broadsheet.stories.score import DEFAULT_MODEL
CONFIGS = [(c, m) for c in (0.5, 0.75) for m in (0.0, 0.1, 0.25)]
def core_missing(a, b, c, m):
    na, nb = a.names, b.names
    core = na.ids[na.vals >= c * a.size]
    if not len(core): return False
    bv = dict(zip(nb.ids.tolist(), nb.vals.tolist()))
    return any(bv.get(int(x), 0.0) <= m * b.size for x in core)
log = []
orig = StoryIndex.merge
G = {}
def merge(self, survivor, absorbed):
    la = Counter(G[x.article_id] for x in survivor.members); lb = Counter(G[x.article_id] for x in absorbed.members)
    wrong = la.most_common(1)[0][0] != lb.most_common(1)[0][0]
    flags = tuple(survivor.size >= 2 and absorbed.size >= 2 and core_missing(survivor, absorbed, c, m) and core_missing(absorbed, survivor, c, m) for c, m in CONFIGS)
    flags1 = tuple(core_missing(survivor, absorbed, c, m) and core_missing(absorbed, survivor, c, m) for c, m in CONFIGS)
    log.append((CUR, wrong, min(survivor.size, absorbed.size), survivor.size + absorbed.size, flags, flags1))
    return orig(self, survivor, absorbed)
StoryIndex.merge = merge
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
runs = []
for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    if name == "realday":
        arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
        keys = sorted(arts); gold = realday.gold_labels(realday.LABELS, keys); articles = [arts[k] for k in keys]
    else:
        articles, gold = sets[name]
    G = {a.id: g for a, g in zip(articles, gold)}
    CUR = spec
    bench.ours(articles, pickle.load(open(held, "rb")) if held else DEFAULT_MODEL)
for spec in sys.argv[1].split(","):
    rows = [r for r in log if r[0] == spec]
    print(spec, "merges", len(rows), "wrong", sum(r[1] for r in rows))
    for k, cm in enumerate(CONFIGS):
        v = [r for r in rows if r[4][k]]; v1 = [r for r in rows if r[5][k]]
        print(f"   c={cm[0]} m={cm[1]}: both>=2 vetoes {len(v)} (wrong {sum(r[1] for r in v)}, wrong-pair-mass {sum(r[3] for r in v if r[1])});  any size vetoes {len(v1)} (wrong {sum(r[1] for r in v1)})", flush=True)
