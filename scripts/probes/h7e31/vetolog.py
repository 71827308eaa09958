"""Every refusal of the named-days rule in one ECB+ run (one batch, or two batches with TWO=1),
once per pair of sides: each side's size, dated members and labels, right (the sides' majority
events differ) or WRONG; only pairs whose stories belong to the topic half asked.
Then the BCubed loss of that half by kind (precision: mixed stories; recall: split events).
usage: [NEAR=14] [TWO=1] [MODEL=...] vetolog.py odd|even"""
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import nameddays

nameddays.NEAR = float(os.environ.get("NEAR", "14"))
nameddays.NAMING = int(os.environ.get("NAMING", "1"))
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
want = 1 if sys.argv[1] == "odd" else 0
label = {a.id: g for a, g in zip(articles, gold)}
seen = set()
real = nameddays.refuses


def side(s):
    c = Counter(label[m.article_id] for m in s.members)
    return c


def logged(one, other, near=nameddays.NEAR):
    said = real(one, other, near)
    if said:
        key = (frozenset(m.article_id for m in one.members), frozenset(m.article_id for m in other.members))
        if key not in seen:
            seen.add(key)
            a, b = side(one), side(other)
            if int(ecbplus_topic(a.most_common(1)[0][0])) % 2 == want:
                right = a.most_common(1)[0][0] != b.most_common(1)[0][0]
                da = sum(m.day is not None for m in one.members)
                db = sum(m.day is not None for m in other.members)
                print("refuse", "right" if right else "WRONG", f"{one.size}({da} dated)+{other.size}({db} dated)",
                      dict(a), dict(b), flush=True)
    return said


nameddays.refuses = logged
model = pickle.load(open(os.environ["MODEL"], "rb")) if os.environ.get("MODEL") else None
if os.environ.get("TWO") == "1":
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    pred, _ = bench.in_batches(articles, halves)
else:
    pred = bench.ours(articles, model) if model else bench.ours(articles)
keep = [int(ecbplus_topic(g)) % 2 == want for g in gold]
g = [x for x, k in zip(gold, keep) if k]
p = [str(x) for x, k in zip(pred, keep) if k]
s = score(g, p)
print("half", sys.argv[1], " ".join(f"{k}={s[k]:.4f}" for k in ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")))
stories = {}
for gg, pp in zip(g, p):
    stories.setdefault(pp, Counter())[gg] += 1
for pp, c in sorted(stories.items(), key=lambda kv: -sum(kv[1].values())):
    if len(c) > 1 or sum(c.values()) >= 1:
        print("story", sum(c.values()), dict(c))
