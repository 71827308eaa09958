"""build_edition: ranked, summarised, voiced, deterministic, with a stable id."""

from __future__ import annotations

import pytest

from broadsheet.brief import build_edition
from broadsheet.brief.edition import edition_id
from broadsheet.errors import ConfigError
from broadsheet.model import Story
from test_brief_data import COUNCIL, JAPAN, KIM, corpus

CREATED = "2025-10-05T06:00:00+00:00"


def test_edition_ranks_and_fills_every_story() -> None:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="Morning brief", created=CREATED)
    assert (edition.title, edition.created) == ("Morning brief", CREATED)
    assert [s.story_id for s in edition.stories] == [KIM, JAPAN, COUNCIL]
    assert [s.rank for s in edition.stories] == [1, 2, 3]
    kim = edition.stories[0]
    assert kim.outlets[0] == "The Week" and len(kim.outlets) == 5
    assert kim.article_ids == stories[2].article_ids
    assert kim.duplicates == (("k-abc", "k-ap"),)
    assert kim.published == "2023-09-05T16:00:00+01:00"
    assert len(kim.summary) == 4 and kim.voices  # a Feature: one sentence more than asked
    assert edition.stories[2].voices == ()


def test_sections_features_speed_reads_and_in_brief_with_a_contents_list() -> None:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="t", created=CREATED)
    assert [(s.key, s.story_ids) for s in edition.sections] == [
        ("features", (KIM, JAPAN)), ("in-brief", (COUNCIL,))]
    assert [s.section for s in edition.stories] == ["feature", "feature", "brief"]
    assert len(edition.stories[2].summary) == 1  # In Brief: one sentence
    kim = edition.stories[0]
    assert kim.saying and len(kim.saying) <= 4
    assert all(len(v.quotes) == 1 and v.kind for v in kim.saying)


def test_every_story_carries_its_coverage_and_dates() -> None:
    stories, analyses = corpus()
    kim = build_edition(stories, analyses, title="t", created=CREATED).stories[0]
    assert [c.article_id for c in kim.coverage] == list(kim.article_ids)
    abc = next(c for c in kim.coverage if c.article_id == "k-abc")
    assert (abc.outlet, abc.duplicate_of, abc.url) == (
        "ABC News", "k-ap", "https://abcnews.go.com/International/wireStory/kim-putin")
    assert abc.title == analyses["k-abc"].article.title and abc.published == "2023-09-05T14:20:00+00:00"
    assert kim.first_published == "2023-09-05T09:00:00+00:00"
    assert kim.last_published == "2023-09-05T16:00:00+01:00"


def test_a_story_that_led_the_previous_edition_does_not_lead_again() -> None:
    stories, analyses = corpus()
    first = build_edition(stories, analyses, title="t", created=CREATED)
    again = build_edition(stories, analyses, title="t", created="2025-10-06T06:00:00+00:00",
                          previous=first)
    assert first.stories[0].story_id == KIM
    assert [s.story_id for s in again.stories][:2] == [JAPAN, KIM]
    assert again.previous == first.id
    assert all(s.new_articles == 0 for s in again.stories)


def test_growth_since_the_previous_edition_outranks_a_bigger_story_that_stood_still() -> None:
    stories, analyses = corpus()
    kim, japan = stories[2], stories[1]
    before = build_edition([kim], analyses, title="t", created=CREATED)
    after = build_edition([kim, japan], analyses, title="t", created="2025-10-06T06:00:00+00:00",
                          previous=before)
    # Kim: 4 outlets, no growth (4); Japan: 2 outlets, all new (2 + 2) and Kim led before
    assert [s.story_id for s in after.stories] == [JAPAN, KIM]
    assert after.stories[0].new_articles == 2


def test_edition_is_deterministic_and_order_independent() -> None:
    stories, analyses = corpus()
    first = build_edition(stories, analyses, title="t", created=CREATED)
    again = build_edition(list(reversed(stories)), dict(reversed(analyses.items())), title="t",
                          created=CREATED)
    assert first == again


def test_edition_id_depends_on_time_and_selection() -> None:
    stories, analyses = corpus()
    base = build_edition(stories, analyses, title="t", created=CREATED)
    later = build_edition(stories, analyses, title="t", created="2025-10-06T06:00:00+00:00")
    fewer = build_edition(stories, analyses, title="t", created=CREATED, max_stories=2)
    assert len({base.id, later.id, fewer.id}) == 3
    assert base.id == edition_id(CREATED, [KIM, JAPAN, COUNCIL])
    assert base.id.startswith("e") and len(base.id) == 17


def test_max_stories_and_summary_length() -> None:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="t", created=CREATED, max_stories=1,
                            summary_sentences=2)
    assert [s.story_id for s in edition.stories] == [KIM]
    assert len(edition.stories[0].summary) == 3  # a Feature: one more than asked


def test_outlets_and_date_come_from_members_when_the_story_lacks_them() -> None:
    _, analyses = corpus()
    bare = Story(id="bare", title="Bare", article_ids=("j-nhk", "j-reuters"))
    story = build_edition([bare], analyses, title="t", created=CREATED).stories[0]
    assert story.outlets == ("NHK", "Reuters")
    assert story.published == "2025-10-04T08:00:00+00:00"  # later than 09:00+09:00


def test_negative_limits_are_refused() -> None:
    with pytest.raises(ConfigError):
        build_edition([], {}, title="t", created=CREATED, max_stories=-1)


def test_empty_input_gives_an_empty_edition() -> None:
    edition = build_edition([], {}, title="t", created=CREATED)
    assert edition.stories == ()
