"""Good News: the lexicon scorer's rules, and its figure on the hand-labelled fixture."""

from __future__ import annotations

import json
from datetime import date

from broadsheet.bench.edition import FIXTURE, good_news_rows
from broadsheet.brief import build_edition, goodnews
from broadsheet.brief.window import window
from broadsheet.model import Analysis, Story
from test_brief_data import corpus, make_article


def test_the_fixture_holds_at_least_fifty_labelled_stories_of_mit_text() -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 50 and 10 <= sum(r["good"] for r in rows) < len(rows)
    assert all(r["url"].startswith("http") and r["title"] and r["lead"] for r in rows)
    assert (FIXTURE.parent / "LICENSE.md").read_text().count("MIT") >= 1


def test_the_scorer_beats_calling_everything_good_news() -> None:
    rows = {r.system: r.metrics for r in good_news_rows() if r.dataset.startswith("goodnews (")}
    assert rows["broadsheet lexicon"]["F1"] > rows["baseline: all good"]["F1"] + 0.3
    assert rows["broadsheet lexicon"]["accuracy"] > rows["baseline: none good"]["accuracy"]


def test_events_not_moods_and_negation_and_relief() -> None:
    assert goodnews.positivity(["Volunteers rescue stranded hikers"], []) > goodnews.THRESHOLD
    assert goodnews.positivity(["Gunman kills three at school"], []) == -1.0  # a grave harm vetoes
    assert goodnews.positivity(["Police rescue kidnapped girl"], []) > -1.0  # unless it is relieved
    assert goodnews.positivity(["New phone launch lifts shares"], []) < goodnews.THRESHOLD
    good, harm, _ = goodnews.tally("No one was hurt in the fire")
    assert good > 0 and harm > 0  # "hurt" turned to relief, the fire still counts


def test_a_weekly_edition_has_a_good_news_section_and_a_daily_one_has_none() -> None:
    stories, analyses = corpus()
    title = "Missing cat found and reunited with family after five years"
    cat = make_article("cat", "Gazette", title, [
        "A cat missing for five years was found and reunited with her family on Saturday after "
        "volunteers at an animal shelter scanned her microchip."], published="2025-10-04T12:00:00+00:00")
    everything = [*stories, Story(id="s-cat", title=cat.title, article_ids=("cat",))]
    every = {**analyses, "cat": Analysis(cat)}
    weekly = build_edition(everything, every, title="t", created="2025-10-05T00:00:00+00:00",
                           window=window(date(2025, 10, 4), "weekly", "UTC"))
    assert [(s.key, s.story_ids) for s in weekly.sections if s.key == "good-news"] == [
        ("good-news", ("s-cat",))]
    cat_story = next(s for s in weekly.stories if s.story_id == "s-cat")
    assert cat_story.section == "good-news" and cat_story.positivity and cat_story.positivity >= 0.35
    daily = build_edition(everything, every, title="t", created="2025-10-05T00:00:00+00:00")
    assert all(s.key != "good-news" for s in daily.sections)
    assert all(s.positivity is None for s in daily.stories)
