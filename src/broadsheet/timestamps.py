"""Time: every publication or fetch date is normalised here, once, at the boundary.

Whatever arrives — ISO 8601 (``2019-11-19``, ``2019-11-19T10:00:00Z``), a feed's or HTTP's RFC 2822 date
(``Sat, 02 Mar 2024 10:00:00 GMT``), a page's loose byline (``Nov. 19, 2019 10:00 AM EST``,
``PUBLISHED : THURSDAY, MAY 2, 2013, 1 : 32 PM``) — becomes one form: a timezone-aware ISO 8601
instant in UTC, to the second (``2024-03-02T10:00:00+00:00``). In that form strings sort as time does,
so stores and stages compare them without parsing again. Rules:

- a value with an offset or zone name is converted to UTC; a value without one is read as UTC;
- a date without a time of day is midnight UTC of that date;
- relative phrases ("2 hours ago", "yesterday") are not publication dates: they are refused, since
  their value would depend on the clock of whoever read them (dates *inside* an article are another
  matter: ``analyze.dates`` resolves them against the article's publication date);
- anything else unreadable is ``None`` — an unknown date, never a guess.

``declared_day`` reads the day a raw value names in its own offset (what the page prints).
Readers of normalised values: ``instant`` (a ``datetime``), ``day`` (its UTC date), ``timestamp``
(seconds since the epoch) and ``display_date`` ("19 November 2019"); ``shift`` and
``seconds_between`` do arithmetic on them (next checks, Retry-After). ``now`` is the one clock.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}  # by 3 letters
# A month's name, whole or cut short as news writes it ("Sept", "Nov"), as a regex (no group, no dot).
MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
              r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b", re.I)
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})\b", re.I)
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_SPACED_SEPARATOR = re.compile(r"(\d)\s*([:/])\s*(\d)")
MIN_YEAR, MAX_YEAR = 1900, 2100


def now() -> str:
    """The current time, normalised: the default clock of the store and the CLI."""
    return to_iso(datetime.now(UTC))


def to_iso(moment: datetime) -> str:
    """``moment`` as normalised text (UTC, to the second); a naive value is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def shift(iso: str, seconds: float) -> str:
    """The normalised instant ``seconds`` after ``iso`` (before it when negative)."""
    moment = instant(iso)
    if moment is None:
        raise ValueError(f"not an ISO instant: {iso!r}")
    return to_iso(moment + timedelta(seconds=seconds))


def seconds_between(start: str, end: str) -> float:
    """Seconds from ``start`` to ``end`` (both ISO instants); negative when ``end`` is earlier."""
    first, last = instant(start), instant(end)
    if first is None or last is None:
        raise ValueError(f"not ISO instants: {start!r}, {end!r}")
    return (last - first).total_seconds()


def normalise(value: str | None) -> str | None:
    """The normalised form of a date or date-time string, or None when it names no instant."""
    moment = parse(value)
    return to_iso(moment) if moment is not None else None


def parse(value: str | None) -> datetime | None:
    """A timezone-aware ``datetime`` for ``value`` (see the module docstring), or None."""
    text = " ".join((value or "").split())
    if not text:
        return None
    text = _SPACED_SEPARATOR.sub(r"\1\2\3", text)
    for reader in (_iso, _rfc2822, _dateparser, _first_day_named):
        moment = reader(text)
        if moment is not None and MIN_YEAR <= moment.year <= MAX_YEAR:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser

    settings = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": True,
                "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC",
                "PREFER_DAY_OF_MONTH": "first"}
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str) -> datetime | None:
    """dateparser's reading of an absolute date, zone names included ("10:00 AM EST")."""
    try:
        found = _date_parser().get_date_data(text).date_obj
    except (ValueError, OverflowError, TypeError):
        return None
    return found if isinstance(found, datetime) else None


def _first_day_named(text: str) -> datetime | None:
    """The first "May 3, 2013", "3 May 2013" or "05/03/2013" (month first, as in US bylines)
    inside a longer line, at midnight UTC."""
    for pattern, order in ((_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy"), (_SLASHED, "mdy")):
        for found in pattern.finditer(text):
            parts = dict(zip(order, found.groups(), strict=True))
            month = int(parts["m"]) if parts["m"].isdigit() else MONTHS.get(parts["m"][:3].lower(), 0)
            try:
                return datetime(int(parts["y"]), month, int(parts["d"]), tzinfo=UTC)
            except ValueError:
                continue
    return None


# --- readers of normalised values ---------------------------------------------------------------


def declared_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day a date string names in its OWN offset, or None when unreadable.

    ``normalise`` moves an evening with a negative offset to the next UTC day, as the store must;
    the day a page prints ("2020-04-12T18:00:00-07:00" is the 12th) is this one.
    """
    moment = parse(value)
    return moment.date().isoformat() if moment is not None else None


def instant(iso: str | None) -> datetime | None:
    """The aware ``datetime`` of a normalised value (any ISO text works), or None."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def timestamp(iso: str | None) -> float | None:
    """Seconds since the epoch of a normalised value, or None."""
    moment = instant(iso)
    return moment.timestamp() if moment is not None else None


def day(iso: str | None) -> date | None:
    """The UTC calendar date of a normalised value, or None."""
    moment = instant(iso)
    return moment.astimezone(UTC).date() if moment is not None else None


def display_date(iso: str | None) -> str:
    """"19 November 2019" for a normalised value; other text unchanged; "" for None."""
    when = day(iso)
    if when is None:
        return iso or ""
    return f"{when.day} {when:%B %Y}"
