import sys, pickle
from collections import Counter, defaultdict
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import StoryIndex, prepare, Clusterer, linkage, neighbours, lonewords
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.score import DEFAULT_MODEL
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
g = {a.id: l for a, l in zip(articles, gold)}
dated = {a.id: a.published is not None for a in articles}
def status(tag, index):
    pred = [index.resolve(index.where[a.id]) if a.id in index.where else "none:" + a.id for a in articles]
    s = score(gold, pred)
    st = defaultdict(list)
    for a, p in zip(articles, pred): st[p].append(a.id)
    twin = sum(1 for m in st.values() if len(set(g[x] for x in m)) > 1 and len(set(ecbplus_topic(g[x]) for x in m)) == 1)
    cross = sum(1 for m in st.values() if len(set(ecbplus_topic(g[x]) for x in m)) > 1)
    wrong_pairs = sum(sum(c)**2 - sum(v*v for v in c) for c in [list(Counter(g[x] for x in m).values()) for m in st.values()]) // 2
    print(f"{tag:12s} B3={s['bcubed_f1']:.3f} P={s['bcubed_p']:.3f} R={s['bcubed_r']:.3f} pairF1={s['pair_f1']:.3f} stories={len(st)} twin-mixed={twin} cross={cross} wrong-pairs={wrong_pairs}", flush=True)
for mname in sys.argv[1:]:
    model = DEFAULT_MODEL if mname == "shipped" else pickle.load(open(mname, "rb"))
    print("==", mname)
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    e = Clusterer(index, model)
    items = [prepare(a) for a in articles]
    fresh = {i.member.article_id: i for i in sorted(items, key=lambda i: i.features.order)}
    und = [i for i in fresh.values() if i.features.day is None]
    for i in fresh.values():
        if i.features.day is not None: e.add(i)
    status("dated added", index)
    if model.link is not None:
        linkage.Linkage(e).run(und)
    else:
        for i in und: e.add(i)
    status("undated", index)
    e.settle(); status("settle", index)
    neighbours.absorb_lone(e, list(fresh.values()), e.lone_neighbours); status("neighbours", index)
    lonewords.absorb_lone(e, list(fresh.values()), e.lone_words); status("lonewords", index)
