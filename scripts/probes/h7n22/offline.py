"""Cluster each set once (post-pass off), record each lone article's best target under prior 1 and 0,
then score bars (length) x margins offline; pickle the raw targets."""
import sys, time, pickle, os
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import lonewords
from broadsheet.stories.engine import Clusterer, prepare, DEFAULT_WINDOW_DAYS
from broadsheet.stories.index import StoryIndex
from broadsheet.stories.score import DEFAULT_MODEL

names = sys.argv[1].split(",")
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
if any(n.startswith("realday") for n in names):
    from broadsheet.bench import realday
    arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
    keys = sorted(arts)
    gold = realday.gold_labels(realday.LABELS, keys)
    listed = [arts[k] for k in keys]
    sets["realday"] = (listed, gold)
    if "realday-ent" in names:
        ents = realday.analysed_entities(listed)
        sets["realday-ent"] = (listed, gold)
else:
    ents = {}
from dataclasses import replace as _r
for nm in list(sets):
    if nm + "-undated" in names or any(x.startswith(nm + "-undated:") for x in names):
        a, g = sets[nm]
        sets[nm + "-undated"] = ([_r(x, published=None) for x in a], g)
for spec in names:
    name, _, held = spec.partition(":")
    model = DEFAULT_MODEL
    if held:
        model = pickle.load(open(f"/tmp/h7n22/lodo-{held}.pkl", "rb"))
    articles, gold = sets[name]
    t = time.process_time()
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    engine = Clusterer(index, model, lone_words=0)
    found = ents if name == "realday-ent" else {}
    items = [prepare(a, found.get(a.id, ())) for a in articles]
    engine.add_all(items)
    base = {aid: index.resolve(sid) for aid, sid in index.where.items()}
    ordered = sorted(items, key=lambda i: i.features.order)
    res = {}
    for prior, bg in ((1.0, False), (0.0, False), ("bg1", True), ("bg0", True)):
        ts = lonewords.targets(engine, items, 0, prior=1.0 if prior in (1.0, "bg1") else 0.0, against_batch=bg, dated=True)
        res[prior] = [(ordered[x.position].member.article_id, x.story, x.gain, x.prior, ordered[x.position].length,
                       len(set(ordered[x.position].features.title.ids.tolist()) | set(ordered[x.position].features.lead.ids.tolist())), ordered[x.position].features.day is None) for x in ts]
    cpu = time.process_time() - t
    pickle.dump({"base": base, "gold": gold, "ids": [a.id for a in articles], "res": res}, open(f"/tmp/h7n22/off-{spec}.pkl", "wb"))
    s = score(gold, [base[a.id] for a in articles])
    print(spec, "base", " ".join(f"{k}={s[k]:.3f}" for k in ("bcubed_f1", "pair_f1", "nmi", "clusters")),
          "lone", len(res[1.0]), f"cpu={cpu:.1f}", time.strftime("%H:%M:%S"), os.getloadavg()[:1], flush=True)
