"""Stories kept in the store: ingest adds to them, ids never change, merges redirect, brief reads.

Real SQLite files; the articles are the synthetic news items of ``test_stories.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet import pipeline
from broadsheet.model import Analysis, Article, Source
from broadsheet.settings import Settings
from broadsheet.store import Store, StoryChanges
from broadsheet.stories import cluster_articles
from broadsheet.stories.score import FEATURES, Model
from test_stories import ALL, FIRE, SENATE, art

SETTINGS = Settings()
EAGER = Model(weights=(0, 0, 0, 12.0, *[0.0] * (len(FEATURES) - 4)), bias=-3.0, join=0.5, merge=0.5)


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    with Store.open(db_target) as opened:
        yield opened


def put(store: Store, articles: list[Article]) -> None:
    """Store the articles as analysed (with nothing found: the brief reads analysed articles)."""
    with store.transaction():
        for article in articles:
            store.put_analysis(Analysis(article))


def groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories()}


def test_update_places_the_stored_articles_like_the_cluster_command(store: Store) -> None:
    put(store, ALL)
    report = pipeline.update_stories(store, SETTINGS)
    assert report.placed == len(ALL) and report.stories == 3
    assert groups(store) == {frozenset(s.article_ids) for s in cluster_articles(ALL)}
    assert {s.id for s in store.stories()} == {s.id for s in cluster_articles(ALL)}
    assert store.unclustered() == []


def test_a_second_ingest_adds_to_the_stories_and_keeps_their_ids(store: Store) -> None:
    put(store, [FIRE[0], SENATE[0], SENATE[1]])
    pipeline.update_stories(store, SETTINGS)
    before = {aid: s.id for s in store.stories() for aid in s.article_ids}
    put(store, [FIRE[1], FIRE[2], SENATE[2]])
    report = pipeline.update_stories(store, SETTINGS)
    after = {aid: s.id for s in store.stories() for aid in s.article_ids}
    assert report.placed == 3
    assert all(store.resolve_story(sid) == after[aid] for aid, sid in before.items())
    assert groups(store) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}


def test_nothing_new_changes_nothing(store: Store) -> None:
    put(store, ALL)
    pipeline.update_stories(store, SETTINGS)
    before = (store.stories(), store.counts())
    report = pipeline.update_stories(store, SETTINGS)
    assert report.placed == 0 and (store.stories(), store.counts()) == before


HALVES = [art("h1", "Redding wildfire forces evacuations in Shasta County",
              "Redding residents evacuate from the Shasta County wildfire.", outlet="x"),
          art("h2", "Cal Fire crews battle blaze near river",
              "Cal Fire crews battled flames along the Sacramento River bank.", outlet="y")]
BRIDGE = art("h3", "Redding wildfire: Cal Fire crews battle blaze as residents evacuate",
             "Cal Fire crews battled the Shasta County wildfire along the Sacramento River as "
             "Redding residents evacuate.", outlet="z", published="2021-08-11")


def test_a_merge_in_a_later_ingest_redirects_the_absorbed_id(store: Store) -> None:
    put(store, HALVES)
    pipeline.update_stories(store, SETTINGS, model=dataclasses.replace(EAGER, join=0.9))
    first = {s.id for s in store.stories()}
    assert len(first) == 2
    put(store, [BRIDGE])
    report = pipeline.update_stories(store, SETTINGS, model=EAGER)
    (story,) = store.stories()
    assert report.merged == 1 and set(story.article_ids) == {"h1", "h2", "h3"}
    assert story.id in first and {store.resolve_story(s) for s in first} == {story.id}
    (absorbed,) = first - {story.id}
    assert story.merged_from == (absorbed,)
    rows = list(store.export_rows("stories"))
    assert {r["merged_from"] == [absorbed] for r in rows} == {True}


def test_a_store_of_another_state_format_is_clustered_again(store: Store) -> None:
    put(store, ALL)
    pipeline.update_stories(store, SETTINGS)
    store.save_story_changes(StoryChanges(meta={"format": b"stories-0"}))
    report = pipeline.update_stories(store, SETTINGS)
    assert report.placed == len(ALL) and groups(store) == {frozenset(s.article_ids)
                                                          for s in cluster_articles(ALL)}


def test_publish_reads_the_stored_stories_and_clusters_nothing(store: Store, tmp_path: Path) -> None:
    put(store, ALL)
    pipeline.update_stories(store, SETTINGS)
    late = art("a9", "Redding wildfire: evacuation orders lifted",
               "Cal Fire lifted evacuation orders in Redding.", published="2021-08-12")
    put(store, [late])
    store.add_source(Source("https://nyt.example/feed", title="nyt", leaning="left"))
    store.add_source(Source("https://fox.example/feed", title="fox", leaning="right"))
    edition, _ = pipeline.publish(store, SETTINGS, created="2021-08-13T00:00:00+00:00",
                                  out_dir=tmp_path / "out", everything=True)
    assert store.unclustered() == ["a9"]  # brief did not place it: ingest does
    assert all("a9" not in s.article_ids for s in edition.stories)
    fire = next(s for s in edition.stories if "a1" in s.article_ids)
    assert fire.perspectives is not None
    assert dict(fire.perspectives.coverage) == {"left": 1, "centre": 0, "right": 1, "unknown": 1}
