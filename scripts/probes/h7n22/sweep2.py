import sys, pickle
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets[sys.argv[1]]
lodo = pickle.load(open(f"/tmp/h7n22/lodo-{sys.argv[1]}.pkl", "rb")) if len(sys.argv) > 3 else None
for spec in sys.argv[2].split(","):
    hosts, m = spec.split(":")
    lonewords.HOSTS = hosts
    lonewords.absorb_lone.__defaults__ = (lonewords.LONG, float(m))
    one = bench.ours(articles)
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    two, kept = bench.in_batches(articles, halves)
    s = score(gold, one); s2 = score(gold, two)
    line = f"{spec}: ours {s['bcubed_f1']:.3f}/{s['pair_f1']:.3f} two {s2['bcubed_f1']:.3f} vs_one {bench._bcubed(one, two):.3f} other {bench._bcubed(one, bench.another_order(articles)):.3f}"
    if lodo is not None:
        h = score(gold, bench.ours(articles, lodo))
        line += f" held-out {h['bcubed_f1']:.3f}/{h['pair_f1']:.3f} P {h['bcubed_p']:.3f} R {h['bcubed_r']:.3f} nmi {h['nmi']:.3f}"
    print(line, flush=True)
