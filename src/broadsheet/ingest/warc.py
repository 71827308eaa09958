"""Read pages from web archives (``.warc`` / ``.warc.gz``) with warcio.

Every ``response`` record whose HTTP status is 2xx and whose content type is HTML or plain text
becomes a Page, identified by its ``WARC-Target-URI`` (canonical URL rule in ``identity.py``) and
dated by ``WARC-Date``. Other records (requests, metadata, images, redirects) are skipped. A record
that cannot be decoded becomes a ``Rejected`` naming its offset; a truncated archive yields every page
before the damage, then one ``Rejected`` for the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from broadsheet.errors import UnreadableInput
from broadsheet.identity import page_id
from broadsheet.ingest.decode import decode_document
from broadsheet.model import Page, Rejected
from broadsheet.timestamps import normalise

_READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _is_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(_READABLE_TYPES)


def _read_content(record: Any, max_bytes: int) -> bytes:
    """The record's payload; ``UnreadableInput("truncated")`` when the archive ends inside it."""
    data: bytes = record.content_stream().read(max_bytes)
    # warcio reads through a LimitReader sized by Content-Length: bytes still owed after a short read
    # mean the file ended inside this record.
    if len(data) < max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        raise UnreadableInput("the archive ends inside this record", reason="truncated")
    return data


def _record_page(record: Any, source: str, data: bytes) -> Page:
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    text = decode_document(data)
    return Page(
        id=page_id(url, text),
        source=source,
        kind="text" if content_type.startswith("text/plain") else "html",
        content=text,
        url=url,
        fetched_at=normalise(record.rec_headers.get_header("WARC-Date")),
    )


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Page | Rejected]:
    """Every HTML or text response in the archive at ``path``."""
    found = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if not _is_page(record):
                    continue
                found += 1
                try:
                    data = _read_content(record, max_bytes)
                    source = f"{path}#{records.get_record_offset()}"  # reads to the record's end
                    yield _record_page(record, source, data)
                except UnreadableInput as exc:
                    yield Rejected(f"{path}#{records.get_record_offset()}", "ingest", exc.reason,
                                   str(exc))
    except OSError as exc:
        raise UnreadableInput(f"cannot read the archive: {exc.strerror or exc}") from exc
    # warcio raises assorted errors on damaged input (ArchiveLoadFailed, EOFError, zlib.error, and
    # AttributeError/ValueError from half-parsed headers): all mean "corrupt from here on".
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
        yield Rejected(str(path), "ingest", "truncated",
                       f"the archive is truncated or corrupt after its readable records: {exc!r}")
        return
    if not found:
        yield Rejected(str(path), "ingest", "empty", "the archive holds no HTML or text responses")
