"""Assemble an Edition: rank the window's stories, sort them into sections, summarise and voice each.

Sections, in reading order (``SECTIONS``):
- **Features**: the ``FEATURES`` highest-ranked stories that several outlets covered, each with a
  longer Speed Read (one sentence more, at most four) and "What they're saying" (``features``);
- **Speed Reads**: the other stories several outlets covered, two to four sentences each;
- **Good News** (weekly editions only): up to ``GOOD_NEWS`` stories whose sources read positive
  (``goodnews.positivity`` at least ``goodnews.THRESHOLD``), most positive first, taken from every
  story of the window that is not a Feature, however few outlets covered it;
- **In Brief**: stories from one outlet, one sentence each.
``max_stories`` caps the whole edition; ``rank`` is the reading order, 1 first.

Every story carries what its pages show, so the edition renders from this one value: its coverage
(title, outlet, url, date and leaning of each article), its dates, the entities its articles name,
its voices and how much it grew since the previous edition.

Pure and deterministic: the creation time is passed in (never read from the clock here) and the
edition id is a hash of that time and the ids of the stories it holds, so building the same
edition twice gives an equal value, and a changed selection gives a new id.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from broadsheet.brief import goodnews
from broadsheet.brief.features import FEATURES, saying
from broadsheet.brief.rank import Previous, distinct_outlets, member_analyses, outlet_key, rank_stories
from broadsheet.brief.summarize import summarize_story
from broadsheet.brief.voices import story_voices
from broadsheet.brief.window import Window
from broadsheet.errors import ConfigError
from broadsheet.model import Analysis, Coverage, Edition, EditionStory, Section, Story, StoryEntity
from broadsheet.stories.perspectives import perspectives
from broadsheet.timestamps import timestamp

SECTIONS = (("features", "Features"), ("speed-reads", "Speed Reads"), ("good-news", "Good News"),
            ("in-brief", "In Brief"))
SECTION_OF_STORY = {"features": "feature", "speed-reads": "speed-read", "good-news": "good-news",
                    "in-brief": "brief"}
GOOD_NEWS = 5
MAX_SUMMARY = 4
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"})
MAX_ENTITIES = 12


@dataclass(frozen=True)
class Options:
    """How an edition is built (the settings the CLI passes down)."""

    title: str
    created: str
    max_stories: int = 30
    summary_sentences: int = 3
    window: Window | None = None
    previous: Edition | None = None
    leanings: Mapping[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.window.kind if self.window else "daily"


def edition_id(created: str, story_ids: Sequence[str], kind: str = "daily",
               date: str | None = None) -> str:
    """``e`` + 16 hex digits of SHA-256 over the creation time, the ordered story ids and (when
    not daily, when dated) the kind and the day: the daily and the weekly edition made at the same
    moment from the same stories are two editions (two letters, two ledgers)."""
    extra = ([f"kind={kind}"] if kind != "daily" else []) + ([f"date={date}"] if date else [])
    material = "\n".join([created, *story_ids, *extra]).encode("utf-8")
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


def _member_dates(story: Story, analyses: Mapping[str, Analysis]) -> list[tuple[float, str]]:
    return sorted(
        (stamp, a.article.published)
        for a in member_analyses(story, analyses)
        if a.article.published and (stamp := timestamp(a.article.published)) is not None
    )


def story_dates(story: Story, analyses: Mapping[str, Analysis]) -> tuple[str | None, str | None]:
    """``(first, last)`` publication of the story: its own dates, else its members' (as instants)."""
    dated = _member_dates(story, analyses)
    first = story.first_published or (dated[0][1] if dated else None)
    last = story.last_published or (dated[-1][1] if dated else None)
    return first or last, last or first


def story_published(story: Story, analyses: Mapping[str, Analysis]) -> str | None:
    """When the story was last updated (see ``story_dates``)."""
    return story_dates(story, analyses)[1]


def coverage(story: Story, analyses: Mapping[str, Analysis],
             leanings: Mapping[str, str]) -> tuple[Coverage, ...]:
    """Every member article as the story page lists it, near-duplicates naming their original."""
    originals = dict(story.duplicates)
    entries = []
    for a in member_analyses(story, analyses):
        article = a.article
        entries.append(Coverage(
            article_id=article.id, title=article.title or article.id, outlet=article.outlet,
            url=article.url, published=article.published, duplicate_of=originals.get(article.id),
            leaning=leanings.get(outlet_key(article.outlet) or ""), version=article.version,
        ))
    return tuple(entries)


def story_entities(story: Story, analyses: Mapping[str, Analysis]) -> tuple[StoryEntity, ...]:
    """The people, organisations and places the story's articles name, most named first."""
    counts: Counter[tuple[str, str]] = Counter()
    for analysis in member_analyses(story, analyses):
        counts.update({(e.canonical, e.label) for e in analysis.entities if e.label in ENTITY_LABELS})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_ENTITIES]
    return tuple(StoryEntity(name, label, n) for (name, label), n in ranked)


def edition_story(story: Story, analyses: Mapping[str, Analysis], *, rank: int,
                  summary_sentences: int, section: str = "speed-read",
                  options: Options | None = None) -> EditionStory:
    """One story of the edition, summarised and with its voices (a Feature also with its
    "What they're saying")."""
    options = options or Options(title="", created="")
    outlets = story_outlets(story, analyses)
    voices = story_voices(story, analyses)
    first, last = story_dates(story, analyses)
    return EditionStory(
        story_id=story.id, title=story.title, rank=rank, outlets=outlets,
        summary=summarize_story(story, analyses, sentences=summary_sentences),
        voices=voices, article_ids=story.article_ids, published=last, duplicates=story.duplicates,
        section=section, saying=saying(voices, outlets) if section == "feature" else (),
        coverage=coverage(story, analyses, options.leanings), first_published=first,
        last_published=last, new_articles=len(Previous.of(options.previous).new_members(story)),
        positivity=goodnews.story_positivity(story, analyses) if options.kind == "weekly" else None,
        entities=story_entities(story, analyses),
        perspectives=perspectives(story, {a.article.id: a.article
                                          for a in member_analyses(story, analyses)},
                                  options.leanings, analyses),
    )


def _sections(ranked: Sequence[Story], analyses: Mapping[str, Analysis],
              options: Options) -> dict[str, list[Story]]:
    """The stories of each section (module docstring), at most ``max_stories`` in all."""
    several = [s for s in ranked if distinct_outlets(s, analyses) > 1]
    features = several[:min(FEATURES, options.max_stories)]
    chosen = {s.id for s in features}
    good: list[Story] = []
    if options.kind == "weekly":
        good = goodnews.good_news([s for s in ranked if s.id not in chosen], analyses)
        good = good[:min(GOOD_NEWS, options.max_stories - len(features))]
        chosen.update(s.id for s in good)
    room = max(0, options.max_stories - len(chosen))
    rest = [s for s in ranked if s.id not in chosen][:room]
    return {
        "features": features,
        "speed-reads": [s for s in rest if distinct_outlets(s, analyses) > 1],
        "good-news": good,
        "in-brief": [s for s in rest if distinct_outlets(s, analyses) <= 1],
    }


def _sentences(section: str, wanted: int) -> int:
    if section == "feature":
        return min(MAX_SUMMARY, wanted + 1)
    return min(1, wanted) if section == "brief" else min(MAX_SUMMARY, wanted)


Plan = dict[str, list[Story]]


def plan_edition(stories: Sequence[Story], analyses: Mapping[str, Analysis], options: Options) -> Plan:
    """Which stories go in which section (ranking, sections, Good News), without summarising.

    Reads only the articles' outlets, dates, titles and leads, so ``analyses`` may hold light
    articles (``Store.article_heads``) for a window of thousands of stories.
    """
    if options.max_stories < 0 or options.summary_sentences < 0:
        raise ConfigError(f"max_stories and summary_sentences must be >= 0 (got "
                          f"{options.max_stories}, {options.summary_sentences})")
    events = [s for s in stories if not s.roundup]  # a digest of unrelated items is no story
    ranked = rank_stories(events, analyses, Previous.of(options.previous))
    return _sections(ranked, analyses, options)


def fill_edition(plan: Plan, analyses: Mapping[str, Analysis], options: Options) -> Edition:
    """The edition of ``plan``: every chosen story summarised, voiced and dated from ``analyses``
    (full analyses of the chosen stories' articles)."""
    items: list[EditionStory] = []
    sections: list[Section] = []
    for key, heading in SECTIONS:
        kind = SECTION_OF_STORY[key]
        for story in plan[key]:
            items.append(edition_story(story, analyses, rank=len(items) + 1, section=kind,
                                       summary_sentences=_sentences(kind, options.summary_sentences),
                                       options=options))
        if plan[key]:
            sections.append(Section(key, heading, tuple(s.id for s in plan[key])))
    window = options.window
    return Edition(
        id=edition_id(options.created, [s.story_id for s in items], options.kind,
                      window.date if window else None), title=options.title,
        created=options.created, stories=tuple(items), kind=options.kind,
        date=window.date if window else None, timezone=window.timezone if window else "UTC",
        window_start=window.start if window else None, window_end=window.end if window else None,
        sections=tuple(sections), previous=options.previous.id if options.previous else None,
    )


def planned_ids(plan: Plan) -> set[str]:
    """The article ids of every story the plan keeps (what ``fill_edition`` needs in full)."""
    return {aid for part in plan.values() for story in part for aid in story.article_ids}


def build_edition(stories: Sequence[Story], analyses: Mapping[str, Analysis], *, title: str,
                  created: str, max_stories: int = 30, summary_sentences: int = 3,
                  window: Window | None = None, previous: Edition | None = None,
                  leanings: Mapping[str, str] | None = None) -> Edition:
    """The edition of the window's ``stories`` (see the module docstring), ranked from 1."""
    options = Options(title, created, max_stories, summary_sentences, window, previous,
                      dict(leanings or {}))
    return fill_edition(plan_edition(stories, analyses, options), analyses, options)
