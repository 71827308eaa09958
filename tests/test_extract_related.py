"""Related-stories lists: labels found by repetition, items split on separator lines."""

from __future__ import annotations

from broadsheet.extract.related import find_labels, find_related, label_spelling, outweighs
from broadsheet.extract.text import without_related
from broadsheet.model import RelatedItem

LIST = """Last paragraph of the story.
-
Storm closes schools across the region
Weather Desk Heavy snow is expected to continue through Thursday night
-
Council approves budget
Local Politics The vote followed a six-hour public hearing
-
Heat wave breaks records
WEATHER DESK Temperatures reached 41C in the capital
-
A quiet win for the underdogs
Match Report Nobody expected the visitors to score twice
""".splitlines()


def test_items_labels_and_summaries() -> None:
    found = find_related(LIST)
    assert found is not None
    assert (found.start, found.end) == (1, len(LIST))
    assert found.items[0] == RelatedItem(
        "Storm closes schools across the region",
        "Weather Desk",
        "Heavy snow is expected to continue through Thursday night",
    )
    assert found.items[2].label == "Weather Desk"
    assert found.items[1].label is None
    assert found.items[1].summary == "Local Politics The vote followed a six-hour public hearing"


def test_label_must_recur_and_be_followed_by_a_capital() -> None:
    teasers = ["Trump has approved a plan", "Trump said on Monday", "Feature The war", "Feature A"]
    assert find_labels(teasers) == {"feature"}


def test_capitals_only_label_gets_title_case() -> None:
    assert label_spelling("in the spotlight", ["IN THE SPOTLIGHT A story"]) == "In the Spotlight"
    assert label_spelling("in the spotlight", ["IN THE SPOTLIGHT A", "In the Spotlight B"]) == (
        "In the Spotlight"
    )


def test_no_list_without_separators() -> None:
    assert find_related(["One line.", "Another line.", "-", "Only one item"]) is None


def test_blank_lines_between_item_lines_are_skipped() -> None:
    spaced = [line for pair in zip(LIST, [""] * len(LIST), strict=True) for line in pair]
    found = find_related(spaced)
    assert found is not None
    assert (found.start, found.end) == (2, 2 * len(LIST) - 1)
    assert len(found.items) == 4
    assert found.items[3] == RelatedItem(
        "A quiet win for the underdogs", None, "Match Report Nobody expected the visitors to score twice"
    )


def test_a_list_outweighs_a_body_only_when_it_holds_most_of_its_words() -> None:
    found = find_related(LIST)
    assert found is not None
    assert outweighs(found, LIST)  # one line of story against four items
    long_story = ["A paragraph of the story with many more words in it than the list. " * 10, *LIST[1:]]
    found = find_related(long_story)
    assert found is not None
    assert not outweighs(found, long_story)


def test_an_extracted_body_keeps_a_list_that_is_its_content() -> None:
    kept, items = without_related(list(LIST), body=True)
    assert kept == LIST and items == ()
    blanked, items = without_related(list(LIST))  # a flattened page: still a related list
    assert len(items) == 4 and blanked[1:] == [""] * (len(LIST) - 1)
