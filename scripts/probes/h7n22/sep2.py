import sys, pickle
from collections import Counter, defaultdict
import numpy as np
for spec in sys.argv[1].split(","):
  for key in [1.0]:
    d = pickle.load(open(f"/tmp/h7n22/off-{spec}.pkl", "rb"))
    base, gold, ids = d["base"], d["gold"], d["ids"]
    g = dict(zip(ids, gold))
    mem = defaultdict(list)
    for a in ids: mem[base[a]].append(g[a])
    maj = {s: Counter(v).most_common(1)[0][0] for s, v in mem.items()}
    ok = np.array([maj[s] == g[a] for a, s, *_ in d["res"][key]])
    pw = np.array([gain / n for a, s, gain, pr, length, n in d["res"][key]])
    ln = np.array([length for a, s, gain, pr, length, n in d["res"][key]])
    print(spec, "n", len(ok), "ok", ok.sum())
    for t in (0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0):
        sel = pw >= t
        print(f"   per-word>={t}: moved {sel.sum()} ok {ok[sel].sum()} wrong {(~ok[sel]).sum()}  | long>=100: moved {(sel&(ln>=100)).sum()} ok {(ok&sel&(ln>=100)).sum()}")
