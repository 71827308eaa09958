"""Copies marked inside a story after a batch is placed (``stories/copies.py``): a trimmed or
lightly edited wire copy counts once, and marking moves no article.

The wire story below is written for these tests: twelve paragraphs, each with words of its own,
so a copy that keeps its first three paragraphs shares little of its shingles (Jaccard about
0.2, under the placement's join rule) but is almost wholly contained in it."""

from __future__ import annotations

import dataclasses

import pytest

from broadsheet.model import Article, Story
from broadsheet.stories import Clusterer, StoryIndex, cluster_articles, copies, prepare
from broadsheet.stories.dedup import jaccard, shingles
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS, to_story

PLACES = ["Elm Street", "the river road", "Mill Lane", "the old depot", "Cedar Avenue",
          "the school gym", "Harbor Drive", "the county fairground", "Oak Hill", "the marina",
          "Station Square", "the north levee"]


def wire(id_: str, paragraphs: list[str], *, published: str, outlet: str,
         title: str = "Flood waters swamp Riverton as levee gives way") -> Article:
    return Article(id=id_, source="test", title=title, paragraphs=tuple(paragraphs),
                   published=published, outlet=outlet)


BODY = [f"Crews working near {place} in Riverton reported {n * 7 + 3} homes under water on "
        f"Tuesday, paragraph {n} of the agency's account says, as pumps number {n} and {n + 40} "
        f"ran through the night and volunteers filled sandbags beside {place}."
        for n, place in enumerate(PLACES)]
ORIGINAL = wire("orig", BODY, published="2021-08-10T09:00:00", outlet="wire")
TRIMMED = wire("trim", [*BODY[:3], "Local schools will stay closed on Wednesday, the district "
                        "said in a note to parents sent on Tuesday evening."],
               published="2021-08-10T11:00:00", outlet="local-paper",
               title="Riverton flooding: homes under water after levee fails")
RETRIMMED = wire("retrim", BODY[:2], published="2021-08-10T13:00:00", outlet="aggregator",
                 title="Levee failure floods Riverton")
OWN = wire("own", ["Our reporter in Riverton watched the levee give way at dawn: water poured "
                   "over the bank and into the streets of the old town within the hour.",
                   "Residents carried furniture upstairs while fire crews rowed boats down "
                   "flooded lanes to reach older neighbours."],
           published="2021-08-10T12:00:00", outlet="daily", title="Riverton levee breaks")


def batches(*parts: list[Article]) -> list[Story]:
    """The stories after adding ``parts`` one batch after another to one index."""
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS)
    engine = Clusterer(index)
    for part in parts:
        engine.add_all(prepare(a) for a in part)
    return [to_story(s) for s in index.stories.values()]


def story_of(stories: list[Story], article_id: str) -> Story:
    return next(s for s in stories if article_id in s.article_ids)


def test_the_trimmed_copy_shares_little_of_its_shingles() -> None:
    """The premise: the placement's Jaccard rule (0.8) cannot see this copy."""
    assert jaccard(shingles(" ".join(TRIMMED.paragraphs)), shingles(" ".join(BODY))) < 0.4


def test_a_trimmed_copy_is_marked_a_copy_of_its_original() -> None:
    stories = cluster_articles([ORIGINAL, TRIMMED, OWN])
    flood = story_of(stories, "orig")
    assert "trim" in flood.article_ids
    assert dict(flood.duplicates).get("trim") == "orig"
    assert "own" not in dict(flood.duplicates)  # its own reporting, in its own words


def test_a_copy_of_a_trimmed_copy_points_at_the_root() -> None:
    flood = story_of(cluster_articles([ORIGINAL, TRIMMED, RETRIMMED]), "orig")
    assert dict(flood.duplicates) == {"trim": "orig", "retrim": "orig"}


def test_marking_moves_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [ORIGINAL, TRIMMED, RETRIMMED, OWN]
    marked = {s.id: s.article_ids for s in cluster_articles(articles)}
    monkeypatch.setattr(copies, "mark", lambda *_args, **_kwargs: 0)
    unmarked = cluster_articles(articles)
    assert {s.id: s.article_ids for s in unmarked} == marked
    assert all(s.duplicates == () for s in unmarked)  # so the marks above are this step's


def test_the_first_published_is_the_original() -> None:
    """Only members published before an article can be what it copies: the short text published
    first is the original, the longer one after it holds its text."""
    early = dataclasses.replace(TRIMMED, published="2021-08-10T08:00:00")
    flood = story_of(cluster_articles([ORIGINAL, early]), "orig")
    assert dict(flood.duplicates) == {"orig": "trim"}


def test_a_back_filled_original_marks_the_copies_stored_before_it() -> None:
    """Two batches, the copies first: the original published before them arrives second and
    becomes their root, as in one batch."""
    later = batches([TRIMMED, RETRIMMED, OWN], [ORIGINAL])
    once = cluster_articles([ORIGINAL, TRIMMED, RETRIMMED, OWN])
    assert dict(story_of(later, "orig").duplicates) == {"trim": "orig", "retrim": "orig"}
    assert dict(story_of(later, "orig").duplicates) == dict(story_of(once, "orig").duplicates)
