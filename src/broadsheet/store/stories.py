"""Stories: ``stories`` (one row each, in ranked order) and ``story_articles`` (the members).

Clustering looks at the whole store, so its result replaces the previous one wholesale
(``replace_stories``) instead of being merged story by story. A member's ``duplicate_of`` names
the article it nearly duplicates; ``Story.duplicates`` is rebuilt from those, in member order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from broadsheet.errors import StoreError
from broadsheet.model import Story
from broadsheet.store.articles import dumps

_INSERT_STORY = """
INSERT INTO stories (id, ord, title, outlets, first_published, last_published)
VALUES (?, ?, ?, ?, ?, ?)
"""
_INSERT_MEMBER = """
INSERT INTO story_articles (story_id, ord, article_id, duplicate_of) VALUES (?, ?, ?, ?)
"""


def replace_stories(conn: sqlite3.Connection, stories: Sequence[Story]) -> None:
    """Delete every stored story and store ``stories`` instead (call inside a transaction)."""
    for story in stories:
        _check(story)
    conn.execute("DELETE FROM stories")
    for rank, story in enumerate(stories):
        conn.execute(_INSERT_STORY, (
            story.id, rank, story.title, dumps(story.outlets),
            story.first_published, story.last_published,
        ))
        conn.executemany(_INSERT_MEMBER, _members(story))


def _check(story: Story) -> None:
    """Refuse duplicate pairs that could not be stored faithfully (a non-member, a repeat)."""
    marked = [a for a, _ in story.duplicates]
    strays = sorted(set(marked) - set(story.article_ids))
    if strays:
        raise StoreError(f"store: story {story.id} marks non-members as duplicates: {strays}")
    if len(set(marked)) != len(marked):
        raise StoreError(f"store: story {story.id} marks an article as a duplicate twice")


def _members(story: Story) -> list[tuple[str, int, str, str | None]]:
    duplicate_of = dict(story.duplicates)
    return [
        (story.id, i, article_id, duplicate_of.get(article_id))
        for i, article_id in enumerate(story.article_ids)
    ]


def stories(conn: sqlite3.Connection) -> list[Story]:
    """Every stored story, in the order they were given to ``replace_stories``."""
    members = _members_by_story(conn)
    rows = conn.execute("SELECT * FROM stories ORDER BY ord").fetchall()
    return [_story(row, members.get(row["id"], [])) for row in rows]


def _members_by_story(conn: sqlite3.Connection) -> dict[str, list[sqlite3.Row]]:
    grouped: dict[str, list[sqlite3.Row]] = {}
    sql = "SELECT story_id, article_id, duplicate_of FROM story_articles ORDER BY story_id, ord"
    for row in conn.execute(sql):
        grouped.setdefault(row["story_id"], []).append(row)
    return grouped


def _story(row: sqlite3.Row, members: list[sqlite3.Row]) -> Story:
    return Story(
        id=row["id"], title=row["title"],
        article_ids=tuple(m["article_id"] for m in members),
        outlets=tuple(json.loads(row["outlets"])),
        duplicates=tuple(
            (m["article_id"], m["duplicate_of"]) for m in members if m["duplicate_of"] is not None
        ),
        first_published=row["first_published"], last_published=row["last_published"],
    )
