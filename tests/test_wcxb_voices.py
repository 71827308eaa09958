"""Sample G: voices on WCXB dev news pages, judged by hand, rebuilt from the pages (``bench.voices``).

The edition is built from the 25 WCXB pages the judged file lists (only those: a few seconds of
analysis), read from ``BROADSHEET_EVAL_DATA``; without that data the test skips, and fails in CI.
The floor is the quality gate's (``benchmarks/floors.json``, ``wcxb-voices-G``).
"""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.bench.voices import WCXB_FIXTURE, load_judged, wcxb_voice_rows
from conftest import REPO


def _floor() -> float:
    floors = json.loads((REPO / "benchmarks" / "floors.json").read_text())["attribution"]
    return next(f["floor"] for f in floors if f["dataset"] == "wcxb-voices-G")


def test_sample_g_is_judged_on_the_pages_it_lists() -> None:
    listed = set(json.loads(WCXB_FIXTURE.read_text(encoding="utf-8"))["pages"])
    items = load_judged(WCXB_FIXTURE)
    assert len(items) == 100
    assert {item.article_id.removeprefix("wcxb-") for item in items} <= listed


def test_sample_g_holds_its_floor(eval_data: Path) -> None:
    (row,) = wcxb_voice_rows(eval_data)
    assert row.dataset == "wcxb-voices-G"
    assert row.metrics["share_right"] >= _floor(), row.metrics
