"""Speakers: pronouns resolved to the right person, and no age taken for a title (our own sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from broadsheet.analyze.attribution import find_attributions
from broadsheet.analyze.nlp import load_model
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
