"""Stories kept in the store: ingest adds to them, ids never change, merges redirect, brief reads.

Real SQLite files; the articles are the synthetic news items of ``test_stories.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broadsheet import pipeline
from broadsheet.model import Analysis, Article, Source, Story
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


# --- stories round 50: the store path read and written in bulk, the same rows ------------------

def test_the_chunks_inputs_are_read_in_bulk_as_one_by_one(store: Store) -> None:
    from broadsheet.model import Entity

    named = Analysis(FIRE[0], entities=(Entity("Redding", "GPE", "Redding", (0, 7)),
                                        Entity("Cal Fire", "ORG", "Cal Fire", (9, 17))))
    with store.transaction():
        store.put_analysis(named)
        store.put_analysis(Analysis(FIRE[1]))
        store.put_article(SENATE[0])  # stored, never analysed
    ids = [FIRE[1].id, "missing", SENATE[0].id, FIRE[0].id]
    found = store.cluster_inputs(ids)
    one_by_one = {}
    for aid in ids:
        analysis = store.get_analysis(aid)
        article = analysis.article if analysis else store.get_article(aid)
        if article is not None:
            one_by_one[aid] = (article, analysis.entities if analysis else ())
    assert found == one_by_one
    assert found[FIRE[0].id][1] == named.entities  # in their stored order
    assert "missing" not in found and found[SENATE[0].id][1] == ()


def _ords(store: Store) -> dict[str, int]:
    return {row[0]: row[1] for row in store._db.conn.execute("SELECT id, ord FROM stories")}


def _story(sid: str, article: Article) -> tuple[Story, bytes]:
    return Story(id=sid, title=article.title, article_ids=(article.id,)), b"state-" + sid.encode()


def test_new_stories_are_minted_after_the_stored_ones_and_old_ones_keep_their_place(
        store: Store) -> None:
    put(store, [*FIRE, *SENATE])
    store.save_story_changes(StoryChanges(stories=[_story(s, a) for s, a in
                                                   (("s0", FIRE[0]), ("s1", FIRE[1]), ("s2", FIRE[2]))]))
    assert _ords(store) == {"s0": 0, "s1": 1, "s2": 2}
    # s2 (the last minted) is absorbed, s1 changes, two new stories come: they follow s1
    store.save_story_changes(StoryChanges(
        stories=[_story("s1", FIRE[1]), _story("s4", SENATE[0]), _story("s3", SENATE[1])],
        absorbed={"s2": "s0"}))
    assert _ords(store) == {"s0": 0, "s1": 1, "s4": 2, "s3": 3}
    assert [s.id for s in store.stories()] == ["s0", "s1", "s4", "s3"]


def test_a_states_look_up_reads_each_story_once_and_only_those_posted(store: Store) -> None:
    put(store, [*FIRE, *SENATE])
    stories = [_story(s, a) for s, a in (("s0", FIRE[0]), ("s1", FIRE[1]), ("s2", FIRE[2]),
                                         ("s3", SENATE[0]))]
    postings = [(7, 10, "s0"), (7, 11, "s0"), (8, 10, "s0"), (7, 13, "s1"), (8, -1, "s2"),
                (9, 10, "s3")]
    store.save_story_changes(StoryChanges(stories=stories, postings=postings))
    states = store.story_states([(7, 10, 11), (8, 9, 10), (7, 12, 12)])
    assert states == [b"state-s0", b"state-s2"]  # s0 under three ranges, s2 undated under term 8
    assert store.story_states([(7, 10, 13)]) == [b"state-s0", b"state-s1"]
    assert store.story_states([(5, 0, 99)]) == []


def test_the_collector_skips_older_objects_only_while_stories_are_placed(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[int] = []
    place = pipeline._place_chunk

    def spying(*args: Any) -> None:
        seen.append(gc.get_freeze_count())
        place(*args)
        raise RuntimeError("stop")

    put(store, ALL)
    monkeypatch.setattr(pipeline, "_place_chunk", spying)
    with pytest.raises(RuntimeError):
        pipeline.update_stories(store, SETTINGS)
    assert seen and seen[0] > 1000  # the heap that lived before is frozen while placing
    assert gc.get_freeze_count() == 0  # and taken back, even when placing fails
