"""The claims rows of the bench (``bench.claims.rows``, our system only, as the gate runs them)
against their floors in benchmarks/floors.json: a quick check of the gate's corroboration rows."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.bench.claims import rows

FLOORS = json.loads(Path("benchmarks/floors.json").read_text(encoding="utf-8"))["clustering"]
found = {(r.dataset, r.system): r.metrics for r in rows(Path("/work/shared/data"), baselines=False)}
for floor in FLOORS:
    metrics = found.get((floor["dataset"], floor["system"]))
    if metrics is None:
        continue
    value = metrics[floor["metric"]]
    mark = "ok  " if value >= floor["floor"] else "FAIL"
    print(f"{mark} {floor['dataset']:42} {floor['metric']:17} {value:.3f} >= {floor['floor']}")
