"""Usage: stab.py SET[:held] ...  env KNOB=val sets engine module constants (e.g. SMALL_UNDATED_PAIRS=0)."""
import sys, time, json, os, pickle
from pathlib import Path
from broadsheet.bench import clustering as C
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench import BenchReport
from broadsheet.stories import engine
for k, v in os.environ.items():
    if k.startswith("E_"):
        setattr(engine, k[2:], type(getattr(engine, k[2:]))(eval(v)))
        print("set", k[2:], getattr(engine, k[2:]), flush=True)
from broadsheet.stories import linkage
for k, v in os.environ.items():
    if k.startswith("L_"):
        setattr(linkage, k[2:], type(getattr(linkage, k[2:]))(eval(v)))
        print("set", k[2:], getattr(linkage, k[2:]), flush=True)
rep = BenchReport(stage="x", notes=[])
sets = C.load_sets(Path("/work/shared/data"), None, rep)
quick = os.environ.get("QUICK")
for spec in sys.argv[1:]:
    name, _, held = spec.partition(":")
    arts, gold = sets[name]
    model = pickle.load(open(f"/tmp/h7n22/lodo-{held}.pkl", "rb")) if held else C.DEFAULT_MODEL
    t = time.process_time()
    one = [str(p) for p in C.ours(arts, model)]
    t1 = time.process_time() - t
    s = score(gold, one)
    out = {"set": spec, "bcubed": round(s["bcubed_f1"], 4), "pair": round(s["pair_f1"], 4),
           "nmi": round(s["nmi"], 4), "stories": len(set(one)), "cpu1": round(t1, 1)}
    if not os.environ.get("ONLY1"):
        halves = [[a for a in arts if C._half(a.id)], [a for a in arts if not C._half(a.id)]]
        t = time.process_time()
        two, kept = C.in_batches(arts, halves, model)
        out.update(two_vs_one=round(C._bcubed(one, two), 4), kept=kept,
                   two_bcubed=round(score(gold, two)["bcubed_f1"], 4), cpu2=round(time.process_time() - t, 1))
        if not quick:
            other = C.another_order(arts, model)
            out["order_vs_one"] = round(C._bcubed(one, other), 4)
    out["load"] = os.getloadavg()[0]; out["t"] = time.strftime("%H:%M")
    print(json.dumps(out), flush=True)
