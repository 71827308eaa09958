"""The far splits read piece by piece (loss map, step 1): every true story our clusterer cut in
pieces, each piece's size and day span, the gap to the nearest other piece of the same event
(days between their nearest dated members), and whether a member of one piece names (by month and
day, `farwords.named_dates`) a day inside the other's span (`in_span`'s rule: from 2 days before
its first member to its last). Also counted: the missed pairs between pieces by gap (within the
60-day horizon or beyond) and by the named-day evidence, the reach of a rule joining pieces.

usage: pieces.py SET[:MODEL.pkl]
"""
import math
import pickle
import sys
from collections import Counter, defaultdict
from itertools import combinations

from lossmap import load
from broadsheet.bench import clustering as bench
from broadsheet.stories.farwords import named_dates
from broadsheet.stories.features import day_of


def span(piece):
    days = sorted(d for _, d, _ in piece if d is not None)
    return (math.floor(days[0]), math.floor(days[-1])) if days else None


def names_day(piece, other):
    sp = span(other)
    return sp is not None and any(sp[0] - 2 <= d <= sp[1] for _, _, ds in piece for d in ds)


def main(spec):
    name, _, held = spec.partition(":")
    articles, gold = load(name)
    model = pickle.load(open(held, "rb")) if held else bench.DEFAULT_MODEL
    pred = [str(p) for p in bench.ours(articles, model)]
    events = defaultdict(lambda: defaultdict(list))
    for a, g, p in zip(articles, gold, pred):
        day = day_of(a.published)
        words = len(a.text.split())
        dates = named_dates(f"{a.title}\n{a.text}", day) if day is not None and words >= 100 else ()
        events[g][p].append((a.id, day, dates))
    pairs = Counter()
    for label, pieces in sorted(events.items()):
        if len(pieces) < 2:
            continue
        rows = sorted(pieces.values(), key=lambda pc: (span(pc) or (0, 0))[0])
        print(f"{label}: " + " | ".join(f"{len(pc)}@{span(pc)}" for pc in rows))
        for a, b in combinations(rows, 2):
            sa, sb = span(a), span(b)
            if sa is None or sb is None:
                kind = "undated"
            else:
                gap = max(sb[0] - sa[1], sa[0] - sb[1], 0)
                kind = "near" if gap <= 14 else ("far<=60" if gap <= 60 else "far>60")
            ev = "names-day" if names_day(a, b) or names_day(b, a) else "no-day"
            pairs[(kind, ev)] += len(a) * len(b)
            pairs[(kind, ev, "sizes", min(len(a), len(b)) > 1)] += len(a) * len(b)
    print("missed pairs between pieces, by gap and evidence:")
    for key, n in sorted(pairs.items(), key=lambda kv: str(kv[0])):
        print("  ", key, n)


if __name__ == "__main__":
    main(sys.argv[1])
