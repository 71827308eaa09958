import sys, time, pickle, os
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.stories import engine as eng
C, M = 0.5, 0.0
def core_missing(a, b):
    core = a.names.ids[a.names.vals >= C * a.size]
    if not len(core): return False
    bv = dict(zip(b.names.ids.tolist(), b.names.vals.tolist()))
    return any(bv.get(int(x), 0.0) <= M * b.size for x in core)
def veto(a, b):
    return a.size >= 2 and b.size >= 2 and core_missing(a, b) and core_missing(b, a)
def _settle_one(self, story):
    others = [s for s in self.index.story_candidates(story, self.limit) if not s.roundup]
    if not others:
        return 0
    said = self.pass_merges(self.story_features(story, others), story.size)
    merged = 0
    for other, same in zip(others, said.tolist(), strict=True):
        if not same or other.id not in self.index.stories:
            continue
        if story.id not in self.index.stories:
            story = self.index.stories[self.index.resolve(story.id)]
        if other is story or veto(story, other):
            continue
        small, large = sorted((story, other), key=lambda s: (s.size, s.id))
        story = self.index.merge(large, small)
        self.touched.add(story.id)
        merged += 1
    return merged
if os.environ.get("VETO") == "1":
    eng.Clusterer._settle_one = _settle_one
print("VETO", os.environ.get("VETO"), flush=True)
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
def show(name, system, gold, pred, extra=""):
    s = score(gold, [str(p) for p in pred])
    print(name, system, " ".join(f"{k}={s[k]:.3f}" for k in ("bcubed_f1", "bcubed_p", "bcubed_r", "pair_f1", "clusters")), extra, flush=True)
for spec in sys.argv[1].split(","):
    name, _, held = spec.partition(":")
    articles, gold = sets[name]
    model = pickle.load(open(held, "rb")) if held else None
    one = bench.ours(articles, model) if model else bench.ours(articles)
    show(name, "held-out" if held else "ours", gold, one)
    if not held and os.environ.get("STAB") == "1":
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        two, kept = bench.in_batches(articles, halves)
        show(name, "two batches", gold, two, f"vs_one={bench._bcubed(one, two):.4f}")
