"""CPU of the far pass alone (``farwords.absorb_far``) and of the whole ``add_all`` on the scale
stream's first N articles in memory (batches of 1,000, as the bench's ``measure``); with the
branch's code, how the look-ups for stored lone stories ended (``met``). PYTHONPATH picks the tree."""

import sys
import time
from pathlib import Path

from broadsheet.bench.cluster_scale import stream
from broadsheet.stories import Clusterer, StoryIndex, farwords, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
spent = {"far": 0.0, "met": 0.0}
calls = {"met": 0, "met_found": 0}
far, met = farwords.absorb_far, farwords.met


def timed_far(*args, **kwargs):
    began = time.process_time()
    try:
        return far(*args, **kwargs)
    finally:
        spent["far"] += time.process_time() - began


def timed_met(*args, **kwargs):
    began = time.process_time()
    try:
        found = met(*args, **kwargs)
        calls["met"] += 1
        calls["met_found"] += bool(found)
        return found
    finally:
        spent["met"] += time.process_time() - began


farwords.absorb_far, farwords.met = timed_far, timed_met
articles = stream(Path("/work/shared/data"))[:count]
prepared = [prepare(a) for a in articles]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index)
began = time.process_time()
for start in range(0, len(prepared), 1000):
    engine.add_all(prepared[start : start + 1000])
total = time.process_time() - began
print(f"add_all={total:.1f} far={spent['far']:.2f} met={spent['met']:.2f} calls={calls} "
      f"stories={len(index.stories)}")
