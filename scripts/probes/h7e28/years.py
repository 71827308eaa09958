"""Tuning half only: the years each document's text names, against its own publication year
(dated documents) and the twin event's years (undated ones): how often a true member names a
year after its story's, and how often an undated twin names a year outside the dated twin's."""
import json
import re
import sys
from collections import Counter, defaultdict

from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories.features import day_of
from broadsheet import timestamps
from datetime import date

want = 1 if sys.argv[1] == "odd" else 0
YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
rows = [json.loads(x) for x in open("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")]
rows = [r for r in rows if int(ecbplus_topic(r["subtopic"])) % 2 == want]
year = {}
for r in rows:
    d = day_of(timestamps.normalise(r.get("date_publish")))
    year[r["doc_id"]] = date.fromordinal(int(d)).year if d else None
ev_years = defaultdict(list)
for r in rows:
    if year[r["doc_id"]]:
        ev_years[r["subtopic"]].append(year[r["doc_id"]])
dated = Counter()
undated = Counter()
for r in rows:
    named = {int(y) for y in YEAR.findall((r.get("title") or "") + " " + r["text"])}
    y = year[r["doc_id"]]
    if y:
        dated["docs"] += 1
        dated["names a year"] += bool(named)
        dated["names its own year"] += y in named
        dated["names a later year"] += any(n > y for n in named)
        dated["names own or year before"] += bool(named & {y, y - 1})
    else:
        twin = r["subtopic"] + "plus"
        ys = ev_years.get(twin)
        if not ys:
            continue
        lo, hi = min(ys), max(ys)
        undated["docs"] += 1
        undated["names a year"] += bool(named)
        undated["names a year after twin's last"] += any(n > hi for n in named)
        undated["names twin's year(s)"] += any(lo <= n <= hi for n in named)
        undated["max named < twin first-1"] += bool(named) and max(named) < lo - 1
print("dated docs:", dict(dated))
print("undated docs vs the dated twin:", dict(undated))
