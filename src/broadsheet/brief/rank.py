"""Which stories lead an edition, and who independently covered each one.

A story's weight is the number of *distinct outlets* that reported it on their own: an article the
cluster stage marked as a near-duplicate (wire copy, syndication) is a member of the story but adds
no outlet, so ten papers re-printing one agency story do not outrank three papers that each sent a
reporter. To that is added its **growth since the previous edition** of the same kind: the
distinct outlets among the members that edition did not carry (a story new since then counts all
its outlets twice; a story that gained nothing counts none), so yesterday's big story gives way to
today's news unless outlets kept reporting it. Ties are broken by recency (``last_published``),
then the number of articles, then the story id, so the order is a pure function of the input.
Last, **a story that led the previous edition does not lead again**: if it comes first, it swaps
with the second.

The helpers here (``duplicate_roots``, ``independent_ids``, ``member_analyses``) are shared by the
summariser and the voices module: every part of the brief agrees on what "independent" means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from broadsheet.model import Analysis, Edition, Story
from broadsheet.text import normal
from broadsheet.timestamps import timestamp

_NO_TIME = float("-inf")


def duplicate_roots(story: Story) -> dict[str, str]:
    """Map every member article id to the original it (transitively) duplicates, or to itself.

    Chains (C duplicates B duplicates A) resolve to A; a pair pointing outside the story is
    ignored; a cycle resolves to its smallest id, so the answer never depends on the start.
    """
    members = set(story.article_ids)
    points_to = {a: b for a, b in story.duplicates if a in members and b in members and a != b}
    return {aid: _root(aid, points_to) for aid in story.article_ids}


def _root(aid: str, points_to: Mapping[str, str]) -> str:
    seen = [aid]
    current = aid
    while current in points_to:
        current = points_to[current]
        if current in seen:
            return min(seen[seen.index(current):])
        seen.append(current)
    return current


def independent_ids(story: Story) -> tuple[str, ...]:
    """Member article ids that duplicate no other member, in story order."""
    roots = duplicate_roots(story)
    return tuple(aid for aid in story.article_ids if roots[aid] == aid)


def member_analyses(story: Story, analyses: Mapping[str, Analysis]) -> list[Analysis]:
    """The analyses of the story's members that are present, in story order."""
    return [analyses[aid] for aid in story.article_ids if aid in analyses]


def outlet_key(name: str | None) -> str | None:
    """The comparison key of an outlet name ("BBC News" == "bbc news "), None when unknown."""
    return normal(name) or None if name is not None else None


@dataclass(frozen=True)
class Previous:
    """What the previous edition of the same kind carried: each story's article ids, and its lead."""

    articles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    lead: str | None = None
    edition_id: str | None = None

    @classmethod
    def of(cls, edition: Edition | None) -> Previous:
        """The record of ``edition`` (an empty one for None: there was no previous edition)."""
        if edition is None:
            return cls()
        carried = {s.story_id: frozenset(s.article_ids) for s in edition.stories}
        lead = min(edition.stories, key=lambda s: s.rank).story_id if edition.stories else None
        return cls(carried, lead, edition.id)

    def new_members(self, story: Story) -> tuple[str, ...]:
        """The members of ``story`` the previous edition did not carry."""
        seen = self.articles.get(story.id, frozenset())
        return tuple(aid for aid in story.article_ids if aid not in seen)


def _outlet_keys(ids: Sequence[str], analyses: Mapping[str, Analysis]) -> set[str]:
    keys = {outlet_key(analyses[aid].article.outlet) for aid in ids if aid in analyses}
    return {k for k in keys if k is not None}


def distinct_outlets(story: Story, analyses: Mapping[str, Analysis]) -> int:
    """How many different outlets covered ``story`` independently (duplicates not counted).

    Falls back to the story's own ``outlets`` list when no member's outlet is known.
    """
    keys = _outlet_keys(independent_ids(story), analyses)
    if keys:
        return len(keys)
    return len({k for k in map(outlet_key, story.outlets) if k is not None})


def growth(story: Story, analyses: Mapping[str, Analysis], previous: Previous) -> int:
    """Distinct independent outlets among the members the previous edition did not carry."""
    new = set(previous.new_members(story))
    if not previous.articles.get(story.id):
        return distinct_outlets(story, analyses)
    return len(_outlet_keys([aid for aid in independent_ids(story) if aid in new], analyses))


def last_published(story: Story, analyses: Mapping[str, Analysis]) -> float | None:
    """The story's ``last_published``, else the latest member publication date, as a timestamp."""
    own = timestamp(story.last_published)
    if own is not None:
        return own
    stamps = [timestamp(a.article.published) for a in member_analyses(story, analyses)]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


def rank_key(
    story: Story, analyses: Mapping[str, Analysis], previous: Previous | None = None
) -> tuple[int, float, int, str]:
    """Sort key: more outlets plus growth, then more recent, then more articles, then id."""
    recent = last_published(story, analyses)
    weight = distinct_outlets(story, analyses) + growth(story, analyses, previous or Previous())
    return (
        -weight,
        -(recent if recent is not None else _NO_TIME),
        -len(story.article_ids),
        story.id,
    )


def rank_stories(
    stories: Sequence[Story], analyses: Mapping[str, Analysis], previous: Previous | None = None
) -> list[Story]:
    """``stories`` from most to least important (see the module docstring for the order)."""
    ranked = sorted(stories, key=lambda story: rank_key(story, analyses, previous))
    if previous and previous.lead and len(ranked) > 1 and ranked[0].id == previous.lead:
        ranked[0], ranked[1] = ranked[1], ranked[0]
    return ranked
