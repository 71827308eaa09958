"""Date resolution: pure functions, no model (``resolve_date``), plus the mention finder."""

from __future__ import annotations

import pytest
from spacy.language import Language

from broadsheet.analyze.dates import find_dates, resolve_date
from broadsheet.analyze.nlp import load_model

TUESDAY = "2023-09-05"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("Monday", "2023-09-04"),
        ("on Tuesday", "2023-09-05"),
        ("last Tuesday", "2023-08-29"),
        ("next Monday", "2023-09-11"),
        ("Monday evening", "2023-09-04"),
        ("yesterday", "2023-09-04"),
        ("this month", "2023-09"),
        ("last month", "2023-08"),
        ("last week", "2023-08-28"),
        ("late last year", "2022"),
        ("July", "2023-07"),
        ("December", "2023-12"),
        ("Sept. 10 to 14", "2023-09-10"),
        ("Sept. 12, 2016", "2016-09-12"),
        ("September 2016", "2016-09"),
        ("2016", "2016"),
        ("two days ago", "2023-09-03"),
        ("for months", None),
        ("the 1990s", None),
        ("10 a.m.", None),
    ],
)
def test_resolved_against_publication(phrase: str, value: str | None) -> None:
    assert resolve_date(phrase, TUESDAY) == value


def test_month_without_year_takes_the_nearest_year() -> None:
    assert resolve_date("December", "2024-01-10") == "2023-12"
    assert resolve_date("Jan. 3", "2023-12-28") == "2024-01-03"


@pytest.mark.parametrize("phrase", ["Monday", "last week", "July", "Sept. 10", "this month"])
def test_relative_phrase_without_publication_is_none(phrase: str) -> None:
    assert resolve_date(phrase, None) is None


def test_absolute_phrase_without_publication_resolves() -> None:
    assert resolve_date("Sept. 12, 2016", None) == "2016-09-12"
    assert resolve_date("March 2020", None) == "2020-03"


def test_full_timestamp_is_read_as_its_date() -> None:
    assert resolve_date("Monday", "2023-09-05T23:10:00+00:00") == "2023-09-04"
    assert resolve_date("Monday", "not a date") is None


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_mentions_merge_and_skip_ages(nlp: Language) -> None:
    text = "The 65-year-old minister spoke Monday evening and will return on Sept. 10."
    dates = find_dates(nlp(text), TUESDAY)
    found = [(d.text, d.value) for d in dates]
    assert found == [("Monday evening", "2023-09-04"), ("Sept. 10", "2023-09-10")]
    for d in dates:
        assert text[d.span[0] : d.span[1]] == d.text
