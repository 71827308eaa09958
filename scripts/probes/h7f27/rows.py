"""(h7f26's rows.py, unchanged but this line) Rows before/after: ours, two batches vs one (ids kept), another order; SET:MODEL.pkl the
held-out row; realday the real day. PIECES=1 switches the far pieces pass on (main's code
otherwise); each far-pieces merge is logged and judged (right when the two stories' majority gold
labels agree), DETAIL=1 prints them.

usage: PIECES=0|1 rows.py SET[:MODEL.pkl][,SET...]"""
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import farpieces

farpieces.PIECES = os.environ.get("PIECES", "0") == "1"
MOVES = []
_merge = farpieces._merge


def logged(engine, found):
    index = engine.index
    for one_id, other_id, _, _ in found:
        one = index.stories.get(index.resolve(one_id))
        other = index.stories.get(index.resolve(other_id))
        if one is not None and other is not None and one is not other:
            MOVES.append(([m.article_id for m in one.members], [m.article_id for m in other.members]))
    return _merge(engine, found)


farpieces._merge = logged
print("PIECES", farpieces.PIECES, flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)


def show(name, system, gold, pred, extra=""):
    s = score(gold, [str(p) for p in pred])
    keys = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")
    print(name, system, " ".join(f"{k}={s[k]:.4f}" for k in keys), extra, flush=True)


def moves(name, system, label):
    def major(ids):
        return Counter(label[i] for i in ids).most_common(1)[0][0]
    right = sum(major(a) == major(b) for a, b in MOVES)
    print(name, system, f"piece_merges={len(MOVES)} right={right}", flush=True)
    if os.environ.get("DETAIL"):
        for a, b in MOVES:
            print("   ", "right" if major(a) == major(b) else "WRONG", len(a), major(a), "+", len(b), major(b))
    MOVES.clear()


for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    if name == "realday":
        arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
        keys = sorted(arts)
        articles, gold = [arts[k] for k in keys], realday.gold_labels(realday.LABELS, keys)
    else:
        articles, gold = sets[name]
    label = {a.id: g for a, g in zip(articles, gold)}
    label.update({bench.REORDER + k: v for k, v in list(label.items())})
    MOVES.clear()
    t = time.process_time()
    if held:
        show(name, "held-out", gold, bench.ours(articles, pickle.load(open(held, "rb"))),
             f"cpu={time.process_time() - t:.0f}")
        moves(name, "held-out", label)
        continue
    one = bench.ours(articles)
    show(name, "ours", gold, one, f"cpu={time.process_time() - t:.0f}")
    moves(name, "ours", label)
    if os.environ.get("STAB", "1") == "1" and name != "realday":
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
        moves(name, "two batches", label)
        other = bench.another_order(articles)
        show(name, "another order", gold, other, f"vs_one={bench._bcubed(one, other):.4f}")
        moves(name, "another order", label)
    print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
