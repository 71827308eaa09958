"""Stories and the story index: what lets ``ingest`` add to stories instead of rebuilding them.

Tables (schema step 3):

- ``stories`` — one row per live story (``ord``: the order stories were minted in), with
  ``merged_from`` (JSON list of the ids it absorbed) and ``roundup``;
- ``story_articles`` — the members; ``duplicate_of`` names the article a member nearly duplicates;
- ``story_state`` — each story's running representation as bytes (``stories/persist.py``);
- ``story_postings`` — the inverted index: (term bucket, time bucket) -> story;
- ``story_redirects`` — an absorbed story id -> the id that absorbed it (ids never die);
- ``story_meta`` — named blobs: the document frequencies (``idf``) and the ``format`` of the state.

``save_changes`` writes what one clustering pass changed, in one transaction: absorbed stories
go (their rows, state and postings; a redirect stays), changed stories are upserted with their
members and state, new postings and the meta are written. ``load_states`` reads the states a batch
needs, found through the postings. The store knows nothing of how states are encoded: it moves
bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from broadsheet.errors import StoreError
from broadsheet.model import Article, Entity, Story
from broadsheet.store.articles import dumps
from broadsheet.store.db import Connection, Row
from broadsheet.store.reading import articles_by_id

_UPSERT_STORY = """
INSERT INTO stories (id, ord, title, outlets, first_published, last_published, merged_from, roundup)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET title = excluded.title, outlets = excluded.outlets,
    first_published = excluded.first_published, last_published = excluded.last_published,
    merged_from = excluded.merged_from, roundup = excluded.roundup
"""
_INSERT_STORY = """
INSERT INTO stories (id, ord, title, outlets, first_published, last_published, merged_from, roundup)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_MEMBER = """
INSERT INTO story_articles (story_id, ord, article_id, duplicate_of) VALUES (?, ?, ?, ?)
"""
_WANTED = """
SELECT story_id, state FROM story_state WHERE story_id IN (
    SELECT p.story_id FROM temp.story_wanted AS w
    JOIN story_postings AS p ON p.term = w.term AND p.bucket BETWEEN w.low AND w.high
    UNION SELECT p.story_id FROM temp.story_wanted AS w
    JOIN story_postings AS p ON p.term = w.term AND p.bucket = -1)
"""


@dataclass
class StoryChanges:
    """What one clustering pass changed, ready to be written."""

    stories: list[tuple[Story, bytes]] = field(default_factory=list)  # (story, encoded state)
    absorbed: dict[str, str] = field(default_factory=dict)  # absorbed id -> survivor id
    postings: list[tuple[int, int, str]] = field(default_factory=list)  # (term, bucket, story id)
    meta: dict[str, bytes] = field(default_factory=dict)


def save_changes(conn: Connection, changes: StoryChanges) -> None:
    """Write ``changes`` (call inside a transaction)."""
    for story, _ in changes.stories:
        _check(story)
    for absorbed, survivor in changes.absorbed.items():
        conn.execute("DELETE FROM story_postings WHERE story_id = ?", (absorbed,))
        conn.execute("DELETE FROM stories WHERE id = ?", (absorbed,))
        conn.execute("INSERT OR REPLACE INTO story_redirects (absorbed_id, survivor_id) VALUES (?, ?)",
                     (absorbed, survivor))
    minted = _next_ords(conn, [story.id for story, _ in changes.stories])
    for story, state in changes.stories:
        row = _story_row(story)
        conn.execute(_UPSERT_STORY, (row[0], minted.get(story.id, 0), *row[1:]))
        conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
        conn.executemany(_INSERT_MEMBER, _members(story))
        conn.execute("INSERT OR REPLACE INTO story_state (story_id, state) VALUES (?, ?)",
                     (story.id, state))
    live = sorted(p for p in changes.postings if p[2] not in changes.absorbed)  # in key order:
    # the B-tree takes them page by page (about a third less time than in the pass's order)
    conn.executemany("INSERT OR IGNORE INTO story_postings (term, bucket, story_id) VALUES (?, ?, ?)",
                     live)
    conn.executemany("INSERT OR REPLACE INTO story_meta (name, value) VALUES (?, ?)",
                     list(changes.meta.items()))


def _next_ords(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The ``ord`` of each story of ``ids`` not stored yet, in their order after the largest
    stored one (what a ``max(ord)`` per insert gave, read once: ``stories`` has no index on
    ``ord``, so each such read scanned the table; stories round 50)."""
    stored = {row[0] for row in conn.execute(
        "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))}
    start = conn.execute("SELECT coalesce(max(ord), -1) + 1 FROM stories").fetchone()[0]
    fresh = [sid for sid in ids if sid not in stored]
    return {sid: start + k for k, sid in enumerate(fresh)}


def _story_row(story: Story) -> tuple[object, ...]:
    return (story.id, story.title, dumps(story.outlets), story.first_published, story.last_published,
            dumps(story.merged_from), int(story.roundup))


def load_states(conn: Connection, wanted: Sequence[tuple[int, int, int]]) -> list[bytes]:
    """The encoded states of the stories posted under any (term, bucket range) of ``wanted``,
    and of the stories with no date posted under any of its terms. The ranges go into a temporary
    table in one transaction (a deferred one, unless one is open): on a connection that autocommits,
    each row of it would be a transaction of its own, which cost more than the look-up itself.
    The distinct story ids are found first and only then their states read (stories round 50: a
    ``DISTINCT`` over the state blobs themselves sorted every matching posting's blob, four times
    the time for the same states)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_wanted (term INTEGER, low INTEGER, high INTEGER)")
    opened = not conn.in_transaction
    if opened:
        conn.execute("BEGIN")
    try:
        conn.execute("DELETE FROM temp.story_wanted")
        conn.executemany("INSERT INTO temp.story_wanted VALUES (?, ?, ?)", wanted)
        found: dict[str, bytes] = {row[0]: row[1] for row in conn.execute(_WANTED)}
        conn.execute("DELETE FROM temp.story_wanted")
    except BaseException:
        if opened:
            conn.execute("ROLLBACK")
        raise
    if opened:
        conn.execute("COMMIT")
    return [found[k] for k in sorted(found)]


def inputs(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Article, tuple[Entity, ...]]]:
    """What clustering reads of each stored article of ``ids``, in bulk: the article and, when it
    is analysed, its entities in their order (none when it is not); an id not stored is left out.
    Three statements for the whole chunk instead of five an article (stories round 50)."""
    articles = articles_by_id(conn, ids)
    found = json.dumps(sorted(articles))
    analysed = {row[0] for row in conn.execute(
        "SELECT article_id FROM analyses WHERE article_id IN (SELECT value FROM json_each(?))",
        (found,))}
    entities: dict[str, list[Entity]] = {}
    sql = ("SELECT * FROM entities WHERE article_id IN (SELECT value FROM json_each(?)) "
           "ORDER BY article_id, ord")
    for row in conn.execute(sql, (found,)):
        entities.setdefault(row["article_id"], []).append(
            Entity(row["text"], row["label"], row["canonical"], (row["start"], row["end"])))
    return {aid: (article, tuple(entities.get(aid, ())) if aid in analysed else ())
            for aid, article in articles.items()}


def meta(conn: Connection) -> dict[str, bytes]:
    """Every named blob of ``story_meta``."""
    return {row[0]: row[1] for row in conn.execute("SELECT name, value FROM story_meta")}


def resolve(conn: Connection, story_id: str) -> str:
    """The id a story lives under now (following redirects from absorbed ids)."""
    seen = {story_id}
    while True:
        row = conn.execute("SELECT survivor_id FROM story_redirects WHERE absorbed_id = ?",
                           (story_id,)).fetchone()
        if row is None or row[0] in seen:
            return story_id
        story_id = row[0]
        seen.add(story_id)


def replace_stories(conn: Connection, stories: Sequence[Story]) -> None:
    """Delete every stored story and the story index, and store ``stories`` instead (call inside a
    transaction). Stories stored this way have no index state: later articles start new stories."""
    for story in stories:
        _check(story)
    for table in ("story_postings", "story_state", "story_redirects", "story_meta", "stories"):
        conn.execute(f"DELETE FROM {table}")
    for rank, story in enumerate(stories):
        conn.execute(_INSERT_STORY, (story.id, rank, *_story_row(story)[1:]))
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


def unclustered(conn: Connection) -> list[str]:
    """Ids of stored articles (``is_article``) that belong to no story yet, in storing order."""
    sql = ("SELECT id FROM articles WHERE is_article = 1 AND id NOT IN "
           "(SELECT article_id FROM story_articles) ORDER BY seq")
    return [row[0] for row in conn.execute(sql)]


def stories(conn: Connection, ids: Sequence[str] | None = None) -> list[Story]:
    """Stored stories in the order they were minted (only ``ids``, when given)."""
    members = _members_by_story(conn)
    rows = conn.execute("SELECT * FROM stories ORDER BY ord").fetchall()
    if ids is not None:
        wanted = set(ids)
        rows = [r for r in rows if r["id"] in wanted]
    return [_story(row, members.get(row["id"], [])) for row in rows]


def _members_by_story(conn: Connection) -> Mapping[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    sql = "SELECT story_id, article_id, duplicate_of FROM story_articles ORDER BY story_id, ord"
    for row in conn.execute(sql):
        grouped.setdefault(row["story_id"], []).append(row)
    return grouped


def _story(row: Row, members: list[Row]) -> Story:
    return Story(
        id=row["id"], title=row["title"],
        article_ids=tuple(m["article_id"] for m in members),
        outlets=tuple(json.loads(row["outlets"])),
        duplicates=tuple(
            (m["article_id"], m["duplicate_of"]) for m in members if m["duplicate_of"] is not None
        ),
        first_published=row["first_published"], last_published=row["last_published"],
        merged_from=tuple(json.loads(row["merged_from"])), roundup=bool(row["roundup"]),
    )
