"""Two large topics of caseless text are not joined when one says what the other never does
(stories round 57).

On lower-cased, stripped items (Google News' headlines and snippets, where a name reads as a
word) the linkage and the merge pass sometimes join two whole sibling topics that share their
salient words (Kanye West's news and his *Bound 2* video; Black Friday and the Cyber Monday iPhone
deals): the scorers read the centroids, which are close. Rounds 53 and 55 asked the members'
nearest neighbours, which cannot tell siblings from one topic's large pieces and whose bar
depends on the batch's size. This asks the stories' words instead: a sibling topic has an *own
word*, what its items say happened that the other's never say ("bound", "rogen"; "cyber").

The rule: two stories, each of at least ``LEAST`` members, every member undated and caseless
(``Member.caseless``: no capital letter in its title + text, stored with it), are not joined when
**either** has an own word against the other: a term whose title + lead sum over the story
(``StoryState.title`` plus ``lead``, sublinear counts summed over every member, stored before the
batch or not) is at least ``OWN`` times its size, and whose sum over the other story is at most
``FEW`` times the other's size. Both are rates per member, so half a batch reads what a whole
one does. Pure: no I/O.
"""

from __future__ import annotations

import numpy as np

from broadsheet.stories.index import StoryState

LEAST = 10  # members each story needs before it is asked (0: the rule is off)
OWN = 0.5  # an own word's sum over its story, per member, at least
FEW = 0.1  # its sum over the other story, per member, at most


def refuses(one: StoryState, other: StoryState, least: int = LEAST) -> bool:
    """True when both stories are large, undated and caseless and either has an own word
    against the other (module docstring)."""
    if least <= 0 or not (asked(one, least) and asked(other, least)):
        return False
    return has_own_word(one, other) or has_own_word(other, one)


def asked(story: StoryState, least: int = LEAST) -> bool:
    """Whether ``story`` has at least ``least`` members, none dated, every one caseless."""
    if story.size < least or story.days:
        return False
    return all(m.caseless for m in story.members)


def has_own_word(story: StoryState, other: StoryState) -> bool:
    """Whether some term of ``story`` reaches ``OWN`` per member while ``other`` holds it at
    most ``FEW`` per member."""
    mine = story.title.plus(story.lead)
    strong = mine.ids[mine.vals >= OWN * story.size]
    if not len(strong):
        return False
    theirs = other.title.plus(other.lead)
    held = np.zeros(len(strong), dtype=np.float64)
    if len(theirs):
        at = np.minimum(np.searchsorted(theirs.ids, strong), len(theirs.ids) - 1)
        hit = theirs.ids[at] == strong
        held[hit] = theirs.vals[at[hit]]
    return bool((held <= FEW * other.size).any())
