"""key_claims on one story of 400 AllSides items (CPU seconds, best of 3): run with main's src and
the branch's in turn."""

from __future__ import annotations

import time
from pathlib import Path

from broadsheet.bench.claims import _placed
from broadsheet.bench.cluster_sets import load_allsides
from broadsheet.bench.perspectives import as_story
from broadsheet.stories.corroboration import key_claims

articles, _ = load_allsides(Path("/work/shared/data/clustering/allsides-neus/allsides_dev.jsonl"))
items = [_placed(a) for a in articles[:400]]
story = as_story("big", items)
by_id = {a.id: a for a in items}
best = []
for _ in range(3):
    start = time.process_time()
    claims = key_claims(story, by_id)
    best.append(time.process_time() - start)
print(f"key_claims, 400 items: {min(best):.2f} s CPU, {len(claims)} claims")
