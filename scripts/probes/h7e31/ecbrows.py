"""(h7e30's, the named-days knob in place of the full names') ECB+ rows, whole and by topic half (odd tune, even judged): ours, two batches vs one, another
order; MODEL=path.pkl for the model learned without ECB+ (no stability rows then).
Saves the one-batch labels to /tmp/h7e31/pred-TAG.pkl for the analysis.
usage: NEAR=14|0 TAG=x [MODEL=...] [STAB=0] ecbrows.py"""
import os
import pickle
import time
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic

from broadsheet.stories import nameddays

nameddays.NEAR = float(os.environ.get("NEAR", "14"))
nameddays.NAMING = int(os.environ.get("NAMING", "1"))
print("# NEAR", nameddays.NEAR, "NAMING", nameddays.NAMING, flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
odd = [int(ecbplus_topic(g)) % 2 == 1 for g in gold]
KEYS = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")


def show(system, pred, extra=""):
    pred = [str(p) for p in pred]
    for half, keep in (("whole", None), ("odd(tune)", True), ("even(judged)", False)):
        g = [x for x, o in zip(gold, odd) if keep is None or o == keep]
        p = [x for x, o in zip(pred, odd) if keep is None or o == keep]
        s = score(g, p)
        print(f"ecbplus {half:13s} {system:14s}", " ".join(f"{k}={s[k]:.4f}" for k in KEYS), extra, flush=True)


tag = os.environ.get("TAG", "x")
model = pickle.load(open(os.environ["MODEL"], "rb")) if os.environ.get("MODEL") else None
t = time.process_time()
one = bench.ours(articles, model) if model else bench.ours(articles)
show("held-out-model" if model else "ours", one, f"cpu={time.process_time() - t:.0f}")
pickle.dump({a.id: str(p) for a, p in zip(articles, one)}, open(f"/tmp/h7e31/pred-{tag}.pkl", "wb"))
if not model and os.environ.get("STAB", "1") == "1":
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    two, kept = bench.in_batches(articles, halves)
    show("two batches", two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
    other = bench.another_order(articles)
    show("another order", other, f"vs_one={bench._bcubed(one, other):.4f}")
print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
