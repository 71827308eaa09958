"""Why far pieces stops (diagnostic, after the first figure): every dated piece's best far target,
its gain per bucket against the margin, the named day and the own name parts, and whether the two
stories' majority labels agree. usage: gatelog.py SET[:MODEL.pkl]"""
import pickle
import sys
from collections import Counter

import numpy as np

from lossmap import load
from broadsheet.bench import clustering as bench
from broadsheet.stories import farpieces, lonewords

farpieces.PIECES = True
name, _, held = sys.argv[1].partition(":")
articles, gold = load(name)
label = {a.id: g for a, g in zip(articles, gold)}
rows = []
_target = farpieces.target


def major(story):
    return Counter(label[m.article_id] for m in story.members).most_common(1)[0][0]


def logged(index, piece, vocabulary, horizon):
    aim = _target(index, piece, vocabulary, horizon)
    if aim is not None:
        host = index.stories[aim.story]
        rows.append((major(piece), piece.size, major(host), host.size, aim.gain / max(aim.words, 1),
                     farpieces.named_day(piece, host), farpieces.shared_own(index, piece, host, horizon),
                     len(farpieces.candidates(index, piece, horizon))))
    return aim


farpieces.target = logged
model = pickle.load(open(held, "rb")) if held else bench.DEFAULT_MODEL
bench.ours(articles, model)
seen = set()
for r in rows:
    if r in seen:
        continue
    seen.add(r)
    ok = "right" if r[0] == r[2] else "WRONG"
    print(f"{ok} {r[0]}({r[1]}) -> {r[2]}({r[3]}) gain/bucket={r[4]:.2f} pass={r[4] > lonewords.MARGIN} "
          f"day={r[5]} name={r[6]} cands={r[7]}")
