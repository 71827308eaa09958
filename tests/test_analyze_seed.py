"""The analyze stage on the user's example page (``../shared/seed``), article paragraphs only.

The seed is read from the shared folder (``seed_path`` in conftest; it is not copied into the
repo); the tests skip when it is absent. The clean article is the paragraphs from "North Korean
leader Kim..." to "...cancel the whole thing." without the promo lines inside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from broadsheet.analyze import analyze_articles
from broadsheet.analyze.entities import bare_name
from broadsheet.analyze.nlp import load_model
from broadsheet.model import Analysis, Article, Attribution

PROMO_PREFIXES = ("The Week", "Escape your echo", "Sign up", "From our morning", "A free daily")
PUBLISHED = "2023-09-05"  # a Tuesday


def names_same(mention: str, speaker: str) -> bool:
    """A speaker span points at a mention whose words are among the speaker's (canonical) name."""
    return set(bare_name(mention).split()) <= set(speaker.split())


def seed_paragraphs(seed_path: Path) -> tuple[str, ...]:
    """The clean article paragraphs of the seed page."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("North Korean leader Kim"))
    end = next(i for i, line in enumerate(lines) if line.endswith('cancel the whole thing."'))
    return tuple(
        line for line in lines[start : end + 1] if line.strip() and not line.startswith(PROMO_PREFIXES)
    )


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def analysis(nlp: Language, seed_path: Path) -> Analysis:
    article = Article(
        id="seed", source="seed", title="seed", paragraphs=seed_paragraphs(seed_path),
        published=PUBLISHED, outlet="The Week",
    )
    return analyze_articles([article], nlp)[0]


def by_speaker(analysis: Analysis, speaker: str) -> list[Attribution]:
    found = [a for a in analysis.attributions if a.speaker == speaker]
    assert found, f"no attribution for {speaker}: {[a.speaker for a in analysis.attributions]}"
    return found


def test_every_span_slices_back_to_its_string(analysis: Analysis) -> None:
    text = analysis.article.text
    for a in analysis.attributions:
        assert a.speaker_span is not None
        assert names_same(text[a.speaker_span[0] : a.speaker_span[1]], a.speaker)
        for span, value in ((a.cue_span, a.cue), (a.content_span, a.content)):
            assert span is not None and text[span[0] : span[1]] == value
    for entity in analysis.entities:
        assert text[entity.span[0] : entity.span[1]] == entity.text
    for date in analysis.dates:
        assert text[date.span[0] : date.span[1]] == date.text


def test_steve_hall_with_title_and_apposition(analysis: Analysis) -> None:
    first, second = by_speaker(analysis, "Steve Hall")[:2]
    assert first.cue == "said"
    assert first.role is not None and "CNN national security analyst" in first.role
    assert "former CIA chief of Russia operations" in first.role
    assert first.organisation == "CNN"
    assert "has to be horrifically embarrassing for Russian leadership" in first.content
    assert first.kind == "mixed"
    # the next sentence is only a quotation: it continues Hall's attribution
    assert second.kind == "direct"
    assert second.content.startswith("It would be like the United States turning to Uruguay")
    assert second.cue_span == first.cue_span


def test_adrienne_watson_said_monday_evening(analysis: Analysis) -> None:
    watson = by_speaker(analysis, "Adrienne Watson")
    first = watson[0]
    assert first.role == "National Security Council spokesperson"
    assert first.organisation == "National Security Council"
    assert first.when == "Monday evening"
    assert first.content.startswith('Arms negotiations have been "actively advancing"')
    assert first.kind == "mixed"
    # Kim "expects ..." continues what Watson said
    assert any("expects these discussions to continue" in a.content for a in watson[1:])


def test_john_kirby_said_last_week(analysis: Analysis) -> None:
    kirby = by_speaker(analysis, "John Kirby")[0]
    assert kirby.cue == "said"
    assert kirby.when == "last week"
    assert kirby.role is not None and "national security spokesperson" in kirby.role
    assert kirby.content.startswith("The U.S. has warned for months that North Korea")
    assert kirby.kind == "indirect"


def test_nested_frame_is_cut_before_the_outer_clause(analysis: Analysis) -> None:
    warned = next(a for a in analysis.attributions if a.cue == "warned")
    assert warned.content.startswith("North Korea is preparing to sell munitions")
    assert "Kirby" not in warned.content


def test_john_everard_told_bbc_news(analysis: Analysis) -> None:
    first, second = by_speaker(analysis, "John Everard")[:2]
    assert first.cue == "told"
    assert first.via == "BBC News"
    assert first.role == "former British ambassador to Pyongyang"
    assert 'That publicity is a "strong reason why the visit is now unlikely' in first.content
    assert second.kind == "direct"
    assert second.via == "BBC News"
    assert second.content.startswith("Kim Jong Un is completely paranoid")
    assert second.content.endswith("he's likely just to cancel the whole thing")


def test_newspaper_citing_officials(analysis: Analysis) -> None:
    nyt = next(a for a in analysis.attributions if a.cue == "reported")
    assert nyt.speaker == "U.S. and allied officials"
    assert nyt.via == "The New York Times"
    assert nyt.when == "Monday"
    assert nyt.content.startswith("North Korean leader Kim Jong Un is preparing to visit")


def test_canonical_entities(analysis: Analysis) -> None:
    canon = {(e.text, e.label): e.canonical for e in analysis.entities}
    assert canon[("Kim", "PERSON")] == "Kim Jong Un"
    assert canon[("Putin", "PERSON")] == "Vladimir Putin"
    assert canon[("U.S.", "GPE")] == "United States"
    assert canon[("the United States", "GPE")] == "United States"
    assert canon[("The New York Times", "ORG")] == "New York Times"


def test_dates_resolved_against_publication(analysis: Analysis) -> None:
    values = {d.text: d.value for d in analysis.dates}
    assert values["this month"] == "2023-09"
    assert values["Monday"] == "2023-09-04"
    assert values["Monday evening"] == "2023-09-04"
    assert values["Sept. 10 to 14"] == "2023-09-10"
    assert values["July"] == "2023-07"
    assert values["August"] == "2023-08"
    assert values["late last year"] == "2022"
    assert values["last week"] == "2023-08-28"


def test_dates_without_publication_are_none(nlp: Language, seed_path: Path) -> None:
    article = Article(id="seed", source="seed", title="seed", paragraphs=seed_paragraphs(seed_path))
    dates = analyze_articles([article], nlp)[0].dates
    assert {d.text for d in dates} >= {"Monday", "July", "Sept. 10 to 14", "last week"}
    assert all(d.value is None for d in dates)
