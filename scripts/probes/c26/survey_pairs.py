"""Pairs of lead sentences of different articles under SAME_CLAIM, on every set but basil-4 (held
out): how many state one labelled claim, by a candidate feature (a quoted run of N words both
quote)."""

from __future__ import annotations

import re
from collections import Counter

from rows import DATA, SETS  # type: ignore[import-not-found]

from broadsheet.bench.claims import _says
from broadsheet.stories.corroboration import SAME_CLAIM, lead_sentences, similarities

QUOTE = re.compile(r"[\"“”]([^\"“”]{10,})[\"“”]")
N = 4


def quoted_runs(sentence: str) -> set[tuple[str, ...]]:
    found = set()
    for part in QUOTE.findall(sentence):
        w = re.findall(r"\w+", part.casefold())
        found |= {tuple(w[i:i + N]) for i in range(len(w) - N + 1)}
    return found


tally: Counter[tuple[str, str, bool, bool]] = Counter()
for name, load in SETS.items():
    if name == "basil-4":
        continue
    labels, stories, page_of, _ = load(DATA)
    for arts in stories.values():
        leads = [(a, a.text[s:e]) for a in arts for s, e in lead_sentences(a)]
        close = similarities([t for _, t in leads])
        for i, (a, x) in enumerate(leads):
            for j in range(i + 1, len(leads)):
                b, y = leads[j]
                if a.id == b.id:
                    continue
                same = any(any(_says(r, page_of[a.id], x) for r in c["reports"]) and
                           any(_says(r, page_of[b.id], y) for r in c["reports"]) for c in labels["claims"])
                band = "high" if close[i, j] >= SAME_CLAIM else ("mid" if close[i, j] >= 0.1 else "low")
                feature = bool(quoted_runs(x) & quoted_runs(y))
                tally[(name, band, feature, same)] += 1
                if feature and band != "high":
                    print(f"{name} {close[i, j]:.2f} same={same} | {x[:90]} || {y[:90]}")
for key in sorted(tally):
    print(key, tally[key])
