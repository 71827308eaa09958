"""Lead sentences of two articles of a story sharing a run of N words outside quotation marks, on
every set but basil-4 (held out): what the copied-sentence rule would read."""

from __future__ import annotations

import re
import sys

from rows import DATA, SETS  # type: ignore[import-not-found]

from broadsheet.stories.corroboration import lead_sentences

QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 8


def runs(sentence: str) -> set[tuple[str, ...]]:
    plain = re.findall(r"\w+", QUOTED.sub(" | ", sentence).casefold().replace("|", " qqq "))
    return {tuple(plain[i:i + N]) for i in range(len(plain) - N + 1) if "qqq" not in plain[i:i + N]}


for name, load in SETS.items():
    if name == "basil-4":
        continue
    labels, stories, _, _ = load(DATA)
    for arts in stories.values():
        leads = [(a, a.text[s:e]) for a in arts for s, e in lead_sentences(a)]
        for i, (a, x) in enumerate(leads):
            for b, y in leads[i + 1:]:
                if a.id != b.id and runs(x) & runs(y):
                    print(f"{name:8} {a.outlet[:10]:10} | {x[:150]}\n{'':8} {b.outlet[:10]:10} | {y[:150]}")
