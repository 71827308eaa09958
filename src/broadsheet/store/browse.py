"""What the web reader's pages read: one story, a person's or organisation's quotes and mentions,
an outlet's articles, search hits with snippets, the list of editions, the sources.

Each function reads what one page shows and returns plain records (``dict``s of scalars) that the
page renders and its JSON twin serialises as they are. Lists are capped (``LIMIT``): a page shows
the latest, never the whole store.
"""

from __future__ import annotations

import json
from typing import Any

from broadsheet.model import Story
from broadsheet.store.db import Connection, Cursor, is_postgres
from broadsheet.store.reading import DATED
from broadsheet.store.search import PG_QUERY, PG_RANK, terms_of

Record = dict[str, Any]
LIMIT = 200
MARK_START, MARK_END = "\ue000", "\ue001"  # snippet highlights, turned into <mark> after escaping

_QUOTES = f"""
SELECT t.article_id, t.ord, t.speaker, t.role, t.organisation, t.cue, t.content, t.kind, t.via,
       a.title, a.outlet, a.url, a.version, d.at AS published, sa.story_id, s.title AS story_title
FROM attributions AS t
JOIN articles AS a ON a.id = t.article_id
JOIN ({DATED}) AS d ON d.id = t.article_id
LEFT JOIN story_articles AS sa ON sa.article_id = t.article_id
LEFT JOIN stories AS s ON s.id = sa.story_id
"""
_MENTIONS = f"""
SELECT sa.story_id, s.title AS story_title, count(DISTINCT e.article_id) AS articles,
       max(d.at) AS last_seen
FROM entities AS e
JOIN story_articles AS sa ON sa.article_id = e.article_id
JOIN stories AS s ON s.id = sa.story_id
JOIN ({DATED}) AS d ON d.id = e.article_id
WHERE e.canonical = ? AND e.label IN (SELECT value FROM json_each(?))
GROUP BY sa.story_id, s.title ORDER BY last_seen DESC LIMIT {LIMIT}
"""


def _records(cursor: Cursor) -> list[Record]:
    return [dict(zip(row.keys(), tuple(row), strict=True)) for row in cursor]


def story(conn: Connection, story_id: str) -> Story | None:
    """The stored story with ``story_id`` and all its members, or None."""
    row = conn.execute("SELECT id, title FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    sql = "SELECT article_id, duplicate_of FROM story_articles WHERE story_id = ? ORDER BY ord"
    members = conn.execute(sql, (story_id,)).fetchall()
    return Story(id=row["id"], title=row["title"],
                 article_ids=tuple(m["article_id"] for m in members),
                 duplicates=tuple((m["article_id"], m["duplicate_of"]) for m in members
                                  if m["duplicate_of"] is not None))


def speakers_like(conn: Connection, word: str) -> list[str]:
    """The distinct stored speaker names that contain ``word`` (case aside)."""
    sql = "SELECT DISTINCT speaker FROM attributions WHERE speaker LIKE ? ESCAPE '\\'"
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [row[0] for row in conn.execute(sql, (pattern,))]


def quotes_by_speakers(conn: Connection, speakers: list[str]) -> list[Record]:
    """Every attribution given to one of ``speakers``, newest article first."""
    sql = (f"{_QUOTES} WHERE t.speaker IN (SELECT value FROM json_each(?)) "
           f"ORDER BY d.at DESC, t.article_id, t.ord LIMIT {LIMIT}")
    return _records(conn.execute(sql, (json.dumps(speakers),)))


def quotes_by_organisation(conn: Connection, names: list[str]) -> list[Record]:
    """Every attribution whose speaker's organisation is one of ``names``, newest first."""
    sql = (f"{_QUOTES} WHERE t.organisation IN (SELECT value FROM json_each(?)) "
           f"ORDER BY d.at DESC, t.article_id, t.ord LIMIT {LIMIT}")
    return _records(conn.execute(sql, (json.dumps(names),)))


def articles_naming(conn: Connection, canonical: str, labels: tuple[str, ...]) -> set[str]:
    """Ids of the articles with an entity ``canonical`` of one of ``labels``."""
    sql = ("SELECT DISTINCT article_id FROM entities WHERE canonical = ? "
           "AND label IN (SELECT value FROM json_each(?))")
    return {row[0] for row in conn.execute(sql, (canonical, json.dumps(labels)))}


def mentions(conn: Connection, canonical: str, labels: tuple[str, ...]) -> list[Record]:
    """The stories whose articles name ``canonical`` (as one of ``labels``), latest first."""
    return _records(conn.execute(_MENTIONS, (canonical, json.dumps(labels))))


def outlet_articles(conn: Connection, outlet: str) -> list[Record]:
    """The articles of ``outlet`` (its name as stored), newest first, with their story."""
    sql = (f"SELECT a.id AS article_id, a.title, a.url, d.at AS published, sa.story_id, "
           f"s.title AS story_title FROM articles AS a JOIN ({DATED}) AS d ON d.id = a.id "
           f"LEFT JOIN story_articles AS sa ON sa.article_id = a.id "
           f"LEFT JOIN stories AS s ON s.id = sa.story_id "
           f"WHERE a.outlet = ? ORDER BY d.at DESC, a.id LIMIT {LIMIT}")
    return _records(conn.execute(sql, (outlet,)))


_HIT_COLUMNS = "a.id AS article_id, a.title, a.outlet, a.url, a.published, sa.story_id"
_HITS = (f"SELECT {_HIT_COLUMNS}, "
         f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet "
         "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
         "LEFT JOIN story_articles AS sa ON sa.article_id = a.id "
         "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq LIMIT ?")
_PG_HITS = (f"SELECT {_HIT_COLUMNS}, ts_headline('english', a.text, q, "
            f"'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=12') AS snippet "
            f"FROM articles AS a CROSS JOIN {PG_QUERY} AS q "
            "LEFT JOIN story_articles AS sa ON sa.article_id = a.id "
            f"WHERE a.search @@ q ORDER BY {PG_RANK} DESC, a.seq LIMIT ?")


def search_hits(conn: Connection, query: str, limit: int) -> list[Record]:
    """Articles matching every term of ``query``, best first (bm25, titles weigh more), each with
    a snippet of its text whose matches are wrapped in ``MARK_START``/``MARK_END``."""
    expression = terms_of(conn, query)
    if not expression or limit <= 0:
        return []
    sql = _PG_HITS if is_postgres(conn) else _HITS
    return _records(conn.execute(sql, (expression, limit)))


def edition_list(conn: Connection) -> list[Record]:
    """The stored editions, newest first: id, created, title, kind, date and story count."""
    sql = ("SELECT id, created, title, json_extract(body, '$.kind') AS kind, "
           "json_extract(body, '$.date') AS date, json_array_length(body, '$.stories') AS stories "
           f"FROM editions ORDER BY created DESC, seq DESC LIMIT {LIMIT}")
    return _records(conn.execute(sql))


def sources(conn: Connection) -> list[Record] | None:
    """The sources the user follows with their errors, or None while the store has no
    ``sources`` table (the fetch issue adds it; until then the page shows rejections only)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'")
    if found.fetchone() is None:
        return None
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sources)")}
    wanted = [c for c in ("url", "title", "leaning", "last_error", "error_count", "next_check",
                          "last_checked") if c in columns]
    return _records(conn.execute(f"SELECT {', '.join(wanted)} FROM sources ORDER BY url"))
