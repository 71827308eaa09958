"""Corroboration judged on a real day: the key claims of the real day's stories, against our labels.

The perspectives fixture (``bench/perspectives.py``) measures corroboration on stories written for
its tests. This measures it on news: the 21 stories of two pages or more of the real day
(``bench/realday.py``, the Scrapinghub pages, MIT), taken as our labels group them (so a clustering
fault does not show here), analysed, their near-duplicates found as the clusterer finds them, and
``stories.corroboration.key_claims`` run on each. ``tests/data/stories/scrapinghub_claims.json``
holds our judgement, written before the rules were changed for it (its ``how`` says what a report,
a source of record and a claim are): every claim two articles' leads state, each with the
sentences that state it and its independent count, plus the lead sentences that state no claim.

A shown claim is matched to a labelled one by its first sentence (the page and the words the label
quotes). It is **right** when it shows exactly the outlets of the label's reports and the label's
independent count; a claim no label holds is right when it is shown alone with a count of 1 (0 for
an opinion piece); a sentence that states no claim shown as a claim is wrong. Metrics:
``claims_right`` (the share of shown claims that are right) and ``key_claims_found`` (the share of
labelled claims, the optional ones aside, shown right); the baseline counts every outlet stating a claim as
independent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from broadsheet.bench import BenchRow
from broadsheet.bench.perspectives import _story
from broadsheet.bench.realday import DATASET, LABELS, day_articles
from broadsheet.model import Analysis, Article, Claim

CLAIMS = LABELS.with_name("scrapinghub_claims.json")
Sentence = tuple[str, str]  # (page key, the first words of the sentence)


class Judge:
    """The labels of one real day, and the verdict on a shown claim."""

    def __init__(self, labels: Mapping[str, Any], outlets: Mapping[str, str]) -> None:
        self.opinion = set(labels["opinion"])
        self.outlets = outlets  # page key -> outlet
        self.not_claims = {(s["page"], s["starts"]) for s in labels["not_claims"]}
        self.claims = labels["claims"]

    def _labels(self, page: str, text: str) -> list[dict[str, Any]]:
        """The labelled claims a sentence states (a sentence may state more than one)."""
        return [c for c in self.claims
                if any(r["page"] == page and text.startswith(r["starts"]) for r in c["reports"])]

    def _said(self, page: str, text: str) -> bool:
        return any(p == page and text.startswith(s) for p, s in self.not_claims)

    def _fits(self, label: Mapping[str, Any], page: str, claim: Claim, count: int) -> bool:
        """True when ``claim`` shows ``label``'s outlets and count (or, optional, stands alone)."""
        outlets = {self.outlets[r["page"]] for r in label["reports"]}
        full = set(claim.outlets) == outlets and count == label["independent"]
        return full or (label["optional"] and self._alone(page, claim, count))

    def _alone(self, page: str, claim: Claim, count: int) -> bool:
        return set(claim.outlets) == {self.outlets[page]} and count == (page not in self.opinion)

    def right(self, page: str, claim: Claim, count: int) -> bool:
        """True when ``claim`` (first stated on ``page``) shows the right outlets and ``count``."""
        labels = self._labels(page, claim.text)
        if not labels:
            return self._alone(page, claim, count) and not self._said(page, claim.text)
        return any(self._fits(label, page, claim, count) for label in labels)

    def found(self, label: Mapping[str, Any], shown: Sequence[tuple[str, Claim, int]]) -> bool:
        """True when a claim shown stands for ``label`` with its outlets and count."""
        return any(label in self._labels(page, c.text) and self._fits(label, page, c, n)
                   for page, c, n in shown)


def shown_claims(labels: Mapping[str, Any], stories: Mapping[str, list[str]],
                 articles: Mapping[str, Article], analyses: Mapping[str, Analysis],
                 ) -> list[tuple[str, Claim]]:
    """Every key claim of every labelled story, with the page key its first sentence is on."""
    from broadsheet.stories.corroboration import key_claims

    key_of = {articles[k].id: k for keys in stories.values() for k in keys}
    shown = []
    for name, keys in stories.items():
        members = [articles[k] for k in keys]
        story = _story(name, members)
        for claim in key_claims(story, {a.id: a for a in members}, analyses):
            shown.append((key_of[claim.article_id], claim))
    return shown


def rows(data: Path | None = None, *, baselines: bool = True, path: Path = CLAIMS) -> list[BenchRow]:
    """The judged claims' rows (none when the pages or the labels are missing)."""
    folder = (data or Path()) / "extraction" / "scrapinghub" / "html"
    if data is None or not folder.is_dir() or not path.is_file():
        return []
    from broadsheet.analyze import analyze_articles, load_model

    labels = json.loads(path.read_text(encoding="utf-8"))
    stories = json.loads(LABELS.read_text(encoding="utf-8"))["stories"]
    articles = day_articles(folder, {k for keys in stories.values() for k in keys})
    members = [articles[k] for keys in stories.values() for k in keys]
    analyses = {a.article.id: a for a in analyze_articles(members, load_model())}
    judge = Judge(labels, {k: articles[k].outlet or "" for keys in stories.values() for k in keys})
    shown = shown_claims(labels, stories, articles, analyses)
    result = [_row("ours", judge, labels, [(p, c, len(c.sources)) for p, c in shown])]
    if baselines:
        result.append(_row("every outlet", judge, labels, [(p, c, len(c.outlets)) for p, c in shown]))
    return result


def _row(system: str, judge: Judge, labels: Mapping[str, Any],
         shown: Sequence[tuple[str, Claim, int]]) -> BenchRow:
    keys = [c for c in labels["claims"] if not c["optional"]]
    right = sum(judge.right(page, claim, count) for page, claim, count in shown)
    found = sum(judge.found(label, shown) for label in keys)
    return BenchRow(f"{DATASET}: claims", f"corroboration: {system}",
                    {"claims_right": right / max(1, len(shown)),
                     "key_claims_found": found / max(1, len(keys))}, len(shown))
