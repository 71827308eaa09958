"""Sample Z judged against the edition of its whole pool (the 7,093 AllSides-NEUS train and val records
neither Q nor Y drew from) on the code at hand: the pool's figure, beside the gate's (the 60 records alone)."""

from pathlib import Path

from broadsheet.bench.voices import (ALLSIDES_FILE, ALLSIDES_Q, ALLSIDES_SPLITS, ALLSIDES_Y, ALLSIDES_Z, _jsonl,
                                     allsides_pages, edition_voices, judge, load_located)

DATA = Path("/work/shared/data")
used = set(ALLSIDES_Q.articles()) | set(ALLSIDES_Y.articles())
keys = [r["article_id"] for r in _jsonl(DATA, ALLSIDES_FILE, "AllSides-NEUS")
        if r.get("split") in ALLSIDES_SPLITS and r["article_id"] not in used]
pages = allsides_pages(DATA, keys)
voices = edition_voices([], pages, created="2026-12-01T00:00:00+00:00")
items = load_located(ALLSIDES_Z.path, {p.id: p.content for p in pages})
print("records", len(keys), "voices", len(voices), judge(items, voices))
