"""The ``pages`` table: what was read, from where, when, and a hash of its content.

The content itself is not kept (the article extracted from it is); ``content_hash`` lets the
pipeline skip re-extracting a page whose text has not changed since it was last seen.
"""

from __future__ import annotations

import sqlite3

from broadsheet.identity import content_hash
from broadsheet.model import Page

_UPSERT = """
INSERT INTO pages (id, source, url, kind, fetched_at, content_hash, title, outlet, published,
                   first_seen, last_seen)
VALUES (:id, :source, :url, :kind, :fetched_at, :content_hash, :title, :outlet, :published,
        :now, :now)
ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, url = excluded.url, kind = excluded.kind,
    fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
    title = excluded.title, outlet = excluded.outlet, published = excluded.published,
    last_seen = excluded.last_seen
"""


def put_page(conn: sqlite3.Connection, page: Page, now: str) -> bool:
    """Upsert ``page``; True when it is new or its content changed since it was last stored."""
    digest = content_hash(page.content)
    row = conn.execute("SELECT content_hash FROM pages WHERE id = ?", (page.id,)).fetchone()
    conn.execute(_UPSERT, _params(page, digest, now))
    return row is None or row["content_hash"] != digest


def _params(page: Page, digest: str, now: str) -> dict[str, object]:
    return {
        "id": page.id, "source": page.source, "url": page.url, "kind": page.kind,
        "fetched_at": page.fetched_at, "content_hash": digest, "title": page.title,
        "outlet": page.outlet, "published": page.published, "now": now,
    }


def page_hash(conn: sqlite3.Connection, page_id: str) -> str | None:
    """The stored content hash of a page, or None when the page was never stored."""
    row = conn.execute("SELECT content_hash FROM pages WHERE id = ?", (page_id,)).fetchone()
    return None if row is None else str(row["content_hash"])
