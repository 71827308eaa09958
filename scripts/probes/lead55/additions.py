"""Print every BASIL (or ECB+) event's Speed Read, lead then additions, as ``bench.leads`` builds
it (its articles one story, as the labels group them). Usage:
additions.py DATA [--set basil|ecbplus] [--half even|odd|all] [--json OUT]

The judged samples (NOTES.md) are the events in sorted order, odd places. No words are stored: an
addition is named by the SHA-1 of its text (``bench.claims.fingerprint``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from broadsheet.analyze import analyze_articles, load_model
from broadsheet.bench import leads
from broadsheet.bench.claims import fingerprint
from broadsheet.bench.perspectives import as_story
from broadsheet.brief.summarize import summarize_story


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--set", choices=sorted(leads.SETS), default="basil")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="odd")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    events = leads.SETS[args.set][1](args.data)
    names = sorted(events)
    if args.half != "all":
        names = names[0 if args.half == "even" else 1::2]
    members = [a for name in names for a in events[name]]
    analyses = {a.article.id: a for a in analyze_articles(members, load_model())}
    out: dict[str, list[str]] = {}
    for name in names:
        titles = sorted({a.title for a in events[name]})
        summary = summarize_story(as_story(name, events[name]), analyses)
        print(f"== {name} | " + " || ".join(titles))
        for i, sentence in enumerate(summary):
            mark = "LEAD" if i == 0 else fingerprint(sentence.text)
            print(f"   [{mark}] ({sentence.outlet}) {sentence.text}")
        out[name] = [fingerprint(s.text) for s in summary[1:]]
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
