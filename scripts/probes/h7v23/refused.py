"""Stories round 44: every merge the names veto refuses, with its two stories' gold events.

PYTHONPATH=src nice -n 5 .venv/bin/python scripts/probes/h7v23/refused.py ecbplus [MODEL.pkl]
"""
import pickle
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import engine, namesveto

report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
name = sys.argv[1]
articles, gold = sets[name]
label = {a.id: g for a, g in zip(articles, gold, strict=True)}
_refuses = namesveto.refuses
seen = Counter()


def logged(one, other, below=namesveto.PROBE):  # type: ignore[no-untyped-def]
    said = _refuses(one, other, below)
    if said:
        a = Counter(label.get(m.article_id) for m in one.members).most_common(1)[0][0]
        b = Counter(label.get(m.article_id) for m in other.members).most_common(1)[0][0]
        seen["right" if a == b else "wrong"] += 1
        if len(sys.argv) > 3:
            print("REFUSED", "right" if a == b else "wrong", a, b)
            for s in (one, other):
                print("  ", [(m.article_id, m.words, m.title[:60]) for m in s.members])
    return said


namesveto.refuses = logged
engine.cluster_articles.__kwdefaults__["names_veto"] = namesveto.PROBE  # the probe on
model = pickle.load(open(sys.argv[2], "rb")) if len(sys.argv) > 2 and sys.argv[2] != "-" else None
bench.ours(articles, model) if model else bench.ours(articles)
print(name, sys.argv[2:] , dict(seen), flush=True)
