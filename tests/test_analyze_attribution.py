"""Attribution rules on small hand-written paragraphs (our own sentences, not copied text)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from broadsheet.analyze.attribution import find_attributions
from broadsheet.analyze.entities import bare_name
from broadsheet.analyze.nlp import load_model
from broadsheet.model import Article, Attribution

PRONOUNS = {"he", "she", "they", "it", "who", "i", "we", "you", "which", "that"}


def names_same(mention: str, speaker: str) -> bool:
    """A speaker span points at the mention in the attribution's own clause: a mention whose words
    are among the speaker's (canonical) name, or a pronoun or relative the speaker resolves."""
    return mention.lower() in PRONOUNS or set(bare_name(mention).split()) <= set(speaker.split())


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def attributions(nlp: Language, *paragraphs: str, outlet: str | None = None) -> list[Attribution]:
    article = Article(id="t", source="t", title="t", paragraphs=paragraphs, outlet=outlet)
    found = find_attributions(nlp(article.text), article)
    text = article.text
    for a in found:  # the span invariant holds for every attribution
        assert a.speaker_span and names_same(text[a.speaker_span[0] : a.speaker_span[1]], a.speaker)
        assert a.cue_span and text[a.cue_span[0] : a.cue_span[1]] == a.cue
        assert a.content_span and text[a.content_span[0] : a.content_span[1]] == a.content
    return found


def test_typographic_quote_then_pronoun_speaker(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Senator Maria Lopez, a Democrat from Ohio, said on Tuesday that the plan was “a gift to "
        "the banks.”",
        "“We will not back down,” she said.",
    )
    lopez = [a for a in found if a.speaker == "Maria Lopez"]
    assert len(lopez) == 2
    assert lopez[0].role == "Senator, Democrat from Ohio"
    assert lopez[0].when == "Tuesday"
    assert lopez[0].kind == "mixed"
    assert lopez[1].content == "We will not back down"
    assert lopez[1].kind == "direct"
    assert lopez[1].role == lopez[0].role  # shared from the first attribution


def test_speaker_span_is_the_pronoun_of_its_own_clause(nlp: Language) -> None:
    text = "Maria Lopez spoke to reporters. “We will not back down,” she said."
    found = attributions(nlp, text)
    assert [a.speaker for a in found] == ["Maria Lopez"]
    start, end = found[0].speaker_span or (0, 0)
    assert text[start:end] == "she"
    assert found[0].canonical == "maria lopez"


def test_according_to_takes_the_rest_of_the_sentence(nlp: Language) -> None:
    found = attributions(
        nlp, "According to two people familiar with the talks, the ministry is weighing a veto."
    )
    assert len(found) == 1
    assert found[0].speaker == "two people familiar with the talks"
    assert found[0].cue == "According to"
    assert found[0].content == "the ministry is weighing a veto"
    assert found[0].kind == "indirect"


def test_via_names_the_carrier_but_not_the_own_outlet(nlp: Language) -> None:
    text = "The chief executive, Ana Berg, told The Daily Ledger that sales had slowed."
    assert attributions(nlp, text)[0].via == "The Daily Ledger"
    assert attributions(nlp, text, outlet="The Daily Ledger")[0].via is None


def test_interview_with_an_outlet_is_a_via(nlp: Language) -> None:
    found = attributions(nlp, "Ana Berg said in an interview with CNN that the merger was dead.")
    assert found[0].via == "CNN"
    assert found[0].content == "the merger was dead"


def test_speech_verbs_inside_a_quotation_are_not_cues(nlp: Language) -> None:
    found = attributions(nlp, '"I told him that we would win," Ana Berg said.')
    assert len(found) == 1
    assert found[0].speaker == "Ana Berg"
    assert found[0].content == "I told him that we would win"


def test_an_interrupted_quotation_is_one_attribution(nlp: Language) -> None:
    # PolNeAR marks '"X," she said, "Y."' as one attribution whose words are both quotations
    found = attributions(nlp, '"The plan is dead," Ana Berg said, "and nobody will miss it."')
    assert len(found) == 1
    assert found[0].content.startswith('"The plan is dead,"')
    assert found[0].content.endswith('"and nobody will miss it."')
    assert found[0].speaker == "Ana Berg"


def test_a_sentence_with_its_own_verb_does_not_continue(nlp: Language) -> None:
    found = attributions(
        nlp,
        '"We are ready," Ana Berg said. The opposition called the offer "an insult to voters."',
    )
    berg = [a for a in found if a.speaker == "Ana Berg"]
    assert len(berg) == 1


def test_no_speech_no_attribution(nlp: Language) -> None:
    assert attributions(nlp, "The river rose two metres overnight and the bridge was closed.") == []
    assert attributions(nlp, "") == []


def test_evaluative_verb_needs_a_quotation_or_a_predicate(nlp: Language) -> None:
    found = attributions(nlp, "Ana Berg called the decision “a disgrace.” She called the police.")
    assert all(a.content != "the police" for a in found)  # a phone call says nothing
    for a in found:
        assert a.cue == "called" and a.kind == "mixed" and "disgrace" in a.content


FRAGMENTS = [
    '"We will win the vote,"', "“The deal is dead.”", "Ana Berg", "the minister", "she", "he",
    "said", "told reporters", "added", "according to officials,", "warned that", "Monday",
    "the plan would fail", "in an interview with CNN", ",", ".", ":", "\n\n", "It rained.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14))
def test_spans_always_slice_back(nlp: Language, fragments: list[str]) -> None:
    text = " ".join(fragments)
    for a in find_attributions(nlp(text)):
        assert a.speaker_span is not None
        assert names_same(text[a.speaker_span[0] : a.speaker_span[1]], a.speaker)
        for span, value in ((a.cue_span, a.cue), (a.content_span, a.content)):
            assert span is not None and text[span[0] : span[1]] == value
        assert a.content.strip() and a.speaker.strip()
        assert a.kind in {"direct", "indirect", "mixed"}


def test_according_to_around_a_quote_is_a_reporting_chain(nlp: Language) -> None:
    found = attributions(nlp, '"I will vote for her," Tom Ray said, according to the Valley Courier.')
    assert len(found) == 1
    assert found[0].speaker == "Tom Ray"
    assert found[0].via == "the Valley Courier"
    assert found[0].content == "I will vote for her"


def test_a_surname_speaker_is_named_by_the_full_name(nlp: Language) -> None:
    text = ("President Donald Trump met the governors on Tuesday. "
            '"We will rebuild the bridge," Trump said after the meeting.')
    (found,) = [a for a in attributions(nlp, text) if "rebuild" in a.content]
    assert found.speaker == "Donald Trump"
    assert found.speaker_span is not None and text[found.speaker_span[0]:found.speaker_span[1]] == "Trump"


def test_a_dateline_never_speaks(nlp: Language) -> None:
    found = attributions(nlp, "BERLIN -- The European Space Agency says putting astronauts into a state "
                              "of suspended animation could make it easier to reach other planets.")
    assert [a.speaker for a in found] == ["The European Space Agency"]


def test_a_reporting_clause_between_commas_attributes_its_whole_sentence(nlp: Language) -> None:
    text = ("The new bridge, the mayor said on Monday, would open to traffic before the winter "
            "and carry twice as many cars.")
    (found,) = [a for a in attributions(nlp, text) if a.cue == "said"]
    assert found.speaker == "the mayor"
    assert found.content.startswith("The new bridge") and found.content.endswith("as many cars")


def test_papers_and_a_paper_are_documents_the_paper_is_an_outlet(nlp: Language) -> None:
    found = attributions(nlp, "Court papers showed that the company had lost the records. "
                              "According to a paper by two economists, prices rose by a tenth. "
                              "The paper said on Monday that its editor would resign.")
    canonical = {a.cue: a.canonical for a in found}
    assert set(canonical) == {"showed", "According to", "said"}  # all three found ...
    assert canonical["showed"] is None and canonical["According to"] is None  # ... two make no voice
    assert canonical["said"] == "paper"


def test_a_quotation_said_with_an_unsure_content_reading_is_kept(nlp: Language) -> None:
    # the content model is unsure of this clause (a dash, vocatives); the quotation marks it
    found = attributions(nlp, "“That is right, friends — this city, folks,” he said as the music played.")
    assert [(a.cue, a.content, a.kind) for a in found] == [
        ("said", "That is right, friends — this city, folks", "direct")
    ]


def test_other_verbs_of_saying_are_kept_when_every_model_is_sure(nlp: Language) -> None:
    found = attributions(
        nlp,
        "The mayor cited rising rents as the main reason for the new housing plan.",
        "The company denied that its trucks had polluted the river.",
    )
    assert [(a.speaker, a.cue, a.content) for a in found] == [
        ("The mayor", "cited", "rising rents as the main reason for the new housing plan"),
        ("The company", "denied", "its trucks had polluted the river"),
    ]


def test_archived_copy_quoted_with_two_apostrophes(nlp: Language) -> None:
    found = attributions(nlp, "''This is no way to run a railway,'' said Dana Whitfield, a rail analyst.")
    assert [(a.speaker, a.content, a.kind) for a in found] == [
        ("Dana Whitfield", "This is no way to run a railway", "direct")
    ]


def test_who_said_in_a_relative_clause_is_a_cue(nlp: Language) -> None:
    found = attributions(
        nlp,
        "The mayor defended the contract with a builder who said he was never paid for the new school.",
        "Reporters spoke to a nurse who said the clinic had run out of vaccine in March.",
    )
    assert [(a.speaker, a.content) for a in found] == [
        ("a builder", "he was never paid for the new school"),
        ("a nurse", "the clinic had run out of vaccine in March"),
    ]


def test_a_quotation_opened_after_said_comma_is_the_content_however_long(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Asked about the fire at the depot, Mayor Ruth Okafor said, “I think it is important to know "
        "the facts first. That is why we support the firefighters.”",
    )
    assert [(a.speaker, a.content, a.kind) for a in found] == [
        ("Ruth Okafor",
         "I think it is important to know the facts first. That is why we support the firefighters",
         "direct")
    ]


@pytest.mark.parametrize("between", [
    "said Ana Berg",
    "said Ana Berg, an economist at the city's planning office",
    "Ana Berg said on Tuesday in an interview with local radio",
])
def test_a_quotation_resumed_in_the_next_sentence_is_one_attribution(nlp: Language, between: str) -> None:
    # PolNeAR marks '"X," said Y, a title. "Z."' as one attribution whose words are both quotations,
    # however long the words around the cue
    found = attributions(
        nlp, f'"The budget is a disgrace," {between}. "It cuts the schools and pays for nothing new."'
    )
    assert len(found) == 1
    assert found[0].speaker == "Ana Berg"
    assert found[0].content.startswith('"The budget is a disgrace,"')
    assert found[0].content.endswith('pays for nothing new."')


def test_a_resumed_quotation_in_two_apostrophes_is_one_attribution(nlp: Language) -> None:
    found = attributions(
        nlp, "''The budget is a disgrace,'' said Ana Berg, an economist at the city's planning office. "
        "''It cuts the schools and pays for nothing new.''"
    )
    assert len(found) == 1
    assert found[0].speaker == "Ana Berg"
    assert found[0].content.startswith("''The budget is a disgrace,''")
    assert found[0].content.endswith("pays for nothing new.''")


def test_a_name_and_a_verb_of_saying_before_a_colon_say_the_next_paragraph(nlp: Language) -> None:
    # "X continued:" then the quotation as its own paragraph: the cue model is only fairly sure of
    # a cue closing its line, which a plain verb of saying now clears (PLAIN_SPEECH)
    found = attributions(
        nlp, "Ana Berg continued:",
        '"The budget overall is very much a political choice, but that does not explain the cuts to '
        'the schools."',
    )
    assert [(a.speaker, a.cue) for a in found] == [("Ana Berg", "continued")]
    assert found[0].content.startswith("The budget overall")


@pytest.mark.parametrize("rest", [
    "; they only learned of the figures on Friday", ", although she again refused to release the figures",
])
def test_the_narrator_takes_the_content_back(nlp: Language, rest: str) -> None:
    found = attributions(nlp, f"Ana Berg said that the tax cut had paid for itself{rest}.")
    assert [(a.speaker, a.content) for a in found if a.cue == "said"] == [
        ("Ana Berg", "the tax cut had paid for itself")
    ]


def test_the_cue_verbs_own_conjunct_is_no_part_of_what_was_said(nlp: Language) -> None:
    from broadsheet.analyze.settling import _cue_conjunct

    text = "The mayor said in a statement that the bridge would reopen in May, and asked residents to wait."
    doc = nlp(text)
    said = next(t.i for t in doc if t.text == "said")
    start = text.index("the bridge")
    assert _cue_conjunct(doc, said, start, len(text)) == [text.index(", and asked")]
    assert _cue_conjunct(doc, said, start, text.index(", and asked")) == []


def test_a_name_inside_the_subjects_own_words_is_not_the_speaker(nlp: Language) -> None:
    # The nearest name before the cue ("Maria Lopez") only describes the subject ("Doctors using a
    # scanner donated by ..."); it must not be offered as who spoke.
    found = attributions(nlp, "Doctors using a scanner donated by Maria Lopez have confirmed that the "
                              "patient recovered.")
    assert "Maria Lopez" not in {a.speaker for a in found}


def test_a_name_in_apposition_to_the_subject_still_speaks(nlp: Language) -> None:
    found = attributions(nlp, "In its first survey in 2018, the agency had found that the dam was weak. (As "
                              "the paper's chief science correspondent Dr. Maria Lopez noted at the time, "
                              "the dam's weakness meant that the town had a moderate risk of a flood in the "
                              "following years.)")
    assert "Maria Lopez" in {a.speaker for a in found}


def test_the_passive_subject_of_a_verb_of_telling_never_speaks(nlp: Language) -> None:
    found = attributions(
        nlp,
        "In a memo sent by the chairman, employees were told that the office would close in May.",
        "In 2003, officials there were accused of hiding the true size of the outbreak.",
        "Two small firms are said to be among the makers of the new batteries.",
    )
    assert not [a for a in found if a.speaker.lower() in {"employees", "officials there"}]
    assert not [a for a in found if "firms" in a.speaker]


def test_adding_a_thing_is_no_speech(nlp: Language) -> None:
    found = attributions(nlp, "Paul Varga scored twice and Tom Rieke added three assists to lead the Hawks.",
                         "“We played well,” Rieke added.")
    assert [a.content for a in found if a.cue == "added"] == ["We played well"]
    ended = attributions(nlp, "The committee concluded its third public hearing on Tuesday.",
                         "The astronomers observed the comet for 17 nights.")
    assert not ended


def test_a_participle_on_a_reported_clause_speaks_with_the_reporter(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Nadia Brenner said that after legal advice Ottawa had concluded the building of the dam was "
        '"not, in itself, a breach of the treaty", saying she trusted the courts to decide.',
    )
    saying = [a for a in found if a.cue == "saying"]
    assert saying and saying[0].speaker == "Nadia Brenner"


def test_an_age_is_no_role_and_a_possessive_body_is_the_organisation(nlp: Language) -> None:
    found = attributions(
        nlp,
        "“This was the fourth time I was sent back,” said Arjun Mehta, 24, from Ludhiana.",
        "Lin Wei, deputy director of the Hebei Health Commission’s disease control centre, told "
        "reporters that the case was isolated.",
    )
    mehta = [a for a in found if a.speaker == "Arjun Mehta"]
    assert mehta and mehta[0].role != "24"
    lin = [a for a in found if a.speaker == "Lin Wei"]
    assert lin and lin[0].organisation != "the Hebei Health Commission’s"


def test_words_put_in_a_mouth_are_no_statement(nlp: Language) -> None:
    found = attributions(nlp, "The answer was in the pillows. As Poirot would say, “Order and method.”",
                         "The illness is often missed if the patient reports no birds in the home.")
    assert not [a for a in found if "Poirot" in a.speaker or "patient" in a.speaker]




def test_letters_after_a_name_are_no_role_and_stated_is_a_cue(nlp: Language) -> None:
    found = attributions(
        nlp,
        "The plant will reopen in May, says Maren Holt, MS, RD, registered dietitian and founder of "
        "Leafwise.",
        "“The mill will close in June,” said Ilse Brandt, MD, MPH.",
        "Tomas Reyes, a union official, stated that the plant would reopen in May.",
        "Rowan Pike, CEO, said the plant would reopen in May.",
    )
    roles = {a.speaker: a.role for a in found}
    assert roles.get("Maren Holt", "") is None and roles.get("Ilse Brandt", "") is None
    assert roles.get("Rowan Pike") == "CEO"
    assert any(a.speaker == "Tomas Reyes" and a.cue == "stated" for a in found)


def test_a_quotation_the_cue_clause_runs_into_is_no_second_half(nlp: Language) -> None:
    # the show's title after "on" is a word of the clause, not the quotation resumed
    found = attributions(nlp, "Ana Berg spoke on Sunday.",
                         "“She just made it up,” she said of the claim during a call to ABC’s “This Week.”")
    assert [(a.speaker, a.cue) for a in found] == [("Ana Berg", "said")]
    assert found[0].content == "She just made it up"


def test_a_subject_taken_from_the_quotation_gives_way_to_the_speaker(nlp: Language) -> None:
    # the parse makes the quoted words the verb's subject too: "she" speaks
    found = attributions(nlp, "Ana Berg posted a picture.", "“Happy Cinco de Mayo!,” she tweeted.")
    assert [(a.speaker, a.cue) for a in found] == [("Ana Berg", "tweeted")]
    assert found[0].content == "Happy Cinco de Mayo!"


def test_the_cue_verbs_own_time_is_not_what_was_said(nlp: Language) -> None:
    found = attributions(nlp, "On Monday, Ana Berg announced her resignation from the board.")
    assert [(a.speaker, a.content) for a in found] == [("Ana Berg", "her resignation from the board")]


def test_a_verb_of_saying_conjoined_to_the_reported_clause_speaks_with_the_reporter(nlp: Language) -> None:
    # the parse hangs "added" on "welcomed", whose subject "he" is Lazar's reported words
    found = attributions(nlp, 'Lazar said he welcomed the ruling and added, "I will plead guilty, no '
                              'problem."')
    added = [a for a in found if a.cue == "added"]
    assert [(a.speaker, a.content) for a in added] == [("Lazar", "I will plead guilty, no problem")]
