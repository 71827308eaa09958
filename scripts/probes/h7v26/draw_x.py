"""Sample X's draw (voices round 32): the edition of the 98 BASIL articles none of M, P, S and V drew
from, on the plain-text path; random.Random(57).sample(range(count), 60). Writes the drawn voices (with
their words, for judging) to a file OUTSIDE the repository (argv[1]); prints counts only."""

import json
import random
import sys
from pathlib import Path

from broadsheet.bench.voices import (
    BASIL_M,
    BASIL_P,
    BASIL_S,
    BASIL_V,
    basil_key,
    basil_pages,
    basil_records,
    edition_voices,
)

DATA = Path("/work/shared/data")
used: set[str] = set()
for sample in (BASIL_M, BASIL_P, BASIL_S, BASIL_V):
    used |= set(sample.articles())
keys = [basil_key(r) for r in basil_records(DATA) if basil_key(r) not in used]
pages = basil_pages(DATA, keys)
texts = {p.id: p.content for p in pages}
voices = edition_voices([], pages, created="2026-12-01T00:00:00+00:00")
print("articles", len(keys), "voices", len(voices))
drawn = random.Random(57).sample(range(len(voices)), 60)
out = []
for index in drawn:
    voice = voices[index]
    quote = voice.quotes[0]
    text = texts[quote.article_id]
    start = text.find(quote.content)
    out.append({"index": index, "speaker": voice.speaker, "role": voice.role,
                "organisation": voice.organisation, "kind": voice.kind, "article_id": quote.article_id,
                "content": quote.content, "cue": quote.cue, "qkind": str(quote.kind), "start": start,
                "end": start + len(quote.content) if start >= 0 else -1,
                "n_quotes": len(voice.quotes)})
print("drawn articles", len({o["article_id"] for o in out}), "located", sum(o["start"] >= 0 for o in out))
Path(sys.argv[1]).write_text(json.dumps({"keys": keys, "drawn": out}, indent=1), encoding="utf-8")
