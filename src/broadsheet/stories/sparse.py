"""Hashed sparse vectors and an IDF that is kept up to date, never refitted.

A term is hashed (CRC-32 of its UTF-8 bytes, masked to ``DIM`` buckets) instead of being looked up
in a vocabulary: a new word needs no refit, and the index state is a fixed-size array plus small
per-story vectors. Collisions in 2^20 buckets are rare enough not to matter for similarity.

A ``Sparse`` vector keeps sorted unique bucket ids and their values (float32). Story centroids are
sums of the raw (sublinear) term frequencies of their members; the IDF weighting is applied when two
vectors are compared, with the document frequencies *as they are now* (``Idf``), so a story
represented a month ago is compared with today's weights, and nothing is ever re-vectorised.
Pure: no I/O.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

DIM_BITS = 20
DIM = 1 << DIM_BITS
_MASK = DIM - 1

Ids = npt.NDArray[np.int32]
Vals = npt.NDArray[np.float32]


def bucket(term: str) -> int:
    """The stable hash bucket of ``term`` (the same on every machine and in every run)."""
    return zlib.crc32(term.encode("utf-8")) & _MASK


@dataclass(frozen=True)
class Sparse:
    """A sparse vector over hash buckets: ``ids`` sorted and unique, ``vals`` beside them."""

    ids: Ids
    vals: Vals

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    @classmethod
    def empty(cls) -> Sparse:
        return cls(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))

    @classmethod
    def from_terms(cls, terms: Iterable[str], weight: float = 1.0) -> Sparse:
        """Sublinear term frequencies (1 + log tf) of ``terms``, times ``weight``."""
        counts: Counter[int] = Counter(bucket(t) for t in terms)
        if not counts:
            return cls.empty()
        ids = np.fromiter(sorted(counts), dtype=np.int32, count=len(counts))
        vals = np.fromiter(((1.0 + math.log(counts[int(i)])) * weight for i in ids),
                           dtype=np.float32, count=len(ids))
        return cls(ids, vals)

    def plus(self, other: Sparse, scale: float = 1.0) -> Sparse:
        """``self + scale * other`` (a new vector; neither operand changes)."""
        if not len(other):
            return self
        added = other.vals * np.float32(scale)
        if not len(self):
            return Sparse(other.ids, added.astype(np.float32))
        at = np.searchsorted(self.ids, other.ids)
        hit = self.ids[np.minimum(at, len(self.ids) - 1)] == other.ids
        vals = self.vals.copy()
        vals[at[hit]] += added[hit]
        miss = ~hit
        return Sparse(np.insert(self.ids, at[miss], other.ids[miss]),
                      np.insert(vals, at[miss], added[miss]))

    def top(self, size: int) -> Sparse:
        """The ``size`` largest entries (all of them when there are fewer), ids kept sorted."""
        if len(self) <= size:
            return self
        keep = np.sort(np.argpartition(-self.vals, size)[:size])
        return Sparse(self.ids[keep], self.vals[keep])

    def to_bytes(self) -> bytes:
        """A compact serialisation (``from_bytes`` reads it back)."""
        count = np.array([len(self)], dtype=np.int32)
        return count.tobytes() + self.ids.tobytes() + self.vals.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, offset: int = 0) -> tuple[Sparse, int]:
        """The vector serialised at ``offset`` of ``data``, and the offset just after it."""
        count = int(np.frombuffer(data, dtype=np.int32, count=1, offset=offset)[0])
        start = offset + 4
        ids = np.frombuffer(data, dtype=np.int32, count=count, offset=start).copy()
        vals = np.frombuffer(data, dtype=np.float32, count=count, offset=start + 4 * count).copy()
        return cls(ids, vals), start + 8 * count


class Idf:
    """Document frequencies over hash buckets, updated as documents arrive.

    ``idf(t) = ln((N + 1) / (df(t) + 1)) + 1`` (the smoothed form scikit-learn uses), with ``N`` the
    number of documents counted so far.
    """

    def __init__(self, df: npt.NDArray[np.uint32] | None = None, docs: int = 0) -> None:
        self.df = df if df is not None else np.zeros(DIM, dtype=np.uint32)
        self.docs = docs

    def add(self, ids: Ids) -> None:
        """Count one more document containing the buckets ``ids`` (unique)."""
        self.df[ids] += np.uint32(1)
        self.docs += 1

    def weights(self, ids: Ids) -> Vals:
        """The IDF of each bucket in ``ids``."""
        ratio = (self.docs + 1.0) / (self.df[ids].astype(np.float32) + 1.0)
        return np.asarray(np.log(ratio) + 1.0, dtype=np.float32)

    def ceiling(self) -> float:
        """The IDF of a term no document has had yet (the highest there is now)."""
        return math.log(self.docs + 1.0) + 1.0

    def weigh(self, vector: Sparse) -> Weighted:
        """``vector`` times the current IDF, with its norm."""
        vals = vector.vals * self.weights(vector.ids)
        return Weighted(vector.ids, vals, float(np.sqrt(np.dot(vals, vals))))

    def to_bytes(self) -> bytes:
        """The frequencies, compressed (they are mostly zero)."""
        return zlib.compress(np.array([self.docs], dtype=np.int64).tobytes() + self.df.tobytes(), 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> Idf:
        raw = zlib.decompress(data)
        docs = int(np.frombuffer(raw, dtype=np.int64, count=1)[0])
        df = np.frombuffer(raw, dtype=np.uint32, offset=8).copy()
        return cls(df, docs)


@dataclass(frozen=True)
class Weighted:
    """An IDF-weighted vector and its Euclidean norm, ready for cosines."""

    ids: Ids
    vals: Vals
    norm: float


def dot(a: Weighted, b: Weighted) -> float:
    """The dot product of two weighted vectors."""
    if not a.norm or not b.norm:
        return 0.0
    small, large = (a, b) if len(a.ids) <= len(b.ids) else (b, a)
    at = np.searchsorted(large.ids, small.ids)
    at[at == len(large.ids)] = 0
    hit = large.ids[at] == small.ids
    return float(np.dot(small.vals[hit], large.vals[at[hit]]))


def cosine(a: Weighted, b: Weighted) -> float:
    """The cosine of two weighted vectors (0 when either is empty)."""
    return dot(a, b) / (a.norm * b.norm) if a.norm and b.norm else 0.0
