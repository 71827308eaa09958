"""Per event of the tuning half's twin topics: the numbers (two or more digits, as the names field
reads them) and ages ("Name, 33") of title + lead (100 words) in the most documents, with share.
usage: twinnumbers.py odd"""
import json
import re
import sys
from collections import Counter, defaultdict

from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories.features import lead_text

want = 1 if sys.argv[1] == "odd" else 0
rows = [json.loads(x) for x in open("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")]
NUM = re.compile(r"\d[\d.,]*\d")
AGE = re.compile(r"([A-Z][\w'-]+),? \(?(\d{2})\)?[,)]|(\d{2})-year-old")
ev = defaultdict(list)
for r in rows:
    t = int(ecbplus_topic(r["subtopic"]))
    if t % 2 == want:
        ev[r["subtopic"]].append(r)
for sub in sorted(ev, key=lambda s: (int(ecbplus_topic(s)), s)):
    docs = ev[sub]
    c, a = Counter(), Counter()
    for d in docs:
        text = d.get("title", "") + "\n" + lead_text(d["text"].split("\n"))
        c.update(set(m.replace(",", "") for m in NUM.findall(text)))
        a.update(set((m[0] or "-") + ":" + (m[1] or m[2]) for m in AGE.findall(text)))
    print(sub, len(docs), "nums", [(n, round(k / len(docs), 2)) for n, k in c.most_common(6)],
          "ages", [(n, round(k / len(docs), 2)) for n, k in a.most_common(4)])
