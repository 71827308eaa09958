"""Voices round 33's rules (written on samples X's and Y's faults, each on sentences of our own): a
refusal of a deed, a description with a possessive pronoun and a doctor's title, a title inside an
editor's bracket."""

from __future__ import annotations

from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.stories.speakers import speaker_kind
from broadsheet.stories.titles import title_before
from test_brief_voices_u import _at, _entity


def test_a_refused_deed_is_no_words() -> None:
    text = "Gov. Ada Holt signed the water act on Friday, a day after refusing to sign an older version."
    assert no_words_said(_at(text, "Ada Holt", "refusing", "to sign an older version"), text)
    fine = "Ivo Dahl declined to pay the fine on Monday."
    assert no_words_said(_at(fine, "Ivo Dahl", "declined", "to pay the fine on Monday"), fine)
    answer = "Ivo Dahl refused to answer questions about the fine."
    refused = _at(answer, "Ivo Dahl", "refused", "to answer questions about the fine")
    assert not no_words_said(refused, answer)
    quoted = "Ivo Dahl refused to sign, calling it \u201ca trap\u201d."
    assert not no_words_said(_at(quoted, "Ivo Dahl", "refused", "to sign, calling it \u201ca trap\u201d"),
                             quoted)


def test_her_doctor_is_the_one_doctor_named_before() -> None:
    text = ("The letter came from Dr. Una Berg, an internist in Dover. Holt swims daily, Berg said. "
            "She eats well, her doctor said.")
    entities = (_entity(text, "Una Berg"), _entity(text, "Holt"))
    found = speaker_of(_at(text, "her doctor", "said", "She eats well"), text, entities)
    assert found is not None and found[0] == "Una Berg"
    two = ("The letter came from Dr. Una Berg and Dr. Eli Lund, a surgeon. Holt swims daily. "
           "She eats well, her doctor said.")
    entities = (_entity(two, "Una Berg"), _entity(two, "Eli Lund"), _entity(two, "Holt"))
    found = speaker_of(_at(two, "her doctor", "said", "She eats well"), two, entities)
    assert found is not None and found[0] == "her doctor"
    lawyer = "The firm hired lawyer Ivo Dahl in May. The deal is void, his lawyer said."
    found = speaker_of(_at(lawyer, "his lawyer", "said", "The deal is void"), lawyer,
                       (_entity(lawyer, "Ivo Dahl"),))
    assert found is not None and found[0] == "Ivo Dahl"
    another = ("Holt's lawyer Ivo Dahl spoke first. Lund refused to testify. His lawyer said he would not "
               "talk.")
    found = speaker_of(_at(another, "His lawyer", "said", "he would not talk"), another,
                       (_entity(another, "Ivo Dahl"), _entity(another, "Holt"), _entity(another, "Lund")))
    assert found is not None and found[0] == "His lawyer"  # Dahl is Holt's lawyer, not Lund's


def test_a_title_inside_an_editors_bracket_is_the_title_before_the_name() -> None:
    text = ("\u201cNothing in [special counsel Ada] Holt\u2019s report says so,\u201d he said. "
            "Holt said little.")
    assert title_before("Ada Holt", [text]) == "special counsel"
    assert speaker_kind("Ada Holt", context=[text]) == "official"
    assert title_before("Ada Holt", ["It was [Sen.] Ada Holt who voted."]) == "Sen."
    assert title_before("Ada Holt", ["It was in [the] Ada Holt report."]) is None
    assert speaker_kind("Ada Holt", context=["It was [her friend Ada] Holt who wrote."]) == "other"


def test_an_aim_described_after_to_is_no_words() -> None:
    text = "Governor Ada Holt plans to sign an order Monday that would fund more bus lines, aides said."
    assert no_words_said(_at(text, "Ada Holt", "plans", "that would fund more bus lines"), text)
    said = "Governor Ada Holt said Monday that the order would fund more bus lines."
    assert not no_words_said(_at(said, "Ada Holt", "said", "the order would fund more bus lines"), said)


def test_a_reason_cited_with_that_is_no_words() -> None:
    text = "Farmers blocked the road, citing concerns that the new dam harms the river."
    assert no_words_said(_at(text, "Farmers", "citing", "the new dam harms the river"), text)


def test_what_a_speaker_rarely_admits_is_no_words() -> None:
    text = "Ada Holt is a proud woman. She rarely admits that she is wrong."
    assert no_words_said(_at(text, "She", "admits", "she is wrong", speaker="Ada Holt"), text)
    said = "Ada Holt is a proud woman. She admits that she was wrong."
    assert not no_words_said(_at(said, "She", "admits", "she was wrong", speaker="Ada Holt"), said)


def test_an_event_ended_is_no_words() -> None:
    text = "Mayor Ada Holt concluded it without taking questions from reporters."
    ended_it = _at(text, "Ada Holt", "concluded", "it without taking questions from reporters")
    assert no_words_said(ended_it, text)
    ended = "Mayor Ada Holt ended the briefing early on Friday."
    assert no_words_said(_at(ended, "Ada Holt", "ended", "the briefing early on Friday"), ended)
    found = "Ada Holt concluded it was a mistake to wait."
    assert not no_words_said(_at(found, "Ada Holt", "concluded", "it was a mistake to wait"), found)


def test_a_persons_surname_that_names_a_newsroom_is_no_outlet() -> None:
    assert speaker_kind("Ivo Bloomberg", label="PERSON") != "outlet"
    assert speaker_kind("Bloomberg", label="ORG") == "outlet"
    assert speaker_kind("Mike Bloomberg") != "outlet"  # a common given name before it
    assert speaker_kind("Ivo Bloomberg") == "outlet"  # neither: the newsroom's reading
    assert speaker_kind("Bloomberg News", label="PERSON") == "outlet"
    assert speaker_kind("Plains Journal", label="PERSON") == "outlet"  # a newsroom word, no surname


def test_the_campaign_with_none_written_before_is_the_one_persons_named_before() -> None:
    text = ("Presidential candidate and Plains Sen. Ada Holt unveiled a housing plan. If elected, the "
            "campaign said Monday that she would act.")
    found = speaker_of(_at(text, "the campaign", "said", "she would act"), text, (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Ada Holt's campaign"
    two = "Ada Holt and Ivo Dahl unveiled a plan. If elected, the campaign said Monday that she would act."
    found = speaker_of(_at(two, "the campaign", "said", "she would act"), two,
                       (_entity(two, "Ada Holt"), _entity(two, "Ivo Dahl")))
    assert found is None or found[0] == "the campaign"
    spoke = "Plains Sen. Ada Holt spoke. Most are new, the campaign said Monday."
    found = speaker_of(_at(spoke, "the campaign", "said", "Most are new"), spoke,
                       (_entity(spoke, "Ada Holt"),))
    assert found is None or found[0] == "the campaign"  # not written as running: no guess


def test_a_description_named_in_apposition_right_after_it_is_that_name() -> None:
    text = "The pill cuts fevers in half, according to the drug's maker, Plains-based Lumio Labs, Inc."
    lumio = _entity(text, "Lumio Labs", "ORG")
    found = speaker_of(_at(text, "the drug's maker", "according to", "The pill cuts fevers in half"), text,
                       (lumio,))
    assert found is not None and found[0] == "Lumio Labs"
    whole = "The pill works, according to the drug's maker, Lumio Labs, Inc. Sales rose."
    found = speaker_of(_at(whole, "the drug's maker", "according to", "The pill works"), whole,
                       (_entity(whole, "Lumio Labs, Inc.", "ORG"),))
    assert found is not None and found[0] == "Lumio Labs, Inc."
    going_on = "The pill works, according to the drug's maker, Lumio Labs chief Ada Holt."
    found = speaker_of(_at(going_on, "the drug's maker", "according to", "The pill works"), going_on,
                       (_entity(going_on, "Lumio Labs", "ORG"),))
    assert found is not None and found[0] == "the drug's maker"


def test_an_enforcement_body_and_a_national_archives_are_public() -> None:
    assert speaker_kind("Plains Immigration and Customs Enforcement") == "official"
    assert speaker_kind("The National Archives") == "official"
    assert speaker_kind("Lumio Enforcement Games") == "other"
