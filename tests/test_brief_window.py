"""Edition windows: local days in the timezone setting, weeks, the latest day, and the store's view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from broadsheet import pipeline
from broadsheet.brief.window import latest_day, parse_day, window
from broadsheet.errors import ConfigError
from broadsheet.store import Store
from test_brief_data import COUNCIL, JAPAN, KIM
from webstore import SETTINGS, build_store


def test_a_daily_window_is_a_local_day_in_utc() -> None:
    london = window(date(2019, 7, 1), "daily", "Europe/London")  # summer time, UTC+1
    assert (london.start, london.end) == ("2019-06-30T23:00:00+00:00", "2019-07-01T23:00:00+00:00")
    tokyo = window(date(2025, 10, 4), "daily", "Asia/Tokyo")
    assert tokyo.start == "2025-10-03T15:00:00+00:00" and tokyo.holds("2025-10-04T00:00:00+00:00")
    assert not tokyo.holds(tokyo.end) and tokyo.holds(tokyo.start) and not tokyo.holds(None)


def test_a_weekly_window_is_seven_days_ending_on_its_date() -> None:
    week = window(date(2019, 11, 20), "weekly", "UTC")
    assert (week.start, week.end, week.date) == (
        "2019-11-14T00:00:00+00:00", "2019-11-21T00:00:00+00:00", "2019-11-20")


def test_the_default_day_is_the_latest_with_articles_in_the_timezone() -> None:
    now = "2030-01-01T00:00:00+00:00"
    assert latest_day("2025-10-04T20:00:00+00:00", "UTC", now) == date(2025, 10, 4)
    assert latest_day("2025-10-04T20:00:00+00:00", "Asia/Tokyo", now) == date(2025, 10, 5)
    assert latest_day(None, "UTC", now) == date(2030, 1, 1)


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", ""])
def test_bad_dates_kinds_and_zones_are_config_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        parse_day(bad)
    with pytest.raises(ConfigError):
        window(date(2025, 1, 1), "monthly", "UTC")
    with pytest.raises(ConfigError):
        window(date(2025, 1, 1), "daily", "Mars/Olympus")


def test_the_store_gives_a_window_only_its_stories_and_what_was_known_then(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    build_store(db)
    created = "2025-10-07T00:00:00+00:00"
    with Store.open(db) as store:
        latest = pipeline.make_edition(store, SETTINGS, created=created)
        assert latest.date == "2025-10-04" and latest.kind == "daily"
        assert [s.story_id for s in latest.stories] == [JAPAN]
        day3 = pipeline.make_edition(store, SETTINGS, created=created, date="2025-10-03")
        assert {s.story_id for s in day3.stories} == {COUNCIL, "s-evil"}
        tokyo = replace(SETTINGS, timezone="Asia/Tokyo")
        japan = pipeline.make_edition(store, tokyo, created=created, date="2025-10-04")
        assert [s.story_id for s in japan.stories] == [JAPAN]  # 09:00+09:00 is the 4th there too
        week = pipeline.make_edition(store, SETTINGS, created=created, kind="weekly")
        assert {s.story_id for s in week.stories} == {JAPAN, COUNCIL, "s-evil"}
        assert week.window_start == "2025-09-28T00:00:00+00:00"
        old = pipeline.make_edition(store, SETTINGS, created=created, date="2023-09-05")
        assert [s.story_id for s in old.stories] == [KIM]
        assert old.stories[0].last_published == "2023-09-05T15:00:00+00:00"  # normalised to UTC
        empty = pipeline.make_edition(store, SETTINGS, created=created, date="2024-01-01")
        assert empty.stories == () and empty.sections == ()


def test_the_previous_edition_is_the_last_one_of_the_same_kind_for_an_earlier_day(
        tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    build_store(db)
    with Store.open(db) as store:
        day3 = pipeline.make_edition(store, SETTINGS, created="2025-10-05T00:00:00+00:00",
                                     date="2025-10-03")
        store.put_edition(day3)
        day4 = pipeline.make_edition(store, SETTINGS, created="2025-10-05T01:00:00+00:00",
                                     date="2025-10-04")
        assert day4.previous == day3.id
        again = pipeline.make_edition(store, SETTINGS, created="2025-10-05T02:00:00+00:00",
                                      date="2025-10-03")
        assert again.previous is None  # no daily edition of an earlier day than the 3rd
