"""Incremental clustering: each article joins the story it most likely belongs to, or starts one.

For each article, in publication order within a batch:

1. its terms are counted in the document frequencies (the IDF is kept up to date, never refitted);
2. ``StoryIndex.candidates`` fetches the stories within its time window that share the most IDF
   weight with it (an inverted index, not a scan);
3. the learned scorer (``score.Model``) gives each candidate the probability that the article
   reports its event; the best one takes the article when that probability reaches ``Model.join``,
   else the article starts a new story, whose id is minted now from the article's id and never
   changes;
4. a near-duplicate of a member of a candidate story (MinHash estimate of shingle Jaccard at least
   ``DUPLICATE_THRESHOLD``: a wire copy) joins that story whatever the scorer says, marked as a copy
   of the member's original;
5. a roundup (``roundup.stands_alone``: "10 things you need to know", a live blog, a page of
   figures) is a story of its own, flagged, and is never posted in the index: nothing joins it
   and it joins nothing;
6. merges: when the article's story now looks like another of its candidates (the smaller story
   in the article's place, ``Model.merges``: the article scorer at ``Model.merge`` or the story-pair
   scorer at its threshold), the two become one.
   The larger survives (ties: the smaller id); the absorbed id redirects to it and is listed in the
   survivor's ``merged_from``.
7. last, each article the batch left alone votes with its nearest neighbours of the batch: a story
   holding more than half of its ``neighbours.NEIGHBOURS`` nearest articles absorbs it, a merge
   like the others (``neighbours.py``, stories round 32: short texts' outliers of large stories);
   then the batch's undated stories of caseless text (lower-cased and stripped, as Google News'
   items are) vote as a whole, their members' neighbours outside them counted together
   (``neighbours.absorb_stories``, stories round 51: the fragments of a topic).
8. then each undated article still alone whose body has at least ``lonewords.LONG`` words (a full
   article, not an excerpt) goes to the index candidate whose words explain it best, by a mixture
   likelihood (``lonewords.py``, stories round 41), when that beats staying alone by a margin;
   and each long dated one still alone, with the stored ones the batch's stories meet, goes by the
   same likelihood to a story more than the window and at most ``farwords.HORIZON`` days away
   (``farwords.py``, stories round 45), only when its text names a day inside that story's span
   and they share a rare name of the story's own (stories round 46).
9. last, copies are marked inside each story the batch touched (``copies.py``): a member whose
   text an earlier member's contains (a trimmed or lightly edited wire copy) is a copy of that
   member's original; no article moves.

A probe, switched off (``namesveto.py``, stories round 44): the merge pass refuses two stories of
two or more short items (headlines with excerpts) that each name something the other never does.

Articles are visited in publication order inside a batch (undated last, ties by a hash of the id),
so a batch gives the same stories whatever order its articles came in; with a ``Model.link`` bar
(docs/quality-history.md, stories rounds 24 and 27) a batch's undated articles are not visited one by one:
each starts a story and the stories are joined best pair first (``linkage.py``), before the merge
pass; two batches give nearly the same stories as one (the bench measures how nearly), and ids
never change. Pure: no I/O.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from broadsheet.model import Article, Entity, Story
from broadsheet.stories import copies, farpieces, farwords, linkage, lonewords, namesveto, neighbours
from broadsheet.stories.dedup import Sketch, sketch
from broadsheet.stories.features import ArticleFeatures, featurize, words
from broadsheet.stories.index import Member, StoryIndex, StoryState, WeightedStory, weigh
from broadsheet.stories.roundup import stands_alone
from broadsheet.stories.score import (
    DEFAULT_MODEL,
    FEATURES,
    Exemplars,
    Matrix,
    Model,
    Scratch,
    best_members,
    feature_matrix,
)
from broadsheet.stories.sparse import Sparse, Weighted, cosine

DEFAULT_WINDOW_DAYS = 14
CANDIDATES = 10
DUPLICATE_THRESHOLD = 0.8
COPY_SIMILARITY = 0.5
SETTLE_ROUNDS = 2
SMALL_UNDATED_PAIRS = True  # probe (stories round 40): False keeps the story-pair scorer off the
# merge pass's undated sides of fewer than ``linkage.PAIR_FROM`` members, as the linkage does


def story_id(first_article_id: str) -> str:
    """The id minted for a story started by ``first_article_id``: "s" + 16 hex digits of SHA-256."""
    return "s" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Incoming:
    """An article ready to be placed: its vectors, its sketch, and what its member row records."""

    features: ArticleFeatures
    sketch: Sketch | None
    member: Member
    length: int = 0  # words of the body (``lonewords``: only long documents move by their words)
    caseless: bool = False  # no capital letter in title + text (``neighbours.absorb_stories``)


def prepare(article: Article, entities: Sequence[Entity] = ()) -> Incoming:
    """Everything the engine needs of one article (featurising is the costly part)."""
    features = featurize(article, entities)
    length = len(article.text.split())
    dates = (farwords.named_dates(f"{article.title}\n{article.text}", features.day)
             if features.day is not None and length >= lonewords.LONG else ())
    member = Member(article.id, article.title, features.day, article.outlet,
                    published=article.published, roundup=stands_alone(article), words=length,
                    dates=dates)
    caseless = not any(c.isupper() for c in f"{article.title}{article.text}")
    return Incoming(features, sketch(article), member, length, caseless)


class Clusterer:
    """Places articles into the stories of a ``StoryIndex`` (see the module docstring)."""

    def __init__(self, index: StoryIndex, model: Model = DEFAULT_MODEL,
                 candidates: int = CANDIDATES,
                 lone_neighbours: int | None = neighbours.NEIGHBOURS,
                 lone_words: int = lonewords.LONG,
                 names_veto: int = namesveto.SHORT,
                 far_days: float = farwords.HORIZON,
                 far_pieces: bool | None = None) -> None:
        self.index = index
        self.model = model
        self.limit = candidates
        self.lone_neighbours = lone_neighbours  # None: lone articles stay alone (no vote)
        self.lone_words = lone_words  # 0: no lone long article moves by its words (``lonewords``)
        self.names_veto = names_veto  # 0: the merge pass reads no names (``namesveto``)
        self.far_days = far_days  # 0: no lone long dated article moves beyond the window (``farwords``)
        self.far_pieces = farpieces.PIECES if far_pieces is None else far_pieces  # ``farpieces``
        self.scratch = Scratch()
        self.touched: set[str] = set()  # stories an article joined or started since the last pass

    def add_all(self, items: Iterable[Incoming]) -> None:
        """Place every item, in publication order, skipping articles already placed; then the
        merge pass over the stories the batch touched (``settle``); then each article the batch
        left alone votes with its nearest neighbours of the batch (``neighbours.absorb_lone``),
        and its undated caseless stories vote as a whole (``neighbours.absorb_stories``),
        lone long articles move by their words (``lonewords``, ``farwords``) and dated pieces
        join beyond the window (``farpieces``); last, the batch's copies are marked in their
        stories (``copies.mark``)."""
        fresh: dict[str, Incoming] = {}
        for item in sorted(items, key=lambda i: i.features.order):
            if item.member.article_id not in self.index.where:
                fresh.setdefault(item.member.article_id, item)
        linked = self.model.link is not None
        undated = [i for i in fresh.values() if i.features.day is None] if linked else []
        for item in fresh.values():
            if item.features.day is not None or not linked:
                self.add(item)
        if undated:
            linkage.Linkage(self).run(undated)
        self.settle()
        if self.lone_neighbours is not None:
            neighbours.absorb_lone(self, list(fresh.values()), self.lone_neighbours)
            neighbours.absorb_stories(self, list(fresh.values()), self.lone_neighbours,
                                      neighbours.STORIES_GATE)
            if self.lone_words > 0:
                lonewords.absorb_lone(self, list(fresh.values()), self.lone_words)
                farwords.absorb_far(self, list(fresh.values()), self.lone_words, self.far_days)
                if self.far_pieces:
                    farpieces.absorb_pieces(self, list(fresh.values()), self.far_days)
            self.touched = set()
        copies.mark(self.index, fresh)

    def settle(self, rounds: int = SETTLE_ROUNDS) -> int:
        """The merge pass: each touched story (smallest first) against its index candidates,
        story to story (``Model.merges``); a pair it accepts becomes one story.
        A story a merge changed is looked at again, for at most ``rounds`` rounds. Returns how
        many stories were absorbed. Only touched stories and their candidates are read, so the
        cost follows the batch, not the index."""
        merged = 0
        for _ in range(rounds):
            queue, self.touched = self._settle_order(self.touched), set()
            for story in queue:
                if story.id in self.index.stories:
                    merged += self._settle_one(story)
            if not self.touched:
                break
        self.touched = set()
        return merged

    def _settle_order(self, ids: Iterable[str]) -> list[StoryState]:
        live = {self.index.resolve(i) for i in ids}
        stories = [self.index.stories[i] for i in live if i in self.index.stories]
        return sorted((s for s in stories if not s.roundup), key=lambda s: (s.size, s.id))

    def _settle_one(self, story: StoryState) -> int:
        others = [s for s in self.index.story_candidates(story, self.limit) if not s.roundup]
        if not others:
            return 0
        said = self.pass_merges(self.story_features(story, others), story.size)
        merged = 0
        for other, same in zip(others, said.tolist(), strict=True):
            if not same or other.id not in self.index.stories:
                continue
            if story.id not in self.index.stories:
                story = self.index.stories[self.index.resolve(story.id)]
            if other is story or (self.names_veto > 0
                                  and namesveto.refuses(story, other, self.names_veto)):
                continue
            small, large = sorted((story, other), key=lambda s: (s.size, s.id))
            story = self.index.merge(large, small)
            self.touched.add(story.id)
            merged += 1
        return merged

    def pass_merges(self, rows: Matrix, size: int) -> npt.NDArray[np.bool_]:
        """The merge pass's decision on each row of a story of ``size`` members: ``Model.merges``;
        with ``SMALL_UNDATED_PAIRS`` off (a probe, stories round 40), an undated row of a side
        smaller than ``linkage.PAIR_FROM`` is the article scorer's alone, as in the linkage."""
        said = self.model.merges(rows, size)
        if SMALL_UNDATED_PAIRS or size >= linkage.PAIR_FROM or self.model.pair is None:
            return said
        undated = rows[:, FEATURES.index("undated")] > 0
        alone = replace(self.model, pair=None).merges(rows, size)
        return np.asarray(np.where(undated, alone, said), dtype=np.bool_)

    def add(self, item: Incoming) -> StoryState:
        """Place one article; return the story it is now in."""
        index, features = self.index, item.features
        index.idf.add(features.terms)
        if item.member.roundup:
            return self._start(item, indexed=False)
        article = weigh(index.idf, features.title, features.lead, features.names)
        candidates = index.candidates(features, article, self.limit)
        if not candidates:
            return self._start(item, indexed=True)
        matrix = self.features(article, candidates, [s.gap(features.day) for s in candidates],
                               [features.title.plus(features.lead)])
        copied = self._copy_of(item, candidates, matrix[:, FEATURES.index("all")])
        if copied is not None:
            return self._join(copied[0], item, duplicate_of=copied[1])
        chances = self.model.probabilities(matrix)
        best = int(np.argmax(chances))
        if chances[best] < self.model.join:
            return self._start(item, indexed=True)
        story = self._join(candidates[best], item)
        likely = [s for p, s in zip(chances.tolist(), candidates, strict=True)
                  if s is not story and p >= self.model.join]
        return self._merge(story, likely)

    def features(self, side: WeightedStory, stories: Sequence[StoryState],
                 gaps: Sequence[float | None], members: Sequence[Sparse]) -> Matrix:
        """The feature rows of ``side`` against each of ``stories``; ``members``: the title +
        lead vectors of ``side``'s members (an article: its own) for the best-member features."""
        idf = self.index.idf
        found = Exemplars.weigh(idf, [[v for _, v in s.exemplars] for s in stories])
        return self.weighed_features(side, stories, gaps, [idf.weigh(v) for v in members], found)

    def weighed_features(self, side: WeightedStory, stories: Sequence[StoryState],
                         gaps: Sequence[float | None], members: Sequence[Weighted],
                         found: Exemplars) -> Matrix:
        """``features`` with ``side``'s members and the stories' exemplars already weighed (the
        linkage keeps them while the IDF stands still)."""
        weighted = [self.index.weighted(s) for s in stories]
        sizes = [self.model.capped(s.size) for s in stories]
        best = best_members(self.scratch, members, found)
        return feature_matrix(side, self.scratch, weighted, gaps, sizes, best)

    def story_features(self, story: StoryState, others: Sequence[StoryState]) -> Matrix:
        """The feature rows of ``story`` against each of ``others`` (the merge decisions)."""
        return self.features(self.index.weighted(story), others,
                             [story.gap_to(s) for s in others], [v for _, v in story.exemplars])

    def _copy_of(self, item: Incoming, candidates: Sequence[StoryState],
                 similar: npt.NDArray[np.float64]) -> tuple[StoryState, str] | None:
        """The candidate story holding an article this one nearly duplicates, and its original
        (only stories whose text is close at all are checked: a copy shares its whole lead)."""
        if item.sketch is None:
            return None
        for story, close in zip(candidates, similar.tolist(), strict=True):
            if story.sketches is None or close < COPY_SIMILARITY:
                continue
            agree = np.count_nonzero(story.sketches == item.sketch[None, :], axis=1)
            best = int(np.argmax(agree))
            if agree[best] >= DUPLICATE_THRESHOLD * len(item.sketch):
                copied = story.sketch_ids[best]
                original = next(m.duplicate_of for m in story.members if m.article_id == copied)
                return story, original or copied
        return None

    def _start(self, item: Incoming, *, indexed: bool) -> StoryState:
        """A new story of one article (posted in the index unless it is a roundup)."""
        story = StoryState(id=story_id(item.member.article_id), roundup=not indexed)
        story.add(item.features, item.member, item.sketch)
        if indexed:
            story.buckets.add(self.index.bucket_of(item.features.day))
        self.index.put(story)
        return self._placed(story, item.member)

    def _join(self, story: StoryState, item: Incoming, *,
              duplicate_of: str | None = None) -> StoryState:
        """Add the article to an existing story."""
        member = replace(item.member, duplicate_of=duplicate_of)
        story.add(item.features, member, item.sketch)
        self.index.index_member(story, item.features)
        return self._placed(story, member)

    def _placed(self, story: StoryState, member: Member) -> StoryState:
        self.index.where[member.article_id] = story.id
        self.index.changed.add(story.id)
        self.touched.add(story.id)
        return story

    def _merge(self, story: StoryState, others: Sequence[StoryState]) -> StoryState:
        """Merge ``story`` with each of ``others`` that the scorer says is the same event."""
        for other in others:
            if other.id not in self.index.stories or other.roundup or other is story:
                continue
            small, large = sorted((story, other), key=lambda s: (s.size, s.id))
            row = self.story_features(small, [large])
            if bool(self.model.merges(row, small.size)[0]):
                story = self.index.merge(large, small)
        return story


# --- from states to Story values -------------------------------------------------------------

def _plain(vector: Sparse) -> Weighted:
    return Weighted(vector.ids, vector.vals, float(np.sqrt(np.dot(vector.vals, vector.vals))))


def central_title(state: StoryState) -> str:
    """The title of the member whose headline is nearest the story's headline centroid."""
    titled = [m for m in state.members if m.title.strip()]
    if not titled:
        return ""
    target = _plain(state.title)
    return max(titled, key=lambda m: cosine(_title_vector(m.title), target)).title


@functools.lru_cache(maxsize=1 << 16)
def _title_vector(title: str) -> Weighted:
    """A headline's words as a plain vector, kept per headline: a story is saved after every
    batch that changes it, and its members' headlines are read again each time (round 50)."""
    return _plain(Sparse.from_terms(words(title)))


def to_story(state: StoryState) -> Story:
    """The ``Story`` value of a state: members in publication order, copies marked."""
    members = sorted(state.members, key=copies.published_order)
    dates = sorted(m.published for m in members if m.published)
    return Story(
        id=state.id,
        title=central_title(state),
        article_ids=tuple(m.article_id for m in members),
        outlets=tuple(sorted({m.outlet for m in members if m.outlet})),
        duplicates=tuple((m.article_id, m.duplicate_of) for m in members if m.duplicate_of),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        merged_from=tuple(state.merged_from),
        roundup=state.roundup,
    )


def cluster_articles(articles: Sequence[Article], *, model: Model = DEFAULT_MODEL,
                     window_days: float = DEFAULT_WINDOW_DAYS,
                     entities: dict[str, Sequence[Entity]] | None = None,
                     lone_words: int = lonewords.LONG,
                     names_veto: int = namesveto.SHORT,
                     far_days: float = farwords.HORIZON,
                     far_pieces: bool | None = None) -> list[Story]:
    """Group ``articles`` into stories with a fresh in-memory index (the ``cluster`` command).

    The same incremental algorithm as ``ingest``: articles are added in publication order. Each
    article is in exactly one story; an id seen twice counts once (its first version).
    """
    index = StoryIndex(window_days=window_days)
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    found = entities or {}
    Clusterer(index, model, lone_words=lone_words, names_veto=names_veto,
              far_days=far_days, far_pieces=far_pieces).add_all(
        prepare(a, found.get(a.id, ())) for a in seen.values())
    states = sorted(index.stories.values(), key=lambda s: min(m.article_id for m in s.members))
    return [to_story(s) for s in states]
