"""Tuning half only: undated documents that name a day (month + day number, year if written), and
how far the nearest named day lies from the dated documents of their own event and of their twin
(day of year, circular, when no year is written; whole dates when it is). Text: title + lead
(100 words) and title + whole text.
usage: nameddays.py odd"""
import json
import re
import sys
from collections import defaultdict
from datetime import date

from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories.features import lead_text
from broadsheet.stories.farwords import _DAY_MONTH, _MONTH_DAY
from broadsheet.timestamps import MONTHS
from broadsheet.stories.features import day_of

want = 1 if sys.argv[1] == "odd" else 0
rows = [json.loads(x) for x in open("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")]
rows = [r for r in rows if int(ecbplus_topic(r["subtopic"])) % 2 == want]


def named(text):
    out = []
    for pattern, m_at, d_at in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for m in pattern.finditer(text):
            out.append((MONTHS[m.group(m_at)[:3].lower()], int(m.group(d_at)), m.group(3)))
    return out


def dist(n, day):
    month, number, year = n
    d = date.fromordinal(int(day))
    if year:
        try:
            return abs(date(int(year), month, number).toordinal() - int(day))
        except ValueError:
            return 9999
    best = 9999
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            best = min(best, abs(date(y, month, number).toordinal() - int(day)))
        except ValueError:
            pass
    return best


days = defaultdict(list)
for r in rows:
    dd = day_of(r.get("date_publish"))
    if dd is not None:
        days[r["subtopic"]].append(dd)
n_und = 0
for which in ("lead", "whole"):
    print("##", which)
    cnt = 0
    for r in rows:
        if day_of(r.get("date_publish")) is not None:
            continue
        n_und += which == "lead"
        text = r.get("title", "") + "\n" + (lead_text(r["text"].split("\n")) if which == "lead" else r["text"])
        ns = named(text)
        if not ns:
            continue
        cnt += 1
        sub = r["subtopic"]
        twin = sub.replace("ecbplus", "ecb") if sub.endswith("ecbplus") else sub + "plus"
        own = min((dist(n, d) for n in ns for d in days[sub]), default=None)
        tw = min((dist(n, d) for n in ns for d in days[twin]), default=None)
        print(r["doc_id"], sub, ns[:4], "own", own, "twin", tw)
    print("# undated naming a day:", cnt)
print("# undated docs", n_und)
