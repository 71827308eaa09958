"""Count many short byte strings ("marks") in a page's bytes with one pass, not one per mark.

The page-kind signals count some forty marks in the lower-cased markup (class-name hints such as
``byline`` or ``breadcrumb``, shop words such as ``add to cart``, JSON-LD keys). ``bytes.count``
scans the whole page once per mark: on the median page that was 1.7 ms of the 2.7 ms the
signals cost. Here every position's next four bytes are read as one integer (four zero-copy
views of the buffer, interleaved), hashed (multiplicative hashing, 4,096 buckets) into a table
where the marks' first four bytes are set; the few positions that hit are sorted by their
first four bytes and checked against the whole mark. The counts are ``bytes.count``'s: it counts occurrences
that do not overlap, so for a mark whose start can overlap its own end (a prefix that is also a
suffix: "breadcrumb") an occurrence beginning inside the one before is left out; a mark shorter
than four bytes is counted by ``bytes.count`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

_QUAD = 4
_BUCKET_BITS = 12  # 4,096 buckets: a table that stays in the processor's fastest cache
_MULTIPLIER = np.uint32(2_654_435_761)  # Knuth's multiplicative hash: the top bits of q * this
_SHIFT = np.uint32(32 - _BUCKET_BITS)
Quads = npt.NDArray[np.uint32]


def _code(chunk: bytes) -> int:
    return int.from_bytes(chunk, "little")


def _bucket(code: int) -> int:
    return ((code * int(_MULTIPLIER)) & 0xFFFF_FFFF) >> int(_SHIFT)


def bordered(mark: bytes) -> bool:
    """True when a proper prefix of ``mark`` is also its suffix: two occurrences could overlap."""
    return any(mark[:k] == mark[-k:] for k in range(1, len(mark)))


def quads(data: bytes) -> Quads:
    """The four bytes starting at every position of ``data`` (but the last three), little-endian."""
    n = len(data) - _QUAD + 1
    found = np.empty(max(n, 0), dtype=np.uint32)
    for start in range(min(_QUAD, max(n, 0))):
        size = len(range(start, n, _QUAD))
        found[start::_QUAD] = np.frombuffer(data, dtype="<u4", count=size, offset=start)
    return found


@dataclass(frozen=True)
class MarkCounter:
    """Counts of a fixed set of marks in any bytes (``counts``)."""

    marks: tuple[bytes, ...]
    groups: tuple[tuple[int, tuple[bytes, ...]], ...] = field(init=False, repr=False)
    overlapping: frozenset[bytes] = field(init=False, repr=False)
    table: npt.NDArray[np.bool_] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_code: dict[int, list[bytes]] = {}
        for mark in dict.fromkeys(self.marks):
            if len(mark) >= _QUAD:
                by_code.setdefault(_code(mark[:_QUAD]), []).append(mark)
        table = np.zeros(1 << _BUCKET_BITS, dtype=np.bool_)
        table[[_bucket(code) for code in by_code]] = True
        object.__setattr__(self, "groups", tuple((c, tuple(g)) for c, g in by_code.items()))
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "overlapping", frozenset(filter(bordered, self.marks)))

    @classmethod
    def of(cls, marks: Iterable[bytes]) -> MarkCounter:
        """A counter of ``marks``."""
        return cls(tuple(marks))

    def counts(self, data: bytes) -> dict[bytes, int]:
        """How many times each mark occurs in ``data``, as ``data.count(mark)`` says."""
        found = {m: data.count(m) for m in self.marks if len(m) < _QUAD}
        every = quads(data)
        hits = np.flatnonzero(np.take(self.table, (every * _MULTIPLIER) >> _SHIFT))
        firsts = every[hits]
        for code, group in self.groups:
            starts = hits[firsts == code].tolist()
            for mark in group:
                found[mark] = _occurrences(data, mark, starts, mark in self.overlapping)
        return found


def _occurrences(data: bytes, mark: bytes, starts: list[int], overlapping: bool) -> int:
    """How many times ``mark`` occurs in ``data``, as ``bytes.count`` counts, given where its
    first four bytes are (``starts``); for a mark that can overlap itself (``overlapping``,
    ``bordered``), an occurrence that
    begins inside the one counted before it is left out, as ``bytes.count`` leaves it."""
    if len(mark) > _QUAD:
        starts = [start for start in starts if data.startswith(mark, start)]
    if len(starts) < 2 or not overlapping:
        return len(starts)
    counted, end = 0, -1
    for start in starts:
        if start >= end:
            counted, end = counted + 1, start + len(mark)
    return counted
