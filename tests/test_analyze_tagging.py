"""``broadsheet_tags`` annotates exactly as the model's attribute ruler and lemmatizer it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from broadsheet.analyze.nlp import DEFAULT_MODEL, add_sentence_hints, load_model
from broadsheet.analyze.tagging import FAST_TAGS, use_fast_tags

PAGES = Path(__file__).parent / "data" / "extraction"
# Lines that exercise the ruler's rarer patterns: two-token ones ("gonna", "ain't", "let's", "y'all"),
# "there is" (expl + be -> VERB), dependency-conditioned pronouns and auxiliaries, "nothin'".
ODD = (
    "We're gonna win, y'all, and there is nothin' they can do. Let's go.\n\n"
    "It ain't over, she told him. I gave it to you. They have had enough; did you?\n\n"
    "\"Which one?\" he asked. That was what the senator, who had been questioned, said."
)


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    """The shipped pipeline and the model as spaCy ships it (ruler and lemmatizer), both with hints."""
    return load_model(), add_sentence_hints(spacy.load(DEFAULT_MODEL))


def _annotation(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in nlp(text)]


def test_the_shipped_pipeline_uses_the_fast_tags(pair: tuple[Language, Language]) -> None:
    fast, plain = pair
    assert FAST_TAGS in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    assert "lemmatizer" not in fast.pipe_names and "attribute_ruler" in plain.pipe_names
    assert use_fast_tags(fast) is fast and fast.pipe_names.count(FAST_TAGS) == 1


@pytest.mark.parametrize("name", ["scrapinghub_076f4f33bf75.txt", "scrapinghub_8e3efab59f48.txt"])
def test_same_annotation_on_real_pages(pair: tuple[Language, Language], name: str) -> None:
    text = (PAGES / name).read_text(encoding="utf-8")
    fast, plain = pair
    assert _annotation(fast, text) == _annotation(plain, text)


def test_same_annotation_on_the_rare_patterns(pair: tuple[Language, Language]) -> None:
    fast, plain = pair
    got = _annotation(fast, ODD)
    assert got == _annotation(plain, ODD)
    lemmas = {row[0]: row[4] for row in got}
    assert lemmas["gon"] == "go" and lemmas["told"] == "tell" and lemmas["asked"] == "ask"
