"""The merge pass refuses to join two stories of short items that name different things (round 44).

Two stories of headlines with excerpts (every member's body under ``SHORT`` words, the length
below which ``lonewords`` reads an article as no full report) are often two events of one kind
worded alike: the story-pair scorer reads their shared words and dates, not who they are about.
The merge pass (``Clusterer.settle``) refuses such a merge when each story holds a *core name* that
the other does not hold at all: a term of its ``names`` field (capitalised words, numbers) whose
summed weight over its members is at least ``CORE`` times its size. Both stories need two members
or more (a lone article's names are one headline's). Long documents are never read so: a full
report names many people and places in passing, and two reports of one event name different ones
(stories round 43: on ECB+ the veto without the gate refused many right merges).

A member's body length is stored with it (``Member.words``, kept across batches and merges);
a member stored before round 44 has none (``None``) and makes its story not short: no veto.
A probe, switched off (``SHORT`` 0; stories round 44, measured with ``PROBE``, not shipped: on
AllSides it refuses almost only wrong merges, but on ECB+, learned without ECB+, it refused one
right merge of two stories of one-sentence documents and the held-out figure fell by 0.001).

The recipe (``learn.py``) clusters with the veto off: it is not on the path ``DEFAULT_MODEL``
is learned on. Pure: no I/O.
"""

from __future__ import annotations

from broadsheet.stories.features import LEAD_WORDS
from broadsheet.stories.index import StoryState

PROBE = LEAD_WORDS  # stories round 44's probe: every member's body under this many words
SHORT = 0  # the shipped bar (0: the veto is off; measured with ``PROBE``, not shipped)
CORE = 0.5  # a core name's summed weight, as a share of the story's size
LEAST = 2  # members each story needs


def short(story: StoryState, below: int = SHORT) -> bool:
    """True when every member's body is known and under ``below`` words."""
    return all(m.words is not None and m.words < below for m in story.members)


def core_missing(story: StoryState, other: StoryState, core: float = CORE) -> bool:
    """True when some core name of ``story`` (summed weight >= ``core`` x its size) is not held
    by ``other`` at all."""
    names = story.names
    found = names.ids[names.vals >= core * story.size]
    if not len(found):
        return False
    held = {t for t, v in zip(other.names.ids.tolist(), other.names.vals.tolist(), strict=True)
            if v > 0}
    return any(term not in held for term in found.tolist())


def refuses(one: StoryState, other: StoryState, below: int = SHORT) -> bool:
    """True when the merge pass must not join ``one`` and ``other`` (module docstring)."""
    if below <= 0 or one.size < LEAST or other.size < LEAST:
        return False
    if not (short(one, below) and short(other, below)):
        return False
    return core_missing(one, other) and core_missing(other, one)
