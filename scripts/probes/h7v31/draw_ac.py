"""Sample AC's draw (voices round 37): the edition of the PolNeAR train articles samples O, U, W, AA and AB did not
draw from, on the plain-text path; random.Random(62).sample(range(count), 60). Writes the drawn voices (with
their words, for judging) to a file OUTSIDE the repository (argv[1]); prints counts only."""

import json
import random
import sys
import time
from pathlib import Path

from broadsheet.bench.voices import POLNEAR_AA, POLNEAR_AB, POLNEAR_O, POLNEAR_U, POLNEAR_W, _polnear_metadata, edition_voices
from broadsheet.model import Page

ROOT = Path("/work/shared/data/attribution/polnear")
used = set(POLNEAR_O.articles()) | set(POLNEAR_U.articles()) | set(POLNEAR_W.articles()) | set(POLNEAR_AA.articles()) | set(POLNEAR_AB.articles())
keys = [p.stem for p in sorted((ROOT / "train" / "text").glob("*.txt")) if p.stem not in used]
meta = _polnear_metadata(ROOT)
pages = [Page(id=f"polnear-{name}", source=f"polnear/train/{name}", kind="text",
              content=(ROOT / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8"),
              title=meta.get(name, {}).get("title"), outlet=meta.get(name, {}).get("publisher"),
              published=meta.get(name, {}).get("publication_date")) for name in keys]
texts = {p.id: p.content for p in pages}
began = time.time()
voices = edition_voices([], pages, created="2026-12-01T00:00:00+00:00")
print("articles", len(keys), "voices", len(voices), f"{time.time() - began:.0f} s")
drawn = random.Random(62).sample(range(len(voices)), 60)
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
