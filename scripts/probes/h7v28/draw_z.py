"""Sample Z's draw (voices round 34): the edition of the AllSides-NEUS train and val records samples Q and Y
did not draw from, on the plain-text path; random.Random(59).sample(range(count), 60). Writes the drawn
voices (with their words, for judging) to a file OUTSIDE the repository (argv[1]); prints counts only."""

import json
import random
import sys
from pathlib import Path

from broadsheet.bench.voices import ALLSIDES_FILE, ALLSIDES_Q, ALLSIDES_SPLITS, ALLSIDES_Y, _jsonl, allsides_pages, edition_voices

DATA = Path("/work/shared/data")
used = set(ALLSIDES_Q.articles()) | set(ALLSIDES_Y.articles())
keys = [r["article_id"] for r in _jsonl(DATA, ALLSIDES_FILE, "AllSides-NEUS")
        if r.get("split") in ALLSIDES_SPLITS and r["article_id"] not in used]
pages = allsides_pages(DATA, keys)
texts = {p.id: p.content for p in pages}
voices = edition_voices([], pages, created="2026-12-01T00:00:00+00:00")
print("articles", len(keys), "voices", len(voices))
drawn = random.Random(59).sample(range(len(voices)), 60)
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
                "n_quotes": len(voice.quotes), "text": text})
print("drawn articles", len({o["article_id"] for o in out}), "located", sum(o["start"] >= 0 for o in out))
Path(sys.argv[1]).write_text(json.dumps({"keys": keys, "drawn": out}, indent=1), encoding="utf-8")
