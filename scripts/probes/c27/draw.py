"""basil-5's draw (the rule in NOTES.md): prints the 20 event ids; with --leads, writes each drawn
article's lead sentences (offset, hash, text) to a file outside the repo for judging."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from broadsheet.bench.claims import (
    BASIL2_CLAIMS,
    BASIL3_CLAIMS,
    BASIL4_CLAIMS,
    BASIL_CLAIMS,
    _named,
    fingerprint,
)
from broadsheet.bench.cluster_sets import load_basil
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/basil/basil_articles.jsonl")


def drawn() -> list[str]:
    _, events = load_basil(PATH)
    earlier = {e for judged in (BASIL_CLAIMS, BASIL2_CLAIMS, BASIL3_CLAIMS, BASIL4_CLAIMS)
               for e in json.loads(judged.read_text(encoding="utf-8"))["events"]}
    left = sorted(set(events) - earlier)
    assert len(left) == 20, len(left)
    return left


def main() -> None:
    events = drawn()
    print(json.dumps(events))
    if "--leads" not in sys.argv:
        return
    out = Path(sys.argv[-1])
    articles, stories = load_basil(PATH)
    lines = []
    for event in events:
        lines.append(f"=== EVENT {event}")
        for article, story in zip(articles, stories, strict=True):
            if story != event:
                continue
            a = _named(article)
            lines.append(f"--- {a.outlet} {a.id} | {a.title}")
            for s, e in lead_sentences(a):
                lines.append(f"  [{s}] {fingerprint(a.text[s:e])} {a.text[s:e]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
