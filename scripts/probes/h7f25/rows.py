"""Rows: ours, two batches vs one (ids kept), another order; SET:MODEL.pkl the held-out row; realday
the real day (realday+ with the analysis' entities is not read here). Far moves judged per run (right
when the host's majority gold label is the mover's) and every far target past the margin with the
gate's parts (env GATE, see gatelog). Main's code (no farwords): the rows only."""
import sys, time, pickle, os
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
try:
    import gatelog
except ImportError:
    gatelog = None
print("GATE", os.environ.get("GATE", "both") if gatelog else "main (no farwords)", flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
def show(name, system, gold, pred, extra=""):
    s = score(gold, [str(p) for p in pred])
    keys = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")
    print(name, system, " ".join(f"{k}={s[k]:.4f}" for k in keys), extra, flush=True)
def moves(name, system, label):
    if gatelog is None:
        return
    mv, parts = gatelog.judge(label)
    print(name, system, f"far_moves={len(mv)} right={sum(m[1] for m in mv)}",
          f"targets={len(parts)} date={sum(p[1] for p in parts)} name={sum(p[2] for p in parts)}",
          f"both={sum(p[1] and p[2] for p in parts)} both_right={sum(p[1] and p[2] and p[3] for p in parts)}",
          f"date_right={sum(p[1] and p[3] for p in parts)} name_right={sum(p[2] and p[3] for p in parts)}",
          f"targets_right={sum(p[3] for p in parts)}", flush=True)
    if os.environ.get("DETAIL"):
        for aid, ok, host, size in mv:
            print("  move", "right" if ok else "WRONG", aid, label[aid], "->", host, size)
        for aid, d, n, ok, host in parts:
            print("  target", "right" if ok else "WRONG", f"date={d:d} name={n:d}", aid, label[aid], "->", host)
    gatelog.MOVES.clear(); gatelog.LOG.clear()
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
    if gatelog: gatelog.MOVES.clear(); gatelog.LOG.clear()
    t = time.process_time()
    if held:
        show(name, "held-out", gold, bench.ours(articles, pickle.load(open(held, "rb"))), f"cpu={time.process_time()-t:.0f}")
        moves(name, "held-out", label)
        continue
    one = bench.ours(articles)
    show(name, "ours", gold, one, f"cpu={time.process_time()-t:.0f}")
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
