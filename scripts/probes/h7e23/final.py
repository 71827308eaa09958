import sys, time, pickle, os
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
lonewords.SMALL = int(os.environ.get("SMALL", "1"))
print("SMALL", lonewords.SMALL, "LONG", lonewords.LONG, "MARGIN", lonewords.MARGIN, flush=True)
names = sys.argv[1].split(",")
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
def show(name, system, gold, pred, extra=None):
    s = score(gold, [str(p) for p in pred])
    keys = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")
    print(name, system, " ".join(f"{k}={s[k]:.3f}" for k in keys), extra or "", flush=True)
for spec in names:
    name, _, held = spec.partition(":")
    articles, gold = sets[name]
    if held:
        model = pickle.load(open(held, "rb"))
        t = time.process_time()
        show(name, f"held-out({held})", gold, bench.ours(articles, model), f"cpu={time.process_time()-t:.1f}")
        continue
    t = time.process_time()
    one = bench.ours(articles)
    show(name, "ours", gold, one, f"cpu={time.process_time()-t:.1f}")
    if os.environ.get("STAB", "1") == "1":
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
        other = bench.another_order(articles)
        show(name, "another order", gold, other, f"vs_one={bench._bcubed(one, other):.4f}")
    print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
