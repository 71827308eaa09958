"""``broadsheet bench ingest`` serves real pages from another process and measures three rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.bench import ingest
from broadsheet.settings import load_settings


@pytest.mark.slow
def test_the_ingest_bench_measures_the_pipeline_and_its_baselines(eval_data: Path) -> None:
    settings = load_settings(environ={}, config=Path("/nonexistent.toml"))
    report = ingest.run(eval_data, limit=6, settings=settings)
    systems = [row.system for row in report.rows]
    assert systems == ["broadsheet run --once", "fetch + extract", "fetch only"]
    for row in report.rows:
        assert row.documents == 6, row.system  # every page went through
        assert {"pages/s", "peak MB", "RSS@25%", "RSS@100%"} <= set(row.metrics)
    assert "stored 6 articles" in report.notes[0]
    assert "broadsheet run --once" in report.format()
