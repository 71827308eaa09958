"""The key claims never shown (no shown claim's first sentence states them) on a set (not basil-4):
their sentences' pairwise similarity, to read why they stay apart."""

from __future__ import annotations

import sys

from rows import DATA, SETS, analyses, shown  # type: ignore[import-not-found]

from broadsheet.bench.claims import Judge, _says
from broadsheet.stories.corroboration import lead_sentences, similarities

name = sys.argv[1]
assert name != "basil-4"
labels, stories, page_of, outlets = SETS[name](DATA)
analysed = analyses({n: SETS[n](DATA) for n in SETS})
got = shown(stories, page_of, analysed)
judge = Judge(labels, outlets)
text = {page_of[a.id]: a for arts in stories.values() for a in arts}
for label in labels["claims"]:
    if label["optional"] or any(label in judge._labels(p, c.text) for p, c, _ in got):
        continue
    said = []
    for ref in label["reports"]:
        a = text[ref["page"]]
        said += [(outlets[ref["page"]][:8], a.text[s:e]) for s, e in lead_sentences(a)
                 if _says(ref, ref["page"], a.text[s:e])]
    close = similarities([t for _, t in said])
    print(f"--- [{label['independent']}] {label.get('note', '')}")
    for k, (o, t) in enumerate(said):
        print(f"   {o:8} {' '.join(f'{x:.2f}' for x in close[k])} | {t[:150]}")
