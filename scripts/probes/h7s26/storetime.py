"""Where ``measure_store``'s time goes (the scale stream's first N articles, four ingests): per
ingest the CPU of loading the stored states (the look-up ranges, the SQL, decoding and indexing
them), of ``Clusterer.add_all`` (of it the far pass) and of saving; how many states were loaded,
and how many for the far reach alone (``farwords.reach`` > 0). PYTHONPATH picks the tree; env
REACH=0 loads no horizon (a probe: not the shipped path)."""

import os
import sys
import tempfile
import time
from pathlib import Path

from broadsheet import pipeline
from broadsheet.bench.cluster_scale import stream
from broadsheet.model import Analysis
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.stories import Clusterer, farwords, persist
from broadsheet.stories.index import StoryIndex

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
spent: dict[str, float] = {}
counted: dict[str, int] = {"loaded": 0, "far_articles": 0}


def clock(name, function):
    def timed(*args, **kwargs):
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - began
    return timed


reach = farwords.reach


def counted_reach(item, window_days, *args):
    far = 0.0 if os.environ.get("REACH") == "0" else reach(item, window_days, *args)
    counted["far_articles"] += far > 0
    return far


farwords.reach = counted_reach
StoryIndex.lookups = clock("lookups", StoryIndex.lookups)
Store.story_states = clock("sql", Store.story_states)
persist.decode_state = clock("decode", persist.decode_state)
StoryIndex.load = clock("load", StoryIndex.load)
Clusterer.add_all = clock("add_all", Clusterer.add_all)
farwords.absorb_far = clock("far", farwords.absorb_far)
persist.saved = clock("saved", persist.saved)
Store.save_story_changes = clock("save", Store.save_story_changes)
decode = persist.decode_state


def counting_decode(blob):
    counted["loaded"] += 1
    return decode(blob)


persist.decode_state = counting_decode
articles = stream(Path("/work/shared/data"))[:count]
size = len(articles) // 4
with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
    for start in range(0, size * 4, size):
        with store.transaction():
            for article in articles[start : start + size]:
                store.put_analysis(Analysis(article))
        spent.clear()
        counted.update(loaded=0, far_articles=0)
        began = time.process_time()
        pipeline.update_stories(store, Settings())
        total = time.process_time() - began
        print(f"ingest {start // size + 1}: cpu={total:.1f}",
              " ".join(f"{k}={v:.1f}" for k, v in spent.items()), counted, flush=True)
