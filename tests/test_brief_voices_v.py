"""Voices round 30's rules (written on sample V's faults, each on sentences of our own): the question put
to the one who answers, a thing turned down, a reflexive pronoun read as a role, a party's initial made a
nickname, a title's rank read into a body and a body cut at a hyphen, and a description named in its
apposition or later in its article."""

from __future__ import annotations

from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceorgs import not_cut_in, whole_organisation
from broadsheet.brief.voiceroles import whole_word
from test_brief_voices_u import _at, _entity, _voices


def test_the_participle_asked_opening_a_sentence_is_the_question_put_not_words() -> None:
    text = "The plan stalled. Asked whether the plan would pass this year, Ada Holt was cautious."
    asked = _at(text, "Ada Holt", "Asked", "whether the plan would pass this year")
    assert no_words_said(asked, text)
    own = "The plan stalled. Ada Holt asked whether the plan would pass this year."
    assert not no_words_said(_at(own, "Ada Holt", "asked", "whether the plan would pass this year"), own)
    judged = "The plea was entered. Asked by the judge if he understood the charges, Ivo Dahl nodded."
    assert not no_words_said(_at(judged, "the judge", "Asked", "if he understood the charges"), judged)
    quoted = "\"Asked whether the plan would pass, I said no,\" Ada Holt recalled."
    assert no_words_said(_at(quoted, "Ada Holt", "Asked", "whether the plan would pass"), quoted)


def test_a_thing_rejected_declined_or_refused_is_no_words() -> None:
    for text, cue, words in (
            ("Ada Holt rejected a subpoena for records from the panel.", "rejected",
             "a subpoena for records from the panel"),
            ("Ada Holt also declined the committee's invitation to appear.", "declined",
             "the committee's invitation to appear")):
        assert no_words_said(_at(text, "Ada Holt", cue, words), text), text
    for text, cue, words in (
            ("Ada Holt rejected the idea that taxes would rise.", "rejected",
             "the idea that taxes would rise"),
            ("Ada Holt rejected the idea of a tax on bread.", "rejected", "the idea of a tax on bread"),
            ("Ada Holt rejected \"the whole premise\" of the bill.", "rejected",
             "\"the whole premise\" of the bill"),
            ("Ada Holt refused to say whether she would run.", "refused", "to say whether she would run")):
        assert not no_words_said(_at(text, "Ada Holt", cue, words), text), text


def test_a_reflexive_pronoun_is_no_role() -> None:
    text = ("Ada Holt, chair of the Plains Party, said the vote was lost. Holt herself declared that the "
            "fight would go on. Holt herself said the party would regroup.")
    said = (_at(text, "Ada Holt", "said", "the vote was lost", key="ada holt",
                role="chair of the Plains Party"),
            _at(text, "Holt", "declared", "the fight would go on", speaker="Ada Holt", key="ada holt", nth=1,
                role="herself"),
            _at(text, "Holt", "said", "the party would regroup", speaker="Ada Holt", key="ada holt", nth=2,
                role="herself"))
    (voice,) = _voices(text, said, (_entity(text, "Ada Holt"),))
    assert voice.role == "chair of the Plains Party"


def test_a_single_capital_is_made_whole_only_with_capitals_after_its_hyphen() -> None:
    texts = ["Ada Holt (D) spoke. He named dealers called Smoothie, D-Money and others."]
    assert whole_word("Assistant House Majority Leader, D", texts) == "Assistant House Majority Leader, D"
    certified = ["Ivo Dahl, yoga therapist, E-RYT 200, said so."]
    assert whole_word("yoga therapist, E", certified) == "yoga therapist, E-RYT 200"


def test_a_titles_rank_is_no_part_of_the_body_and_a_body_cut_at_a_hyphen_is_made_whole() -> None:
    assert not_cut_in("Assistant House Majority Leader, D", "Assistant House") == "House"
    assert not_cut_in("Deputy White House Press Secretary", "Deputy White House") == "White House"
    assert not_cut_in("Senate Majority Leader", "Senate") == "Senate"
    assert whole_organisation("Holt", "Holt-o-Matic president") == "Holt-o-Matic"
    assert whole_organisation("Holt", "Holt president") == "Holt"
    assert not_cut_in("Holt-o-Matic president", whole_organisation("Holt", "Holt-o-Matic president")) \
        == "Holt-o-Matic"


def test_a_description_is_the_person_its_apposition_names() -> None:
    text = ("The panel will act, its senior Democrat said. The Democrat, Representative Ivo Dahl of Maine, "
            "said the panel would act.")
    said = _at(text, "The Democrat", "said", "the panel would act", key="democrat")
    found = speaker_of(said, text, (_entity(text, "Ivo Dahl"),))
    assert found is not None and found[:3] == ("Ivo Dahl", "ivo dahl", "Representative")
    assert (speaker_of(said, text, ()) or ("",))[0] == "The Democrat"
    whole = "The lawyer for Ms. Holt, Ivo B. Dahl, said the records were gone."
    read = _at(whole, "The lawyer for Ms. Holt, Ivo B. Dahl", "said", "the records were gone",
               key="lawyer for ms holt ivo b dahl")
    found = speaker_of(read, whole, (_entity(whole, "Holt"), _entity(whole, "Ivo B. Dahl")))
    assert found is not None and found[:3] == ("Ivo B. Dahl", "ivo dahl", "lawyer for Ms. Holt")
    thing = "The case was political, a statement from Ms. Holt's lawyer, Ivo Dahl, said."
    written = _at(thing, "a statement from Ms. Holt's lawyer, Ivo Dahl", "said", "The case was political",
                  key="a statement from ms holts lawyer ivo dahl")
    assert (speaker_of(written, thing, (_entity(thing, "Ivo Dahl"),)) or ("",))[0] != "Ivo Dahl"


def test_a_description_with_a_phrase_after_its_head_is_the_person_named_later_with_that_head() -> None:
    text = ("The firm was sued, the lawyer for the firm and the union said Monday. \"We will fight,\" the "
            "lawyer, Ivo Dahl, said in an email.")
    said = _at(text, "the lawyer for the firm and the union", "said", "The firm was sued",
               key="lawyer for the firm and the union")
    found = speaker_of(said, text, (_entity(text, "Ivo Dahl"),))
    assert found is not None and found[:2] == ("Ivo Dahl", "ivo dahl")
    two = text + " The union's lawyer, the lawyer, Ada Holt, agreed."
    assert (speaker_of(said, two, (_entity(two, "Ivo Dahl"), _entity(two, "Ada Holt"))) or ("",))[0] \
        == "the lawyer for the firm and the union"
