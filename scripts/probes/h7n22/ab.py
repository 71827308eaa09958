import sys, os
from pathlib import Path
from broadsheet.bench.cluster_scale import measure
import broadsheet.stories.engine as e
r = measure(Path("/work/shared/data/clustering"), int(sys.argv[1]))
print(sys.argv[2], {k: round(v, 1) for k, v in r.items()}, "per_cpu_s", round(r["articles"] / r["cpu_seconds"]), "per_s", round(r["articles"] / r["seconds"]), "lonewords" if hasattr(e, "lonewords") else "main", os.getloadavg()[:1], flush=True)
