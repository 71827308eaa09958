"""A labelled story set's file, given to ``broadsheet cluster`` as it is, scores what the bench scores.

``broadsheet cluster FILE.jsonl`` is the interface any labelled set is scored through (issue 7): its
stdout must hold only ``{id, story}`` rows keyed by the set's own ids, every line with a headline must
get a story, and the set's dates must be read. ECB+'s file gives its ids as ``doc_id``, its dates as
``date_publish``, and 61 documents a headline with an empty text: the reference scorer beside the data
(``tools/score_clustering.py``) must score the command's output exactly as the bench scores its own run.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import load_ecbplus
from broadsheet.bench.clustering import ours
from broadsheet.cli import main
from conftest import require


def _reference_scorer(data: Path) -> object:
    path = require(data.parent / "tools" / "score_clustering.py", "the reference clustering scorer")
    spec = importlib.util.spec_from_file_location("score_clustering", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ecbplus_file_through_the_command_scores_as_the_bench(eval_data: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = require(eval_data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl", "ECB+")
    assert main(["cluster", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(set(row) == {"id", "story"} for row in rows)
    gold = {str(r["doc_id"]): str(r["subtopic"])
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}
    predicted = {row["id"]: row["story"] for row in rows}
    assert set(predicted) == set(gold)  # every document, headline-only ones too, by its own id
    theirs = _reference_scorer(eval_data).scores(gold, predicted)  # type: ignore[attr-defined]
    articles, labels = load_ecbplus(path)
    mine = score(labels, ours(articles))
    assert theirs["b3F1"] == pytest.approx(mine["bcubed_f1"], abs=0.005)
    assert theirs["pairF1"] == pytest.approx(mine["pair_f1"], abs=0.005)
