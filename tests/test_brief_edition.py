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
    assert len(kim.summary) == 3 and kim.voices
    assert edition.stories[2].voices == ()


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
    assert len(edition.stories[0].summary) == 2


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
