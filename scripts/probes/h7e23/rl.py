import pickle, sys
from collections import Counter, defaultdict
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
for f in sys.argv[1:]:
    p = pickle.load(open(f, "rb"))
    g = {a.id: l for a, l in zip(articles, gold)}
    d = {a.id: a.published is not None for a in articles}
    L = {a.id: len(a.text.split()) >= 100 for a in articles}
    size = Counter(p.values())
    ev = defaultdict(list)
    for a in articles: ev[g[a.id]].append(a.id)
    miss = Counter(); tot = Counter()
    for e, ids in ev.items():
        for x in ids:
            for y in ids:
                if x < y:
                    k = ("DD" if d[x] and d[y] else "UU" if not d[x] and not d[y] else "DU")
                    tot[k] += 1
                    if p[x] != p[y]:
                        k2 = k + ("-alone" if size[p[x]] == 1 or size[p[y]] == 1 else "")
                        miss[k2] += 1
    # BCubed recall loss by doc category
    loss = Counter()
    for e, ids in ev.items():
        for x in ids:
            r = sum(1 for y in ids if p[y] == p[x]) / len(ids)
            loss[("dated" if d[x] else "undated", "long" if L[x] else "short", "alone" if size[p[x]] == 1 else "small" if size[p[x]] <= 3 else "big")] += (1 - r)
    print(f, "same-event pairs", dict(tot), "missed", dict(miss))
    n = len(articles)
    for k, v in sorted(loss.items(), key=lambda x: -x[1]): print("  recall loss", k, round(v / n, 4))
