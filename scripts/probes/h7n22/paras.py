from pathlib import Path
import numpy as np
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
from broadsheet.bench import realday
sets["realday"] = (list(realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html")).values()), None)
for name, (arts, gold) in sets.items():
    p = np.array([len(a.paragraphs) for a in arts])
    n = np.array([len(a.text.split()) for a in arts])
    q = [1,5,10,25,50,75,90,99,100]
    print(name, "paras", np.percentile(p,q).astype(int).tolist(), "max words", n.max(), "share>=100w", round(float((n>=100).mean()),3))
