"""A story's texts answer which of them write a string from the index of their words: the same
texts, in the same order, as reading every text (``storytexts`` module docstring)."""

from __future__ import annotations

import random
import re

from broadsheet.storytexts import (
    INDEXED,
    StoryTexts,
    matches_from,
    readable,
    story_texts,
    writing_any_case,
    written_then,
)
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


# Patterns shaped like the voices' rules: a check of width nil, then a name (or its last word), then
# what the rule reads after it; some can match again right where a match ended.
_SHAPES = (
    (r"\b(?:{names}),\s+(?:an?|the)\s+([^,.;]{{3,40}})", ("Ada Holt", "Holt")),
    (r"\b(?:{names})(?:,\s+\w+)*", ("Holt", "Holtz")),
    (r"(?<![\w-]){names}[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{0,2}}Holt(?![\w'’-])", ("Sen.",)),
    (r"\b(?:{names})['’]s\s+\w+", ("Dahl", "Ada")),
    (r"(?:{names})\w*", ("o", "a")),
)


def test_matches_from_the_places_a_name_is_written_are_finditer_s() -> None:
    rng = random.Random(10)
    for _ in range(200):
        texts = _texts(rng, 3) + [", ".join(rng.choice(("Ada Holt", "Holt", "a doctor", "the mayor",
                                                        "Holtz", "Sen. Ada Holt", "Dahl's aide")))
                                  for _ in range(rng.randint(1, 12))]
        shape, names = rng.choice(_SHAPES)
        pattern = re.compile(shape.format(names="|".join(re.escape(n) for n in names)))
        for text in texts:
            found = [(m.span(), m.groups()) for m in matches_from(pattern, text, *names)]
            assert found == [(m.span(), m.groups()) for m in pattern.finditer(text)], (shape, text)


def test_an_empty_name_is_written_everywhere() -> None:
    pattern = re.compile(r"\b,\s+\w+")
    text = "Holt, a doctor, and Dahl, a mayor"
    assert [m.span() for m in matches_from(pattern, text, "")] == [m.span() for m in pattern.finditer(text)]


# What the rules write after a name or a role, and before it.
_AFTERS = (r"[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)", r",?[ \t]+(\w+)", r"(s?)\b", r"(?=\.)()",
           r"([ \t]*)")
_BEFORES = (None, r"(?<![\w-])", r"\b")


def test_written_then_finds_what_the_whole_pattern_finds() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        texts = [t.replace("_id", rng.choice(("’s", "“Holt”", "café", "_id"))) for t in _texts(rng, 3)]
        written = [_asked(rng, texts) for _ in range(rng.choice((1, 1, 2, 3)))]
        text, after, before = rng.choice(texts), re.compile(rng.choice(_AFTERS)), rng.choice(_BEFORES)
        any_case = rng.random() < 0.5
        literal = ("(?i:" if any_case else "(?:") + "|".join(map(re.escape, written)) + ")"
        whole = re.compile((before or "") + literal + after.pattern)
        expected = [(m.start(), m.groups()) for m in whole.finditer(text)]
        got = [(start, m.groups()) for start, m in written_then(
            text, written, after, before=re.compile(before) if before else None, any_case=any_case)]
        assert got == expected, (text, written, after.pattern, before, any_case)


def test_the_letters_folded_unlike_lower_are_every_one() -> None:
    letters = "".join(chr(c) for c in range(128, 0x30000) if not 0xD800 <= c < 0xE000)
    folded = {c for c in letters if len(c.lower()) != 1 or c.lower().isascii()
              or re.fullmatch(r"(?i)[a-z]", c)}
    assert folded == {"\u0130", "\u0131", "\u017f", "\u212a"}


def test_written_then_reads_any_case_as_the_pattern_engine_does() -> None:
    # the Kelvin sign reads as "k" in any case: a text that is not ASCII is read by the whole pattern
    found = list(written_then("\u212aelvin said", "kelvin", re.compile(r"[ \t]+(said)"), any_case=True))
    assert [(start, m.group(1)) for start, m in found] == [(0, "said")]
    found = list(written_then("KELVIN said", "kelvin", re.compile(r"[ \t]+(said)")))
    assert found == []
    # alternatives are tried in their order at each place, as the pattern engine tries them
    after = re.compile(r"(,?[ \t]+\w+)")
    found = list(written_then("Ada Holt, 40, said", ("Ada", "Ada Holt"), after))
    assert [(start, m.group(1)) for start, m in found] == [(0, " Holt")]
    found = list(written_then("Ada Holt, 40, said", ("Ada Holt", "Ada"), after))
    assert [(start, m.group(1)) for start, m in found] == [(0, ", 40")]
