"""Samples G to L: voices on WCXB dev pages, judged by hand, rebuilt from the pages (``bench.voices``).

G's edition is built from the 25 WCXB news pages its judged file lists, H's from the 82 other English
article pages its file lists, I's from the 56 more its file lists, J's from the 51 more its file lists,
K's from the 56 more its file lists, L's from the 10 more its file lists (only those: seconds to a
minute of analysis), read from ``BROADSHEET_EVAL_DATA``; without that data the tests skip, and fail in
CI. The floors are the quality gate's (``benchmarks/floors.json``, ``wcxb-voices-G`` to ``-L``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.bench.voices import (
    WCXB_FIXTURE,
    WCXB_H_FIXTURE,
    WCXB_I_FIXTURE,
    WCXB_J_FIXTURE,
    WCXB_K_FIXTURE,
    WCXB_L_FIXTURE,
    load_judged,
    wcxb_voice_rows,
)
from conftest import REPO

SAMPLES = [("G", WCXB_FIXTURE, 25), ("H", WCXB_H_FIXTURE, 82), ("I", WCXB_I_FIXTURE, 56),
           ("J", WCXB_J_FIXTURE, 51), ("K", WCXB_K_FIXTURE, 56), ("L", WCXB_L_FIXTURE, 10)]
VOICES = {"G": 100, "H": 100, "I": 60, "J": 60, "K": 60, "L": 10}


def _floor(dataset: str) -> float:
    floors = json.loads((REPO / "benchmarks" / "floors.json").read_text())["attribution"]
    return next(f["floor"] for f in floors if f["dataset"] == dataset)


@pytest.mark.parametrize(("sample", "path", "pages"), SAMPLES)
def test_the_sample_is_judged_on_the_pages_it_lists(sample: str, path: Path, pages: int) -> None:
    listed = set(json.loads(path.read_text(encoding="utf-8"))["pages"])
    items = load_judged(path)
    assert len(items) == VOICES[sample] and len(listed) == pages
    assert {item.sample for item in items} == {sample}
    assert {item.article_id.removeprefix("wcxb-") for item in items} <= listed


def test_no_two_samples_share_a_page() -> None:
    pages = [set(json.loads(path.read_text(encoding="utf-8"))["pages"]) for _, path, _ in SAMPLES]
    assert all(not pages[i] & pages[j] for i in range(len(pages)) for j in range(i + 1, len(pages)))


@pytest.mark.parametrize(("sample", "path", "pages"), SAMPLES)
def test_the_sample_holds_its_floor(eval_data: Path, sample: str, path: Path, pages: int) -> None:
    (row,) = wcxb_voice_rows(eval_data, path)
    assert row.dataset == f"wcxb-voices-{sample}"
    assert row.metrics["share_right"] >= _floor(row.dataset), row.metrics
