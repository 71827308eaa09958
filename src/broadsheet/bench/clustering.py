"""Benchmark of the stories stage: ``broadsheet bench clustering --data DIR``.

Datasets (read from ``DIR/clustering/...``, never copied into the repo); the label says which
articles are the same story:

- ``basil`` — 100 events x (NYT, Fox News, HuffPost), full articles with dates (label triplet_id).
- ``allsides`` — 2,678 AllSides roundups x (left, centre, right): headline + excerpt, no dates
  (label story_id); all three splits of the file are used.
- ``googlenews-TS`` / ``googlenews-T`` — 11,109 Google News items in 152 stories, title+snippet
  or title only, already lower-cased, stop-worded and lemmatised (label cluster).
- ``ecbplus`` — 982 documents; each of 43 topics holds two events of the same kind (label
  subtopic): hard negatives. Its free-text ``date_publish`` is read when it names a day.

Metrics: pairwise precision / recall / F1 over same-story pairs, BCubed precision / recall / F1,
NMI and ARI (scikit-learn), and the number of clusters found. Rows, run in the same process: ours
(``stories.cluster_articles`` with its default threshold), K-means on TF-IDF given the true number
of stories (the baseline Yin & Wang report), and "all singletons". ``limit`` keeps that many stories
of each dataset (a fixed, hash-ordered sample of story labels, all of each story's articles).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from broadsheet import timestamps
from broadsheet.bench import BenchReport, BenchRow
from broadsheet.model import Article
from broadsheet.stories import cluster_articles

Labelled = tuple[list[Article], list[str]]
Clusterer = Callable[[Sequence[Article], int], list[int]]

PUBLISHED_NOTES = (
    "published Google News (Yin & Wang, KDD 2014), NMI on TS: GSDMM 0.928, DMAFP 0.901, "
    "K-means 0.834; on T: GSDMM 0.874. SCCL (NAACL 2021) accuracy on TS 89.8",
    "no published clustering figures for basil, allsides or ecbplus document clustering",
    "kmeans-true-k is given the true number of stories, which a live system never knows",
    "googlenews labels are topics (one 'story' holds weeks of items about a person or team); "
    "ours clusters events, so it finds many more, purer clusters (high precision, low recall)",
    "allsides has no dates and spans years, so recurring topics (weekly jobless claims) merge: "
    "the time window, which separates them in a live feed, cannot act; score it per split or "
    "with limit for batches nearer a day's news",
)


# ---------------------------------------------------------------- metrics

def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _ratio(num: float, den: float) -> float:
    """num / den, with 0 / 0 = 1: no pair predicted means no wrong pair (vacuous precision)."""
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in the same cluster.

    A pair is a true positive when both labellings put its two items together. With no predicted
    pair precision is 1 (nothing claimed, nothing wrong); with no gold pair recall is 1.
    """
    both = sum(_pairs(n) for n in Counter(zip(gold, pred, strict=True)).values())
    p = _ratio(both, sum(_pairs(n) for n in Counter(pred).values()))
    r = _ratio(both, sum(_pairs(n) for n in Counter(gold).values()))
    return {"pair_p": p, "pair_r": r, "pair_f1": _f1(p, r)}


def bcubed_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """BCubed (Bagga & Baldwin 1998; Amigó et al. 2009) precision, recall and F1.

    For each item: precision is the share of its predicted cluster that shares its gold label,
    recall the share of its gold cluster that shares its predicted cluster; both are averaged over
    items and F1 is their harmonic mean.
    """
    if not gold:
        return {"bcubed_p": 1.0, "bcubed_r": 1.0, "bcubed_f1": 1.0}
    cell = Counter(zip(gold, pred, strict=True))
    gold_size, pred_size = Counter(gold), Counter(pred)
    p = sum(cell[(g, c)] / pred_size[c] for g, c in zip(gold, pred, strict=True)) / len(gold)
    r = sum(cell[(g, c)] / gold_size[g] for g, c in zip(gold, pred, strict=True)) / len(gold)
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": _f1(p, r)}


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Every metric of the benchmark for one labelling."""
    return {
        **pairwise_scores(gold, pred),
        **bcubed_scores(gold, pred),
        "nmi": float(normalized_mutual_info_score(gold, pred)),
        "ari": float(adjusted_rand_score(gold, pred)),
        "clusters": float(len(set(pred))),
    }


# ---------------------------------------------------------------- systems

def ours(articles: Sequence[Article], _k: int) -> list[int]:
    """Cluster index of each article under ``stories.cluster_articles`` defaults."""
    where = {a_id: k for k, story in enumerate(cluster_articles(articles))
             for a_id in story.article_ids}
    return [where[a.id] for a in articles]


def kmeans_true_k(articles: Sequence[Article], k: int) -> list[int]:
    """K-means (k-means++, fixed seed) on TF-IDF of title + text, given the true number ``k``."""
    texts = [f"{a.title}\n{a.text}" for a in articles]
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    model = KMeans(n_clusters=k, n_init=3, random_state=0).fit(vectors)
    return [int(x) for x in model.labels_]


def singletons(articles: Sequence[Article], _k: int) -> list[int]:
    """Every article its own story: the floor any clusterer must beat on recall."""
    return list(range(len(articles)))


SYSTEMS: dict[str, Clusterer] = {
    "ours": ours, "kmeans-true-k": kmeans_true_k, "singletons": singletons,
}


# ---------------------------------------------------------------- datasets

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


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def load_basil(path: Path) -> Labelled:
    """BASIL articles with their outlet and date; paragraphs are the text's lines."""
    rows = _read_jsonl(path)
    articles = [Article(id=r["article_id"], source="basil", title=r["title"],
                        paragraphs=_paragraphs(r["text"]), url=r.get("url"),
                        published=timestamps.normalise(r.get("date")), outlet=r["source"]) for r in rows]
    return articles, [r["triplet_id"] for r in rows]


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


DATASETS: dict[str, tuple[str, Callable[[Path], Labelled]]] = {
    "basil": ("basil/basil_articles.jsonl", load_basil),
    "allsides": ("allsides-neus/allsides_dev.jsonl", load_allsides),
    "googlenews-TS": ("googlenews-ts/TS.jsonl", load_googlenews),
    "googlenews-T": ("googlenews-ts/T.jsonl", load_googlenews),
    "ecbplus": ("ecbplus/ecbplus_docs.jsonl", load_ecbplus),
}


# ---------------------------------------------------------------- run

def dataset_rows(name: str, items: Labelled, baselines: bool = True) -> list[BenchRow]:
    """Score ours (and with ``baselines`` every other system) on one labelled dataset."""
    articles, gold = items
    k = len(set(gold))
    rows = []
    for system, clusterer in SYSTEMS.items():
        if system != "ours" and not baselines:
            continue
        start = time.perf_counter()
        pred = clusterer(articles, k)
        rows.append(BenchRow(dataset=name, system=system, metrics=score(gold, pred),
                             documents=len(articles), seconds=time.perf_counter() - start))
    return rows


def run(data: Path, *, limit: int | None = None, baselines: bool = True) -> BenchReport:
    """Run every system on every clustering dataset found under ``data`` (or ``data/clustering``)."""
    root = data / "clustering" if (data / "clustering").is_dir() else data
    report = BenchReport(stage="clustering", notes=list(PUBLISHED_NOTES))
    for name, (relative, load) in DATASETS.items():
        path = root / relative
        if not path.is_file():
            report.notes.append(f"{name}: {path} not found, skipped")
            continue
        report.rows.extend(dataset_rows(name, keep_stories(load(path), limit), baselines))
    if limit is not None:
        report.notes.append(f"limit: {limit} stories per dataset (hash-ordered sample)")
    return report
