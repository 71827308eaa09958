"""Dump the stories (ids and member sets) of one code tree, to compare main's and the branch's.
(Round 47's, h7s26; round 50 adds the real day, BASIL and ECB+ through a store, and through a
store every story's title and its place in the stored order.)

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


def stored(store: Store) -> list[tuple[str, str, list[str]]]:
    """The stored stories in their stored order: id, title, members."""
    return [(s.id, s.title, sorted(s.article_ids)) for s in store.stories()]


def through_store(out: dict[str, object], key: str, parts: list[list[Analysis]]) -> None:
    """Each part stored and placed in turn (``update_stories``), the stories after each."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
        for k, part in enumerate(parts, 1):
            with store.transaction():
                for analysis in part:
                    store.put_analysis(analysis)
            update_stories(store, Settings())
            out[f"{key}/after{k}"] = stored(store)


def part_store(out: dict[str, object], count: int) -> None:
    articles = stream(DATA)[:count]
    size = len(articles) // 4
    through_store(out, "store", [[Analysis(a) for a in articles[start : start + size]]
                                 for start in range(0, size * 4, size)])


def part_sets(out: dict[str, object]) -> None:
    """BASIL, ECB+ and its dated half through a store, in two ingests (the bench's halves)."""
    sets = bench.load_sets(DATA, None, BenchReport(stage="clustering", notes=[]))
    for name in ("ecbplus-dated", "ecbplus", "basil"):
        articles, _gold = sets[name]
        halves = [[Analysis(a) for a in articles if bench._half(a.id)],
                  [Analysis(a) for a in articles if not bench._half(a.id)]]
        through_store(out, f"{name}/store", halves)


def part_day(out: dict[str, object]) -> None:
    """The real day in memory (without and with the analysis' entities) and through a store
    with its entities stored (two ingests: the first half of its articles, then the rest)."""
    from broadsheet.bench import realday
    from broadsheet.stories import cluster_articles

    articles = realday.day_articles(DATA / "extraction" / "scrapinghub" / "html")
    listed = [articles[k] for k in sorted(articles)]
    found = realday.analysed_entities(listed)
    for key, entities in (("day/one", None), ("day/analysed", found)):
        out[key] = [(s.id, s.title, sorted(s.article_ids))
                    for s in cluster_articles(listed, entities=entities)]
    half = len(listed) // 2
    through_store(out, "day/store", [
        [Analysis(a, entities=tuple(found[a.id])) for a in listed[:half]],
        [Analysis(a, entities=tuple(found[a.id])) for a in listed[half:]]])


def main() -> None:
    path, parts = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "ecb,sets,day,mem,store").split(",")
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    out: dict[str, object] = {}
    for part in parts:
        began = time.process_time()
        if part == "ecb":
            part_ecb(out)
        elif part == "mem":
            part_mem(out, count)
        elif part == "sets":
            part_sets(out)
        elif part == "day":
            part_day(out)
        else:
            part_store(out, count)
        print(part, f"cpu={time.process_time() - began:.1f}", flush=True)
    Path(path).write_text(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
