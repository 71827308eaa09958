"""Read pages from web archives (``.warc`` / ``.warc.gz``) with warcio.

Every ``response`` record whose HTTP status is 2xx and whose content type is HTML or plain text
becomes a Page, built as a live fetch builds it (``ingest.pages.http_page``: the header's charset,
the page's same-site ``<link rel=canonical>``), identified by its canonical URL and dated by
``WARC-Date``. Other records (requests, metadata, images, redirects, ``/robots.txt``) are skipped.
broadsheet's own archive (``ingest.archive``) marks what each record was for: only ``page``
responses are read back (not feeds, robots.txt or discovery pages), with the feed item's hints they
were fetched with, and ``resource`` records holding a page made from a feed item (its full content,
or its summary kept when the page was refused) are read back as that page. So ``broadsheet ingest``
of an archive rebuilds what the fetches stored, offline. A record that cannot be decoded becomes a
``Rejected`` naming its offset; a truncated archive yields every page before the damage, then one
``Rejected`` for the rest.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from broadsheet.codec import from_dict
from broadsheet.errors import InputError, UnreadableInput
from broadsheet.ingest.pages import http_page
from broadsheet.model import Page, Rejected
from broadsheet.timestamps import normalise

_READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ROLE_HEADER = "Broadsheet-Role"  # written by ingest.archive
HINTS_HEADER = "Broadsheet-Hints"
PAGE_TYPE = "application/vnd.broadsheet.page+json"


def _is_page(record: Any) -> bool:
    role = record.rec_headers.get_header(ROLE_HEADER)
    if role not in (None, "page"):
        return False
    if record.rec_type == "resource":
        return (record.rec_headers.get_header("Content-Type") or "").startswith(PAGE_TYPE)
    if record.rec_type != "response" or record.http_headers is None:
        return False
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return (status.startswith("2") and content_type.startswith(_READABLE_TYPES)
            and urlsplit(url).path != "/robots.txt")


def _read_content(record: Any, max_bytes: int) -> bytes:
    """The record's payload; ``UnreadableInput("truncated")`` when the archive ends inside it."""
    data: bytes = record.content_stream().read(max_bytes)
    # warcio reads through a LimitReader sized by Content-Length: bytes still owed after a short read
    # mean the file ended inside this record.
    if len(data) < max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        raise UnreadableInput("the archive ends inside this record", reason="truncated")
    return data


def _record_page(record: Any, source: str, data: bytes) -> Page:
    """The page of a response record (as ``http_page`` builds it) or of a page resource."""
    if record.rec_type == "resource":
        return _stored_page(data)
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = next((p.split("=", 1)[1].strip() for p in content_type.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), None)
    try:
        hints = json.loads(record.rec_headers.get_header(HINTS_HEADER) or "{}")
        return http_page(url, data, content_type, charset, source=source,
                         fetched_at=normalise(record.rec_headers.get_header("WARC-Date")),
                         hints={k: str(v) for k, v in hints.items()} if isinstance(hints, dict) else {})
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"the record's hints are not JSON: {exc.msg}", reason="parse_error") from exc
    except InputError as exc:
        raise UnreadableInput(str(exc), reason=exc.reason) from exc


def _stored_page(data: bytes) -> Page:
    """A Page that ``Archive.record_page`` wrote as JSON."""
    try:
        return from_dict(Page, json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError, ValueError) as exc:
        raise UnreadableInput(f"the page record is not a page: {exc}", reason="parse_error") from exc


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
