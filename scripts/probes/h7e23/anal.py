import sys, pickle, time, os
from collections import Counter, defaultdict
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories.score import DEFAULT_MODEL
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
models = {"shipped": DEFAULT_MODEL, "held": pickle.load(open(sys.argv[1], "rb"))}
words = {a.id: len(" ".join(a.paragraphs).split()) for a in articles}
dated = {a.id: a.published is not None for a in articles}
g = {a.id: l for a, l in zip(articles, gold)}
for name, model in models.items():
    pred = bench.ours(articles, model)
    s = score(gold, pred)
    print("==", name, " ".join(f"{k}={s[k]:.3f}" for k in ("bcubed_f1","bcubed_p","bcubed_r","pair_f1","clusters")))
    p = {a.id: l for a, l in zip(articles, pred)}
    pickle.dump(p, open(f"/tmp/h7e23/pred-{name}.pkl", "wb"))
    stories = defaultdict(list)
    for a in articles: stories[p[a.id]].append(a.id)
    # largest story per event (by count of that event's docs)
    ev = defaultdict(Counter)
    for a in articles: ev[g[a.id]][p[a.id]] += 1
    largest = {e: c.most_common(1)[0][0] for e, c in ev.items()}
    out = [a for a in articles if p[a.id] != largest[g[a.id]]]
    print("events", len(ev), "split events", sum(1 for e,c in ev.items() if len(c)>1), "docs out", len(out))
    # out docs by their story's size, dated, length
    def sz(aid): return len(stories[p[aid]])
    def lenb(w): return "<100" if w < 100 else "100-199" if w < 200 else "200-399" if w < 400 else "400+"
    print(" out by own story size:", sorted(Counter(min(sz(a.id),5) for a in out).items()))
    print(" out by dated:", Counter(dated[a.id] for a in out), " all dated:", Counter(dated.values()))
    print(" out by len:", sorted(Counter(lenb(words[a.id]) for a in out).items()), " all:", sorted(Counter(lenb(w) for w in words.values()).items()))
    # where are out docs: alone, in a small story of own event, in story dominated by other event (same topic/twin or other topic)
    kinds = Counter()
    for a in out:
        members = stories[p[a.id]]
        maj = Counter(g[m] for m in members).most_common(1)[0][0]
        if len(members) == 1: k = "alone"
        elif maj == g[a.id]: k = f"own-event small({min(len(members),5)})"
        elif ecbplus_topic(maj) == ecbplus_topic(g[a.id]): k = "in twin's story"
        else: k = "other topic story"
        kinds[(k, dated[a.id], words[a.id] >= 100)] += 1
    for k, v in sorted(kinds.items(), key=lambda x: -x[1]): print("  ", k, v)
    # mixed stories
    mixed = [(sid, m) for sid, m in stories.items() if len(set(g[x] for x in m)) > 1]
    print(" mixed stories", len(mixed))
    for sid, m in sorted(mixed, key=lambda x: -len(x[1])):
        c = Counter(g[x] for x in m)
        twin = len(set(ecbplus_topic(e) for e in c)) < len(c)
        print("   ", len(m), dict(c), "twin" if twin else "cross", "dated", sum(dated[x] for x in m), "long", sum(words[x] >= 100 for x in m))
    # stories of one: dated/long
    ones = [m[0] for m in stories.values() if len(m) == 1]
    print(" singletons", len(ones), Counter((dated[x], words[x] >= 100) for x in ones))
    smalls = [m for m in stories.values() if 2 <= len(m) <= 3]
    print(" small 2-3", len(smalls), "all undated long:", sum(all((not dated[x]) and words[x] >= 100 for x in m) for m in smalls),
          "pure", sum(len(set(g[x] for x in m)) == 1 for m in smalls),
          "pure and event has bigger story", sum(len(set(g[x] for x in m)) == 1 and ev[g[m[0]]].most_common(1)[0][1] > len(m) for m in smalls))
