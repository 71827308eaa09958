"""GSDMM, a baseline of the clustering bench: the collapsed Gibbs sampler of a Dirichlet
multinomial mixture for short texts (Yin & Wang, KDD 2014, "the Movie Group Process").

Each document is one bag of words drawn from one of ``k`` clusters; the sampler visits the
documents in turn, takes each out of its cluster and draws its new cluster with the probability

    (m_z + alpha) * prod_w prod_{j<c_w} (n_zw + beta + j) / prod_{i<N_d} (n_z + V beta + i)

(``m_z`` documents, ``n_z`` words, ``n_zw`` times word ``w`` in cluster ``z``; ``c_w`` the times
``w`` is in the document, ``N_d`` its length, ``V`` the vocabulary). Clusters empty out as the
sampler runs: ``k`` is an upper bound on the number of clusters, not the number found.

Vectorised: the products are differences of log-gamma tables (``lgamma(n + beta + c) -
lgamma(n + beta)``, read at integer counts), and a document is scored against every cluster at
once from the rows of its words in a words x clusters count array. A word seen in one document
only is left out of that array: when its document is scored it has been taken out, so the word's
count is 0 in every cluster and its factor is the same for all (it still counts in ``N_d``,
``n_z`` and ``V``), which keeps the array small and the draw exact. Fixed seed; pure: no I/O.

The bench (``bench/clustering.py``) runs it with the paper's settings: ``K`` 300, ``alpha`` =
``beta`` = 0.1, 30 iterations, on the words of title + lead (``average_link.lead``) without
English stop words (Google News' items come lower-cased, stop-worded and lemmatised).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.special import gammaln

from broadsheet.model import Article

K = 300  # the paper's upper bound on the number of clusters
ALPHA = 0.1
BETA = 0.1
ITERATIONS = 30
SEED = 0

Ints = npt.NDArray[np.int64]


def bags(articles: Sequence[Article]) -> csr_matrix:
    """Word counts of title + lead, English stop words left out (documents x vocabulary)."""
    from sklearn.feature_extraction.text import CountVectorizer

    from broadsheet.bench.average_link import lead

    texts = [f"{a.title}\n{lead(a)}" for a in articles]
    try:
        return csr_matrix(CountVectorizer(stop_words="english").fit_transform(texts),
                          dtype=np.int64)
    except ValueError:  # no word in any document
        return csr_matrix((len(articles), 1), dtype=np.int64)


class Sampler:
    """The sampler's counts for documents ``counts`` (documents x vocabulary) placed in ``z``
    (see the module docstring: words seen once are kept out of the word x cluster array)."""

    def __init__(self, counts: csr_matrix, z: Ints, k: int, alpha: float, beta: float) -> None:
        counts = csr_matrix(counts, dtype=np.int64)
        documents, vocabulary = counts.shape
        shared = np.flatnonzero(np.asarray((counts > 0).sum(axis=0)).ravel() >= 2)
        column = np.full(vocabulary, -1, dtype=np.int64)
        column[shared] = np.arange(len(shared))
        self.lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
        self.words: list[Ints] = []
        self.times: list[Ints] = []
        for d in range(documents):
            span = slice(counts.indptr[d], counts.indptr[d + 1])
            ids = column[counts.indices[span]]
            self.words.append(ids[ids >= 0])
            self.times.append(counts.data[span][ids >= 0])
        self.z = z
        self.n_wz = np.zeros((len(shared), k), dtype=np.int64)  # word x cluster counts
        self.m_z = np.bincount(z, minlength=k).astype(np.int64)
        self.n_z = np.bincount(z, weights=self.lengths, minlength=k).astype(np.int64)
        for d in range(documents):
            self.n_wz[self.words[d], z[d]] += self.times[d]
        total = int(self.lengths.sum())
        longest = int(self.lengths.max()) if documents else 0
        self.word_table = gammaln(np.arange(total + 2) + beta)
        self.size_table = gammaln(np.arange(total + longest + 2) + vocabulary * beta)
        self.log_alpha = np.log(np.arange(documents + 1) + alpha)

    def move(self, d: int, cluster: int, sign: int) -> None:
        """Add (``sign`` 1) or take out (-1) document ``d`` to or from ``cluster``'s counts."""
        self.n_wz[self.words[d], cluster] += sign * self.times[d]
        self.m_z[cluster] += sign
        self.n_z[cluster] += sign * self.lengths[d]

    def scores(self, d: int) -> npt.NDArray[np.float64]:
        """The log of the probability of each cluster for document ``d``, up to a constant; ``d``
        must be out of the counts (``move(d, z[d], -1)``)."""
        w, c, n = self.words[d], self.times[d], int(self.lengths[d])
        rows = self.n_wz[w]
        found: npt.NDArray[np.float64] = (
            self.log_alpha[self.m_z] - self.size_table[self.n_z + n] + self.size_table[self.n_z]
            + (self.word_table[rows + c[:, None]] - self.word_table[rows]).sum(axis=0))
        return found


def sample(counts: csr_matrix, k: int = K, *, alpha: float = ALPHA, beta: float = BETA,
           iterations: int = ITERATIONS, seed: int = SEED, start: Sequence[int] | None = None,
           movable: Sequence[bool] | None = None) -> Ints:
    """The cluster of each document (row of ``counts``) after ``iterations`` sweeps of the
    sampler, documents in row order. ``start``: the clusters to begin from (each below ``k``;
    default uniform at random, as the paper); ``movable``: which documents are resampled
    (default all), the others stay where ``start`` put them."""
    documents = counts.shape[0]
    rng = np.random.default_rng(seed)
    z = rng.integers(0, k, documents) if start is None else np.array(start, dtype=np.int64)
    if documents == 0:
        return z
    if int(z.max()) >= k or int(z.min()) < 0:
        raise ValueError("start names a cluster outside 0..k-1")
    free = np.ones(documents, dtype=bool) if movable is None else np.asarray(movable, dtype=bool)
    state = Sampler(counts, z, k, alpha, beta)
    for _ in range(iterations):
        for d in np.flatnonzero(free).tolist():
            state.move(d, int(z[d]), -1)
            score = state.scores(d)
            cumulative = np.cumsum(np.exp(score - score.max()))
            drawn = np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right")
            z[d] = min(int(drawn), k - 1)
            state.move(d, int(z[d]), 1)
    return z


def gsdmm(articles: Sequence[Article], k: int = K, *, seed: int = SEED) -> list[int]:
    """The cluster of each article under GSDMM with the paper's settings (see the docstring)."""
    return [int(x) for x in sample(bags(articles), k, seed=seed)]
