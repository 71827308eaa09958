from pathlib import Path
import numpy as np
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.features import featurize, words
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
from broadsheet.bench import realday
sets["realday"] = (list(realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html")).values()), None)
for name, (arts, gold) in sets.items():
    n = np.array([len(a.text.split()) for a in arts])
    w = np.array([len(set(words(a.text))) for a in arts])
    f = [featurize(a) for a in arts]
    t = np.array([len(np.union1d(x.title.ids, x.lead.ids)) for x in f])
    q = [5,10,25,50,75,90,95,99]
    print(name, len(arts), "words", np.percentile(n,q).astype(int).tolist(), "distinct", np.percentile(w,q).astype(int).tolist(), "tl", np.percentile(t,q).astype(int).tolist(), "undated", sum(a.published is None for a in arts))
