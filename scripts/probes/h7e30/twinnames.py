"""Per event of the tuning half's twin topics: the person-like names (two or more capitalised
words in a row, not at a sentence's start) in the most documents, with their share.
usage: twinnames.py odd"""
import json
import re
import sys
from collections import Counter, defaultdict

from broadsheet.bench.cluster_sets import ecbplus_topic

want = 1 if sys.argv[1] == "odd" else 0
rows = [json.loads(x) for x in open("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")]
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-zA-Z'\-]+)+)")
ev = defaultdict(list)
for r in rows:
    t = int(ecbplus_topic(r["subtopic"]))
    if t % 2 == want:
        ev[r["subtopic"]].append(r)
for sub in sorted(ev, key=lambda s: (int(ecbplus_topic(s)), s)):
    docs = ev[sub]
    c = Counter()
    for d in docs:
        c.update(set(NAME.findall(d.get("title", "") + "\n" + d["text"])))
    print(sub, len(docs), [(n, round(k / len(docs), 2)) for n, k in c.most_common(8)])
