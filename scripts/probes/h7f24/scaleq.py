"""The scale stream's first N articles (batches of 1000, as ``measure``) scored with replay-distinct labels;
far moves logged (wrong: the host's majority label is not the mover's); cross-replay stories counted."""
import sys, os, time
from collections import Counter
from pathlib import Path
from broadsheet.bench import cluster_scale as cs
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
data = Path("/work/shared/data")
N = int(sys.argv[1])
log = []
try:
    from broadsheet.stories import farwords
    orig = farwords.absorb_far
    def spy(engine, items, *a, **k):
        if "HORIZON" in os.environ:
            a = (a[0], float(os.environ["HORIZON"]))
        before = dict(engine.index.where)
        n = orig(engine, items, *a, **k)
        for aid, sid in before.items():
            if engine.index.where[aid] != sid:
                log.append((aid, [m.article_id for m in engine.index.stories[engine.index.where[aid]].members]))
        return n
    farwords.absorb_far = spy
except ImportError:
    pass
root = data / "clustering" if (data / "clustering").is_dir() else data
label = {}
for name in cs.SETS:
    rel, load = DATASETS[name]
    arts, gold = load(root / rel)
    for a, g in zip(arts, gold):
        for r in range(cs.REPLAY_YEARS):
            label[f"{a.id}#{r}"] = f"{name}:{g}#{r}"
articles = cs.stream(data)[:N]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index)
cpu = time.process_time()
for start in range(0, len(articles), 1000):
    engine.add_all(prepare(a) for a in articles[start:start + 1000])
cpu = time.process_time() - cpu
gold = [label[a.id] for a in articles]
pred = [index.where[a.id] for a in articles]
s = score(gold, pred)
cross = sum(1 for st in index.stories.values() if len({m.article_id.rsplit("#", 1)[1] for m in st.members}) > 1)
mixed = sum(1 for st in index.stories.values() if len({label[m.article_id] for m in st.members}) > 1)
wrong = 0
for aid, members in log:
    maj = Counter(label[m] for m in members if m != aid).most_common(1)
    wrong += not maj or maj[0][0] != label[aid]
    if os.environ.get("DETAIL"):
        print("move", label[aid], "->", maj[0][0] if maj else None, len(members), flush=True)
print(f"N={N} replays={len({a.id.rsplit('#',1)[1] for a in articles})} bcubed={s['bcubed_f1']:.4f} P={s['bcubed_p']:.4f} R={s['bcubed_r']:.4f} pair={s['pair_f1']:.4f} stories={len(index.stories)} cross_replay_stories={cross} mixed_label_stories={mixed} far_moves={len(log)} far_wrong={wrong} cpu={cpu:.0f}", flush=True)
