"""Every far-pieces merge of one set under farpieces.EVIDENCED = $EV, judged against the gold
(right: the two stories' majority labels agree), with gain per bucket and titles.
usage: EV=0 SET=basil merges.py"""
import os
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import farpieces

farpieces.EVIDENCED = float(os.environ.get("EV", "0"))
name = os.environ.get("SET", "basil")
articles, gold = bench.load_sets(Path("/work/shared/data"), None, BenchReport(stage="c", notes=[]))[name]
label = {a.id: g for a, g in zip(articles, gold)}
title = {a.id: a.title for a in articles}
_found = farpieces.found_pairs


def logged(engine, items, horizon, margin, **kw):
    found = _found(engine, items, horizon, margin, **kw)
    index = engine.index
    for one_id, other_id, _, _ in found:
        one, other = index.stories[one_id], index.stories[other_id]
        major = [Counter(label[m.article_id] for m in s.members).most_common(1)[0][0] for s in (one, other)]
        gap = one.gap_to(other)
        vocabulary = max(1, int((index.idf.df != 0).sum()))
        aim = farpieces.target(index, one, vocabulary, horizon)
        back = farpieces.target(index, other, vocabulary, horizon)
        gains = f"gain/bucket {aim.gain / aim.words:.2f}" + (
            f", back {back.gain / back.words:.2f} (to {'it' if back.story == one.id else 'another'})" if back else "")
        print("RIGHT" if major[0] == major[1] else "WRONG", major, f"sizes {one.size}+{other.size} gap {gap:.0f}d", gains)
        for s in (one, other):
            for m in s.members:
                print("    ", m.article_id, label[m.article_id], repr(title[m.article_id][:90]))
    return found


farpieces.found_pairs = logged
bench.ours(articles)
