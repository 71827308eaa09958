"""Speakers: pronouns resolved to the right person, and no age taken for a title (our own sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from broadsheet.analyze.attribution import find_attributions
from broadsheet.analyze.nlp import load_model
from broadsheet.analyze.spans import in_heading
from broadsheet.model import Article, Attribution


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def attributions(nlp: Language, *paragraphs: str) -> list[Attribution]:
    article = Article(id="t", source="t", title="t", paragraphs=paragraphs)
    return find_attributions(nlp(article.text), article)


def speaker_of(found: list[Attribution], words: str) -> str:
    return next(a.speaker for a in found if words in a.content)


def test_a_pronoun_stands_for_what_the_same_pronoun_before_it_stands_for(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Jane Starner lives in a small town in Indiana. She is a retired teacher. She spoke warmly "
        "of her late nephew. She gave me the address of his sister, Martha Fry. “I cannot believe "
        "Martha would stop the books,” she said.",
    )
    assert speaker_of(found, "cannot believe") == "Jane Starner"


def test_a_pronoun_prefers_the_subject_of_the_main_clause(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Mark Cole represents the guard. Cole declined to say whether Tom Reed slept on the night "
        "Bill Gray died. “The system failed,” he said.",
    )
    assert speaker_of(found, "system failed") == "Mark Cole"


def test_an_age_is_no_title(nlp: Language) -> None:
    found = attributions(nlp, "“I could not stand,” wrote 43-year-old Martin Taylor of Aberdeen.")
    taylor = next(a for a in found if a.speaker == "Martin Taylor")
    assert taylor.role is None


def test_a_possessor_is_no_antecedent_when_an_earlier_speaker_fits(nlp: Language) -> None:
    found = attributions(
        nlp,
        "“We shot it in Glasgow,” Tom Harper said. The crew waited for weeks. Nobody called. The "
        "studio was silent. Then Jessie Buckley’s manager sent a demo. “It grabbed me,” he said.",
    )
    assert speaker_of(found, "grabbed me") == "Tom Harper"


def test_it_may_stand_for_a_place_that_acts(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Boeing sold planes this week, Boeing said. Buyers waited. As of October, Kenya had a fleet of "
        "40 planes. In addition to its order of 30 Boeing jets on Wednesday, it announced an order of "
        "50 Airbus jets on Monday at a value of $16 billion at list prices.",
    )
    assert speaker_of(found, "Airbus") == "Kenya"


def test_an_acronym_before_a_title_and_name_is_no_second_speaker(nlp: Language) -> None:
    found = attributions(nlp, "In a letter calling for the meeting, CPUC President Ana Lopez said that "
                              "“lack of service is not a mere inconvenience — it endangers lives.”")
    lopez = next(a for a in found if "endangers" in a.content)
    assert (lopez.speaker, lopez.role, lopez.organisation) == ("Ana Lopez", "CPUC President", "CPUC")


def test_he_right_before_a_one_word_name_is_its_surname(nlp: Language) -> None:
    found = attributions(nlp, "“What is the incentive?” He Jianxiong, the former executive director "
                              "for China at the International Monetary Fund, said at an event.")
    assert speaker_of(found, "incentive") == "He Jianxiong"


def test_the_analyst_is_the_one_analyst_the_article_names(nlp: Language) -> None:
    found = attributions(nlp, "In a research report early Tuesday, Citi analyst Maria Lopez said the "
                              "market is misreading the results. That creates a buying opportunity, "
                              "according to the analyst.")
    assert speaker_of(found, "buying opportunity") == "Maria Lopez"


@pytest.mark.parametrize("text", [
    "Lumio's lander concept is based on its Moon vehicle, which the company's founder Ada Holt "
    "announced earlier this year.",
    "The best player was Ivo Kade. He posted an elite 93.2 defensive grade and a 91.4 coverage grade.",
    "The Borean rebels, however, claimed responsibility for shooting down the helicopter.",
    "Enclosing a short story that he had recently written, Ivo Kade wrote me a long letter of thanks.",
])
def test_words_no_one_said_make_no_attribution(nlp: Language, text: str) -> None:
    found = attributions(nlp, text)
    assert not [a for a in found if "concept" in a.content or "grade" in a.content
                or "however" in a.content or "story" in a.content or "letter" in a.content]


def test_words_written_in_a_letter_are_still_said(nlp: Language) -> None:
    found = attributions(nlp, "Ivo Kade wrote in a letter that the plant would close in May.")
    assert speaker_of(found, "plant would close") == "Ivo Kade"


@pytest.mark.parametrize(("between", "speaker"), [
    ("This upcoming release introduces better charts. ", "It"),
    ("", "Lumio Client"),
])
def test_it_after_a_thing_as_main_subject_stands_for_the_thing(nlp: Language, between: str,
                                                               speaker: str) -> None:
    found = attributions(
        nlp,
        f"The runners are managed by the new Lumio Client. {between}It also announces the end of the "
        "old tool.",
    )
    assert speaker_of(found, "old tool") == speaker


def test_a_count_of_groups_named_in_apposition_is_those_groups(nlp: Language) -> None:
    found = attributions(
        nlp,
        "Three groups, the Center for Biological Diversity, Greenpeace and Defenders of Wildlife, "
        "filed suit in San Francisco, arguing that the regulations failed to follow the review process.",
    )
    speaker = next(a for a in found if "regulations failed" in a.content)
    assert speaker.speaker == "the Center for Biological Diversity, Greenpeace and Defenders of Wildlife"
    assert speaker.role is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("France Telecom said the cable was cut. The French firm said service would return on Monday.",
         "France Telecom"),
        ("France Telecom said the cable was cut. The company said service would return on Monday.",
         "France Telecom"),
        # two companies spoke before it: "the company" may be either
        ("France Telecom said the cable was cut. Orange said the cable was old. The company said service "
         "would return on Monday.", "The company"),
        ("France Telecom said the cable was cut. The rival firm said service would return on Monday.",
         "The rival firm"),
    ],
)
def test_the_company_is_the_one_company_that_spoke_before(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_of(attributions(nlp, text), "service would return") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Producers fear a Screen Actors Guild strike. The union, at odds with studios, said on Monday "
         "that it would ask its members to vote.", "Screen Actors Guild"),
        # two unions named before it: "the union" may be either
        ("The Writers Guild and the Teamsters met. The union said on Monday that it would ask its members "
         "to vote.", "The union"),
        ("Producers fear a strike. The union said on Monday that it would ask its members to vote.",
         "The union"),
    ],
)
def test_the_union_is_the_one_union_named_before(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_of(attributions(nlp, text), "ask its members") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The navy got a distress call from seamen on board the MV Ada Holt, who said they were being "
         "fired on by two boats.", "seamen on board the MV Ada Holt"),
        ("The ship took a call from sailors aboard the Ocean Star, who said they were being fired on.",
         "sailors aboard the Ocean Star"),
        ("The navy spoke to Ada Holt, who said they were being fired on.", "Ada Holt"),
    ],
)
def test_who_after_a_vessel_stands_for_the_people_aboard(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_of(attributions(nlp, text), "being fired on") == speaker


@pytest.mark.parametrize("title", ["Sgt.", "Lt."])
def test_a_short_title_read_as_a_sentences_end_leaves_the_person_after_it(nlp: Language, title: str) -> None:
    # the parser ends a sentence at the title's stop ("... police Sgt." | "Jo Kade."): the person speaks
    found = attributions(nlp, f"“He was hunting a third man,” said Plainsville police {title} Jo Kade.")
    (said,) = [a for a in found if "hunting" in a.content]
    assert (said.speaker, said.role) == ("Jo Kade", f"Plainsville police {title}")


@pytest.mark.parametrize(
    ("above", "heading", "words"),
    [
        ("Troops in northern Mali have often been targeted by insurgents.", "Gender Equality.",
         "he backed the idea"),  # the recogniser calls both the place and the heading a person
        ("The mayor met Tom Hardy in the town of Lyle on Monday.", "Housing Policy", "he backed the idea"),
    ],
)
def test_a_pronoun_under_a_heading_stands_for_no_one_above_it(nlp: Language, above: str, heading: str,
                                                              words: str) -> None:
    found = attributions(
        nlp, above, heading,
        "It was on Mr. Cole's watch that the agency was set up. He has championed rent limits. "
        "And in recent months, he said he backed the idea of a vote.",
    )
    assert speaker_of(found, words) == "Cole"


def test_a_title_cased_line_alone_is_a_heading(nlp: Language) -> None:
    doc = nlp("Gender Equality.\n\nHe said The Gap Goes On.\n\nHousing Policy\n\nThe Gap Goes On\n\n"
              "FULL TEXT.")
    lines = {t.text: in_heading(t) for t in doc if t.text in {"Gender", "He", "Housing", "Gap", "FULL"}}
    assert lines == {"Gender": True, "He": False, "Housing": True, "Gap": False, "FULL": False}


def test_a_label_in_capitals_is_no_heading(nlp: Language) -> None:
    found = attributions(
        nlp, "Adm. Tom Reed, who leads the fleet, makes no apologies.", "FULL TEXT.",
        "He has called the plan reckless. ''You would have to be blind to think otherwise,'' he said.",
    )
    assert speaker_of(found, "blind") == "Tom Reed"
