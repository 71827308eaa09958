"""The parts ``h7s26/outputs.py`` does not dump: the held-out rows (ECB+'s dated half and ECB+ with
the recipe learned without ECB+, BASIL with the recipe learned without BASIL: round 48's pickles,
``h7f26/learn_lodo.py``) and the real day; one batch each. Run with PYTHONPATH=<src of the tree>;
argv[1]: the JSON file written."""

import json
import pickle
import sys
from pathlib import Path

from broadsheet.bench import BenchReport, realday
from broadsheet.bench import clustering as bench

DATA = Path("/work/shared/data")
MODELS = Path("/tmp/h7f27")

sets = bench.load_sets(DATA, None, BenchReport(stage="clustering", notes=[]))
out: dict[str, object] = {}
for name, held in (("ecbplus-dated", "ecbplus"), ("ecbplus", "ecbplus"), ("basil", "basil")):
    model = pickle.loads((MODELS / f"lodo-{held}.pkl").read_bytes())
    out[f"{name}/held-out"] = bench.ours(sets[name][0], model)
arts = realday.day_articles(DATA / "extraction/scrapinghub/html")
out["realday/one"] = bench.ours([arts[k] for k in sorted(arts)])
Path(sys.argv[1]).write_text(json.dumps(out, sort_keys=True))
print("done")
