"""On time, once: the schedule's slots (pure) and ``send_due`` against a real SMTP server."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from broadsheet.deliver.newsletter import due, send_due
from broadsheet.deliver.schedule import Plan, Slot, next_opening, open_slots, send_time, weekday, zone
from broadsheet.errors import ConfigError
from broadsheet.settings import Settings, load_settings
from broadsheet.store import Store
from mailserver import Mailbox, mail_server
from test_brief_data import corpus

SATURDAY = "2024-03-02"  # a Saturday


def _plan(send_at: str = "07:00", tz: str = "UTC", weekly: str = "sunday") -> Plan:
    return Plan(send_time(send_at), zone(tz), weekday(weekly))


@pytest.mark.parametrize(("text", "expected"), [("07:00", time(7)), ("7:05", time(7, 5)),
                                                ("23:59", time(23, 59)), (" 00:00 ", time(0))])
def test_send_at_is_a_time_of_day(text: str, expected: time) -> None:
    assert send_time(text) == expected


@pytest.mark.parametrize("bad", ["7", "24:00", "07:60", "7am", "", "07:00:00"])
def test_a_bad_send_at_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="send_at"):
        send_time(bad)


def test_weekly_day_and_timezone_are_checked() -> None:
    assert (weekday("Sunday"), weekday("mon"), weekday("")) == (6, 0, None)
    for bad in ("funday", "t", "su"):
        with pytest.raises(ConfigError, match="weekly_day"):
            weekday(bad)
    with pytest.raises(ConfigError, match="timezone"):
        zone("Mars/Olympus_Mons")


def test_the_daily_slot_opens_at_send_at_in_the_timezone() -> None:
    assert open_slots(f"{SATURDAY}T06:59:59+00:00", _plan()) == []
    assert open_slots(f"{SATURDAY}T07:00:00+00:00", _plan()) == [Slot("daily", SATURDAY, "2024-03-01")]
    assert open_slots(f"{SATURDAY}T23:59:00+00:00", _plan()) == [Slot("daily", SATURDAY, "2024-03-01")]
    # 06:30 UTC is 07:30 in Berlin (open) and 01:30 in New York (not yet)
    assert open_slots(f"{SATURDAY}T06:30:00+00:00", _plan(tz="Europe/Berlin"))[0].day == SATURDAY
    assert open_slots(f"{SATURDAY}T06:30:00+00:00", _plan(tz="America/New_York")) == []
    # 23:30 UTC on Saturday is already Sunday 08:30 in Tokyo: Sunday's slots, the weekly one too
    assert open_slots(f"{SATURDAY}T23:30:00+00:00", _plan(tz="Asia/Tokyo")) == [
        Slot("daily", "2024-03-03", "2024-03-02"), Slot("weekly", "2024-03-03", "2024-03-02")]


def test_an_evening_letter_carries_the_days_own_news() -> None:
    assert open_slots(f"{SATURDAY}T18:30:00+00:00", _plan("18:00")) == [Slot("daily", SATURDAY, SATURDAY)]


def test_the_weekly_letter_only_on_its_day() -> None:
    assert [s.kind for s in open_slots("2024-03-03T08:00:00+00:00", _plan())] == ["daily", "weekly"]
    assert [s.kind for s in open_slots("2024-03-03T08:00:00+00:00", _plan(weekly=""))] == ["daily"]


def test_next_opening() -> None:
    assert next_opening(f"{SATURDAY}T06:00:00+00:00", _plan()) == f"{SATURDAY}T07:00:00+00:00"
    assert next_opening(f"{SATURDAY}T07:00:00+00:00", _plan()) == "2024-03-03T07:00:00+00:00"
    # London moves to summer time on 31 March 2024: 07:00 local is then 06:00 UTC
    assert next_opening("2024-03-30T08:00:00+00:00", _plan(tz="Europe/London")) == \
        "2024-03-31T06:00:00+00:00"


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Store, Settings]:
    stories, analyses = corpus()
    store = Store.open(tmp_path / "news.db")
    for analysis in analyses.values():
        store.put_analysis(analysis)
    store.replace_stories(stories)
    for person in ("ann@example.org", "bob@example.org"):
        store.add_subscriber(person)
    settings = load_settings({"db": str(tmp_path / "news.db"), "smtp_host": "127.0.0.1",
                              "mail_from": "news@example.org", "weekly_day": ""},
                             environ={}, config=Path("/none"))
    return store, settings


SUNDAY = "2025-10-05"  # the morning after the fixture's Japan story (4 October 2025)


def test_send_due_sends_each_days_letter_once(setup: tuple[Store, Settings]) -> None:
    store, settings = setup
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        settings = replace(settings, smtp_port=port)
        assert send_due(store, settings, f"{SUNDAY}T06:00:00+00:00") == []  # too early
        assert due(f"{SUNDAY}T07:05:00+00:00", settings, store)
        (first,) = send_due(store, settings, f"{SUNDAY}T07:05:00+00:00")
        assert first.slot.day == SUNDAY and first.report is not None and len(first.report.sent) == 2
        assert (first.edition.kind, first.edition.date) == ("daily", "2025-10-04")  # yesterday's news
        assert "Japan's ruling party elects Sanae Takaichi" in [s.title for s in first.edition.stories]
        assert store.send_run("daily", SUNDAY) == first.edition.id
        assert not due(f"{SUNDAY}T07:35:00+00:00", settings, store)
        assert send_due(store, settings, f"{SUNDAY}T07:35:00+00:00") == []
        assert len(store.editions()) == 1  # not built again
        # a subscriber who joins later that day gets that day's letter, and only they do
        store.add_subscriber("cat@example.org")
        (later,) = send_due(store, settings, f"{SUNDAY}T10:00:00+00:00")
        assert later.edition.id == first.edition.id and later.report.sent == ["cat@example.org"]  # type: ignore[union-attr]
        # the next day is a new slot; a day without news sends nothing
        (monday,) = send_due(store, settings, "2025-10-06T07:01:00+00:00")
        assert monday.edition.date == "2025-10-05" and monday.report is None
        assert not due("2025-10-06T08:00:00+00:00", settings, store)
    people = ("ann@example.org", "bob@example.org", "cat@example.org")
    assert {p: len(mailbox.to(p)) for p in people} == dict.fromkeys(people, 1)


def test_the_weekly_letter_goes_out_on_its_day_beside_the_daily(setup: tuple[Store, Settings]) -> None:
    store, settings = setup
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        settings = replace(settings, smtp_port=port, weekly_day="sunday")
        daily, weekly = send_due(store, settings, f"{SUNDAY}T07:05:00+00:00")
        assert send_due(store, settings, f"{SUNDAY}T09:00:00+00:00") == []
    assert (daily.edition.kind, weekly.edition.kind) == ("daily", "weekly")
    assert daily.edition.id != weekly.edition.id and weekly.edition.date == "2025-10-04"
    subjects = sorted(m.message()["Subject"].strip() for m in mailbox.to("ann@example.org"))
    assert len(subjects) == 2 and subjects[0].startswith("broadsheet weekly, week to 4 October 2025")
    assert subjects[1].startswith("broadsheet, 4 October 2025")


def test_a_slot_interrupted_half_way_resumes_with_the_same_edition(setup: tuple[Store, Settings]) -> None:
    store, settings = setup
    mailbox = Mailbox(refuse={"bob@example.org"})
    with mail_server(mailbox) as port:
        settings = replace(settings, smtp_port=port)
        (first,) = send_due(store, settings, f"{SUNDAY}T07:05:00+00:00")
        assert first.report is not None and first.report.sent == ["ann@example.org"]
        assert due(f"{SUNDAY}T07:35:00+00:00", settings, store)  # bob is still owed his copy
        mailbox.refuse.clear()
        (again,) = send_due(store, settings, f"{SUNDAY}T07:35:00+00:00")
    assert again.edition.id == first.edition.id and again.report.sent == ["bob@example.org"]  # type: ignore[union-attr]
    assert [m.recipients for m in mailbox.messages] == [("ann@example.org",), ("bob@example.org",)]


def test_nothing_is_due_without_subscribers(setup: tuple[Store, Settings]) -> None:
    store, settings = setup
    for subscriber in store.subscribers():
        store.remove_subscriber(subscriber.email)
    assert not due(f"{SATURDAY}T08:00:00+00:00", settings, store)
    assert send_due(store, settings, f"{SATURDAY}T08:00:00+00:00") == []
    assert store.editions() == []
