"""Offline, on mergelog.py's pickle: a headline-names veto. A story's headline names: terms of its
names field whose words appear in the titles of at least HALF of its members. Refuse when both
sides have >= LEAST members and each has a headline name the other holds at under FLOOR x size."""
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.features import lead_text, text_names
from broadsheet.stories.sparse import bucket

L = pickle.load(open(sys.argv[1], "rb"))
report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus"]
title = {a.id: set(re.findall(r"[\w'’]+", a.title.casefold())) for a in articles}
name = {}
for a in articles:
    for n in text_names(a.title, lead_text(a.paragraphs)):
        name[bucket(n)] = n[2:]


def headline(ids, n, half):
    out = set()
    for i in n[0].tolist():
        words = name.get(i, "").split()
        if not words or any(ch.isdigit() for ch in "".join(words)):
            continue
        if sum(all(w in title[m] for w in words) for m in ids) >= half * len(ids):
            out.add(i)
    return out


def weight(n, i):
    ids, vals = n
    at = (ids == i).nonzero()[0]
    return float(vals[at[0]]) if len(at) else 0.0


for least in (1, 2, 3):
    for half in (0.5,):
        for floor in (0.0, 0.1, 0.25):
            c = Counter()
            shown = []
            for r in L:
                sa, sb = len(r["a"]), len(r["b"])
                if min(sa, sb) < least:
                    c["pass", r["wrong"]] += 1
                    continue
                ha = {i for i in headline(r["a"], r["na"], half) if weight(r["nb"], i) <= floor * sb}
                hb = {i for i in headline(r["b"], r["nb"], half) if weight(r["na"], i) <= floor * sa}
                refuse = bool(ha) and bool(hb)
                c["refuse" if refuse else "pass", r["wrong"]] += 1
                if refuse:
                    shown.append((r["stage"], "WRONG" if r["wrong"] else "right", sa, sb, sorted(name[i] for i in ha), sorted(name[i] for i in hb)))
            print(f"least={least} half={half} floor={floor}: refused wrong {c['refuse', True]} right {c['refuse', False]}; passed wrong {c['pass', True]} right {c['pass', False]}")
            if least == int(sys.argv[2]) and floor == float(sys.argv[3]):
                for s in shown:
                    print("    ", *s)
