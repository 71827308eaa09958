"""A story's texts answer which of them write a string from the index of their words: the same
texts, in the same order, as reading every text (``storytexts`` module docstring)."""

from __future__ import annotations

import random
import re

from broadsheet.storytexts import INDEXED, StoryTexts, readable, story_texts, writing_any_case
from broadsheet.text import mentioning

# Words written in several cases side by side, names inside longer words, punctuation around them,
# and letters whose cases the pattern engine folds unlike ``str.lower`` (the long s, the Kelvin
# sign, the dotted capital I).
_WORDS = ("Ada", "Holt", "Holtz", "Reuters", "REUTERS", "reuters", "U.S.", "news", "agency",
          "the", "Dahl's", "co-author", "McHolt", "ſtate", "State", "\u212aelvin", "kelvin",
          "\u0130stanbul", "istanbul", "Sen.", "(AP)", "—", "said", "2019", "_id")


def _texts(rng: random.Random, count: int) -> list[str]:
    ends = ("", "", ",", ".", "\n")
    return [" ".join(rng.choice(_WORDS) + rng.choice(ends) for _ in range(rng.randint(0, 40)))
            for _ in range(count)]


def _asked(rng: random.Random, texts: list[str]) -> str:
    """A piece of one of the texts (cut anywhere: inside words, across them), or a word of none."""
    if rng.random() < 0.1:
        return rng.choice(("Nobody", "olt", " ", ",", "Holt Ada", "s", ""))
    text = rng.choice([t for t in texts if t] or ["Holt"])
    start = rng.randrange(len(text))
    return text[start:start + rng.randint(1, 18)]


def test_the_texts_holding_a_string_are_those_that_write_it() -> None:
    rng = random.Random(7)
    for _ in range(60):
        texts = _texts(rng, rng.randint(1, 30))
        story = StoryTexts(texts)
        for _ in range(40):
            written = _asked(rng, texts)
            assert story.holding(written) == [t for t in texts if written in t], written
            assert mentioning(story, written) == mentioning(texts, written)


def test_several_strings_give_the_texts_holding_any_in_order() -> None:
    rng = random.Random(8)
    for _ in range(60):
        texts = _texts(rng, rng.randint(1, 30))
        story = StoryTexts(texts)
        asked = [_asked(rng, texts) for _ in range(3)]
        assert story.holding(*asked) == [t for t in texts if any(a in t for a in asked)]


def test_any_case_is_what_an_ignorecase_pattern_finds() -> None:
    rng = random.Random(9)
    for _ in range(60):
        texts = _texts(rng, rng.randint(1, 30))
        story = StoryTexts(texts)
        for _ in range(40):
            written = _asked(rng, texts)
            written = rng.choice((written, written.upper(), written.lower()))
            pattern = re.compile(re.escape(written), re.IGNORECASE)
            assert story.holding_any_case(written) == [t for t in texts if pattern.search(t)], written


def test_a_story_is_a_tuple_of_its_texts_and_other_texts_are_read_as_they_are() -> None:
    texts = ["Ada Holt said.", "REUTERS reported", "no one"]
    story = StoryTexts(texts)
    assert story == tuple(texts) and list(story) == texts
    assert readable(story) is story
    assert readable(iter(texts)) == texts
    assert list(writing_any_case(texts, "reuters")) == texts  # no index: every text, as before
    assert writing_any_case(story, "reuters") == ["REUTERS reported"]
    assert story.holding("Holt") == ["Ada Holt said."] and story.holding("Holt") == ["Ada Holt said."]


def test_only_a_big_story_is_indexed() -> None:
    small = ["Ada Holt said."] * (INDEXED - 1)
    assert story_texts(small) is small
    big = story_texts([*small, "Ivo Dahl said."])
    assert isinstance(big, StoryTexts) and mentioning(big, "Dahl") == ["Ivo Dahl said."]
