"""The attribution benchmark: brat parsing and the overlap scorer on hand examples, then a short run."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.bench.attribution import Parts, parse_brat, regex_baseline, run, score
from broadsheet.errors import ConfigError
from conftest import require

TEXT = 'Officials said the talks failed. "We tried," Ana Berg added, "and lost."'
ANN = "\n".join(
    [
        "T1\tSource 0 9\tOfficials",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 31\tthe talks failed",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "T5\tSource 45 53\tAna Berg",
        "T6\tCue 54 59\tadded",
        'T7\tContent 33 44;61 72\t"We tried," "and lost."',
        "T8\tAttribution 54 59\tadded",
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        "T9\tDiscard 0 9\tOfficials",
    ]
)


def test_brat_parser_reads_the_parts_events_use() -> None:
    parts = parse_brat(ANN)
    assert parts.spans["source"] == [((0, 9),), ((45, 53),)]
    assert parts.spans["cue"] == [((10, 14),), ((54, 59),)]
    assert parts.spans["content"] == [((15, 31),), ((33, 44), (61, 72))]
    for part in ("source", "cue"):
        for (start, end), in parts.spans[part]:
            assert TEXT[start:end] in {"Officials", "said", "Ana Berg", "added"}


def test_perfect_prediction_scores_one() -> None:
    gold = parse_brat(ANN)
    metrics = score([(TEXT, gold, gold)])
    assert all(value == 1.0 for value in metrics.values())


def test_overlap_versus_exact() -> None:
    predicted = Parts()
    predicted.add("source", ((45, 49),))  # "Ana" overlaps "Ana Berg"
    predicted.add("cue", ((54, 59),))
    predicted.add("content", ((34, 42),))  # inside the first piece of the discontinuous span
    predicted.add("content", ((0, 3),))  # "Off" touches "Officials", which is no gold content
    metrics = score([(TEXT, parse_brat(ANN), predicted)])
    assert metrics["source_p"] == 1.0 and metrics["source_r"] == 0.5
    assert metrics["source_exact_f1"] == 0.0
    assert metrics["cue_p"] == 1.0 and metrics["cue_exact_f1"] == pytest.approx(2 / 3)
    assert metrics["content_p"] == 0.5 and metrics["content_r"] == 0.5


def test_nothing_predicted_scores_zero_not_an_error() -> None:
    metrics = score([(TEXT, parse_brat(ANN), Parts())])
    assert metrics["source_p"] == 0.0 and metrics["source_f1"] == 0.0


def test_regex_baseline_finds_the_simple_patterns() -> None:
    parts = regex_baseline('"The vote is over," said Ana Berg. Tom Ray said "no way."')
    assert len(parts.spans["source"]) == 2
    assert len(parts.spans["content"]) == 2


def test_missing_corpus_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PolNeAR not found"):
        run(tmp_path)


def test_short_run_on_polnear(eval_data: Path) -> None:
    require(eval_data / "attribution" / "polnear" / "dev", "PolNeAR dev")
    report = run(eval_data, limit=3)
    assert {row.system for row in report.rows} == {"broadsheet", "regex-baseline"}
    ours = report.score("polnear-dev", "broadsheet", "cue_f1")
    assert 0.0 < ours <= 1.0
    assert report.rows[0].documents == 3
    assert "Citron" in " ".join(report.notes)
