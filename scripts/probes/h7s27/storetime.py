"""Where ``measure_store``'s time goes (the scale stream's first N articles, four ingests): per
ingest the CPU of reading the articles back (``get_analysis``), ``prepare``, the look-up ranges,
the SQL of the states, decoding and indexing them, ``Clusterer.add_all`` (of it the far pass),
encoding (``saved``) and writing; how many states were loaded, how many articles reached beyond
the window, how many postings were written. PYTHONPATH picks the tree; env REACH=0 loads no
horizon (a probe: not the shipped path). Adapted from round 47's (h7s26)."""

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
from broadsheet.store import stories as store_stories
from broadsheet.stories import Clusterer, engine, farwords, persist
from broadsheet.stories.index import StoryIndex

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
spent: dict[str, float] = {}
counted: dict[str, int] = {"loaded": 0, "far_articles": 0, "postings": 0}


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
Store.get_analysis = clock("read", Store.get_analysis)
import broadsheet.stories as stories_package

stories_package.prepare = clock("prepare", engine.prepare)
StoryIndex.lookups = clock("lookups", StoryIndex.lookups)
Store.story_states = clock("sql", Store.story_states)
StoryIndex.load = clock("load", StoryIndex.load)
Clusterer.add_all = clock("add_all", Clusterer.add_all)
farwords.absorb_far = clock("far", farwords.absorb_far)
persist.saved = clock("saved", persist.saved)
Store.save_story_changes = clock("save", Store.save_story_changes)
decode = clock("decode", persist.decode_state)
save_changes = store_stories.save_changes


def counting_save(conn, changes):
    counted["postings"] += len(changes.postings)
    return save_changes(conn, changes)


store_stories.save_changes = counting_save


def counting_decode(blob):
    counted["loaded"] += 1
    return decode(blob)


persist.decode_state = counting_decode
import gc

collecting: list[float] = []


def on_gc(phase, info):  # the cyclic collector's time, per generation
    if phase == "start":
        collecting.append(time.process_time())
    elif collecting:
        key = f"gc{info['generation']}"
        spent[key] = spent.get(key, 0.0) + time.process_time() - collecting.pop()


gc.callbacks.append(on_gc)
update = pipeline.update_stories
if os.environ.get("GCMODE") == "freeze":  # a probe: the collector skips what lived before
    def frozen(*args, **kwargs):
        gc.freeze()
        try:
            return update(*args, **kwargs)
        finally:
            gc.unfreeze()
    pipeline.update_stories = frozen
elif os.environ.get("GCMODE") == "off":  # a probe: no cyclic collection during the update
    def paused(*args, **kwargs):
        gc.disable()
        try:
            return update(*args, **kwargs)
        finally:
            gc.enable()
    pipeline.update_stories = paused
articles = stream(Path("/work/shared/data"))[:count]
size = len(articles) // 4
with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
    for start in range(0, size * 4, size):
        with store.transaction():
            for article in articles[start : start + size]:
                store.put_analysis(Analysis(article))
        spent.clear()
        counted.update(loaded=0, far_articles=0, postings=0)
        began, wall = time.process_time(), time.perf_counter()
        pipeline.update_stories(store, Settings())
        total, wall = time.process_time() - began, time.perf_counter() - wall
        print(f"ingest {start // size + 1}: cpu={total:.2f} wall={wall:.2f}",
              " ".join(f"{k}={v:.2f}" for k, v in spent.items()), counted,
              f"load={os.getloadavg()[0]:.2f}", flush=True)
