"""When the newsletter is due: the daily edition at ``send_at`` in ``timezone``, the weekly Good News
edition at the same time on ``weekly_day``; each once.

A **slot** is one scheduled send: a kind (``daily``/``weekly``) and the local day it is sent on. A
slot opens at ``send_at`` on its day and closes at midnight: a machine that was off at 07:00 and
comes back at 15:00 still sends that day's letter, but yesterday's is never sent today (its news is
stale; today's slot covers it). Which edition a slot sends is decided once, when it is first
served, and kept in the ledger (``send_runs``), so a send that crashed half-way resumes with the
same edition instead of building a new one and mailing everybody again.

The edition of a slot covers ``edition_day``: the day before when the letter goes out in the
morning (``send_at`` before noon: yesterday's news, complete), the day itself from noon on (an
evening letter of the day's news). Everything here is pure; the caller passes the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from broadsheet.brief.window import zone
from broadsheet.errors import ConfigError
from broadsheet.settings import Settings
from broadsheet.timestamps import instant

KINDS = ("daily", "weekly")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NOON = time(12, 0)
_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class Slot:
    """One scheduled send: ``kind`` on local ``day`` (``YYYY-MM-DD``), its edition covering
    ``edition_day``."""

    kind: str
    day: str
    edition_day: str


@dataclass(frozen=True)
class Plan:
    """The schedule settings, checked: send time, time zone, weekday of the weekly (or None)."""

    send_at: time
    zone: ZoneInfo
    weekly_day: int | None

    @classmethod
    def from_settings(cls, settings: Settings) -> Plan:
        return cls(send_time(settings.send_at), zone(settings.timezone), weekday(settings.weekly_day))


def send_time(text: str) -> time:
    """``send_at`` (``HH:MM``, 24 hours) as a time of day; ConfigError otherwise."""
    match = _HHMM.fullmatch(text.strip())
    if match is None:
        raise ConfigError(f"send_at must be a time of day as HH:MM (07:00, 18:30), not {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def weekday(name: str) -> int | None:
    """``weekly_day`` as Monday=0 ... Sunday=6, None when empty; ConfigError otherwise."""
    key = name.strip().lower()
    if not key:
        return None
    matches = [i for i, day in enumerate(WEEKDAYS) if day.startswith(key) and len(key) >= 3]
    if len(matches) != 1:
        raise ConfigError(f"weekly_day must be a day of the week (sunday, mon ...) or empty, "
                          f"not {name!r}")
    return matches[0]


def local_now(now: str, plan: Plan) -> datetime:
    """The instant ``now`` (ISO) in the plan's time zone."""
    moment = instant(now)
    if moment is None:
        raise ValueError(f"not an ISO instant: {now!r}")
    return moment.astimezone(plan.zone)


def edition_day(day: date, plan: Plan) -> date:
    """The day a slot's edition covers (module docstring)."""
    return day - timedelta(days=1) if plan.send_at < NOON else day


def open_slots(now: str, plan: Plan) -> list[Slot]:
    """The slots open at ``now``: today's daily (and weekly, on its day) once ``send_at`` passed."""
    local = local_now(now, plan)
    if local.time() < plan.send_at:
        return []
    today = local.date()
    covers = edition_day(today, plan).isoformat()
    slots = [Slot("daily", today.isoformat(), covers)]
    if plan.weekly_day == today.weekday():
        slots.append(Slot("weekly", today.isoformat(), covers))
    return slots


def next_opening(now: str, plan: Plan) -> str:
    """The ISO instant (UTC) of the next ``send_at`` after ``now``: how long a scheduler may sleep."""
    local = local_now(now, plan)
    moment = datetime.combine(local.date(), plan.send_at, tzinfo=plan.zone)
    if moment <= local:
        moment = datetime.combine(local.date() + timedelta(days=1), plan.send_at, tzinfo=plan.zone)
    return moment.astimezone(ZoneInfo("UTC")).isoformat()
