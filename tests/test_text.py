"""The one text module: words, sentences and name keys every stage shares."""

from __future__ import annotations

import random

from broadsheet import text


def test_words_and_counts() -> None:
    assert text.words("U.S. officials said") == ["U", "S", "officials", "said"]
    assert text.lower_words("The Week") == ["the", "week"]
    assert text.word_count("three short words") == 3
    assert text.word_count("北朝鮮の金正恩総書記") >= 4  # CJK: one word per two characters


def test_a_remembered_count_is_the_count() -> None:
    """Short texts' counts are cached: the same answer twice, and the same as a long text's
    (counted afresh each time) for the same words."""
    short = "Council approves the budget 北朝鮮の金正恩総書記"
    long = " ".join([short] * 200)
    assert len(long) > text._CACHED_CHARS >= len(short)
    assert text.word_count(short) == text.word_count(short) == text._word_count(short)
    assert text.word_count(long) == 200 * text.word_count(short)


def test_content_words_drop_stop_words_and_possessives() -> None:
    assert text.content_words("The president's plan, said Mr. Kim") == ["president", "plan", "kim"]
    assert text.content_words("Élysée café") == ["élysée", "café"]


def test_comparison_forms() -> None:
    assert text.collapse("  a \n b ") == "a b"
    assert text.normal(" Sign  UP ") == "sign up"
    assert text.squash("TheWeek.com") == text.squash("the week") + "com"
    assert text.name_key("The Washington Post.") == text.name_key("washington  post")
    assert text.name_key("U.S.") == text.name_key("US")


def test_sentences_do_not_break_after_abbreviations() -> None:
    line = "Sen. Smith met Mr. Kim on Sept. 10 in the U.S. capital. He left. “Why?” she asked."
    assert text.sentences(line) == [
        "Sen. Smith met Mr. Kim on Sept. 10 in the U.S. capital.", "He left.", "“Why?” she asked."]
    assert text.sentences("first line\nsecond line") == ["first line", "second line"]
    assert text.sentences("北朝鮮。ロシア。") == ["北朝鮮。", "ロシア。"]


def test_sentence_spans_point_into_the_text() -> None:
    body = "  One here. Two there!  "
    assert [body[a:b] for a, b in text.split_sentences(body)] == ["One here.", "Two there!"]


def test_first_sentences_are_the_first_of_all_of_them() -> None:
    pieces = ["Sen.", "Smith", "met", "U.S.", "officials", "He left.", "Why?", "“Go!”", "\n", "  ", "。",
              "3.5", "A.", "b", "e.g.", "Dr.", "X", "…", "'Yes.'"]
    draw = random.Random(7)
    for _ in range(500):
        body = " ".join(draw.choice(pieces) for _ in range(draw.randrange(0, 30)))
        whole = text.sentences(body)
        assert text.split_sentences(body) == _all_at_once(body)
        for count in range(5):
            assert text.first_sentences(body, count) == whole[:count]
    assert text.first_sentences("One. Two. Three.", 2) == ["One.", "Two."]


def _all_at_once(body: str) -> list[tuple[int, int]]:
    """The sentence splitter as it was before it yielded one sentence at a time."""
    spans: list[tuple[int, int]] = []
    for line in text._LINE.finditer(body):
        start = line.start()
        for boundary in text._BOUNDARY.finditer(body, line.start(), line.end()):
            if not text._is_abbreviation(body, boundary.start()):
                spans.append((start, boundary.end()))
                start = boundary.end()
        spans.append((start, line.end()))
    return [text._strip(body, a, b) for a, b in spans if body[a:b].strip()]


def test_ends_sentence_and_quotes() -> None:
    assert text.ends_sentence("He said “no.”") and not text.ends_sentence("Read more")
    assert text.quoted_fraction("“abc”") == 1.0 and text.quoted_fraction("") == 0.0


def test_tfidf_and_cosine() -> None:
    a, b, c = text.tfidf_vectors([["kim", "putin"], ["kim", "putin"], ["storm"]])
    assert text.cosine(a, b) == 1.0 or abs(text.cosine(a, b) - 1.0) < 1e-9
    assert text.cosine(a, c) == 0.0
    assert text.normalise({}) == {}


def test_mentioning_keeps_the_texts_that_write_a_word_as_written() -> None:
    texts = ["Finance minister Ada Holt resigned.", "HOLT, ADA: no comment.", "Ivo Dahl spoke.",
             "Sen. Holt and Dahl met."]
    assert text.mentioning(texts, "Holt") == [texts[0], texts[3]]  # case and all: "HOLT" is not "Holt"
    assert text.mentioning(texts, "Dahl", "Ada Holt") == [texts[0], texts[2], texts[3]]
    assert text.mentioning(iter(texts), "Rask") == []
    assert text.mentioning_all(texts, "Holt", "Dahl") == [texts[3]]  # every one, not any one
    assert text.mentioning_all(texts, "Holt", "Holt,") == []  # as written: "HOLT," is not "Holt,"
    assert text.mentioning_all(texts, "Dahl") == [texts[2], texts[3]]
