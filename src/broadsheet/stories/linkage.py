"""Centroid linkage of a batch's undated articles (stories rounds 24, 27; on: ``Model.link``).

Undated articles have no publication order, so placing them one after another makes the stories
depend on the hash order they are visited in. Here every undated article of a batch first starts a
story of its own (its id minted from the article's id, as ``Clusterer.add`` would); then, best pair
first, two stories whose score reaches the bar become one (``StoryIndex.merge``: the larger
survives, the absorbed id redirects and is recorded in ``merged_from``). Each pair is scored with
the smaller story as the side against the larger (``Clusterer.story_features``): by the article
scorer at ``Model.link`` (a bar of its own, which the recipe chooses on undated stories), or, when
the smaller side has at least ``PAIR_FROM`` members, by the story-pair scorer at its threshold.
Stories stored before the batch take part as they are, but two of them are never joined (that is
the merge pass's decision). The cost follows the batch: a story is scored against its own index
candidates only (``story_candidates``), once when it starts and once each time it grows; the pairs
wait in a heap, stale ones skipped by a version count. The IDF stands still during the linkage, so
a pair's chance is kept until one of its stories grows (the same pair is met from both sides), and
a story's weighed exemplars until it grows. Last, an article that nearly duplicates a member placed
before it in its story is marked as a copy of that member's original, as ``Clusterer.add`` marks
it.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from broadsheet.stories.index import StoryState
from broadsheet.stories.score import Exemplars
from broadsheet.stories.sparse import Weighted

if TYPE_CHECKING:
    from broadsheet.stories.engine import Clusterer, Incoming

PAIR_FROM = 3  # the smallest side (members) whose pairs the story-pair scorer decides


class Linkage:
    """One batch's linkage over the clusterer's index (see the module docstring)."""

    def __init__(self, engine: Clusterer) -> None:
        self.engine = engine
        self.index = engine.index
        self.fixed = set(self.index.stories)  # stored before the batch: two are never joined
        self.version: dict[str, int] = {}
        self.heap: list[tuple[float, str, str, int, int]] = []
        self.partners: dict[str, set[str]] = {}  # the stories each has a queued pair with
        self.known: dict[tuple[str, str, int, int], float | None] = {}  # chances, by versions
        self.weighed: dict[str, tuple[list[Weighted], Exemplars]] = {}  # until the story grows

    def run(self, items: Sequence[Incoming]) -> int:
        """Start a story for each item, then join pairs best first; returns the joins made."""
        started = []
        for item in items:
            self.index.idf.add(item.features.terms)
        for item in items:
            story = self.engine._start(item, indexed=not item.member.roundup)
            if not story.roundup:
                started.append(story)
        met: set[str] = set()
        for story in sorted(started, key=lambda s: s.id):
            met |= self.visit(story) & self.fixed
        for sid in sorted(met):  # a stored story meets the batch from its side too
            self.visit(self.index.stories[sid])
        joins = self._drain()
        self._mark_copies(items)
        return joins

    def _mark_copies(self, items: Sequence[Incoming]) -> None:
        """Mark each item that nearly duplicates a member placed before it (stored, or earlier
        in the batch's order) as a copy of that member's original, as ``add`` would."""
        from broadsheet.stories.engine import DUPLICATE_THRESHOLD  # engine imports this module

        placed = set(self.index.where) - {i.member.article_id for i in items}
        for item in sorted(items, key=lambda i: i.features.order):
            aid = item.member.article_id
            story = self.index.stories.get(self.index.where[aid])
            if item.sketch is not None and story is not None and story.sketches is not None:
                earlier = np.array([i in placed for i in story.sketch_ids])
                agree = np.count_nonzero(story.sketches == item.sketch[None, :], axis=1)
                agree = np.where(earlier, agree, -1)
                best = int(np.argmax(agree))
                if agree[best] >= DUPLICATE_THRESHOLD * len(item.sketch):
                    self._copy(story, aid, story.sketch_ids[best])
            placed.add(aid)

    @staticmethod
    def _copy(story: StoryState, aid: str, copied: str) -> None:
        members = story.members
        original = next(m.duplicate_of for m in members if m.article_id == copied) or copied
        at = next(n for n, m in enumerate(members) if m.article_id == aid)
        members[at] = replace(members[at], duplicate_of=original)

    def _drain(self) -> int:
        stories, joins = self.index.stories, 0
        while self.heap:
            _, a, b, va, vb = heapq.heappop(self.heap)
            if a not in stories or b not in stories:
                continue
            if self.version.get(a, 0) != va or self.version.get(b, 0) != vb:
                continue
            small, large = sorted((stories[a], stories[b]), key=lambda s: (s.size, s.id))
            fixed = small.id in self.fixed
            old = (self.partners.pop(small.id, set()) | self.partners.pop(large.id, set()))
            old -= {small.id, large.id}
            survivor = self.index.merge(large, small)
            self.weighed.pop(small.id, None)
            self.weighed.pop(large.id, None)
            if fixed:
                self.fixed.add(survivor.id)
            self.engine.touched.add(survivor.id)
            self.version[survivor.id] = self.version.get(survivor.id, 0) + 1
            for other in old:
                self.partners.get(other, set()).difference_update((small.id, large.id))
            self.visit(survivor, [stories[i] for i in sorted(old) if i in stories])
            joins += 1
        return joins

    def visit(self, story: StoryState, partners: Sequence[StoryState] = ()) -> set[str]:
        """Score ``story`` against its index candidates and its ``partners`` (the stories its
        parts had a pair with) and queue the pairs reaching the bar; returns the ids scored."""
        fixed = story.id in self.fixed
        found = {s.id: s for s in self.index.story_candidates(story, self.engine.limit)}
        found.update((s.id, s) for s in partners if s is not story)
        others = [s for s in found.values()
                  if not s.roundup and not (fixed and s.id in self.fixed)]
        for other, chance in zip(others, self.chances(story, others), strict=True):
            if chance is None:
                continue
            a, b = sorted((story.id, other.id))
            self.partners.setdefault(a, set()).add(b)
            self.partners.setdefault(b, set()).add(a)
            heapq.heappush(self.heap, (-chance, a, b, self.version.get(a, 0),
                                       self.version.get(b, 0)))
        return {o.id for o in others}

    def chances(self, story: StoryState, others: Sequence[StoryState]) -> list[float | None]:
        """The probability of each pair (None below its bar), the smaller story as the side;
        a pair scored before at the same versions of its two stories is not scored again."""
        keys = {o.id: self._key(story, o) for o in others}
        found = {o.id: self.known[keys[o.id]] for o in others if keys[o.id] in self.known}
        fresh = [o for o in others if o.id not in found]
        mine = [o for o in fresh if (story.size, story.id) <= (o.size, o.id)]
        found.update(zip((o.id for o in mine), self.side(story, mine), strict=True))
        for other in fresh:
            if other.id not in found:
                found[other.id] = self.side(other, [story])[0]
            self.known[keys[other.id]] = found[other.id]
        return [found[o.id] for o in others]

    def _key(self, one: StoryState, other: StoryState) -> tuple[str, str, int, int]:
        a, b = sorted((one.id, other.id))
        return a, b, self.version.get(a, 0), self.version.get(b, 0)

    def _weighed(self, story: StoryState) -> tuple[list[Weighted], Exemplars]:
        """The story's exemplars weighed by the IDF: as a side, and as a story compared with."""
        found = self.weighed.get(story.id)
        if found is None:
            idf, vectors = self.index.idf, [v for _, v in story.exemplars]
            found = [idf.weigh(v) for v in vectors], Exemplars.weigh(idf, [vectors])
            self.weighed[story.id] = found
        return found

    def side(self, small: StoryState, larger: Sequence[StoryState]) -> list[float | None]:
        """The probability of ``small`` against each of ``larger`` (None below the bar)."""
        if not larger:
            return []
        model, engine = self.engine.model, self.engine
        if len(larger) == 1:  # the story met from its larger partner's side: weighed once each
            side = self.index.weighted(small)
            rows = engine.weighed_features(side, larger, [small.gap_to(larger[0])],
                                           self._weighed(small)[0], self._weighed(larger[0])[1])
        else:
            rows = engine.story_features(small, larger)
        if model.pair is not None and small.size >= PAIR_FROM:
            chances = model.pair.probabilities(rows, model.capped(small.size))
            bars = model.pair.thresholds(rows)
        else:
            chances = model.probabilities(rows)
            bars = np.full(len(rows), model.join if model.link is None else model.link)
        return [p if p >= bar else None
                for p, bar in zip(chances.tolist(), bars.tolist(), strict=True)]
