"""The clustering benchmark: its metrics on hand-worked examples, its loaders, and a quality floor
on real BASIL triplets (skipped when the evaluation data is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from broadsheet.bench import clustering as bench
from conftest import require

DATA = Path(os.environ.get("BROADSHEET_EVAL_DATA")
            or Path(__file__).resolve().parents[1].parent / "shared" / "data")
BASIL = DATA / "clustering" / "basil" / "basil_articles.jsonl"
# Measured 0.961 pairwise F1 on this 30-triplet sample (0.935 on all 100); floor leaves margin.
BASIL_SAMPLE, BASIL_FLOOR = 30, 0.88

GOLD = ["a", "a", "b", "b"]


def test_pairwise_perfect() -> None:
    assert bench.pairwise_scores(GOLD, [7, 7, 3, 3]) == {"pair_p": 1.0, "pair_r": 1.0,
                                                         "pair_f1": 1.0}


def test_pairwise_all_in_one() -> None:
    scores = bench.pairwise_scores(GOLD, [0, 0, 0, 0])
    assert scores["pair_p"] == pytest.approx(2 / 6)
    assert scores["pair_r"] == 1.0
    assert scores["pair_f1"] == pytest.approx(0.5)


def test_pairwise_all_singletons() -> None:
    assert bench.pairwise_scores(GOLD, [0, 1, 2, 3]) == {"pair_p": 1.0, "pair_r": 0.0,
                                                         "pair_f1": 0.0}


def test_pairwise_mixed() -> None:
    scores = bench.pairwise_scores(list("aaabb"), list("xxyyy"))
    assert scores == {"pair_p": 0.5, "pair_r": 0.5, "pair_f1": 0.5}


def test_bcubed_perfect() -> None:
    assert bench.bcubed_scores(GOLD, list("xxyy"))["bcubed_f1"] == 1.0


def test_bcubed_all_in_one() -> None:
    scores = bench.bcubed_scores(GOLD, [0, 0, 0, 0])
    assert scores["bcubed_p"] == pytest.approx(0.5)
    assert scores["bcubed_r"] == 1.0
    assert scores["bcubed_f1"] == pytest.approx(2 / 3)


def test_bcubed_all_singletons() -> None:
    scores = bench.bcubed_scores(GOLD, [0, 1, 2, 3])
    assert (scores["bcubed_p"], scores["bcubed_r"]) == (1.0, 0.5)
    assert scores["bcubed_f1"] == pytest.approx(2 / 3)


def test_bcubed_mixed() -> None:
    scores = bench.bcubed_scores(list("aaabb"), list("xxyyy"))
    assert scores["bcubed_p"] == pytest.approx(11 / 15)
    assert scores["bcubed_r"] == pytest.approx(11 / 15)


def test_score_has_every_metric() -> None:
    scores = bench.score(GOLD, [0, 0, 1, 1])
    assert scores["nmi"] == pytest.approx(1.0)
    assert scores["ari"] == pytest.approx(1.0)
    assert scores["clusters"] == 2.0
    assert bench.score(GOLD, [0, 1, 2, 3])["ari"] == pytest.approx(0.0)



def test_sample_labels_is_a_fixed_subset() -> None:
    labels = [f"story-{i}" for i in range(50)]
    chosen = bench.sample_labels(labels, 10)
    assert len(chosen) == 10 and chosen <= set(labels)
    assert chosen == bench.sample_labels(list(reversed(labels)), 10)
    assert bench.sample_labels(labels, None) == set(labels)


def _write_basil_like(root: Path) -> None:
    events = {
        "t1": ("Storm floods coastal town", "Heavy rain from the storm flooded the coastal town "
               "of Harbor Point, and residents were rescued by boat.", "2015-03-02"),
        "t2": ("Court blocks new voting law", "A federal court blocked the state's new voting "
               "law, ruling that its identification rules were unconstitutional.", "2016-07-09"),
    }
    lines = []
    for tid, (title, text, day) in events.items():
        for k, outlet in enumerate(["nyt", "fox", "hpo"]):
            lines.append({"article_id": f"{tid}-{k}", "triplet_id": tid, "source": outlet,
                          "date": day, "title": f"{title} ({outlet})", "text": text, "url": None})
    path = root / "clustering" / "basil" / "basil_articles.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")


def test_run_scores_every_system_on_the_datasets_it_finds(tmp_path: Path) -> None:
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path)
    assert {(r.dataset, r.system) for r in report.rows} == {
        ("basil", "ours"), ("basil", "kmeans-true-k"), ("basil", "singletons")}
    assert report.score("basil", "ours", "pair_f1") == 1.0
    assert report.score("basil", "singletons", "pair_f1") == 0.0
    assert any("allsides" in note and "skipped" in note for note in report.notes)
    assert "basil" in report.format()


def test_run_limit_keeps_whole_stories(tmp_path: Path) -> None:
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path / "clustering", limit=1)
    assert all(row.documents == 3 for row in report.rows)


def test_basil_triplets_cluster_above_the_floor() -> None:
    require(BASIL, "BASIL")
    articles, gold = bench.keep_stories(bench.load_basil(BASIL), BASIL_SAMPLE)
    assert len(set(gold)) == BASIL_SAMPLE
    scores = bench.score(gold, bench.ours(articles, BASIL_SAMPLE))
    assert scores["pair_f1"] >= BASIL_FLOOR


def test_without_baselines_only_ours_is_measured(tmp_path: Path) -> None:
    """The quality gate runs ours alone; the baselines belong to ``broadsheet bench``."""
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path / "clustering", baselines=False)
    assert {row.system for row in report.rows} == {"ours"}
