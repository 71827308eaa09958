import os
from pathlib import Path
from broadsheet.stories import lonewords
from broadsheet.bench import realday
print("LONG", lonewords.LONG, "MARGIN", lonewords.MARGIN, flush=True)
for r in realday.rows(Path("/work/shared/data"), baselines=False):
    print("realday", r.system, {k: round(v, 3) for k, v in r.metrics.items()}, flush=True)
