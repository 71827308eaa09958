"""Editions: each stored whole as JSON (``codec.to_dict``), with its id, title and creation time
in columns so that the latest one and the list of editions are cheap to find."""

from __future__ import annotations

import json

from broadsheet.codec import from_dict
from broadsheet.model import Edition
from broadsheet.store.articles import dumps
from broadsheet.store.db import Connection

_UPSERT = """
INSERT INTO editions (id, created, title, body) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    created = excluded.created, title = excluded.title, body = excluded.body
"""
_NEWEST_FIRST = "ORDER BY created DESC, seq DESC"


def put_edition(conn: Connection, edition: Edition) -> None:
    """Upsert ``edition`` by its id."""
    conn.execute(_UPSERT, (edition.id, edition.created, edition.title, dumps(edition)))


def editions(conn: Connection, limit: int | None) -> list[Edition]:
    """Stored editions, newest ``created`` first (ties: last stored first)."""
    sql = f"SELECT body FROM editions {_NEWEST_FIRST}" + ("" if limit is None else " LIMIT ?")
    rows = conn.execute(sql, () if limit is None else (limit,)).fetchall()
    return [from_dict(Edition, json.loads(row["body"])) for row in rows]


def get_edition(conn: Connection, edition_id: str) -> Edition | None:
    """The edition with ``edition_id``, or None."""
    row = conn.execute("SELECT body FROM editions WHERE id = ?", (edition_id,)).fetchone()
    return None if row is None else from_dict(Edition, json.loads(row["body"]))
