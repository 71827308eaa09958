"""Copies marked inside a story, once a batch is placed: trimmed and lightly edited wire copies.

Where an article goes is the clusterer's business; this step only says which members of a story
repeat another member's text, so they count once (corroboration, perspectives, the edition's
card). After a batch is placed, each of its articles not yet marked is compared with the members
of its story published before it (``to_story``'s order: dated first by date, then by id): it is
a copy of the one whose sketch contains the most of it, when the estimated containment of the
smaller shingle set in the other (``dedup.containments``) reaches ``dedup.DUPLICATE_CONTAINMENT``
(0.5, chosen on judged pairs of ECB+'s odd topics and held out on its even ones and the real day:
``bench/copies.py``, docs/quality-history.md "Near-duplicates, measured"), and it takes that
member's original (a copy of a copy is a copy of the root).

The join rule of the placement (``engine.DUPLICATE_THRESHOLD``, a Jaccard estimate of 0.8: a copy
joins its story whatever the scorer says) is left as it was: it is on the path the recipe learns
on, and a containment join there moved the learned model and cost six floors. Marking after the
placement moves no article, so every story is the same with or without this step.

An article is read once, in the batch that places it: a copy placed before its original (a
back-filled original) stays unmarked. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from broadsheet.stories.dedup import DUPLICATE_CONTAINMENT, Sketch, containments
from broadsheet.stories.index import Member, StoryIndex, StoryState


def published_order(member: Member) -> tuple[bool, str, str]:
    """The order ``engine.to_story`` lists members in: dated first by date, then by id."""
    return (member.published is None, member.published or "", member.article_id)


def mark(index: StoryIndex, placed: Iterable[tuple[str, Sketch | None]],
         bar: float = DUPLICATE_CONTAINMENT) -> int:
    """Mark each of ``placed`` (article id, sketch), in the order given, a copy of an earlier
    member of its story when its text is contained in it at ``bar``; returns how many it marked."""
    marked = 0
    for article_id, sketch in placed:
        if sketch is None or article_id not in index.where:
            continue
        story = index.stories[index.resolve(index.where[article_id])]
        marked += _mark_one(story, article_id, sketch, bar)
    return marked


def _mark_one(story: StoryState, article_id: str, sketch: Sketch, bar: float) -> int:
    members = {m.article_id: m for m in story.members}
    me = members.get(article_id)
    if me is None or me.duplicate_of is not None or story.sketches is None:
        return 0
    earlier = np.array([i in members and published_order(members[i]) < published_order(me)
                        for i in story.sketch_ids])
    if not earlier.any():
        return 0
    rows = np.flatnonzero(earlier)
    contained = containments(sketch, story.sketches[rows])
    best = int(np.argmax(contained))
    if contained[best] < bar:
        return 0
    copied = members[story.sketch_ids[rows[best]]]
    at = next(n for n, m in enumerate(story.members) if m.article_id == article_id)
    story.members[at] = replace(me, duplicate_of=copied.duplicate_of or copied.article_id)
    return 1
