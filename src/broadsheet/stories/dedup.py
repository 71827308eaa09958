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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
