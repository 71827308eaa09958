"""Kinds of speakers as political news writes them (round 20, sample M): the Speaker of a house, a
federal office's director, a member of a legislative committee are officials; a lawyer for an
advocacy centre is no expert (``stories.speakers.speaker_kind``); round 22 (sample O, PolNeAR): a
member of Congress's party and state, a majority leader, a city attorney, the Census are officials; a
campaign's spokesman is not; "Justice" is an office only as a title, not a surname or a field; round
23: an office dated to a time past is a former one, a centre named for a cause is no expert's."""

from __future__ import annotations

import pytest

from broadsheet.stories.speakers import speaker_kind


@pytest.mark.parametrize(("name", "role", "organisation", "kind"), [
    ("Ana Sol", "newly-minted Speaker", None, "official"),
    ("Ana Sol", "Keynote Speaker", None, "other"),  # a conference's speaker holds no office
    ("Ana Sol", "guest speaker", None, "other"),
    ("Ivo Kade", "director of the Office of Management and Budget", "the Office of Management and Budget",
     "official"),
    ("Ivo Kade", "head of the office of the founder", None, "other"),  # an office, no Office of a body
    ("Ivo Kade", "director of the Office of Admissions at Plains University", None, "expert"),
    ("Ivo Kade", "top Democrat on the Senate Intelligence Committee", "the Senate Intelligence Committee",
     "official"),
    ("the Democratic Congressional Campaign Committee", None, None, "other"),  # a party's committee
    ("The House Ethics Committee", None, None, "official"),
    ("Nia Vale", "senior lawyer with the Center for Plains Diversity", "the Center for Plains Diversity",
     "other"),
    ("Nia Vale", "professor of law at the Center for Plains Studies", "the Center for Plains Studies",
     "expert"),
    ("Nia Vale", None, "the Center for Plains Studies", "expert"),
])
def test_speaker_kinds_of_political_news(name: str, role: str | None, organisation: str | None,
                                         kind: str) -> None:
    assert speaker_kind(name, role, organisation) == kind


def test_a_speaker_title_before_the_name_makes_an_official() -> None:
    assert speaker_kind("John A. Boehner", context=["Speaker John A. Boehner said so."]) == "official"
    assert speaker_kind("Ana Sol", context=["Keynote Speaker Ana Sol said so."]) == "other"


@pytest.mark.parametrize(("name", "role", "organisation", "kind"), [
    ("F.B.I. agents", None, None, "official"),  # round 21, sample N: an acronym with full stops
    ("Ivo Kade", None, "the F.B.I.", "official"),
    ("Ivo Kade", "former F.B.I. supervisor", None, "former official"),
    ("Ivo Kade", "Constable", None, "official"),  # a police rank, written with its capital
    ("Ivo Kade", "constable of the festival", None, "other"),
    ("Ivo Kade", "Sgt.", None, "official"),
    ("Ivo Kade", "head of the Interior Ministry's Natural Disasters Headquarters", "the Interior Ministry",
     "official"),  # a ministry's office named before the body
    ("Ivo Kade", "head of the marketing department", None, "other"),  # a company's department
    ("Ivo Kade", "director of the company", None, "other"),
])
def test_officials_written_otherwise_in_news(name: str, role: str | None, organisation: str | None,
                                             kind: str) -> None:
    assert speaker_kind(name, role, organisation) == kind


@pytest.mark.parametrize(("name", "role", "organisation", "kind"), [
    ("Ivo Kade", "Senate Majority Leader, R-Ky.", "Senate", "official"),
    ("Ivo Kade", "Oversight Chairman, R-Utah", None, "official"),  # a party-state tag: in Congress
    ("Ivo Kade", "Sen., D-N.Y.", None, "official"),
    ("Ivo Kade", "D-Day veteran", None, "other"),
    ("Ivo Kade", "City Attorney", None, "official"),
    ("Census", None, None, "official"),
    ("the Federal Bureau of Prisons", None, None, "official"),
    ("the Plains Farm Bureau", None, None, "other"),  # a farmers' lobby
    ("Ivo Kade", "campaign's press secretary", None, "other"),
    ("Ivo Kade", "spokesman for the Holt campaign", None, "other"),
    ("a Holt campaign spokesman", None, None, "other"),
    ("Ivo Kade", "White House press secretary", "White House", "official"),
    ("Ivo Kade", "Justice", None, "official"),  # the title alone
    ("Ivo Kade", "Supreme Court Justice", None, "official"),
    ("Even some justices", None, None, "official"),
    ("the Justice Department", None, None, "official"),
    ("Jim Justice", None, None, "other"),  # a surname
    ("Ivo Kade", "executive director at the Center of Media Justice and a film's voice", None, "other"),
    ("Ivo Kade", "founder of an environmental justice group", None, "other"),  # a field, no office
])
def test_political_news_offices_of_round_22(name: str, role: str | None, organisation: str | None,
                                            kind: str) -> None:
    assert speaker_kind(name, role, organisation) == kind


@pytest.mark.parametrize(("role", "kind"), [
    ("national security official under Presidents Carter and Ford", "former official"),
    ("budget official under former President Ford", "former official"),
    ("national security official under President Ford", "official"),  # in office, as far as it says
    ("executive director of the Center for Plains Rights", "other"),  # an advocacy group's
    ("senior fellow at the Center for Plains Studies", "expert"),
])
def test_an_office_of_a_time_past_and_a_cause_centre_of_round_23(role: str, kind: str) -> None:
    assert speaker_kind("Ivo Kade", role) == kind


@pytest.mark.parametrize(("after", "kind"), [
    ("during the drafting of the law", "former official"),
    ("during his second term", "former official"),
    ("during a visit to Plainsland", "official"),  # a visit: still in office
])
def test_an_office_the_story_dates_to_a_time_past_is_a_former_one(after: str, kind: str) -> None:
    text = f"“It hurts,” said Ivo Kade, the Office of Budget director {after}."
    assert speaker_kind("Ivo Kade", "Office of Budget director", None, (), [text]) == kind


def test_a_title_before_a_name_stays_in_the_names_sentence() -> None:
    # round 23, sample N: "... the region's call centre industry. Lumio said ..." made Lumio an expert
    text = "Cuts hit the region's call centre industry. Lumio said it would post updates."
    assert speaker_kind("Lumio", context=[text]) == "other"
    assert speaker_kind("Ada Holt", context=["Cuts hit us. Finance minister Ada Holt said so."]) == "official"


def test_a_former_before_a_four_word_title_is_kept() -> None:
    text = "Cuts hit us, said former White House Plains adviser Ada Holt on Monday."
    assert speaker_kind("Ada Holt", context=[text]) == "former official"


# voices round 24, sample P (BASIL's articles M did not draw from): kinds on sentences of our own
@pytest.mark.parametrize(("name", "organisation", "kind"), [
    ("Three senior Holt campaign officials", None, "other"),  # a campaign's, no public body's
    ("union officials", None, "unnamed source"),
    ("Three senior Plains County officials", None, "official"),
    ("At least one GOP insider", "GOP", "other"),  # a person, no newsroom ("Plains Insider" is one)
    ("Plains Insider", None, "outlet"),
])
def test_a_campaigns_officials_and_a_counted_insider_of_round_24(name: str, organisation: str | None,
                                                                 kind: str) -> None:
    assert speaker_kind(name, None, organisation) == kind


@pytest.mark.parametrize(("role", "kind"), [
    ("Chief", "official"),  # the title before a name: a police or fire chief
    ("Deputy Chief", "official"),
    ("Chief Executive", "other"),
    ("chief", "other"),  # no title written so
])
def test_chief_as_the_title_before_a_name_is_an_office(role: str, kind: str) -> None:
    assert speaker_kind("Ada R. Holt", role) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Senate Minority Leader Ivo Dahl, D-N.Y., and Sen. Ada Holt, D-Mass., both called for a delay.",
     "official"),  # the title after "and" is hers
    ("The Senate leaders — Ada Holt, Republican of Kentucky, and Ivo Dahl — met.", "official"),
    ("Ada Holt, Democrat of the Year, spoke.", "other"),  # an award, no seat
    ("Ivo Dahl and Ada Holt met.", "other"),
])
def test_a_title_after_a_conjunction_and_a_party_of_a_state_are_offices(text: str, kind: str) -> None:
    assert speaker_kind("Ada Holt", context=[text]) == kind


def test_a_party_of_a_state_after_a_surname_alone_is_no_one_elses() -> None:
    text = "The charges name Ivo Holt and Ada Holt. Holt, Republican of Ohio, denied them."
    assert speaker_kind("Ada Holt", context=[text]) == "other"  # her husband's seat, not hers


@pytest.mark.parametrize(("name", "kind"), [
    ("The city council", "official"),  # voices round 25, sample Q: a council of a city is a government body
    ("the Plainsville County Council", "official"),
    ("The town council", "official"),
    ("the Council on Plains Relations", "other"),  # a think tank's name, no council of a place
    ("the student council", "other"),
])
def test_a_council_of_a_city_or_a_county_is_a_public_body(name: str, kind: str) -> None:
    assert speaker_kind(name) == kind


@pytest.mark.parametrize(("name", "role", "organisation", "context", "kind"), [
    # voices round 26, sample R
    ("the Plains Valley Union-Tribune", None, None, [], "outlet"),  # a newsroom word after a hyphen
    ("the Post-Gazette", None, None, [], "outlet"),
    ("Holt-Dahl", None, None, [], "other"),
    ("Ada Holt", "California Highway Patrol Officer", None, [], "official"),  # a highway patrol's officer
    ("the Plains Highway Patrol", None, None, [], "official"),
    ("Ada Holt", "patrol leader", "Scouts", [], "other"),
    ("Ada Holt", "UNHCR spokesman", "UNHCR", [], "official"),  # a UN agency by its initials
    ("UNITE", None, None, [], "other"),  # a union in capitals, no UN agency
    ("TsIK", None, None, ["the country's Central Election Commission (TsIK) said"], "official"),
    ("TsIK", None, None, ["NEW YORK (TsIK) said"], "other"),  # a dateline's place is no body's name
    ("PlnX", None, None, ["the firm Plains Exchange Holdings (PlnX) said"], "other"),
])
def test_round_26_kinds(name: str, role: str | None, organisation: str | None, context: list[str],
                        kind: str) -> None:
    assert speaker_kind(name, role, organisation, context=context) == kind


@pytest.mark.parametrize(("name", "role", "context", "kind"), [
    # voices round 27, sample S
    ("Ada Holt", None, ["Meanwhile the Senate Democratic leader, Ada Holt of Ohio, went to the floor."],
     "official"),  # an office set before the name with a comma
    ("Ada Holt", None, ["They met the mayor, Ada Holt and Ivo Dahl."], "other"),  # a list, no apposition
    ("Ada Holt", "Dahl's Democratic campaign counterpart",
     ["Dahl's Democratic campaign counterpart, Sen. Ada Holt, D-Ohio, said"], "official"),  # the title counts
    ("Ada Holt", "Dahl's campaign manager", ["Dahl's campaign manager Ada Holt said"], "other"),
    ("Ada Holt", "the star's rep", ["the star's representative Ada Holt said"], "other"),  # an agent's
    ("Ada Holt", "the star's rep", ["spokesman Ada Holt said"], "other"),  # whose, the role says
    ("Ada Holt", "an aide", ["President Dahl had directed Ada Holt to pay"], "other"),  # not her title
    ("Ivo Dahl", "outspoken critic", ["said former Plainsland President Ivo Dahl"], "former official"),
    ("Ivo Dahl", None, ["Ivo Dahl, who was deputy assistant secretary at the Plains department, said"],
     "former official"),  # an office a relative clause says he held
    ("Ivo Dahl", None, ["Mr. Dahl, who was president of Plainsland from 2000 to 2006, said"],
     "former official"),
    ("Ivo Dahl", None, ["Mr. Dahl, who was elected governor in 2010, said"], "other"),  # a passive: holds it
    ("Ivo Dahl", None, ["Mr. Dahl, who was at the White House on Monday, said"], "other"),  # a place
    ("Ada Holt", "official of the bar association", [], "other"),  # an association's, no public body's
    ("Ada Holt", "campaign official", [], "other"),
    ("Ada Holt", "White House official", [], "official"),
    ("Ada Holt", "senior official", [], "official"),
    ("Ada Holt", "Director of National Intelligence", [], "official"),
])
def test_round_27_kinds(name: str, role: str | None, context: list[str], kind: str) -> None:
    assert speaker_kind(name, role, None, context=context) == kind


@pytest.mark.parametrize(("name", "role", "organisation", "context", "kind"), [
    # voices round 28, sample T
    ("Ivo Dahl", "Senior Vice President of Worldwide Marketing", "Lumio", [], "other"),  # a company's
    ("Ivo Dahl", None, None, ["said Lumio senior vice president of marketing Ivo Dahl"], "other"),
    ("Ivo Dahl", "vice-president of product marketing", None, [], "other"),
    ("Ivo Dahl", "Vice President", None, [], "official"),
    ("Ivo Dahl", "vice president of Borea", None, [], "official"),  # a state's: a capitalised place
    ("Plains Bets", None, None, ["Ada Holt, a spokesperson for Plains Bets, said so."], "other"),  # whose
    ("Ada Holt", "ex - PPD organized crime detective", None, [], "former official"),
    ("Ada Holt", "Inspector", "Mid - Plains", [], "official"),
    ("Ada Holt", "Insp", None, [], "official"),
    ("Detectives", None, None, [], "official"),
    ("PNA", None, None, ["Borea's official news agency PNA said so.", "The official PNA news agency said."],
     "outlet"),
    ("Plains Herald", None, None, ["the newspaper Plains Herald said"], "outlet"),
    ("Ivo Dahl", None, None, ["said Ada Holt, a spokesman for Ivo Dahl, the prosecuting attorney for Vale."],
     "official"),  # a spokesman's title is not the name's after it, the description after it is
])
def test_round_28_kinds(name: str, role: str | None, organisation: str | None, context: list[str],
                        kind: str) -> None:
    assert speaker_kind(name, role, organisation, context=context) == kind
