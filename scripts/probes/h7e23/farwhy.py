import os, sys
os.environ["FAR"] = "1"
sys.argv = ["x", "basil"]
exec(open("/tmp/h7e23/far.py").read().split("report = BenchReport")[0])
from collections import Counter
from broadsheet.stories import lonewords as lw
moved = []
orig_abs = lw.absorb_lone
def spy(engine, items, long=lw.LONG, margin=lw.MARGIN, up_to=None):
    ordered = sorted(items, key=lambda i: i.features.order)
    for t in lw.targets(engine, items, long, up_to):
        if t.gain > margin * t.words:
            moved.append((TAG, ordered[t.position].member.article_id, ordered[t.position].features.day is not None))
    return orig_abs(engine, items, long, margin, up_to)
lw.absorb_lone = spy
import broadsheet.stories.engine as eng
eng.lonewords.absorb_lone = spy
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
TAG = "one"; one = bench.ours(articles)
halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
first = {a.id for a in halves[0]}
TAG = "two"; two, kept = bench.in_batches(articles, halves)
print("vs_one", bench._bcubed(one, two))
m1 = {(a, d) for t, a, d in moved if t == "one"}; m2 = {(a, d) for t, a, d in moved if t == "two"}
print("moves one batch", len(m1), "dated", sum(d for _, d in m1), "| two batches", len(m2), "dated", sum(d for _, d in m2))
only1 = m1 - m2; only2 = m2 - m1
print("only in one batch:", len(only1), "dated", sum(d for _, d in only1), "of them in batch 1 of the two:", sum(a in first for a, _ in only1))
print("only in two batches:", len(only2), "dated", sum(d for _, d in only2))
# same run without FAR for reference
