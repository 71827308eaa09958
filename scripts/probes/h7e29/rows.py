"""Rows of one set by ECB+ topic half (odd tune, even judged) for farpieces.EVIDENCED = $EV
(0.75: main's behaviour, the margin with the evidence; 0: the rule).
usage: EV=0 SET=ecbplus-dated HALVES=odd|odd,even,whole [MODEL=lodo.pkl] [STAB=1] rows.py"""
import os
import pickle
import time
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import farpieces

farpieces.EVIDENCED = float(os.environ.get("EV", "0"))
name = os.environ.get("SET", "ecbplus-dated")
halves = os.environ.get("HALVES", "odd").split(",")
report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)[name]
topic = [int(ecbplus_topic(g)) % 2 if name.startswith("ecbplus") else 0 for g in gold]
KEYS = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")
SEL = {"odd": 1, "even": 0, "whole": None}


def show(system, pred, extra=""):
    pred = [str(p) for p in pred]
    for half in halves:
        keep = SEL[half]
        g = [x for x, t in zip(gold, topic) if keep is None or t == keep]
        p = [x for x, t in zip(pred, topic) if keep is None or t == keep]
        s = score(g, p)
        print(f"{name} {half:5s} EV={farpieces.EVIDENCED} {system:14s}",
              " ".join(f"{k}={s[k]:.4f}" for k in KEYS), extra, flush=True)


model = pickle.load(open(os.environ["MODEL"], "rb")) if os.environ.get("MODEL") else None
t = time.process_time()
one = bench.ours(articles, model) if model else bench.ours(articles)
show("held-out-model" if model else "ours", one, f"cpu={time.process_time() - t:.0f}")
if not model and os.environ.get("STAB", "0") == "1":
    parts = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    two, kept = bench.in_batches(articles, parts)
    show("two batches", two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
    other = bench.another_order(articles)
    show("another order", other, f"vs_one={bench._bcubed(one, other):.4f}")
print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
