"""The shard output format: deterministic bytes, atomic files, a marker that proves completion."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from broadsheet.errors import InputError
from broadsheet.model import Analysis, Article, Attribution, Entity, Page, Rejected
from broadsheet.scale.output import (
    InputStamp,
    ShardCounts,
    ShardWriter,
    decode,
    encode,
    is_complete,
    marker_path,
    output_path,
    read_marker,
    read_records,
    remove_leftovers,
)

PAGE = Page("u1", "/data/a.warc.gz#0", "html", "<p>Caf\u00e9 \udcff \u201cquoted\u201d</p>",
            url="https://example.org/a", fetched_at="2019-11-20T00:00:00+00:00")
ARTICLE = Article("u1", PAGE.source, "Caf\u00e9", ("\u201cWe won,\u201d said Ann Lee.",),
                  url=PAGE.url, authors=("Ann Lee",))
ANALYSIS = Analysis(ARTICLE, (Entity("Ann Lee", "PERSON", "Ann Lee", (18, 25)),),
                    (Attribution("Ann Lee", "said", "We won,", "direct", cue_span=(13, 17)),))
REJECTED = Rejected("/data/a.warc.gz#900", "ingest", "truncated", "the archive ends inside this record")
RECORDS = (PAGE, ANALYSIS, REJECTED)
CONFIG = {"model": "m", "format": 1}


def _write(folder: Path, name: str = "s-1") -> None:
    with ShardWriter(folder, name) as writer:
        for record in RECORDS:
            writer.add(record)
        writer.commit(InputStamp("/data/a.warc.gz", 10, 5), CONFIG, ShardCounts(2, 1, 1, 0))


def test_every_record_survives_a_line_even_a_lone_surrogate() -> None:
    assert [decode(encode(r)) for r in RECORDS] == list(RECORDS)
    assert encode(ANALYSIS).index(b'"article"') < encode(ANALYSIS).index(b'"attributions"')


def test_a_rewrite_is_byte_identical(tmp_path: Path) -> None:
    _write(tmp_path / "one")
    _write(tmp_path / "two")
    for path in (output_path, marker_path):
        assert path(tmp_path / "one", "s-1").read_bytes() == path(tmp_path / "two", "s-1").read_bytes()
    header = output_path(tmp_path / "one", "s-1").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0"  # gzip mtime zero: no time inside


def test_the_marker_describes_the_output(tmp_path: Path) -> None:
    _write(tmp_path)
    marker = read_marker(tmp_path, "s-1")
    assert marker is not None and marker.counts == ShardCounts(2, 1, 1, 0)
    assert list(read_records(tmp_path, marker)) == list(RECORDS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-1.done", "s-1.jsonl.gz"]


def test_an_abandoned_shard_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ShardWriter(tmp_path, "s-1") as writer:
        writer.add(PAGE)
        raise RuntimeError("the worker gave up")
    assert list(tmp_path.iterdir()) == []
    assert read_marker(tmp_path, "s-1") is None


def test_leftovers_of_a_killed_attempt_are_removed(tmp_path: Path) -> None:
    (tmp_path / "s-1.jsonl.gz.tmp-4242").write_bytes(b"half")
    (tmp_path / "s-10.jsonl.gz.tmp-4242").write_bytes(b"another shard's")
    remove_leftovers(tmp_path, "s-1")
    assert [p.name for p in tmp_path.iterdir()] == ["s-10.jsonl.gz.tmp-4242"]


def test_complete_only_for_the_same_input_and_config(tmp_path: Path) -> None:
    _write(tmp_path)
    marker = read_marker(tmp_path, "s-1")
    stamp = InputStamp("/data/a.warc.gz", 10, 5)
    assert is_complete(tmp_path, marker, stamp, CONFIG)
    assert not is_complete(tmp_path, marker, InputStamp("/data/a.warc.gz", 11, 5), CONFIG)
    assert not is_complete(tmp_path, marker, stamp, {**CONFIG, "model": "other"})
    output_path(tmp_path, "s-1").unlink()
    assert not is_complete(tmp_path, marker, stamp, CONFIG)


def test_a_damaged_output_is_refused(tmp_path: Path) -> None:
    _write(tmp_path)
    path = output_path(tmp_path, "s-1")
    path.write_bytes(gzip.compress(gzip.decompress(path.read_bytes()).replace(b"Ann", b"Bob")))
    marker = read_marker(tmp_path, "s-1")
    assert marker is not None
    with pytest.raises(InputError, match="does not match its marker"):
        list(read_records(tmp_path, marker))


def test_a_torn_marker_means_not_complete(tmp_path: Path) -> None:
    _write(tmp_path)
    marker_path(tmp_path, "s-1").write_text('{"shard": "s-1", "inp')
    assert read_marker(tmp_path, "s-1") is None
