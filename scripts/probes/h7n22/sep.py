import sys, pickle
from collections import Counter, defaultdict
import numpy as np
for spec in sys.argv[1].split(","):
  for key in sys.argv[2].split(","):
      key = float(key) if key[0].isdigit() else key
      d = pickle.load(open(f"/tmp/h7n22/off-{spec}.pkl", "rb"))
      base, gold, ids = d["base"], d["gold"], d["ids"]
      g = dict(zip(ids, gold))
      mem = defaultdict(list)
      for a in ids: mem[base[a]].append(g[a])
      maj = {s: Counter(v).most_common(1)[0][0] for s, v in mem.items()}
      rows = []
      for aid, story, gain, pr, length, n in d["res"][key]:
            ok = maj[story] == g[aid]
            alone_true = sum(1 for x in ids if g[x] == g[aid]) == 1
            rows.append((gain/n, gain, length, n, ok, alone_true))
      rows.sort()
      print(spec, key, "ok", sum(r[4] for r in rows), "wrong", sum(not r[4] for r in rows), "true-singletons", sum(r[5] for r in rows))
      print("  per-word gain (ok=1):", " ".join(f"{r[0]:.2f}/{int(r[4])}" for r in rows))
