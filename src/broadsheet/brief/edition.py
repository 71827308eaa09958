"""Assemble an Edition: rank the stories, keep the top ones, summarise each and list its voices.

Pure and deterministic: the creation time is passed in (never read from the clock here) and the
edition id is a hash of that time and the ids of the stories it holds, so building the same
edition twice gives an equal value, and a changed selection gives a new id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from broadsheet.brief.rank import member_analyses, rank_stories
from broadsheet.brief.summarize import summarize_story
from broadsheet.brief.voices import story_voices
from broadsheet.errors import ConfigError
from broadsheet.model import Analysis, Edition, EditionStory, Story
from broadsheet.timestamps import timestamp


def edition_id(created: str, story_ids: Sequence[str]) -> str:
    """``e`` + 16 hex digits of SHA-256 over the creation time and the ordered story ids."""
    material = "\n".join([created, *story_ids]).encode("utf-8")
    return "e" + hashlib.sha256(material).hexdigest()[:16]


def story_outlets(story: Story, analyses: Mapping[str, Analysis]) -> tuple[str, ...]:
    """The story's outlets, once each in first-seen order; read from the members if not given."""
    names = list(story.outlets) or [
        a.article.outlet for a in member_analyses(story, analyses) if a.article.outlet
    ]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(" ".join(name.casefold().split()), name)
    return tuple(seen.values())


def story_published(story: Story, analyses: Mapping[str, Analysis]) -> str | None:
    """When the story was last updated.

    ``last_published``, else ``first_published``, else the latest member date (compared as
    instants, so time zones count).
    """
    if story.last_published or story.first_published:
        return story.last_published or story.first_published
    dated = [
        (stamp, a.article.published)
        for a in member_analyses(story, analyses)
        if a.article.published and (stamp := timestamp(a.article.published)) is not None
    ]
    return max(dated)[1] if dated else None


def edition_story(
    story: Story, analyses: Mapping[str, Analysis], *, rank: int, summary_sentences: int
) -> EditionStory:
    """One story of the edition, summarised and with its voices."""
    return EditionStory(
        story_id=story.id,
        title=story.title,
        rank=rank,
        outlets=story_outlets(story, analyses),
        summary=summarize_story(story, analyses, sentences=summary_sentences),
        voices=story_voices(story, analyses),
        article_ids=story.article_ids,
        published=story_published(story, analyses),
        duplicates=story.duplicates,
    )


def build_edition(
    stories: Sequence[Story],
    analyses: Mapping[str, Analysis],
    *,
    title: str,
    created: str,
    max_stories: int = 30,
    summary_sentences: int = 3,
) -> Edition:
    """The edition of the ``max_stories`` most important ``stories``, ranked from 1."""
    if max_stories < 0 or summary_sentences < 0:
        raise ConfigError(
            f"max_stories and summary_sentences must be >= 0 (got {max_stories}, "
            f"{summary_sentences})"
        )
    chosen = rank_stories(stories, analyses)[:max_stories]
    items = tuple(
        edition_story(story, analyses, rank=rank, summary_sentences=summary_sentences)
        for rank, story in enumerate(chosen, start=1)
    )
    return Edition(
        id=edition_id(created, [s.id for s in chosen]), title=title, created=created, stories=items
    )
