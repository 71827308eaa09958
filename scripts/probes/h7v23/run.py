"""Stories round 44: the gated names veto, one batch / two batches / another order / held out.

PYTHONPATH=src nice -n 5 .venv/bin/python scripts/probes/h7v23/run.py allsides,ecbplus:MODEL.pkl,realday
env VETO=0: the veto never refuses (main's behaviour); STAB=0: one batch only.
"""
import os
import pickle
import sys
import time
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import engine, namesveto

REFUSED = [0]
_refuses = namesveto.refuses


def counted(one, other, below=namesveto.PROBE):  # type: ignore[no-untyped-def]
    said = os.environ.get("VETO", "1") == "1" and _refuses(one, other, below)
    REFUSED[0] += int(said)
    return said


namesveto.refuses = counted
if os.environ.get("VETO", "1") == "1":  # the probe on (it ships off: ``namesveto.SHORT`` 0)
    namesveto.SHORT = namesveto.PROBE
    engine.cluster_articles.__kwdefaults__["names_veto"] = namesveto.PROBE
    engine.Clusterer.__init__.__defaults__ = (*engine.Clusterer.__init__.__defaults__[:-1],
                                              namesveto.PROBE)
print("VETO", os.environ.get("VETO", "1"), "SHORT", namesveto.SHORT, "CORE", namesveto.CORE, flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)


def show(name, system, gold, pred, extra=""):  # type: ignore[no-untyped-def]
    s = score(gold, [str(p) for p in pred])
    keys = ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")
    print(name, system, " ".join(f"{k}={s[k]:.4f}" for k in keys), extra, f"refused={REFUSED[0]}",
          flush=True)
    REFUSED[0] = 0


for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    if name == "realday":
        for row in realday.rows(Path("/work/shared/data"), baselines=False):
            print("realday", row.system, {k: round(v, 3) for k, v in row.metrics.items()},
                  f"refused={REFUSED[0]}", flush=True)
            REFUSED[0] = 0
        continue
    articles, gold = sets[name]
    if held:
        model = pickle.load(open(held, "rb"))
        show(name, f"held-out({held})", gold, bench.ours(articles, model))
        continue
    one = bench.ours(articles)
    show(name, "ours", gold, one)
    if os.environ.get("STAB", "1") == "1":
        halves = [[a for a in articles if bench._half(a.id)],
                  [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f} ids_kept={kept:.3f}")
        other = bench.another_order(articles)
        show(name, "another order", gold, other, f"vs_one={bench._bcubed(one, other):.4f}")
    print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)
