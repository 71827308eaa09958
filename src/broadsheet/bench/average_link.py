"""Baselines for the clustering bench: the batch clusterer that landed before issue 7, and plain
TF-IDF + average link with its threshold tuned on the very set it is scored on (an oracle no live
system has).

The landed system: TF-IDF of the title (twice) and lead, fitted on the batch; cosine set to 0 for
dated pairs more than ``window_days`` apart; near-duplicates forced together; average-link
clusters cut at ``threshold``. Every cluster of average link cut at ``t`` lies inside one connected
component of the graph of pairs with similarity >= t, so the linkage runs per component; the tuned
baseline builds the components once at the lowest threshold of its grid and cuts each component's
tree at every threshold, which gives the same clusters as running each threshold on its own.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from broadsheet import timestamps
from broadsheet.model import Article
from broadsheet.stories.dedup import find_near_duplicates, order_key

DEFAULT_THRESHOLD = 0.2  # tuned on basil and allsides, checked on ecbplus (bench/clustering.py)
DEFAULT_WINDOW_DAYS = 3
TITLE_WEIGHT = 2
LEAD_PARAGRAPHS = 2
LEAD_WORDS = 120
DUPLICATE_THRESHOLD = 0.8
_BLOCK = 1024

Floats = npt.NDArray[np.float64]
Indices = npt.NDArray[np.intp]


def lead(article: Article, *, paragraphs: int = LEAD_PARAGRAPHS, words: int = LEAD_WORDS) -> str:
    """The opening of the body: at least ``paragraphs`` paragraphs, more until ``words`` words."""
    taken: list[str] = []
    count = 0
    for i, paragraph in enumerate(article.paragraphs):
        if i >= paragraphs and count >= words:
            break
        taken.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(taken)


def document(article: Article) -> str:
    """The text an article is compared by: its title ``TITLE_WEIGHT`` times, then its lead."""
    return "\n".join([article.title] * TITLE_WEIGHT + [lead(article)])


def vectorize(articles: Sequence[Article]) -> csr_matrix:
    """L2-normalised TF-IDF rows, one per article, fitted on ``articles`` themselves."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", strip_accents="unicode",
                                 token_pattern=r"(?u)\b\w*[^\W\d_]\w*\b", dtype=np.float64)
    try:
        return csr_matrix(vectorizer.fit_transform([document(a) for a in articles]))
    except ValueError:  # no word at all in any article: every article stands alone
        return csr_matrix((len(articles), 1), dtype=np.float64)


def day_numbers(articles: Sequence[Article]) -> Floats:
    """Each article's publication day as a number (proleptic ordinal), NaN when unknown."""
    days = (timestamps.day(a.published) for a in articles)
    return np.array([d.toordinal() if d else np.nan for d in days], dtype=np.float64)




def _apart(days_a: Floats, days_b: Floats, window_days: int) -> npt.NDArray[np.bool_]:
    """Pairs of dated articles more than ``window_days`` apart (NaN compares False: undated)."""
    with np.errstate(invalid="ignore"):
        return np.abs(days_a[:, None] - days_b[None, :]) > window_days


def similarities(vectors: csr_matrix, days: Floats, window_days: int) -> Floats:
    """Dense cosine similarities of ``vectors``, zeroed for pairs outside the time window."""
    sims = np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)
    sims[_apart(days, days, window_days)] = 0.0
    return sims


def _blocks(vectors: csr_matrix, days: Floats, window_days: int,
            threshold: float) -> Iterator[tuple[Indices, Indices]]:
    """(row, column) index arrays of the pairs at or above ``threshold``, one row block at a time."""
    for start in range(0, vectors.shape[0], _BLOCK):
        stop = min(start + _BLOCK, vectors.shape[0])
        block = np.asarray((vectors[start:stop] @ vectors.T).toarray())
        block[_apart(days[start:stop], days, window_days)] = 0.0
        rows, cols = np.nonzero(block >= threshold)
        yield rows + start, cols


def components(vectors: csr_matrix, days: Floats, window_days: int, threshold: float,
               forced: Sequence[tuple[int, int]] = ()) -> npt.NDArray[np.int32]:
    """Connected-component label of each article in the graph of pairs >= ``threshold``."""
    pairs = list(_blocks(vectors, days, window_days, threshold))
    rows = np.concatenate([p[0] for p in pairs] + [np.array([i for i, _ in forced], dtype=int)])
    cols = np.concatenate([p[1] for p in pairs] + [np.array([j for _, j in forced], dtype=int)])
    size = vectors.shape[0]
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
    return np.asarray(connected_components(graph, directed=False)[1], dtype=np.int32)


def average_link(sims: Floats, threshold: float) -> npt.NDArray[np.int32]:
    """Flat cluster labels (1-based) of average-link clustering cut at similarity ``threshold``."""
    if len(sims) == 1:
        return np.ones(1, dtype=np.int32)
    distances = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return np.asarray(fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance"),
                      dtype=np.int32)


def _force(sims: Floats, members: Sequence[int], forced: Sequence[tuple[int, int]]) -> None:
    """Set the similarity of each forced pair (near-duplicates) inside ``members`` to 1."""
    where = {m: k for k, m in enumerate(members)}
    for i, j in forced:
        if i in where and j in where:
            sims[where[i], where[j]] = sims[where[j], where[i]] = 1.0


def group(vectors: csr_matrix, days: Floats, *, threshold: float, window_days: int,
          forced: Sequence[tuple[int, int]] = ()) -> list[list[int]]:
    """Clusters of row indices, each sorted, listed by their first index."""
    labels = components(vectors, days, window_days, threshold, forced)
    clusters: list[list[int]] = []
    for label in np.unique(labels):
        members = [int(i) for i in np.flatnonzero(labels == label)]
        sims = similarities(vectors[members], days[members], window_days)
        _force(sims, members, forced)
        sub = average_link(sims, threshold)
        clusters.extend([members[k] for k in np.flatnonzero(sub == s)] for s in np.unique(sub))
    return sorted(clusters, key=lambda c: c[0])


def _unique(articles: Sequence[Article]) -> list[Article]:
    """Articles in publication order, one per id."""
    kept: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: (*order_key(a), a.title, a.text)):
        kept.setdefault(article.id, article)
    return list(kept.values())


def landed(articles: Sequence[Article], *, threshold: float = DEFAULT_THRESHOLD,
           window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, int]:
    """The cluster number of each article id under the landed batch clusterer."""
    ordered = _unique(articles)
    if not ordered:
        return {}
    duplicates = find_near_duplicates(ordered, threshold=DUPLICATE_THRESHOLD)
    position = {a.id: k for k, a in enumerate(ordered)}
    forced = [(position[c], position[o]) for c, o in duplicates.items()]
    clusters = group(vectorize(ordered), day_numbers(ordered), threshold=threshold,
                     window_days=window_days, forced=forced)
    return {ordered[k].id: n for n, members in enumerate(clusters) for k in members}


def tuned(articles: Sequence[Article], gold: Sequence[str], grid: Sequence[float],
          scorer: Callable[[Sequence[str], Sequence[int]], float]) -> tuple[float, list[int]]:
    """Plain TF-IDF (title + text) average link, cut at the threshold of ``grid`` that scores best
    against ``gold`` on these very articles: (threshold, labels in input order)."""
    found = cuts(articles, grid)
    best = max(grid, key=lambda t: (scorer(gold, found[t]), -t))
    return best, found[best]


def cuts(articles: Sequence[Article], grid: Sequence[float]) -> dict[float, list[int]]:
    """Plain TF-IDF (title + text) average link cut at every threshold of ``grid``: the labels
    in input order for each threshold."""
    texts = [f"{a.title}\n{a.text}" for a in articles]
    try:
        vectors = csr_matrix(TfidfVectorizer(sublinear_tf=True, stop_words="english",
                                             dtype=np.float64).fit_transform(texts))
    except ValueError:
        return {t: list(range(len(articles))) for t in grid}
    undated = np.full(len(articles), np.nan)
    labels = components(vectors, undated, 0, min(grid))
    found: dict[float, list[int]] = {t: [0] * len(articles) for t in grid}
    for label in np.unique(labels):
        members = [int(i) for i in np.flatnonzero(labels == label)]
        sims = similarities(vectors[members], undated[members], 0)
        for t in grid:
            sub = average_link(sims, t)
            for k, m in enumerate(members):
                found[t][m] = int(label) * len(articles) + int(sub[k])
    return found
