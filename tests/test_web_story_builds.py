"""A story page is built once per change of its story (``web.views.StoryBuilds``): a write to the
store elsewhere keeps it, a change to one of its articles' analyses or to the leanings builds it
again. Over a real SQLite store (``webstore``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from broadsheet.bench.edition import BIG_STORY, big_story_rows
from broadsheet.model import Rejected
from broadsheet.store import Store
from broadsheet.web import views
from test_brief_data import KIM
from webstore import SETTINGS, build_store


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stories built, in order."""
    built: list[str] = []
    real = views.edition_story

    def counting(story, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(story.id)
        return real(story, *args, **kwargs)

    monkeypatch.setattr(views, "edition_story", counting)
    return built


def test_a_story_page_is_built_again_only_when_its_story_changes(tmp_path: Path,
                                                                  counted: list[str]) -> None:
    build_store(tmp_path / "s.db")
    builds = views.StoryBuilds()
    with Store.open(tmp_path / "s.db") as store:
        first = views.live_story(store, SETTINGS, KIM, builds)
        assert views.live_story(store, SETTINGS, KIM, builds) == first and counted == [KIM]
        store.put_rejection(Rejected(source="elsewhere.html", stage="extract", reason="not_article",
                                     detail="a page of another story"))
        assert views.live_story(store, SETTINGS, KIM, builds) == first and counted == [KIM]
        assert views.live_story(store, SETTINGS, KIM) == first and counted == [KIM, KIM]  # no cache

        member = store.story(KIM).article_ids[0]  # type: ignore[union-attr]
        analysis = store.get_analysis(member)
        assert analysis is not None and analysis.attributions
        store.put_analysis(replace(analysis, attributions=analysis.attributions[1:]))
        again = views.live_story(store, SETTINGS, KIM, builds)
        assert counted == [KIM, KIM, KIM] and again != first


def test_only_the_newest_builds_are_kept(tmp_path: Path, counted: list[str]) -> None:
    build_store(tmp_path / "s.db")
    builds = views.StoryBuilds(size=1)
    with Store.open(tmp_path / "s.db") as store:
        views.live_story(store, SETTINGS, KIM, builds)
        views.live_story(store, SETTINGS, "s-evil", builds)
        views.live_story(store, SETTINGS, KIM, builds)
        views.live_story(store, SETTINGS, KIM, builds)
    assert counted == [KIM, "s-evil", KIM]


def test_the_big_story_bench_builds_one_story_of_the_stores_articles(tmp_path: Path,
                                                                    counted: list[str]) -> None:
    build_store(tmp_path / "s.db")
    rows = big_story_rows(tmp_path / "s.db")
    with Store.open(tmp_path / "s.db") as store:
        analysed = len(list(store.articles(analysed=True)))
        assert store.story(KIM) is not None  # measured on a copy: the store keeps its stories
    assert [r.documents for r in rows] == [min(n, analysed) for n in BIG_STORY]
    assert counted == [f"big-{n}" for n in BIG_STORY]  # built once each, kept after the write
    assert all(r.metrics["first_build_cpu_s"] > 0 for r in rows)
