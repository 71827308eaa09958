"""The perspectives fixture's rows on the code at hand (the clustering gate's speaker kinds, corroboration, blindspots)."""
from broadsheet.bench import perspectives

for row in perspectives.rows(baselines=False):
    print(row.dataset, row.system, {k: round(v, 3) for k, v in row.metrics.items()})
