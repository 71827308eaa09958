"""Write the SQLite store of ``measure_store`` after its first three ingests of the scale stream's
first N articles, with the fourth ingest's articles stored but not placed (argv[1]: the file; argv[2]: N),
so the fourth's SQL can be timed alone (``sqltime.py``)."""

import sys
from pathlib import Path

from broadsheet.bench.cluster_scale import stream
from broadsheet.model import Analysis
from broadsheet.pipeline import update_stories
from broadsheet.settings import Settings
from broadsheet.store import Store

path, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20000
articles = stream(Path("/work/shared/data"))[:count]
size = len(articles) // 4
with Store.open(path) as store:
    for start in range(0, size * 4, size):
        with store.transaction():
            for article in articles[start : start + size]:
                store.put_analysis(Analysis(article))
        if start < size * 3:
            update_stories(store, Settings())
