"""One clock: every date is normalised once, to a timezone-aware ISO 8601 instant in UTC."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadsheet import timestamps
from broadsheet.timestamps import display_date, normalise, timestamp


@pytest.mark.parametrize(("raw", "expected"), [
    ("2019-11-19", "2019-11-19T00:00:00+00:00"),
    ("2019-11-19T10:00:00Z", "2019-11-19T10:00:00+00:00"),
    ("2019-11-19T10:00:00-05:00", "2019-11-19T15:00:00+00:00"),
    ("2019-11-19T10:00:00", "2019-11-19T10:00:00+00:00"),  # no zone: read as UTC
    ("Sat, 02 Mar 2024 10:00:00 GMT", "2024-03-02T10:00:00+00:00"),  # RSS / HTTP
    ("Sat, 02 Mar 2024 10:00:00 +0100", "2024-03-02T09:00:00+00:00"),
    ("Nov. 19, 2019 10:00 AM EST", "2019-11-19T15:00:00+00:00"),  # a byline
    ("Fri., May. 3, 2013 11 : 45 AM PDT", "2013-05-03T18:45:00+00:00"),
    ("First Published : June 13, 2013 4 : 59 PM EDT", "2013-06-13T00:00:00+00:00"),
    ("UPDATED 05 / 03 / 2013 at 11 : 00 AM EDT", "2013-05-03T00:00:00+00:00"),
    ("14 June 2013", "2013-06-14T00:00:00+00:00"),
    ("Last updated: 19 November 2019", "2019-11-19T00:00:00+00:00"),
])
def test_every_form_becomes_one_utc_instant(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "   ", "garbage", "She was 91.", "Feb 30, 2013", "2024-02-30",
    "2 hours ago", "yesterday",  # relative to whoever read them: not a publication date
    "1066-10-14",  # outside the years a news page can carry
])
def test_what_names_no_instant_is_none(raw: str | None) -> None:
    assert normalise(raw) is None


def test_feed_dates_seven_months_apart_stay_apart() -> None:
    """The bug this module fixes: RFC 2822 dates used to be unreadable, so storms merged."""
    march = timestamps.day(normalise("Sat, 02 Mar 2024 10:00:00 GMT"))
    october = timestamps.day(normalise("Tue, 08 Oct 2024 10:00:00 GMT"))
    assert march == date(2024, 3, 2) and october == date(2024, 10, 8)


@given(st.datetimes(min_value=__import__("datetime").datetime(1950, 1, 1),
                    max_value=__import__("datetime").datetime(2090, 1, 1),
                    timezones=st.timezones()))
def test_normalising_is_idempotent_and_keeps_the_instant(moment) -> None:  # type: ignore[no-untyped-def]
    once = normalise(moment.isoformat())
    assert once is not None and normalise(once) == once
    assert timestamp(once) == pytest.approx(moment.replace(microsecond=0).timestamp())


def test_normalised_values_sort_as_time_does() -> None:
    values = ["Sat, 02 Mar 2024 23:30:00 -0500", "2024-03-03T01:00:00Z", "2024-03-02"]
    normal = [normalise(v) or "" for v in values]
    assert sorted(normal) == [normal[2], normal[1], normal[0]]


def test_readers() -> None:
    assert display_date("2019-11-19T23:00:00+00:00") == "19 November 2019"
    assert display_date(None) == "" and display_date("soon") == "soon"
    assert timestamp("2025-01-01") == timestamp("2025-01-01T00:00:00+00:00")
    assert timestamp("last Tuesday") is None and timestamp(None) is None
    assert timestamps.now().endswith("+00:00")


def test_the_declared_day_is_read_in_the_values_own_offset() -> None:
    assert timestamps.declared_day("2020-04-12T18:00:00-07:00") == "2020-04-12"
    assert normalise("2020-04-12T18:00:00-07:00") == "2020-04-13T01:00:00+00:00"
    assert timestamps.declared_day("Jun 24, 2025") == "2025-06-24"
    assert timestamps.declared_day("soon") is None and timestamps.declared_day(None) is None
