"""The related-stories list of a flattened page, read into ``RelatedItem`` values.

Flattened to text, a related-stories widget is a run of items divided by separator lines
("-", "•", "*" ... alone on a line). Each item is a headline line, then a line that starts with a
section label and goes on with a teaser::

    -
    Taking aim at Venezuela's autocrat
    Feature The Trump administration is ramping up military pressure on ...

Section labels are found by repetition, not by name: the longest leading word sequence (up to
four words, compared case-insensitively) that starts the teaser line of at least two items, whose
count does not drop below that of its own first word. A label seen only in capitals
("IN THE SPOTLIGHT") takes the spelling of a mixed-case occurrence, else title case. An item
whose teaser has no recurring label keeps ``label=None`` and its whole line as summary; a label
alone on its own line is read the same way.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.model import RelatedItem
from broadsheet.text import word_count

_SEPARATOR = re.compile(r"^\s*[-–—•*·|>»]{1,3}\s*$")
_MIN_ITEMS = 3
_MAX_ITEM_LINES = 3
_MAX_LABEL_WORDS = 4
_SMALL_WORDS = frozenset(["a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"])


@dataclass(frozen=True)
class RelatedList:
    """A related-stories list found in ``lines``: its items and the line indices it covers."""

    items: tuple[RelatedItem, ...]
    start: int
    end: int


def is_separator(line: str) -> bool:
    """A line that only divides list items: a dash, bullet or pipe alone."""
    return bool(_SEPARATOR.match(line))


def _separator_runs(lines: Sequence[str]) -> list[list[int]]:
    """Groups of separator indices at most ``_MAX_ITEM_LINES + 1`` lines apart."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if not is_separator(line):
            continue
        if runs and i - runs[-1][-1] <= _MAX_ITEM_LINES + 1 and _solid(lines, runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= _MIN_ITEMS - 1]


def _solid(lines: Sequence[str], a: int, b: int) -> bool:
    """True when the lines strictly between ``a`` and ``b`` are all non-empty item lines."""
    between = lines[a + 1 : b]
    return bool(between) and all(line.strip() for line in between)


def _chunks(lines: Sequence[str], run: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` line ranges of the items around a run of separators."""
    sizes = [b - a - 1 for a, b in itertools.pairwise(run)]
    size = Counter(sizes).most_common(1)[0][0]
    chunks = [(a + 1, b) for a, b in itertools.pairwise(run)]
    tail_end = run[-1] + 1 + size
    if tail_end <= len(lines) and _solid(lines, run[-1], tail_end):
        chunks.append((run[-1] + 1, tail_end))
    return chunks


def _prefixes(line: str) -> list[str]:
    """Lower-cased leading word sequences of ``line``, 1 to ``_MAX_LABEL_WORDS`` words."""
    words = line.split()
    return [" ".join(words[:n]).lower() for n in range(1, min(_MAX_LABEL_WORDS, len(words) - 1) + 1)]


def find_labels(teasers: Sequence[str]) -> set[str]:
    """Lower-cased section labels: leading word sequences that recur across teaser lines.

    From a first word that starts two or more teasers, the label grows word by word while every
    teaser with the shorter prefix also has the longer one; trailing small words are dropped, and
    every occurrence must be followed by a capitalised word (the teaser's first word).
    """
    counts = Counter(p for line in teasers for p in set(_prefixes(line)))
    labels = {_grow(_prefixes(line), counts) for line in teasers}
    return {lab for lab in labels if lab and _before_capital(lab, teasers)}


def _grow(prefixes: Sequence[str], counts: Counter[str]) -> str:
    """The longest prefix whose count equals its first word's (at least 2), small words trimmed."""
    if not prefixes or counts[prefixes[0]] < 2:
        return ""
    best = prefixes[0]
    for prefix in prefixes[1:]:
        if counts[prefix] != counts[best]:
            break
        best = prefix
    words = best.split()
    while words and words[-1] in _SMALL_WORDS:
        words.pop()
    return " ".join(words)


def _before_capital(label: str, teasers: Sequence[str]) -> bool:
    """True when every teaser starting with ``label`` goes on with a capitalised word."""
    n = len(label.split())
    for teaser in teasers:
        words = teaser.split()
        if " ".join(words[:n]).lower() == label and not words[n][:1].isupper():
            return False
    return True


def label_spelling(label: str, teasers: Sequence[str]) -> str:
    """How ``label`` is written: a mixed-case occurrence if any, else title case."""
    n = len(label.split())
    forms = [" ".join(t.split()[:n]) for t in teasers if " ".join(t.split()[:n]).lower() == label]
    mixed = [f for f in forms if not f.isupper()]
    if mixed:
        return Counter(mixed).most_common(1)[0][0]
    return " ".join(w if w in _SMALL_WORDS and i else w.capitalize()
                    for i, w in enumerate(label.split()))


def _item(lines: Sequence[str], labels: set[str], teasers: Sequence[str]) -> RelatedItem:
    """One item from its lines: headline, then an optional label and the teaser."""
    title, rest = lines[0].strip(), " ".join(line.strip() for line in lines[1:])
    for label in sorted(labels, key=lambda x: -len(x)):
        n = len(label.split())
        if " ".join(rest.split()[:n]).lower() == label:
            summary = " ".join(rest.split()[n:]) or None
            return RelatedItem(title, label_spelling(label, teasers), summary)
    return RelatedItem(title, None, rest or None)


def _items_of(lines: Sequence[str], chunks: list[tuple[int, int]]) -> tuple[RelatedItem, ...]:
    """Read every chunk into a RelatedItem, with labels learnt from all the chunks."""
    teasers = [" ".join(line.strip() for line in lines[a + 1 : b]) for a, b in chunks]
    labels = find_labels(teasers)
    return tuple(_item(lines[a:b], labels, teasers) for a, b in chunks)


def find_related(lines: Sequence[str]) -> RelatedList | None:
    """The longest separator-divided list of at least three items in ``lines``, if any.

    Blank lines are skipped (a dump may put one between every line); ``start`` and ``end`` index
    ``lines`` itself.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    dense = [lines[i] for i in filled]
    best: RelatedList | None = None
    for run in _separator_runs(dense):
        chunks = [c for c in _chunks(dense, run) if c[1] > c[0]]
        if len(chunks) < _MIN_ITEMS:
            continue
        items = _items_of(dense, chunks)
        if best is None or len(items) > len(best.items):
            best = RelatedList(items, filled[run[0]], filled[chunks[-1][1] - 1] + 1)
    return best


def outweighs(found: RelatedList, lines: Sequence[str]) -> bool:
    """True when the list holds more words than the rest of ``lines``: the body's own content (a
    page of events or products, each with its description), not a widget of stories beside it. On
    the WCXB dev articles one list in seven found in trafilatura's bodies does (an events page:
    4,341 words in the list, 107 outside); a related widget is a few headlines under the story."""
    inside = sum(word_count(line) for line in lines[found.start : found.end])
    return inside > sum(word_count(line) for line in lines) - inside
