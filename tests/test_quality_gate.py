"""The quality gate: our figures re-measured on the labelled data, every pinned floor held.

Floors live in ``benchmarks/floors.json`` as ``{stage: [{dataset, system, metric, floor}]}``. A change
that makes a figure drop below its floor fails here; raise a floor when a change earns it, never lower
one silently. The gate measures our system only (``baselines=False``): the baselines, printed beside
our figures, are run by ``broadsheet bench <stage>``. Each stage's table is printed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gatebench
from broadsheet.bench import BenchReport
from conftest import REPO, eval_data_dir, require

FLOORS: dict[str, list[dict[str, Any]]] = json.loads((REPO / "benchmarks" / "floors.json").read_text())
_reports: dict[str, BenchReport] = {}


def _report(stage: str, capsys: pytest.CaptureFixture[str]) -> BenchReport:
    """Run ``stage``'s benchmark once per session and show its table."""
    if stage not in _reports:
        data = require(eval_data_dir(), "evaluation data")
        _reports[stage] = gatebench.report(stage, Path(data))  # maybe run meanwhile (gatebench)
        with capsys.disabled():
            print("\n" + _reports[stage].format())
    return _reports[stage]


CASES = [pytest.param(stage, floor, id=f"{stage}:{floor['dataset']}:{floor['system']}:{floor['metric']}")
         for stage, floors in FLOORS.items() for floor in floors]


@pytest.mark.parametrize(("stage", "floor"), CASES)
def test_figure_holds_its_floor(stage: str, floor: dict[str, Any],
                                capsys: pytest.CaptureFixture[str]) -> None:
    value = _report(stage, capsys).score(floor["dataset"], floor["system"], floor["metric"])
    assert value >= floor["floor"], f"{stage} {floor}: measured {value:.3f}"
