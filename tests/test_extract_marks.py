"""The one-pass mark counter gives ``bytes.count``'s counts, whatever the bytes and the marks."""

from __future__ import annotations

import gzip

from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.extract import pagekind
from broadsheet.extract.marks import MarkCounter, bordered, quads
from conftest import TEST_DATA

MARKS = (b"comment", b"breadcrumb", b"abab", b"aaaa", b"ab", b"add to cart", b"add to bag",
         b'class="author', b"author-name", b"card", b"x")
COUNTER = MarkCounter.of(MARKS)


def test_bordered_marks_are_those_that_can_overlap_themselves() -> None:
    assert bordered(b"breadcrumb") and bordered(b"abab") and bordered(b"aaaa")
    assert not bordered(b"comment") and not bordered(b"card")


def test_quads_read_four_bytes_at_every_position() -> None:
    data = b"abcdefg"
    assert quads(data).tolist() == [int.from_bytes(data[i:i + 4], "little") for i in range(4)]
    assert quads(b"abc").tolist() == [] and quads(b"").tolist() == []


def test_overlapping_and_neighbouring_occurrences() -> None:
    data = b"aaaaaaaaa ababab breadcrumbreadcrumb add to cart add to bag cardcard"
    found = COUNTER.counts(data)
    assert found == {mark: data.count(mark) for mark in MARKS}
    assert found[b"aaaa"] == 2 and found[b"abab"] == 1 and found[b"breadcrumb"] == 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*MARKS, b"a", b"b", b" ", b"c", b"breadcrum", b"\x00", b"\xff"]),
                max_size=40))
def test_counts_are_bytes_counts(parts: list[bytes]) -> None:
    data = b"".join(parts)
    assert COUNTER.counts(data) == {mark: data.count(mark) for mark in MARKS}


def test_the_page_kind_marks_on_a_real_page() -> None:
    markup = gzip.decompress((TEST_DATA / "extraction" / "scrapinghub_c13b9c0e04fb.html.gz")
                             .read_bytes()).decode()
    low = pagekind.lowered(markup).data
    found = pagekind.mark_counts(low)
    marks = [m for group in (pagekind._MARKS, pagekind._CLASS_HINTS) for ms in group.values()
             for m in ms]
    assert found == {mark: low.count(mark) for mark in marks}
    assert sum(found.values()) > 0
