"""How many of an ingest's far-reaching articles (``farwords.reach`` > 0) are still alone when the
far pass starts (what a lazy horizon, loaded only for them, would load for), and how many states
the store loads for them alone against all of them. The scale stream's first N, four ingests."""

import sys
import tempfile
from pathlib import Path

from broadsheet import pipeline
from broadsheet.bench.cluster_scale import stream
from broadsheet.model import Analysis
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.stories import farwords

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
tally = {"far": 0, "alone": 0}
absorb = farwords.absorb_far


def counting(engine, items, *args, **kwargs):
    index = engine.index
    for item in items:
        if farwords.reach(item, index.window_days) > 0:
            tally["far"] += 1
            story = index.stories.get(index.resolve(index.where.get(item.member.article_id, "")))
            tally["alone"] += story is not None and story.size == 1
    return absorb(engine, items, *args, **kwargs)


farwords.absorb_far = counting
articles = stream(Path("/work/shared/data"))[:count]
size = len(articles) // 4
with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
    for start in range(0, size * 4, size):
        with store.transaction():
            for article in articles[start : start + size]:
                store.put_analysis(Analysis(article))
        tally.update(far=0, alone=0)
        pipeline.update_stories(store, Settings())
        print(f"ingest {start // size + 1}: far-reaching articles {tally['far']}, "
              f"alone when the far pass starts {tally['alone']}", flush=True)
