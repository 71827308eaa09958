"""What an edition reads: the stories of a window, their articles in bulk, cited versions, the
previous edition. Each query reads only what the edition shows (no scan of every analysis).

An article's **date** is its publication date, else when its page was fetched, else when it was
first stored (``DATED``), so an undated page still falls in the window of the day it arrived.
Lists of ids are passed as one JSON array (``json_each``), so a query has a fixed text however
many ids it reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from broadsheet.codec import from_dict
from broadsheet.model import Analysis, Article, Attribution, Edition, Entity, Story
from broadsheet.store.articles import ARTICLE_COLUMNS, article_from_row, attribution_from_row
from broadsheet.store.db import Connection, Row
from broadsheet.text import normal

DATED = """
SELECT a.id AS id, COALESCE(a.published, p.fetched_at, v.stored_at) AS at
FROM articles AS a
LEFT JOIN pages AS p ON p.id = a.id
LEFT JOIN article_versions AS v ON v.article_id = a.id AND v.version = 1
"""
_IDS = "SELECT value FROM json_each(?)"


def _ids(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


_LATEST = """
SELECT max(a.published) AS published, max(p.fetched_at) AS fetched, max(v.stored_at) AS stored
FROM articles AS a
LEFT JOIN pages AS p ON p.id = a.id
LEFT JOIN article_versions AS v ON v.article_id = a.id AND v.version = 1
WHERE COALESCE(a.published, p.fetched_at, v.stored_at) <= ?
"""


def latest_article_date(conn: Connection, not_after: str) -> str | None:
    """The latest publication date no later than ``not_after`` (a future date is a bad byline);
    the latest fetch time only when no article has a publication date, the latest storing time
    only when none has either (a file read today must not make today the latest news day)."""
    row = conn.execute(_LATEST, (not_after,)).fetchone()
    return (row["published"] or row["fetched"] or row["stored"]) if row else None


def _window_members(conn: Connection, start: str | None, end: str | None) -> list[Row]:
    """Members of every story with an article dated in ``[start, end)`` (all stories when unbounded)."""
    params: tuple[str, ...] = ()
    if start is None or end is None:
        chosen = "SELECT id FROM stories"
    else:
        chosen = ("SELECT DISTINCT sa.story_id FROM story_articles AS sa "
                  f"JOIN ({DATED}) AS d ON d.id = sa.article_id WHERE d.at >= ? AND d.at < ?")
        params = (start, end)
    sql = (f"SELECT sa.story_id, sa.article_id, sa.duplicate_of, d.at FROM story_articles AS sa "
           f"JOIN ({DATED}) AS d ON d.id = sa.article_id "
           f"WHERE sa.story_id IN ({chosen}) ORDER BY sa.story_id, sa.ord")
    return conn.execute(sql, params).fetchall()


def stories_between(conn: Connection, start: str | None, end: str | None) -> list[Story]:
    """The stories with an article dated in ``[start, end)``, each holding only its members dated
    before ``end`` (what was known when the window closed); in stored order.

    Outlets and dates are left for the brief to read from those members.
    """
    members: dict[str, list[Row]] = {}
    for row in _window_members(conn, start, end):
        if end is None or row["at"] is None or row["at"] < end:
            members.setdefault(row["story_id"], []).append(row)
    sql = f"SELECT id, title FROM stories WHERE id IN ({_IDS}) ORDER BY ord"
    return [_story(row, members[row["id"]]) for row in conn.execute(sql, (_ids(members),))]


def _story(row: Row, members: Sequence[Row]) -> Story:
    ids = {m["article_id"] for m in members}
    return Story(
        id=row["id"], title=row["title"], article_ids=tuple(m["article_id"] for m in members),
        duplicates=tuple((m["article_id"], m["duplicate_of"]) for m in members
                         if m["duplicate_of"] is not None and m["duplicate_of"] in ids),
    )


def articles_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles with these ids (current versions)."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({_IDS})"
    return {row["id"]: article_from_row(row) for row in conn.execute(sql, (_ids(ids),))}


HEAD_CHARS = 2000


def article_heads(conn: Connection, ids: Iterable[str]) -> dict[str, Analysis]:
    """Light articles for ranking and choosing: title, outlet, url, date, version and only the
    first ``HEAD_CHARS`` characters of the text (as one paragraph); no entities, no attributions.
    Never summarise or cite from these: ``analyses_for`` reads the real thing."""
    sql = (f"SELECT id, source, title, substr(text, 1, {HEAD_CHARS}) AS head, url, published, "
           f"outlet, version FROM articles WHERE id IN ({_IDS})")
    return {
        row["id"]: Analysis(Article(
            id=row["id"], source=row["source"], title=row["title"], paragraphs=(row["head"],),
            url=row["url"], published=row["published"], outlet=row["outlet"],
            version=row["version"]))
        for row in conn.execute(sql, (_ids(ids),))
    }


def analyses_for(conn: Connection, ids: Iterable[str]) -> dict[str, Analysis]:
    """Articles with their entities and attributions (what the brief reads; not dates), in bulk."""
    articles = articles_by_id(conn, ids)
    found = _ids(articles)
    attributions: dict[str, list[Attribution]] = {}
    sql = f"SELECT * FROM attributions WHERE article_id IN ({_IDS}) ORDER BY article_id, ord"
    for row in conn.execute(sql, (found,)):
        attributions.setdefault(row["article_id"], []).append(attribution_from_row(row))
    entities: dict[str, list[Entity]] = {}
    sql = f"SELECT * FROM entities WHERE article_id IN ({_IDS}) ORDER BY article_id, ord"
    for row in conn.execute(sql, (found,)):
        entities.setdefault(row["article_id"], []).append(
            Entity(row["text"], row["label"], row["canonical"], (row["start"], row["end"])))
    return {
        aid: Analysis(article, entities=tuple(entities.get(aid, ())),
                      attributions=tuple(attributions.get(aid, ())))
        for aid, article in articles.items()
    }


def version_texts(conn: Connection,
                  keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """``{(article_id, version): text}`` of the stored versions among ``keys``."""
    wanted = json.dumps(sorted({f"{aid}\x1f{version}" for aid, version in keys}))
    sql = ("SELECT article_id, version, text FROM article_versions "
           "WHERE article_id || char(31) || version IN (SELECT value FROM json_each(?))")
    return {(r["article_id"], r["version"]): r["text"] for r in conn.execute(sql, (wanted,))}


def previous_edition(conn: Connection, kind: str, date: str | None,
                     created: str) -> Edition | None:
    """The latest stored edition of ``kind`` for an earlier day than ``date`` (any day when
    ``date`` is None) created before ``created``."""
    sql = ("SELECT body FROM editions WHERE json_extract(body, '$.kind') = ? AND created < ? "
           "AND (CAST(? AS TEXT) IS NULL OR json_extract(body, '$.date') < ?) "
           "ORDER BY created DESC, seq DESC LIMIT 1")
    row = conn.execute(sql, (kind, created, date, date)).fetchone()
    return None if row is None else from_dict(Edition, json.loads(row["body"]))


def leanings(conn: Connection) -> dict[str, str]:
    """Outlet key -> leaning the user gave its source; empty until a ``sources`` table exists.

    The seam for the sources of the fetch issue: a source row's ``title`` names the outlet.
    """
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'")
    if exists.fetchone() is None:
        return {}
    rows = conn.execute("SELECT title, leaning FROM sources WHERE leaning IS NOT NULL AND title IS NOT NULL")
    return {key: row["leaning"] for row in rows if (key := normal(row["title"]))}
