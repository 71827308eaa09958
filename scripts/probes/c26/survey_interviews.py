"""Lead sentences that credit an interview or a broadcast, on every set but basil-4 (held out):
what the interview-credit rule would read."""

from __future__ import annotations

import re

from rows import DATA, SETS  # type: ignore[import-not-found]

from broadsheet.stories.corroboration import lead_sentences

WORDING = re.compile(r"\binterview|\btold\b|\btelling\b|\bsaid (?:on|to)\b|\bspeaking (?:to|with|on)\b"
                     r"|\bappear(?:ed|ing) on\b|\bon (?:CNN|MSNBC|Fox|NBC|CBS|ABC)\b")

for name, load in SETS.items():
    if name == "basil-4":
        continue
    labels, stories, _, _ = load(DATA)
    for arts in stories.values():
        for a in arts:
            for k, (s, e) in enumerate(lead_sentences(a)):
                if WORDING.search(a.text[s:e]):
                    print(f"{name:8} {a.outlet[:12]:12} {a.id[:8]} [{k}] {a.text[s:e][:230]}")
