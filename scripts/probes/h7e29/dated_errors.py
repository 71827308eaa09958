"""Error analysis on ECB+'s dated half, TUNING half only (odd topics; even topics are never read):
ours against TF-IDF average link at the other sets' threshold (0.2, no window) and with our window.
For each odd event: our pieces (size, first/last day) and the pairs average link joins that we split,
with the gap in days between the pieces; merges of ours and of average link across events.
usage: [MODEL=lodo.pkl] dated_errors.py"""
import os
import pickle
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from broadsheet.bench import BenchReport
from broadsheet.bench import average_link as al
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic

report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus-dated"]
odd = [int(ecbplus_topic(g)) % 2 == 1 for g in gold]
model = pickle.load(open(os.environ["MODEL"], "rb")) if os.environ.get("MODEL") else bench.DEFAULT_MODEL
ours = [str(p) for p in bench.ours(articles, model)]
cuts = al.cuts(articles, (0.2,))[0.2]
KEYS = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")


def rows(name, pred):
    g = [x for x, o in zip(gold, odd) if o]
    p = [str(x) for x, o in zip(pred, odd) if o]
    s = score(g, p)
    print(f"dated odd(tune) {name:22s}", " ".join(f"{k}={s[k]:.4f}" for k in KEYS))


rows("ours" + ("-lodo" if os.environ.get("MODEL") else ""), ours)
rows("average-link@0.2", cuts)
# average link with our window (14 days) read as the bench's note does: pairs beyond it zeroed
days = al.day_numbers(articles)
idx = [i for i in range(len(articles)) if odd[i]]
print()
words = [len(" ".join(a.paragraphs).split()) for a in articles]
by_event = defaultdict(list)
for i in idx:
    by_event[gold[i]].append(i)
missed = Counter()
for ev in sorted(by_event, key=lambda e: int(ecbplus_topic(e))):
    members = by_event[ev]
    pieces = defaultdict(list)
    for i in members:
        pieces[ours[i]].append(i)
    alp = Counter(cuts[i] for i in members)
    if len(pieces) == 1 and len(alp) == 1:
        continue
    print(f"== {ev}: {len(members)} docs; ours {len(pieces)} pieces, average link {len(alp)}"
          f" (largest {alp.most_common(1)[0][1]})")
    ordered = sorted(pieces.values(), key=lambda ms: min(days[m] for m in ms))
    for ms in ordered:
        d = sorted(days[m] for m in ms)
        first = time.strftime("%Y-%m-%d", time.gmtime((d[0] - 719163) * 86400))
        print(f"   piece {len(ms):2d} docs  {first} +{int(d[-1]-d[0])}d  al={sorted(Counter(cuts[m] for m in ms).values(), reverse=True)}"
              f"  words={sorted(words[m] for m in ms)}")
        for m in ms[:3]:
            print(f"      {articles[m].id:14s} {articles[m].title[:90]!r}")
    # pairs we miss: gap between pieces, and whether AL joins them
    for a_i, a in enumerate(ordered):
        for b in ordered[a_i + 1:]:
            gap = min(abs(days[x] - days[y]) for x in a for y in b)
            joined = sum(1 for x in a for y in b if cuts[x] == cuts[y])
            kind = ("far<=60" if gap <= 60 else "far>60") if gap > 14 else "near"
            missed[(kind, joined > 0)] += len(a) * len(b)
            missed[(kind, "al-pairs")] += joined
print()
print("missed pairs by gap kind (pieces' least gap), and whether average link joins them:")
for k, v in sorted(missed.items(), key=str):
    print("  ", k, v)
# average-link's wrong pairs on the odd half
wrong = Counter()
for i in idx:
    for j in idx:
        if i < j and cuts[i] == cuts[j] and gold[i] != gold[j]:
            wrong[(gold[i], gold[j])] += 1
print("average link's wrong pairs (odd half):", dict(wrong))
wrong_ours = sum(1 for i in idx for j in idx if i < j and ours[i] == ours[j] and gold[i] != gold[j])
print("ours' wrong pairs (odd half):", wrong_ours)
print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3])
