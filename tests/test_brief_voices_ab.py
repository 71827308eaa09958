"""Voices round 36's rules (written on sample AB's faults, each on sentences of our own): the person a
description stands for found in the writer's sentence before, quotations stepped over; one unnamed person
counted; a person counted is no place and has no title before; a cue of being an example and a renewal
turned down are no words; an Office's name made whole; the speaker of a "whom" clause."""

from __future__ import annotations

from dataclasses import replace

from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceorgs import whole_organisation
from broadsheet.stories.speakers import speaker_kind
from test_brief_voices_u import _at, _entity, _voices


def test_a_description_is_the_person_the_writers_sentence_before_names() -> None:
    text = ("Later on Sunday, Ada Holt posted a list online, writing \u201cHere is the list I promised the "
            "reporter. It was there all along. Still waiting.\u201d\nThe candidate also disputed a report "
            "about her claim that she had been offered a post.")
    found = speaker_of(_at(text, "The candidate", "disputed", "she had been offered a post"), text,
                       (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Ada Holt"
    two = ("\u201cWe are not there yet,\u201d Ada Holt said on Sunday. \u201cI think that is what we will "
           "hear. And I think Ivo Dahl agrees.\u201d\nThe Plains front-runner and former secretary of state "
           "said the plan needed more money.")
    found = speaker_of(_at(two, "The Plains front-runner and former secretary of state", "said",
                           "the plan needed more money"), two,
                       (_entity(two, "Ada Holt"), _entity(two, "Ivo Dahl")))
    assert found is not None and found[0] == "Ada Holt"  # Dahl is named in her words, not the writer's
    pair = "Ada Holt spoke on Sunday. The candidate and his wife said they would stay."
    found = speaker_of(_at(pair, "The candidate and his wife", "said", "they would stay"), pair,
                       (_entity(pair, "Ada Holt"),))
    assert found is None or found[0] != "Ada Holt"  # two people
    of = ("\u201cI will not pay for it,\u201d Ivo Dahl told a paper. \u201cHe should pay. He has the "
          "money.\u201d\nThe Plains front-runner, who has called the wall a must, said the plan was sound.")
    found = speaker_of(_at(of, "The Plains front-runner", "said", "the plan was sound"), of,
                       (_entity(of, "Ivo Dahl"),))
    assert found is None or found[0] != "Ivo Dahl"  # his quotation is of someone, maybe the one described


def test_one_unnamed_person_of_a_body_or_a_person_is_an_unnamed_source() -> None:
    assert speaker_kind("a senior Ada Holt adviser") == "unnamed source"
    assert speaker_kind("one Lumio Plains employee") == "unnamed source"
    assert speaker_kind("Ada Holt") != "unnamed source"
    assert speaker_kind("a Lumio Plains executive") != "unnamed source"


def test_a_person_counted_is_no_place_and_takes_no_title_before_it() -> None:
    text = ("Ivo Dahl is assuring voters he is tough enough to be president after a woman in Plains City, "
            "Plains.")
    assert speaker_kind("a woman in Plains City, Plains", None, None, (), [text], "GPE") != "official"
    assert speaker_kind("a woman in Plains City, Plains", None, None, (), [text]) != "official"
    assert speaker_kind("Plains", None, None, (), [text], "GPE") == "official"  # a place that speaks
    titled = "The vote was called by Governor Ada Holt."
    assert speaker_kind("Ada Holt", None, None, (), [titled]) == "official"


def test_being_an_example_and_a_renewal_turned_down_are_no_words() -> None:
    text = "Ada Holt won the award for exemplifying how much one volunteer can do."
    assert no_words_said(_at(text, "Ada Holt", "exemplifying", "how much one volunteer can do"), text)
    sponsor = "Lumio declined to renew its sponsorship of the race."
    assert no_words_said(_at(sponsor, "Lumio", "declined", "to renew its sponsorship of the race"), sponsor)
    comment = "Lumio declined to comment on the race."
    assert not no_words_said(_at(comment, "Lumio", "declined", "to comment on the race"), comment)


def test_an_office_cut_inside_its_name_is_made_whole() -> None:
    role = "director of the Plains House's Office of Policy and Outreach"
    assert whole_organisation("the Plains House's Office", role) == \
        "the Plains House's Office of Policy and Outreach"
    assert whole_organisation("Lumio", "chief of Lumio of Plains") == "Lumio"  # no body's word: as written


def test_the_speaker_of_a_whom_clause_opens_the_sentence() -> None:
    text = ("Instead, Dahl called for voters to back Ada Holt, whom he describes as having \u201ca judge's "
            "calm\u201d.")
    said = replace(_at(text, "he", "describes", "as having \u201ca judge's calm"), speaker="Ada Holt",
                   canonical="ada holt")
    found = speaker_of(said, text, (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Dahl"
    told = "Ada Holt thanked Ivo Dahl, who he said had helped."
    plain = replace(_at(told, "he", "said", "had helped"), speaker="Ada Holt", canonical="ada holt")
    found = speaker_of(plain, told, (_entity(told, "Ada Holt"), _entity(told, "Ivo Dahl")))
    assert found is not None and found[0] == "Ada Holt"  # no "whom": the analysis's reading stands


def test_an_unnamed_adviser_shows_as_an_unnamed_source_in_a_voice() -> None:
    text = "The speech was rewritten, according to a senior Ada Holt adviser who asked not to be named."
    said = _at(text, "a senior Ada Holt adviser", "according to", "The speech was rewritten")
    (voice,) = _voices(text, (said,), (_entity(text, "Ada Holt"),))
    assert voice.kind == "unnamed source"
