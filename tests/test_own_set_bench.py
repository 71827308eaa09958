"""``broadsheet bench clustering --set FILE.jsonl``: a labelled story set of the user's own, scored
as the bench scores ours (issue 7: the same code is measured on story sets it has never seen).

The file is read as ``broadsheet cluster`` reads it; bad lines, lines without a label and repeated
ids are said in the notes, not lost silently; every system of the bench is run on it; and on
BASIL's file as it is, ours scores what the bench scores on BASIL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from broadsheet.bench import own_set
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import load_basil
from broadsheet.bench.clustering import ours
from broadsheet.cli import main
from broadsheet.errors import InputError
from conftest import require

STORIES = {
    "quake": ("Earthquake of magnitude {n} strikes northern Chile",
              "A strong earthquake struck northern Chile near Iquique on Tuesday, officials said, "
              "shaking buildings and cutting power to thousands of homes along the coast."),
    "budget": ("Parliament passes the {n} budget after a long night",
               "Lawmakers approved the national budget early on Friday after an all-night session, "
               "with the finance minister promising lower taxes for small businesses."),
    "final": ("Harbour City win the cup final {n}-1",
              "Harbour City beat Riverside in the cup final at the national stadium on Saturday, "
              "their captain scoring twice in the second half before a crowd of 60,000."),
}


def _lines(extra: list[str]) -> list[str]:
    rows: list[dict[str, Any]] = []
    for number in range(4):
        for story, (title, text) in STORIES.items():
            rows.append({"doc_id": f"{story}-{number}", "subtopic": story, "topic": "news",
                         "title": title.format(n=number + 6), "text": f"{text} Report {number}.",
                         "date_publish": f"2024-03-0{number + 1}"})
    return [json.dumps(row) for row in rows] + extra


def _write(tmp_path: Path, extra: list[str]) -> Path:
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(_lines(extra)) + "\n", encoding="utf-8")
    return path


def test_the_label_is_the_field_asked_for_else_the_first_known_one() -> None:
    record = {"topic": "t1", "subtopic": "s1"}
    assert own_set.label_field([record], None) == "subtopic"  # ECB+: topics hold two events
    assert own_set.label_field([record], "topic") == "topic"
    assert own_set.label_field([{"title": "x"}, {"cluster": 3}], None) == "cluster"
    with pytest.raises(InputError, match="--label"):
        own_set.label_field([{"title": "x"}], None)


def test_every_system_is_scored_and_nothing_is_left_out_silently(tmp_path: Path) -> None:
    repeated = json.dumps({"doc_id": "quake-0", "subtopic": "quake", "title": "Chile quake",
                           "text": "The earthquake in northern Chile left three dead, officials said."})
    unlabelled = json.dumps({"doc_id": "x", "title": "Alone", "text": "No label on this line."})
    path = _write(tmp_path, ["{not json", unlabelled, repeated])
    report = own_set.run(path)
    systems = {row.system for row in report.rows}
    assert {"ours", "ours: two batches", "ours: one batch, another order", "kmeans-true-k",
            "singletons", "average-link@0.2 (our sets' threshold)"} <= systems
    assert all(row.documents == 13 for row in report.rows)  # 12 + the repeated id, kept apart
    notes = "\n".join(report.notes)
    assert "story label 'subtopic'" in notes
    assert "1 line could not be read" in notes and "mine.jsonl:13: parse_error" in notes
    assert "1 line without a 'subtopic' left out" in notes
    assert "1 line with an earlier line's id kept apart" in notes
    assert "13 articles (12 dated), 3 stories" in notes


def test_ours_is_scored_against_the_files_labels(tmp_path: Path) -> None:
    report = own_set.run(_write(tmp_path, []), label="topic")  # one story: everything is "news"
    row = next(r for r in report.rows if r.system == "ours")
    assert row.metrics["bcubed_p"] == 1.0  # any partition of one story is pure
    singles = next(r for r in report.rows if r.system == "singletons")
    assert singles.metrics["bcubed_r"] == pytest.approx(1 / 12)


def test_the_command_refuses_what_it_cannot_score(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        own_set.run(tmp_path / "missing.jsonl")
    empty = tmp_path / "bad.jsonl"
    empty.write_text(json.dumps({"title": "a", "text": "b", "story": ""}) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        own_set.run(empty, label="story")
    assert main(["bench", "extraction", "--set", str(empty)]) != 0
    assert main(["bench", "clustering", "--label", "story"]) != 0


def test_basils_file_through_the_option_scores_as_the_bench(eval_data: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = require(eval_data / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    assert main(["bench", "clustering", "--set", str(path), "--data", str(eval_data)]) == 0
    printed = capsys.readouterr().out
    assert "story label 'triplet_id'" in printed and "largest difference" in printed
    articles, labels = load_basil(path)
    mine = score(labels, ours(articles))
    report = own_set.run(path)
    row = next(r for r in report.rows if r.system == "ours")
    assert row.metrics["bcubed_f1"] == pytest.approx(mine["bcubed_f1"], abs=0.005)
    assert row.documents == len(articles)
