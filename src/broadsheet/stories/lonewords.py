"""A batch's lone long undated articles placed by a likelihood over a story's words (stories round 41).

After a batch is placed (joins, linkage, merge pass, the lone articles' neighbour vote), some
articles are still stories of one. A long document (a body of at least ``LONG`` words, the lead the
clusterer reads: a full article, not a headline with an excerpt) left alone has often been refused
by scorers that read a story's nearest members and its centroid's cosine, while its words are
plainly those of one story taken as a whole (ECB+: a report that words its event apart from each
other report of it).

The rule, after the Dirichlet multinomial mixture of GSDMM (Yin & Wang 2014) read as one step
rather than sampled: each of the article's index candidates (``StoryIndex.candidates``, at most
``CANDIDATES``) of two or more members is a bag of words, its stored title + lead sums
(``n_zw``, at most its size ``m_z``; ``n_z`` their total); an article with ``N`` distinct title +
lead buckets ``W`` goes to the candidate with the best

    log (m_z + alpha) + sum_{w in W} log (n_zw + beta) - sum_{i < N} log (n_z + V beta + i)

when that beats the article alone (the same with ``m_z`` = ``n_zw`` = ``n_z`` = 0) by ``MARGIN``
per distinct bucket; ``V`` is every bucket the index has counted, ``alpha`` = ``beta`` = 0.1 (the
paper's). Only undated articles move (on dated streams the window and the scorers already read
time, and a real day's lone pages are mostly events reported once: stories round 41). Targets are
read on the stories as the batch left them, so the order of the lone articles does not matter; a
merge is a merge like the others (``StoryIndex.merge``: the absorbed id redirects, no id changes).
The story sums hold every member, earlier batches' too, so two batches see the stories one does.

A probe, switched off (``SMALL`` 1; stories round 43, measured, not shipped): with ``SMALL`` 3 a
story of two or three members, all long undated articles of the batch, is placed the same way as
one document holding each bucket as many times as its members do (``gains``' ``times``: GSDMM's
rising products), into a larger candidate of the merge pass's look-up, with ``MARGIN`` per bucket
held (the lone rule when each is held once).

The recipe (``learn.py``) clusters with this pass off: it is not on the path ``DEFAULT_MODEL`` is
learned on. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy.special import gammaln

from broadsheet.stories.features import LEAD_WORDS
from broadsheet.stories.index import StoryState, weigh

if TYPE_CHECKING:
    from broadsheet.stories.engine import Clusterer, Incoming

LONG = LEAD_WORDS  # body words an article needs to be placed so (0: the pass is off)
MARGIN = 0.75  # log-likelihood per distinct bucket the best story must beat staying alone by
ALPHA = 0.1
BETA = 0.1
CANDIDATES = 20  # index candidates an article is scored against
SMALL = 1  # stories of up to this many long undated batch members move (1: lone articles only;
# stories round 43's probe, 3: a small story placed as one document, its members' summed counts)


@dataclass(frozen=True)
class Target:
    """A lone article (its position in the batch's publication order), the story it would go to,
    how far that beats staying alone (log-likelihood), and its distinct title + lead buckets."""

    position: int
    story: str
    gain: float
    words: int
    size: int = 1  # members of the story that moves (stories round 43's probe: up to ``SMALL``)


def gains(counts: npt.NDArray[np.float64], totals: npt.NDArray[np.float64],
          members: npt.NDArray[np.float64], words: int, vocabulary: int,
          alpha: float = ALPHA, beta: float = BETA,
          times: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.float64]:
    """For each story (``counts``: stories x the article's ``words`` distinct buckets, each
    ``n_zw``; ``totals`` each ``n_z``; ``members`` each ``m_z``), the log-likelihood of the article
    in the story less that of the article alone (module docstring). ``times``: how often the
    document holds each bucket (a small story read as one document: its members holding it),
    once each when None; ``words`` is then their sum."""
    base = vocabulary * beta
    spent = gammaln(totals + base + words) - gammaln(totals + base)
    alone = gammaln(base + words) - gammaln(base)
    if times is None:
        held = np.log1p(counts / beta).sum(axis=1)
    else:
        held = ((gammaln(counts + beta + times) - gammaln(counts + beta)).sum(axis=1)
                - (gammaln(beta + times) - gammaln(beta)).sum())
    found: npt.NDArray[np.float64] = held - spent + alone + np.log((members + alpha) / alpha)
    return found


def bag(story: StoryState, buckets: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.float64], float]:
    """The story's counts of ``buckets`` and its total: its title + lead sums, each at most its
    size (a member holds a word once)."""
    summed = story.title.plus(story.lead)
    cap = float(story.size)
    counts = np.zeros(len(buckets))
    if len(summed):
        at = np.minimum(np.searchsorted(summed.ids, buckets), len(summed.ids) - 1)
        hit = summed.ids[at] == buckets
        counts[hit] = np.minimum(summed.vals[at[hit]], cap)
    return counts, float(np.minimum(summed.vals, cap).sum())


def _movable(item: Incoming, long: int) -> bool:
    return not item.member.roundup and item.length >= long and item.features.day is None


def _small_target(engine: Clusterer, story: StoryState, members: Sequence[Incoming], n: int,
                  vocabulary: int) -> Target | None:
    """A small story of long undated batch members read as one document (stories round 43's
    probe): its buckets counted once per member holding them, scored against its index
    candidates (the merge pass's look-up) larger than it."""
    index = engine.index
    held: dict[int, int] = {}
    for member in members:
        for bucket in np.union1d(member.features.title.ids, member.features.lead.ids):
            held[int(bucket)] = held.get(int(bucket), 0) + 1
    if not held:
        return None
    hosts = [s for s in index.story_candidates(story, CANDIDATES)
             if s.size > story.size and not s.roundup and s.id != story.id]
    if not hosts:
        return None
    buckets = np.array(sorted(held), dtype=np.int32)
    times = np.array([float(held[int(b)]) for b in buckets])
    bags = [bag(host, buckets) for host in hosts]
    words = int(times.sum())
    gain = gains(np.array([b[0] for b in bags]), np.array([b[1] for b in bags]),
                 np.array([float(h.size) for h in hosts]), words, vocabulary, times=times)
    best = int(np.argmax(gain))
    return Target(n, hosts[best].id, float(gain[best]), words, story.size)


def targets(engine: Clusterer, items: Sequence[Incoming], long: int = LONG,
            up_to: int | None = None) -> list[Target]:
    """Each lone undated article of the batch with a body of at least ``long`` words, and its best
    index candidate of two or more members, with the gain (module docstring); with ``up_to`` above
    1 (``SMALL``), each story of 2 to ``up_to`` members, all of them such articles of the batch,
    too, against its candidates larger than it."""
    small = SMALL if up_to is None else up_to
    index = engine.index
    ordered = sorted(items, key=lambda i: i.features.order)
    by_id = {i.member.article_id: i for i in ordered}
    vocabulary = max(1, int(np.count_nonzero(index.idf.df)))
    found: list[Target] = []
    seen: set[str] = set()
    for n, item in enumerate(ordered):
        features = item.features
        sid = index.resolve(index.where[item.member.article_id])
        story = index.stories[sid]
        if 1 < story.size <= small and sid not in seen and not story.roundup:
            seen.add(sid)
            members = [by_id.get(m.article_id) for m in story.members]
            if all(m is not None and _movable(m, long) for m in members):
                target = _small_target(engine, story, [m for m in members if m is not None], n,
                                       vocabulary)
                if target is not None:
                    found.append(target)
            continue
        if (item.member.roundup or story.roundup or story.size != 1 or item.length < long
                or features.day is not None):
            continue
        weighted = weigh(index.idf, features.title, features.lead, features.names)
        hosts = [s for s in index.candidates(features, weighted, CANDIDATES)
                 if s.size > 1 and not s.roundup and s.id != sid]
        if not hosts:
            continue
        buckets = np.union1d(features.title.ids, features.lead.ids)
        bags = [bag(host, buckets) for host in hosts]
        gain = gains(np.array([b[0] for b in bags]), np.array([b[1] for b in bags]),
                     np.array([float(h.size) for h in hosts]), len(buckets), vocabulary)
        best = int(np.argmax(gain))
        found.append(Target(n, hosts[best].id, float(gain[best]), len(buckets)))
    return found


def absorb_lone(engine: Clusterer, items: Sequence[Incoming], long: int = LONG,
                margin: float = MARGIN, up_to: int | None = None) -> int:
    """Merge each lone long undated article's story into its best story when the gain passes
    ``margin`` per distinct bucket (module docstring); returns how many stories were absorbed.
    ``long`` 0: nothing moves."""
    if long <= 0:
        return 0
    index = engine.index
    ordered = sorted(items, key=lambda i: i.features.order)
    merged = 0
    for target in targets(engine, items, long, up_to):
        if target.gain <= margin * target.words:
            continue
        small = index.stories.get(index.resolve(index.where[ordered[target.position].member.article_id]))
        large = index.stories.get(index.resolve(target.story))
        if small is None or large is None or small is large or small.size != target.size:
            continue
        index.merge(large, small)
        engine.touched.add(large.id)
        merged += 1
    return merged
