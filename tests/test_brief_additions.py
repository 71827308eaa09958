"""What a Speed Read may add after its lead (``brief.additions``): the four faults judged in
session 55, each refused, and the sentences that look like them kept."""

from __future__ import annotations

import pytest

from broadsheet.brief.additions import cut_short, leans_back, may_add, repeats, run_in, stems


def test_a_paraphrase_of_a_chosen_sentence_repeats_it_and_a_new_fact_does_not() -> None:
    lead = stems("The actress will host the awards show for a second time next year, the academy "
                 "announced on Friday.")
    paraphrase = stems("The academy announced on Friday that the actress would return next year "
                       "to host the awards show.")
    new_fact = stems("Her first turn as host, in 2007, drew the show's largest audience in years.")
    assert repeats(paraphrase, [lead])
    assert not repeats(new_fact, [lead])
    assert not repeats(set(), [lead]) and not repeats(paraphrase, [])


def test_stems_match_a_word_by_its_first_six_letters() -> None:
    assert stems("The senator resigned.") == stems("Senators resigning")


@pytest.mark.parametrize("text", [
    "In a statement released on Tuesday, he criticised the plan again.",
    "During the radio interview on Monday, she apologised twice.",
])
def test_a_pronoun_after_a_short_opening_phrase_leans_back(text: str) -> None:
    assert leans_back(text, set())


def test_a_pronoun_after_a_phrase_that_names_someone_does_not_lean_back() -> None:
    assert not leans_back("After meeting Governor Smith on Tuesday, he signed the bill.", set())


def test_the_plus_a_pointing_word_leans_back_unless_the_headlines_or_lead_have_that_word() -> None:
    text = "The questions come as the committee opens its hearing on the nominee."
    assert leans_back(text, set())
    assert not leans_back(text, stems("Senators send questions to the nominee"))
    assert not leans_back("The committee opens its hearing on Monday.", set())


@pytest.mark.parametrize(("text", "cut"), [
    ("Prominent lawmakers are calling for Ariz.", True),
    ("The backlash grew on Monday, with Wash.", True),
    ("She was born on April 2, 1930, in Nashville, Tenn.", False),
    ("The company moved its offices to Denver.", False),
    ("Ships were sent to ports in Georgia and Texas.", False),
    ("The bill now goes to Gov.", True),
])
def test_a_sentence_ending_on_an_abbreviation_after_a_small_word_was_cut_short(
        text: str, cut: bool) -> None:
    assert cut_short(text) is cut


@pytest.mark.parametrize(("text", "glued"), [
    ("A climber died in the park at the weekend A second climber has fallen to his death.", True),
    ("No injuries were reported ALASKA - Shortly after 3 a.m. someone called the fire service.", True),
    ("Vitamin A is found in carrots, the report said.", False),
    ("WASHINGTON - The Senate voted on Friday.", False),
    ("The NFL - a league of 32 teams - met on Monday.", False),
])
def test_a_caption_or_dateline_run_into_a_sentence_is_found(text: str, glued: bool) -> None:
    assert run_in(text) is glued


def test_may_add_refuses_each_fault_and_keeps_a_plain_sentence() -> None:
    assert may_add("The charges carry a sentence of up to ten years, prosecutors said.", set())
    assert not may_add("In a statement on Friday, she denied the claims.", set())
    assert not may_add("Officials are calling for Ariz.", set())
