"""Which stories lead an edition, and who independently covered each one.

A story's weight is the number of *distinct outlets* that reported it on their own: an article the
cluster stage marked as a near-duplicate (wire copy, syndication) is a member of the story but adds
no outlet, so ten papers re-printing one agency story do not outrank three papers that each sent a
reporter. Ties are broken by recency (``last_published``), then the number of articles, then the
story id, so the order is a pure function of the input.

The helpers here (``duplicate_roots``, ``independent_ids``, ``member_analyses``) are shared by the
summariser and the voices module: every part of the brief agrees on what "independent" means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from broadsheet.model import Analysis, Story
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
    if name is None:
        return None
    key = " ".join(name.casefold().split())
    return key or None


def distinct_outlets(story: Story, analyses: Mapping[str, Analysis]) -> int:
    """How many different outlets covered ``story`` independently (duplicates not counted).

    Falls back to the story's own ``outlets`` list when no member's outlet is known.
    """
    keys = {
        outlet_key(analyses[aid].article.outlet)
        for aid in independent_ids(story)
        if aid in analyses
    }
    keys.discard(None)
    if keys:
        return len(keys)
    return len({k for k in map(outlet_key, story.outlets) if k is not None})




def last_published(story: Story, analyses: Mapping[str, Analysis]) -> float | None:
    """The story's ``last_published``, else the latest member publication date, as a timestamp."""
    own = timestamp(story.last_published)
    if own is not None:
        return own
    stamps = [timestamp(a.article.published) for a in member_analyses(story, analyses)]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


def rank_key(story: Story, analyses: Mapping[str, Analysis]) -> tuple[int, float, int, str]:
    """Sort key: more outlets, then more recent, then more articles, then id (ascending)."""
    recent = last_published(story, analyses)
    return (
        -distinct_outlets(story, analyses),
        -(recent if recent is not None else _NO_TIME),
        -len(story.article_ids),
        story.id,
    )


def rank_stories(stories: Sequence[Story], analyses: Mapping[str, Analysis]) -> list[Story]:
    """``stories`` from most to least important (see the module docstring for the order)."""
    return sorted(stories, key=lambda story: rank_key(story, analyses))
