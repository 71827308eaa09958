"""The dated half's moves two batches make and one does not: whose, and the one-batch gain."""
import sys, os
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import farwords
orig_t = farwords.target
seen = {}
def spy_t(index, lone, vocabulary, horizon):
    t = orig_t(index, lone, vocabulary, horizon)
    if t is not None:
        host = index.stories[index.resolve(t.story)]
        seen.setdefault(TAG, {})[lone.members[0].article_id] = (round(t.gain / t.words, 3), host.size, round(host.gap(lone.days[0]), 1))
    return t
farwords.target = spy_t
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets[sys.argv[1]]
TAG = "one"; one = bench.ours(articles)
halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
first = {a.id for a in halves[0]}
TAG = "two"; two, kept = bench.in_batches(articles, halves)
for aid in sorted(set(seen.get("one", {})) | set(seen.get("two", {}))):
    a, b = seen.get("one", {}).get(aid), seen.get("two", {}).get(aid)
    if (a and a[0] > 0.75) or (b and b[0] > 0.75):
        print(aid, "first-half" if aid in first else "second-half", "one:", a, "two:", b)
