"""Near-duplicates judged by hand on news: which pairs of one story's articles are copies.

``tests/data/copies/judged.json`` holds pairs of articles of one labelled story, each judged by
reading as ``copy`` (one is the other syndicated, re-published or lightly edited) or ``not``
(separate reporting of the same event, even when it quotes the same lines), from two parts:

- the real day (``bench/realday.py``: the Scrapinghub pages, MIT, our story labels): every pair of
  every labelled story;
- ECB+ topics 1-35 (``clustering/ecbplus``; topics 36-45, its published test split, are never read):
  pairs drawn as the file's ``about`` says. Its texts carry no licence, so the file keeps only
  document ids and a hash of each text.

A system marks a pair a copy when both articles have the same root (``brief.rank.duplicate_roots``:
the original each copies, or itself). Rows, per part and for all judged pairs: ``precision`` (the
share of marked pairs judged copies; 1.0 when none is marked), ``recall`` (the share of judged
copies marked; 1.0 when there is none) and ``f1``. Systems:
``ours: the story stage`` (the stories ``cluster_articles`` makes of the part's articles and the
copies it marks in them: what the brief counts) and ``find_copies`` (a candidate rule, the sketches'
estimated containment, on each labelled story's articles; measured, not shipped: docs/
quality-history.md, "Near-duplicates, measured"); baselines: the exact text hash, the stage's rule
on each story alone (the sketches' Jaccard estimate at 0.8) and ``find_near_duplicates`` (exact
shingle Jaccard) at 0.8, 0.5 and 0.3. Run by ``broadsheet bench clustering``
(``bench/clustering.py``) and its quality gate.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from broadsheet.bench import BenchRow
from broadsheet.bench.cluster_sets import load_ecbplus
from broadsheet.bench.realday import DATASET, LABELS, day_articles
from broadsheet.brief.rank import duplicate_roots
from broadsheet.model import Article, Story
from broadsheet.stories.dedup import (
    DUPLICATE_CONTAINMENT,
    Sketch,
    estimate,
    find_copies,
    find_near_duplicates,
    order_key,
    sketch,
)
from broadsheet.stories.engine import cluster_articles

JUDGED = LABELS.parents[1] / "copies" / "judged.json"
PARTS = {"realday": f"copies: {DATASET}", "ecbplus": "copies: ecbplus topics 1-35"}
ALL = "copies: all judged pairs"
OURS = "ours: the story stage"
COPIES = f"find_copies: containment >= {DUPLICATE_CONTAINMENT}"
_WORD = re.compile(r"\w+")

Roots = Callable[[Sequence[Article]], dict[str, str]]  # a story's articles -> each one's root


def text_hash(article: Article) -> str:
    """A hash of the article's words (lower-cased ``\\w+``, so spacing and case do not count)."""
    words = " ".join(_WORD.findall(article.text.lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def _by_dedup(threshold: float) -> Roots:
    def roots(articles: Sequence[Article]) -> dict[str, str]:
        found = find_near_duplicates(articles, threshold=threshold)
        return {a.id: found.get(a.id, a.id) for a in articles}
    return roots


def _by_copies(articles: Sequence[Article]) -> dict[str, str]:
    found = find_copies(articles)
    return {a.id: found.get(a.id, a.id) for a in articles}


def _by_sketch_jaccard(threshold: float) -> Roots:
    """The story stage's rule (``engine._copy_of``) on each story alone: the sketches' Jaccard
    estimate at ``threshold``."""
    def roots(articles: Sequence[Article]) -> dict[str, str]:
        found: dict[str, str] = {}
        seen: list[tuple[str, Sketch]] = []
        for article in sorted(articles, key=order_key):
            mine = sketch(article)
            if mine is None:
                continue
            close = [(estimate(mine, other), -n, aid) for n, (aid, other) in enumerate(seen)]
            if close and max(close)[0] >= threshold:
                copied = max(close)[2]
                found[article.id] = found.get(copied, copied)
            seen.append((article.id, mine))
        return {a.id: found.get(a.id, a.id) for a in articles}
    return roots


def _by_hash(articles: Sequence[Article]) -> dict[str, str]:
    first: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: (a.published or "\uffff", a.id)):
        if _WORD.search(article.text):
            first.setdefault(text_hash(article), article.id)
    return {a.id: first.get(text_hash(a), a.id) if _WORD.search(a.text) else a.id for a in articles}


def load(data: Path, judged: Path = JUDGED) -> tuple[dict[str, Any], dict[str, dict[str, list[Article]]]]:
    """The judged file and, per part, each labelled story's articles (every article of it, judged
    or not, keyed ``part:id``): real day pages by their 12-character key, ECB+ documents of topics
    1-35 only."""
    labels = json.loads(judged.read_text(encoding="utf-8"))
    parts: dict[str, dict[str, list[Article]]] = {}
    folder = data / "extraction" / "scrapinghub" / "html"
    if folder.is_dir():
        stories = json.loads(LABELS.read_text(encoding="utf-8"))["stories"]
        pages = day_articles(folder, {k for members in stories.values() for k in members})
        parts["realday"] = {name: [replace(pages[k], id=f"day:{k}") for k in members if k in pages]
                            for name, members in stories.items()}
    path = data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl"
    if path.is_file():
        found: dict[str, list[Article]] = {}
        for article, story in zip(*load_ecbplus(path), strict=True):
            if int(article.id.split("_", 1)[0]) <= 35:  # never the test split (topics 36-45)
                found.setdefault(story, []).append(
                    replace(article, id=f"ecbplus:{article.id}", outlet=f"outlet {article.id}"))
        parts["ecbplus"] = found
    return labels, parts


def _story_roots(stories: Sequence[Story]) -> dict[str, tuple[str, str]]:
    """Each article's (story, root) as the story stage left them."""
    return {aid: (s.id, root) for s in stories for aid, root in duplicate_roots(s).items()}


def _same(root: Mapping[str, object]) -> Callable[[str, str], bool]:
    """Whether two articles have the same root: the pair is marked a copy."""
    return lambda a, b: root[a] == root[b]


def _score(pairs: Sequence[Mapping[str, Any]], marked: Callable[[str, str], bool]) -> dict[str, float]:
    said = [bool(marked(p["a"], p["b"])) for p in pairs]
    truth = [p["judged"] == "copy" for p in pairs]
    hits = sum(s and t for s, t in zip(said, truth, strict=True))
    precision = hits / sum(said) if any(said) else 1.0
    recall = hits / sum(truth) if any(truth) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "marked": float(sum(said)),
            "copies": float(sum(truth))}


def systems(*, baselines: bool) -> dict[str, Roots]:
    """The per-story rules measured beside the story stage."""
    found: dict[str, Roots] = {COPIES: _by_copies}
    if baselines:
        found["exact text hash"] = _by_hash
        found["sketch jaccard >= 0.8 (per story)"] = _by_sketch_jaccard(0.8)
        for threshold in (0.8, 0.5, 0.3):
            found[f"dedup: jaccard >= {threshold}"] = _by_dedup(threshold)
    return found


def rows(data: Path | None = None, *, baselines: bool = True, judged: Path = JUDGED) -> list[BenchRow]:
    """The judged pairs' rows (none without the file or the data)."""
    if data is None or not judged.is_file():
        return []
    labels, parts = load(data, judged)
    pairs = [p for p in labels["pairs"] if p["part"] in parts]
    articles = {a.id: a for stories in parts.values() for members in stories.values() for a in members}
    # ECB+'s texts are fixed data; the real day's are our extraction's, which may change (the
    # pages, and so the judgments, stay): only their presence is checked
    stale = [i for p in pairs for i, h in ((p["a"], p["hash_a"]), (p["b"], p["hash_b"]))
             if i not in articles or (p["part"] != "realday" and text_hash(articles[i]) != h)]
    if stale:
        raise ValueError(f"judged copies: {len(stale)} texts missing or changed, e.g. {stale[:3]}")
    result: list[BenchRow] = []
    marks: dict[str, Callable[[str, str], bool]] = {}
    start = time.perf_counter()
    placed: dict[str, tuple[str, str]] = {}
    for stories in parts.values():
        everyone = [a for members in stories.values() for a in members]
        placed.update(_story_roots(cluster_articles(everyone)))
    marks[OURS] = _same(placed)
    seconds = {OURS: time.perf_counter() - start}
    for name, rule in systems(baselines=baselines).items():
        start = time.perf_counter()
        root: dict[str, str] = {}
        for stories in parts.values():
            for members in stories.values():
                root.update(rule(members))
        marks[name] = _same(root)
        seconds[name] = time.perf_counter() - start
    for part, dataset in PARTS.items():
        chosen = [p for p in pairs if p["part"] == part]
        if chosen:
            result += [BenchRow(dataset, name, _score(chosen, mark), len(chosen), seconds[name])
                       for name, mark in marks.items()]
    result += [BenchRow(ALL, name, _score(pairs, mark), len(pairs), seconds[name])
               for name, mark in marks.items()]
    return result
