"""(h7f27's scaleq.py, with EV = farpieces.EVIDENCED.) The scale stream's first N articles (batches of 1,000, as
``measure``) scored with replay-distinct labels; with PIECES=1 every far-pieces merge logged and
judged (wrong: the two stories' majority labels differ). TEXTDATES=shifted: the days a text names
read against its real day and moved by the stream's shift (round 46's second reading)."""
import sys, os, time, math
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
from broadsheet.bench import cluster_scale as cs
from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from collections import Counter
from broadsheet.stories import farpieces
farpieces.PIECES = os.environ.get("PIECES", "1") == "1"
farpieces.EVIDENCED = float(os.environ.get("EV", "0"))
MOVES = []
_merge = farpieces._merge
def logged(engine, found):
    index = engine.index
    for one_id, other_id, _, _ in found:
        one = index.stories.get(index.resolve(one_id)); other = index.stories.get(index.resolve(other_id))
        if one is not None and other is not None and one is not other:
            MOVES.append(([m.article_id for m in one.members], [m.article_id for m in other.members]))
    return _merge(engine, found)
farpieces._merge = logged
if os.environ.get("GATE") == "none":  # the words alone (diagnostic)
    import functools
    farpieces.absorb_pieces = functools.partial(farpieces.absorb_pieces, gate=False)
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
def major(ids):
    return Counter(label[i] for i in ids).most_common(1)[0][0]
moves = [(major(a) == major(b), a, b) for a, b in MOVES]
for ok, a, b in moves:
    print("piece merge", "right" if ok else "WRONG", len(a), major(a), "+", len(b), major(b), flush=True)
moves = [(None, ok) for ok, a, b in moves]
print(f"N={N} TEXTDATES={os.environ.get('TEXTDATES', 'as written')} PIECES={farpieces.PIECES} EV={farpieces.EVIDENCED} GATE={os.environ.get('GATE', 'both')} bcubed={s['bcubed_f1']:.4f} P={s['bcubed_p']:.4f} R={s['bcubed_r']:.4f} pair={s['pair_f1']:.4f} stories={len(index.stories)} cross_replay_stories={cross} mixed_label_stories={mixed} piece_merges={len(moves)} piece_wrong={sum(not m[1] for m in moves)} cpu={cpu:.0f} load={os.getloadavg()[0]:.1f} {time.strftime('%H:%M:%S')}", flush=True)
