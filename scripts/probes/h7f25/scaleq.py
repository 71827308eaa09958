"""The scale stream's first N articles (batches of 1,000, as ``measure``) scored with replay-distinct
labels; far moves logged and judged (wrong: the host's majority label is not the mover's); every far
target that passed the margin with the gate's parts (env GATE, see gatelog). Main's code: no farwords."""
import sys, os, time, math
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
from broadsheet.bench import cluster_scale as cs
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
try:
    import gatelog
except ImportError:
    gatelog = None
data = Path("/work/shared/data")
N = int(sys.argv[1])
root = data / "clustering" if (data / "clustering").is_dir() else data
label = {}
original = {}
for name in cs.SETS:
    rel, load = DATASETS[name]
    arts, gold = load(root / rel)
    for a, g in zip(arts, gold):
        for r in range(cs.REPLAY_YEARS):
            label[f"{a.id}#{r}"] = f"{name}:{g}#{r}"
            original[f"{a.id}#{r}"] = a
SHIFTED = os.environ.get("TEXTDATES") == "shifted"


def prep(article):
    """``prepare``; with TEXTDATES=shifted the days the text names are read against the article's
    real publication day and moved by the stream's shift (synthetic day - real day), as if the
    stream had rewritten its texts' dates with its publication dates (a text of an undated set
    keeps the reading against its synthetic day)."""
    item = prepare(article)
    if not SHIFTED or not item.member.dates:
        return item
    from dataclasses import replace
    from broadsheet.stories import farwords
    from broadsheet.stories.features import day_of
    real = day_of(original[article.id].published)
    if real is None:
        return item
    shift = math.floor(item.features.day) - math.floor(real)
    dates = tuple(d + shift for d in farwords.named_dates(f"{article.title}\n{article.text}", real))
    return replace(item, member=replace(item.member, dates=dates))
articles = cs.stream(data)[:N]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index)
cpu = time.process_time()
for start in range(0, len(articles), 1000):
    engine.add_all(prep(a) for a in articles[start:start + 1000])
cpu = time.process_time() - cpu
gold = [label[a.id] for a in articles]
pred = [index.where[a.id] for a in articles]
s = score(gold, pred)
cross = sum(1 for st in index.stories.values() if len({m.article_id.rsplit("#", 1)[1] for m in st.members}) > 1)
mixed = sum(1 for st in index.stories.values() if len({label[m.article_id] for m in st.members}) > 1)
moves, parts = gatelog.judge(label) if gatelog else ([], [])
for aid, ok, host, size in moves:
    print("move", "right" if ok else "WRONG", aid, label[aid], "->", host, size, flush=True)
for aid, d, n, ok, host in parts:
    print("target", "right" if ok else "WRONG", f"date={d:d} name={n:d}", aid, label[aid], "->", host, flush=True)
print(f"N={N} TEXTDATES={os.environ.get('TEXTDATES', 'as written')} GATE={os.environ.get('GATE', 'both') if gatelog else 'main'} bcubed={s['bcubed_f1']:.4f} P={s['bcubed_p']:.4f} R={s['bcubed_r']:.4f} pair={s['pair_f1']:.4f} stories={len(index.stories)} cross_replay_stories={cross} mixed_label_stories={mixed} far_moves={len(moves)} far_wrong={sum(not m[1] for m in moves)} cpu={cpu:.0f} load={os.getloadavg()[0]:.1f} {time.strftime('%H:%M:%S')}", flush=True)
