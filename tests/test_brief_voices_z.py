"""Voices round 34's rules (written on sample Z's faults and round 33's leftovers, each on sentences of our
own): a request denied, a tally reported, a thing defended or praised with its
description, a title read alone before a name, a headline run into a role, a
national manager's body, a state's auditor, a denied report's newsroom, a head after a preposition."""

from __future__ import annotations

from broadsheet.brief.speakerof import report_denied, speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceroles import tidy_role
from broadsheet.stories.speakers import speaker_kind
from test_brief_voices_u import _at, _entity


def test_a_request_denied_is_no_words() -> None:
    text = "A judge on Monday denied a request from the city to halt the dam, saying it lacked standing."
    assert no_words_said(_at(text, "A judge", "denied", "a request from the city to halt the dam"), text)
    claim = "Ada Holt denied the claim on Monday."
    assert not no_words_said(_at(claim, "Ada Holt", "denied", "the claim on Monday"), claim)
    reason = _at(text, "A judge", "saying", "it lacked standing")
    assert not no_words_said(reason, text)


def test_a_tally_reported_is_no_words() -> None:
    text = "Plains has reported at least 4,000 deaths since March, according to a count by the college."
    assert no_words_said(_at(text, "Plains", "reported", "at least 4,000 deaths since March, according to a "
                                                        "count by the college"), text)
    said = "Plains reported that 4,000 people had died since March."
    assert not no_words_said(_at(said, "Plains", "reported", "4,000 people had died since March"), said)
    clause = "The agency reported 40 new cases were linked to the fair."
    linked = _at(clause, "The agency", "reported", "40 new cases were linked to the fair")
    assert not no_words_said(linked, clause)


def test_a_thing_defended_or_praised_with_its_description_is_no_words() -> None:
    text = ("Press secretary Ada Holt defended the mayor's post in which he shared a clip of a man "
            "shouting \u201cgo home\u201d at a rally.")
    words = "the mayor's post in which he shared a clip of a man shouting \u201cgo home"
    assert no_words_said(_at(text, "Ada Holt", "defended", words), text)
    praised = "Mayor Ivo Dahl praised a councillor who staged a \u201csit-in\u201d last year."
    councillor = _at(praised, "Ivo Dahl", "praised", "a councillor who staged a \u201csit-in")
    assert no_words_said(councillor, praised)
    quoted = "Mayor Ivo Dahl praised the bill as \u201ca good start\u201d, which pleased its authors."
    assert not no_words_said(_at(quoted, "Ivo Dahl", "praised", "the bill as \u201ca good start\u201d, which "
                                                               "pleased its authors"), quoted)
    clause = "Ada Holt defended it, which she said was \u201cfair\u201d."
    assert not no_words_said(_at(clause, "Ada Holt", "defended", "it, which she said was \u201cfair"), clause)


def test_a_title_read_alone_before_a_name_is_that_persons() -> None:
    text = "Senate Minority Leader Ada Holt, D-Maine, predicted Sunday that the bill will fail."
    found = speaker_of(_at(text, "Senate Minority Leader", "predicted", "the bill will fail"), text,
                       (_entity(text, "Ada Holt"),))
    assert found is not None and found[0] == "Ada Holt" and found[2] == "Senate Minority Leader"
    bracket = "House Majority Whip Ivo Dahl (R-Ohio) said the vote is set."
    found = speaker_of(_at(bracket, "House Majority Whip", "said", "the vote is set"), bracket,
                       (_entity(bracket, "Ivo Dahl"),))
    assert found is not None and found[0] == "Ivo Dahl"
    body = "Plains Lumber Ada Holt said the mill is open."  # no office: the title rule does not apply
    found = speaker_of(_at(body, "Plains Lumber", "said", "the mill is open"), body, ())
    assert found is None or found[0] != "Ada Holt"


def test_a_headline_run_into_a_role_is_cut_before_former() -> None:
    assert tidy_role("brings clout to a crowded contest Former Plains Representative") == \
        "Former Plains Representative"
    assert tidy_role("envoy to the Former Yugoslavia") == "envoy to the Former Yugoslavia"
    assert tidy_role("former Plains Representative") == "former Plains Representative"


def test_a_national_managers_kind_is_the_bodys() -> None:
    assert speaker_kind("Ada Holt", role="national manager of Plains Voters for Reform") != "official"
    assert speaker_kind("Ada Holt", role="national manager of the Department of Health") == "official"
    assert speaker_kind("Ada Holt", role="county manager") == "official"


def test_a_states_auditor_holds_an_office() -> None:
    assert speaker_kind("Ada Holt", role="State Auditor") == "official"
    assert speaker_kind("Ada Holt", role="Auditor General") == "official"
    assert speaker_kind("Ada Holt", role="party treasurer") != "official"


def test_a_denied_reports_words_are_its_newsrooms() -> None:
    text = "President Ada Holt on Tuesday denied a Plains Herald report that aides were planning a raid."
    attribution = _at(text, "Ada Holt", "denied", "aides were planning a raid", role="President")
    entities = (_entity(text, "Plains Herald", "ORG"), _entity(text, "Ada Holt"))
    moved = report_denied(attribution, text, entities)
    assert moved.speaker == "Plains Herald" and moved.role is None
    assert speaker_kind(moved.speaker, label="ORG") == "outlet"
    firm = "Ada Holt denied a Lumio Labs report that sales fell."
    kept = _at(firm, "Ada Holt", "denied", "sales fell")
    assert report_denied(kept, firm, (_entity(firm, "Lumio Labs", "ORG"),)).speaker == "Ada Holt"


def test_a_head_after_a_preposition_is_no_apposition_of_it() -> None:
    text = ("Ivo Dahl, an assistant to the governor, posted a clip. In it the governor said, "
            "\u201cWe will win.\u201d")
    found = speaker_of(_at(text, "the governor", "said", "We will win.", nth=1, kind="direct"), text,
                       (_entity(text, "Ivo Dahl"),))
    assert found is None or found[0] != "Ivo Dahl"
    own = "Ivo Dahl, the governor of Plains, posted a clip. In it the governor said, \u201cWe will win.\u201d"
    found = speaker_of(_at(own, "the governor", "said", "We will win.", nth=1, kind="direct"), own,
                       (_entity(own, "Ivo Dahl"),))
    assert found is not None and found[0] == "Ivo Dahl"
