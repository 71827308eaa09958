"""AllSides as Google News gives its items: title folded into the text, lower-cased, undated;
ours with the story vote off and gated "caseless" (which now reaches every item).
Usage: lowered.py"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from broadsheet.bench.cluster_sets import DATASETS
from broadsheet.bench.clustering import ours, score_row
from broadsheet.stories import neighbours

rel, load = DATASETS["allsides"]
articles, gold = load(Path("/work/shared/data/clustering") / rel)
low = [replace(a, title="", paragraphs=(" ".join((a.title, *a.paragraphs)).lower(),)) for a in articles]
for gate in ("", "caseless"):
    neighbours.STORIES_GATE = gate
    m = score_row("allsides-lowered", "ours", gold, ours(low), 0.0).metrics
    print(f"allsides lowered, gate {gate or 'off'}: NMI {m['nmi']:.3f} B3 {m['bcubed_f1']:.3f} "
          f"(P {m['bcubed_p']:.3f} R {m['bcubed_r']:.3f}) pair {m['pair_f1']:.3f}", flush=True)
