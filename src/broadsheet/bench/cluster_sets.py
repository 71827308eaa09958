"""The labelled story sets of the clustering bench, read from ``DIR/clustering/...`` (never copied
into the repository); the label says which articles are the same story:

- ``basil`` — 100 events x (NYT, Fox News, HuffPost), full articles with dates (label triplet_id).
- ``allsides`` — 2,678 AllSides roundups x (left, centre, right): headline + excerpt, no dates
  (label story_id); all three splits of the file are used.
- ``googlenews-TS`` / ``googlenews-T`` — 11,109 Google News items in 152 stories, title+snippet
  or title only, already lower-cased, stop-worded and lemmatised (label cluster).
- ``ecbplus`` — 982 documents; each of 43 topics holds two events of the same kind (label
  subtopic): hard negatives. Its free-text ``date_publish`` is read when it names a day.
- ``ecbplus-dated`` — ECB+'s dated documents alone (412 of the 502 of its ECB+ half; its ECB half
  is undated): 43 events of 4 to 20 documents, one event per topic, so no twin event beside it. A
  dated stream whose stories are larger than the training stream's three: it measures whether
  big dated stories are split (docs/quality-history.md, stories round 34), not twins told apart.

``keep_stories`` samples whole stories (a fixed, hash-ordered sample of labels).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from broadsheet import timestamps
from broadsheet.model import Article

Labelled = tuple[list[Article], list[str]]


def _read_jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sample_labels(labels: Sequence[str], limit: int | None) -> set[str]:
    """``limit`` story labels in a fixed pseudo-random order (all of them when ``limit`` is None)."""
    distinct = sorted(set(labels), key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
    return set(distinct if limit is None else distinct[:limit])


def keep_stories(items: Labelled, limit: int | None) -> Labelled:
    """The articles and labels of the stories ``sample_labels`` picks, in input order."""
    articles, labels = items
    chosen = sample_labels(labels, limit)
    kept = [(a, g) for a, g in zip(articles, labels, strict=True) if g in chosen]
    return [a for a, _ in kept], [g for _, g in kept]


def with_singles(items: Labelled, stories: int | None, share: float) -> Labelled:
    """The first ``stories`` stories of the hash order whole, and of the stories after them one
    article each, up to ``share`` of the result: a stream in which, as in a real day, many events
    are reported once. (The lone articles are the earliest of their story, so a story's
    singleton is a real first report.)"""
    articles, labels = items
    order = sorted(set(labels), key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
    whole = set(order if stories is None else order[:stories])
    kept = [(a, g) for a, g in zip(articles, labels, strict=True) if g in whole]
    wanted = int(len(kept) * share / (1.0 - share)) if share < 1 else 0
    firsts: dict[str, Article] = {}
    for article, label in sorted(zip(articles, labels, strict=True),
                                 key=lambda ag: (ag[0].published or "", ag[0].id)):
        if label not in whole:
            firsts.setdefault(label, article)
    singles = [(firsts[g], g) for g in order if g in firsts][:wanted]
    return [a for a, _ in kept + singles], [g for _, g in kept + singles]


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def load_basil(path: Path) -> Labelled:
    """BASIL articles with their outlet and date; paragraphs are the text's lines. Four articles
    share the id "empty": an id given twice is made unique with its triplet and outlet."""
    rows = _read_jsonl(path)
    seen = Counter(r["article_id"] for r in rows)
    articles = [Article(id=_unique_id(r, seen), source="basil", title=r["title"],
                        paragraphs=_paragraphs(r["text"]), url=r.get("url"),
                        published=timestamps.normalise(r.get("date")), outlet=r["source"])
                for r in rows]
    return articles, [r["triplet_id"] for r in rows]


def _unique_id(row: dict[str, str], seen: Counter[str]) -> str:
    given = row["article_id"]
    return given if seen[given] == 1 else f"{given}-{row['triplet_id']}-{row['source']}"


def load_allsides(path: Path) -> Labelled:
    """AllSides roundup items: headline and excerpt, no date or outlet."""
    rows = _read_jsonl(path)
    articles = [Article(id=r["article_id"], source="allsides", title=r["title"],
                        paragraphs=_paragraphs(r["text"])) for r in rows]
    return articles, [r["story_id"] for r in rows]


def load_googlenews(path: Path) -> Labelled:
    """Google News items: one pre-processed line of text each, no title, date or outlet."""
    rows = _read_jsonl(path)
    articles = [Article(id=f"{path.stem}-{i}", source="googlenews", title="",
                        paragraphs=_paragraphs(str(r["text"]))) for i, r in enumerate(rows)]
    return articles, [str(r["cluster"]) for r in rows]




def load_ecbplus(path: Path) -> Labelled:
    """ECB+ documents with the day their free-text date line names, when it names one."""
    rows = _read_jsonl(path)
    articles = [Article(id=r["doc_id"], source="ecbplus", title=r.get("title") or "",
                        paragraphs=_paragraphs(r["text"]),
                        published=timestamps.normalise(r.get("date_publish"))) for r in rows]
    return articles, [r["subtopic"] for r in rows]


def load_ecbplus_dated(path: Path) -> Labelled:
    """The ECB+ documents that have a day (``load_ecbplus``), the undated ones left out."""
    articles, labels = load_ecbplus(path)
    kept = [(a, g) for a, g in zip(articles, labels, strict=True) if a.published is not None]
    return [a for a, _ in kept], [g for _, g in kept]


def ecbplus_topic(subtopic: str) -> str:
    """The ECB+ topic of a subtopic label (``"12ecb"`` and ``"12ecbplus"`` are topic ``"12"``):
    the two events of a topic, told apart by their words alone when they are close in time."""
    return re.sub(r"ecb(plus)?$", "", subtopic)


TOPICS: dict[str, Callable[[str], str]] = {"ecbplus": ecbplus_topic}  # story label -> topic

DATASETS: dict[str, tuple[str, Callable[[Path], Labelled]]] = {
    "basil": ("basil/basil_articles.jsonl", load_basil),
    "allsides": ("allsides-neus/allsides_dev.jsonl", load_allsides),
    "googlenews-TS": ("googlenews-ts/TS.jsonl", load_googlenews),
    "googlenews-T": ("googlenews-ts/T.jsonl", load_googlenews),
    "ecbplus": ("ecbplus/ecbplus_docs.jsonl", load_ecbplus),
    "ecbplus-dated": ("ecbplus/ecbplus_docs.jsonl", load_ecbplus_dated),
}


