"""Time the SQL that loads a chunk's states (``store.stories.load_states``) against variants, on
the store ``snapshot.py`` wrote (its fourth ingest's first chunk): the same states each way?
argv[1]: the store; env REACH=0: the window only."""

import os
import sys
import time
from pathlib import Path

from broadsheet.pipeline import CLUSTER_CHUNK
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store import stories as store_stories
from broadsheet.stories import farwords, persist, prepare

_IDS = """
SELECT DISTINCT p.story_id FROM temp.story_wanted AS w
JOIN story_postings AS p ON p.term = w.term AND p.bucket BETWEEN w.low AND w.high
UNION SELECT p.story_id FROM temp.story_wanted AS w
JOIN story_postings AS p ON p.term = w.term AND p.bucket = -1
"""
_STATES_OF = """
SELECT story_id, state FROM story_state WHERE story_id IN (%s)
"""


def load_states_ids(conn, wanted):
    """The story ids first (no blob in the DISTINCT), then their states."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_wanted (term INTEGER, low INTEGER, high INTEGER)")
    conn.execute("BEGIN")
    conn.execute("DELETE FROM temp.story_wanted")
    conn.executemany("INSERT INTO temp.story_wanted VALUES (?, ?, ?)", wanted)
    ids = [row[0] for row in conn.execute(_IDS)]
    found = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        found.update((r[0], r[1]) for r in conn.execute(_STATES_OF % ",".join("?" * len(part)), part))
    conn.execute("DELETE FROM temp.story_wanted")
    conn.execute("COMMIT")
    return [found[k] for k in sorted(found)]


def load_states_sub(conn, wanted):
    """One statement: the states of the distinct ids."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_wanted (term INTEGER, low INTEGER, high INTEGER)")
    conn.execute("BEGIN")
    conn.execute("DELETE FROM temp.story_wanted")
    conn.executemany("INSERT INTO temp.story_wanted VALUES (?, ?, ?)", wanted)
    found = dict((r[0], r[1]) for r in conn.execute("SELECT story_id, state FROM story_state WHERE story_id IN (" + _IDS + ")"))
    conn.execute("DELETE FROM temp.story_wanted")
    conn.execute("COMMIT")
    return [found[k] for k in sorted(found)]


store_stories.load_states_ids = load_states_ids
store_stories.load_states_sub = load_states_sub

with Store.open(Path(sys.argv[1])) as store:
    ids = store.unclustered()[:CLUSTER_CHUNK]
    index = persist.open_index(store.story_meta(), window_days=Settings().cluster_window_days)
    assert index is not None
    items = []
    for aid in ids:
        analysis = store.get_analysis(aid)
        assert analysis is not None
        items.append(prepare(analysis.article, analysis.entities))
    reach = (lambda i, w: 0.0) if os.environ.get("REACH") == "0" else farwords.reach
    wanted = sorted({w for item in items for w in index.lookups(item.features, reach(item, index.window_days))})
    print("ranges", len(wanted))
    conn = store._db.conn
    variants = {name: getattr(store_stories, name) for name in dir(store_stories) if name.startswith("load_states")}
    results = {}
    for turn in range(3):
        for name, function in sorted(variants.items()):
            began = time.process_time()
            results[name] = function(conn, wanted)
            print(f"{name:24s} cpu={time.process_time() - began:.3f} states={len(results[name])}")
    first = results["load_states"]
    for name, found in results.items():
        print(name, "SAME" if found == first else "DIFFERENT")
