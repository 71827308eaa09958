"""Two stories each reported under its own full name are not joined (stories round 56).

Two events of one kind (two title defences of one champion, two firings of one club's coach, two
players of one team arrested) share their vocabulary, their outlets and often some names (the
champion, the club); what parts them is who else they are about: Hasim Rahman against Tony Thompson,
Elton Brand against Jim O'Brien. A member's *full names* are the phrases of two capitalised words
or more in its title and lead, as ``features.text_names`` reads them (``features.full_names``; the
single words and numbers left out: round 52's headline words failed on "Fire", "Paris", "East"),
kept on the member as buckets (``Member.people``), so stories of earlier batches are read as the
batch's. A story's *own names* are the full names held by at least ``HALF`` of its members. Two
stories of at least ``LEAST`` members each are not joined when each has an own name that at most
``FLOOR`` of the other's members hold (``refuses``; with ``BOTH`` off, when either has one): the
merge pass (``Clusterer.settle``), the linkage's joins (``linkage.py``) and an article's merges
(``add``) ask it.

A probe, switched off (``LEAST`` 0; stories round 56, measured with ``PROBE``, not shipped: on
ECB+ it parted twins on both topic halves, but learned without ECB+ the held-out half fell 0.878 ->
0.851, where one event's pieces are each under a secondary name, a spokesman or an outlet, or two
spellings of one; and two batches parted from one below their floor, the first batch's twins
meeting as pieces too small to read). ``SURNAMES`` (``features``), ``LEADING`` and ``SMALL`` are
the round's development settings, off. Members keep their full names only while the rule is on
(``engine._people``). The recipe (``learn.py``) clusters with it off, so ``DEFAULT_MODEL`` is
learned without it. Pure: no I/O.
"""

from __future__ import annotations

from broadsheet.stories.index import StoryState

PROBE = 3  # stories round 56's probe: members each story needs
LEAST = 0  # the shipped value (0: off)
HALF = 0.5  # an own name is held by at least this share of the story's members
FLOOR = 0.1  # ... and by at most this share of the other story's members
BOTH = True  # each story needs an own name the other lacks (False: either one)
SMALL = 0  # members the smaller story needs (0: ``LEAST`` too; development probe)
LEADING = False  # own names are only those its members hold most (development probe)


def _counts(story: StoryState) -> dict[int, int]:
    """How many of ``story``'s members hold each full name."""
    counts: dict[int, int] = {}
    for member in story.members:
        for name in set(member.people):
            counts[name] = counts.get(name, 0) + 1
    return counts


def own_names(story: StoryState, half: float = HALF) -> set[int]:
    """The full names held by at least ``half`` of ``story``'s members (two at least)."""
    need = max(min(2.0, story.size), half * story.size)
    counts = _counts(story)
    if LEADING and counts:
        need = max(need, max(counts.values()))
    return {name for name, n in counts.items() if n >= need}


def own_name(story: StoryState, other: StoryState, floor: float = FLOOR) -> bool:
    """True when an own name of ``story`` is held by at most ``floor`` of ``other``'s members."""
    found = own_names(story)
    if not found:
        return False
    held = _counts(other)
    return any(held.get(name, 0) <= floor * other.size for name in found)


def refuses(one: StoryState, other: StoryState, least: int = LEAST, both: bool | None = None) -> bool:
    """True when ``one`` and ``other`` must not be joined (module docstring)."""
    small, large = sorted((one.size, other.size))
    if least <= 0 or large < least or small < (SMALL or least):
        return False
    if BOTH if both is None else both:
        return own_name(one, other) and own_name(other, one)
    return own_name(one, other) or own_name(other, one)
