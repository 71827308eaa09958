"""The perspectives fixture: speaker kinds, corroboration counts and blindspots, hand-labelled.

``tests/data/stories/perspectives.json`` holds eight stories written for these tests (MIT; every
place, person and outlet invented): their articles (outlet, date, section, address, text), the
outlets' leanings, and labels — each story's blindspot, the kind of each of its voices (48) and,
for its key claims (15), a phrase every sentence stating the claim contains, how many outlets state
it and how many independent sources report it.

The articles go through the real analysis (spaCy), near-duplicates are found as the clusterer finds
them, and then the brief's voices (``brief/voices.py``, kinds from ``stories/speakers.py``), the
key claims (``stories/corroboration.py``) and the perspectives (``stories/perspectives.py``) are
scored against the labels:

- ``speaker kinds``: the share of labelled voices found with the right kind (a voice not found
  counts as wrong), and ``found``: the share found at all; baseline: every voice "official";
- ``corroboration``: the share of labelled claims found with exactly the right independent count,
  the mean absolute error of that count, and ``found``; baseline: counting every outlet stating it;
- ``blindspots``: the share of stories whose blindspot (or none) is right.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from broadsheet.bench import BenchRow
from broadsheet.brief.voices import story_voices
from broadsheet.model import Analysis, Article, Claim, Story, Voice
from broadsheet.stories.corroboration import key_claims
from broadsheet.stories.dedup import find_near_duplicates
from broadsheet.stories.engine import DUPLICATE_THRESHOLD
from broadsheet.stories.perspectives import perspectives
from broadsheet.text import name_key
from broadsheet.timestamps import normalise

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "data" / "stories" / "perspectives.json"
DATASET = "perspectives fixture"
_FILLER = frozenset({"a", "an", "the"})


def _article(raw: dict[str, Any]) -> Article:
    return Article(id=raw["id"], source="fixture", title=raw["title"],
                   paragraphs=tuple(raw["paragraphs"]), url=raw.get("url"),
                   published=normalise(raw.get("published")), outlet=raw["outlet"],
                   section=raw.get("section"))


def as_story(story_id: str, articles: Sequence[Article]) -> Story:
    """``articles`` as one story, in publication order, its near-duplicates found as the clusterer
    finds them (the labelled sets' stories, scored without any clustering fault)."""
    copies = find_near_duplicates(articles, threshold=DUPLICATE_THRESHOLD)
    ordered = sorted(articles, key=lambda a: (a.published or "", a.id))
    return Story(id=story_id, title=ordered[0].title, article_ids=tuple(a.id for a in ordered),
                 outlets=tuple(sorted({a.outlet for a in ordered if a.outlet})),
                 duplicates=tuple(sorted(copies.items())))


@lru_cache(maxsize=1)
def _analysed(path: Path) -> tuple[dict[str, Any], dict[str, Analysis]]:
    """The fixture and the analysis of every article in it (spaCy runs once per process)."""
    from broadsheet.analyze import analyze_articles
    from broadsheet.analyze.nlp import load_model
    from broadsheet.settings import Settings

    fixture = json.loads(path.read_text(encoding="utf-8"))
    articles = [_article(a) for s in fixture["stories"] for a in s["articles"]]
    analyses = analyze_articles(articles, load_model(Settings().model), batch_size=16)
    return fixture, {a.article.id: a for a in analyses}


def _matches(label: str, found: str) -> bool:
    """True when every word of a labelled speaker (articles aside) is in a found speaker's name."""
    wanted = [w for w in name_key(label).split() if w not in _FILLER]
    return bool(wanted) and set(wanted) <= set(name_key(found).split())


def _voice_kinds(labels: Sequence[dict[str, str]], voices: Sequence[Voice]) -> tuple[int, int, int]:
    """(right kind, found, labelled) over one story's labelled voices."""
    right = found = 0
    for label in labels:
        match = next((v for v in voices if _matches(label["speaker"], v.speaker)), None)
        found += match is not None
        right += match is not None and match.kind == label["kind"]
    return right, found, len(labels)


def _claim_errors(labels: Sequence[dict[str, Any]], claims: Sequence[Claim],
                  count: str) -> list[int | None]:
    """For each labelled claim, |found count - labelled count| (None: claim not found)."""
    errors: list[int | None] = []
    for label in labels:
        match = next((c for c in claims if label["key"].casefold() in c.text.casefold()), None)
        value = None if match is None else (len(match.sources) if count == "sources"
                                            else len(match.outlets))
        errors.append(None if value is None else abs(value - label["independent"]))
    return errors


def rows(data: Path | None = None, *, baselines: bool = True, path: Path = FIXTURE) -> list[BenchRow]:
    """The fixture's rows (empty when the fixture is missing)."""
    if not path.is_file():
        return []
    fixture, analyses = _analysed(path)
    kinds = [0, 0, 0]
    official = [0, 0]
    errors: dict[str, list[int | None]] = {"sources": [], "outlets": []}
    blind = [0, 0]
    for raw in fixture["stories"]:
        articles = [analyses[a["id"]].article for a in raw["articles"]]
        story = as_story(raw["id"], articles)
        voices = story_voices(story, analyses)
        for k, value in enumerate(_voice_kinds(raw["voices"], voices)):
            kinds[k] += value
        official[0] += sum(1 for v in raw["voices"] if v["kind"] == "official")
        official[1] += len(raw["voices"])
        claims = key_claims(story, {a.id: a for a in articles}, analyses)
        for count in errors:
            errors[count].extend(_claim_errors(raw["claims"], claims, count))
        seen = perspectives(story, {a.id: a for a in articles}, fixture["leanings"], analyses)
        blind[0] += seen.blindspot == raw["blindspot"]
        blind[1] += 1
    result = [
        BenchRow(DATASET, "speaker kinds", {"accuracy": kinds[0] / kinds[2],
                                            "found": kinds[1] / kinds[2]}, kinds[2]),
        BenchRow(DATASET, "corroboration", _claim_metrics(errors["sources"]), len(errors["sources"])),
        BenchRow(DATASET, "blindspots", {"accuracy": blind[0] / blind[1]}, blind[1]),
    ]
    if baselines:
        result.insert(1, BenchRow(DATASET, "speaker kinds: all official",
                                  {"accuracy": official[0] / official[1]}, official[1]))
        result.insert(3, BenchRow(DATASET, "corroboration: every outlet",
                                  _claim_metrics(errors["outlets"]), len(errors["outlets"])))
    return result


def _claim_metrics(errors: Sequence[int | None]) -> dict[str, float]:
    found = [e for e in errors if e is not None]
    return {"accuracy": sum(1 for e in found if e == 0) / len(errors),
            "mae": sum(found) / max(1, len(found)), "found": len(found) / len(errors)}
