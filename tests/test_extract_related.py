"""Related-stories lists: labels found by repetition, items split on separator lines."""

from __future__ import annotations

from broadsheet.extract.related import find_labels, find_related, label_spelling
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
