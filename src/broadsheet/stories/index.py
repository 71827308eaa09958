"""The story index: every story's running representation, and an inverted index to find them.

A ``StoryState`` is what a story needs to be compared with a new article: the sums of its members'
title, lead and names vectors (its centroid, up to scale), its members' days and their MinHash
sketches. Adding an article adds its vectors; nothing is recomputed from the members. A centroid
keeps its ``MAX_TERMS`` heaviest terms per field: a long story's tail decides nothing.

Candidate stories for an article come from an inverted index, never a scan of every story: each
story is posted under each of its terms in the time *bucket* (``bucket_days`` wide) of each day it
has members, and an article reads only the buckets within the window around its own day, plus the
stories with no date at all (an undated article reads every bucket). A look-up reads at most the
newest ``POSTING_SCAN`` stories of a (term, bucket) list, and terms found in more than
``COMMON_SHARE`` of all documents are not looked up (they would fetch every story and decide
nothing). A story's retrieval score is the IDF weight it shares with the article divided by
(its number of terms) ^ ``SIZE_DAMPING``, so a story is not found merely for being long; the
``limit`` best within the window are the candidates. So the cost of adding one article depends on
how many stories share its words within its window, not on how many stories the index holds.

The index is plain in-memory state; ``store/stories.py`` saves and loads it, so ``ingest`` adds to
the stories it already has instead of rebuilding them. Pure: no I/O.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from broadsheet.stories.features import ArticleFeatures
from broadsheet.stories.sparse import Idf, Ids, Sparse, Vals, Weighted, dot

UNDATED = -1
BUCKET_DAYS = 7.0  # fixed: stored postings are keyed by it
COMMON_SHARE = 0.15
MAX_TERMS = 400
POSTING_SCAN = 300
SIZE_DAMPING = 0.75
STORY_TERMS = 30  # a story is looked up by this many of its heaviest terms per field
REWEIGH = 0.1
LOOKUP_SLACK = 0.8  # the store loads a little more than the look-ups read: the IDF moves in a batch
EXEMPLARS = 8  # a story keeps the title+lead vectors of this many members (its newest) to compare


@dataclass(frozen=True)
class Member:
    """One article of a story, as the index remembers it."""

    article_id: str
    title: str
    day: float | None
    outlet: str | None = None
    published: str | None = None
    duplicate_of: str | None = None
    roundup: bool = False
    words: int | None = None  # body words (None: stored before stories round 44, unknown)
    dates: tuple[int, ...] = ()  # days (ordinals) a long dated article's text names (``farwords``)


@dataclass(frozen=True)
class WeightedStory:
    """IDF-weighted fields of a story or an article, ``title . lead`` (for the joint norm), and
    the rarity of each title and name term: its IDF over the IDF of a term never seen (1: rare)."""

    title: Weighted
    lead: Weighted
    names: Weighted
    title_lead: float
    rare_title: Vals
    rare_names: Vals

    @property
    def all_norm(self) -> float:
        """The norm of title + lead."""
        return math.sqrt(max(0.0, self.title.norm ** 2 + self.lead.norm ** 2 + 2 * self.title_lead))


def weigh(idf: Idf, title: Sparse, lead: Sparse, names: Sparse) -> WeightedStory:
    """The IDF-weighted fields of a story or an article."""
    t, ld, n = idf.weigh(title), idf.weigh(lead), idf.weigh(names)
    ceiling = idf.ceiling()
    return WeightedStory(t, ld, n, dot(t, ld), idf.weights(title.ids) / ceiling,
                         idf.weights(names.ids) / ceiling)


def span(day: float) -> float:
    """How long a publication day may stretch: a whole day for a date given without a time of
    day (``features.day_of`` reads it as midnight UTC, a whole number), none for an instant."""
    return 1.0 if day == math.floor(day) else 0.0


def apart(one: float, other: float) -> float:
    """Days between two publication days, a date without a time read as the whole day it names:
    pages dated 9 and 10 May may be minutes apart, so they count as 0 days apart (the least the
    dates allow), and a page of 10 May 04:00 is 4 hours after one dated 9 May."""
    early, late = (one, other) if one <= other else (other, one)
    return max(0.0, late - early - span(early))


@dataclass
class StoryState:
    """A story's running representation (mutable: the index updates it as articles join)."""

    id: str
    members: list[Member] = field(default_factory=list)
    title: Sparse = field(default_factory=Sparse.empty)
    lead: Sparse = field(default_factory=Sparse.empty)
    names: Sparse = field(default_factory=Sparse.empty)
    merged_from: list[str] = field(default_factory=list)
    roundup: bool = False
    buckets: set[int] = field(default_factory=set)
    sketches: npt.NDArray[np.uint32] | None = None  # one MinHash row per member with a body
    sketch_ids: list[str] = field(default_factory=list)  # the member each row belongs to
    cache: tuple[int, int, WeightedStory] | None = None  # (documents, members, weights) when weighed
    days: list[float] = field(default_factory=list)  # the dated members' days, sorted
    undated: bool = False  # some member has no date: the story is compared with every article
    exemplars: list[tuple[tuple[float, str], Sparse]] = field(default_factory=list)
    # (order, title + lead) of the newest ``EXEMPLARS`` members, oldest first

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def vocabulary(self) -> int:
        """How many distinct terms the story holds over its three fields (at least 1)."""
        return max(1, len(self.title) + len(self.lead) + len(self.names))

    def terms(self) -> Ids:
        """Every bucket id of every field, once."""
        return np.unique(np.concatenate([self.title.ids, self.lead.ids, self.names.ids]))

    def gap(self, day: float | None) -> float | None:
        """Days from ``day`` to the nearest dated member; None when either side has no date."""
        if day is None or not self.days:
            return None
        return self.gap_from(self.days, day)

    def gap_to(self, other: StoryState) -> float | None:
        """Days between the nearest dated members of two stories; None when either has none."""
        few, many = sorted((self.days, other.days), key=len)
        if not few:
            return None
        return min(self.gap_from(many, day) for day in few)

    @staticmethod
    def gap_from(days: list[float], day: float) -> float:
        """Days from ``day`` to the nearest of ``days`` (sorted, not empty), each a date read as
        the whole day it names (``apart``). At most three are read, however many members share
        a day: of the days on or after ``day`` the first (only ``day``'s own span counts there);
        of those before it the last, and the last whole date (midnight), which is the one whose
        whole day can reach nearer (a whole date before it ends a day earlier still)."""
        at = bisect.bisect_left(days, day)
        best = apart(day, days[at]) if at < len(days) else math.inf
        if at:
            before = days[at - 1]
            best = min(best, apart(day, before))
            whole = math.floor(before)
            if whole != before and days[bisect.bisect_left(days, whole, 0, at)] == whole:
                best = min(best, apart(day, whole))
        return best

    def add(self, features: ArticleFeatures, member: Member,
            sketch: npt.NDArray[np.uint32] | None = None) -> None:
        """Fold an article's vectors into the centroid and record it as a member."""
        self.members.append(member)
        self._note_day(member.day)
        if sketch is not None:
            self._add_sketches(sketch[None, :], [member.article_id])
        self._add_vectors(features.title, features.lead, features.names)
        self._keep_exemplars([(features.order, features.title.plus(features.lead))])

    def absorb(self, other: StoryState) -> None:
        """Take over every member and the centroid of ``other`` (a merge)."""
        self.members.extend(other.members)
        for member in other.members:
            self._note_day(member.day)
        if other.sketches is not None:
            self._add_sketches(other.sketches, other.sketch_ids)
        self._add_vectors(other.title, other.lead, other.names)
        self._keep_exemplars(other.exemplars)
        self.merged_from.extend([other.id, *other.merged_from])

    def _keep_exemplars(self, added: list[tuple[tuple[float, str], Sparse]]) -> None:
        """Add members' vectors to the exemplars, keeping the newest ``EXEMPLARS`` (by
        publication order, so the same members are kept whatever order they came in)."""
        merged = sorted([*self.exemplars, *added], key=lambda e: e[0])
        self.exemplars = merged[-EXEMPLARS:]

    def _note_day(self, day: float | None) -> None:
        if day is None:
            self.undated = True
        else:
            bisect.insort(self.days, day)

    def _add_sketches(self, rows: npt.NDArray[np.uint32], ids: list[str]) -> None:
        self.sketches = rows if self.sketches is None else np.vstack([self.sketches, rows])
        self.sketch_ids.extend(ids)

    def _add_vectors(self, title: Sparse, lead: Sparse, names: Sparse) -> None:
        self.title = self.title.plus(title).top(MAX_TERMS)
        self.lead = self.lead.plus(lead).top(MAX_TERMS)
        self.names = self.names.plus(names).top(MAX_TERMS)


def heaviest(vector: Weighted, size: int) -> Weighted:
    """The ``size`` largest entries of a weighted vector (its norm kept: only look-ups use it)."""
    if len(vector.ids) <= size:
        return vector
    keep = np.sort(np.argpartition(-vector.vals, size)[:size])
    return Weighted(vector.ids[keep], vector.vals[keep], vector.norm)


class StoryIndex:
    """Stories, the document frequencies, and the inverted index over (term, time bucket).

    Internally each story has a number (its place in ``_states``); postings hold numbers, so a
    look-up adds up arrays instead of walking dictionaries. A merged story's number points at
    the survivor's state from then on.
    """

    def __init__(self, *, window_days: float, idf: Idf | None = None) -> None:
        self.window_days = window_days
        self.bucket_days = BUCKET_DAYS
        self.idf = idf or Idf()
        self.stories: dict[str, StoryState] = {}
        self.redirects: dict[str, str] = {}
        self.where: dict[str, str] = {}  # article id -> story id
        self.changed: set[str] = set()
        self.absorbed: set[str] = set()
        self._numbers: dict[str, int] = {}
        self._states: list[StoryState] = []
        self._norms = np.ones(64, dtype=np.float64)
        self._postings: dict[int, dict[int, array[int]]] = {}
        self._single: dict[int, dict[int, int]] = {}  # bucket -> {number: words} of one-member stories
        self._naming: dict[int, set[int]] = {}  # day a member's text names -> story numbers (``naming``)
        self._spans: dict[int, set[int]] = {}  # bucket -> numbers of stories of two or more whose
        # dated members span it (``spanning``)
        self._spanned: dict[int, tuple[int, int]] = {}  # number -> the buckets it is registered in
        self.new_postings: list[tuple[int, int, str]] = []  # (term, bucket, story id) to save

    # --- stories -----------------------------------------------------------------------------

    def _number(self, story: StoryState) -> int:
        number = self._numbers.get(story.id)
        if number is None:
            number = self._numbers[story.id] = len(self._states)
            self._states.append(story)
            if number >= len(self._norms):
                self._norms = np.concatenate([self._norms, np.ones(len(self._norms))])
        self._norms[number] = story.vocabulary ** SIZE_DAMPING
        return number

    def _state(self, number: int) -> StoryState:
        """The live state behind a story number (following merges)."""
        story = self._states[number]
        if story.id not in self.stories:
            story = self._states[number] = self.stories[self.resolve(story.id)]
        return story

    def weighted(self, story: StoryState) -> WeightedStory:
        """The story's fields weighted by the IDF, reused until the document count or the story's
        size grows by ``REWEIGH`` (both move a big story's centroid slowly; weighing is costly)."""
        docs, size = self.idf.docs, story.size
        cached = story.cache
        if cached is not None and docs <= cached[0] * (1 + REWEIGH) and size <= cached[1] * (1 + REWEIGH):
            return cached[2]
        weighted = weigh(self.idf, story.title, story.lead, story.names)
        story.cache = (docs, size, weighted)
        return weighted

    def bucket_of(self, day: float | None) -> int:
        return UNDATED if day is None else int(day // self.bucket_days)

    def resolve(self, story_id: str) -> str:
        """The surviving id of a story that may have been merged into another."""
        while story_id in self.redirects:
            story_id = self.redirects[story_id]
        return story_id

    def merge(self, survivor: StoryState, absorbed: StoryState) -> StoryState:
        """Fold ``absorbed`` into ``survivor``; the absorbed id redirects from now on."""
        self._grown(survivor)
        self._grown(absorbed)
        survivor.absorb(absorbed)
        for member in absorbed.members:
            self.where[member.article_id] = survivor.id
        del self.stories[absorbed.id]
        self.redirects[absorbed.id] = survivor.id
        number = self._number(survivor)
        self._norms[self._numbers[absorbed.id]] = self._norms[number]
        terms = survivor.terms()
        for b in survivor.buckets | absorbed.buckets:
            self._post(number, terms, b)
        survivor.buckets |= absorbed.buckets
        self._spread(number, survivor)
        self.changed.add(survivor.id)
        self.changed.discard(absorbed.id)
        self.absorbed.add(absorbed.id)
        return survivor

    # --- posting -----------------------------------------------------------------------------

    def put(self, story: StoryState) -> None:
        """Add a new story and post it under its terms in its buckets."""
        self._load(story)
        terms = story.terms()
        sid = story.id
        self.new_postings.extend((t, b, sid) for b in story.buckets for t in terms.tolist())

    def load(self, story: StoryState) -> None:
        """Add a story read back from the store (its postings are stored already)."""
        self._load(story)
        for member in story.members:
            self.where[member.article_id] = story.id

    def _load(self, story: StoryState) -> None:
        self.stories[story.id] = story
        number = self._number(story)
        terms = story.terms()
        for b in story.buckets:
            self._post(number, terms, b, record=False)
        if story.size == 1 and story.days:  # registered for ``singles``
            words = story.members[0].words
            for b in story.buckets:
                self._single.setdefault(b, {})[number] = -1 if words is None else words
        for member in story.members:
            self._name_days(number, member)
        self._spread(number, story)

    def _name_days(self, number: int, member: Member) -> None:
        """Register the days ``member``'s text names under the story's number (``naming``)."""
        for day in member.dates:
            self._naming.setdefault(day, set()).add(number)

    def _spread(self, number: int, story: StoryState) -> None:
        """Register a story of two or more dated members in the buckets from its first dated
        member's to its last (``spanning``); only the buckets not registered yet are added (a
        span only grows, and a merged story's number reads its survivor)."""
        if story.size < 2 or not story.days:
            return
        low, high = self.bucket_of(story.days[0]), self.bucket_of(story.days[-1])
        was = self._spanned.get(number)
        if was is not None and was[0] <= low and high <= was[1]:
            return
        known = range(0) if was is None else range(was[0], was[1] + 1)
        for b in range(low, high + 1):
            if b not in known:
                self._spans.setdefault(b, set()).add(number)
        self._spanned[number] = (low, high) if was is None else (min(low, was[0]), max(high, was[1]))

    def _grown(self, story: StoryState) -> None:
        """Before a story takes a second member or is merged: it is of one member no more."""
        number = self._numbers.get(story.id)
        if number is not None:
            for b in story.buckets:
                self._single.get(b, {}).pop(number, None)

    def _post(self, number: int, terms: Ids, b: int, *, record: bool = True) -> None:
        sid = self._states[number].id
        for term in terms.tolist():
            by_bucket = self._postings.setdefault(term, {})
            found = by_bucket.get(b)
            if found is None:
                by_bucket[b] = array("i", [number])
            elif found[-1] != number:
                found.append(number)
            else:
                continue
            if record:
                self.new_postings.append((term, b, sid))

    def index_member(self, story: StoryState, features: ArticleFeatures) -> None:
        """After ``story.add``: post the new terms, and every term under a new bucket."""
        self._grown(story)
        number = self._number(story)
        self._name_days(number, story.members[-1])  # the member ``story.add`` appended
        self._spread(number, story)
        b = self.bucket_of(features.day)
        if b not in story.buckets:
            story.buckets.add(b)
            self._post(number, story.terms(), b)
        for other in story.buckets - {b}:
            self._post(number, features.terms, other)

    # --- retrieval ---------------------------------------------------------------------------

    def lookups(self, features: ArticleFeatures, reach: float = 0.0) -> list[tuple[int, int, int]]:
        """The (term, first bucket, last bucket) ranges ``candidates`` may read for an article:
        what the store must load before the article is placed (every bucket when undated); a
        ``reach`` beyond the window widens them (``farwords``' horizon)."""
        common = self.common_idf() * LOOKUP_SLACK
        ids = features.terms[self.idf.weights(features.terms) >= common]
        if features.day is None:
            low, high = UNDATED, 1 << 30
        else:
            wide = max(self.window_days, reach)
            low = self.bucket_of(features.day - wide)
            high = self.bucket_of(features.day + wide)
        return [(term, low, high) for term in ids.tolist()]

    def _buckets(self, day: float | None) -> list[int] | None:
        """The buckets an article of ``day`` reads (None: every bucket, for an undated one)."""
        if day is None:
            return None
        low, high = self.bucket_of(day - self.window_days), self.bucket_of(day + self.window_days)
        return [UNDATED, *range(low, high + 1)]

    def candidates(self, features: ArticleFeatures, article: WeightedStory,
                   limit: int) -> list[StoryState]:
        """Up to ``limit`` stories within the window sharing the most IDF weight with the article."""
        vectors = (article.title, article.lead, article.names)
        return self._lookup(vectors, features.day, limit)

    def story_candidates(self, story: StoryState, limit: int) -> list[StoryState]:
        """Up to ``limit`` other stories within the window of ``story``'s middle day that share
        the most IDF weight with its ``STORY_TERMS`` heaviest terms per field (the merge pass)."""
        weighted = self.weighted(story)
        vectors = tuple(heaviest(v, STORY_TERMS)
                        for v in (weighted.title, weighted.lead, weighted.names))
        day = story.days[len(story.days) // 2] if story.days else None
        found = self._lookup(vectors, day, limit + 1)
        return [s for s in found if s is not story][:limit]

    def far_candidates(self, vectors: tuple[Weighted, ...], first: float, last: float,
                       reach: float, limit: int, accept: Callable[[StoryState], bool], *,
                       among: Sequence[StoryState] | None = None) -> list[StoryState]:
        """Up to ``limit`` stories that ``accept`` takes, posted in the dated buckets from
        ``reach`` days before ``first`` to ``reach`` days after ``last``, sharing the most IDF
        weight with ``vectors`` (``farwords``: stories beyond the window, within a horizon).
        ``among`` (``singles``' stories, of one member each): only these are scored, and only
        the buckets they are posted in are read; when ``accept`` takes no other story, the
        same stories in the same order as without it (a story of one member is posted under
        its own number in one bucket, so its score sums the same postings in the same order)."""
        low, high = self.bucket_of(first - reach), self.bucket_of(last + reach)
        if among is None:
            return self._lookup(vectors, first, limit, buckets=list(range(low, high + 1)),
                                accept=accept)
        buckets = sorted({b for s in among for b in s.buckets if low <= b <= high})
        numbers = np.array(sorted(self._numbers[s.id] for s in among), dtype=np.int32)
        return self._lookup(vectors, first, limit, buckets=buckets, accept=accept, among=numbers)

    def singles(self, first: float, last: float, reach: float, words: int,
                accept: Callable[[StoryState], bool]) -> list[StoryState]:
        """The live stories of one dated member of at least ``words`` body words, posted in the
        buckets ``far_candidates`` reads for ``first``, ``last`` and ``reach``, that ``accept``
        takes, by story number: the only stories a look-up for lone stories can find
        (``farwords.met``). Read from a register kept as stories are posted, grow and merge."""
        low, high = self.bucket_of(first - reach), self.bucket_of(last + reach)
        numbers = sorted(n for b in range(low, high + 1)
                         for n, w in self._single.get(b, {}).items() if w >= words)
        found = [self._state(n) for n in numbers]
        return [s for s in found if s.size == 1 and accept(s)]

    def naming(self, first: int, last: int) -> list[StoryState]:
        """The live stories one of whose members' texts names a day from ``first`` to ``last``
        (ordinals), by story number (``farpieces``: the stories that can name a day in a span)."""
        numbers: set[int] = set()
        for day in range(first, last + 1):
            numbers |= self._naming.get(day, set())
        return self._live(numbers)

    def spanning(self, low: int, high: int) -> list[StoryState]:
        """The live stories of two or more dated members whose first to last dated member
        reaches a bucket from ``low`` to ``high``, by story number (a superset after merges: a
        merged story's number reads its survivor, whose span holds the absorbed one's)."""
        numbers: set[int] = set()
        for b in range(low, high + 1):
            numbers |= self._spans.get(b, set())
        return self._live(numbers)

    def _live(self, numbers: set[int]) -> list[StoryState]:
        """The live states behind story numbers, each once, by number."""
        found: dict[str, StoryState] = {}
        for number in sorted(numbers):
            story = self._state(number)
            found.setdefault(story.id, story)
        return list(found.values())

    def posted(self, term: int, low: int, high: int, most: int) -> set[str]:
        """The live stories posted under ``term`` in the buckets ``low`` to ``high``, read until
        ``most`` are found (``farwords``: how many stories hold a name)."""
        found: set[str] = set()
        by_bucket = self._postings.get(term, {})
        for b in range(low, high + 1):
            for number in by_bucket.get(b, ()):
                found.add(self._state(number).id)
                if len(found) >= most:
                    return found
        return found

    def _lookup(self, vectors: tuple[Weighted, ...], day: float | None,
                limit: int, *, buckets: list[int] | None = None,
                accept: Callable[[StoryState], bool] | None = None,
                among: npt.NDArray[np.int32] | None = None) -> list[StoryState]:
        numbers: array[int] = array("i")  # the story numbers read, every posting list in a row
        lengths: list[int] = []
        weights: list[float] = []
        common = self.common_idf()
        if buckets is None:
            buckets = self._buckets(day)
        for vector in vectors:
            keep = self.idf.weights(vector.ids) >= common
            for term, weight in zip(vector.ids[keep].tolist(), vector.vals[keep].tolist(),
                                    strict=True):
                by_bucket = self._postings.get(term)
                if by_bucket is None:
                    continue
                for b in by_bucket if buckets is None else buckets:
                    found = by_bucket.get(b)
                    if found is not None:
                        numbers.extend(found if len(found) <= POSTING_SCAN
                                       else found[-POSTING_SCAN:])
                        lengths.append(min(len(found), POSTING_SCAN))
                        weights.append(weight)
        if not lengths:
            return []
        spread = np.repeat(np.asarray(weights), lengths)
        every = np.frombuffer(numbers, dtype=np.int32)
        if among is not None:  # only these story numbers: the others' postings are dropped
            keep = np.isin(every, among)
            every, spread = every[keep], spread[keep]
            if not len(every):
                return []
        return self._best(every, spread, day, limit, accept)

    def _best(self, every: npt.NDArray[np.int32], spread: npt.NDArray[np.float64],
              day: float | None, limit: int,
              accept: Callable[[StoryState], bool] | None = None) -> list[StoryState]:
        unique, inverse = np.unique(every, return_inverse=True)
        scores = np.bincount(inverse, weights=spread) / self._norms[unique]
        order = np.lexsort((unique, -scores))
        found: dict[str, StoryState] = {}
        for k in order.tolist():  # best first, ties by story number (the older first)
            story = self._state(int(unique[k]))
            if story.id in found or not (self.in_window(story, day) if accept is None
                                         else accept(story)):
                continue
            found[story.id] = story
            if len(found) == limit:
                break
        return list(found.values())

    def common_idf(self) -> float:
        """The IDF below which a term is too common to look up (0 while the index is small)."""
        if self.idf.docs < 50:
            return 0.0
        return math.log((self.idf.docs + 1.0) / (COMMON_SHARE * self.idf.docs + 1.0)) + 1.0

    def in_window(self, story: StoryState, day: float | None) -> bool:
        """True when the story may take an article of ``day`` (undated on either side: yes)."""
        gap = story.gap(day)
        return gap is None or story.undated or gap <= self.window_days
