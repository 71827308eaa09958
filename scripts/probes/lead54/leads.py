"""Print the Speed Read of every BASIL (or ECB+) event (its articles as one story, as the labels
group them): its lead first. Usage: leads.py DATA [--set basil|ecbplus] [--half even|odd] [--json OUT]

The judged samples (NOTES.md) are the events in sorted order, even places; the odd places are
kept unread for a check after any rule. ECB+: topics 1-35 only (36-45 are its published test
topics, never read). No words are stored: a lead is named by its article and the SHA-1 of its
text (``bench.claims.fingerprint``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from broadsheet.analyze import analyze_articles, load_model
from broadsheet.bench.claims import _named, _own, fingerprint
from broadsheet.bench.cluster_sets import ecbplus_topic, load_basil, load_ecbplus
from broadsheet.bench.perspectives import as_story
from broadsheet.brief.summarize import summarize_story

SETS = {"basil": ("basil/basil_articles.jsonl", load_basil, _named),
        "ecbplus": ("ecbplus/ecbplus_docs.jsonl", load_ecbplus, _own)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--set", choices=sorted(SETS), default="basil")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="even")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    path, load, prepared = SETS[args.set]
    articles, labels = load(args.data / "clustering" / path)
    events: dict[str, list] = {}
    for article, label in zip(articles, labels, strict=True):
        if args.set != "ecbplus" or int(ecbplus_topic(label)) <= 35:
            events.setdefault(label, []).append(prepared(article))
    names = sorted(events)
    if args.half != "all":
        names = names[0 if args.half == "even" else 1::2]
    members = [a for n in names for a in events[n]]
    analyses = {a.article.id: a for a in analyze_articles(members, load_model())}
    out = {}
    for name in names:
        story = as_story(name, events[name])
        summary = summarize_story(story, analyses)
        print(f"== {name} | {events[name][0].title}")
        for s in summary:
            print(f"   [{s.outlet}] {s.text}")
        if summary:
            out[name] = {"article": summary[0].article_id, "sha1": fingerprint(summary[0].text)}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
