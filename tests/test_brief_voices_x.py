"""Voices round 32's rules (written on sample X's faults, each on sentences of our own): an office held
now before the name, a plural title heading a list of names, a body's unnamed representative, an
expectation after an apposition, a company cut at its suffix, a body and a title read before a
person's name, a possessive description named later, an editor's bracket in a name, a newsroom word
after a name, and a body written before a president's title."""

from __future__ import annotations

from broadsheet.brief.speakernames import clean_speaker
from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceroles import whole_company
from broadsheet.stories.speakers import speaker_kind
from broadsheet.stories.titles import title_before
from test_brief_voices_u import _at, _entity


def test_an_office_held_now_before_the_name_outweighs_a_retired_description() -> None:
    text = "Defense Secretary Ada Holt, a retired Navy admiral, will leave in May."
    assert speaker_kind("Ada Holt", context=[text]) == "official"
    assert speaker_kind("Ada Holt", context=["Sen. Ada Holt, a former governor, said so."]) == "official"
    assert speaker_kind("Ada Holt", context=["Ada Holt, a former governor, said so."]) == "former official"
    assert speaker_kind("Ada Holt", context=["Former Sen. Ada Holt, a retired admiral, said so."]) \
        == "former official"


def test_a_plural_title_heading_a_list_of_names_is_each_ones() -> None:
    text = ("At the meeting, Reps. Ada Holt (Ohio), Ivo Dahl (Maine), Una Berg (N.J.) and Eli Lund (Iowa) "
            "each spoke. Lund said the vote was close.")
    for name in ("Ada Holt", "Ivo Dahl", "Eli Lund"):
        assert title_before(name, [text]) == "Rep.", name
        assert speaker_kind(name, context=[text]) == "official", name
    assert title_before("Ivo Dahl", ["Senators Ada Holt and Ivo Dahl wrote the bill."]) == "Senator"
    assert title_before("Ivo Dahl", ["Fans Ada Holt and Ivo Dahl wrote the song."]) is None
    house = "The House of Representatives Ada Holt and Ivo Dahl once led"
    assert title_before("Ivo Dahl", [house]) is None


def test_a_bodys_unnamed_representative_is_an_unnamed_source() -> None:
    assert speaker_kind("A Plains Transit representative", None, "Plains Transit") == "unnamed source"
    assert speaker_kind("a company representative") == "unnamed source"
    assert speaker_kind("A Plains Transit Representative") != "unnamed source"  # a title, capitalised


def test_an_expectation_after_an_apposition_is_no_words() -> None:
    text = "Representative Ada Holt, a Democrat from Ohio, is expected to announce her run on Monday."
    assert no_words_said(_at(text, "Ada Holt", "expected", "to announce her run on Monday"), text)
    said = "Representative Ada Holt, a Democrat from Ohio, said she would announce her run on Monday."
    assert not no_words_said(_at(said, "Ada Holt", "said", "she would announce her run on Monday"), said)


def test_a_company_cut_at_its_suffix_is_made_whole() -> None:
    texts = ["\u201cIt will be slow,\u201d said Ada Holt of Dahl Berg L.L.P., a small accounting firm."]
    role = "L.L.P., a small accounting firm"
    assert whole_company(role, texts) == f"Dahl Berg {role}"
    assert whole_company("Inc., a maker of boats", ["Ada Holt of Lumio Inc., a maker of boats, said."]) \
        == "Lumio Inc., a maker of boats"
    assert whole_company("a small accounting firm", texts) == "a small accounting firm"


def test_a_body_read_as_the_speaker_before_a_title_and_a_name_is_that_person() -> None:
    text = "The Plains Teachers Union President Ada Holt said the strike would go on."
    body = "The Plains Teachers Union"
    found = speaker_of(_at(text, body, "said", "the strike would go on"), text)
    assert found is not None and found[0] == "Ada Holt" and found[2] == f"{body} President"
    assert speaker_kind("Ada Holt", f"{body} President") == "other"
    plain = "The Plains Teachers Union said the strike would go on."
    found = speaker_of(_at(plain, body, "said", "the strike would go on"), plain)
    assert found is not None and found[0] == body


def test_a_possessive_description_named_later_is_that_person() -> None:
    text = ("The mayor will be charged, Holt's lawyer said on Friday. Holt's lawyer, Ivo Dahl, said in a "
            "statement that the charges were unfounded.")
    attribution = _at(text, "Holt's lawyer", "said", "The mayor will be charged")
    found = speaker_of(attribution, text, (_entity(text, "Ivo Dahl"),))
    assert found is not None and found[0] == "Ivo Dahl"
    two = text + " Holt's lawyer, Una Berg, disagreed."
    found = speaker_of(_at(two, "Holt's lawyer", "said", "The mayor will be charged"), two,
                       (_entity(two, "Ivo Dahl"), _entity(two, "Una Berg")))
    assert found is None or found[0] != "Ivo Dahl"


def test_an_editors_bracket_is_no_part_of_the_name() -> None:
    assert clean_speaker("Ada] Holt") == ("Ada Holt", None)
    assert clean_speaker("[Ada Holt") == ("Ada Holt", None)
    assert clean_speaker("Ada Holt") == ("Ada Holt", None)


def test_a_newsroom_word_after_the_name_makes_an_outlet() -> None:
    texts = ["Plainsweek has defended the cover. What Plainsweek magazine says matters."]
    assert speaker_kind("Plainsweek", context=texts) == "outlet"
    assert speaker_kind("Plainsweek", context=["Plainsweek has defended the cover."]) == "other"
