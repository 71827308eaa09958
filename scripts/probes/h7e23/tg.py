import sys, pickle
from collections import Counter
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import lonewords, StoryIndex, Clusterer, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.score import DEFAULT_MODEL
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
G = {a.id: g for a, g in zip(articles, gold)}
orig = lonewords.absorb_lone
def spy(engine, items, long=lonewords.LONG, margin=lonewords.MARGIN, up_to=None):
    index = engine.index
    ordered = sorted(items, key=lambda i: i.features.order)
    for t in lonewords.targets(engine, items, long, 3):
        src = index.stories[index.resolve(index.where[ordered[t.position].member.article_id])]
        host = index.stories[index.resolve(t.story)]
        sl = Counter(G[m.article_id] for m in src.members); hl = Counter(G[m.article_id] for m in host.members)
        right = sl.most_common(1)[0][0] == hl.most_common(1)[0][0]
        print(f"size={t.size} host={host.size} per-count={t.gain/t.words:.3f} words={t.words} right={right} {'MOVES' if t.gain > margin*t.words else ''}")
    return orig(engine, items, long, margin, up_to)
lonewords.absorb_lone = spy
for m in sys.argv[1:]:
    print("==", m)
    bench.ours(articles, DEFAULT_MODEL if m == "shipped" else pickle.load(open(m, "rb")))
