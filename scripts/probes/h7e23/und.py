import sys, pickle
from dataclasses import replace
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
report = BenchReport(stage="clustering", notes=[])
sets = {k: v for k, v in bench.load_sets(Path("/work/shared/data"), None, report).items() if k in ("basil", "ecbplus-dated")}
arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
keys = sorted(arts)
sets["realday"] = ([arts[k] for k in keys], realday.gold_labels(realday.LABELS, keys))
held = pickle.load(open("/tmp/h7e23/lodo-ecbplus.pkl", "rb"))
for name, (articles, gold) in sets.items():
    undated = [replace(a, published=None) for a in articles]
    for small in (1, 3):
        lonewords.SMALL = small
        s = score(gold, bench.ours(undated))
        extra = ""
        if name == "ecbplus-dated":
            h = score(gold, bench.ours(undated, held)); extra = f"  held-out(no ECB+) {h['bcubed_f1']:.3f}/{h['pair_f1']:.3f}"
        print(f"{name}-undated SMALL={small}: {s['bcubed_f1']:.3f}/{s['pair_f1']:.3f} P {s['bcubed_p']:.3f} R {s['bcubed_r']:.3f}{extra}", flush=True)
