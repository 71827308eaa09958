"""Print the Speed Read lead of every BASIL (or ECB+) event, as ``bench.leads`` chooses and scores
it (its articles one story, as the labels group them). Usage:
leads.py DATA [--set basil|ecbplus] [--half even|odd|all] [--json OUT]

The judged samples (NOTES.md) are the events in sorted order, even places first; the odd places
were kept unread until the rules were written. ECB+: topics 1-35 only (36-45 are its published test
topics, never read). No words are stored: a lead is named by the SHA-1 of its text
(``bench.claims.fingerprint``); ``score.py`` looks the leads up in ``verdicts.json``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from broadsheet.bench import leads
from broadsheet.bench.claims import fingerprint


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--set", choices=sorted(leads.SETS), default="basil")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="even")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    events = leads.SETS[args.set][1](args.data)
    names = sorted(events)
    if args.half != "all":
        names = names[0 if args.half == "even" else 1::2]
    chosen = leads.leads({name: events[name] for name in names})
    out = {}
    for name in names:
        print(f"== {name} | {events[name][0].title}")
        print(f"   {chosen[name]}")
        if chosen[name]:
            out[name] = {"sha1": fingerprint(chosen[name])}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
