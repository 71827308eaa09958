"""Read pages from local files and folders.

Supported, by file name: ``.html`` / ``.htm`` (and ``.gz`` of either), ``.txt`` (already-scraped plain
text, or a ``.txt`` that is really markup), ``.jsonl`` (one article a line, see ``records.py``) and
``.warc`` / ``.warc.gz`` (see ``warc.py``). Folders are walked recursively in sorted order; files of
other types inside a folder are skipped, while a file named explicitly that broadsheet cannot read
becomes a ``Rejected``.

Every input yields ``Page`` or ``Rejected`` values: one bad file never stops the batch.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from broadsheet.errors import InputError, UnreadableInput, UnsupportedInput
from broadsheet.identity import page_id
from broadsheet.ingest.decode import decode_document, looks_like_html
from broadsheet.ingest.records import read_jsonl
from broadsheet.ingest.warc import read_warc
from broadsheet.model import Page, Rejected
from broadsheet.timestamps import to_iso

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".txt.gz")
SUFFIXES = (*HTML_SUFFIXES, *TEXT_SUFFIXES, ".jsonl", ".warc", ".warc.gz")
DEFAULT_MAX_BYTES = 5_000_000


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named in ``paths``, folders expanded (recursively, sorted, supported types only)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and _has_suffix(p, SUFFIXES))
        else:
            yield path


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (gunzipped for ``.gz``), at most ``max_bytes`` of them."""
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read(max_bytes)
        with path.open("rb") as handle:
            return handle.read(max_bytes)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise UnreadableInput(f"the compressed file is truncated or corrupt: {exc}",
                              reason="truncated") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}",
                              reason="unreadable") from exc


def _mtime(path: Path) -> str:
    return to_iso(datetime.fromtimestamp(path.stat().st_mtime, UTC))


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """One ``.html``/``.txt`` (optionally gzipped) file as a Page; raises ``InputError``."""
    text = decode_document(_read_bytes(path, max_bytes))
    is_html = _has_suffix(path, HTML_SUFFIXES) or looks_like_html(text)
    return Page(
        id=page_id(None, text),
        source=str(path),
        kind="html" if is_html else "text",
        content=text,
        fetched_at=_mtime(path),
    )


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Rejected]:
    """Every page in the file at ``path``; failures become ``Rejected`` values."""
    try:
        if not path.exists():
            raise UnreadableInput("no such file or folder", reason="missing")
        if _has_suffix(path, (".jsonl",)):
            yield from read_jsonl(path)
        elif _has_suffix(path, (".warc", ".warc.gz")):
            yield from read_warc(path, max_bytes=max_bytes)
        elif _has_suffix(path, (*HTML_SUFFIXES, *TEXT_SUFFIXES)):
            yield read_document(path, max_bytes=max_bytes)
        else:
            raise UnsupportedInput(f"unsupported file type; broadsheet reads {', '.join(SUFFIXES)}")
    except InputError as exc:
        yield Rejected(str(path), "ingest", exc.reason, str(exc))


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
               ) -> Iterator[Page | Rejected]:
    """Every page under ``paths`` (files and folders), in a stable order."""
    for path in discover(paths):
        yield from read_file(path, max_bytes=max_bytes)
