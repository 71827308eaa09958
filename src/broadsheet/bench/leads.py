"""Speed Read leads judged by hand: does a story's first sentence tell its event?

The lead of a Speed Read (``brief.summarize``) is what a reader of the edition sees first. Two
labelled sets give stories whose members are known (their labels group them, so no clustering
fault shows): **BASIL**'s 100 events (three outlets each) and **ECB+**'s 66 events of topics 1-35
(its test topics 36-45 never read). Each event's lead was judged by hand in session 54
(``tests/data/speedread_leads/verdicts.json``; the rule in ``scripts/probes/lead54/NOTES.md``): right
when a reader with only the title and this sentence learns the story's event. The even halves were
judged first on the leads of the time, the odd halves only after the rules were written.

A lead is named by the SHA-1 of its text, so no words of either set are kept; a lead nobody has
judged counts as wrong and is counted apart (``not_judged``), so a change of leads shows until it
is judged. There is no baseline row: the verdicts are of the leads ours chose.

**The additions** (each Speed Read sentence after its lead) of the same events were judged in
session 55 (``tests/data/speedread_additions/verdicts.json``; the rule in
``scripts/probes/lead55/NOTES.md``): right when it tells the reader something about this event
that the lead did not, in a reporter's or a named source's voice, and reads as a whole sentence;
wrong when it restates the lead, is about another event, is a promo or the writer's opinion, leans
on a sentence the reader does not have, or has a caption run into it. The odd halves were judged
on the additions of the time before any rule (``brief.additions``), the even halves as
development. The row is the share of the additions shown that were judged right, over every
event; unjudged ones count as wrong and are counted apart, as leads are.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from broadsheet.bench import BenchRow
from broadsheet.bench.claims import _named, _own, fingerprint
from broadsheet.bench.cluster_sets import Labelled, ecbplus_topic, load_basil, load_ecbplus
from broadsheet.bench.perspectives import as_story
from broadsheet.model import Article

_DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
VERDICTS = _DATA / "speedread_leads" / "verdicts.json"
ADDITIONS = _DATA / "speedread_additions" / "verdicts.json"
ECBPLUS_TOPICS = 35  # topics 36-45 are ECB+'s published test topics

Events = dict[str, list[Article]]


def basil_events(data: Path) -> Events:
    """BASIL's events, each its three articles with their outlets' names."""
    return _events(data / "clustering" / "basil" / "basil_articles.jsonl", load_basil, _named,
                   lambda _: True)


def ecbplus_events(data: Path) -> Events:
    """ECB+'s events of topics 1-35, each document its own outlet."""
    return _events(data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl", load_ecbplus, _own,
                   lambda label: int(ecbplus_topic(label)) <= ECBPLUS_TOPICS)


def _events(path: Path, load: Callable[[Path], Labelled], prepared: Callable[[Article], Article],
            kept: Callable[[str], bool]) -> Events:
    events: Events = {}
    if not path.is_file():
        return events
    for article, label in zip(*load(path), strict=True):
        if kept(label):
            events.setdefault(label, []).append(prepared(article))
    return events


def speed_reads(events: Events) -> dict[str, tuple[str, ...]]:
    """Each event's Speed Read, lead first (empty when it has none), its articles analysed."""
    from broadsheet.analyze import analyze_articles, load_model
    from broadsheet.brief.summarize import summarize_story

    members = [a for articles in events.values() for a in articles]
    analyses = {a.article.id: a for a in analyze_articles(members, load_model())}
    return {name: tuple(s.text for s in summarize_story(as_story(name, articles), analyses))
            for name, articles in events.items()}


def leads(events: Events) -> dict[str, str]:
    """Each event's Speed Read lead ("" when it has none)."""
    return {name: read[0] if read else "" for name, read in speed_reads(events).items()}


def judged_row(dataset: str, verdicts: dict[str, dict[str, bool]], chosen: dict[str, str],
               seconds: float = 0.0) -> BenchRow:
    """The share of judged events whose lead now is one judged right; leads never judged apart."""
    right = unknown = 0
    for event, judged in verdicts.items():
        sha1 = fingerprint(chosen[event]) if chosen.get(event) else "none"
        unknown += sha1 not in judged
        right += judged.get(sha1, False)
    return BenchRow(dataset, "broadsheet speed reads",
                    {"right": right / len(verdicts), "not_judged": float(unknown)}, len(verdicts),
                    seconds)


def additions_row(dataset: str, verdicts: dict[str, dict[str, bool]],
                  chosen: dict[str, tuple[str, ...]], seconds: float = 0.0) -> BenchRow:
    """The share of the judged events' additions (sentences after the lead) judged right, over
    every addition shown; additions never judged count as wrong and are counted apart."""
    shown = [(event, fingerprint(text)) for event in verdicts for text in chosen.get(event, ())[1:]]
    right = sum(verdicts[event].get(sha1, False) for event, sha1 in shown)
    unknown = sum(sha1 not in verdicts[event] for event, sha1 in shown)
    return BenchRow(dataset, "broadsheet speed reads",
                    {"right": right / max(1, len(shown)), "not_judged": float(unknown),
                     "additions": float(len(shown))}, len(verdicts), seconds)


SETS: dict[str, tuple[str, Callable[[Path], Events]]] = {
    "basil": ("basil (100 events, judged by hand)", basil_events),
    "ecbplus": ("ecbplus topics 1-35 (66 events, judged by hand)", ecbplus_events),
}


def rows(data: Path, names: tuple[str, ...] = ("basil", "ecbplus")) -> list[BenchRow]:
    """Per judged set whose data is there: its leads' row, then its additions' row (one pass)."""
    judged = json.loads(VERDICTS.read_text(encoding="utf-8"))
    added = json.loads(ADDITIONS.read_text(encoding="utf-8"))
    found = []
    for name in names:
        label, load = SETS[name]
        events = load(data)
        if not events:
            continue
        started = time.perf_counter()
        wanted = sorted(set(judged[name]) | set(added[name]))
        read = speed_reads({e: events[e] for e in wanted if e in events})
        seconds = time.perf_counter() - started
        chosen = {event: texts[0] if texts else "" for event, texts in read.items()}
        found.append(judged_row(f"speed-read leads: {label}", judged[name], chosen, seconds))
        found.append(additions_row(f"speed-read additions: {label}", added[name], read))
    return found
