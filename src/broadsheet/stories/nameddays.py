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
article too. Dated members are not read (the window already places them).

The recipe (``learn.py``) clusters with it off, so ``DEFAULT_MODEL`` is learned without it.
Pure: no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from broadsheet.stories.farwords import DAY_PATTERNS
from broadsheet.stories.index import StoryState
from broadsheet.timestamps import MONTHS

NEAR = 14.0  # days: a named day this near the dated side's span places the article there (0: off)


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


def _ordinals(day: int, near: float) -> list[int]:
    """The ordinals a named day may stand for: its own with a year; without one, the day in each
    year around ``near`` (an ordinal)."""
    year, month, number = day // 10000, day // 100 % 100, day % 100
    years = [year] if year else [date.fromordinal(int(near)).year + k for k in (-1, 0, 1)]
    return [date(y, month, number).toordinal() for y in years if _valid(y, month, number)]


def placed(days: Iterable[int], span: Sequence[float], near: float = NEAR) -> bool:
    """Some named day lies within ``near`` days of the span (first to last dated day)."""
    first, last = math.floor(span[0]), math.floor(span[-1])
    middle = (first + last) // 2
    return any(first - near <= o <= last + near for d in days for o in _ordinals(d, middle))


def _undated_days(story: StoryState) -> set[int]:
    return {d for m in story.members if m.day is None for d in m.named}


def elsewhere(undated: StoryState, dated: StoryState, near: float = NEAR) -> bool:
    """``undated``'s undated members name days, none near ``dated``'s span."""
    if not dated.days:
        return False
    days = _undated_days(undated)
    return bool(days) and not placed(days, dated.days, near)


def refuses(one: StoryState, other: StoryState, near: float = NEAR) -> bool:
    """True when ``one`` and ``other`` must not be joined (module docstring)."""
    if near <= 0:
        return False
    return elsewhere(one, other, near) or elsewhere(other, one, near)
