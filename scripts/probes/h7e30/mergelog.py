"""Every merge of one ECB+ run, with its stage, the two sides' sizes and datedness, whether it
joins two events (majority labels differ), and text signals of each side; only merges whose
stories belong to the topic half asked (odd: the tuning half).
usage: mergelog.py odd [MODEL.pkl] > out"""
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import engine, farwords, linkage, lonewords, neighbours, namesveto
from broadsheet.stories.index import StoryIndex

report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
want = 1 if sys.argv[1] == "odd" else 0
label = {a.id: g for a, g in zip(articles, gold)}
text = {a.id: a.title + "\n" + "\n".join(a.paragraphs) for a in articles}
STAGE = ["add"]
LOG = []
YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


def wrap(owner, name, stage):
    f = getattr(owner, name)

    def g(*a, **k):
        old = STAGE[0]
        STAGE[0] = stage
        try:
            return f(*a, **k)
        finally:
            STAGE[0] = old
    setattr(owner, name, g)


wrap(engine.Clusterer, "settle", "settle")
wrap(linkage.Linkage, "run", "linkage")
wrap(neighbours, "absorb_lone", "neighbours")
wrap(lonewords, "absorb_lone", "lonewords")
wrap(farwords, "absorb_far", "farwords")
_merge = StoryIndex.merge


def major(ids):
    return Counter(label[i] for i in ids).most_common(1)[0][0]


def years(ids):
    c = Counter()
    for i in ids:
        c.update(set(YEAR.findall(text[i])))
    return c


def logged(self, survivor, absorbed):
    a = [m.article_id for m in survivor.members]
    b = [m.article_id for m in absorbed.members]
    if int(ecbplus_topic(major(a + b))) % 2 == want:
        LOG.append(dict(stage=STAGE[0], a=a, b=b, wrong=major(a) != major(b),
                        da=sum(m.day is not None for m in survivor.members),
                        db=sum(m.day is not None for m in absorbed.members),
                        core=namesveto.core_missing(survivor, absorbed) and namesveto.core_missing(absorbed, survivor),
                        ya=years(a), yb=years(b),
                        na=(survivor.names.ids.copy(), survivor.names.vals.copy()),
                        nb=(absorbed.names.ids.copy(), absorbed.names.vals.copy())))
    return _merge(self, survivor, absorbed)


StoryIndex.merge = logged
model = pickle.load(open(sys.argv[2], "rb")) if len(sys.argv) > 2 else None
import os


if os.environ.get("TWO"):
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    _add_all = engine.Clusterer.add_all
    def add_all(self, items):
        LOG.append(None)
        return _add_all(self, items)
    engine.Clusterer.add_all = add_all
    bench.in_batches(articles, halves)
else:
    pred = bench.ours(articles, model) if model else bench.ours(articles)
for r in LOG:
    if r is None:
        print("--- batch")
        continue
    print(r["stage"], "WRONG" if r["wrong"] else "right", f"{len(r['a'])}({r['da']} dated)+{len(r['b'])}({r['db']} dated)",
          major(r["a"]), major(r["b"]), "core-both" if r["core"] else "-",
          "years", dict(r["ya"].most_common(3)), dict(r["yb"].most_common(3)))
c = Counter((r["stage"], r["wrong"]) for r in LOG if r)
print(sorted(c.items()))
pickle.dump(LOG, open(f"/tmp/h7e30/mergelog-{sys.argv[1]}.pkl", "wb"))
