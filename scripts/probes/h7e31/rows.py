"""(h7e30's rows.py, the named-days knob in place of the full names') Rows of the other sets: ours, two batches vs
one (ids kept), another order; SET:MODEL.pkl the held-out row; realday the real day.
NEAR=n sets nameddays.NEAR (0: main's behaviour).
usage: NEAR=0|14 rows.py SET[:MODEL.pkl][,SET...]"""
import os
import pickle
import sys
import time
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import nameddays

nameddays.NEAR = float(os.environ.get("NEAR", "14"))
nameddays.NAMING = int(os.environ.get("NAMING", "1"))
print("NEAR", nameddays.NEAR, "NAMING", nameddays.NAMING, flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)


def show(name, system, gold, pred, extra=""):
    s = score(gold, [str(p) for p in pred])
    keys = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")
    print(name, system, " ".join(f"{k}={s[k]:.4f}" for k in keys), extra, flush=True)


for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    if name == "realday":
        arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
        keys = sorted(arts)
        articles, gold = [arts[k] for k in keys], realday.gold_labels(realday.LABELS, keys)
    else:
        articles, gold = sets[name]
    t = time.process_time()
    if held:
        show(name, "held-out", gold, bench.ours(articles, pickle.load(open(held, "rb"))),
             f"cpu={time.process_time() - t:.0f}")
        continue
    one = bench.ours(articles)
    show(name, "ours", gold, one, f"cpu={time.process_time() - t:.0f}")
    if os.environ.get("STAB", "1") == "1" and name != "realday":
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
        other = bench.another_order(articles)
        show(name, "another order", gold, other, f"vs_one={bench._bcubed(one, other):.4f}")
    print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
