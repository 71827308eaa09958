"""Benchmark of the stories stage: ``broadsheet bench clustering --data DIR [--scale]``.

For each labelled set (``cluster_sets.py``) it prints pairwise P/R/F1, BCubed P/R/F1, NMI and ARI
(``cluster_metrics.py``) for these systems, run in the same process:

- ``ours`` — the incremental clusterer with the shipped model (learned on every set) and its
  articles per second;
- ``ours-lodo`` — the same recipe learned on the OTHER sets only (``stories/learn.py`` on their
  training samples, ``TRAIN_STORIES``): the figure to expect on a set it has never seen (googlenews
  is never learned from: its labels are topics spanning weeks, not events, so its ``ours`` is
  already a leave-out figure);
- ``landed`` — the batch clusterer that was there before (TF-IDF, average link, window);
- ``average-link-tuned`` — plain TF-IDF + average link with the threshold picked on the set itself
  (an oracle), and ``average-link-lodo`` — the same with the threshold that does best on the other
  sets (what ``ours-lodo`` is to ours), ``kmeans-true-k`` — K-means given the true number of
  stories, ``gsdmm`` — GSDMM (Yin & Wang 2014, ``bench/gsdmm.py``) with the paper's settings
  (K 300, alpha = beta = 0.1, 30 iterations, seed 0; nothing chosen on these sets), ``singletons``.

``ecbplus-dated`` (ECB+'s dated documents alone, stories of 4 to 20) is held out with ECB+: its
``ours-lodo`` is the model learned without ECB+ (no extra learning) and its ``average-link-lodo``
threshold is chosen without ECB+ (``_twin``): whether big dated stories are split.

Stability rows compare ours with itself: the set added in two batches (a hash-chosen half, then the
rest, older articles included), and one article at a time in a shuffled order, each scored against
the one-batch result (BCubed F1), with ``ids_kept``: the share of the first batch's articles whose
story id (following merges) is the one they had after the first batch; and the same one batch in
another order (``another_order``: the ids renamed, so the hash order of undated articles and ties
changes), the agreement any change of order allows, beside which the two-batch figure is read.
Then the perspectives fixture (``bench/perspectives.py``), "a real day" (``bench/realday.py``) and
its stories' key claims judged by hand (``bench/claims.py``), and near-duplicate pairs judged by
hand on the real day and ECB+ (``bench/copies.py``). ``--scale`` instead measures
adding 100,000 articles (``bench/cluster_scale.py``). ``limit`` keeps that many stories of each set.
With ``baselines=False`` (the quality gate) only ours is run.
"""

from __future__ import annotations

import hashlib
import importlib.util
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from broadsheet.bench import BenchReport, BenchRow, gsdmm
from broadsheet.bench import average_link as baselines
from broadsheet.bench.cluster_metrics import bcubed_scores, pairwise_scores, score
from broadsheet.bench.cluster_sets import DATASETS, TOPICS, Labelled, keep_stories, with_singles
from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, prepare
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS, cluster_articles
from broadsheet.stories.learn import LabelledSet, describe, learn
from broadsheet.stories.score import DEFAULT_MODEL, Model

TRAIN_STORIES = {"basil": None, "allsides": 300, "ecbplus": None}  # whole stories learned from
SINGLES_SHARE = 0.3  # ... plus lone first reports of other stories, this share of the articles
GATED = ("basil", "allsides", "ecbplus", "googlenews-TS")
REORDER = "reordered:"  # the id prefix of ``another_order``
GATED_STABILITY = 2000  # the gate measures stability on the sets this small (basil, ecbplus)
TUNED_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
Cuts = tuple[list[str], dict[float, list[int]]]  # gold labels, average-link labels per threshold
PUBLISHED_NOTES = (
    "published Google News (Yin & Wang, KDD 2014), NMI on TS: GSDMM 0.928, DMAFP 0.901, "
    "K-means 0.834; on T: GSDMM 0.874. SCCL (NAACL 2021) accuracy on TS 89.8",
    "no published clustering figures for basil, allsides or ecbplus document clustering",
    "average-link-tuned picks its threshold on the very set it is scored on, and kmeans-true-k is "
    "given the true number of stories: neither is possible for a live system",
)


def labels(stories_of: dict[str, str], articles: Sequence[Article]) -> list[str]:
    """The story of each article, in input order."""
    return [stories_of[a.id] for a in articles]


def ours(articles: Sequence[Article], model: Model = DEFAULT_MODEL) -> list[str]:
    """Story id of each article under the incremental clusterer (one batch)."""
    where = {aid: s.id for s in cluster_articles(articles, model=model) for aid in s.article_ids}
    return labels(where, articles)


def kmeans_true_k(articles: Sequence[Article], k: int) -> list[int]:
    """K-means (k-means++, fixed seed) on TF-IDF of title + text, given the true number ``k``."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title}\n{a.text}" for a in articles]
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    model = KMeans(n_clusters=k, n_init=3, random_state=0).fit(vectors)
    return [int(x) for x in model.labels_]


def _bcubed(gold: Sequence[object], pred: Sequence[object]) -> float:
    return bcubed_scores(list(map(str, gold)), list(map(str, pred)))["bcubed_f1"]


def score_row(name: str, system: str, gold: Sequence[str], pred: Sequence[object], seconds: float,
         extra: dict[str, float] | None = None) -> BenchRow:
    metrics = {**score(gold, [str(p) for p in pred]), **(extra or {})}
    return BenchRow(dataset=name, system=system, metrics=metrics, documents=len(gold),
                    seconds=seconds)


def _timed(run: Callable[[], Sequence[object]]) -> tuple[Sequence[object], float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


# ---------------------------------------------------------------- stability

def _half(article_id: str) -> bool:
    return hashlib.sha256(article_id.encode("utf-8")).digest()[0] < 128


def in_batches(articles: Sequence[Article], batches: Sequence[Sequence[Article]],
               model: Model = DEFAULT_MODEL) -> tuple[list[str], float]:
    """Story of each article after adding ``batches`` one after another to one index, and the
    share of the first batch's articles still under the story id they had after it."""
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    engine = Clusterer(index, model)
    engine.add_all(prepare(a) for a in batches[0])
    first = dict(index.where)
    for batch in batches[1:]:
        engine.add_all(prepare(a) for a in batch)
    kept = sum(1 for aid, sid in first.items() if index.resolve(sid) == index.where[aid])
    return labels(index.where, articles), kept / max(1, len(first))


def another_order(articles: Sequence[Article], model: Model = DEFAULT_MODEL) -> list[str]:
    """Story of each article when the same one batch is placed in another order: every id gets a
    prefix, so the hash that orders undated articles and same-instant ties (``features._tie``)
    lines them up differently. Two batches are two orders too, so this is the agreement two
    batches can be expected to reach (the order noise of the greedy joins)."""
    return ours([replace(a, id=f"{REORDER}{a.id}") for a in articles], model)


def stability_rows(name: str, articles: Sequence[Article], gold: Sequence[str],
                   one_batch: Sequence[str]) -> list[BenchRow]:
    """Two batches, and one article at a time in a shuffled order, against one batch; and one
    batch in another order (``another_order``) against it."""
    halves = [[a for a in articles if _half(a.id)], [a for a in articles if not _half(a.id)]]
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    rows = []
    for system, batches in (("ours: two batches", halves),
                            ("ours: one at a time, shuffled", [[a] for a in shuffled])):
        start = time.perf_counter()
        pred, kept = in_batches(articles, batches)
        extra = {"vs_one_batch_bcubed_f1": _bcubed(one_batch, pred), "ids_kept": kept}
        rows.append(score_row(name, system, gold, pred, time.perf_counter() - start, extra))
    reordered, seconds = _timed(lambda: another_order(articles))
    rows.append(score_row(name, "ours: one batch, another order", gold, reordered, seconds,
                     {"vs_one_batch_bcubed_f1": _bcubed(one_batch, reordered)}))
    return rows


# ---------------------------------------------------------------- leave one set out

def _objective(gold: Sequence[object], pred: Sequence[object]) -> float:
    """What the thresholds are tuned for: the mean of BCubed F1 and pairwise F1 (pairwise F1
    punishes one wrong merge of two big stories as much as it hurts a reader)."""
    g, p = list(map(str, gold)), list(map(str, pred))
    return (bcubed_scores(g, p)["bcubed_f1"] + pairwise_scores(g, p)["pair_f1"]) / 2


def training_sets(sets: dict[str, Labelled]) -> dict[str, LabelledSet]:
    """The training sample of each set learned from (``TRAIN_STORIES``, ``SINGLES_SHARE``)."""
    found = {}
    for name, items in sets.items():
        if name not in TRAIN_STORIES:
            continue
        articles, labels = with_singles(items, TRAIN_STORIES[name], SINGLES_SHARE)
        topic = TOPICS.get(name)
        topics = [topic(label) for label in labels] if topic else None
        found[name] = LabelledSet(name, articles, labels, topics)
    return found


def learned_models(sets: dict[str, Labelled]) -> dict[str, Model]:
    """The model learned on every training set (key ``"all"``: what ``DEFAULT_MODEL`` holds) and,
    for each set of ``TRAIN_STORIES`` and googlenews, the one learned on the others only; a set
    drawn from one learned from (``ecbplus-dated``, a ``_twin`` of ``ecbplus``) gets the model
    learned without that one."""
    train = training_sets(sets)
    found = {"all": learn(list(train.values()), _objective, window_days=DEFAULT_WINDOW_DAYS)}
    for held in [*train, *(n for n in sets if n not in train)]:
        twin = next((n for n in train if _twin(held, n)), held)
        others = [s for n, s in train.items() if n != twin]
        if twin != held:  # a part of a set learned from (ECB+'s dated half)
            if twin in found:
                found[held] = found[twin]
        elif len(others) == len(train):
            found[held] = found["all"]  # never learned from: the shipped recipe is its lodo
        elif others:
            found[held] = learn(others, _objective, window_days=DEFAULT_WINDOW_DAYS)
    return found


def _twin(name: str, other: str) -> bool:
    """Two sets of the same items (Google News TS and T; ECB+ and its dated half)."""
    return name.split("-")[0] == other.split("-")[0]


def baseline_lodo(cut: dict[str, Cuts]) -> list[BenchRow]:
    """The average-link baseline as a live system would meet a set: its threshold chosen on the
    OTHER gated sets (best mean BCubed F1 over them), then scored on this one."""
    scores = {name: {t: _bcubed(gold, labelled) for t, labelled in cuts.items()}
              for name, (gold, cuts) in cut.items()}
    rows = []
    for name, (gold, cuts) in cut.items():
        others = [o for o in cut if o in GATED and not _twin(name, o)]
        if not others:
            continue
        chosen = max(cuts, key=lambda t: (sum(scores[o][t] for o in others) / len(others), -t))
        rows.append(score_row(name, f"average-link-lodo@{chosen}", gold, cuts[chosen], 0.0))
    return rows


# ---------------------------------------------------------------- run

def dataset_rows(name: str, items: Labelled, *, baselines_too: bool = True,
                 lodo: Model | None = None, predicted: dict[str, list[str]] | None = None,
                 cut: dict[str, Cuts] | None = None) -> list[BenchRow]:
    """Score ours (and with ``baselines_too`` the others and the stability rows) on one set;
    ours' labels are kept in ``predicted`` under the set's name, and the average-link labels at
    each threshold of ``TUNED_GRID`` in ``cut``."""
    articles, gold = items
    pred, seconds = _timed(lambda: ours(articles))
    if predicted is not None:
        predicted[name] = [str(p) for p in pred]
    rows = [score_row(name, "ours", gold, pred, seconds, {"per_s": len(articles) / max(seconds, 1e-9)})]
    if lodo is not None:
        lodo_pred, lodo_seconds = _timed(lambda: ours(articles, lodo))
        rows.append(score_row(name, "ours-lodo", gold, lodo_pred, lodo_seconds))
    if baselines_too or len(articles) <= GATED_STABILITY:
        rows.extend(stability_rows(name, articles, gold, [str(p) for p in pred]))
    if not baselines_too:
        return rows
    landed, seconds = _timed(lambda: labels({k: str(v) for k, v in baselines.landed(articles).items()},
                                            articles))
    rows.append(score_row(name, "landed", gold, landed, seconds))
    start = time.perf_counter()
    cuts = baselines.cuts(articles, TUNED_GRID)
    threshold = max(TUNED_GRID, key=lambda t: (_bcubed(gold, cuts[t]), -t))
    rows.append(score_row(name, f"average-link-tuned@{threshold}", gold, cuts[threshold],
                     time.perf_counter() - start))
    if cut is not None:
        cut[name] = (gold, cuts)
    kmeans, seconds = _timed(lambda: kmeans_true_k(articles, len(set(gold))))
    rows.append(score_row(name, "kmeans-true-k", gold, kmeans, seconds))
    sampled, seconds = _timed(lambda: gsdmm.gsdmm(articles))
    rows.append(score_row(name, "gsdmm", gold, sampled, seconds))
    rows.append(score_row(name, "singletons", gold, list(range(len(gold))), 0.0))
    return rows


def load_sets(data: Path, limit: int | None, report: BenchReport) -> dict[str, Labelled]:
    """Every set found under ``data`` (or ``data/clustering``), sampled to ``limit`` stories."""
    root = data / "clustering" if (data / "clustering").is_dir() else data
    found: dict[str, Labelled] = {}
    for name, (relative, load) in DATASETS.items():
        path = root / relative
        if not path.is_file():
            report.notes.append(f"{name}: {path} not found, skipped")
            continue
        found[name] = keep_stories(load(path), limit)
    return found


def run(data: Path, *, limit: int | None = None, baselines: bool = True,
        scale: bool = False) -> BenchReport:
    """Run the benchmark (see the module docstring); ``scale`` runs the scale stream instead."""
    if scale:
        from broadsheet.bench.cluster_scale import run_scale

        return run_scale(data, limit=limit)
    report = BenchReport(stage="clustering", notes=list(PUBLISHED_NOTES))
    sets = load_sets(data, limit, report)
    chosen = sets if baselines else {k: v for k, v in sets.items() if k in GATED}
    models = learned_models(sets) if baselines else {}
    predicted: dict[str, list[str]] = {}
    cut: dict[str, Cuts] = {}
    for name, items in chosen.items():
        report.rows.extend(dataset_rows(name, items, baselines_too=baselines, lodo=models.get(name),
                                        predicted=predicted, cut=cut))
    report.rows.extend(baseline_lodo(cut))
    for held, model in models.items():
        if held != "all":
            report.notes.append(f"ours-lodo on {held} learned without it: {describe(model)}")
    report.notes.append(f"ours (shipped DEFAULT_MODEL): {describe(DEFAULT_MODEL)}")
    if "all" in models:
        same = "the shipped model" if models["all"] == DEFAULT_MODEL else "NOT the shipped model"
        report.notes.append(f"learned now on every training set ({same}): "
                            f"{describe(models['all'])}")
    _extras(data, report, baselines)
    reference_check(data, report, {n: (*sets[n], p) for n, p in predicted.items()})
    if limit is not None:
        report.notes.append(f"limit: {limit} stories per dataset (hash-ordered sample)")
    return report


def _extras(data: Path, report: BenchReport, baselines: bool) -> None:
    """The perspectives fixture, the real day, its judged claims and the judged copies."""
    from broadsheet.bench import claims, copies, perspectives, realday

    report.rows.extend(perspectives.rows())
    report.rows.extend(realday.rows(data, baselines=baselines))
    report.rows.extend(claims.rows(data, baselines=baselines))
    report.rows.extend(copies.rows(data, baselines=baselines))


def _reference(data: Path) -> ModuleType | None:
    """The reference scorer ``tools/score_clustering.py`` beside the data, when there is one."""
    for root in (data.parent, data.parent.parent):
        path = root / "tools" / "score_clustering.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("score_clustering", path)
            if spec is not None and spec.loader is not None:
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
    return None


def reference_check(data: Path, report: BenchReport,
                     runs: dict[str, tuple[list[Article], list[str], list[str]]]) -> None:
    """Re-score every ``ours`` labelling with the reference scorer; note the largest difference."""
    reference = _reference(data)
    if reference is None:
        report.notes.append("reference scorer not found: not cross-checked")
        return
    worst = 0.0
    pairs = (("pairF1", "pair_f1"), ("b3F1", "bcubed_f1"), ("NMI", "nmi"), ("ARI", "ari"))
    for articles, gold, pred in runs.values():
        theirs = reference.scores({a.id: g for a, g in zip(articles, gold, strict=True)},
                                  {a.id: p for a, p in zip(articles, pred, strict=True)})
        mine = score(gold, pred)
        worst = max([worst, *(abs(theirs[t] - mine[m]) for t, m in pairs)])
    report.notes.append(f"reference scorer tools/score_clustering.py re-scored ours on "
                        f"{len(runs)} sets: largest difference {worst:.2e}")
