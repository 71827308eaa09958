"""The extraction benchmark's scorer, on hand cases worked out from scrapinghub's evaluate.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.bench import extraction
from broadsheet.bench.extraction import (
    Counts,
    bag_f1,
    judged,
    precision,
    recall,
    run,
    score_shingles,
    shingle_counts,
    shingles,
    with_markup,
    wrap_as_html,
)
from broadsheet.model import Article


def test_shingles_of_four_tokens() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a, b!") == {("a", "b"): 1}
    assert shingles("") == {}
    assert shingles("A a a a a a") == {("A", "a", "a", "a"): 1, ("a", "a", "a", "a"): 2}


def test_counts_on_multisets() -> None:
    gold = "one two three four five six"
    assert shingle_counts(gold, gold) == Counts(3, 0, 0)
    assert shingle_counts(gold, "one two three four") == Counts(1, 0, 2)
    assert shingle_counts(gold, "one two three four one two three four") == Counts(1, 4, 2)


def test_per_document_precision_and_recall_edge_cases() -> None:
    assert precision(Counts(0, 0, 0)) == recall(Counts(0, 0, 0)) == 1.0
    assert precision(Counts(0, 0, 5)) == 0.0 and recall(Counts(0, 0, 5)) == 0.0
    assert precision(Counts(1, 3, 0)) == 0.25 and recall(Counts(1, 3, 0)) == 1.0


def test_empty_prediction_counts_for_recall_only() -> None:
    gold = "one two three four five six"
    result = score_shingles([(gold, gold), (gold, "")])
    assert result["precision"] == 1.0
    assert result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_f1_is_harmonic_mean_of_averages_not_average_of_f1() -> None:
    gold = "a b c d e f g h"  # 5 shingles
    half = "a b c d e f z z z"  # 3 of 6 predicted shingles right, 3 of 5 gold found
    result = score_shingles([(gold, gold), (gold, half)])
    p, r = (1 + 0.5) / 2, (1 + 0.6) / 2
    assert result["precision"] == pytest.approx(p)
    assert result["recall"] == pytest.approx(r)
    assert result["f1"] == pytest.approx(2 * p * r / (p + r))


def test_bag_of_words_f1() -> None:
    assert bag_f1("The cat sat", "the cat sat") == 1.0
    assert bag_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert bag_f1("", "") == 1.0 and bag_f1("a", "") == 0.0


def test_wrapping_text_as_paragraphs_escapes_markup() -> None:
    assert wrap_as_html("a < b\n\n c ") == "<html><body><p>a &lt; b</p><p>c</p></body></html>"


FIXTURES = Path(__file__).parent / "data" / "extraction"


def test_pages_judged_in_two_processes_come_back_as_one_process_judges_them_in_order() -> None:
    pages = [("a", FIXTURES / "scrapinghub_c13b9c0e04fb.html.gz", "https://www.example.com/a"),
             ("b", FIXTURES / "wcxb_4519.html.gz", None)]
    jobs = pages * 3
    alone = [(result, evidence) for result, evidence, _ in judged(jobs, 1)]
    pooled = [(result, evidence) for result, evidence, _ in judged(jobs, 2)]
    assert pooled == alone
    assert [result.id for result, _ in pooled if isinstance(result, Article)] == ["a", "b"] * 3


def test_with_the_baselines_each_page_is_read_once_and_judged_as_without_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = [("a", FIXTURES / "scrapinghub_c13b9c0e04fb.html.gz", "https://www.example.com/a"),
            ("b", FIXTURES / "wcxb_4519.html.gz", None)]
    reads: list[Path] = []
    real = extraction.read_gz
    monkeypatch.setattr(extraction, "read_gz", lambda path: reads.append(path) or real(path))
    both = list(with_markup(jobs, baselines=True))
    assert reads == [path for _, path, _ in jobs]
    assert [markup for markup, _ in both] == [real(path) for _, path, _ in jobs]
    alone = [(result, evidence) for result, evidence, _ in judged(jobs, 1)]
    assert [(result, evidence) for _, (result, evidence, _) in both] == alone


@pytest.mark.slow
def test_run_on_a_few_pages(eval_data: Path) -> None:
    report = run(eval_data, limit=4, wcxb=False, heldout=False)
    assert report.score("scrapinghub-text", "keep everything", "recall") > 0.9
    assert report.score("scrapinghub-html", "broadsheet", "f1") > 0.8
    assert report.score("scrapinghub-html", "broadsheet", "time_ratio") > 0
    assert any("0.665" in note for note in report.notes)


@pytest.mark.slow
def test_held_out_rows_retrain_without_the_scored_sites(eval_data: Path) -> None:
    report = run(eval_data, limit=30, baselines=False, heldout=True)  # 30: both page kinds
    assert 0.0 < report.score("wcxb-dev-article-text", "broadsheet, sites held out", "f1") <= 1.0
    assert 0.0 < report.score("scrapinghub-text", "broadsheet, sites held out", "f1") <= 1.0
    assert 0.0 <= report.score("wcxb-dev-all", "broadsheet, sites held out is_article",
                               "accuracy") <= 1.0
    assert 0.0 <= report.score("wcxb-dev-article-meta", "broadsheet", "title_exact") <= 1.0
    assert 0.0 < report.score("wcxb-dev-strings-all", "broadsheet", "both") <= 1.0


@pytest.mark.slow
def test_the_gate_run_holds_the_page_classifier_out_but_not_the_line_model(eval_data: Path) -> None:
    """Without ``heldout`` (the quality gate's run) the page classifier is still refitted without
    the scored sites (seconds), the line model is not (minutes)."""
    report = run(eval_data, limit=30, baselines=False, heldout=False)
    assert 0.0 <= report.score("wcxb-dev-all", "broadsheet, sites held out is_article",
                               "accuracy") <= 1.0
    assert not any(row.system == "broadsheet, sites held out" for row in report.rows)


@pytest.mark.slow
def test_memory_rows_measure_the_resident_set(eval_data: Path) -> None:
    report = run(eval_data, limit=3, memory=True)
    assert [row.dataset for row in report.rows] == ["memory-3-pages"]
    assert 0.0 < report.score("memory-3-pages", "broadsheet", "rss_mb") <= report.score(
        "memory-3-pages", "broadsheet", "peak_mb")
