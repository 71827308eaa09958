"""How many articles of each clustering set carry a publication date, and how many undated ones
name a day: the named-days rule can only move a set holding both."""
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import nameddays
from broadsheet.stories.features import day_of

sets = bench.load_sets(Path("/work/shared/data"), None, BenchReport(stage="clustering", notes=[]))
for name, (articles, gold) in sets.items():
    dated = sum(day_of(a.published) is not None for a in articles)
    naming = sum(day_of(a.published) is None and bool(nameddays.named(f"{a.title}\n{a.text}"))
                 for a in articles)
    print(f"{name:16s} articles={len(articles):6d} dated={dated:6d} undated_naming_a_day={naming}")
