"""The archive: every fetched response, kept in WARC files (warcio) beside the store.

So that any edition can be rebuilt offline (``broadsheet ingest ARCHIVE_DIR/`` reads them back
through ``ingest.warc``), the fetcher hands every exchange to ``Archive.record``: redirects,
errors, 304s, robots.txt and feeds included. Each exchange is a ``request`` and a ``response``
record; the body is stored DECODED (the fetcher caps and decodes it), so ``Content-Encoding`` and
``Content-Length`` are dropped from the stored headers and warcio writes the true length. Two
extension headers (the WARC spec allows named extension fields) say what a record was for:

- ``Broadsheet-Role``: ``page``, ``feed``, ``robots`` (``ingest.warc`` reads only ``page``
  responses back as pages; a WARC from another tool has no role and is read as before);
- ``Broadsheet-Hints``: the feed item's title and date the page was fetched for (JSON, ASCII).
A page that never had a response of its own — a feed item's full content, or its summary kept
because the page was refused — is a ``resource`` record of type ``PAGE_TYPE`` holding the Page.

Files are ``broadsheet-<UTC time>-<pid>-<n>.warc.gz``, one gzip member per record (a crash loses
at most the record being written), a new file past ``file_bytes``. ``prune`` applies the
``keep_days`` and ``archive_max_bytes`` settings.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from broadsheet.codec import to_dict
from broadsheet.errors import StoreError
from broadsheet.ingest.fetch import Exchange
from broadsheet.ingest.warc import HINTS_HEADER, PAGE_TYPE, ROLE_HEADER
from broadsheet.model import Page
from broadsheet.timestamps import now

FILE_BYTES = 100_000_000
BUSY_SECONDS = 600  # a file written to this recently may be another process's open file
SUFFIX = ".warc.gz"
_FILE_NUMBERS = itertools.count(1)


def archive_folder(archive_dir: str, db: str) -> Path | None:
    """Where the archive of the store ``db`` lives: ``archive_dir``, else ``<db stem>-archive``
    beside the store; None for an in-memory or PostgreSQL store with no folder set (nothing is
    archived: such a store has no folder beside it)."""
    if archive_dir:
        return Path(archive_dir)
    if db == ":memory:" or db.startswith(("file:", "postgresql://", "postgres://")):
        return None
    path = Path(db)
    return path.with_name(f"{path.stem}-archive")


def _warc_date(iso: str) -> str:
    """WARC-Date form (``2024-03-02T10:00:00Z``) of a normalised instant."""
    return iso.replace("+00:00", "Z")


class Archive:
    """Writes WARC records into ``folder`` (a ``fetch.Recorder``); safe to share between threads
    (one lock around each write). Close it when done."""

    def __init__(self, folder: Path, *, file_bytes: int = FILE_BYTES) -> None:
        self.folder = folder
        self._file_bytes = file_bytes
        self._handle: IO[bytes] | None = None
        self._writer: Any = None
        self._lock = threading.Lock()
        self.written: list[Path] = []

    def record(self, exchange: Exchange) -> None:
        """Write one request and its response."""
        with self._lock:
            self._write_exchange(exchange)

    def _write_exchange(self, exchange: Exchange) -> None:
        writer = self._open()
        warc = {"WARC-Date": _warc_date(exchange.fetched_at), ROLE_HEADER: exchange.role}
        if exchange.hints:
            warc[HINTS_HEADER] = json.dumps(dict(exchange.hints), ensure_ascii=True)
        path = httpx.URL(exchange.url).raw_path.decode("ascii", "replace")
        request = StatusAndHeaders(f"GET {path} HTTP/1.1", list(exchange.request_headers.items()),
                                   is_http_request=True)
        response = StatusAndHeaders(f"{exchange.status} {exchange.reason}", list(exchange.headers),
                                    protocol="HTTP/1.1")
        for kind, headers, body in (("request", request, b""), ("response", response, exchange.body)):
            writer.write_record(writer.create_warc_record(
                exchange.url, kind, payload=io.BytesIO(body), length=len(body),
                http_headers=headers, warc_headers_dict=dict(warc)))
        self._flush()

    def record_page(self, page: Page) -> None:
        """Write a page that has no response of its own (feed content, a kept summary)."""
        with self._lock:
            self._write_page(page)

    def _write_page(self, page: Page) -> None:
        writer = self._open()
        body = json.dumps(to_dict(page), ensure_ascii=False).encode("utf-8")
        warc = {"WARC-Date": _warc_date(page.fetched_at or now()), ROLE_HEADER: "page"}
        writer.write_record(writer.create_warc_record(
            page.url or page.source, "resource", payload=io.BytesIO(body), length=len(body),
            warc_content_type=PAGE_TYPE, warc_headers_dict=warc))
        self._flush()

    def _open(self) -> Any:
        if self._handle is not None and self._handle.tell() >= self._file_bytes:
            self._close()
        if self._handle is None:
            path = self._new_file()
            self._writer = WARCWriter(self._handle, gzip=True)
            self.written.append(path)
        return self._writer

    def _new_file(self) -> Path:
        """Open a file of a name no other writer has (a second of the same process may open
        several: the counter is process-wide)."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"archive: cannot create {self.folder}: {exc}") from exc
        while True:
            path = self.folder / f"broadsheet-{stamp}-{os.getpid()}-{next(_FILE_NUMBERS)}{SUFFIX}"
            try:
                self._handle = path.open("xb")
                return path
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"archive: cannot write {path}: {exc}") from exc

    def _flush(self) -> None:
        if self._handle is not None:
            self._handle.flush()

    def close(self) -> None:
        """Close the current file (the next record opens a new one)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class PruneReport:
    """What ``prune`` did: files deleted and kept, with their sizes."""

    deleted: tuple[Path, ...]
    freed_bytes: int
    kept: int
    kept_bytes: int


def archive_files(folder: Path) -> list[Path]:
    """The archive's WARC files, oldest first (by modification time, then name)."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIX)]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def _chosen(files: Iterable[Path], *, keep_days: int, max_bytes: int, clock: float) -> list[Path]:
    """Files to delete: older than ``keep_days``, then the oldest until the rest fit ``max_bytes``.

    A file written in the last ``BUSY_SECONDS`` is never chosen: it may be open in a running fetch.
    """
    files = list(files)
    cutoff = clock - keep_days * 86400
    doomed = [p for p in files if p.stat().st_mtime < cutoff]
    rest = [p for p in files if p not in doomed]
    total = sum(p.stat().st_size for p in rest)
    for path in rest:
        if total <= max_bytes or path.stat().st_mtime > clock - BUSY_SECONDS:
            break
        doomed.append(path)
        total -= path.stat().st_size
    return doomed


def prune(folder: Path, *, keep_days: int, max_bytes: int, clock: float | None = None) -> PruneReport:
    """Delete archive files older than ``keep_days`` and the oldest beyond ``max_bytes``."""
    current = time.time() if clock is None else clock
    files = archive_files(folder)
    doomed = _chosen(files, keep_days=keep_days, max_bytes=max_bytes, clock=current)
    freed = 0
    for path in doomed:
        size = path.stat().st_size
        try:
            path.unlink()
        except OSError as exc:
            raise StoreError(f"archive: cannot delete {path}: {exc}") from exc
        freed += size
    kept = [p for p in files if p not in doomed]
    return PruneReport(tuple(doomed), freed, len(kept), sum(p.stat().st_size for p in kept))
