"""Where two batches part from one on ECB+: per topic, the stories (of two or more) each run makes,
as counts of each event. LEAST / SURNAMES / LEADING as in ecbrows.py.
usage: LEAST=4 SURNAMES=1 twobatch.py [odd|even|all]"""
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import features, fullnames

fullnames.LEAST = int(os.environ.get("LEAST", "0"))
fullnames.SMALL = int(os.environ.get("SMALL", "0"))
features.SURNAMES = os.environ.get("SURNAMES", "0") == "1"
fullnames.LEADING = os.environ.get("LEADING", "0") == "1"
half = sys.argv[1] if len(sys.argv) > 1 else "odd"
sets = bench.load_sets(Path("/work/shared/data"), None, BenchReport(stage="clustering", notes=[]))
articles, gold = sets["ecbplus"]
one = bench.ours(articles)
halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
two, _ = bench.in_batches(articles, halves)
by = defaultdict(list)
for a, g, o, t in zip(articles, gold, one, two):
    topic = int(ecbplus_topic(g))
    if half == "all" or topic % 2 == (half == "odd"):
        by[topic].append((g, str(o), str(t), bench._half(a.id)))
for topic, rows in sorted(by.items()):
    so, st = defaultdict(Counter), defaultdict(Counter)
    for g, o, t, h in rows:
        so[o][g] += 1
        st[t][g + ("/1" if h else "/2")] += 1
    fo = sorted(tuple(sorted(c.items())) for c in so.values())
    ft = sorted(tuple(sorted(c.items())) for c in st.values())
    fo2 = [dict(x) for x in fo if sum(dict(x).values()) > 1]
    ft2 = [dict(x) for x in ft if sum(dict(x).values()) > 1]
    if fo != sorted(tuple(sorted(Counter({k.split("/")[0]: 0 for k in dict(x)}).items())) for x in ft) or True:
        one_view = sorted(tuple(sorted(c.items())) for c in so.values())
        two_view = sorted(tuple(sorted(Counter({k: 0 for k in []}).items())) for _ in [])
        merged_two = sorted(tuple(sorted(Counter({g: sum(v for k, v in dict(x).items() if k.split("/")[0] == g)
                                                  for g in {k.split("/")[0] for k in dict(x)}}).items())) for x in ft)
        if one_view != merged_two:
            print("topic", topic, "\n  one:", fo2, "\n  two:", ft2)
