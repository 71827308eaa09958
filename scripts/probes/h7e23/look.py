import pickle, sys
from collections import defaultdict
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
p = pickle.load(open("/tmp/h7e23/pred-held.pkl", "rb"))
g = {a.id: l for a, l in zip(articles, gold)}
for topic in sys.argv[1:]:
    for a in articles:
        if g[a.id].rstrip("plus").rstrip("ecb") == topic:
            print(g[a.id], p[a.id][-12:], a.published, len(a.text.split()), "|", a.title[:70], "|", a.text[:110].replace("\n"," "))
    print()
