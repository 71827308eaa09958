import re, pickle
from collections import Counter, defaultdict
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
Y = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
ev = defaultdict(list)
for a, g in zip(articles, gold):
    txt = a.title + " " + " ".join(a.paragraphs)
    ys = Counter(Y.findall(txt))
    ev[g].append((a.published[:4] if a.published else None, ys))
for e in sorted(ev, key=lambda x: (int(re.match(r"\d+", x).group()), x))[:40]:
    docs = ev[e]
    pub = Counter(d[0] for d in docs if d[0])
    withy = sum(1 for d in docs if d[1])
    allys = Counter()
    for d in docs: allys.update(set(d[1]))
    print(e, len(docs), "pub", dict(pub), "docs with a year", withy, "years", allys.most_common(4))
