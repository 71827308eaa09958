"""process_shard on real WARCs: counts, skip on rerun, byte-identical rewrite, per-page limits."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from broadsheet.model import Page
from broadsheet.scale import work
from broadsheet.scale.output import output_path, read_marker, read_records
from broadsheet.scale.shards import Shard, plan_shards
from broadsheet.scale.work import WorkOptions, process_shard
from broadsheet.settings import Settings
from scale_data import warc_of

SETTINGS = Settings()


def _options(folder: Path, time_limit: float = 30.0) -> WorkOptions:
    return WorkOptions(str(folder), SETTINGS.model, SETTINGS.batch_size, SETTINGS.max_page_bytes,
                       time_limit)


@pytest.fixture(scope="module")
def shard(tmp_path_factory: pytest.TempPathFactory) -> Shard:
    """Three real pages, then the archive cut short inside a fourth."""
    folder = tmp_path_factory.mktemp("warcs")
    whole = warc_of(folder, "whole", 10, 4)
    cut = folder / "cut.warc"
    data = gzip.decompress(whole.read_bytes())
    cut.write_bytes(data[:len(data) - 2000])
    return plan_shards([cut])[0]


def _lines(folder: Path, name: str) -> list[object]:
    marker = read_marker(folder, name)
    assert marker is not None
    return list(read_records(folder, marker))


def test_a_shard_is_its_pages_and_their_analyses(shard: Shard, tmp_path: Path) -> None:
    result = process_shard(shard, _options(tmp_path))
    assert result.status == "done"
    assert (result.counts.docs_in, result.counts.docs_out, result.counts.rejected) == (4, 3, 1)
    records = _lines(tmp_path, shard.name)
    kinds = [type(r).__name__ for r in records]
    assert kinds == ["Page", "Analysis"] * 3 + ["Rejected"]
    assert records[-1].reason == "truncated"  # type: ignore[attr-defined]
    assert all(a.article.id == p.id for p, a in zip(records[0:6:2], records[1:6:2], strict=True))  # type: ignore[attr-defined]
    assert sum(len(a.attributions) for a in records[1:6:2]) > 0  # type: ignore[attr-defined]


def test_a_rerun_skips_and_a_rewrite_is_byte_identical(shard: Shard, tmp_path: Path) -> None:
    first = process_shard(shard, _options(tmp_path))
    written = output_path(tmp_path, shard.name)
    before, stat = written.read_bytes(), written.stat()
    again = process_shard(shard, _options(tmp_path))
    assert again.status == "skipped" and again.counts == first.counts
    assert written.stat().st_mtime_ns == stat.st_mtime_ns
    (tmp_path / f"{shard.name}.done").unlink()
    assert process_shard(shard, _options(tmp_path)).status == "done"
    assert written.read_bytes() == before


def test_a_changed_input_is_processed_again(shard: Shard, tmp_path: Path) -> None:
    process_shard(shard, _options(tmp_path))
    os.utime(shard.path, ns=(1, 1))
    assert process_shard(shard, _options(tmp_path)).status == "done"


def test_a_page_over_the_time_limit_is_a_rejection(shard: Shard, tmp_path: Path) -> None:
    result = process_shard(shard, _options(tmp_path, time_limit=1e-6))
    assert result.status == "done" and result.counts.rejected == 4 and result.counts.docs_out == 0
    reasons = [r.reason for r in _lines(tmp_path, shard.name) if type(r).__name__ == "Rejected"]  # type: ignore[attr-defined]
    assert reasons == ["timeout"] * 3 + ["truncated"]


def test_a_page_that_breaks_the_extractor_is_one_failed_document(
        shard: Shard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = work.extract
    broken: list[str] = []

    def extract(page: Page) -> object:
        if not broken:
            broken.append(page.id)
            raise RecursionError("maximum recursion depth exceeded")
        return real(page)

    monkeypatch.setattr(work, "extract", extract)
    result = process_shard(shard, _options(tmp_path))
    assert (result.counts.docs_out, result.counts.failed, result.counts.rejected) == (2, 1, 1)
    failed = next(r for r in _lines(tmp_path, shard.name) if getattr(r, "page_id", None) == broken[0])
    assert failed.reason == "extract_error" and "RecursionError" in failed.detail  # type: ignore[attr-defined]


def test_articles_in_a_language_not_analysed_get_a_note_not_an_analysis(
        shard: Shard, tmp_path: Path) -> None:
    options = WorkOptions(str(tmp_path), SETTINGS.model, SETTINGS.batch_size, SETTINGS.max_page_bytes,
                          languages="fr")
    result = process_shard(shard, options)
    assert (result.counts.docs_out, result.counts.rejected) == (0, 4)
    notes = [r for r in _lines(tmp_path, shard.name) if type(r).__name__ == "Rejected"]
    assert [n.reason for n in notes] == ["language"] * 3 + ["truncated"]  # type: ignore[attr-defined]
    assert all(n.stage == "analyze" for n in notes[:3])  # type: ignore[attr-defined]


def test_a_shard_written_by_other_extraction_or_analysis_code_is_written_again(
        shard: Shard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(work.stages_digest()) == 16
    process_shard(shard, _options(tmp_path))
    assert process_shard(shard, _options(tmp_path)).status == "skipped"
    monkeypatch.setattr(work, "stages_digest", lambda: "a retrained model")
    assert process_shard(shard, _options(tmp_path)).status == "done"
