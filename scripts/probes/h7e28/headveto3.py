"""Offline (development, tuning half): headline names need at least TITLES member titles (and half
of the members); sides of at least SIDE members; on mergelog.py's pickles."""
import pickle
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.headnames import title_terms

report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus"]
titles = {a.id: title_terms(a.title) for a in articles}


def headline(ids, n, need):
    held = set(n[0].tolist())
    c = Counter(t for m in ids for t in titles[m] & held)
    return {t for t, k in c.items() if k >= max(need, 0.5 * len(ids))}


def own(ids, n, other_n, other_size, need, floor):
    w = dict(zip(other_n[0].tolist(), other_n[1].tolist()))
    return any(w.get(t, 0.0) <= floor * other_size for t in headline(ids, n, need))


for path in sys.argv[1:]:
    L = [r for r in pickle.load(open(path, "rb")) if r]
    for side, need in ((3, 1), (2, 2), (3, 2), (2, 1)):
        for floor in (0.25, 0.5):
            c = Counter()
            for r in L:
                sa, sb = len(r["a"]), len(r["b"])
                ok = min(sa, sb) >= side
                refuse = ok and own(r["a"], r["na"], r["nb"], sb, need, floor) and own(r["b"], r["nb"], r["na"], sa, need, floor)
                c["refuse" if refuse else "pass", r["wrong"]] += 1
            print(path, f"side>={side} titles>={need} floor={floor}: refused wrong {c['refuse', True]} right {c['refuse', False]}; passed wrong {c['pass', True]} right {c['pass', False]}")
