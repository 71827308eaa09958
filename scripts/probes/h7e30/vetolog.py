"""Every refusal of the full-names rule in one ECB+ run: the two sides' sizes and majority events,
right (two events) or wrong (one event), the own names each holds that the other lacks.
usage: [MODEL=lodo.pkl] [TWO=1] [SURNAMES=1] LEAST=3 vetolog.py odd|even|all > out"""
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories import fullnames
from broadsheet.stories.features import NAME_PREFIX, _sentence_names, lead_text
from broadsheet.stories.sparse import bucket
from broadsheet.text import split_sentences

fullnames.LEAST = int(os.environ.get("LEAST", "3"))
fullnames.BOTH = os.environ.get("BOTH", "1") == "1"
from broadsheet.stories import features
features.SURNAMES = os.environ.get("SURNAMES", "0") == "1"
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
articles, gold = sets["ecbplus"]
label = {a.id: g for a, g in zip(articles, gold)}
phrase = {}
for a in articles:
    for text in (a.title, lead_text(a.paragraphs)):
        for s, e in split_sentences(text):
            for n in _sentence_names(text[s:e]):
                if " " in n:
                    phrase[bucket(NAME_PREFIX + features._name_key(n))] = n
half = sys.argv[1]
_refuses = fullnames.refuses
seen = set()


def major(story):
    return Counter(label[m.article_id] for m in story.members).most_common(1)[0][0]


def logged(one, other, least=fullnames.LEAST, both=None):
    out = _refuses(one, other, least, both)
    if out:
        a, b = major(one), major(other)
        t = int(ecbplus_topic(a))
        key = (one.id, other.id, one.size, other.size)
        if (half == "all" or t % 2 == (half == "odd")) and key not in seen:
            seen.add(key)
            ha, hb = fullnames._counts(one), fullnames._counts(other)
            oa = [phrase.get(n, n) for n in fullnames.own_names(one) if hb.get(n, 0) <= fullnames.FLOOR * other.size]
            ob = [phrase.get(n, n) for n in fullnames.own_names(other) if ha.get(n, 0) <= fullnames.FLOOR * one.size]
            print("refused", "two-events" if a != b else "ONE-EVENT", f"{one.size}+{other.size}", a, b, oa[:4], ob[:4], flush=True)
    return out


fullnames.refuses = logged
model = pickle.load(open(os.environ["MODEL"], "rb")) if os.environ.get("MODEL") else None
if os.environ.get("TWO"):
    halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
    bench.in_batches(articles, halves)
else:
    bench.ours(articles, model) if model else bench.ours(articles)
