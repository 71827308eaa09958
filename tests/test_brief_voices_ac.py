"""Voices round 37's rules (written on sample AC's faults and round 36's leftovers, each on sentences of
our own): a "he" or "she" given to a person the article writes as the other gender; a pronoun after a
person named with an outlet's possessive; the subject of the sentence before after an opening phrase; a
candidate's possessive running mate; a representative for a name unnamed; a president and CEO no office."""

from __future__ import annotations

from dataclasses import replace

from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.voiceorgs import whole_organisation
from broadsheet.stories.speakers import speaker_kind
from test_brief_voices_u import _at, _entity, _voices


def test_a_pronoun_of_the_other_gender_is_the_person_titled_as_its_own() -> None:
    text = ("Mr. Holt and Mrs. Holt stood at the door. But Mrs. Holt was busy. When she saw Mr. Dahl, her "
            "face fell, he said, and she turned away.")
    said = _at(text, "he said", "said", "her face fell", speaker="Ada Holt", key="ada holt")
    at = text.index("he said")
    said = replace(said, speaker_span=(at, at + 2))  # the pronoun alone
    entities = (_entity(text, "Dahl", canonical="Ivo Dahl"),)
    found = speaker_of(said, text, entities)
    assert found is not None and found[0] == "Ivo Dahl"
    same = _at(text, "she turned", "turned", "away", speaker="Ada Holt", key="ada holt")
    at = text.index("she turned")
    same = replace(same, speaker_span=(at, at + 3))
    kept = speaker_of(same, text, entities)
    assert kept is not None and kept[0] == "Ada Holt"  # "she" and Mrs. Holt: the analysis's stands


def test_a_surname_whose_words_open_with_the_other_gender_is_the_other_person_of_it() -> None:
    text = ("At the urging of his wife, Ada Holt, Ivo Holt has been talking to aides. Holt has suggested "
            "that he will run again.")
    said = _at(text, "Holt", "suggested", "he will run again", speaker="Ada Holt", key="ada holt", nth=2)
    entities = (_entity(text, "Ada Holt"), _entity(text, "Ivo Holt"))
    found = speaker_of(said, text, entities)
    assert found is not None and found[0] == "Ivo Holt"
    from broadsheet.brief.speakergender import gender_of  # (new in round 37: each test fails on main alone)

    assert gender_of("Ada Holt", text, len(text)) == "f" and gender_of("Ivo Holt", text, len(text)) is None


def test_a_pronoun_after_a_person_named_with_an_outlets_possessive_is_that_person() -> None:
    text = ("Plains News\u2019 Ivo Dahl noticed that no network cut away for Ada Holt. He commented that his "
            "network stayed on the rally.")
    said = _at(text, "He", "commented", "his network stayed on the rally", speaker="Ada Holt", key="ada holt")
    found = speaker_of(said, text, (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Ivo Dahl"


def test_a_description_is_the_subject_opening_the_sentence_before_after_a_time_phrase() -> None:
    text = ("On Thursday, Ada Holt announced that Ivo Dahl would run the office. In a statement, the "
            "business mogul said that she was pleased.")
    said = _at(text, "the business mogul", "said", "she was pleased")
    found = speaker_of(said, text, (_entity(text, "Ada Holt"), _entity(text, "Ivo Dahl")))
    assert found is not None and found[0] == "Ada Holt"


def test_a_candidates_running_mate_is_the_person_named_before() -> None:
    text = ("Ivo Dahl said he was confident. Dahl said it takes time, Dahl said.\nHolt\u2019s potential VP "
            "then said the plan would work.")
    said = _at(text, "Holt\u2019s potential VP", "said", "the plan would work")
    found = speaker_of(said, text, (_entity(text, "Ivo Dahl"), _entity(text, "Dahl", nth=1),
                                    _entity(text, "Dahl", nth=2)))
    assert found is not None and found[0] in ("Ivo Dahl", "Dahl")
    mother = "Ivo Dahl said he was confident.\nHolt\u2019s mother then said the plan would work."
    kept = speaker_of(_at(mother, "Holt\u2019s mother", "said", "the plan would work"), mother,
                      (_entity(mother, "Ivo Dahl"),))
    assert kept is None or "Dahl" not in kept[0]  # a relative: someone the story need not name


def test_a_representative_for_a_name_is_unnamed_and_a_president_and_ceo_no_official() -> None:
    assert speaker_kind("A representative for Mr. Dahl") == "unnamed source"
    assert speaker_kind("a spokeswoman for Lumio Plains") == "unnamed source"
    assert speaker_kind("Ivo Dahl", "president and CEO") != "official"
    assert speaker_kind("Ivo Dahl", "president") == "official"  # a president alone, no body: as before


def test_a_first_name_read_into_the_role_is_no_part_of_it() -> None:
    text = "Plains Party Chair Ada Holt Dahl announced on Sunday that she will resign."
    said = _at(text, "Holt Dahl", "announced", "she will resign", role="Plains Party Chair Ada")
    (voice,) = _voices(text, (said,), (_entity(text, "Holt Dahl"),))
    assert voice.role == "Plains Party Chair"
    kept = "Plains Party Chair Ada Holt Dahl announced on Sunday that she will resign."
    said = _at(kept, "Ada Holt Dahl", "announced", "she will resign", role="Plains Party Chair")
    (voice,) = _voices(kept, (said,), (_entity(kept, "Ada Holt Dahl"),))
    assert voice.role == "Plains Party Chair"  # the name whole: the role as written
    general = "Plains Treaty Secretary General Ivo Dahl said that the pact holds."
    said = _at(general, "Ivo Dahl", "said", "the pact holds", role="Plains Treaty Secretary General")
    (voice,) = _voices(general, (said,), (_entity(general, "Ivo Dahl"),))
    assert voice.role == "Plains Treaty Secretary General"  # R7b: a title's own last word stays


def test_an_organisation_after_a_countrys_abbreviation_is_made_whole() -> None:
    role = "leader of the anti-tax UK Plains Party"
    assert whole_organisation("Plains Party", role) == "UK Plains Party"
    assert whole_organisation("Plains Party", "leader of the Plains Party") == "Plains Party"
