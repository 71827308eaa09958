import pickle, time, os
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["allsides"]
print("allsides articles >= 100 words:", sum(len(a.text.split()) >= 100 for a in articles))
for n in ("googlenews-TS", "googlenews-T"):
    print(n, "articles >= 100 words:", sum(len(a.text.split()) >= 100 for a in sets[n][0]))
lodo = pickle.load(open("/tmp/h7n22/lodo-allsides.pkl", "rb"))
import broadsheet.stories.engine as eng
for long, model, tag in ((25, lodo, "held-out model, bar 25"), (25, None, "shipped model, bar 25")):
    # the bar reaches the pass through Clusterer's default (lone_words), read when it is built
    d = eng.Clusterer.__init__.__defaults__
    eng.Clusterer.__init__.__defaults__ = (*d[:3], long)
    eng.cluster_articles.__kwdefaults__["lone_words"] = long
    t = time.process_time()
    pred = bench.ours(articles, model) if model is not None else bench.ours(articles)
    s = score(gold, pred)
    print(tag, " ".join(f"{k}={s[k]:.3f}" for k in ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "nmi", "clusters")), f"cpu={time.process_time()-t:.0f}", time.strftime("%H:%M:%S"), os.getloadavg()[:1], flush=True)
