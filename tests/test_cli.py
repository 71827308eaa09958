"""The command line: stable JSONL interfaces, the demo, errors as one line and an exit code."""

from __future__ import annotations

import email
import json
import shutil
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from broadsheet.cli import main


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_seed_prints_the_clean_article(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(seed_path), "--format", "jsonl"]) == 0
    (record,) = _jsonl(capsys.readouterr().out)
    assert set(record) == {"source", "url", "title", "text", "authors", "published", "outlet", "section",
                           "language", "is_article", "not_article", "opinion", "related"}
    assert record["title"].startswith("North Korea's Kim to visit Putin")
    assert record["text"].startswith("North Korean leader Kim Jong Un")
    assert record["text"].endswith("he's likely just to cancel the whole thing.\"")
    assert record["outlet"] == "The Week" and len(record["related"]) == 11


def test_analyze_no_extract_offsets_point_into_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ('The mayor, Jane Doe, said on Tuesday that the bridge "will reopen in May."\n'
            'Critics disagreed. "It is far too early," said John Roe, a local engineer.\n')
    path = tmp_path / "clean.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["analyze", "--no-extract", str(path)]) == 0
    (record,) = _jsonl(capsys.readouterr().out)
    assert record["text"] == text
    assert record["attributions"], record
    for attribution in record["attributions"]:
        for name in ("cue", "content"):
            start, end = attribution["spans"][name]
            assert text[start:end] == attribution[name]
    speakers = {a["speaker"] for a in record["attributions"]}
    assert "John Roe" in speakers


def test_cluster_groups_jsonl_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": "a", "title": "Storm floods the city centre", "text": "Heavy storm floods streets downtown."},
        {"id": "b", "title": "City centre flooded after storm", "text": "A storm flooded downtown streets."},
        {"id": "c", "title": "Chess champion retires", "text": "The world chess champion retired today."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["cluster", str(path), "--format", "jsonl"]) == 0
    story = {r["id"]: r["story"] for r in _jsonl(capsys.readouterr().out)}
    assert story["a"] == story["b"] != story["c"]


def test_bad_input_is_a_record_and_a_stderr_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("A headline here\n\n" + "A sentence of the article body. " * 20)
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 10)
    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    records = _jsonl(captured.out)
    assert [r.get("error", {}).get("reason") for r in records] == [None, "binary"]
    assert "junk.html: binary" in captured.err


def test_errors_are_one_line_and_an_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 3
    assert main(["bench", "extraction", "--data", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("broadsheet: error: --data: no such folder")


def test_demo_on_a_sample_folder_then_export_and_status(
        tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    sample = tmp_path / "sample"
    sample.mkdir()
    shutil.copy(seed_path, sample / "seed.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--sample", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "out/index.html" in out.replace("\\", "/") and (tmp_path / "out" / "broadsheet.db").is_file()
    letter = email.message_from_bytes((tmp_path / "out" / "email.eml").read_bytes(), policy=default)
    assert "out/email.eml" in out.replace("\\", "/") and letter["List-Unsubscribe-Post"]
    assert "Kim" in letter.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert main(["export", "attributions", "--format", "jsonl", "--db", "out/broadsheet.db"]) == 0
    speakers = {r["speaker"] for r in _jsonl(capsys.readouterr().out)}
    assert {"Steve Hall", "John Everard"} <= speakers
    assert main(["export", "articles", "--format", "csv", "--db", "out/broadsheet.db"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(("id,", "article_id,"))
    assert main(["status", "--db", "out/broadsheet.db"]) == 0
    status = capsys.readouterr().out
    assert "articles" in status
    assert main(["ingest", "--reprocess", "--db", "out/broadsheet.db"]) == 0
    assert "read 1 pages: 1 articles extracted and analysed" in capsys.readouterr().out
    assert main(["status", "--db", "out/broadsheet.db"]) == 0
    assert capsys.readouterr().out == status
