"""Quotation-mark scanning (pure string functions, no model)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from broadsheet.analyze.quotes import find_quotations, quotation_at


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


def test_straight_and_typographic_marks() -> None:
    assert quoted('He said "yes, " and “no.”') == ['"yes, "', "“no.”"]


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = '"We will fight on.\n\n"And we will win," she said.'
    found = find_quotations(text)
    assert [text[q.start : q.end] for q in found] == ['"We will fight on.', '"And we will win,"']
    assert [q.closed for q in found] == [False, True]


def test_mark_before_a_word_after_a_space_opens_a_new_quotation() -> None:
    assert quoted('"one two three "four five"') == ['"one two three', '"four five"']


def test_apostrophes_and_single_quotes_are_not_quotations() -> None:
    assert quoted("It's the 'best' deal, the Kremlin's aide said.") == []


def test_inner_excludes_the_marks_and_word_count() -> None:
    text = 'Hall said "it is over" today.'
    quote = find_quotations(text)[0]
    assert text[quote.inner[0] : quote.inner[1]] == "it is over"
    assert quote.word_count(text) == 3
    assert quotation_at([quote], text.index("over")) == quote
    assert quotation_at([quote], text.index("today")) is None


@given(st.text(alphabet='ab "“”\n.,', max_size=80))
def test_quotations_are_ordered_disjoint_and_never_cross_a_line(text: str) -> None:
    found = find_quotations(text)
    for quote in found:
        assert 0 <= quote.start < quote.end <= len(text)
        assert "\n" not in text[quote.start : quote.end]
        assert text[quote.start] in '"“'
    for first, second in itertools.pairwise(found):
        assert first.end <= second.start


def test_two_apostrophes_are_a_double_mark_of_archived_copy() -> None:
    text = "''Not now,'' she said. ''We're done.'' Rock 'n' roll and the 'single' quotes stay."
    found = find_quotations(text)
    assert [text[q.inner[0] : q.inner[1]] for q in found] == ["Not now,", "We're done."]
    assert all(q.closed for q in found)
