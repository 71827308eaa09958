"""Sample X's items one by one on the code at hand (the gate's edition of its 44 articles): verdict and
what is shown; argv[1] 'pool' judges against the edition of the 98 articles instead."""

import json
import sys
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
texts = v.BASIL_X.texts(DATA)
items = v.load_located(v.BASIL_X.path, texts)
if sys.argv[1:] == ["pool"]:
    keys = json.loads(Path("/tmp/h7v26_x.json").read_text())["keys"]
    voices = v.edition_voices([], v.basil_pages(DATA, keys), created="2026-12-01T00:00:00+00:00")
else:
    voices = v.news_voices(DATA, v.BASIL_X)
right = 0
for index, item in enumerate(items):
    shown = v.describe(item, v.find_voice(item, voices))
    right += shown["verdict"] == "right"
    print(index, shown["verdict"], shown["shown"])
print(f"right {right} of {len(items)} = {right / len(items):.3f}; voices {len(voices)}")
