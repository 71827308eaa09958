"""Copies marked inside a story, once a batch is placed: trimmed and lightly edited wire copies.

Where an article goes is the clusterer's business; this step only says which members of a story
repeat another member's text, so they count once (corroboration, perspectives, the edition's
card). After a batch is placed, every story holding one of its articles is read again: each
member, in publication order (``to_story``'s: dated first by date, then by id), is a copy of the
earlier member whose sketch contains the most of it, when the estimated containment of the
smaller shingle set in the other (``dedup.containments``) reaches ``dedup.DUPLICATE_CONTAINMENT``
(0.5, chosen on judged pairs of ECB+'s odd topics and held out on its even ones and the real day:
``bench/copies.py``, docs/quality-history.md "Near-duplicates, measured"), and it takes that
member's original (a copy of a copy is a copy of the root); the first published is the original,
whichever is longer.

The join rule of the placement (``engine.DUPLICATE_THRESHOLD``, a Jaccard estimate of 0.8: a copy
joins its story whatever the scorer says) is left as it was: it is on the path the recipe learns
on, and a containment join there moved the learned model and cost six floors. Marking after the
placement moves no article, so every story is the same with or without this step.

A story's members are read again whenever a batch touches it, so a back-filled original marks
the copies stored before it, and a story gets the same marks whatever order its members came in.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from broadsheet.stories.dedup import DUPLICATE_CONTAINMENT, container
from broadsheet.stories.index import Member, StoryIndex, StoryState


def published_order(member: Member) -> tuple[bool, str, str]:
    """Publication order of a story's members (``engine.to_story`` lists them so): dated first by
    date, then by id."""
    return (member.published is None, member.published or "", member.article_id)


def mark(index: StoryIndex, placed: Iterable[str], bar: float = DUPLICATE_CONTAINMENT) -> int:
    """Mark the copies of every story holding one of the ``placed`` articles, all its members read
    again in publication order (so a batch that brings an earlier original marks the copies stored
    before it); returns how many members of those stories are copies."""
    stories = {index.resolve(index.where[a]) for a in placed if a in index.where}
    return sum(remark(index.stories[s], bar) for s in sorted(stories) if s in index.stories)


def remark(story: StoryState, bar: float = DUPLICATE_CONTAINMENT) -> int:
    """Mark each member of ``story`` with a sketch a copy of the earlier member whose sketch
    contains the most of it, when that reaches ``bar`` (its root: a copy of a copy is a copy of
    the first), and no copy when none does; returns how many it marks."""
    if story.sketches is None:
        return 0
    at = {m.article_id: n for n, m in enumerate(story.members)}
    rows = sorted((r for r, i in enumerate(story.sketch_ids) if i in at),
                  key=lambda r: published_order(story.members[at[story.sketch_ids[r]]]))
    root: dict[str, str] = {}
    for k, row in enumerate(rows):
        aid = story.sketch_ids[row]
        copied = _contained_in(story.sketches, row, rows[:k], bar)
        if copied is not None:
            original = story.sketch_ids[copied]
            root[aid] = root.get(original, original)
        member = story.members[at[aid]]
        if member.duplicate_of != root.get(aid):
            story.members[at[aid]] = replace(member, duplicate_of=root.get(aid))
    return len(root)


def _contained_in(sketches: npt.NDArray[np.uint32], row: int, earlier: Sequence[int],
                  bar: float) -> int | None:
    """The row of ``earlier`` whose sketch contains the most of ``row``'s, if at ``bar``."""
    best = container(sketches[row], sketches[list(earlier)], bar) if earlier else None
    return None if best is None else earlier[best]
