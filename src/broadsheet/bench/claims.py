"""Corroboration judged by hand on news: the key claims of real stories, against our labels.

The perspectives fixture (``bench/perspectives.py``) measures corroboration on stories written for
its tests. This measures it on news, each story taken as our labels group it (so no clustering
fault shows), analysed, its near-duplicates found as the clusterer finds them, and
``stories.corroboration.key_claims`` run on it:

- **the real day**: the 21 stories of two pages or more of the real day (``bench/realday.py``,
  the Scrapinghub pages, MIT); ``tests/data/stories/scrapinghub_claims.json``, judged before the
  rules of stop 44 were written for it (so in sample since);
- **BASIL, held out**: 20 events of BASIL (three outlets each), judged after those rules were
  written and before any was measured on it; ``tests/data/basil_claims/judged.json`` keeps no
  words of BASIL (no licence): a sentence is its article, offset and a hash;
- **AllSides, held out**: 20 roundups of AllSides-NEUS (a left, a centre and a right outlet's
  headline and excerpt; no outlet name, date or section, so an item's outlet is its place in the
  roundup), judged before the rules of stop 45 were written and measured;
  ``tests/data/allsides_claims/judged.json``, offsets and hashes as for BASIL (no licence);
- **ECB+, held out**: 20 events of ECB+ (topics 1-35; the published test topics 36-45 never read),
  three documents each, a document its own outlet (the file names none), judged before the rules of
  stop 47 were written and measured; ``tests/data/ecbplus_claims/judged.json``, offsets and hashes
  (the annotation is CC BY 3.0, the news texts carry no licence);
- **BASIL, a second set, held out**: 20 other events of BASIL (none of the first set's), judged
  before the rules of corroboration round 4 were written and measured;
  ``tests/data/basil_claims_2/judged.json``, offsets and hashes as for the first;
- **BASIL, a third set, held out**: 20 more events of BASIL (none of the first two sets'), judged
  before the rules of corroboration round 5 were written and measured;
  ``tests/data/basil_claims_3/judged.json``, offsets and hashes as for the first;
- **BASIL, a fourth set, held out**: 20 more events of BASIL (none of the first three sets'), judged
  before the rules of corroboration round 6 were written and measured;
  ``tests/data/basil_claims_4/judged.json``, offsets and hashes as for the first;
- **BASIL, a fifth set, held out**: the 20 events of BASIL none of the first four sets holds,
  judged before the rules of corroboration round 7 were written and measured;
  ``tests/data/basil_claims_5/judged.json``, offsets and hashes as for the first. BASIL's
  articles carry their outlets' names (its file gives short codes), as a feed gives them;
- **AllSides, a second set, held out**: 20 other roundups of AllSides-NEUS (none of the first
  set's), judged before the rules of corroboration round 8 were written and measured;
  ``tests/data/allsides_claims_2/judged.json``, offsets and hashes as for the first;
- **ECB+, a second set, held out**: 20 events of the 17 ECB+ topics (of 1-35) the first ECB+ set did
  not touch, three documents each, judged before the rules of corroboration round 9 were written and
  measured; ``tests/data/ecbplus_claims_2/judged.json``, offsets and hashes as for the first;
- **AllSides, a third set, held out**: 33 more roundups of AllSides-NEUS (none of the first two
  sets'), judged before the rules of corroboration round 10 were written and measured;
  ``tests/data/allsides_claims_3/judged.json``, offsets and hashes as for the first;
- **AllSides, a fourth set, held out**: 31 more roundups of AllSides-NEUS (none any earlier set
  drew), judged before the rules of corroboration round 11 were written and measured;
  ``tests/data/allsides_claims_4/judged.json``, offsets and hashes as for the first.

Each file holds every claim two articles' leads state, with the sentences that state it and its
independent count (its ``how`` says what a report, a source of record and a claim are), and the
lead sentences that state no claim. A shown claim is matched to the labels by its first sentence.
It is **right** when it shows exactly the outlets of a label's reports and the label's independent
count; a claim no label holds is right when it is shown alone with a count of 1 (0 for an opinion
piece); a sentence that states no claim shown as a claim is wrong. Metrics: ``claims_right`` (the
share of shown claims that are right) and ``key_claims_found`` (the share of labelled claims, the
optional ones aside, shown right); the baseline counts every outlet stating a claim as
independent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from broadsheet.bench import BenchRow
from broadsheet.bench.cluster_sets import Labelled, load_allsides, load_basil, load_ecbplus
from broadsheet.bench.perspectives import as_story
from broadsheet.bench.realday import DATASET, LABELS, day_articles
from broadsheet.model import Article, Claim

DAY_CLAIMS = LABELS.with_name("scrapinghub_claims.json")
BASIL_CLAIMS = LABELS.parents[1] / "basil_claims" / "judged.json"
BASIL = "basil: 20 events (held out)"
BASIL2_CLAIMS = LABELS.parents[1] / "basil_claims_2" / "judged.json"
BASIL2 = "basil-2: 20 other events (held out)"
BASIL3_CLAIMS = LABELS.parents[1] / "basil_claims_3" / "judged.json"
BASIL3 = "basil-3: 20 more events (held out)"
BASIL4_CLAIMS = LABELS.parents[1] / "basil_claims_4" / "judged.json"
BASIL4 = "basil-4: 20 more events (held out)"
BASIL5_CLAIMS = LABELS.parents[1] / "basil_claims_5" / "judged.json"
BASIL5 = "basil-5: the last 20 events (held out)"
ALLSIDES_CLAIMS = LABELS.parents[1] / "allsides_claims" / "judged.json"
ALLSIDES = "allsides: 20 stories (held out)"
ALLSIDES2_CLAIMS = LABELS.parents[1] / "allsides_claims_2" / "judged.json"
ALLSIDES2 = "allsides-2: 20 other stories (held out)"
ALLSIDES3_CLAIMS = LABELS.parents[1] / "allsides_claims_3" / "judged.json"
ALLSIDES3 = "allsides-3: 33 more stories (held out)"
ALLSIDES4_CLAIMS = LABELS.parents[1] / "allsides_claims_4" / "judged.json"
ALLSIDES4 = "allsides-4: 31 more stories (held out)"
ECBPLUS_CLAIMS = LABELS.parents[1] / "ecbplus_claims" / "judged.json"
ECBPLUS = "ecbplus: 20 events (held out)"
ECBPLUS2_CLAIMS = LABELS.parents[1] / "ecbplus_claims_2" / "judged.json"
ECBPLUS2 = "ecbplus-2: 20 events of other topics (held out)"
Shown = tuple[str, Claim, int]  # the page its first sentence is on, the claim, its count


def fingerprint(sentence: str) -> str:
    """How a label names a sentence it may not quote: the first 12 hex digits of its SHA-1."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def _says(ref: Mapping[str, Any], page: str, sentence: str) -> bool:
    """True when a label's sentence reference (quoted words or a fingerprint) is this sentence."""
    if ref["page"] != page:
        return False
    return sentence.startswith(ref["starts"]) if "starts" in ref else fingerprint(sentence) == ref["sha1"]


class Judge:
    """The labels of one set, and the verdict on a shown claim."""

    def __init__(self, labels: Mapping[str, Any], outlets: Mapping[str, str]) -> None:
        self.opinion = set(labels["opinion"])
        self.outlets = outlets  # page -> outlet
        self.not_claims = labels["not_claims"]
        self.claims = labels["claims"]

    def _labels(self, page: str, text: str) -> list[dict[str, Any]]:
        """The labelled claims a sentence states (a sentence may state more than one)."""
        return [c for c in self.claims if any(_says(r, page, text) for r in c["reports"])]

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
            said_none = any(_says(r, page, claim.text) for r in self.not_claims)
            return self._alone(page, claim, count) and not said_none
        return any(self._fits(label, page, claim, count) for label in labels)

    def found(self, label: Mapping[str, Any], shown: Sequence[Shown]) -> bool:
        """True when a claim shown stands for ``label`` with its outlets and count."""
        return any(label in self._labels(page, c.text) and self._fits(label, page, c, n)
                   for page, c, n in shown)


def shown_claims(stories: Mapping[str, Sequence[Article]], page_of: Mapping[str, str]
                 ) -> list[tuple[str, Claim]]:
    """Every key claim of every story (analysed), with the page its first sentence is on."""
    from broadsheet.analyze import analyze_articles, load_model
    from broadsheet.stories.corroboration import key_claims

    members = [a for articles in stories.values() for a in articles]
    analyses = {a.article.id: a for a in analyze_articles(members, load_model())}
    shown = []
    for name, articles in stories.items():
        story = as_story(name, articles)
        for claim in key_claims(story, {a.id: a for a in articles}, analyses):
            shown.append((page_of[claim.article_id], claim))
    return shown


def rows(data: Path | None = None, *, baselines: bool = True) -> list[BenchRow]:
    """The judged sets' rows (a set whose data or labels are missing gives none)."""
    found = []
    sets = ((f"{DATASET}: claims", _real_day), (BASIL, _basil(BASIL_CLAIMS)),
            (ALLSIDES, _allsides(ALLSIDES_CLAIMS)), (ECBPLUS, _ecbplus(ECBPLUS_CLAIMS)),
            (BASIL2, _basil(BASIL2_CLAIMS)), (BASIL3, _basil(BASIL3_CLAIMS)), (BASIL4, _basil(BASIL4_CLAIMS)),
            (BASIL5, _basil(BASIL5_CLAIMS)), (ALLSIDES2, _allsides(ALLSIDES2_CLAIMS)),
            (ECBPLUS2, _ecbplus(ECBPLUS2_CLAIMS)), (ALLSIDES3, _allsides(ALLSIDES3_CLAIMS)),
            (ALLSIDES4, _allsides(ALLSIDES4_CLAIMS)))
    for dataset, load in sets:
        loaded = load(data) if data is not None else None
        if loaded is not None:
            found += _rows(dataset, *loaded, baselines=baselines)
    return found


Loaded = tuple[Mapping[str, Any], dict[str, list[Article]], dict[str, str], dict[str, str]]


def _real_day(data: Path) -> Loaded | None:
    folder = data / "extraction" / "scrapinghub" / "html"
    if not folder.is_dir() or not DAY_CLAIMS.is_file():
        return None
    labels = json.loads(DAY_CLAIMS.read_text(encoding="utf-8"))
    keys = json.loads(LABELS.read_text(encoding="utf-8"))["stories"]
    articles = day_articles(folder, {k for members in keys.values() for k in members})
    stories = {name: [articles[k] for k in members] for name, members in keys.items()}
    page_of = {articles[k].id: k for members in keys.values() for k in members}
    return labels, stories, page_of, {k: articles[k].outlet or "" for k in page_of.values()}


def _basil(claims: Path) -> Callable[[Path], Loaded | None]:
    """The loader of one judged BASIL set (``claims``: its labels file; the articles are BASIL's)."""
    def load(data: Path) -> Loaded | None:
        path = data / "clustering" / "basil" / "basil_articles.jsonl"
        return _judged_set(path, claims, load_basil, _named) if path.is_file() else None
    return load


def _allsides(claims: Path) -> Callable[[Path], Loaded | None]:
    """The loader of one judged AllSides set (``claims``: its labels file)."""
    def load(data: Path) -> Loaded | None:
        path = data / "clustering" / "allsides-neus" / "allsides_dev.jsonl"
        return _judged_set(path, claims, load_allsides, _placed) if path.is_file() else None
    return load


def _ecbplus(claims: Path) -> Callable[[Path], Loaded | None]:
    """The loader of one judged ECB+ set (``claims``: its labels file, naming its drawn documents)."""
    def load(data: Path) -> Loaded | None:
        path = data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl"
        return _judged_set(path, claims, load_ecbplus, _own) if path.is_file() else None
    return load


BASIL_OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}


def _named(article: Article) -> Article:
    """A BASIL article with its outlet's name, as a feed gives it, for the file's short code (so a
    report crediting "The New York Times" credits the Times' own article)."""
    return replace(article, outlet=BASIL_OUTLETS.get(article.outlet or "", article.outlet))


def _own(article: Article) -> Article:
    """An ECB+ document as its own outlet, the file naming none."""
    return replace(article, outlet=f"outlet {article.id}")


def _placed(article: Article) -> Article:
    """An AllSides item with its place in the roundup as its outlet ("train-12-2": "outlet 3"), the
    file naming none."""
    return replace(article, outlet=f"outlet {int(article.id.rsplit('-', 1)[1]) + 1}")


def _judged_set(path: Path, judged: Path,
                load: Callable[[Path], Labelled],
                prepared: Callable[[Article], Article] = lambda a: a) -> Loaded | None:
    """The judged stories of a labelled set (``path``, read by ``load``), each article ``prepared``;
    None without the judged file."""
    if not judged.is_file():
        return None
    labels = json.loads(judged.read_text(encoding="utf-8"))
    wanted = set(labels["events"])
    pages = set(labels.get("pages", ()))  # the drawn articles of each event, when not all are judged
    stories: dict[str, list[Article]] = {}
    for article, story in zip(*load(path), strict=True):
        if story in wanted and (not pages or article.id in pages):
            stories.setdefault(story, []).append(prepared(article))
    members = [a for articles in stories.values() for a in articles]
    return labels, stories, {a.id: a.id for a in members}, {a.id: a.outlet or "" for a in members}


def _rows(dataset: str, labels: Mapping[str, Any], stories: dict[str, list[Article]],
          page_of: dict[str, str], outlets: dict[str, str], *, baselines: bool) -> list[BenchRow]:
    judge = Judge(labels, outlets)
    shown = shown_claims(stories, page_of)
    result = [_row(dataset, "ours", judge, labels, [(p, c, len(c.sources)) for p, c in shown])]
    if baselines:
        result.append(_row(dataset, "every outlet", judge, labels,
                           [(p, c, len(c.outlets)) for p, c in shown]))
    return result


def _row(dataset: str, system: str, judge: Judge, labels: Mapping[str, Any],
         shown: Sequence[Shown]) -> BenchRow:
    keys = [c for c in labels["claims"] if not c["optional"]]
    right = sum(judge.right(page, claim, count) for page, claim, count in shown)
    found = sum(judge.found(label, shown) for label in keys)
    return BenchRow(dataset, f"corroboration: {system}",
                    {"claims_right": right / max(1, len(shown)),
                     "key_claims_found": found / max(1, len(keys))}, len(shown))
