"""Sample Y's items one by one on the code at hand (the gate's edition of its 59 records): verdict and
what is shown (argv[1], if given: the judged file, default the repository's)."""

import sys
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
path = Path(sys.argv[1]) if sys.argv[1:] else Path(__file__).resolve().parents[3] / "tests/data/allsides_voices/judged_y.json"
sample = v.NewsSample("allsides-voices", path, v.allsides_pages)
items = v.load_located(path, sample.texts(DATA))
voices = v.news_voices(DATA, sample)
right = 0
for index, item in enumerate(items):
    shown = v.describe(item, v.find_voice(item, voices))
    right += shown["verdict"] == "right"
    print(index, shown["verdict"], shown["shown"])
print(f"right {right} of {len(items)} = {right / len(items):.3f}; voices {len(voices)}")
