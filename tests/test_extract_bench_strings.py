"""The must / must-not strings row: WCXB's ``with[]`` and ``without[]`` snippets per page."""

from __future__ import annotations

import pytest

from broadsheet.bench.strings import (
    PageStrings,
    contains,
    page_strings,
    strings_metrics,
    word_key,
)

RECORD = {"ground_truth": {
    "with": ["Category : Programming languages", "The compiler checks every type."],
    "without": ["Random article", "Learn to edit", "  "],
}}


def test_a_snippet_is_found_on_its_words_whatever_the_spacing_and_punctuation() -> None:
    key = word_key("Category: Programming Languages\n\nThe compiler checks every type!")
    assert contains(key, "Category : Programming languages")
    assert contains(key, "the compiler checks")
    assert not contains(key, "compiler every")  # the words must follow each other
    assert not contains(key, "Program")  # whole words only
    assert not contains(key, " ... ")


def test_a_page_counts_must_strings_found_and_must_not_strings_absent() -> None:
    text = "Category: Programming languages. Random article. Some other words."
    assert page_strings(text, RECORD) == PageStrings(found=1, must=2, absent=1, must_not=2)
    assert page_strings("", RECORD) == PageStrings(found=0, must=2, absent=2, must_not=2)


def test_shares_are_averaged_over_the_pages_that_list_strings() -> None:
    pages = [PageStrings(1, 2, 2, 2), PageStrings(0, 0, 0, 4), PageStrings(3, 3, 0, 0)]
    scores = strings_metrics(pages)
    assert scores["must"] == pytest.approx(0.75)
    assert scores["must_not"] == pytest.approx(0.5)
    assert scores["both"] == pytest.approx(0.625)
    assert strings_metrics([]) == {"must": 0.0, "must_not": 0.0, "both": 0.0}
