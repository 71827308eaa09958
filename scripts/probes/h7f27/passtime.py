"""CPU of the far pieces pass alone (``farpieces.absorb_pieces``) and of the whole ``add_all`` on the
scale stream's first N articles in memory (batches of 1,000, as the bench's ``measure``); how many
dated pieces the pass read and how many it looked up (``target``), and the merges.
PRUNE=0 runs the unpruned pass. PYTHONPATH picks the tree (h7s26's passtime.py for the pieces)."""

import os
import sys
import time
from pathlib import Path

from broadsheet.bench.cluster_scale import stream
from broadsheet.stories import Clusterer, StoryIndex, farpieces, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
prune = os.environ.get("PRUNE", "1") == "1"
spent = {"pieces": 0.0}
calls = {"pieces": 0, "looked_up": 0, "merged": 0}
absorb, target = farpieces.absorb_pieces, farpieces.target


def timed(*args, **kwargs):
    began = time.process_time()
    try:
        merged = absorb(*args, **kwargs, **({} if prune else {"prune": False}))
        calls["merged"] += merged
        return merged
    finally:
        spent["pieces"] += time.process_time() - began


def counted(index, piece, *args):
    calls["looked_up"] += 1
    return target(index, piece, *args)


can = farpieces.can_merge


def asked(index, piece, horizon):
    calls["pieces"] += 1  # every dated piece the pass reads, when pruning
    return can(index, piece, horizon)


farpieces.absorb_pieces, farpieces.target, farpieces.can_merge = timed, counted, asked
articles = stream(Path("/work/shared/data"))[:count]
prepared = [prepare(a) for a in articles]
index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
engine = Clusterer(index)
began = time.process_time()
for start in range(0, len(prepared), 1000):
    engine.add_all(prepared[start : start + 1000])
total = time.process_time() - began
print(f"prune={prune} add_all={total:.1f} pieces_pass={spent['pieces']:.2f} calls={calls} "
      f"stories={len(index.stories)} load={os.getloadavg()[0]:.1f} {time.strftime('%H:%M:%S')}")
