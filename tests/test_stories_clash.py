"""Two events of one kind told apart by the dates and numbers they mention (stories round 18).

The articles are short synthetic reports written for these tests: two earthquakes reported in the
same words, which only their dates and figures tell apart.
"""

from __future__ import annotations

from broadsheet.model import Article
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, prepare
from broadsheet.stories.features import featurize, mentioned_dates, mentioned_numbers, two_clashes
from broadsheet.stories.persist import decode_state, encode_state


def quake(id_: str, opening: str, day: str, dead: str, hurt: str) -> Article:
    return Article(id=id_, source="test", published=None,
                   title=f"Powerful earthquake strikes northern Chile, {dead} dead",
                   paragraphs=(f"{opening} a powerful earthquake shook northern Chile on {day}, "
                               f"killing {dead} people and injuring {hurt} in the mining town of "
                               "Iquique, officials said.",
                               "Rescue teams searched collapsed homes through the night."))


FIRST = quake("q1", "On Monday", "March 3", "12", "150")
SECOND_REPORT = quake("q2", "Officials said", "March 3", "12", "150")
OTHER_QUAKE = quake("q3", "Officials said", "June 9", "40", "310")
SAME_FIGURES_LATER = quake("q4", "Officials said", "June 9", "12", "150")


def test_years_and_month_days_are_dates_and_other_numbers_are_numbers() -> None:
    text = "On Nov. 19, 2019, and again on 3 March, 40,000 people marched; 6.1 quake, 12 dead."
    assert mentioned_dates(text) == {"y:2019", "md:11-19", "md:3-3"}
    assert mentioned_numbers(text) == {"40000", "6.1", "12", "19"}


def test_only_two_clashes_at_once_part_two_reports() -> None:
    assert two_clashes({"md:3-3"}, {"12"}, {"md:6-9"}, {"40"})
    assert not two_clashes({"md:3-3"}, {"12"}, {"md:6-9"}, {"12", "40"})  # a shared number
    assert not two_clashes({"md:3-3"}, {"12"}, {"md:3-3", "md:6-9"}, {"40"})  # a shared date
    assert not two_clashes(set(), {"12"}, {"md:6-9"}, {"40"})  # nothing to compare: no clash


def test_the_same_kind_of_event_on_another_day_with_other_figures_is_another_story() -> None:
    stories = {frozenset(s.article_ids) for s in cluster_articles([FIRST, SECOND_REPORT,
                                                                    OTHER_QUAKE])}
    assert stories == {frozenset({"q1", "q2"}), frozenset({"q3"})}


def test_one_clash_alone_does_not_part_two_reports() -> None:
    stories = {frozenset(s.article_ids) for s in cluster_articles([FIRST, SAME_FIGURES_LATER])}
    assert stories == {frozenset({"q1", "q4"})}


def test_a_story_read_back_from_the_store_keeps_its_dates_and_numbers() -> None:
    index = StoryIndex(window_days=14)
    Clusterer(index).add_all(prepare(a) for a in (FIRST, SECOND_REPORT))
    (story,) = index.stories.values()
    back = decode_state(encode_state(story))
    assert back.dates == story.dates == set(featurize(FIRST).dates)
    assert back.numbers == story.numbers and back.clashes({"md:6-9"}, {"40"})
