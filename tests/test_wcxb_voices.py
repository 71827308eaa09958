"""Samples G and H: voices on WCXB dev pages, judged by hand, rebuilt from the pages (``bench.voices``).

G's edition is built from the 25 WCXB news pages its judged file lists, H's from the 82 other English
article pages its file lists (only those: seconds to a minute of analysis), read from
``BROADSHEET_EVAL_DATA``; without that data the tests skip, and fail in CI. The floors are the
quality gate's (``benchmarks/floors.json``, ``wcxb-voices-G`` and ``wcxb-voices-H``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.bench.voices import WCXB_FIXTURE, WCXB_H_FIXTURE, load_judged, wcxb_voice_rows
from conftest import REPO

SAMPLES = [("G", WCXB_FIXTURE, 25), ("H", WCXB_H_FIXTURE, 82)]


def _floor(dataset: str) -> float:
    floors = json.loads((REPO / "benchmarks" / "floors.json").read_text())["attribution"]
    return next(f["floor"] for f in floors if f["dataset"] == dataset)


@pytest.mark.parametrize(("sample", "path", "pages"), SAMPLES)
def test_the_sample_is_judged_on_the_pages_it_lists(sample: str, path: Path, pages: int) -> None:
    listed = set(json.loads(path.read_text(encoding="utf-8"))["pages"])
    items = load_judged(path)
    assert len(items) == 100 and len(listed) == pages
    assert {item.sample for item in items} == {sample}
    assert {item.article_id.removeprefix("wcxb-") for item in items} <= listed


def test_h_holds_no_page_of_g() -> None:
    pages = [set(json.loads(path.read_text(encoding="utf-8"))["pages"]) for _, path, _ in SAMPLES]
    assert not pages[0] & pages[1]


@pytest.mark.parametrize(("sample", "path", "pages"), SAMPLES)
def test_the_sample_holds_its_floor(eval_data: Path, sample: str, path: Path, pages: int) -> None:
    (row,) = wcxb_voice_rows(eval_data, path)
    assert row.dataset == f"wcxb-voices-{sample}"
    assert row.metrics["share_right"] >= _floor(row.dataset), row.metrics
