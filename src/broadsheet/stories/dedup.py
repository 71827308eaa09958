"""Near-duplicate articles: wire copy, syndicated or re-published text.

Two articles are near-duplicates when the Jaccard similarity of their sets of word shingles
(``SHINGLE_WORDS`` consecutive lower-cased words of the body; the title when there is no body) is
at least ``threshold``. Headlines are left out on purpose: a syndicated copy usually keeps the body
and rewrites the headline.

Candidates come from MinHash LSH (datasketch), so the cost grows with the number of articles, not
with the number of pairs. LSH misses many pairs that sit just above its own threshold, so the
index is set ``LSH_SLACK`` below ours and tuned to prefer false candidates to missed ones; each
candidate is then confirmed with the exact Jaccard of the shingle sets, so a false candidate costs
only time. Articles are visited in publication order
(undated last, ties by id): each later copy maps to the earliest original it nearly duplicates,
and chains are followed to their root, so every value of the result is an original, never itself a
key. Pure: no I/O.

The story stage reads sketches instead (``sketch``: the first ``SKETCH_WORDS`` words). A copy joins
its original's story when their Jaccard estimate reaches ``engine.DUPLICATE_THRESHOLD``; once a
batch is placed, ``copies.mark`` marks as copies the members whose text an earlier member of their
story contains (``containments``: the estimated containment of the smaller shingle set in the
other reaches ``DUPLICATE_CONTAINMENT``), so a trimmed copy or one with a paragraph added counts
once too (``bench/copies.py``, docs/quality-history.md "Near-duplicates, measured" and "...,
marked"). ``find_copies`` is the same rule on the articles of one story, a row of the bench.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from broadsheet.errors import ConfigError
from broadsheet.model import Article

SHINGLE_WORDS = 3
NUM_PERM = 128
LSH_SLACK = 0.15  # the index looks for candidates this far below ``threshold`` ...
LSH_WEIGHTS = (0.2, 0.8)  # ... and fears missed pairs more than false ones: both are re-checked
_WORD = re.compile(r"\w+")
_NO_DATE = "\uffff"


def order_key(article: Article) -> tuple[str, str]:
    """Publication order: dated articles by date, undated ones after them, ties broken by id."""
    return (article.published or _NO_DATE, article.id)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """The set of ``size``-word shingles of ``text`` (lower-cased ``\\w+`` words).

    A text shorter than ``size`` words gives one shorter shingle; a text with no word gives none.
    """
    words = _WORD.findall(text.lower())
    count = max(1, len(words) - size + 1) if words else 0
    return frozenset(" ".join(words[i : i + size]) for i in range(count))


SKETCH_PERM = 64
SKETCH_WORDS = 400
_RNG = np.random.RandomState(7)
# multiply-shift hashing (Dietzfelbinger et al.): (a * h + b) mod 2^64, top 32 bits; a odd
_TOP = np.iinfo(np.int64).max
_A = _RNG.randint(0, _TOP, size=SKETCH_PERM, dtype=np.int64).astype(np.uint64) | np.uint64(1)
_B = _RNG.randint(0, _TOP, size=SKETCH_PERM, dtype=np.int64).astype(np.uint64)
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint64)
Sketch = npt.NDArray[np.uint32]


def sketch(article: Article) -> Sketch | None:
    """A ``SKETCH_PERM``-value MinHash of the 3-word shingles of the body's first
    ``SKETCH_WORDS`` words (the title when there is no body), or None when it has no word.

    Each word is hashed once (CRC-32) and a shingle's hash mixes its three word hashes, so the
    cost is a few array operations per article. ``estimate`` compares two sketches.
    """
    found = _WORD.findall(_body(article).lower())[:SKETCH_WORDS]
    if not found:
        return None
    words = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in found), dtype=np.uint64,
                        count=len(found))
    if len(words) >= SHINGLE_WORDS:
        span = len(words) - SHINGLE_WORDS + 1
        words = sum((words[k : k + span] * _MIX[k] for k in range(SHINGLE_WORDS)),
                    start=np.zeros(span, dtype=np.uint64)) & np.uint64(0xFFFFFFFF)
    hashes = np.unique(words)
    mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return np.asarray(mixed.min(axis=0), dtype=np.uint32)


def estimate(a: Sketch, b: Sketch) -> float:
    """The MinHash estimate of the Jaccard similarity of the shingle sets behind two sketches."""
    return float(np.count_nonzero(a == b)) / len(a)


DUPLICATE_CONTAINMENT = 0.5  # copies.mark's and find_copies' bar (chosen on judged pairs: bench/copies.py)


def sizes(rows: npt.NDArray[np.uint32]) -> npt.NDArray[np.float64]:
    """The number of distinct shingles behind each sketch (the last axis), estimated from its
    minima: each of the ``k`` values is the least of ``n`` uniform 32-bit hashes, so ``(k - 1)``
    over their sum (in units of 2^32) estimates ``n`` (relative error about ``1 / sqrt(k)``)."""
    scaled = np.asarray(rows, dtype=np.float64) / 2.0**32
    return np.asarray((rows.shape[-1] - 1) / np.maximum(scaled.sum(axis=-1), 1e-12),
                      dtype=np.float64)


def containments(item: Sketch, rows: npt.NDArray[np.uint32]) -> npt.NDArray[np.float64]:
    """For each sketch row, the estimated containment of the smaller shingle set in the other,
    |A ∩ B| / min(|A|, |B|), at most 1.

    From the MinHash Jaccard estimate ``j`` and the estimated sizes: |A ∩ B| = j (|A| + |B|) / (1 + j).
    Unlike the Jaccard, a copy trimmed to its first paragraphs, or one with a paragraph added,
    keeps a containment near 1: what it keeps is the other's text.
    """
    j = np.count_nonzero(rows == item[None, :], axis=1) / len(item)
    mine, theirs = sizes(item[None, :])[0], sizes(rows)
    shared = j * (mine + theirs) / (1.0 + j)
    return np.asarray(np.minimum(1.0, shared / np.minimum(mine, theirs)), dtype=np.float64)


def container(item: Sketch, earlier: npt.NDArray[np.uint32], bar: float) -> int | None:
    """The row of ``earlier`` whose sketch contains the most of ``item``'s (``containments``),
    when that reaches ``bar``; None otherwise."""
    contained = containments(item, earlier)
    best = int(np.argmax(contained))
    return best if contained[best] >= bar else None


def find_copies(articles: Sequence[Article], *,
                containment: float = DUPLICATE_CONTAINMENT) -> dict[str, str]:
    """A candidate copy rule (measured, not the stage's) on the articles of one story: map each
    article whose sketch's estimated containment (``containments``) with an earlier one's reaches
    ``containment`` to the original of the one it is closest to (publication order, ``order_key``;
    an id seen twice counts once; an article with no word is never marked)."""
    if not 0.0 < containment <= 1.0:
        raise ConfigError(f"containment must be in (0, 1], got {containment}")
    found: dict[str, str] = {}
    ids: list[str] = []
    rows: list[Sketch] = []
    for article in sorted(articles, key=order_key):
        mine = sketch(article)
        if mine is None or article.id in ids:
            continue
        best = container(mine, np.vstack(rows), containment) if rows else None
        if best is not None:
            found[article.id] = found.get(ids[best], ids[best])
        ids.append(article.id)
        rows.append(mine)
    return found


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; two empty sets share nothing (0.0), so empty texts never match."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _body(article: Article) -> str:
    return article.text if article.text.strip() else article.title


def _minhash(grams: frozenset[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return sketch


def find_near_duplicates(articles: Sequence[Article], *, threshold: float = 0.8) -> dict[str, str]:
    """Map each near-duplicate article's id to the id of the earliest original it copies.

    ``threshold`` is the minimum Jaccard similarity of word-shingle sets (0 < threshold <= 1).
    Articles whose body has no word are never marked. Input order does not matter.
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], got {threshold}")
    index = MinHashLSH(threshold=max(0.05, threshold - LSH_SLACK), num_perm=NUM_PERM,
                       weights=LSH_WEIGHTS)
    seen: dict[str, tuple[frozenset[str], tuple[str, str]]] = {}
    found: dict[str, str] = {}
    for article in sorted(articles, key=order_key):
        grams = shingles(_body(article))
        if not grams or article.id in seen:
            continue
        sketch = _minhash(grams)
        original = _earliest_match(grams, index.query(sketch), seen, threshold)
        if original is not None:
            found[article.id] = found.get(original, original)
        seen[article.id] = (grams, order_key(article))
        index.insert(article.id, sketch)
    return found


def _earliest_match(grams: frozenset[str], candidates: list[str],
                    seen: dict[str, tuple[frozenset[str], tuple[str, str]]],
                    threshold: float) -> str | None:
    """The earliest already-seen candidate whose exact Jaccard with ``grams`` reaches ``threshold``."""
    confirmed = [c for c in candidates if jaccard(grams, seen[c][0]) >= threshold]
    return min(confirmed, key=lambda c: seen[c][1]) if confirmed else None
