"""Two large topics of caseless text are joined only when one reaches the other (stories round 53).

On lower-cased, stripped items (Google News' headlines and snippets, where a name reads as a
word) the linkage and the merge pass sometimes join two whole sibling topics that share their
salient words: Kanye West's news and his *Bound 2* video, Black Friday and Cyber Monday deals.
The scorers read the two stories' centroids, which are close; the members say otherwise: each
member's nearest articles of the batch lie in its own topic.

The rule, the neighbour vote of ``neighbours.py`` asked of a merge: when two stories each hold at
least ``LEAST`` of the batch's articles, and every one of those batch members is undated and
caseless (the gate of round 51's story vote; members stored before the batch are not read), each
side's batch members take their ``neighbours.NEIGHBOURS`` nearest articles of the batch (the same
IDF-weighted title + lead vectors). Of those neighbours lying in either story, the share in the
other story is compared with the other story's share of the two stories' batch members (what one
homogeneous topic would give): a side *reaches* the other when its share is at least ``RATIO``
times that. The merge is refused when neither side reaches the other.

The neighbours are computed when first asked, once per article, with the IDF as it stands then
(the linkage adds the batch's terms before it joins anything, and nothing is added after), so the
cost follows the members of the large stories asked about. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from broadsheet.stories import neighbours
from broadsheet.stories.index import StoryIndex, StoryState

if TYPE_CHECKING:
    from broadsheet.stories.engine import Incoming

LEAST = 10  # batch members each story needs before the merge is asked (0: the veto is off)
RATIO = 0.25  # a side reaches the other at this share of the homogeneous expectation (0.5 was
# the bar fixed first: it refused right merges of a topic's large pieces too; stories round 53)


class Cohesion:
    """One batch's nearest neighbours, computed for the articles asked about (module docstring)."""

    def __init__(self, index: StoryIndex, items: Sequence[Incoming], least: int | None = None,
                 ratio: float | None = None, count: int = neighbours.NEIGHBOURS) -> None:
        self.index = index
        self.items = sorted(items, key=lambda i: i.features.order)
        self.position = {item.member.article_id: n for n, item in enumerate(self.items)}
        self.least = LEAST if least is None else least  # the module's, as it stands when built
        self.ratio = RATIO if ratio is None else ratio
        self.count = count
        self.every: sp.csr_matrix | None = None
        self.near: dict[int, list[int]] = {}

    def refuses(self, one: StoryState, other: StoryState) -> bool:
        """True when ``one`` and ``other`` are both large caseless stories of the batch and
        neither reaches the other."""
        if self.least <= 0 or len(self.items) <= self.count:
            return False
        mine, theirs = self.batch_members(one), self.batch_members(other)
        if mine is None or theirs is None:
            return False
        return not (self.reaches(mine, theirs) or self.reaches(theirs, mine))

    def batch_members(self, story: StoryState) -> list[int] | None:
        """The positions of ``story``'s batch members when there are at least ``least`` and
        every one is undated and caseless; else None (the story is not asked)."""
        found = [self.position[m.article_id] for m in story.members
                 if m.article_id in self.position]
        if len(found) < self.least:
            return None
        if any(self.items[n].features.day is not None or not self.items[n].caseless
               for n in found):
            return None
        return found

    def reaches(self, side: list[int], other: list[int]) -> bool:
        """True when ``side``'s members' nearest neighbours lying in either story fall in
        ``other`` at least ``ratio`` times as often as ``other``'s share of the two would give.
        Each member reads its ``reach`` nearest (``reach``)."""
        home, away = set(side), set(other)
        first = reach(self.count, len(side), len(other))
        inside = across = 0
        for near in self.neighbours(side):
            for k in near[:first]:
                inside += k in home
                across += k in away
        if inside + across == 0:
            return False
        expected = len(other) / (len(side) + len(other))
        return across / (inside + across) >= self.ratio * expected

    def neighbours(self, rows: list[int]) -> list[list[int]]:
        """Each row's ``count`` nearest articles of the batch, nearest first (``ranked``)."""
        missing = [n for n in rows if n not in self.near]
        if missing:
            if self.every is None:
                self.every = neighbours.matrix(self.index.idf, self.items)
            for begin in range(0, len(missing), neighbours.ROWS):
                chunk = missing[begin:begin + neighbours.ROWS]
                found = ranked(self.every[chunk], self.every, np.array(chunk, dtype=np.int64),
                               self.count)
                self.near.update(zip(chunk, found, strict=True))
        return [self.near[n] for n in rows]


def reach(count: int, one: int, other: int) -> int:
    """How many of its nearest neighbours each member of two sides of ``one`` and ``other``
    batch members reads: ``count``, but at most half the smaller side (at least 1). A member
    reading as many neighbours as its side holds must leave home whatever its topic (a half
    batch's sibling topics of 50 to 70 against 50 neighbours; stories round 55)."""
    return max(1, min(count, min(one, other) // 2))


def ranked(rows: sp.csr_matrix, every: sp.csr_matrix, selves: npt.NDArray[np.int64],
           count: int) -> list[list[int]]:
    """``neighbours.nearest`` (itself and rows sharing no term left out), nearest first."""
    sims = np.asarray((rows @ every.T).todense(), dtype=np.float32)
    sims[np.arange(len(selves)), selves] = -np.inf
    take = min(count, sims.shape[1])
    top = np.argpartition(-sims, take - 1, axis=1)[:, :take]
    near = np.take_along_axis(sims, top, axis=1)
    order = np.argsort(-near, axis=1, kind="stable")
    top, near = np.take_along_axis(top, order, axis=1), np.take_along_axis(near, order, axis=1)
    return [row[keep].tolist() for row, keep in zip(top, near > 0, strict=True)]
