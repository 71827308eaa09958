"""The writer's own question is no one's words (``unsaidspeakers.the_writers_question``): an
auxiliary opening the sentence right before the speaker and a question mark closing it; a question
someone asks inside quotation marks, a conditional that is no question, and a plain statement stay
voices. Sentences of our own, in the shape of the demo's National Review column."""

from __future__ import annotations

from broadsheet.brief.unsaid import no_words_said
from test_brief_voices_u import _at


def test_the_writers_question_about_a_speaker_is_no_words() -> None:
    text = ("Would there have been hearings? Would Ada Holt have pleaded to keep the “source’s” "
            "name secret?\n\nMost significantly, Holt is now working against the clock.")
    assert no_words_said(_at(text, "Ada Holt", "pleaded", "to keep the “source’s” name secret"), text)
    did = "Did Ada Holt say that the U.S. Senate would act? Nobody knows."
    assert no_words_said(_at(did, "Ada Holt", "say", "that the U.S. Senate would act"), did)


def test_a_quoted_question_a_conditional_or_a_statement_stays_a_voice() -> None:
    quoted = "Ivo Dahl asked: “Would Ada Holt say the vote was close?” He got no answer."
    assert not no_words_said(_at(quoted, "Ivo Dahl", "asked", "Would Ada Holt say the vote was close?"),
                             quoted)
    conditional = "Should Ada Holt win, she said, the plant would stay open."
    assert not no_words_said(_at(conditional, "she", "said", "the plant would stay open"), conditional)
    stated = "Ada Holt said the plant would stay open. Would it? Nobody knows."
    assert not no_words_said(_at(stated, "Ada Holt", "said", "the plant would stay open"), stated)
    asked = "Will the plant stay open? Ada Holt said it would."
    assert not no_words_said(_at(asked, "Ada Holt", "said", "it would"), asked)
