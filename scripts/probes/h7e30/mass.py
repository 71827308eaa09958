"""The error mass of a saved run (ecbrows.py's /tmp/h7e30/pred-TAG.pkl) on one topic half:
BCubed precision lost to twin merges and recall lost to splits, by dated / undated document.
usage: mass.py TAG odd|even"""
import json
import pickle
import sys
from collections import Counter, defaultdict

from broadsheet.bench.cluster_sets import ecbplus_topic

pred = pickle.load(open(f"/tmp/h7e30/pred-{sys.argv[1]}.pkl", "rb"))
want = 1 if sys.argv[2] == "odd" else 0
rows = [json.loads(x) for x in open("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")]
gold = {r["doc_id"]: r["subtopic"] for r in rows if int(ecbplus_topic(r["subtopic"])) % 2 == want}
dated = {r["doc_id"]: r["subtopic"].endswith("plus") for r in rows}
words = {r["doc_id"]: len(r["text"].split()) for r in rows}
story = defaultdict(list)
for d in gold:
    story[pred[d]].append(d)
event = defaultdict(list)
for d, g in gold.items():
    event[g].append(d)
n = len(gold)
ploss, rloss = Counter(), Counter()
for d, g in gold.items():
    mates = story[pred[d]]
    kind = ("dated" if dated[d] else "undated") + (" long" if words[d] >= 100 else " short")
    wrong = sum(gold[m] != g for m in mates)
    ploss[kind] += wrong / len(mates) / n
    missing = [m for m in event[g] if pred[m] != pred[d]]
    alone = len(story[pred[d]]) == 1
    for m in missing:
        # where the missing mate is: alone, in a story of its own event, in the twin's story
        ms = story[pred[m]]
        maj = Counter(gold[x] for x in ms).most_common(1)[0][0]
        where = "mate alone" if len(ms) == 1 else ("mate in own-event story" if maj == g else "mate in twin's story")
        rloss[(kind, "doc alone" if alone else "doc in story", where)] += 1 / len(event[g]) / n
print(f"half={sys.argv[2]} docs={n} stories={len(story)} events={len(event)}")
print(f"BCubed precision loss {sum(ploss.values()):.4f} (all twin merges: every mixed story is one topic's)")
for k, v in sorted(ploss.items(), key=lambda x: -x[1]):
    print(f"   P loss {k:16s} {v:.4f}")
print(f"BCubed recall loss {sum(rloss.values()):.4f}")
for k, v in sorted(rloss.items(), key=lambda x: -x[1]):
    print(f"   R loss {str(k):70s} {v:.4f}")
mixed = [(s, m) for s, m in story.items() if len({gold[x] for x in m}) > 1]
cross = [m for _, m in mixed if len({ecbplus_topic(gold[x]) for x in m}) > 1]
print(f"mixed stories {len(mixed)}, across topics {len(cross)}")
for s, m in sorted(mixed, key=lambda x: -len(x[1])):
    c = Counter((gold[x], dated[x]) for x in m)
    print("   ", len(m), dict(c))
