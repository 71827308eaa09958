"""Perspectives of a story: its outlets by leaning, its blindspot, its timeline and key claims.

- **Leaning.** Each outlet carries the leaning its source was given by the user (``leanings``: an
  outlet name -> left, centre, right; "lean left" counts as left, "center" as centre, anything else
  or no entry as unknown). No ratings table ships: none is free to redistribute.
- **Blindspot** (as Ground News and AllSides show it): a story that one side covers and the other
  does not — at least ``BLINDSPOT_MIN`` outlets of one side (left or right) and none of the other.
  The result names the side that missed it. Centre outlets count for neither side.
- **Timeline**: every member in publication order (undated last), copies marked.
- **Claims**: ``corroboration.key_claims``.

Voices (who said what, with the kind of speaker) are built by ``brief/voices.py`` with
``speakers.speaker_kind``. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from broadsheet.model import Analysis, Article, OutletCoverage, Perspectives, Story, TimelineEntry
from broadsheet.stories.corroboration import key_claims
from broadsheet.text import name_key

LEANINGS = ("left", "centre", "right", "unknown")
BLINDSPOT_MIN = 2
_SYNONYMS = {"left": "left", "lean left": "left", "leans left": "left", "center left": "left",
             "centre left": "left", "liberal": "left", "centre": "centre", "center": "centre",
             "middle": "centre", "neutral": "centre", "right": "right", "lean right": "right",
             "leans right": "right", "center right": "right", "centre right": "right",
             "conservative": "right"}


def leaning(value: str | None) -> str:
    """A user's leaning label as left, centre, right or unknown."""
    key = " ".join((value or "").casefold().replace("-", " ").split())
    return _SYNONYMS.get(key, "unknown")


def _lookup(leanings: Mapping[str, str]) -> dict[str, str]:
    return {name_key(outlet): leaning(value) for outlet, value in leanings.items()}


def outlet_coverage(story: Story, articles: Mapping[str, Article],
                    leanings: Mapping[str, str]) -> tuple[OutletCoverage, ...]:
    """Each outlet of the story once, in order of first appearance, with its leaning."""
    known = _lookup(leanings)
    copies = {a for a, _ in story.duplicates}
    grouped: dict[str, tuple[str, list[str]]] = {}
    for aid in story.article_ids:
        article = articles.get(aid)
        outlet = article.outlet if article and article.outlet else None
        if outlet is not None:
            grouped.setdefault(name_key(outlet), (outlet, []))[1].append(aid)
    return tuple(
        OutletCoverage(outlet=name, leaning=known.get(key, "unknown"), article_ids=tuple(ids),
                       copies=sum(1 for i in ids if i in copies))
        for key, (name, ids) in grouped.items()
    )


def blindspot(outlets: tuple[OutletCoverage, ...]) -> str | None:
    """The side that did not cover a story the other side did (see the module docstring)."""
    sides = Counter(o.leaning for o in outlets)
    if sides["right"] >= BLINDSPOT_MIN and not sides["left"]:
        return "left"
    if sides["left"] >= BLINDSPOT_MIN and not sides["right"]:
        return "right"
    return None


def timeline(story: Story, articles: Mapping[str, Article]) -> tuple[TimelineEntry, ...]:
    """The members in publication order (undated last, ties by id)."""
    copies = dict(story.duplicates)
    entries = [TimelineEntry(a.published, a.id, a.outlet, a.title, copies.get(a.id))
               for aid in story.article_ids if (a := articles.get(aid)) is not None]
    return tuple(sorted(entries, key=lambda e: (e.published is None, e.published or "",
                                                e.article_id)))


def perspectives(story: Story, articles: Mapping[str, Article], leanings: Mapping[str, str],
                 analyses: Mapping[str, Analysis] | None = None) -> Perspectives:
    """Everything above for one story."""
    outlets = outlet_coverage(story, articles, leanings)
    counts = Counter(o.leaning for o in outlets)
    return Perspectives(
        outlets=outlets,
        coverage=tuple((side, counts[side]) for side in LEANINGS),
        blindspot=blindspot(outlets),
        timeline=timeline(story, articles),
        claims=key_claims(story, articles, analyses),
    )
