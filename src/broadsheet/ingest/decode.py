"""Bytes at the boundary -> text, or a clear reason why these bytes are not a document.

Used by every reader in ``ingest``: a page is decoded once, here, and every later stage sees ``str``.
Encoding: a byte-order mark, else UTF-8 when the bytes are valid UTF-8 (a page that declares
another charset but is UTF-8 is common; valid UTF-8 by chance in another encoding is not), else a
``<meta charset>`` / XML declaration in the first 2 KB, else Windows-1252 (what browsers assume).
Binary junk — many NUL bytes or control characters (over 2% of the first 8 KB) — is refused
with ``UnreadableInput(reason="binary")``; a real page with a stray NUL (a broken server, a bad
copy) is decoded and extracted.
"""

from __future__ import annotations

import codecs
import re

from broadsheet.errors import UnreadableInput

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.02
_SAMPLE = 8192


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:2048])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _declared_encoding(data)
    for encoding in filter(None, ("utf-8", declared)):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def _refuse_junk(data: bytes) -> None:
    """``UnreadableInput`` for empty input or binary data (NUL bytes outside UTF-16)."""
    if not data.strip():
        raise UnreadableInput("the input is empty", reason="empty")
    head = data[:_SAMPLE]
    if head.count(b"\x00") > _CONTROL_SHARE * len(head) and not data.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableInput("the input is binary, not text (it holds NUL bytes)", reason="binary")


def _refuse_control(text: str) -> str:
    sample = text[:_SAMPLE]
    if len(_CONTROL.findall(sample)) > _CONTROL_SHARE * len(sample):
        raise UnreadableInput("the input is binary, not text (control characters)", reason="binary")
    return text


def decode_document(data: bytes, *, max_bytes: int | None = None) -> str:
    """Decode ``data`` (cut to ``max_bytes``) or raise ``UnreadableInput`` (empty / binary)."""
    if max_bytes is not None and len(data) > max_bytes:
        data = data[:max_bytes]
    _refuse_junk(data)
    return _refuse_control(_decode(data))


def _charset_name(label: str | None) -> str | None:
    """The codec name of a charset label (``ISO-8859-1`` -> ``latin-1``), or None if unknown."""
    try:
        return codecs.lookup(label.strip().strip("\"'")).name if label else None
    except LookupError:
        return None


def _utf8(data: bytes) -> str:
    """``data`` as UTF-8, a sequence cut short at the very end dropped; UnicodeDecodeError else."""
    return codecs.getincrementaldecoder("utf-8")().decode(data, final=False)


def decode_response(data: bytes, header_charset: str | None) -> str:
    """Decode a fetched body; the charset in the HTTP header is a hint, not the truth.

    Order: a byte-order mark; UTF-8 when the bytes are valid UTF-8 (text in another encoding that
    happens to be valid UTF-8 is vanishingly rare, while servers that label UTF-8 pages
    ``ISO-8859-1`` are common); the header's charset; the document's own declaration (``<meta
    charset>``, XML declaration); Windows-1252. Binary junk is refused as in ``decode_document``.
    """
    _refuse_junk(data)
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return _refuse_control(_decode(data))
    try:
        return _refuse_control(_utf8(data))
    except UnicodeDecodeError:
        pass
    for encoding in filter(None, (_charset_name(header_charset), _declared_encoding(data))):
        try:
            return _refuse_control(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    return _refuse_control(data.decode("cp1252", errors="replace"))


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than plain text (a tag-rich start)."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(?:p|div|body|head|a|span|article|br)\b", head)) >= 3
