"""Group articles about the same event into stories.

How, and why:

1. Each article becomes a TF-IDF vector (sublinear term frequency, English stop words dropped,
   l2-normalised) of its title, counted ``TITLE_WEIGHT`` times, and its lead: the first paragraphs
   up to ``LEAD_WORDS`` words (at least ``LEAD_PARAGRAPHS`` paragraphs). Headline and lead name the
   event; the rest of a long article drifts into background shared by unrelated stories. The IDF is
   fitted on the batch being clustered, so no outside vocabulary is needed.
2. Similarity is the cosine of two vectors, set to 0 when both articles carry a ``published`` date
   more than ``window_days`` apart: the same words months apart are a new event (an undated article
   is compared with every other). A pair of near-duplicates (``dedup.find_near_duplicates``) has
   similarity 1, so copies always land in one story.
3. Stories are the clusters of average-link agglomerative clustering cut at ``threshold``: two
   groups merge only while the mean similarity of all their cross pairs is at least ``threshold``.
   Unlike single link (connected components), one bridging article cannot chain two events together.
   Because an average of at least ``threshold`` needs at least one pair at least that similar, every
   cluster lies inside one connected component of the graph of pairs with similarity >= threshold:
   the graph is built from sparse blocks and the linkage runs per component, which is exact and
   keeps memory linear in the number of edges.

Determinism: articles are first put in publication order (undated last, ties by id), so the result
does not depend on input order. A story's ``id`` is ``"s"`` + 16 hex digits of SHA-256 of its first
article's id (earliest published, then smallest id): re-clustering the same articles gives the same
ids, and a story keeps its id as later articles join it. Pure: no I/O, no store access.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from broadsheet import timestamps
from broadsheet.errors import ConfigError
from broadsheet.model import Article, Story
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
    """Articles in publication order, one per id (an id names one page: its first version wins)."""
    kept: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: (*order_key(a), a.title, a.text)):
        kept.setdefault(article.id, article)
    return list(kept.values())


def story_id(first_article_id: str) -> str:
    """The stable id of the story whose first article is ``first_article_id``."""
    return "s" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:16]


def central_title(members: Sequence[Article], sims: Floats) -> str:
    """The title of the member most similar on average to the others (first one on ties)."""
    titled = [k for k, a in enumerate(members) if a.title.strip()]
    if not titled:
        return ""
    best = max(titled, key=lambda k: (float(sims[k].sum()), -k))
    return members[best].title


def make_story(members: Sequence[Article], sims: Floats, duplicates: dict[str, str]) -> Story:
    """Build the Story of ``members`` (already in publication order)."""
    ids = tuple(a.id for a in members)
    dates = sorted(a.published for a in members if a.published)
    return Story(
        id=story_id(ids[0]),
        title=central_title(members, sims),
        article_ids=ids,
        outlets=tuple(sorted({a.outlet for a in members if a.outlet})),
        duplicates=tuple((i, duplicates[i]) for i in ids if duplicates.get(i) in ids),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def cluster_articles(articles: Sequence[Article], *, threshold: float = DEFAULT_THRESHOLD,
                     window_days: int = DEFAULT_WINDOW_DAYS) -> list[Story]:
    """Group ``articles`` about the same event into stories, listed in publication order.

    ``threshold`` is the minimum average cosine similarity inside a story (0 < threshold <= 1);
    articles with dates more than ``window_days`` apart never count as similar. Every article is
    in exactly one story; input order does not change the result.
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], got {threshold}")
    ordered = _unique(articles)
    if not ordered:
        return []
    vectors, days = vectorize(ordered), day_numbers(ordered)
    duplicates = find_near_duplicates(ordered, threshold=DUPLICATE_THRESHOLD)
    position = {a.id: k for k, a in enumerate(ordered)}
    forced = [(position[c], position[o]) for c, o in duplicates.items()]
    stories = []
    for members in group(vectors, days, threshold=threshold, window_days=window_days,
                         forced=forced):
        sims = similarities(vectors[members], days[members], window_days)
        stories.append(make_story([ordered[k] for k in members], sims, duplicates))
    return stories
