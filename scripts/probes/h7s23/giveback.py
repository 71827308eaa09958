"""Diagnostic of idea 2 (a first batch that gives articles back): the first batch's articles that
ended in undated stories of at most MAX members are held back and placed again with the second
batch (as if those stories had given their members back). Usage: giveback.py SET MAX"""
import sys, json, os
from pathlib import Path
from broadsheet.bench import clustering as C
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench import BenchReport
from broadsheet.stories import engine, StoryIndex, Clusterer, prepare
for k, v in os.environ.items():
    if k.startswith("E_"):
        setattr(engine, k[2:], type(getattr(engine, k[2:]))(eval(v)))
rep = BenchReport(stage="x", notes=[])
sets = C.load_sets(Path("/work/shared/data"), None, rep)
name, most = sys.argv[1], int(sys.argv[2])
arts, gold = sets[name]
one = [str(p) for p in C.ours(arts)]
halves = [[a for a in arts if C._half(a.id)], [a for a in arts if not C._half(a.id)]]
index = StoryIndex(window_days=engine.DEFAULT_WINDOW_DAYS)
Clusterer(index).add_all(prepare(a) for a in halves[0])
back = {m.article_id for s in index.stories.values() if s.size <= most and not s.days for m in s.members}
first = [a for a in halves[0] if a.id not in back]
second = [a for a in halves[0] if a.id in back] + halves[1]
two, kept = C.in_batches(arts, [first, second])
print(json.dumps({"set": name, "max": most, "given_back": len(back), "first_half": len(halves[0]),
                  "two_vs_one": round(C._bcubed(one, two), 4), "share_kept_in_place": 1 - len(back) / len(halves[0]),
                  "two_bcubed": round(score(gold, two)["bcubed_f1"], 4), "two_pair": round(score(gold, two)["pair_f1"], 4)}), flush=True)
