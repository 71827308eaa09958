"""Read a response body under a cap on its DECODED size: a gzip or brotli bomb stops at the cap.

httpx would decode ``Content-Encoding`` itself, but a decoder handed one 64 KB network chunk of a
gzip bomb returns ~64 MB at once (deflate expands up to ~1000:1, brotli far more). So the raw
bytes are read (``aiter_raw``) and decoded here by decoders that never produce more than the room
left under the cap (zlib's ``max_length``, brotli's ``output_buffer_limit``): memory stays within
the cap whatever the body holds. Supported codings are the ones we advertise in
``Accept-Encoding``: ``gzip``, ``deflate`` (zlib-wrapped or raw, both seen in the wild) and
``br``, and stacks of them (``Content-Encoding: gzip, br``, at most ``MAX_CODINGS``), undone in
reverse order with every layer under the same cap (a gzip bomb inside a gzip stops as early as a
plain one). A body over the cap, or a coding we did not ask for, is a ``FetchError``.
"""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli
import httpx

from broadsheet.errors import FetchError

ACCEPT_ENCODING = "gzip, deflate, br"
MAX_CODINGS = 3


class Decoder(Protocol):
    def decode(self, data: bytes, room: int) -> bytes:
        """The decoded bytes of ``data``; ``FetchError("too_large")`` past ``room`` bytes."""


def _too_large(limit: int) -> FetchError:
    return FetchError(f"the page is larger than {limit:,} bytes once decoded", reason="too_large")


def _within(out: bytes, room: int) -> bytes:
    """``out`` itself, or ``FetchError("too_large")`` when it does not fit in ``room`` bytes."""
    if len(out) > room:
        raise FetchError("over the cap", reason="too_large")
    return out


class Identity:
    """No content coding."""

    def decode(self, data: bytes, room: int) -> bytes:
        return _within(data, room)


class Inflate:
    """gzip and deflate through zlib, at most ``room + 1`` bytes out per call."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._zlib: zlib._Decompress | None = None

    def _decompressor(self, first: bytes) -> zlib._Decompress:
        if self._zlib is None:
            wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
            wbits = zlib.MAX_WBITS | 16 if self._gzip else (zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            self._zlib = zlib.decompressobj(wbits)
        return self._zlib

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            out = self._decompressor(data).decompress(data, room + 1)
        except zlib.error as exc:
            raise FetchError(f"the compressed body is corrupt: {exc}", reason="bad_encoding") from exc
        return _within(out, room)


class Brotli:
    """br through the brotli package, with its output buffer limited to the room left."""

    def __init__(self) -> None:
        self._brotli = brotli.Decompressor()

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            out: bytes = self._brotli.process(data, output_buffer_limit=room + 1)
        except brotli.error as exc:
            raise FetchError(f"the compressed body is corrupt: {exc}", reason="bad_encoding") from exc
        return _within(out, room)


class Stacked:
    """Several codings, applied in the listed order, so undone from the last: each layer's output is
    the next one's input, and each is held to the room left."""

    def __init__(self, layers: list[Decoder]) -> None:
        self._layers = layers  # innermost (the first coding applied) first

    def decode(self, data: bytes, room: int) -> bytes:
        for layer in reversed(self._layers):
            data = layer.decode(data, room)
        return data


def decoder_for(content_encoding: str | None) -> Decoder:
    """The decoder of a ``Content-Encoding`` value (one coding or a list of them); ``FetchError``
    for a coding we did not ask for or more than ``MAX_CODINGS`` of them."""
    codings = [c for c in (content_encoding or "").split(",") if c.strip().lower() not in ("", "identity")]
    if len(codings) > MAX_CODINGS:
        raise FetchError(f"the body is encoded {len(codings)} times over: refused", reason="bad_encoding")
    if len(codings) > 1:
        return Stacked([_single(coding) for coding in codings])
    return _single(codings[0] if codings else "identity")


def _single(coding_name: str) -> Decoder:
    """The decoder of one content coding."""
    coding = coding_name.strip().lower()
    if coding in ("", "identity"):
        return Identity()
    if coding in ("gzip", "x-gzip", "deflate"):
        return Inflate(gzip=coding != "deflate")
    if coding == "br":
        return Brotli()
    raise FetchError(f"the server answered in a content coding we did not ask for: {coding}",
                     reason="bad_encoding")


async def read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body of a streamed ``response``, or ``FetchError("too_large")`` past ``max_bytes``.

    A ``Content-Length`` already over the cap is refused before a byte is read.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    if response.is_stream_consumed:  # already read and decoded (what httpx.MockTransport serves)
        if len(response.content) > max_bytes:
            raise _too_large(max_bytes)
        return response.content
    decoder = decoder_for(response.headers.get("content-encoding"))
    parts: list[bytes] = []
    size = 0
    try:
        async for raw in response.aiter_raw():
            out = decoder.decode(raw, max_bytes - size)
            size += len(out)
            parts.append(out)
    except FetchError as exc:
        if exc.reason == "too_large":
            raise _too_large(max_bytes) from exc
        raise
    return b"".join(parts)
