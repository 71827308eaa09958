"""Ingest from files: every supported type, and bad inputs become rejections while the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from broadsheet.ingest import discover, read_paths
from broadsheet.ingest.decode import decode_document, looks_like_html
from broadsheet.model import Page, Rejected

HTML = b"<html><head><title>T</title></head><body><p>Some words of an article.</p></body></html>"


def _warc(pages: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        payload = io.BytesIO(HTML.replace(b"T<", f"Page {i}<".encode()))
        writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                      payload=payload, http_headers=headers))
    return buffer.getvalue()


def _kinds(items: list[Page | Rejected]) -> dict[str, str]:
    """``{file name (with :line or #offset stripped): kind or reason}``; warc records are counted."""
    out: dict[str, str] = {}
    for item in items:
        name = Path(item.source).name.split("#")[0]
        value = item.kind if isinstance(item, Page) else f"rejected:{item.reason}"
        out[name] = out[name] + "," + value if name in out else value
    return out


def test_reads_each_supported_type(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML))
    (tmp_path / "c.txt").write_text("A headline\n\nA first paragraph.\n", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"title": "T", "text": "Body.", "source": "nyt",
                                                  "date": "2019-01-02"}) + "\n", encoding="utf-8")
    (tmp_path / "e.warc.gz").write_bytes(_warc(2))
    items = list(read_paths([tmp_path]))
    assert _kinds(items) == {"a.html": "html", "b.html.gz": "html", "c.txt": "text",
                             "d.jsonl:1": "record", "e.warc.gz": "html,html"}
    record = next(i for i in items if isinstance(i, Page) and i.kind == "record")
    assert (record.title, record.outlet, record.published) == ("T", "nyt", "2019-01-02T00:00:00+00:00")
    urls = [i.url for i in items if isinstance(i, Page) and ".warc" in i.source]
    assert urls == ["https://example.com/0", "https://example.com/1"]


def test_bad_inputs_are_rejections_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Headline\n\nText of the article.", encoding="utf-8")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(HTML * 100)[:60])
    (tmp_path / "lines.jsonl").write_text('{"text": "ok"}\n{broken\n["not", "an object"]\n{"title": "x"}\n')
    (tmp_path / "cut.warc.gz").write_bytes(_warc(3)[:-40])
    (tmp_path / "none.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: resp")
    assert _kinds(list(read_paths([tmp_path]))) == {
        "good.txt": "text", "junk.html": "rejected:binary", "empty.txt": "rejected:empty",
        "cut.html.gz": "rejected:truncated", "lines.jsonl:1": "record",
        "lines.jsonl:2": "rejected:parse_error", "lines.jsonl:3": "rejected:parse_error",
        "lines.jsonl:4": "rejected:no_text", "cut.warc.gz": "html,html,rejected:truncated",
        "none.warc": "rejected:empty"}


def test_named_file_of_unknown_type_or_missing_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_paths([tmp_path / "notes.pdf", tmp_path / "nowhere.html"]))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [
        ("Rejected", "unsupported"), ("Rejected", "missing")]


def test_folders_skip_unknown_types_and_sort(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "skip.pdf", "sub/c.jsonl"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == [
        "a.html", "b.txt", "sub/c.jsonl"]


def test_same_text_under_two_names_is_one_page(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Same text.\n")
    (tmp_path / "two.txt").write_text("Same   text.")
    ids = {i.id for i in read_paths([tmp_path]) if isinstance(i, Page)}
    assert len(ids) == 1


def test_decoding_follows_declared_charset_and_cuts_huge_input() -> None:
    latin = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert "café" in decode_document(latin)
    assert "é" in decode_document("déjà vu".encode("cp1252"))
    assert len(decode_document(b"a" * 10_000, max_bytes=100)) == 100
    assert looks_like_html("<!DOCTYPE html><html>") and not looks_like_html("Plain words.\n")
