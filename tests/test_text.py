"""The one text module: words, sentences and name keys every stage shares."""

from __future__ import annotations

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
