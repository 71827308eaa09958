"""The attribution benchmark: brat parsing and the issue's metric on hand examples, then agreement
with the reference scorer (``shared/tools/score_attribution.py``) on our output for real dev articles."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.bench.attribution import broadsheet_system, profile_row, regex_baseline, run
from broadsheet.bench.human import as_predicted
from broadsheet.bench.polnear import (
    Document,
    Predicted,
    load_second_annotator,
    load_split,
    pair,
    parse_brat,
    score,
)
from broadsheet.errors import ConfigError
from conftest import eval_data_dir, require

TEXT = 'Officials said the talks failed. "We tried," Ana Berg added, "and lost." Critics fear a veto.'
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
        "T9\tSource 73 80\tCritics",
        "T10\tCue 81 85\tfear",
        "T11\tContent 86 92\ta veto",
        "E3\tAttribution:T10 source:T9 Cue:T10 Content:T11",
    ]
)
DOC = Document("t", TEXT, tuple(parse_brat(ANN)))


def test_brat_is_read_as_the_reference_scorer_reads_it() -> None:
    gold = DOC.gold
    assert [g.cue_text for g in gold] == ["said", "added", "fear"]
    assert gold[1].content == ((33, 44), (61, 72))
    assert [g.speech for g in gold] == [True, True, False]
    assert gold[2].source == ()  # a lower-case "source" argument is no Source


def test_perfect_prediction_scores_one() -> None:
    predicted = [Predicted(g.source[0] if g.source else None, g.cue[0], (g.content[0][0], g.content[-1][1]))
                 for g in DOC.gold]
    metrics = score([DOC], [predicted])
    assert metrics == {"precision": 1.0, "speech_recall": 1.0, "speech_f1": 1.0, "recall_all": 1.0,
                       "cue_accuracy": 1.0}


def test_wrong_speaker_or_thin_content_is_not_correct() -> None:
    predicted = [
        Predicted((45, 53), (10, 14), (15, 31)),  # right words, speaker "Ana Berg" is not "Officials"
        Predicted((45, 53), (54, 59), (33, 44)),  # "We tried": Dice 2*2/(2+4) = 0.67, speaker right
        Predicted(None, None, (86, 88)),  # "a" of "a veto": Dice 2/3, no gold Source to miss
    ]
    metrics = score([DOC], [predicted])
    assert metrics["precision"] == pytest.approx(2 / 3)
    assert metrics["speech_recall"] == pytest.approx(1 / 2)
    assert metrics["recall_all"] == pytest.approx(2 / 3)
    assert metrics["cue_accuracy"] == pytest.approx(2 / 3)


def test_pairing_is_one_to_one_and_greedy() -> None:
    a, b = frozenset({1, 2, 3}), frozenset({1, 2, 3, 4})
    assert pair([a, b], [a]) == {0: 0}  # the exact match wins, the other prediction stays unpaired
    assert pair([frozenset({9})], [a]) == {}


def test_regex_baseline_finds_the_simple_patterns() -> None:
    found = regex_baseline('"The vote is over," said Ana Berg. Tom Ray said "no way."')
    assert len(found) == 2
    assert all(p.speaker and p.content for p in found)


def test_missing_corpus_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PolNeAR not found"):
        run(tmp_path)


def _reference(split: Path, predictions: Path) -> dict[str, float]:
    """The figures the reference scorer prints."""
    script = require(eval_data_dir().parent / "tools" / "score_attribution.py", "the reference scorer")
    out = subprocess.run([sys.executable, str(script), str(split), str(predictions)],
                         capture_output=True, text=True, check=True).stdout
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", out)}


def _agrees_with_the_reference(split_dir: Path, documents: list[Document], predicted: list[list[Predicted]],
                               tmp_path: Path) -> None:
    """``score`` gives the figures the reference scorer prints for ``predicted`` on ``documents`` (their
    texts and every ``.ann`` linked from ``split_dir`` into a split of their own)."""
    split = tmp_path / "split"
    for folder in ("text", "attributions"):
        (split / folder).mkdir(parents=True)
    for document in documents:
        (split / "text" / f"{document.name}.txt").symlink_to(split_dir / "text" / f"{document.name}.txt")
        for ann in (split_dir / "attributions").glob(f"{document.name}_*.ann"):
            (split / "attributions" / ann.name).symlink_to(ann)
    lines = [{"source": f"{d.name}.txt", "attributions": [
        {"spans": {"speaker": p.speaker, "cue": p.cue, "content": p.content}} for p in found]}
        for d, found in zip(documents, predicted, strict=True)]
    (tmp_path / "pred.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    reference = _reference(split, tmp_path / "pred.jsonl")
    ours = score(documents, predicted)
    assert sum(len(found) for found in predicted) == reference["pred"] > 0
    for name, theirs in (("precision", "precision"), ("speech_recall", "speech_recall"),
                         ("speech_f1", "speech_F1"), ("recall_all", "recall_all"),
                         ("cue_accuracy", "cue_acc")):
        assert round(ours[name], 3) == reference[theirs], name


def test_our_figures_agree_with_the_reference_scorer(eval_data: Path, tmp_path: Path) -> None:
    # resolved: a relative BROADSHEET_EVAL_DATA (make test's ../shared/data) would make the symlinks dangle
    dev = require((eval_data / "attribution" / "polnear" / "dev").resolve(), "PolNeAR dev")
    documents = load_split(eval_data, "dev", limit=4)
    _agrees_with_the_reference(dev, documents, broadsheet_system()([d.text for d in documents]), tmp_path)


def test_the_human_level_agrees_with_the_reference_scorer(eval_data: Path, tmp_path: Path) -> None:
    # the second annotator of the doubly annotated train articles as a system, scored against the first
    train = require((eval_data / "attribution" / "polnear" / "train").resolve(), "PolNeAR train")
    marked = load_second_annotator(eval_data)
    assert len(marked) > 1
    documents = [document for document, _ in marked]
    _agrees_with_the_reference(train, documents, [[as_predicted(g) for g in gold] for _, gold in marked],
                               tmp_path)


def test_short_run_on_polnear(eval_data: Path) -> None:
    require(eval_data / "attribution" / "polnear" / "dev", "PolNeAR dev")
    report = run(eval_data, limit=3, baselines=False)
    assert {row.system for row in report.rows} == {"broadsheet"}
    assert [row.dataset for row in report.rows] == ["polnear-dev", "polnear-unseen"]
    row = report.rows[0]
    assert row.dataset == "polnear-dev" and row.documents == 3
    assert 0.0 < row.metrics["precision"] <= 1.0
    assert row.metrics["articles_per_s"] > 0


def test_profile_names_every_component_and_the_rules(eval_data: Path) -> None:
    require(eval_data / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    row = profile_row(eval_data, limit=2)
    assert row.dataset == "basil-profile" and row.documents == 2
    assert {"tokenizer_ms", "parser_ms", "ner_ms", "rules_ms"} <= set(row.metrics)
    assert all(value > 0 for value in row.metrics.values())
