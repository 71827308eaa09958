"""A big story's voices read each text only where a speaker is named (``titles.words_before``,
the prefilters of ``outlets``): the same answers as reading every text whole, which these tests
check against the plain reading on random texts and on texts that write the words in capitals."""

from __future__ import annotations

import random
import re

import pytest

from broadsheet.brief.voiceroles import titled_whole, whole_role, whole_word
from broadsheet.stories.outlets import newsroom_named, reports_news
from broadsheet.stories.titles import description_after, held_after, words_before

_PIECES = ["Holt", "Ada Holt", "Holt-Smith", "Sen.", "the", "minister", "1990s", "'80s", "É", "Éric",
           "_x", "-", ",", ".", "“", "”", "(", " ", " ", " ", "\t", "\n", "  ", "President", "said",
           "of", "Ada", "HOLT", "Holtz", "a", "z9"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", "\t", "\n"])
                   for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize(("name", "end"), [("Holt", r"\b(?![ \t]+[A-Z])"), ("Ada Holt", r"\b"),
                                            ("Holt-Smith", r"\b")])
def test_words_before_finds_what_finditer_finds(name: str, end: str) -> None:
    pattern = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})" + re.escape(name) + end)
    rng = random.Random(7)
    for _ in range(3000):
        text = _random_text(rng)
        expected = [(m.span(), m.group(1)) for m in pattern.finditer(text)]
        assert [(m.span(), m.group(1)) for m in words_before(pattern, text, name)] == expected, text


def test_newsroom_and_report_words_are_read_in_any_case_and_only_where_written() -> None:
    assert newsroom_named("PNA", ["Nothing here.", "the state NEWS AGENCY PNA said"])
    assert newsroom_named("PNA", ["Nothing here.", "The PNA News Agency said"])
    assert not newsroom_named("PNA", ["the state news agency said", "PNA said"])
    assert reports_news("Deadline", ["nothing", "Deadline reports that the deal is off."])
    assert not reports_news("Deadline", ["deadline reports that the deal is off."])


def test_a_description_or_an_office_held_is_read_where_the_surname_alone_is_written() -> None:
    texts = ["Nothing of her here.", "said Holt, who is now an immunologist at Plains University"]
    assert description_after("Ada Holt", texts) == "immunologist at Plains University"
    assert held_after("Ivo Dahl", ["no", "Dahl, who served as governor from 2001 to 2009"]) == \
        "former governor from 2001 to 2009"


def test_a_role_is_made_whole_only_from_a_text_writing_every_part_its_pattern_needs() -> None:
    """The role rules look only in texts holding every string their pattern needs (the role and the
    surname, the surname and its comma, the hyphen): such a text is still read, tabs and all, and a
    story that writes the parts in different texts makes nothing whole."""
    apart = ["Darren Tipton spoke.", "The CEO of Paris Baguette North America left."]
    together = ["Tipton,\tthe CEO of Paris Baguette North America, said"]
    assert whole_role("CEO of Paris", "Darren Tipton", apart + together) == \
        "CEO of Paris Baguette North America"
    assert whole_role("CEO of Paris", "Darren Tipton", apart) == "CEO of Paris"
    office = ["Director of National Intelligence\tAda Holt said"]
    assert titled_whole("National Intelligence", "Ada Holt", ["Holt met.", *office]) == \
        "Director of National Intelligence"
    assert titled_whole("National Intelligence", "Ada Holt",
                        ["Director of National Intelligence spoke.", "Ada Holt said"]) == \
        "National Intelligence"
    assert whole_word("a co", ["a co said", "and a co-author of the study, said"]) == \
        "a co-author of the study"
    assert whole_word("a co", ["a co said", "a co author"]) == "a co"
