"""Far moves logged: one batch and two batches; right when the host's majority gold label is the mover's."""
import sys, os
from collections import Counter
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import farwords, engine as eng
if "HORIZON" in os.environ:
    farwords.HORIZON = float(os.environ["HORIZON"])
orig = farwords.absorb_far
log = []
def spy(engine, items, *a, **k):
    index = engine.index
    before = dict(index.where)
    if "HORIZON" in os.environ:
        a = (a[0], float(os.environ["HORIZON"]))
    n = orig(engine, items, *a, **k)
    batch = {i.member.article_id for i in items}
    for aid, sid in before.items():
        if index.resolve(sid) != index.where[aid] or index.where[aid] != sid:
            host = index.stories[index.where[aid]]
            if host.id != index.resolve(sid): pass
    for aid, sid in before.items():
        now = index.where[aid]
        if now != sid:
            others = [m.article_id for m in index.stories[now].members if index.where.get(m.article_id) == now]
            log.append((TAG, aid, aid in batch, now, others))
    return n
farwords.absorb_far = spy
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
for name in sys.argv[1].split(","):
    articles, gold = sets[name]
    label = dict(zip([a.id for a in articles], gold))
    log.clear()
    TAG = "one"; one = bench.ours(articles)
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    TAG = "two"; two, kept = bench.in_batches(articles, halves)
    res = {}
    for tag, aid, inbatch, host, others in log:
        moved_before = {o for t, o, *_ in log if t == tag}
        maj = Counter(label[o] for o in others if o != aid and label.get(o)).most_common(1)
        right = bool(maj) and maj[0][0] == label[aid]
        res.setdefault(tag, []).append((aid, inbatch, right))
    for tag in ("one", "two"):
        r = res.get(tag, [])
        print(name, tag, "moves", len(r), "right", sum(x[2] for x in r), "stored(re-read)", sum(not x[1] for x in r))
    s1 = {a for a, *_ in res.get("one", [])}; s2 = {a for a, *_ in res.get("two", [])}
    print(name, "only one", len(s1 - s2), "only two", len(s2 - s1), "vs_one", round(bench._bcubed(one, two), 4), flush=True)
