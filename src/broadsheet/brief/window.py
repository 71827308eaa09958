"""Edition windows: which stretch of time an edition covers.

A **daily** edition covers one local day, midnight to midnight in the ``timezone`` setting; a
**weekly** edition the seven local days ending on its date. The window is half-open, ``[start,
end)``, and kept in UTC (the store's one form, see ``timestamps``), so a story is in an edition when
one of its articles is dated inside it. Without ``--date`` the edition covers the latest local day
that has articles (``latest_day``), never a day after the clock's. ``everything`` is the window of
the demo: all that is stored, no bounds.

An article's date is its publication date, else when it was fetched, else when it was first stored
(the store resolves that: ``Store.latest_article_date``, ``Store.stories_between``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from broadsheet.errors import ConfigError
from broadsheet.timestamps import instant, to_iso

KINDS = ("daily", "weekly")
DAYS = {"daily": 1, "weekly": 7}


@dataclass(frozen=True)
class Window:
    """The time an edition covers: ``[start, end)`` in UTC; both None for everything stored."""

    kind: str
    timezone: str
    date: str | None = None
    start: str | None = None
    end: str | None = None

    def holds(self, moment: str | None) -> bool:
        """Whether the normalised instant ``moment`` falls inside the window."""
        if self.start is None or self.end is None:
            return True
        return moment is not None and self.start <= moment < self.end


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name`` ("Europe/London", "UTC"); ConfigError when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"timezone: unknown time zone {name!r} (use an IANA name such as "
                          "Europe/London or UTC)") from exc


def check_kind(kind: str) -> str:
    """``kind`` when it is an edition kind; ConfigError otherwise."""
    if kind not in KINDS:
        raise ConfigError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def parse_day(text: str) -> date:
    """A ``--date`` value (``YYYY-MM-DD``) as a date; ConfigError when it is not one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ConfigError(f"--date must be a day as YYYY-MM-DD, not {text!r}") from exc


def local_day(moment: str, timezone: str) -> date | None:
    """The calendar day of the normalised instant ``moment`` in ``timezone``."""
    when = instant(moment)
    return when.astimezone(zone(timezone)).date() if when is not None else None


def window(day: date, kind: str, timezone: str) -> Window:
    """The window of the ``kind`` edition of ``day`` in ``timezone`` (module docstring)."""
    tz = zone(timezone)
    first = day - timedelta(days=DAYS[check_kind(kind)] - 1)
    start = datetime.combine(first, time(), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return Window(kind, timezone, day.isoformat(), to_iso(start), to_iso(end))


def everything(kind: str, timezone: str, latest: str | None) -> Window:
    """A window over all that is stored (the demo's), dated by the latest article."""
    day = local_day(latest, timezone) if latest else None
    return Window(check_kind(kind), timezone, day.isoformat() if day else None)


def latest_day(latest: str | None, timezone: str, now: str) -> date:
    """The day of the latest article (``latest``, found by the store no later than ``now``), else
    the day of ``now``: the default edition day."""
    found = local_day(latest, timezone) if latest else None
    return found or local_day(now, timezone) or datetime.now(UTC).date()
