import sys, json, os
from pathlib import Path
from collections import Counter
from dataclasses import replace
import numpy as np
from broadsheet.bench import clustering as C
from broadsheet.bench import BenchReport
from broadsheet.stories import engine, linkage
from broadsheet.stories.score import FEATURES
LOG = []
orig = engine.Clusterer._settle_one
def _so(self, story):
    if story.size < linkage.PAIR_FROM and self.model.pair is not None:
        others = [s for s in self.index.story_candidates(story, self.limit) if not s.roundup]
        if others:
            rows = self.story_features(story, others)
            said = self.model.merges(rows, story.size)
            alone = replace(self.model, pair=None).merges(rows, story.size)
            pp = self.model.pair.probabilities(rows, self.model.capped(story.size))
            pa = self.model.probabilities(rows)
            und = rows[:, FEATURES.index("undated")] > 0
            for k, o in enumerate(others):
                if said[k] and not alone[k] and und[k]:
                    LOG.append(dict(side=[m.article_id for m in story.members], other=[m.article_id for m in o.members],
                                    pp=float(pp[k]), pa=float(pa[k]), words=[m.words for m in story.members],
                                    owords=[m.words for m in o.members], odays=len(o.days), rank=int((pp[und & said] > pp[k]).sum()),
                                    n=int((said & und).sum())))
    return orig(self, story)
engine.Clusterer._settle_one = _so
rep = BenchReport(stage="x", notes=[])
sets = C.load_sets(Path("/work/shared/data"), None, rep)
for name in sys.argv[1:]:
    LOG.clear()
    arts, gold = sets[name]
    g = {a.id: l for a, l in zip(arts, gold)}
    C.ours(arts)
    for r in LOG:
        maj = lambda ids: Counter(g[i] for i in ids).most_common(1)[0][0]
        r["right"] = maj(r["side"]) == maj(r["other"])
    json.dump(LOG, open(f"/tmp/h7s23/mlog-{name}.json", "w"))
    n = len(LOG); right = sum(r["right"] for r in LOG)
    print(name, n, right, flush=True)
    for lo, hi in ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        sel = [r for r in LOG if lo <= r["pp"] < hi]
        print(f"  pp {lo}-{hi}: {len(sel)} right {sum(r['right'] for r in sel)}")
    for lo, hi in ((0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.7), (0.7,1.01)):
        sel = [r for r in LOG if lo <= r["pa"] < hi]
        print(f"  pa {lo}-{hi}: {len(sel)} right {sum(r['right'] for r in sel)}")
    for cond, f in (("rank0", lambda r: r["rank"] == 0), ("n==1", lambda r: r["n"] == 1), ("side1", lambda r: len(r["side"]) == 1),
                    ("short", lambda r: all(w is not None and w < 100 for w in r["words"])), ("odays>0", lambda r: r["odays"] > 0)):
        sel = [r for r in LOG if f(r)]
        print(f"  {cond}: {len(sel)} right {sum(r['right'] for r in sel)}")
