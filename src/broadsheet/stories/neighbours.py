"""A batch's lone articles placed by their nearest neighbours (stories round 32).

After a batch is placed and the merge pass has run, some articles are still stories of one: the
scorers, which learned on stories of two or three, refused every candidate. On short texts these
are often outliers of a large story, worded apart from each of its members but plainly of it
(Google News: 745 of 11,109 items alone, most of them inside a labelled story of tens).

The rule, after iterative classification for short texts (Rakib et al. 2020), in its nearest
neighbour form: a lone article of the batch looks at its ``NEIGHBOURS`` nearest articles of the
same batch (cosine of the IDF-weighted title + lead vectors; an article sharing no term with it is
no neighbour); when more than half of the ``NEIGHBOURS`` sit in
one story, the article's story is merged into that story (``StoryIndex.merge``: its id redirects
and is listed in ``merged_from``; no id changes). A majority of 50 needs a story of at least 26
of the batch's articles that fills the neighbourhood, so stories of two or three (the events the
scorers learned) never absorb anything, and a batch of fewer than 27 articles is left as it is.
Votes are counted on the stories as the batch left them, so the order of the lone articles does
not matter.

A dated lone article's neighbours are drawn from the articles it could share a story with: those
dated within its window (``StoryIndex.window_days``, by ``index.apart``, as the index's own window
reads days) and the undated ones (an undated article is in every window). So a story of articles
weeks away never fills the neighbourhood, and the vote costs about the articles of one window per
lone article, however long the batch runs: the dated lone articles go in blocks of consecutive
days (``ROWS`` at most, spanning at most a window) against the articles dated within a window of
the block. An undated lone article is bound by no window, so it still draws from the whole
batch, as before. A dated article still joins a story only within its window. Pure: no I/O.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from broadsheet.stories.sparse import DIM, Idf

if TYPE_CHECKING:
    from broadsheet.stories.engine import Clusterer, Incoming

NEIGHBOURS = 50  # how many nearest articles of the batch vote
MAJORITY = 0.5  # the share of them one story must hold, more than this
ROWS = 512  # lone articles compared at once (bounds the dense block: ROWS x batch floats)


def matrix(idf: Idf, items: Sequence[Incoming]) -> sp.csr_matrix:
    """The batch's title + lead vectors, IDF-weighted and of unit length, one row each."""
    indptr, indices, data = [0], [], []
    for item in items:
        vector = idf.weigh(item.features.title.plus(item.features.lead))
        indices.append(vector.ids)
        data.append(vector.vals / vector.norm if vector.norm else vector.vals)
        indptr.append(indptr[-1] + len(vector.ids))
    if not items:
        return sp.csr_matrix((0, DIM), dtype=np.float32)
    return sp.csr_matrix((np.concatenate(data), np.concatenate(indices), np.array(indptr)),
                         shape=(len(items), DIM), dtype=np.float32)


def nearest(rows: sp.csr_matrix, every: sp.csr_matrix, selves: npt.NDArray[np.int64],
            count: int, allowed: npt.NDArray[np.bool_] | None = None) -> list[list[int]]:
    """For each row, the indices of its ``count`` nearest rows of ``every``, itself left out and
    so are rows sharing no term with it (they are no neighbours, only ties at zero) and, with
    ``allowed`` (rows x every), the rows it marks False; in no particular order: only which story
    they are in counts."""
    sims = np.asarray((rows @ every.T).todense(), dtype=np.float32)
    if allowed is not None:
        sims[~allowed] = -np.inf
    sims[np.arange(len(selves)), selves] = -np.inf
    if count >= sims.shape[1]:
        top = np.broadcast_to(np.arange(sims.shape[1]), sims.shape)
    else:
        top = np.argpartition(-sims, count - 1, axis=1)[:, :count]
    near = np.take_along_axis(sims, top, axis=1) > 0
    return [row[keep].tolist() for row, keep in zip(top, near, strict=True)]


def apart(days: npt.NDArray[np.float64], others: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``index.apart`` of each day against each other day (days x others), the same arithmetic."""
    early = np.minimum(days[:, None], others[None, :])
    late = np.maximum(days[:, None], others[None, :])
    spans = (early == np.floor(early)).astype(np.float64)
    gaps: npt.NDArray[np.float64] = np.maximum(0.0, late - early - spans)
    return gaps


def blocks(days: Sequence[float | None], lone: Sequence[int], window: float
           ) -> Iterator[tuple[list[int], list[int], npt.NDArray[np.bool_] | None]]:
    """The lone articles (positions in publication order: days ascending, the undated last) in
    blocks, each with the positions it draws neighbours from and which of them each row may take
    (None: all). Dated rows: consecutive days spanning at most ``window``, against the articles
    dated within a window of the block and the undated ones, each row taking those ``apart``
    within its own window. Undated rows: the whole batch."""
    dated = [n for n, day in enumerate(days) if day is not None]
    undated = [n for n, day in enumerate(days) if day is None]
    at = np.array([days[n] for n in dated], dtype=np.float64)
    when = {n: float(at[k]) for k, n in enumerate(dated)}
    rows = [n for n in lone if n in when]
    start = 0
    while start < len(rows):
        stop = start + 1
        while (stop < len(rows) and stop - start < ROWS
               and when[rows[stop]] - when[rows[start]] <= window):
            stop += 1
        chunk = rows[start:stop]
        low = bisect.bisect_left(at, when[chunk[0]] - window - 1.0)
        high = bisect.bisect_right(at, when[chunk[-1]] + window + 1.0)
        near = apart(np.array([when[n] for n in chunk]), at[low:high]) <= window
        spare = np.ones((len(chunk), len(undated)), dtype=np.bool_)
        yield chunk, dated[low:high] + undated, np.hstack([near, spare])
        start = stop
    free = [n for n in lone if n not in when]
    for begin in range(0, len(free), ROWS):
        yield free[begin:begin + ROWS], list(range(len(days))), None


def absorb_lone(engine: Clusterer, items: Sequence[Incoming],
                neighbours: int = NEIGHBOURS) -> int:
    """Merge each lone article's story into the story most of its nearest neighbours are in, when
    that is more than half of them; returns how many stories were absorbed."""
    index = engine.index
    if len(items) <= neighbours:
        return 0
    ordered = sorted(items, key=lambda i: i.features.order)
    story_of = [index.resolve(index.where[i.member.article_id]) for i in ordered]
    lone = [n for n, (item, sid) in enumerate(zip(ordered, story_of, strict=True))
            if not item.member.roundup and not index.stories[sid].roundup
            and index.stories[sid].size == 1]
    if not lone:
        return 0
    every = matrix(index.idf, ordered)
    targets: list[tuple[int, str]] = []
    days = [item.features.day for item in ordered]
    for chunk, among, allowed in blocks(days, lone, index.window_days):
        column = {j: k for k, j in enumerate(among)} if allowed is not None else {}
        selves = np.array([column.get(n, n) for n in chunk], dtype=np.int64)
        pool = every if allowed is None else every[among]
        found = nearest(every[chunk], pool, selves, neighbours, allowed)
        for n, near in zip(chunk, found, strict=True):
            votes = Counter(story_of[among[k]] for k in near if story_of[among[k]] != story_of[n])
            if votes:
                sid, count = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
                if count > MAJORITY * neighbours:
                    targets.append((n, sid))
    merged = 0
    for n, sid in targets:
        small = index.stories.get(story_of[n])
        large = index.stories.get(index.resolve(sid))
        if small is None or large is None or large.roundup or large is small:
            continue
        if not index.in_window(large, ordered[n].features.day):
            continue
        index.merge(large, small)
        engine.touched.add(large.id)
        merged += 1
    return merged


# The vote for whole stories (stories round 51): after the lone articles' vote, a story of two or
# more of the batch's undated articles counts its members' nearest neighbours outside it together
# (``NEIGHBOURS`` each) and joins the story holding more than ``MAJORITY`` of them all; a story of
# one is the rule above. Gated to caseless text (no capital letter: lower-cased, stripped items as
# Google News gives them, whose labels are topics): on cased headlines (AllSides, whose labels are
# events inside topics) every story voting costs pair F1 0.223 -> 0.200, so it is not asked there.
STORIES_GATE = "caseless"  # which stories of the batch vote as a whole: "caseless", "all", "" (off)


def voters(engine: Clusterer, ordered: Sequence[Incoming], story_of: Sequence[str],
           gate: str) -> dict[str, list[int]]:
    """The batch's stories of two or more members that vote as a whole, with their members'
    positions: every member in the batch and undated, and with ``gate`` "caseless" every member's
    text without a capital letter (lower-cased, stripped text: names read as words)."""
    index = engine.index
    members: dict[str, list[int]] = {}
    for n, sid in enumerate(story_of):
        members.setdefault(sid, []).append(n)
    found = {}
    for sid, rows in members.items():
        story = index.stories.get(sid)
        if story is None or story.roundup or story.size < 2 or story.size != len(rows):
            continue
        if any(ordered[n].features.day is not None for n in rows):
            continue
        if gate == "caseless" and not all(ordered[n].caseless for n in rows):
            continue
        found[sid] = rows
    return found


def absorb_stories(engine: Clusterer, items: Sequence[Incoming], neighbours: int = NEIGHBOURS,
                   gate: str = STORIES_GATE) -> int:
    """The vote of ``absorb_lone`` for whole stories: a story of the batch (``voters``) whose
    members' nearest neighbours outside it lie, counted over all its members, more than half in
    one other story (of ``neighbours`` per member) is merged into that story."""
    index = engine.index
    if not gate or len(items) <= neighbours:
        return 0
    ordered = sorted(items, key=lambda i: i.features.order)
    story_of = [index.resolve(index.where[i.member.article_id]) for i in ordered]
    voting = voters(engine, ordered, story_of, gate)
    rows = sorted(n for positions in voting.values() for n in positions)
    if not rows:
        return 0
    every = matrix(index.idf, ordered)
    near_of: dict[int, list[int]] = {}
    for begin in range(0, len(rows), ROWS):
        chunk = rows[begin:begin + ROWS]
        found = nearest(every[chunk], every, np.array(chunk, dtype=np.int64), neighbours)
        near_of.update(zip(chunk, found, strict=True))
    targets: list[tuple[str, str]] = []
    for sid, positions in sorted(voting.items()):
        votes = Counter(story_of[k] for n in positions for k in near_of[n] if story_of[k] != sid)
        if votes:
            other, count = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            if count > MAJORITY * neighbours * len(positions):
                targets.append((sid, other))
    merged = 0
    for sid, other in targets:
        one = index.stories.get(index.resolve(sid))
        two = index.stories.get(index.resolve(other))
        if one is None or two is None or one is two or two.roundup:
            continue
        small, large = sorted((one, two), key=lambda s: (s.size, s.id))
        index.merge(large, small)
        engine.touched.add(large.id)
        merged += 1
    return merged
