"""Offline: the merges a core-names veto (sides >= LEAST, share SHARE) refuses, with the names."""
import pickle
import sys
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.features import lead_text, text_names
from broadsheet.stories.sparse import bucket

L = pickle.load(open(sys.argv[1], "rb"))
LEAST, SHARE = int(sys.argv[2]), float(sys.argv[3])
report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus"]
name = {}
for a in articles:
    for n in text_names(a.title, lead_text(a.paragraphs)):
        name[bucket(n)] = n


def core(n, size):
    ids, vals = n
    return set(ids[vals >= SHARE * size].tolist())


def held(n):
    ids, vals = n
    return set(ids[vals > 0].tolist())


for r in L:
    sa, sb = len(r["a"]), len(r["b"])
    if min(sa, sb) < LEAST:
        continue
    ma, mb = core(r["na"], sa) - held(r["nb"]), core(r["nb"], sb) - held(r["na"])
    shared = core(r["na"], sa) & held(r["nb"])
    if ma and mb:
        print(r["stage"], "WRONG" if r["wrong"] else "right", sa, sb, r["da"], r["db"],
              "| A only:", sorted(name.get(i, "?") for i in ma)[:6], "| B only:", sorted(name.get(i, "?") for i in mb)[:6],
              "| A core shared:", sorted(name.get(i, "?") for i in shared)[:6])
