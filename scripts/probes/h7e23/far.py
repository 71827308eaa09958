"""Probe: a lone long DATED article placed by words into a story beyond the window (all-time look-up)."""
import sys, pickle, os
import numpy as np
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
from broadsheet.stories.index import weigh
orig_targets = lonewords.targets
def targets(engine, items, long=lonewords.LONG, up_to=None):
    found = orig_targets(engine, items, long, up_to)
    index = engine.index
    ordered = sorted(items, key=lambda i: i.features.order)
    vocabulary = max(1, int(np.count_nonzero(index.idf.df)))
    for n, item in enumerate(ordered):
        f = item.features
        if f.day is None or item.member.roundup or item.length < long: continue
        sid = index.resolve(index.where[item.member.article_id]); story = index.stories[sid]
        if story.size != 1 or story.roundup: continue
        w = weigh(index.idf, f.title, f.lead, f.names)
        hosts = [s for s in index._lookup((w.title, w.lead, w.names), None, lonewords.CANDIDATES)
                 if s.size > 1 and not s.roundup and s.id != sid and s.gap(f.day) is not None and s.gap(f.day) > index.window_days]
        if not hosts: continue
        buckets = np.union1d(f.title.ids, f.lead.ids)
        bags = [lonewords.bag(h, buckets) for h in hosts]
        gain = lonewords.gains(np.array([b[0] for b in bags]), np.array([b[1] for b in bags]),
                               np.array([float(h.size) for h in hosts]), len(buckets), vocabulary)
        best = int(np.argmax(gain))
        found.append(lonewords.Target(n, hosts[best].id, float(gain[best]), len(buckets)))
    return found
if os.environ.get("FAR") == "1":
    lonewords.targets = targets
print("FAR", os.environ.get("FAR"), flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
keys = sorted(arts)
sets["realday"] = ([arts[k] for k in keys], realday.gold_labels(realday.LABELS, keys))
def show(name, system, gold, pred, extra=""):
    s = score(gold, [str(p) for p in pred])
    print(name, system, " ".join(f"{k}={s[k]:.3f}" for k in ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")), extra, flush=True)
for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    articles, gold = sets[name]
    one = bench.ours(articles, pickle.load(open(held, "rb"))) if held else bench.ours(articles)
    show(name, "held-out" if held else "ours", gold, one)
    if not held and os.environ.get("STAB") == "1" and name != "realday":
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f} kept={kept:.3f}")
        show(name, "another order", gold, bench.another_order(articles), f"vs_one={bench._bcubed(one, bench.another_order(articles)):.4f}")
