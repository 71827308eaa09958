"""For the far moves of a labelled set (one batch and two), what the gate read: the lone article's
title, the date phrases its text names, the host's span and titles. Hand-check aid."""
import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from datetime import date
from pathlib import Path
import gatelog
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import farwords
sets = bench.load_sets(Path("/work/shared/data"), None, BenchReport(stage="clustering", notes=[]))
for name in sys.argv[1].split(","):
    articles, gold = sets[name]
    by = {a.id: a for a in articles}
    bench.ours(articles)
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    bench.in_batches(articles, halves)
    seen = set()
    for aid, members in gatelog.MOVES:
        if aid in seen:
            continue
        seen.add(aid)
        a = by[aid]
        text = f"{a.title}\n{a.text}"
        phrases = [m.group() for p in (farwords._MONTH_DAY, farwords._DAY_MONTH) for m in p.finditer(text)]
        hosts = [by[m] for m in members if m != aid]
        days = sorted(h.published[:10] for h in hosts if h.published)
        print(name, aid, a.published, repr(a.title), "names:", phrases, "| host", days[0], "to", days[-1])
        for h in hosts[:4]:
            print("    ", h.published, repr(h.title))
