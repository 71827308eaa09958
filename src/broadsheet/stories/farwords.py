"""Lone long dated articles placed by their words into a story beyond the window (stories round 45).

A dated report that follows its event by more than the window (``StoryIndex.window_days``, 14
days: a verdict after a trial, a follow-up weeks on) is never a candidate of that event's story,
so it stays alone. After a batch is placed (every pass of ``Clusterer.add_all``, round 41's lone
words pass included), each **lone long dated story**, a story of one member that is no roundup,
is dated, and has a body of at least ``lonewords.LONG`` words (``Member.words``: stored with the
story, so earlier batches' stories are read too), is scored against its **far candidates**: the
``lonewords.CANDIDATES`` stories of two or more members, no roundup, none with an undated member,
whose nearest dated member is more than the window and at most ``HORIZON`` days from it, that
share the most IDF weight with it (``StoryIndex.far_candidates``: the inverted index over the
buckets within the horizon, not a scan). It goes to the best of them by round 41's mixture
likelihood (``lonewords.gains``, its title + lead buckets, each story's stored sums) when that
beats staying alone by ``lonewords.MARGIN`` per distinct bucket: a merge like the others (the
absorbed id redirects; no id changes).

Which lone stories are read: the batch's own, and the **stored** ones of earlier batches that a
story the batch placed articles in meets (its far candidates among the lone long dated stories,
the same look-up read from the other side), so the first half's lone articles are read again when
the second half brings their stories: one batch and two batches make the same moves (stories
round 43: 7 of the 8 moves one batch made and two did not were first-half articles never read
again). Every target is read on the stories as the batch left them, then the moves are made.
That look-up reads the index's register of one-member stories first (``StoryIndex.singles``,
stories round 47) and scores only those: the same stories as reading every story, at a fraction
of the cost (``met``).

``HORIZON`` bounds how far: issue 7's window keeps old stories from swallowing new events on the
same topic; beyond the window only a long report worded like one story as a whole moves, and not
beyond the horizon (60 days: a follow-up within about two months; the look-up reads the inverted
index's buckets within it, so its cost stays bounded as the store grows). ``HORIZON`` 0: off.
Through the store (``pipeline._place_chunk``) the states within the horizon of each long dated
article whose text names a day beyond its window are loaded (``reach``), so its far look-up
reads what an in-memory index would; a stored lone story is read again there when it is loaded.
The recipe (``learn.py``) clusters with this pass off. Pure: no I/O.

**The evidence gate** (stories round 46): on a stream of recurring topics a story weeks away worded
alike is as often another event of the kind (round 45: 11 of the scale stream's 20 far moves were
wrong), so a target the likelihood picks is taken only when the lone article also carries evidence
the words do not give (``evidence``), both of:

- **a name of the story's own** (``own_name``): a term of the lone story's ``names`` field that the
  host holds with a summed weight of at least ``OWN`` of its size (about half its members name
  it) and that at most ``RARE`` other stories hold within the horizon of the lone article's day
  (a country, a leader, a team is held by many; an event split in a few stories, by a few);
- **a date its text names inside the story's span** (``named_dates``, ``in_span``): a month name
  with a day number ("March 3", "3 March 2009"), of the year written or else of the year nearest
  the publication day, from ``BEFORE`` days before the host's first dated member to its last.
  News style names a day within a week by its weekday and beyond it by month and day, so a
  follow-up weeks on names its event's day. Read when the article is prepared (long dated
  articles only) and stored with the member (``Member.dates``), so stored lone stories are gated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from broadsheet.stories import lonewords
from broadsheet.stories.index import STORY_TERMS, StoryIndex, StoryState, heaviest, weigh
from broadsheet.timestamps import MONTH_NAME, MONTHS

if TYPE_CHECKING:
    from broadsheet.stories.engine import Clusterer, Incoming

HORIZON = 60.0  # days: the farthest a lone long dated article moves by its words (0: off)
OWN = 0.5  # a name is the host's own when its summed weight is at least this share of its size
RARE = 2  # ... and at most this many other stories hold it within the horizon
BEFORE = 2  # days before the host's first member a date the text names may fall (the event itself)

_MONTH = rf"({MONTH_NAME})"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+(\d{{4}})\b)?")
DAY_PATTERNS = ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1))  # (pattern, month's group, day's group)


def named_dates(text: str, day: float) -> tuple[int, ...]:
    """The days (ordinals) ``text`` names by month and day number, sorted: of the year written,
    else of the year (the publication's, or one either side) that puts it nearest ``day``."""
    published = math.floor(day)
    found: set[int] = set()
    for pattern, month_at, day_at in DAY_PATTERNS:
        for match in pattern.finditer(text):
            month, number, year = (MONTHS[match.group(month_at)[:3].lower()],
                                   int(match.group(day_at)), match.group(3))
            years = [int(year)] if year else [date.fromordinal(published).year + k for k in (-1, 0, 1)]
            named = []
            for y in years:
                try:
                    named.append(date(y, month, number).toordinal())
                except ValueError:
                    continue
            if named:
                found.add(min(named, key=lambda d: abs(d - published)))
    return tuple(sorted(found))


def in_span(dates: Sequence[int], host: StoryState, before: int = BEFORE) -> bool:
    """One of ``dates`` falls from ``before`` days before the host's first dated member to its last."""
    if not host.days:
        return False
    first, last = math.floor(host.days[0]) - before, math.floor(host.days[-1])
    return any(first <= d <= last for d in dates)


def own_name(index: StoryIndex, lone: StoryState, host: StoryState, horizon: float,
             own: float = OWN, rare: int = RARE) -> bool:
    """The lone story and the host share a name the host holds as its own (a summed weight of at
    least ``own`` of its size) that at most ``rare`` other stories hold within ``horizon`` days
    of the lone story's day (the index's dated buckets there)."""
    shared, _, at = np.intersect1d(lone.names.ids, host.names.ids, return_indices=True)
    held = shared[host.names.vals[at] >= own * host.size]
    if not len(held) or not lone.days:
        return False
    return rare_near(index, held.tolist(), lone.days[0], horizon, {lone.id, host.id}, rare)


def rare_near(index: StoryIndex, terms: Sequence[int], day: float, horizon: float, others_than: set[str],
              rare: int) -> bool:
    """Some of ``terms`` is held by at most ``rare`` stories, ``others_than`` aside, within
    ``horizon`` days of ``day`` (the index's dated buckets there)."""
    low, high = index.bucket_of(day - horizon), index.bucket_of(day + horizon)
    return any(len(index.posted(int(term), low, high, rare + len(others_than) + 1) - others_than) <= rare
               for term in terms)


def reach(item: Incoming, window_days: float, horizon: float = HORIZON) -> float:
    """How far beyond its window the store must load for ``item`` (``pipeline._place_chunk``):
    the horizon for a long dated article whose text names a day more than the window (less
    ``BEFORE``) from its own, since only such an article can pass ``in_span`` against a story
    beyond the window; else nothing (0). A stored lone story is read again from the other side
    only when it is loaded (it shares a term with such an article, or with one of the chunk's
    articles within the window): a follow-up ingested before the story whose day it names."""
    day = item.features.day
    if day is None or item.length < lonewords.LONG:
        return 0.0
    far = any(abs(d - math.floor(day)) > window_days - BEFORE for d in item.member.dates)
    return horizon if far else 0.0


def evidence(index: StoryIndex, lone: StoryState, host: StoryState, horizon: float) -> bool:
    """Both: the lone article's text names a date inside the host's span, and they share a name
    of the host's own (module docstring)."""
    return in_span(lone.members[0].dates, host) and own_name(index, lone, host, horizon)


def lone_long_dated(story: StoryState, long: int) -> bool:
    """A story of one dated member with a body of at least ``long`` words, no roundup."""
    if story.size != 1 or story.roundup or not story.days:
        return False
    words = story.members[0].words
    return words is not None and words >= long and not story.members[0].roundup


def far_apart(index: StoryIndex, host: StoryState, day: float, horizon: float) -> bool:
    """``host`` is beyond the window of ``day`` and within ``horizon`` of it (an undated member
    keeps it in every window: such a story is an ordinary candidate already)."""
    gap = host.gap(day)
    return gap is not None and not host.undated and index.window_days < gap <= horizon


def target(index: StoryIndex, lone: StoryState, vocabulary: int,
           horizon: float) -> lonewords.Target | None:
    """The best far candidate of a lone long dated story, and the gain (module docstring)."""
    day = lone.days[0]
    weighted = weigh(index.idf, lone.title, lone.lead, lone.names)

    def host(s: StoryState) -> bool:
        return s.size > 1 and not s.roundup and s.id != lone.id and far_apart(index, s, day, horizon)

    hosts = index.far_candidates((weighted.title, weighted.lead, weighted.names), day, day,
                                 horizon, lonewords.CANDIDATES, host)
    buckets = np.union1d(lone.title.ids, lone.lead.ids)
    if not hosts or not len(buckets):
        return None
    bags = [lonewords.bag(h, buckets) for h in hosts]
    gain = lonewords.gains(np.array([b[0] for b in bags]), np.array([b[1] for b in bags]),
                           np.array([float(h.size) for h in hosts]), len(buckets), vocabulary)
    best = int(np.argmax(gain))
    return lonewords.Target(0, hosts[best].id, float(gain[best]), len(buckets))


def met(index: StoryIndex, story: StoryState, long: int, horizon: float,
        batch: set[str], *, named: bool = False) -> list[StoryState]:
    """The stored lone long dated stories (not of the batch) that ``story`` meets: its far
    candidates among them, by its ``STORY_TERMS`` heaviest terms per field (the merge pass's
    look-up), over the buckets within ``horizon`` of its first and last dated member.

    The look-up reads only the stories of one dated member there (``StoryIndex.singles``) and
    the buckets they are posted in (``far_candidates``' ``among``): the same stories in the same
    order as reading every story of every bucket. With ``named`` (the evidence gate on) only the
    ones whose text names a day are returned, and none is looked up when no lone story there
    names one: a lone story naming no day never passes ``in_span``, so the moves are the same
    (stories round 47: most look-ups end there)."""
    if story.size < 2 or story.roundup or story.undated or not story.days:
        return []
    first, last = story.days[0], story.days[-1]
    weighted = index.weighted(story)  # first: it caches the weights the later passes read

    def lone(s: StoryState) -> bool:
        return (s.id not in batch and lone_long_dated(s, long)
                and far_apart(index, story, s.days[0], horizon))

    among = index.singles(first, last, horizon, long, lone)
    if not among or (named and not any(s.members[0].dates for s in among)):
        return []
    vectors = tuple(heaviest(v, STORY_TERMS) for v in (weighted.title, weighted.lead, weighted.names))
    found = index.far_candidates(vectors, first, last, horizon, lonewords.CANDIDATES, lone,
                                 among=among)
    return [s for s in found if s.members[0].dates] if named else found


def absorb_far(engine: Clusterer, items: Sequence[Incoming], long: int = lonewords.LONG,
               horizon: float = HORIZON, margin: float = lonewords.MARGIN, *,
               gate: bool = True) -> int:
    """Merge each lone long dated story (the batch's, and the stored ones the batch's stories
    meet) into its best far candidate when the gain passes ``margin`` per distinct bucket and,
    with ``gate``, the lone article carries the ``evidence`` (module docstring); returns how many
    were absorbed. ``long`` or ``horizon`` 0: nothing."""
    if long <= 0 or horizon <= 0:
        return 0
    index = engine.index
    placed = {index.resolve(index.where[i.member.article_id]) for i in items
              if i.member.article_id in index.where}
    stories = [index.stories[s] for s in sorted(placed) if s in index.stories]
    lone = {s.id: s for s in stories if lone_long_dated(s, long)}
    for story in stories:
        for found in met(index, story, long, horizon, placed, named=gate):
            lone.setdefault(found.id, found)
    vocabulary = max(1, int(np.count_nonzero(index.idf.df)))
    found_targets = []
    for sid, story in sorted(lone.items()):
        aim = target(index, story, vocabulary, horizon)
        if aim is None or aim.gain <= margin * aim.words:
            continue
        if gate and not evidence(index, story, index.stories[aim.story], horizon):
            continue
        found_targets.append((sid, aim))
    merged = 0
    for sid, aim in found_targets:
        small = index.stories.get(index.resolve(sid))
        large = index.stories.get(index.resolve(aim.story))
        if small is None or large is None or small is large or small.size != 1:
            continue
        index.merge(large, small)
        engine.touched.add(large.id)
        merged += 1
    return merged
