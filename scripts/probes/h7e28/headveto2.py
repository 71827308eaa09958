"""Offline (development, tuning half): the headline-names veto with the larger side >= BIG and
the smaller >= SMALL members, on mergelog.py's pickle (one batch, or two with TWO)."""
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.features import lead_text, text_names
from broadsheet.stories.sparse import bucket
from broadsheet.stories.headnames import title_terms

L = [r for r in pickle.load(open(sys.argv[1], "rb")) if r]
report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus"]
titles = {a.id: title_terms(a.title) for a in articles}


def headline(ids, n):
    held = set(n[0].tolist())
    c = Counter(t for m in ids for t in titles[m] & held)
    return {t for t, k in c.items() if k >= 0.5 * len(ids)}


def own(ids, n, other_n, other_size):
    w = dict(zip(other_n[0].tolist(), other_n[1].tolist()))
    return any(w.get(t, 0.0) <= 0.25 * other_size for t in headline(ids, n))


for big in (3, 4):
    for small in (1, 2, 3):
        c = Counter()
        for r in L:
            sa, sb = len(r["a"]), len(r["b"])
            ok = max(sa, sb) >= big and min(sa, sb) >= small
            refuse = ok and own(r["a"], r["na"], r["nb"], sb) and own(r["b"], r["nb"], r["na"], sa)
            c["refuse" if refuse else "pass", r["wrong"]] += 1
        print(f"big={big} small={small}: refused wrong {c['refuse', True]} right {c['refuse', False]}; passed wrong {c['pass', True]} right {c['pass', False]}")
