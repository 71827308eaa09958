"""Corroboration rules on sentences of our own (every outlet, place and person invented): what a
lead states, whose report a sentence is, and how the sentences of several articles become claims.
The fixture's stories are scored in ``test_stories_perspectives.py``; the real day's in the bench
(``bench/claims.py``)."""

from __future__ import annotations

import dataclasses
import itertools
import random

import numpy as np
import pytest

from broadsheet.bench.perspectives import as_story
from broadsheet.model import Article
from broadsheet.stories.corroboration import (
    COPIED,
    LEDE_PAIR,
    SAME_CLAIM,
    _Claim,
    _merge,
    _unquoted,
    _verdict,
    cited_source,
    claim_terms,
    combined,
    is_opinion,
    key_claims,
    lead_sentences,
    outlet_key,
    similarities,
    trigrams,
    wire_source,
)
from broadsheet.text import cosine, tfidf_vectors

OUTLETS = ["Harbor Times", "Valley Post"]


def _article(aid: str, outlet: str, *sentences: str, published: str = "2026-03-02T08:00:00Z",
             url: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", title=sentences[0], paragraphs=(" ".join(sentences),),
                   published=published, outlet=outlet, url=url)


def test_a_lead_holds_statements_not_questions_lead_ins_or_asides() -> None:
    article = dataclasses.replace(_article("a", "Harbor Times", "x"), paragraphs=(
        "Remember the town's long search for a new motto last spring?",
        "(We never did settle on one, unlike the county, which has three.)",
        "Here is what the first reviews of the bridge have said:",
        "The Dunmore bridge reopened on Monday after two years of repairs.",
        "(Harbor Times) The council will vote on its tolls on Friday (again).",
    ))
    lead = [article.text[a:b] for a, b in lead_sentences(article)]
    assert lead == ["The Dunmore bridge reopened on Monday after two years of repairs.",
                    "(Harbor Times) The council will vote on its tolls on Friday (again)."]


def test_a_teaser_cut_off_by_an_ellipsis_states_no_claim_but_a_statement_cut_short_does() -> None:
    article = dataclasses.replace(_article("a", "Harbor Times", "x"), paragraphs=(
        "Dunmore's son returns for a second turn And the next host of the harbor festival is \u2026",
        "The council confirmed the festival's new host in a statement\u2026",
        "The festival opens on the Dunmore pier on Friday ...",
    ))
    lead = [article.text[a:b] for a, b in lead_sentences(article)]
    assert lead == ["The council confirmed the festival's new host in a statement\u2026",
                    "The festival opens on the Dunmore pier on Friday ..."]


@pytest.mark.parametrize(("lede", "opinion"), [
    ("I was immediately impressed with the mayor's plan when the council approved the harbor sale.", True),
    ("My town voted on Monday to sell the old harbor to Lumio Networks.", True),
    ("Sen. Ada Quinn (I-Ardent) backed the harbor sale on Monday night.", False),
    ("The C.I.A. opened an office on the Dunmore waterfront on Monday.", False),
    ('"I will sell the harbor before June," Mayor Ada Quinn said on Monday.', False),
    ("Mayor Ada Quinn told me on Monday that the harbor sale will go ahead.", False),
])
def test_a_lede_in_the_first_person_makes_an_opinion_piece(lede: str, opinion: bool) -> None:
    article = _article("c", "Valley Post", lede, "The council meets again on Friday to vote on the tolls.")
    assert is_opinion(article) == opinion


def test_a_columnists_address_makes_an_opinion_piece() -> None:
    article = _article("c", "Valley Post", "The council keeps failing the town's commuters, again.",
                       url="https://valleypost.example/columnists/2026/the-council-fails")
    assert is_opinion(article)
    assert not is_opinion(dataclasses.replace(article, url="https://valleypost.example/news/council"))


@pytest.mark.parametrize(("opening", "outlet", "source"), [
    ("(Reuters) — The Dunmore council voted on Monday to sell the harbor.", "Valley Post", "reuters"),
    ("DUNMORE (AP) — The council voted on Monday to sell the harbor.", "Valley Post", "ap"),
    ("Dunmore (Valley Post Business) The council voted to sell the harbor.", "Valley Post", None),
    ("DUNMORE, Ardent (Harbor Live) - The council voted to sell the harbor.", "Valley Post", None),
    ("The Dunmore council (its nine members) voted to sell the harbor.", "Valley Post", None),
])
def test_a_wire_dateline_credits_the_agency(opening: str, outlet: str, source: str | None) -> None:
    assert wire_source(_article("w", outlet, opening), OUTLETS) == source


def _claims(*articles: Article) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(c.text, c.outlets, c.sources) for c in key_claims(as_story("s", articles),
                                                               {a.id: a for a in articles})]


def test_a_wire_copy_and_a_report_of_it_are_one_source() -> None:
    copy = _article("v", "Valley Post",
                    "(Reuters) — The state attorney general is investigating Lumio Networks, "
                    "according to two people familiar with the matter.")
    retold = _article("h", "Harbor Times",
                      "Lumio Networks is reportedly being investigated by the state attorney general.",
                      "According to Reuters, the inquiry covers the sale of customer data.",
                      published="2026-03-02T09:00:00Z")
    ((_, outlets, sources),) = _claims(copy, retold)
    assert set(outlets) == {"Valley Post", "Harbor Times"} and sources == ("reuters",)


def test_a_write_up_of_another_outlets_report_credits_it_throughout_its_lead() -> None:
    scoop = _article("t", "Harbor Times", "Lumio Networks will close its Dunmore plant in June.",
                     "The plant employs 400 people, the company's filings show.")
    # its lede credits the Times: the figures its lead goes on to give are the Times' as well
    write_up = _article("p", "Valley Post", "Lumio Networks plans to shut its Dunmore plant, the Harbor "
                        "Times reports.", "The Dunmore plant employs 400 people.",
                        published="2026-03-02T09:00:00Z")
    claims = _claims(scoop, write_up)
    assert len(claims) == 2 and all(sources == ("harbor times",) for _, _, sources in claims)
    own = _article("p", "Valley Post", "Lumio Networks plans to shut its Dunmore plant.",
                   "The Dunmore plant employs 400 people, the Harbor Times reported.",
                   published="2026-03-02T09:00:00Z")
    sources = {text[:10]: set(found) for text, _, found in _claims(scoop, own)}
    assert sources == {"Lumio Netw": {"harbor times", "valley post"}, "The plant ": {"harbor times"}}


@pytest.mark.parametrize(("name", "key"), [
    ("NBC", "nbc"), ("NBC News", "nbc"), ("NBC's", "nbc"), ("KBFX-TV", "kbfx"),
    ("KBFX Eyewitnesses News", "kbfx"), ("The Washington Post", "washington post"),
    ("Washington Post", "washington post"), ("Harbor Times", "harbor times"), ("AP", "ap"),
])
def test_one_outlets_names_share_a_key(name: str, key: str) -> None:
    assert outlet_key(name) == key


def test_a_broadcaster_named_two_ways_is_one_source() -> None:
    first = _article("h", "Harbor Times", "Mayor Ada Quinn told WDNB News that the harbor sale will "
                     "go ahead in June.")
    second = _article("v", "Valley Post", "The harbor sale will go ahead in June, Mayor Ada Quinn told "
                      "WDNB-TV on Monday.", published="2026-03-02T09:00:00Z")
    ((_, outlets, sources),) = _claims(first, second)
    assert set(outlets) == {"Harbor Times", "Valley Post"} and sources == ("wdnb",)


def _interviewed(lede: str, *rest: str) -> Article:
    return _article("h", "Harbor Times", lede, *rest)


QUINN = "Mayor Ada Quinn said on Monday that the harbor sale will go ahead in June."
TOLD = _article("v", "Valley Post", "The harbor sale will go ahead in June, Mayor Ada Quinn told "
                "WDNB News.", published="2026-03-02T09:00:00Z")


INTERVIEW = "In an interview with WDNB News, to be aired on Tuesday, Ms. Quinn laid out her plans."


@pytest.mark.parametrize("lead", [
    (QUINN, INTERVIEW),
    # credited further down the lead (corroboration round 8; round 7 read the second sentence only)
    (QUINN, "The harbor has lost money for eleven years in a row.", INTERVIEW),
])
def test_an_interview_credited_later_in_the_lead_is_the_ledes_source(lead: tuple[str, ...]) -> None:
    ((_, _, sources),) = _claims(_interviewed(*lead), TOLD)
    assert sources == ("wdnb",)


def test_an_interview_credited_for_a_lede_reporting_no_speech_leaves_the_lede_its_own() -> None:
    """The interview is a side detail."""
    lead = ("The council approved on Monday the harbor sale, which will go ahead in June.", INTERVIEW)
    found = {text[:12]: set(sources) for text, _, sources in _claims(_interviewed(*lead), TOLD)}
    assert found[lead[0][:12]] == {"harbor times", "wdnb"}


def test_an_articles_sentences_join_the_claims_they_state_best_together() -> None:
    first = _article("a", "Harbor Times",
                     "Lumio Networks received an inquiry from the attorney general's office last week.",
                     "The state attorney general is investigating the firm over the sale of customer data.")
    # its first sentence alone would take the inquiry, leaving the investigation to nobody
    second = _article("b", "Valley Post",
                      "Lumio Networks said the attorney general's office sent it an inquiry about the "
                      "sale of customer data last week.",
                      "Lumio Networks received an inquiry from the attorney general's office, a "
                      "spokesperson said.", published="2026-03-02T09:00:00Z")
    found = {text[:16]: set(outlets) for text, outlets, _ in _claims(first, second)}
    assert found == {"Lumio Networks r": set(OUTLETS), "The state attorn": set(OUTLETS)}


def test_the_lede_stands_alone_only_when_no_claim_is_shared() -> None:
    hook = _article("a", "Harbor Times", "Few towns have loved a bridge as much as Dunmore does.",
                    "The Dunmore bridge reopened on Monday after two years of repairs.")
    report = _article("b", "Valley Post", "The Dunmore bridge reopened to traffic on Monday after repairs.",
                      published="2026-03-02T09:00:00Z")
    assert [text for text, _, _ in _claims(hook, report)] == [
        "The Dunmore bridge reopened on Monday after two years of repairs."]
    other = _article("c", "Valley Post", "Ardent's governor signed the water budget on Tuesday night.",
                     published="2026-03-02T09:00:00Z")
    assert [text for text, _, _ in _claims(hook, other)] == [
        "Few towns have loved a bridge as much as Dunmore does."]


def test_a_sentence_joins_a_claim_by_any_sentence_stating_it() -> None:
    first = _article("a", "Harbor Times",
                     "The Dunmore council voted on Monday to sell the old harbor to Lumio Networks.")
    second = _article("b", "Valley Post", "Dunmore's council agreed to sell the old harbor, a deal worth "
                      "40 million dollars, to a tech firm.", published="2026-03-02T09:00:00Z")
    # close to the second report's words, far from the first's
    third = _article("c", "Metro Daily", "A tech firm will pay 40 million dollars for the harbor the town "
                     "agreed to sell.", published="2026-03-02T10:00:00Z")
    ((_, outlets, sources),) = _claims(first, second, third)
    assert outlets == ("Harbor Times", "Valley Post", "Metro Daily") and len(sources) == 3


LAWSUIT = "Nine states sued the Ardent government on Tuesday over its repeal of the river pollution rule."
COALITION = ("A coalition of attorneys general has filed a lawsuit against Ardent, arguing that scrapping "
             "the clean river regulation breaks federal law.")
JOINING = "Dunmore's mayor said the town would join the case next month."


def test_two_ledes_paraphrasing_one_claim_join_when_each_is_the_others_clear_best() -> None:
    first = _article("a", "Harbor Times", LAWSUIT, "The state's governor called it a political stunt.")
    # the two ledes share few words (a cosine under SAME_CLAIM), and nothing else either comes near
    second = _article("b", "Valley Post", COALITION, JOINING, published="2026-03-02T09:00:00Z")
    assert _claims(first, second) == [(LAWSUIT, ("Harbor Times", "Valley Post"),
                                       ("harbor times", "valley post"))]


def test_a_lede_is_held_to_the_full_bar_when_another_claim_is_nearly_as_close() -> None:
    repeal = "The Ardent government repealed the river pollution rule on Tuesday, its governor said."
    first = _article("a", "Harbor Times", repeal, LAWSUIT)
    # the second lede is nearly as close to the first article's second sentence as to its lede
    second = _article("b", "Valley Post", COALITION, JOINING, published="2026-03-02T09:00:00Z")
    assert _claims(first, second) == [(repeal, ("Harbor Times",), ("harbor times",))]


def test_a_words_other_forms_and_spellings_help_two_sentences_join() -> None:
    robbed = "Thieves robbed the Dunmore jewellery store on Monday night."
    arrested = "Officers arrested the driver of a stolen van near the harbour hours later."
    first = _article("a", "Harbor Times", robbed, arrested)
    # "arrest", "vans'", "drivers", "harbor": as whole words only "stolen" is shared (a cosine under
    # SAME_CLAIM); their character trigrams carry it over the bar
    second = _article("b", "Valley Post", "The Dunmore jewelry store was robbed on Monday night.",
                      "The stolen vans' drivers were under arrest by the harbor by morning.",
                      published="2026-03-02T09:00:00Z")
    claims = _claims(first, second)
    assert [text for text, _, _ in claims] == [robbed, arrested]
    assert all(outlets == ("Harbor Times", "Valley Post") for _, outlets, _ in claims)


def test_a_name_written_with_or_without_its_accents_is_one_name() -> None:
    assert claim_terms("Julián Pérez met Zoë Müller.") == claim_terms("Julian Perez met Zoe Muller.")
    first = _article("a", "Harbor Times",
                     "Julián Pérez ended his campaign for the Dunmore mayoralty on Thursday.")
    # as written, only "mayoralty" is shared (a cosine under SAME_CLAIM and no clear best)
    second = _article("b", "Valley Post", "Julian Perez is no longer seeking the mayoralty, his aides said.",
                      published="2026-03-02T09:00:00Z")
    assert [outlets for _, outlets, _ in _claims(first, second)] == [("Harbor Times", "Valley Post")]


def test_a_figure_rounded_by_another_outlet_is_the_same_figure() -> None:
    terms = claim_terms("It lost $162.8 million, 1,200.5 tons and 0.45 percent; 12.10.2020.")
    assert {"163", "1201", "0"} <= set(terms) and "13" not in terms  # no date read as a figure
    assert terms.count("163") == terms.count("162.8") == 2
    first = _article("a", "Harbor Times",
                     "The harbor authority lost $162.8 million in its last fiscal year, its auditors said.")
    second = _article("b", "Valley Post", "Auditors put the harbor loss at $163 million for the year.",
                      published="2026-03-02T09:00:00Z")
    assert [outlets for _, outlets, _ in _claims(first, second)] == [("Harbor Times", "Valley Post")]


@pytest.mark.parametrize(("headline", "verdict"), [
    ("If We Still Believe In Due Process, the Harbor Board Should Be No Exception.", True),
    ("Dunmore's Old Harbor: How Should the Council Spend the Sale Money?", True),
    ("The council must stop selling the waterfront", True),
    ("Quinn: Council Should Sell the Harbor Before June", False),
    ("Ada Quinn: Council Should Sell the Harbor", False),
    ("Valley Democrats Say Council Should Delay the Harbor Vote", False),
    ("Judge rules the harbor sale should not go ahead", False),
    ('Mayor vows the sale "must go ahead"', False),
    ("The Dunmore council voted on Monday to sell the old harbor", False),
])
def test_a_headline_giving_a_verdict_makes_an_opinion_piece(headline: str, verdict: bool) -> None:
    assert _verdict(headline) == verdict
    article = dataclasses.replace(_article("c", "Valley Post", "The council meets again on Friday to vote."),
                                  title=headline)
    assert is_opinion(article) == verdict


def test_trigrams_never_count_against_two_sentences() -> None:
    same_words_other_trigrams = combined(np.array([1.0]), np.array([0.0]))
    other_words_same_trigrams = combined(np.array([0.0]), np.array([1.0]))
    assert same_words_other_trigrams[0] == pytest.approx(1.0)
    assert other_words_same_trigrams[0] == pytest.approx(0.2)


SALE = "The Dunmore council voted on Monday to sell the old harbor to Lumio Networks."
DEAL = "Town lawmakers backed a 40 million dollar deal for the waterfront site."
BOTH = "The Dunmore council voted on Monday to back a 40 million dollar deal for the old harbor."


def test_a_later_lede_close_to_two_earlier_ledes_joins_their_claims() -> None:
    first = _article("a", "Harbor Times", SALE, "The vote was seven to two.")
    # the second lede shares no word with the first: read second, it starts a claim of its own
    second = _article("b", "Valley Post", DEAL, "Protesters gathered outside the meeting hall.",
                      published="2026-03-02T09:00:00Z")
    third = _article("c", "Metro Daily", BOTH, "The sale closes in June.", published="2026-03-02T10:00:00Z")
    three = ("Harbor Times", "Metro Daily", "Valley Post")
    assert _claims(first, second, third) == [(SALE, three, tuple(name.casefold() for name in three))]


def test_only_ledes_join_two_claims_after_the_articles_are_read() -> None:
    first = _article("a", "Harbor Times", SALE, "The vote was seven to two.")
    second = _article("b", "Valley Post", DEAL, "Protesters gathered outside the meeting hall.",
                      published="2026-03-02T09:00:00Z")
    # the sentence close to both is the third article's second, not its lede
    third = _article("c", "Metro Daily", "Ardent's governor signed the water budget on Tuesday night.", BOTH,
                     published="2026-03-02T10:00:00Z")
    assert _claims(first, second, third) == [(SALE, ("Harbor Times", "Metro Daily"),
                                              ("harbor times", "metro daily"))]


def test_two_ledes_a_little_under_the_bar_join_once_every_article_is_read() -> None:
    vote = "The vote was seven to two."
    town = "Town leaders in Dunmore agreed to sell the harbor to a tech firm after a long fight."
    met = "The council met on Monday and heard from residents for four hours."
    first = _article("a", "Harbor Times", SALE, vote)
    # the second lede is not the first's clear best (its second sentence comes near the first lede too)
    second = _article("b", "Valley Post", town, met, published="2026-03-02T09:00:00Z")
    assert LEDE_PAIR <= similarities([SALE, vote, town, met])[0, 2] < SAME_CLAIM
    both = ("Harbor Times", "Valley Post")
    assert _claims(first, second) == [(SALE, both, tuple(name.casefold() for name in both))]


def test_a_sentence_copied_word_for_word_from_an_earlier_report_is_that_reports() -> None:
    speech = ("\u201cWe owe the harbor workers our support,\u201d Mayor Ruth Okafor told the crowd gathered "
              "at the Dunmore pier in March 2019.")
    scoop = _article("t", "Harbor Times", "Mayor Ruth Okafor misstated her record at the Dunmore pier.",
                     speech)
    # the write-up copies the Times' own words around the quote: one source
    copied = _article("p", "Valley Post", "Mayor Ruth Okafor is under fire over a speech at the pier.",
                      speech.replace("\u201c", '"').replace("\u201d", '"'), published=NINE)
    quoted = {text[:1]: sources for text, _, sources in _claims(scoop, copied)}
    assert quoted["\u201c"] == ("harbor times",)
    # two reporters quoting one statement write their own words around it: two sources
    statement = ("\u201cWe owe the harbor workers our support and our thanks for every ship they "
                 "unloaded through the long winter storms of Dunmore,\u201d")
    said = _article("a", "Harbor Times", "The mayor praised the port.", f"{statement} the mayor said.")
    also = _article("b", "Valley Post", "The mayor spoke.", f"{statement} she said.", published=NINE)
    ((_, _, sources),) = [c for c in _claims(said, also) if c[0].startswith("\u201c")]
    assert sources == ("harbor times", "valley post")


RECORD = ("Tyler Brand scored 20 points on Thursday night to break the Dunmore Tigers' career scoring "
          "record.", "Brand passed Phil Ford for the record midway through the first half of the game "
          "against Harbor State.", "Ford finished his career in 1978 with 2,290 points for the Tigers.")
EDITED = ("The Dunmore Tigers stayed unbeaten as Tyler Brand became the program's top scorer on Thursday.",
          "The reigning player of the year passed Phil Ford for the record midway through the first half.",
          "Ford, now a coach with the Harbor Hawks, finished his career in 1978 with 2,290 points.")


def test_an_edited_copy_of_an_earlier_lead_is_one_source_with_it() -> None:
    """A wire story cut and rewritten: two of its lead sentences write runs of eight words of the
    earlier lead in their order, though neither is near enough to be a copy by itself."""
    wire = _article("t", "Harbor Times", *RECORD)
    edited = _article("p", "Valley Post", *EDITED, published=NINE)
    assert similarities([RECORD[1], EDITED[1]])[0, 1] < COPIED
    assert similarities([RECORD[2], EDITED[2]])[0, 1] < COPIED
    shared = [sources for _, outlets, sources in _claims(wire, edited) if len(outlets) == 2]
    assert len(shared) >= 2 and all(sources == ("harbor times",) for sources in shared)
    # one sentence copied is not enough; nor are runs inside quotation marks
    one = _article("p", "Valley Post", EDITED[0], EDITED[1], "The Tigers play Harbor State again in March.",
                   published=NINE)
    assert ("harbor times", "valley post") in [c[2] for c in _claims(wire, one)]
    quoted = _article("p", "Valley Post", *(f'"{e[:-1]}," the coach said.' for e in EDITED[1:]),
                      published=NINE)
    assert ("harbor times", "valley post") in [c[2] for c in _claims(wire, quoted)]
    # a sentence crediting the earlier outlet is a write-up of it, not a copy's
    credited = _article("p", "Valley Post", EDITED[0], f"{EDITED[1][:-1]}, the Harbor Times reported.",
                        EDITED[2], published=NINE)
    assert ("harbor times", "valley post") in [c[2] for c in _claims(wire, credited)]


WIRE = ("Ferry services to the islands were halted on Friday after a storm tore away part of the main "
        "pier at Dunmore.",
        "The storm had closed the old pier and was expected to pass over the islands by Sunday night, the "
        "port said.",
        "Passenger boats were to sail from the fishing harbor, which had been dredged for them, and were to "
        "carry the mail.")
PRESENT = ("Dunmore's ferry services to the islands are halted after a storm on Friday.",
           "The storm has closed the old pier and is expected to pass over the islands by Sunday night, "
           "according to port officials in Dunmore.", "Passenger boats are to sail from the fishing harbor, "
           "which has been dredged for them, and are to carry the mail, officials add.")


def test_an_edited_copy_moving_the_wire_story_to_another_tense_is_one_source_with_it() -> None:
    """Its runs of eight words are the wire story's once "is" and "was", "has" and "had" are read as
    one (no run of eight as written, and neither sentence near enough to be a copy by itself)."""
    wire = _article("t", "Harbor Times", *WIRE)
    edited = _article("p", "Valley Post", *PRESENT, published=NINE)
    assert all(similarities([w, p])[0, 1] < COPIED for w, p in zip(WIRE[1:], PRESENT[1:], strict=True))
    shared = [sources for _, outlets, sources in _claims(wire, edited) if len(outlets) == 2]
    assert len(shared) >= 2 and all(sources == ("harbor times",) for sources in shared)


@pytest.mark.parametrize(("sentence", "source"), [
    ("Services were cut on Friday for unknown reasons, said the Egyptian MENA news agency.",
     "egyptian mena news agency"),
    ("The pier was closed on Friday, reported the Plains Herald.", "plains herald"),
    ("Okafor was sentenced to life, The Atlanta Journal-Constitution reported.",
     "atlanta journalconstitution"),
    ("The levee held overnight, according to The Times-Picayune.", "timespicayune"),
    ("Valley Post says it does not condone its hosts joining campaign rallies.", None),  # the newsmaker
    ("Sun-Mi Park reported the figures to the harbor board.", None),  # a person's hyphened name
    ("The pier was closed on Friday, said Ada Holt.", None),
])
def test_an_inverted_credit_and_a_hyphened_newsroom_cite_their_outlet(sentence: str, source: str | None
                                                                      ) -> None:
    assert cited_source(sentence, OUTLETS) == source


def test_two_reports_sharing_a_press_releases_phrases_are_two_sources() -> None:
    """Runs of six words in two sentences (a prosecutor's release both reports drew on) make no copy."""
    first = _article("a", "Harbor Times",
                     "A Dunmore harbor man pleaded guilty on Monday to threatening to kill the mayor.",
                     "Sentencing is scheduled for June 14 in the federal court at Harbor City.")
    second = _article("b", "Valley Post",
                      "A Dunmore harbor man pleaded guilty Monday to making threats against Mayor Okafor.",
                      "Sentencing is scheduled for June 14, the prosecutors added.", published=NINE)
    shared = [sources for _, outlets, sources in _claims(first, second) if len(outlets) == 2]
    assert shared and all(sources == ("harbor times", "valley post") for sources in shared)


def test_two_reporters_attributing_one_statement_each_their_own_way_are_two_sources() -> None:
    """Nearly word for word (the statement), but the words outside its quotation marks are each
    reporter's own: no run of six in the earlier sentence's order, so no copy."""
    statement = ("\u201chas a mild fever and is working from home until the end of the week, as "
                 "her doctors advised\u201d")
    first = _article("a", "Harbor Times", "Dunmore's mayor is ill.",
                     f"According to a city statement, Mayor Ruth Okafor {statement}.")
    second = _article("b", "Valley Post", "Dunmore's mayor is ill, the city says.",
                      f"Mayor Ruth Okafor {statement[:-1]},\u201d the city said in a statement on Monday.",
                      published=NINE)
    texts = [a.text[s:e] for a in (first, second) for s, e in lead_sentences(a)]
    fever = [k for k, text in enumerate(texts) if "fever" in text]
    assert similarities(texts)[fever[0], fever[1]] >= 0.9  # a copy's closeness, but its own words
    ((_, outlets, sources),) = [c for c in _claims(first, second) if "fever" in c[0]]
    assert outlets == ("Harbor Times", "Valley Post")
    assert sources == ("harbor times", "valley post")


def test_the_words_outside_quotation_marks_are_read_in_order() -> None:
    assert _unquoted('He said "we will win the day" on Monday.') == ["He said ", " on Monday."]
    assert _unquoted("we will win,\u201d he said on Monday.") == [" he said on Monday."]
    assert _unquoted("The mayor said \u201cthe bridge is safe") == ["The mayor said "]
    assert _unquoted("No quotation here.") == ["No quotation here."]


def test_two_sentences_quoting_one_statement_state_one_claim_whatever_words_surround_it() -> None:
    vow = ("In a fiery address to dock workers on Monday, Mayor Ruth Okafor vowed the \u201charbor stays "
           "public forever\u201d despite the council's budget gap.")
    asked = "Asked about the sale, the mayor repeated that the \u201charbor stays public forever.\u201d"
    first = _article("a", "Harbor Times", vow)
    second = _article("b", "Valley Post", "The Dunmore council met on Monday night to weigh the port budget.",
                      asked, published=NINE)
    assert [outlets for _, outlets, _ in _claims(first, second)] == [("Harbor Times", "Valley Post")]
    # the same words unquoted are the reporter's own, and stay under the bar
    unquoted = _article("b", "Valley Post", second.paragraphs[0].replace("\u201c", "").replace("\u201d", ""),
                        published=NINE)
    assert [outlets for _, outlets, _ in _claims(first, unquoted)] == [("Harbor Times",)]
    plain = asked.replace("\u201c", "").replace("\u201d", "")
    assert similarities([vow, asked])[0, 1] >= SAME_CLAIM > similarities([vow, plain])[0, 1]


BUDGET = "Ardent's governor signed the water budget on Tuesday night."
NINE = "2026-03-02T09:00:00Z"
TEN = "2026-03-02T10:00:00Z"


def test_a_lede_stating_two_shared_claims_reports_both() -> None:
    both = ("Mayor Ruth Okafor defended the harbor sale on Monday and said the port had lost money "
            "for a decade.")
    first = _article("a", "Harbor Times", both)
    losses = "The port has lost money for a decade, she said."
    second = _article("b", "Valley Post", "Mayor Ruth Okafor defended the harbor sale on Monday.", losses,
                      published=NINE)
    accounts = "The port has lost money every year for a decade, the city accounts show."
    third = _article("c", "Metro Daily", accounts, BUDGET, published=TEN)
    claims = {text: outlets for text, outlets, _ in _claims(first, second, third)}
    # the first lede went to the defence of the sale: it reports the losses too
    assert claims == {both: ("Harbor Times", "Valley Post"),
                      losses: ("Valley Post", "Metro Daily", "Harbor Times")}


def test_a_sentence_no_other_article_states_reports_no_second_claim() -> None:
    praise = "The harbor deal is the best news the town has had in years, the council said."
    money = "The sale brings 40 million dollars, said Mayor Ruth Okafor."
    first = _article("a", "Harbor Times", BUDGET, praise)
    snow = "Snow closed the coast road for a third day."
    second = _article("b", "Valley Post", snow, money, published=NINE)
    # the third's second sentence reaches both, and joins the claim closer to it
    good = "The harbor deal is good news: it brings the town 40 million dollars, Mayor Ruth Okafor said."
    third = _article("c", "Metro Daily", "The ferry strike entered its second week.", good, published=TEN)
    two = ("Valley Post", "Metro Daily")
    assert _claims(first, second, third) == [(money, two, tuple(name.casefold() for name in two))]


def _merged_pair_by_pair(claims: list[_Claim], close: np.ndarray) -> list[_Claim]:
    """The lede merge's rule read literally: every pair of claims scored again after each join."""
    while True:
        best, pair = LEDE_PAIR, None
        for (i, a), (j, b) in itertools.combinations(enumerate(claims), 2):
            if not a.ledes or not b.ledes or {r[0] for r in a.reports} & {r[0] for r in b.reports}:
                continue
            score = max(close[v, w] for v in a.ledes for w in b.ledes)
            if score >= best:
                best, pair = score, (i, j)
        if pair is None:
            return claims
        first, later = claims[pair[0]], claims.pop(pair[1])
        first.reports += later.reports
        first.ledes += later.ledes


def _random_claims(seed: int) -> tuple[list[_Claim], np.ndarray]:
    """Claims of a random story, and its sentences' similarities (a few tied, as copies are)."""
    rng = random.Random(seed)
    claims, sentences = [], 0
    for k in range(rng.randint(2, 14)):
        ledes = list(range(sentences, sentences + rng.choice((0, 1, 1, 2))))
        sentences += len(ledes) + 1
        article = f"a{rng.randint(0, 9)}"
        claims.append(_Claim(f"claim {k}", article, [(article, "", "")], [*ledes, sentences - 1],
                             bool(ledes), ledes))
    close = np.array([[rng.choice((0.1, 0.35, 0.5, 0.9, rng.random())) for _ in range(sentences)]
                      for _ in range(sentences)])
    return claims, np.maximum(close, close.T)


@pytest.mark.parametrize("seed", range(40))
def test_the_lede_merge_joins_what_the_rule_read_pair_by_pair_joins(seed: int) -> None:
    merged = [(c.text, sorted(r[0] for r in c.reports)) for c in _merge(*_random_claims(seed))]
    literal = [(c.text, sorted(r[0] for r in c.reports))
               for c in _merged_pair_by_pair(*_random_claims(seed))]
    assert merged == literal


def test_the_lede_merge_of_no_claims_is_none() -> None:
    assert _merge([], np.zeros((0, 0))) == []


def test_the_similarities_of_a_story_are_each_pairs_cosines_combined() -> None:
    sentences = ["Police arrested two men after the bank robbery in Leeds on Monday.",
                 "Two men were arrested over Monday's Leeds bank robbery, police said.",
                 "The bank's shares fell 3% in early trading.", "", "Police arrest two men."]
    words = tfidf_vectors([claim_terms(s) for s in sentences])
    grams = tfidf_vectors([trigrams(s) for s in sentences])
    expected = np.array([[combined(np.array(cosine(words[i], words[j])), np.array(cosine(grams[i], grams[j])))
                          for j in range(len(sentences))] for i in range(len(sentences))])
    found = similarities(sentences)
    assert np.allclose(found, expected, atol=1e-12)
    assert found[0, 1] > SAME_CLAIM > found[0, 2] and found[3].max() == 0.0
