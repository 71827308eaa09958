"""An undated article stays out of a dated story whose days its text does not name (stories round 58).

Two events of one kind (two rehab stays of one actor, two title defences of one champion) share
their vocabulary and often their names; an article without a publication date cannot be kept from
the wrong one by the time window, but its text often places its event: "checked into rehab on
December 9", "the March 11, 2005 shooting". An **undated** member keeps the days its title and text
name (``named``: a month name with a day number, the year when written; ``farwords``' patterns),
as ``Member.named`` (YYYYMMDD, YYYY 0 when no year is written). Two stories are not joined
(``refuses``: the merge pass, the linkage's joins, an article's merges) when one side has dated
members and the other side's undated members name at least one day, none of them within ``NEAR``
days of the dated side's span (first to last dated member); a day without a year is placed in the
year (the span's, or one either side) that puts it nearest. Read both ways, at any size: a lone
article too; an article's own join in ``add`` is asked too (a dated article into an undated story,
the way a second batch meets the first). Dated members' texts are not read (the window places them).

A probe, switched off (``NEAR`` 0; stories round 58, measured with ``PROBE``, not shipped): on
ECB+ it parts twins (the tuning half 0.841 -> 0.855, the held-out half 0.870 -> 0.893 BCubed F1),
but two batches parted from one fall below their floor (0.959 -> 0.948: a story is kept from its
twin by the few members that name a day, and a first batch may hold none of them), and learned
without ECB+ the whole set loses 0.871 -> 0.869 (undated reports naming background days refused
from their own event). ``NAMING`` is the round's development setting. Members keep their named
days only while the rule is on (``engine._named``).
The recipe (``learn.py``) clusters with it off, so ``DEFAULT_MODEL`` is learned without it.
Pure: no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from broadsheet.stories.farwords import DAY_PATTERNS
from broadsheet.stories.index import Member, StoryState
from broadsheet.timestamps import MONTHS

PROBE = 14.0  # days (the index's window): stories round 58's setting
NEAR = 0.0  # the shipped value (0: off): a named day this near the dated side's span places it
NAMING = 1  # undated members that must name a day (development probe: 2, no lone article refused)


def named(text: str) -> tuple[int, ...]:
    """The days ``text`` names by month and day number, as YYYYMMDD (YYYY 0 without a year);
    sorted, once each; impossible days ("February 30") left out."""
    found: set[int] = set()
    for pattern, month_at, day_at in DAY_PATTERNS:
        for match in pattern.finditer(text):
            month, number, year = (MONTHS[match.group(month_at)[:3].lower()],
                                   int(match.group(day_at)), match.group(3))
            if _valid(int(year) if year else 2000, month, number):
                found.add((int(year) if year else 0) * 10000 + month * 100 + number)
    return tuple(sorted(found))


def _valid(year: int, month: int, number: int) -> bool:
    try:
        date(year, month, number)
    except ValueError:
        return False
    return True


def _ordinals(day: int, around: int) -> list[int]:
    """The ordinals a named day may stand for: its own with a year; without one, the day in each
    year around ``around`` (an ordinal)."""
    year, month, number = day // 10000, day // 100 % 100, day % 100
    years = [year] if year else [date.fromordinal(around).year + k for k in (-1, 0, 1)]
    return [date(y, month, number).toordinal() for y in years if _valid(y, month, number)]


def placed(days: Iterable[int], span: Sequence[float], near: float | None = None) -> bool:
    """Some named day lies within ``near`` (``NEAR``) days of the span (first to last dated day)."""
    near = NEAR if near is None else near
    first, last = math.floor(span[0]), math.floor(span[-1])
    middle = (first + last) // 2
    return any(first - near <= o <= last + near for d in days for o in _ordinals(d, middle))


def _undated_days(story: StoryState) -> set[int]:
    if not story.undated:
        return set()
    naming = [m.named for m in story.members if m.day is None and m.named]
    return {d for named in naming for d in named} if len(naming) >= NAMING else set()


def elsewhere(undated: StoryState, dated: StoryState, near: float | None = None) -> bool:
    """``undated``'s undated members name days, none near ``dated``'s span."""
    if not dated.days:
        return False
    days = _undated_days(undated)
    return bool(days) and not placed(days, dated.days, near)


def refuses(one: StoryState, other: StoryState, near: float | None = None) -> bool:
    """True when ``one`` and ``other`` must not be joined (module docstring; ``near`` None:
    ``NEAR``)."""
    near = NEAR if near is None else near
    if near <= 0:
        return False
    return elsewhere(one, other, near) or elsewhere(other, one, near)


def refuses_member(story: StoryState, member: Member, near: float | None = None) -> bool:
    """True when the article of ``member`` must not join ``story``: a dated one whose day none of
    the story's undated members' named days is near, an undated one whose named days are none near
    the story's span (``near`` None: ``NEAR``)."""
    near = NEAR if near is None else near
    if near <= 0:
        return False
    if member.day is not None:
        days = _undated_days(story)
        return bool(days) and not placed(days, [member.day], near)
    return (bool(member.named) and NAMING <= 1 and bool(story.days)
            and not placed(member.named, story.days, near))
