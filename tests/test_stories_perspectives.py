"""Perspectives of a story: leanings and blindspots, the timeline, speaker kinds, corroboration.

The stories come from ``tests/data/stories/perspectives.json`` (written for these tests, MIT; every
place, person and outlet invented), the hand-labelled fixture the bench scores.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from broadsheet.bench.perspectives import FIXTURE, _article, as_story
from broadsheet.model import Analysis, Article, Attribution, Story
from broadsheet.stories.corroboration import cited_source, is_opinion, key_claims
from broadsheet.stories.outlets import is_outlet, is_unnamed
from broadsheet.stories.perspectives import blindspot, leaning, outlet_coverage, perspectives, timeline
from broadsheet.stories.speakers import KINDS, speaker_kind
from broadsheet.stories.titles import description_after, runs_a_company, spelled_out, title_before

DATA: dict[str, Any] = json.loads(Path(FIXTURE).read_text(encoding="utf-8"))


def story_of(name: str) -> tuple[Story, dict[str, Article]]:
    raw = next(s for s in DATA["stories"] if s["id"] == name)
    articles = [_article(a) for a in raw["articles"]]
    return as_story(name, articles), {a.id: a for a in articles}


def test_the_fixture_has_enough_hand_labels() -> None:
    voices = [v for s in DATA["stories"] for v in s["voices"]]
    claims = [c for s in DATA["stories"] for c in s["claims"]]
    assert len(voices) + len(claims) >= 50
    assert {v["kind"] for v in voices} <= set(KINDS)
    assert all(c["independent"] <= c["outlets"] for c in claims)


# --- leanings, blindspots, timeline --------------------------------------------------------------

@pytest.mark.parametrize(("label", "expected"), [
    ("Left", "left"), ("lean left", "left"), ("Lean-Right", "right"), ("center", "centre"),
    ("Centre", "centre"), ("", "unknown"), (None, "unknown"), ("mixed", "unknown")])
def test_leaning_labels(label: str | None, expected: str) -> None:
    assert leaning(label) == expected


def test_every_fixture_blindspot() -> None:
    for raw in DATA["stories"]:
        story, articles = story_of(raw["id"])
        assert blindspot(outlet_coverage(story, articles, DATA["leanings"])) == raw["blindspot"]


def test_outlets_carry_their_leaning_and_copies() -> None:
    story, articles = story_of("bridge")
    coverage = {o.outlet: o for o in outlet_coverage(story, articles, DATA["leanings"])}
    assert coverage["Harbor Times"].leaning == "left"
    assert coverage["Coast Radio"].leaning == "unknown"  # no entry for it
    assert coverage["Metro Daily News"].copies == 1  # it ran the wire story Coast Radio ran
    assert len(coverage["Plains Tribune"].article_ids) == 2


def test_one_side_covering_once_is_no_blindspot() -> None:
    story, articles = story_of("flood")
    one = dataclasses.replace(story, article_ids=story.article_ids[:1])
    assert blindspot(outlet_coverage(one, articles, DATA["leanings"])) is None
    assert blindspot(outlet_coverage(story, articles, {})) is None  # no leanings given


def test_timeline_is_in_publication_order_with_copies_marked() -> None:
    story, articles = story_of("bridge")
    entries = timeline(story, articles)
    stamps = [e.published for e in entries]
    assert stamps == sorted(stamps)  # type: ignore[type-var]
    assert [e.duplicate_of for e in entries if e.article_id == "bridge-md"] == ["bridge-cr"]


# --- speakers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "role", "organisation", "kind"), [
    ("John Everard", "a former British ambassador to Pyongyang", None, "former official"),
    ("Adrienne Watson", "spokeswoman", "National Security Council", "official"),
    ("Kim Jong Un", "North Korean leader", None, "other"),
    ("The New York Times", None, None, "outlet"),
    ("BBC News", None, None, "outlet"),
    ("U.S. officials", None, None, "unnamed source"),
    ("people familiar with the matter", None, None, "unnamed source"),
    ("a Lumio spokesperson", None, None, "unnamed source"),
    ("Karin Lund", "an economist", "the Baltic Policy Institute", "expert"),
    ("Martin Hale", "Kessler chief executive", None, "other"),
    ("Nora Quist", "county health director", None, "official"),
    ("Angela Ruiz", "a lawyer for the drivers", None, "other"),
    # named for a public body or an office, with no person's name
    ("Federal prosecutors", None, None, "official"),
    ("a judge", None, None, "official"),
    ("the White House", None, None, "official"),
    ("The utilities commission", None, None, "official"),
    ("the World Health Organization", None, None, "official"),
    ("Lena Ostrom", "deputy associate administrator", "NASA", "official"),
    ("Ivo Marsh", "U.S. Attorney", None, "official"),
    ("Rolf Dahl", "General, chairman of the Joint Chiefs of Staff", None, "official"),
    # a company's or a union's president is no official; a country's is
    ("Dana Holt", "president and chief operating officer of Orbital Freight", "Orbital Freight", "other"),
    ("Ken Abel", "Plains Teachers Association President", "Plains Teachers Association", "other"),
    ("Ana Sol", "President", None, "official"),
    # named as experts
    ("researchers", None, None, "expert"),
    ("Experts on prison safety", None, None, "expert"),
    ("Lars Quinn", "research director at market research firm Tally", None, "expert"),
    ("a research group", None, None, "expert"),
    ("Bert Kell", "Rep., R-TX", None, "official"),  # an abbreviated title before a comma
    ("the Arcadian and Borean defense ministries", None, None, "official"),
    ("Arcadia's interior minister", None, None, "official"),
    ("the Borean Center for Disease Control and Prevention", None, None, "official"),
    ("Tanjug News Agency", None, None, "outlet"),
    ("CBS Boston", None, None, "outlet"),
    ("people familiar with Borean trade policy", None, None, "unnamed source"),
    ("A spokeswoman for Neumann", None, None, "unnamed source"),
    ("an insider", None, None, "unnamed source"),  # a person, not the newsroom "Insider"
    ("Plains State Police", None, None, "official"),  # a named body, not unnamed police
    ("Fort Lenn Police Department", None, None, "official"),
    ("the agency", None, None, "official"),
    ("the news agency", None, None, "outlet"),
    ("Superintendent Ana Vik", None, None, "official"),
    ("Ira Dunn", "U.S. commander", None, "official"),
    # round 11 (demo voices A/B/C): public bodies named as speakers, short ranks, study authors,
    # a union's president named with no organisation
    ("the Borean Prosecution Authority", None, None, "official"),
    ("The National Institute on Sleep", None, None, "official"),
    ("the Congressional Budget Office", None, None, "official"),
    ("Arcadia's public defender's office", None, None, "official"),
    ("Ivo Kade", "Lt. Col.", None, "official"),
    ("Sam Eli", "Borean chief negotiator", None, "official"),
    ("Mia Berg", "Senior author", None, "expert"),
    ("The authors of the study published in the journal Sleep", None, None, "expert"),
    ("Rae Lund", "local president of the dock workers' union", None, "other"),
    ("Lumio", None, None, "other"),
    # round 12 (demo voices A-E): a speaker named for the office it holds; a company's spokesperson
    # or regional president and a union's are no officials, a public bank's president is; a House
    # Speaker; an embassy, customs, an administration, the European Union
    ("Borea's ambassador to Arcadia", None, None, "official"),
    ("A Plains transit chief", None, None, "official"),
    ("a career Army officer", None, "Army", "official"),
    ("a Lumio representative", None, "Lumio", "unnamed source"),  # round 32: a body's, unnamed; no official
    ("Kim Rask", "spokesperson for Lumio", "Lumio", "other"),
    ("Ole Berg", "President Lumio North America", "Lumio", "other"),
    ("Tor Ness", "president of the Federal Reserve Bank of Plains", "the Federal Reserve Bank", "official"),
    ("Ada Frey", "Plains House Speaker", None, "official"),
    ("Ella Dahl", "Deputy Director of Public Prosecution", None, "official"),
    ("The US Embassy", None, None, "official"),
    ("the Drug Enforcement Administration", None, None, "official"),
    ("Customs and Border Protection", None, None, "official"),
    ("the European Union", None, None, "official"),
    # a head of research is an expert, and so is a university department's; a news organisation
    ("Ravi Shah", "Head of Research at Plains Securities", None, "expert"),
    ("Ian Holm", "expert in sleep at the Department of Health Sciences at the University of Plains",
     "the Department of Health Sciences", "expert"),
    ("Ada Lind", "spokesperson for the Department of Energy", "the Department of Energy", "official"),
    ("The news organization", None, None, "outlet"),
    # round 13 (demo voices A-F): plural office-holders, an intergovernmental body's former
    # director, a body word that does not head the name
    ("Some senators", None, None, "official"),
    ("Ivo Kade", "former executive director for Borea at the International Monetary Fund",
     "the International Monetary Fund", "former official"),
    ("Box Office Plains", None, None, "other"),
    ("The National Institute on Drug Abuse", None, None, "official"),
    # round 14 (WCXB sample G, A-F): any scientist, an administration, a body's representative
    ("Ada Lind", "neuroscientist at Plains Medicine", "Plains Medicine", "expert"),
    ("the Hale administration", None, None, "official"),
    ("A representative for the platform", None, None, "unnamed source"),
    ("The representative for the fifth district", None, None, "official"),
    # round 16 (WCXB sample I): a body's representative, no name
    ("Their company representative", None, None, "unnamed source"),
    ("a Taliban representative", None, None, "unnamed source"),  # round 32 (sample A judges either)
])
def test_speaker_kinds(name: str, role: str | None, organisation: str | None, kind: str) -> None:
    assert speaker_kind(name, role, organisation) == kind


def test_a_description_after_the_name_in_the_story_decides_when_the_analysis_found_none() -> None:
    texts = ["We spoke to Dr. Ada Lind, a consultant chest physician at Plains Hospital, by phone.",
             "“They were odd cells,” said Holm, who is now an immunologist at Plains University.",
             "A survey by Rae Muse Dunn of the University of Plains found it.",
             "Ivo Kade, the former special envoy to Borea, and Ana Sol, a top aide to Vice President Ek, "
             "spoke.",
             "Both Kade and Sol agreed. Sol, a fan of the Wild, cheered.",
             "Nia Nunes Vale, MD, an internal medicine physician at Plains Clinic, helps."]
    assert description_after("Ada Lind", texts) == "consultant chest physician at Plains Hospital"
    assert speaker_kind("Ada Lind", context=texts) == "expert"
    assert speaker_kind("Tor Holm", context=texts) == "expert"  # written by the surname alone
    assert speaker_kind("Dunn", context=texts) == "expert"
    assert speaker_kind("Ivo Kade", context=texts) == "former official"
    assert speaker_kind("Ana Sol", context=texts) == "official"
    assert speaker_kind("Kade and Sol", context=texts) == "other"  # no surname read for two people
    assert description_after("Mia Berg", texts) is None
    assert description_after("Nunes Vale", texts) == "internal medicine physician at Plains Clinic"


def test_an_acronym_is_read_with_the_words_it_stands_for() -> None:
    texts = ["Agents of the Drug Enforcement Administration and, for ports, Customs and Border "
             "Protection seized it.", "The European Union said so."]
    assert spelled_out("DEA", texts) == "Drug Enforcement Administration"
    assert spelled_out("CBP", texts) == "Customs and Border Protection"
    assert spelled_out("the EU", texts) == "European Union"
    assert spelled_out("Lumio", texts) is None and spelled_out("XYZ", texts) is None
    assert speaker_kind("DEA", context=texts) == "official"
    assert speaker_kind("CBP", context=texts) == "official"
    assert speaker_kind("DEA") == "other"  # nothing says what it stands for
    assert speaker_kind("LN", context=["Live Nation said so."]) == "other"


def test_a_title_before_the_name_in_the_story_decides_when_the_analysis_found_none() -> None:
    texts = ["Finance minister Helena Rask resigned on Sunday.", "Rask told reporters she was sorry."]
    assert title_before("Helena Rask", texts) == "Finance minister"
    assert speaker_kind("Helena Rask", context=texts) == "official"
    assert title_before("Helena Rask", ["The prime minister said Helena Rask lied."]) is None
    assert speaker_kind("Rask", context=["President Rask tied herself to the vote."]) == "official"
    # a one-word name takes only a title written right before it, and only as its whole name
    assert speaker_kind("Lumio", context=["a spokesperson for Lumio said so"]) == "other"
    assert speaker_kind("Lumio", context=["Vice President Lumio Americas Ana Sol said so"]) == "other"
    # a title before a common noun is not its title: the doctor prescribed the man, the man speaks
    assert speaker_kind("the man", context=["The doctor prescribed the man steroids."]) == "other"


def test_a_place_that_speaks_is_its_government() -> None:
    assert speaker_kind("Borea") == "other"
    assert speaker_kind("Borea", label="GPE") == "official"
    assert speaker_kind("Borea", label="ORG") == "other"


def test_the_storys_own_outlets_are_outlets() -> None:
    assert is_outlet("Coast Radio")
    assert is_outlet("Lindell Ledger", ["The Lindell Ledger"])
    assert not is_outlet("Ellen Brandt")
    assert is_unnamed("Two senior officials") and not is_unnamed("Joan Whitaker")


# --- corroboration -------------------------------------------------------------------------------

def _claim(story: Story, articles: dict[str, Article], key: str) -> Any:
    return next(c for c in key_claims(story, articles) if key in c.text.casefold())


def test_copies_and_opinion_pieces_are_not_independent_reports() -> None:
    story, articles = story_of("bridge")
    killed = _claim(story, articles, "four people")
    assert set(killed.outlets) >= {"Harbor Times", "Valley Post", "Metro Daily News",
                                   "Plains Tribune"}
    assert len(killed.sources) == 4  # Metro Daily News' wire copy and the column add nothing


def test_reports_citing_the_same_outlet_count_once() -> None:
    story, articles = story_of("bridge")
    rating = _claim(story, articles, "structurally deficient")
    assert rating.sources == ("harbor times",) and len(rating.outlets) == 3


def test_an_attribution_carried_by_another_outlet_cites_it() -> None:
    story, articles = story_of("layoffs")
    report = articles["lay-vp"]
    span = (0, len(report.paragraphs[0]))
    told = Attribution(speaker="Hannah Cole", cue="told", content=report.paragraphs[0],
                       kind="indirect", via="Continental Press", content_span=span)
    analyses = {aid: Analysis(a) for aid, a in articles.items()}
    analyses["lay-vp"] = Analysis(report, attributions=(told,))
    plain = next(c for c in key_claims(story, articles) if "1,200" in c.text)
    carried = next(c for c in key_claims(story, articles, analyses) if "1,200" in c.text)
    assert "valley post" in plain.sources and "valley post" not in carried.sources
    assert "continental press" in carried.sources


@pytest.mark.parametrize(("sentence", "source"), [
    ("The bridge was rated deficient, the Harbor Times reported.", "harbor times"),
    ("According to the Harbor Times, the bridge was rated deficient.", "harbor times"),
    ("Lumio earned $18 million, citing Reuters.", "reuters"),
    ("The bridge was rated deficient, the Harbor Times reports.", "harbor times"),
    ("The Harbor Times is reporting that the bridge was rated deficient.", "harbor times"),
    ("The rating, first reported in the Harbor Times, was low.", "harbor times"),
    ("Lumio reports record earnings for the quarter.", None),
    ("Mayor Ellen Brandt told reporters the city would act.", None),
    ("The mayor said in an interview on Metro News that the city would act.", "metro news"),
    ("The mayor said Tuesday in an interview with Harbor Times' Ann Lee that it would act.", "harbor times"),
    ("\u201cWe will act,\u201d the mayor said on Metro News.", "metro news"),
    ("The mayor, telling the Harbor Times the city would act, left.", "harbor times"),
    ("The mayor told Harbor Times\u2019 Ann Lee the city would act.", "harbor times"),
    ("The mayor said on Tuesday that the city would act.", None),
    ("The mayor celebrated her win in a phone interview with Metro News.", None),
    ("In an interview with Metro News, the mayor said the city would act.", "metro news"),
    ("The mayor told WDNB-TV on Tuesday that the city would act.", "wdnb"),
])
def test_cited_sources(sentence: str, source: str | None) -> None:
    assert cited_source(sentence, ["Harbor Times", "The New York Times"]) == source


def test_a_short_outlet_name_is_the_storys_one_outlet_it_can_be() -> None:
    said = "The Times reported that the rating was low."
    assert cited_source(said, ["The New York Times", "Valley Post"]) == "new york times"
    assert cited_source(said, ["The New York Times", "Harbor Times"]) == "times"  # which one?


def test_opinion_pieces() -> None:
    _, articles = story_of("bridge")
    assert is_opinion(articles["bridge-op"]) and not is_opinion(articles["bridge-pt"])
    assert is_opinion(dataclasses.replace(articles["bridge-pt"], title="Opinion | A view"))


def test_perspectives_put_it_together() -> None:
    story, articles = story_of("plant-fire")
    seen = perspectives(story, articles, DATA["leanings"])
    assert seen.blindspot == "left" and dict(seen.coverage)["right"] == 2
    assert seen.timeline[0].article_id == "fire-vp"
    assert seen.claims and seen.claims[0].sources


def test_a_name_the_story_writes_as_a_newsroom_reporting_is_an_outlet() -> None:
    texts = ["Deadline reports that Lumio is still working on a sequel.",
             "The son was stabbed to death, Kan reported on Wednesday.",
             "The Plains Wire's report today claims that the actor returns.",
             "Home Depot reported third-quarter earnings that topped estimates. Ada Lind reported that "
             "sales fell. Lumio's report on sales was late."]
    assert speaker_kind("Deadline", context=texts) == "outlet"
    assert speaker_kind("Kan", context=texts) == "outlet"
    assert speaker_kind("The Plains Wire", context=texts) == "outlet"
    assert speaker_kind("Home Depot", context=texts) == "other"  # a company's results
    assert speaker_kind("Ada Lind", context=texts, label="PERSON") == "other"  # a reporter is a person
    assert speaker_kind("the Borean health ministry", context=["The Borean health ministry reported "
                                                               "that two died."]) == "official"
    assert speaker_kind("Deadline") == "other"  # nothing says it reports


def test_a_bare_president_the_story_calls_a_chief_executive_is_a_companys() -> None:
    texts = ["“Sales rose,” chairman, CEO and president Ola Moe said in the earnings release.",
             "Ana Sol, Lumio's chief executive, agreed. President Ivo Kade of Borea spoke; CEO Tim "
             "Berg and President Eli Vik met."]
    assert runs_a_company("Ola Moe", texts) and runs_a_company("Ana Sol", texts)
    assert not runs_a_company("Ivo Kade", texts) and not runs_a_company("Eli Vik", texts)
    assert speaker_kind("Ola Moe", "president", None, context=texts) == "other"
    assert speaker_kind("Eli Vik", "president", None, context=texts) == "official"


def test_a_president_of_an_acronym_the_story_spells_out_as_a_public_body_is_an_official() -> None:
    texts = ["The Plains Public Utilities Commission holds a hearing. PPUC President Ada Holt said so."]
    assert speaker_kind("Ada Holt", "PPUC President", "PPUC", context=texts) == "official"
    assert speaker_kind("Ada Holt", "PPUC President", "PPUC") == "other"  # nothing spells it out


def test_a_studys_authors_are_experts_and_a_college_that_reports_is_no_newsroom() -> None:
    study = ["The study of 900 pupils found gains.", "The Plains College of Sports Medicine reported that "
             "yoga grew.", "Lumio raised $3 million, as reported by Plainscreener."]
    assert speaker_kind("the authors", context=study) == "expert"
    assert speaker_kind("the authors", context=["The novel sold well."]) == "other"
    assert speaker_kind("The Plains College of Sports Medicine", context=study) == "other"
    assert speaker_kind("Plainscreener", context=study) == "outlet"


def test_an_acronym_before_the_title_names_the_speakers_body() -> None:
    texts = ["With support from the Department of Plains Extension (DPE), farmers grew more.",
             "DPE Additional Director Dr Ada Lind told reporters that it works.",
             "US President Ivo Kade said so. The United States agreed."]
    assert speaker_kind("Ada Lind", "Additional Director", None, context=texts) == "official"
    assert speaker_kind("Ivo Kade", "President", None, context=texts) == "official"  # no body: "US"
    assert speaker_kind("Eva Dahl", "Additional Director", None, context=texts) == "other"
