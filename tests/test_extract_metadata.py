"""Title and outlet of flattened pages, found by evidence on the page, not by name."""

from __future__ import annotations

from broadsheet.extract.metadata import (
    brand_line,
    copyright_holder,
    guess_outlet,
    guess_title,
    strip_site_suffix,
    title_lines,
)

PROMOS = [
    "Storm closes schools",
    "Daily Planet",
    "Sign up for Daily Planet's free newsletter and never miss a story again",
    "The best stories from DailyPlanet.com delivered to your inbox every morning",
    "Metropolis",
    "Officials in Metropolis said the storm would pass by Friday, according to the forecast.",
]


def test_brand_line_named_in_the_possessive_and_as_a_web_address() -> None:
    assert brand_line(PROMOS) == "Daily Planet"
    assert guess_outlet(PROMOS) == "Daily Planet"


def test_a_place_named_in_the_story_is_not_a_brand() -> None:
    assert brand_line(PROMOS[:1] + PROMOS[4:]) is None


def test_title_suffix_wins_and_is_stripped_from_the_title() -> None:
    lines = ["Storm closes schools across the region - The Courier", "Menu", "Storm closes "
             "schools across the region", "The storm is expected to last until Friday night."]
    assert guess_outlet(lines) == "The Courier"
    assert strip_site_suffix(lines[0]) == "Storm closes schools across the region"
    assert title_lines(lines) == [0, 2]
    assert guess_title(lines, block_start=3) == "Storm closes schools across the region"


def test_copyright_holder() -> None:
    assert copyright_holder(["Home", "© 2019 News Nation. All rights reserved."]) == "News Nation"
    assert copyright_holder(["Home", "Contact us"]) is None
