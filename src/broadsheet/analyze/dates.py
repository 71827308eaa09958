"""Date and time phrases of one article, resolved to ISO values against its publication date.

Mentions are spaCy's DATE and TIME entities plus a regex pass for forms the small model misses
(weekdays, "Sept. 10 to 14", "last week", numeric dates ...); overlapping or touching mentions
("Monday" + "evening") merge into one. Ages ("65-year-old") are not dates and are dropped.

Values (``resolve_date``), always relative to ``published`` and never to the clock:

- a day -> ``YYYY-MM-DD``; a month -> ``YYYY-MM``; a year -> ``YYYY``; a week -> the ISO date of
  its Monday ("last week"); a part of a day ("Monday evening", "this morning") -> that day;
- a weekday ("Monday", "on Tuesday") -> that weekday on or before the publication date ("last
  Monday": strictly before; "next Monday": strictly after);
- a month or month-day without a year ("July", "Sept. 10") -> the year that puts it nearest the
  publication date (a news report of September calls last December "December");
- a range ("Sept. 10 to 14", "Monday through Wednesday") -> its start; qualifiers ("late last
  year", "earlier this month", "mid-July") -> the period they qualify;
- ``None`` when the phrase is relative ("Monday", "July 4", "last year") and there is no
  publication date, or when it is not a point in time at all ("for months", "the 1990s", a clock
  time alone).

dateparser does the parsing, with ``RELATIVE_BASE`` set to the publication date (or, without one,
to two fixed far-apart dates: a phrase whose value changes with the base is relative, so None).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from broadsheet.analyze.spans import ents_of, text_of
from broadsheet.model import DateMention, Span
from broadsheet.timestamps import MONTH_NAME
from broadsheet.timestamps import day as day_of

_MONTH = MONTH_NAME + r"\.?"
_FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_RANGE = r"(?:\s*(?:-|–|—|to|through)\s*\d{1,2}(?!\d))?"
_PATTERNS = (
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?{_RANGE}(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b",
    rf"\b{_MONTH}\s+\d{{4}}\b",
    rf"\b(?:(?:last|this|next|on)\s+)?{_WEEKDAY}(?:\s+{_PART_OF_DAY})?\b",
    r"\b(?:yesterday|today|tonight|tomorrow)\b",
    r"\b(?:(?:early|late|mid-?|earlier|later)\s*)?(?:last|this|next|past)\s+(?:week|month|year)\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{4}\b",
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    rf"(?<=\b(?:in|by) ){_FULL_MONTH}\b",
    rf"(?<=\bsince ){_FULL_MONTH}\b",
    rf"(?<=\buntil ){_FULL_MONTH}\b",
    rf"\b(?:early|late|mid-?)\s*{_FULL_MONTH}\b",
)
_REGEX = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_AGE = re.compile(r"\d+[- ]years?[- ]old|\bage[sd]?\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_QUALIFIERS = re.compile(
    r"^(?:the|on|in|at|by|since|until|from|during|of|early|late|mid-?|earlier|later|this past)\s+",
    re.IGNORECASE,
)
_RANGE_SPLIT = re.compile(r"\s*(?:–|—|\bto\b|\bthrough\b|\buntil\b|-(?=\s*\d)|-(?=\s*[A-Za-z]+day))\s*")
_MONTH_ABBREV = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.IGNORECASE)
_HAS_MONTH = re.compile(_MONTH, re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_DECADE = re.compile(r"\b\d{2,4}'?s\b")
_DAY_WORDS = re.compile(rf"\b(?:today|tonight|yesterday|tomorrow|this|{_WEEKDAY})\b", re.IGNORECASE)
_FIXED_BASES = (dt.datetime(2001, 3, 14, 12), dt.datetime(2011, 10, 27, 12))
_TIME_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class _Parsed:
    """A dateparser result reduced to what we keep: the date and its granularity."""

    day: dt.date
    period: str


def find_dates(doc: Doc, published: str | None = None) -> list[DateMention]:
    """Every date or time phrase of ``doc`` in text order, each resolved against ``published``."""
    text = text_of(doc)
    spans = [(ent.start_char, ent.end_char) for ent in ents_of(doc) if ent.label_ in _TIME_LABELS]
    spans += [match.span() for match in _REGEX.finditer(text)]
    mentions = []
    for start, end in _merge(text, spans):
        phrase = text[start:end]
        if not _AGE.search(phrase):
            mentions.append(DateMention(phrase, resolve_date(phrase, published), (start, end)))
    return mentions


def _merge(text: str, spans: list[Span]) -> list[Span]:
    """Union of overlapping spans, and of spans separated by nothing but a space."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1 and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def resolve_date(phrase: str, published: str | None) -> str | None:
    """The ISO value of a date phrase (see the module docstring), or None."""
    base = _noon_of(published)
    clean = _normalise(phrase)
    if not clean or _DECADE.search(clean):
        return None
    weekday = _weekday(clean, base)
    if weekday is not None or _is_weekday_phrase(clean):
        return weekday
    if base is not None:
        parsed = _parse(clean, base)
        return _format(_nearest_year(clean, parsed, base.date())) if parsed else None
    values = {_format(parsed) if parsed else None for parsed in (_parse(clean, b) for b in _FIXED_BASES)}
    return values.pop() if len(values) == 1 else None


def _noon_of(published: str | None) -> dt.datetime | None:
    """Noon of the publication day (a normalised value), or None when there is no date."""
    day = day_of(published)
    return None if day is None else dt.datetime(day.year, day.month, day.day, 12)


def _normalise(phrase: str) -> str:
    """Lower-level form for parsing: qualifiers dropped, first half of a range, "Sept." -> "Sep"."""
    clean = " ".join(phrase.split())
    clean = re.sub(r"^(?:early|late|mid|earlier|later)[- ]", "", clean, flags=re.IGNORECASE)
    while (match := _QUALIFIERS.match(clean)) is not None:
        clean = clean[match.end() :]
    clean = re.sub(r"^mid-?", "", clean, flags=re.IGNORECASE)
    clean = _first_of_range(clean)
    return _MONTH_ABBREV.sub(lambda m: m.group(1)[:3], clean).strip(" ,.")


def _first_of_range(clean: str) -> str:
    """ "Sept. 10 to 14" -> "Sept. 10"; "Monday through Wednesday" -> "Monday"."""
    parts = _RANGE_SPLIT.split(clean, maxsplit=1)
    if len(parts) == 2 and parts[0] and _HAS_YEAR.search(parts[1]) and not _HAS_YEAR.search(parts[0]):
        year = _HAS_YEAR.search(parts[1])
        return f"{parts[0]} {year.group()}" if year else parts[0]
    return parts[0] if parts[0] else clean


def _is_weekday_phrase(clean: str) -> bool:
    """Whether the phrase is a weekday, possibly with last/next and a part of the day."""
    words = clean.lower().split()
    return bool(words) and any(word in _WEEKDAYS for word in words[:2]) and len(words) <= 3


def _weekday(clean: str, base: dt.datetime | None) -> str | None:
    """A weekday phrase resolved against ``base`` (on or before; "last" before; "next" after)."""
    words = clean.lower().split()
    if base is None or not _is_weekday_phrase(clean):
        return None
    target = next(_WEEKDAYS.index(word) for word in words if word in _WEEKDAYS)
    back = (base.weekday() - target) % 7
    if words[0] == "next":
        return (base.date() + dt.timedelta(days=(target - base.weekday()) % 7 or 7)).isoformat()
    if words[0] == "last" and back == 0:
        back = 7
    return (base.date() - dt.timedelta(days=back)).isoformat()


@lru_cache(maxsize=64)
def _parser(base: dt.datetime) -> DateDataParser:
    """A dateparser instance for one base date (English, no clock, deterministic)."""
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _parse(clean: str, base: dt.datetime) -> _Parsed | None:
    """dateparser's reading of the phrase, or None (a clock time without a day word is None)."""
    try:
        data = _parser(base).get_date_data(clean)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None:
        return None
    period = str(data.period or "day")
    if period in {"time", "part_of_day"} and not _DAY_WORDS.search(clean):
        return None
    return _Parsed(data.date_obj.date(), period)


def _nearest_year(clean: str, parsed: _Parsed, base: dt.date) -> _Parsed:
    """For a month or month-day without a year, the year that lies nearest the base date."""
    if not _HAS_MONTH.search(clean) or _HAS_YEAR.search(clean) or parsed.period not in {"day", "month"}:
        return parsed
    candidates = [_with_year(parsed.day, parsed.day.year + shift) for shift in (-1, 0, 1)]
    best = min((c for c in candidates if c is not None), key=lambda day: abs((day - base).days))
    return _Parsed(best, parsed.period)


def _with_year(day: dt.date, year: int) -> dt.date | None:
    """``day`` moved to ``year`` (None for 29 February in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _format(parsed: _Parsed) -> str:
    """ISO text at the phrase's granularity."""
    if parsed.period == "year":
        return f"{parsed.day.year:04d}"
    if parsed.period == "month":
        return f"{parsed.day.year:04d}-{parsed.day.month:02d}"
    if parsed.period == "week":
        return (parsed.day - dt.timedelta(days=parsed.day.weekday())).isoformat()
    return parsed.day.isoformat()
