"""Dated pieces of one event joined beyond the window (stories round 48; off: ``PIECES``).

On the dated sets most of what is left is an event cut in pieces more than the window apart
(ECB+'s dated half: 308 of its 357 missed pairs), and most of those pieces have two or more members:
a follow-up (a verdict, a funeral, an arrest) comes as a burst of several outlets, not one lone
report, and round 46's far pass (``farwords``) reads lone stories only. This is that pass for
stories of two or more, every setting taken from rounds 41, 45 and 46 unchanged.

After every other pass of a batch, each **dated piece** the batch placed an article in (two or more
members, every one dated, no roundup) looks up its **far candidates** (``StoryIndex.far_candidates``
with its ``STORY_TERMS`` heaviest terms per field, over the buckets within ``farwords.HORIZON`` of
its first and last member): stories of two or more members, no roundup, no undated member, whose
nearest dated members are more than the window and at most the horizon from the piece's. The
piece is read as one document (its title + lead buckets, each counted as often as its stored sums
hold it, rounded, at most its size: ``lonewords.gains(times=)``, stories round 43's reading of a small
story) and the best candidate is taken when round 46's evidence holds, read both ways (either may
be the follow-up): a member of one names a day inside the other's span (``farwords.in_span``) and
the two share a name each holds as its own, which at most ``farwords.RARE`` other stories hold
within the horizon (``shared_own``); and the gain beats staying apart by ``EVIDENCED`` per bucket
counted (``lonewords.MARGIN``, 0.75, the margin round 41 chose for a lone undated document placed
by its words alone). Stories round 54 measured ``EVIDENCED`` 0 (with two proofs the words do not
give, the words need only fit the host better than standing apart): on ECB+'s dated half it joins
one event's two bursts of five and six (0.70 and 0.55 per bucket), but on BASIL two events of one
subject 25 days apart (Clinton's emails, then the Benghazi panel asking to interview her about
them; 0.51 and 0.47): the words cannot tell them apart between 0 and the margin, so it stays.
Without the gate (a diagnostic) ``margin`` applies. Targets are read on the stories as
the batch left them, then merged (the larger absorbs the smaller; ids redirect). The recipe
(``learn.py``) clusters with this pass off. Pure.

**Only pieces that can meet the evidence look up** (stories round 49): the gate refuses every
target but one that passes the ``evidence``, so a piece with which no story passes it is not
looked up (``can_merge``): the same merges, at a fraction of the cost (on the scale stream 6 of
2,763 pieces look up). The stories that can name a day with a piece are read from two registers
the index keeps as members are posted, grow and merge (``StoryIndex.naming``: the days members'
texts name; ``StoryIndex.spanning``: the buckets each story of two or more spans), after a test of
the piece's own names against the count ``shared_own`` reads (``own_names``); each found story is
then tested as a host and by the evidence itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from broadsheet.stories import farwords, lonewords
from broadsheet.stories.index import STORY_TERMS, StoryIndex, StoryState, heaviest

if TYPE_CHECKING:
    from broadsheet.stories.engine import Clusterer, Incoming

PIECES = True  # stories round 48 (False: no dated piece joins another beyond the window)
EVIDENCED = lonewords.MARGIN  # the words' bar with the evidence (round 54 measured 0: BASIL falls)


def dated_piece(story: StoryState) -> bool:
    """Two or more members, every one dated, no roundup."""
    return story.size > 1 and not story.roundup and not story.undated and bool(story.days)


def far_between(index: StoryIndex, one: StoryState, other: StoryState, horizon: float) -> bool:
    """Their nearest dated members are beyond the window and within ``horizon``."""
    gap = one.gap_to(other)
    return gap is not None and index.window_days < gap <= horizon


def named_day(one: StoryState, other: StoryState) -> bool:
    """A member of either names a day inside the other's span."""
    return (any(farwords.in_span(m.dates, other) for m in one.members)
            or any(farwords.in_span(m.dates, one) for m in other.members))


def shared_own(index: StoryIndex, one: StoryState, other: StoryState, horizon: float,
               own: float = farwords.OWN, rare: int = farwords.RARE) -> bool:
    """A ``names`` term both hold with a summed weight of at least ``own`` of their size, held by
    at most ``rare`` other stories within ``horizon`` of ``one``'s first day."""
    shared, at_one, at_other = np.intersect1d(one.names.ids, other.names.ids, return_indices=True)
    mine = (one.names.vals[at_one] >= own * one.size) & (other.names.vals[at_other] >= own * other.size)
    held = shared[mine]
    return bool(len(held)) and farwords.rare_near(index, held.tolist(), one.days[0], horizon,
                                                  {one.id, other.id}, rare)


def evidence(index: StoryIndex, one: StoryState, other: StoryState, horizon: float) -> bool:
    """Round 46's two proofs, read both ways: a named day in the span and a rare name of their own."""
    return named_day(one, other) and shared_own(index, one, other, horizon)


def is_host(index: StoryIndex, piece: StoryState, story: StoryState, horizon: float) -> bool:
    """``story`` may be the piece's far candidate: another dated piece far from it."""
    return story.id != piece.id and dated_piece(story) and far_between(index, piece, story, horizon)


def candidates(index: StoryIndex, piece: StoryState, horizon: float) -> list[StoryState]:
    """The piece's far candidates (module docstring)."""
    weighted = index.weighted(piece)
    vectors = tuple(heaviest(v, STORY_TERMS) for v in (weighted.title, weighted.lead, weighted.names))
    return index.far_candidates(vectors, piece.days[0], piece.days[-1], horizon,
                                lonewords.CANDIDATES, lambda s: is_host(index, piece, s, horizon))


def own_names(index: StoryIndex, piece: StoryState, horizon: float, own: float = farwords.OWN,
              rare: int = farwords.RARE) -> bool:
    """Some ``names`` term the piece holds as its own may still be rare enough for
    ``shared_own`` with some host: at most ``rare`` + 1 other stories hold it within ``horizon``
    of its first day (the same count ``shared_own`` reads; a host takes away one at most)."""
    held = piece.names.ids[piece.names.vals >= own * piece.size]
    return bool(len(held)) and farwords.rare_near(index, held.tolist(), piece.days[0], horizon,
                                                  {piece.id}, rare + 1)


def naming_hosts(index: StoryIndex, piece: StoryState) -> list[StoryState]:
    """Every story that can name a day with the piece (a superset): one whose member names a day
    in the piece's span (``in_span``'s bounds), and one whose span may hold a day the piece's
    members name (``StoryIndex.spanning`` over the buckets of that day to ``BEFORE`` after it)."""
    first = math.floor(piece.days[0]) - farwords.BEFORE
    found = {s.id: s for s in index.naming(first, math.floor(piece.days[-1]))}
    named = sorted({d for m in piece.members for d in m.dates})
    buckets = sorted({b for d in named
                      for b in range(index.bucket_of(d), index.bucket_of(d + farwords.BEFORE) + 1)})
    for b in buckets:
        for story in index.spanning(b, b):
            found.setdefault(story.id, story)
    return list(found.values())


def can_merge(index: StoryIndex, piece: StoryState, horizon: float) -> bool:
    """Some story the piece may look up passes the ``evidence`` with it: else its look-up cannot
    end in a merge (the gate refuses every target), so it is not made (stories round 49)."""
    if not own_names(index, piece, horizon):
        return False
    return any(is_host(index, piece, s, horizon) and evidence(index, piece, s, horizon)
               for s in naming_hosts(index, piece))


def target(index: StoryIndex, piece: StoryState, vocabulary: int,
           horizon: float) -> lonewords.Target | None:
    """The piece's best far candidate by the likelihood of the piece read as one document."""
    hosts = candidates(index, piece, horizon)
    buckets = np.union1d(piece.title.ids, piece.lead.ids).astype(np.int32)
    if not hosts or not len(buckets):
        return None
    times = np.rint(lonewords.bag(piece, buckets)[0])  # about the members holding each bucket
    keep = times > 0
    buckets, times = buckets[keep], times[keep]
    if not len(buckets):
        return None
    bags = [lonewords.bag(h, buckets) for h in hosts]
    words = int(times.sum())
    gain = lonewords.gains(np.array([b[0] for b in bags]), np.array([b[1] for b in bags]),
                           np.array([float(h.size) for h in hosts]), words, vocabulary, times=times)
    best = int(np.argmax(gain))
    return lonewords.Target(0, hosts[best].id, float(gain[best]), words, piece.size)


def absorb_pieces(engine: Clusterer, items: Sequence[Incoming], horizon: float = farwords.HORIZON,
                  margin: float = lonewords.MARGIN, *, gate: bool = True, prune: bool = True,
                  evidenced: float | None = None) -> int:
    """Merge each dated piece the batch placed an article in with its best far candidate when,
    with ``gate``, the ``evidence`` holds and the gain passes ``evidenced`` per bucket counted
    (``EVIDENCED`` when None), or without ``gate`` when it passes ``margin``; returns how many
    stories were absorbed. ``horizon`` 0: nothing. With ``gate`` and ``prune``, a piece no story
    can pass the evidence with is not looked up (``can_merge``): the same merges."""
    if horizon <= 0:
        return 0
    bar = margin if not gate else (EVIDENCED if evidenced is None else evidenced)
    return _merge(engine, found_pairs(engine, items, horizon, bar, gate=gate, prune=prune))


def found_pairs(engine: Clusterer, items: Sequence[Incoming], horizon: float, margin: float, *,
                gate: bool, prune: bool) -> list[tuple[str, str, int, int]]:
    """The (piece, host, their sizes) pairs to merge, read on the stories as the batch left them:
    the piece's best far target, taken when its gain passes ``margin`` per bucket counted and,
    with ``gate``, the ``evidence`` holds."""
    index = engine.index
    placed = {index.resolve(index.where[i.member.article_id]) for i in items
              if i.member.article_id in index.where}
    pieces = [index.stories[s] for s in sorted(placed) if s in index.stories]
    vocabulary = max(1, int(np.count_nonzero(index.idf.df)))
    found: list[tuple[str, str, int, int]] = []
    for piece in pieces:
        if not dated_piece(piece):
            continue
        if gate and prune and not can_merge(index, piece, horizon):
            index.weighted(piece)  # as the look-up would: it caches the weights later passes read
            continue
        aim = target(index, piece, vocabulary, horizon)
        if aim is None or aim.gain <= margin * aim.words:
            continue
        host = index.stories[aim.story]
        if gate and not evidence(index, piece, host, horizon):
            continue
        found.append((piece.id, host.id, piece.size, host.size))
    return found


def _merge(engine: Clusterer, found: Sequence[tuple[str, str, int, int]]) -> int:
    """Merge each pair whose stories are as they were read (the larger absorbs the smaller, of
    equal sizes the earlier); a pair already one story is skipped."""
    index = engine.index
    merged = 0
    for one_id, other_id, one_size, other_size in found:
        one = index.stories.get(index.resolve(one_id))
        other = index.stories.get(index.resolve(other_id))
        if one is None or other is None or one is other:
            continue
        if one.size != one_size or other.size != other_size:
            continue
        large, small = sorted((one, other), key=lambda s: (-s.size, s.days[0], s.id))
        index.merge(large, small)
        engine.touched.add(large.id)
        merged += 1
    return merged
