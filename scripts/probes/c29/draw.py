"""ecbplus-2's draw (the rule in NOTES.md): prints the 20 events and their 60 documents; with
--leads FILE, writes each drawn document's lead sentences (offset, hash, text) to FILE, outside the
repo, for judging."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from broadsheet.bench.claims import ECBPLUS_CLAIMS, _own, fingerprint
from broadsheet.bench.cluster_sets import ecbplus_topic, load_ecbplus
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/ecbplus/ecbplus_docs.jsonl")


def dev_rows() -> list[dict[str, object]]:
    """The rows of topics 1-35 (the test topics 36-45 dropped on their topic field, unread)."""
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if int(r["topic"]) <= 35]


def drawn() -> tuple[list[str], list[str]]:
    rows = dev_rows()
    used = {ecbplus_topic(e) for e in json.loads(ECBPLUS_CLAIMS.read_text(encoding="utf-8"))["events"]}
    events = sorted({str(r["subtopic"]) for r in rows if ecbplus_topic(str(r["subtopic"])) not in used})
    assert len(events) == 34, len(events)
    rng = random.Random(59)
    chosen = rng.sample(events, 20)
    pages = []
    for event in chosen:
        docs = sorted(str(r["doc_id"]) for r in rows if r["subtopic"] == event)
        pages += rng.sample(docs, 3)
    return chosen, pages


def main() -> None:
    events, pages = drawn()
    print(json.dumps(events))
    print(json.dumps(pages))
    if "--leads" not in sys.argv:
        return
    out = Path(sys.argv[-1])
    wanted = set(pages)
    articles = {a.id: _own(a) for a in load_ecbplus_dev() if a.id in wanted}
    lines = []
    for i, event in enumerate(events):
        lines.append(f"=== EVENT {event}")
        for page in pages[3 * i: 3 * i + 3]:
            a = articles[page]
            lines.append(f"--- {a.id} | {a.title}")
            for s, e in lead_sentences(a):
                lines.append(f"  [{s}] {fingerprint(a.text[s:e])} {a.text[s:e]}")
            lines.append(f"  (rest) {a.text[:1200]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_ecbplus_dev() -> list:
    articles, _ = load_ecbplus(PATH)
    return [a for a in articles if int(ecbplus_topic(a.id.split("_")[0] + "ecb")) <= 35]


if __name__ == "__main__":
    main()
