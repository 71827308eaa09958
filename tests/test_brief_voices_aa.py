"""Voices round 35's rules (written on sample AA's faults and round 33's leftover, each on sentences of our
own): a title kept in a speaker's name, an appearance, someone familiar with a thing, a feeling expressed, a
school that employs no one, a secretary-treasurer, the one person a description stands for."""

from __future__ import annotations

from dataclasses import replace

from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.stories.speakers import speaker_kind
from test_brief_voices_u import _at, _entity, _voices


def test_a_title_kept_in_the_speakers_name_is_cut_off() -> None:
    text = "Former Secretary of State Ada Holt and Ivo Dahl, both running, have pledged to act as well."
    found = speaker_of(_at(text, "Former Secretary of State Ada Holt", "pledged", "to act as well",
                           key="former holt"), text, (_entity(text, "Ada Holt"),))
    assert found is not None and found[:3] == ("Ada Holt", "ada holt", "Former Secretary of State")
    union = ("\u201cWe had a problem with the trade part,\u201d said Plains Auto Workers Secretary-Treasurer "
             "Ivo Dahl.")
    found = speaker_of(_at(union, "Plains Auto Workers Secretary-Treasurer Ivo Dahl", "said",
                           "We had a problem with the trade part"), union, ())
    assert found is not None and found[0] == "Ivo Dahl"
    assert found[2] == "Plains Auto Workers Secretary-Treasurer"
    plain = "Plains Auto Workers said the plant would close."  # no title, no name: the body stays
    found = speaker_of(_at(plain, "Plains Auto Workers", "said", "the plant would close"), plain, ())
    assert found is not None and found[0] == "Plains Auto Workers"


def test_what_a_speaker_appears_to_do_is_no_words() -> None:
    text = "Republicans appear to be salivating over the prospect of a rematch."
    words = "to be salivating over the prospect of a rematch"
    assert no_words_said(_at(text, "Republicans", "appear", words), text)
    seems = "The mayor seemed to be enjoying the fight."
    assert no_words_said(_at(seems, "The mayor", "seemed", "to be enjoying the fight"), seems)
    said = "The mayor said the fight was over."
    assert not no_words_said(_at(said, "The mayor", "said", "the fight was over"), said)


def test_someone_familiar_with_a_thing_is_an_unnamed_source() -> None:
    assert speaker_kind("a publishing executive familiar with the talks") == "unnamed source"
    assert speaker_kind("One lawyer familiar with the case") == "unnamed source"
    assert speaker_kind("a publishing executive") != "unnamed source"


def test_a_feeling_expressed_by_the_participle_is_no_words() -> None:
    text = "Several senators have begun to speak out, expressing dismay at the treatment of the family."
    assert no_words_said(_at(text, "Several senators", "expressing",
                             "dismay at the treatment of the family"), text)
    hope = "Residents gathered, expressing hope that the plant would reopen."
    assert not no_words_said(_at(hope, "Residents", "expressing", "hope that the plant would reopen"), hope)
    finite = "Ada Holt expressed outrage over the ruling."
    assert not no_words_said(_at(finite, "Ada Holt", "expressed", "outrage over the ruling"), finite)


def test_a_school_is_no_employer() -> None:
    text = ("\u201cThat will be true up to a point,\u201d said Ivo Dahl, a Plains University grad who covers "
            "the Hill.")
    said = replace(_at(text, "Ivo Dahl", "said", "That will be true up to a point",
                       role="Plains University grad who covers the Hill"), organisation="Plains University")
    entities = (_entity(text, "Ivo Dahl"), _entity(text, "Plains University", "ORG"))
    (voice,) = _voices(text, (said,), entities)
    assert voice.organisation is None and voice.kind != "expert"
    taught = replace(said, role="Plains University professor")
    (voice,) = _voices(text, (taught,), entities)
    assert voice.organisation == "Plains University" and voice.kind == "expert"


def test_a_secretary_treasurer_holds_no_office() -> None:
    assert speaker_kind("Ivo Dahl", role="Plains Auto Workers Secretary-Treasurer") != "official"
    assert speaker_kind("Ivo Dahl", role="Secretary of State") == "official"
    assert speaker_kind("Ivo Dahl", role="Treasury Secretary") == "official"


def test_a_description_is_the_one_person_named_near_it() -> None:
    text = ("A mayor in Plains is calling for Ada Holt to be barred after the Plains presidential candidate "
            "suggested that farmers posed a threat.")
    found = speaker_of(_at(text, "the Plains presidential candidate", "suggested", "farmers posed a threat"),
                       text, (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Ada Holt"
    before = ("Ivo M. Dahl (D-Maine) blasted Holt and defended Vale on Monday. \u201cWhat Holt has done is "
              "one of the worst moves I have seen,\u201d the Senate minority leader said.")
    found = speaker_of(_at(before, "the Senate minority leader", "said",
                           "What Holt has done is one of the worst moves I have seen"), before,
                       (_entity(before, "Ivo M. Dahl"), _entity(before, "Holt"), _entity(before, "Vale"),
                        _entity(before, "Holt", nth=1)))
    assert found is not None and found[0] == "Ivo M. Dahl"
    new = "A lawmaker met Ada Holt on Monday. The lawmaker said the deal was close."
    found = speaker_of(_at(new, "The lawmaker", "said", "the deal was close"), new,
                       (_entity(new, "Ada Holt"),))
    assert found is None or found[0] != "Ada Holt"
    kin = "Ada Holt testified on Monday. The victim's mother said the trial was long."
    found = speaker_of(_at(kin, "The victim's mother", "said", "the trial was long"), kin,
                       (_entity(kin, "Ada Holt"),))
    assert found is None or found[0] != "Ada Holt"  # someone the story need not name
    two = "Ada Holt met Ivo Dahl on Monday. The senator said the deal was close."
    found = speaker_of(_at(two, "The senator", "said", "the deal was close"), two,
                       (_entity(two, "Ada Holt"), _entity(two, "Ivo Dahl")))
    assert found is not None and found[0] == "Ada Holt"  # the sentence's subject
