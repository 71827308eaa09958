"""allsides-4's draw (the rule in NOTES.md): prints the 40 story ids in draw order; with --leads FILE,
writes each drawn item's lead sentences (offset, hash, text) to FILE, outside the repo, for judging."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from broadsheet.bench.claims import ALLSIDES2_CLAIMS, ALLSIDES_CLAIMS, _placed, fingerprint
from broadsheet.bench.cluster_sets import load_allsides
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/allsides-neus/allsides_dev.jsonl")


def drawn() -> list[str]:
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]
    ids = sorted({r["story_id"] for r in rows if r["split"] != "test"})
    earlier = set()
    for judged in (ALLSIDES_CLAIMS, ALLSIDES2_CLAIMS):
        earlier |= set(json.loads(judged.read_text(encoding="utf-8"))["events"])
    left = [s for s in ids if s not in earlier]
    assert len(left) == len(ids) - 40, len(left)
    allsides3 = set(random.Random(60).sample(left, 40))  # allsides-3's whole draw, judged or not
    rest = [s for s in left if s not in allsides3]
    assert len(rest) == len(left) - 40, len(rest)
    return random.Random(61).sample(rest, 40)


def main() -> None:
    events = drawn()
    print(json.dumps(events))
    if "--leads" not in sys.argv:
        return
    out = Path(sys.argv[-1])
    articles, stories = load_allsides(PATH)
    lines = []
    for event in events:
        lines.append(f"=== EVENT {event}")
        for article, story in zip(articles, stories, strict=True):
            if story != event:
                continue
            a = _placed(article)
            lines.append(f"--- {a.outlet} {a.id} | {a.title}")
            for s, e in lead_sentences(a):
                lines.append(f"  [{s}] {fingerprint(a.text[s:e])} {a.text[s:e]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
