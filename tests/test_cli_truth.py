"""Commands that tell the truth: exit codes, refusals and error lines a user can trust."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from broadsheet.cli import build_parser, main
from broadsheet.cli.commands import _settings
from broadsheet.settings import SETTINGS, settings_for


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("argv", [
    ["status"], ["search", "storm"], ["export", "articles"], ["brief"],
])
def test_commands_that_read_refuse_a_store_that_does_not_exist(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mistyped = tmp_path / "nwes.db"
    assert main([*argv, "--db", str(mistyped)]) == 6
    assert "there is no store at" in capsys.readouterr().err
    assert not mistyped.exists()


def test_ingest_of_only_bad_inputs_fails_and_of_nothing_new_succeeds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 10)
    assert main(["ingest", str(junk), "--db", db]) == 3
    assert "none of the 1 inputs could be processed" in capsys.readouterr().err
    assert main(["status", "--db", db]) == 0  # the rejection was stored all the same
    assert "binary" in capsys.readouterr().out
    record = tmp_path / "one.jsonl"
    record.write_text(json.dumps({"title": "Storm", "text": "A storm hit the coast on Monday. " * 5,
                                  "url": "https://example.com/storm"}) + "\n")
    assert main(["ingest", str(record), "--db", db]) == 0
    capsys.readouterr()
    assert main(["ingest", str(record), "--db", db]) == 0
    assert "nothing new" in capsys.readouterr().out


def test_cluster_takes_each_line_on_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        json.dumps({"id": "a", "title": "Storm floods the city centre", "text": "A storm floods streets."}),
        "{not json",
        json.dumps({"headline": "City centre flooded after storm", "body": "A storm flooded streets.",
                    "link": "https://example.com/flood?utm_source=x"}),  # ingest's aliases, no id
        json.dumps(["a list"]),
        json.dumps({"id": "c", "title": "Chess champion retires", "text": "The champion retired."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert main(["cluster", str(path)]) == 0
    out, err = capsys.readouterr()
    records = _jsonl(out)
    assert all(set(r) == {"id", "story"} for r in records)  # what a set's scorer reads, nothing else
    named = [line.split(":")[2] for line in err.splitlines() if line.startswith("rejected:")]
    assert named == ["2", "4"]
    story = {r["id"]: r["story"] for r in records}
    (flood,) = set(story) - {"a", "c"}
    assert flood.startswith("u")  # the article id rule: the canonical URL's hash
    assert story["a"] == story[flood] != story["c"]


def test_cluster_of_only_bad_lines_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n[1]\n")
    assert main(["cluster", str(path)]) == 3


def test_error_lines_never_print_raw_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad\x1b[31m.jsonl"
    path.write_bytes(b'{"title": "no text"}\n' + b"\xff\xfe\x1b[2J\x00\n")
    assert main(["extract", str(path)]) == 3
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err and "\x1b" not in captured.out
    assert "\\x1b" in captured.err


def test_every_setting_is_a_flag_where_it_applies() -> None:
    parser = build_parser()
    for setting in SETTINGS:
        assert setting.commands, f"{setting.name} applies to no command"
        for command in setting.commands:
            assert setting in settings_for(command)
            help_text = parser.parse_args([command, *_required(command)]).__dict__
            assert setting.name in help_text, (command, setting.name)


def _required(command: str) -> list[str]:
    return {"extract": ["x"], "analyze": ["x"], "cluster": ["x"], "backfill": ["x"], "export": ["articles"],
            "search": ["q"], "bench": ["extraction"], "sources": ["list"],
            "subscribers": ["list"]}.get(command, [])


def test_a_flag_is_the_top_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_MAX_STORIES", "7")
    monkeypatch.setenv("BROADSHEET_CONFIG", "/nonexistent.toml")
    args = build_parser().parse_args(["brief", "--max-stories", "2", "--out", "elsewhere"])
    settings = _settings(args)
    assert (settings.max_stories, settings.out_dir) == (2, "elsewhere")
    assert _settings(build_parser().parse_args(["brief"])).max_stories == 7


def test_a_bad_flag_value_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--max-stories", "many"]) == 2
    assert "--max-stories" in capsys.readouterr().err


def test_cluster_reads_a_labelled_sets_own_field_names(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A set's lines as they come (news-please's and the sets' own names): the output keeps the set's
    ids, so its labels score it as it is, and its dates are read (a year apart: two stories)."""
    text = "A storm flooded the streets of the city centre on Monday, and the river burst its banks. "
    lines = [
        {"article_id": 101, "title": "Storm floods the city centre", "maintext": text * 3,
         "date_publish": "2019-11-18 09:00:00"},
        {"doc_id": "d-7", "headline": "City centre flooded after storm", "body": text * 3,
         "datePublished": "2019-11-18T15:00:00Z"},
        {"article_id": 102, "title": "Storm floods the city centre", "maintext": text * 3,
         "timestamp": "1605690000"},  # 18 November 2020
        {"article_id": 103, "title": "Storm floods the city centre", "text": "",
         "date": "2019-11-18"},  # a headline alone, as headline sets give
        {"article_id": 104, "text": ""},  # nothing to read: named on stderr, no row
        {"article_id": 105, "short_description": "The world chess champion retired today.",
         "date": "2019-11-18"},  # a lead alone, no headline
        {"id": 106, "source": {"id": None, "name": "City Paper"}, "title": "Storm floods the city",
         "content": [text, text, ""], "publishedAt": "2019-11-18T10:00:00Z"},  # NewsAPI, paragraphs
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert main(["cluster", str(path)]) == 0
    story = {r["id"]: r["story"] for r in _jsonl(capsys.readouterr().out)}
    assert set(story) == {"101", "d-7", "102", "103", "105", "106"}
    assert story["101"] == story["d-7"] == story["103"] == story["106"] != story["102"]
    assert story["105"] not in (story["101"], story["102"])


def test_a_record_gives_its_fields_in_the_shapes_feeds_and_apis_use() -> None:
    """NewsAPI's nested source is read by its name, paragraphs given as a list stay paragraphs,
    and a flag or an empty value is no field."""
    from broadsheet.ingest.records import record_to_page

    page = record_to_page({"source": {"id": "cp", "name": "City Paper"}, "title": True,
                           "body": ["First paragraph.", " ", "Second paragraph."],
                           "date": "", "published_at": "2019-11-18"}, "x.jsonl:1")
    assert page.outlet == "City Paper"
    assert page.content == "First paragraph.\n\nSecond paragraph."
    assert page.title is None
    assert page.published is not None and page.published.startswith("2019-11-18")
