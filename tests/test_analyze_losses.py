"""Sorting the gold attributions we miss into classes (``analyze.losses``)."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from broadsheet.analyze.fitting import cue_root
from broadsheet.analyze.learned import shipped_models
from broadsheet.analyze.losses import CUE_KINDS, FOUND, LOSSES, cue_kind, sort_losses, table
from broadsheet.analyze.nlp import load_model
from broadsheet.bench.polnear import Document, Gold
from broadsheet.model import Span


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _at(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return (start, start + len(words))


def _gold(text: str, source: str, cue: str, content: str) -> Gold:
    return Gold((_at(text, source),), (_at(text, cue),), (_at(text, content),), cue)


def test_cue_kinds_follow_the_cue_word(nlp: Language) -> None:
    text = ("Ana Berg said the plan was dead. Critics fear that costs will rise. "
            "Tom Ray plans to run. Her statement was short. According to Ray, it rained.")
    doc = nlp(text)
    kinds = {
        cue: cue_kind(gold, cue_root(doc, gold))
        for cue, gold in (
            ("said", _gold(text, "Ana Berg", "said", "the plan was dead")),
            ("fear", _gold(text, "Critics", "fear", "costs will rise")),
            ("plans", _gold(text, "Tom Ray", "plans", "to run")),
            ("statement", _gold(text, "Her", "statement", "short")),
            ("According to", _gold(text, "Ray", "According to", "it rained")),
        )
    }
    assert kinds == {"said": "speech verb", "fear": "belief verb", "plans": "intention verb",
                     "statement": "noun", "According to": "according to"}
    assert set(kinds.values()) <= set(CUE_KINDS)


def test_each_gold_is_put_where_it_is_lost(nlp: Language) -> None:
    text = "Ana Berg said the plan was dead. The vote, in Tom Ray's view, was rigged."
    found = _gold(text, "Ana Berg", "said", "the plan was dead")
    other_words = _gold(text, "Ana Berg", "said", "Ana Berg")  # the same cue, other words
    unproposed = Gold((_at(text, "Tom Ray"),), (_at(text, "in"),), (_at(text, "The vote"),), "in")
    document = Document("t", text, (found, other_words, unproposed))
    rows = sort_losses(document, nlp(text), shipped_models())
    assert rows == [("speech verb", FOUND), ("speech verb", "cue kept, content Dice < 0.5"),
                    ("other", "nothing: cue word not in the lexicon")]


def test_the_table_counts_every_gold_once() -> None:
    counts = Counter({("speech verb", FOUND): 3, ("noun", LOSSES[-1]): 2})
    lines = table(counts).splitlines()
    assert len(lines) == len(CUE_KINDS) + 3
    assert lines[-1].startswith("| all | 5 | 3 |") and lines[-1].endswith("| 2 |")
