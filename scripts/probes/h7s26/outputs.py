"""Dump the stories (ids and member sets) of one code tree, to compare main's and the branch's.

Run with PYTHONPATH=<src of the tree>; argv[1]: the JSON file written; argv[2] (optional): which parts,
comma-separated, of ecb (ECB+'s dated half and ECB+: one batch, two batches, another order; BASIL one
batch), mem (the scale stream's first N articles in batches of 1,000, as the bench's ``measure``),
store (the same N through a SQLite store in four ingests, as ``measure_store``); N: argv[3] (20000).
Each part: story id -> sorted article ids, and the article -> story map where the bench reads it.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_scale import stream
from broadsheet.model import Analysis
from broadsheet.pipeline import update_stories
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS

DATA = Path("/work/shared/data")


def members(index: StoryIndex) -> dict[str, list[str]]:
    return {sid: sorted(m.article_id for m in s.members) for sid, s in sorted(index.stories.items())}


def part_ecb(out: dict[str, object]) -> None:
    sets = bench.load_sets(DATA, None, BenchReport(stage="clustering", notes=[]))
    for name in ("ecbplus-dated", "ecbplus", "basil"):
        articles, _gold = sets[name]
        out[f"{name}/one"] = bench.ours(articles)
        if name == "basil":
            continue
        halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
        out[f"{name}/two"] = bench.in_batches(articles, halves)[0]
        out[f"{name}/reordered"] = bench.another_order(articles)


def part_mem(out: dict[str, object], count: int) -> None:
    articles = stream(DATA)[:count]
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    engine = Clusterer(index)
    for start in range(0, len(articles), 1000):
        engine.add_all(prepare(a) for a in articles[start : start + 1000])
    out["mem/stories"] = members(index)
    out["mem/redirects"] = dict(sorted(index.redirects.items()))


def part_store(out: dict[str, object], count: int) -> None:
    articles = stream(DATA)[:count]
    size = len(articles) // 4
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
        for start in range(0, size * 4, size):
            with store.transaction():
                for article in articles[start : start + size]:
                    store.put_analysis(Analysis(article))
            update_stories(store, Settings())
            out[f"store/after{start // size + 1}"] = {s.id: sorted(s.article_ids) for s in store.stories()}


def main() -> None:
    path, parts = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "ecb,mem,store").split(",")
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    out: dict[str, object] = {}
    for part in parts:
        began = time.process_time()
        if part == "ecb":
            part_ecb(out)
        elif part == "mem":
            part_mem(out, count)
        else:
            part_store(out, count)
        print(part, f"cpu={time.process_time() - began:.1f}", flush=True)
    Path(path).write_text(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
