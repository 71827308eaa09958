"""The ``pages`` table: what was read, from where, when, its content and a hash of it.

The content is kept (zlib-compressed UTF-8) so a page can be extracted again after the extractor
improves, without reading the source again; ``content_hash`` tells whether a page re-read from its
source has changed since it was last stored.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from broadsheet.identity import content_hash
from broadsheet.model import Page
from broadsheet.store.db import Connection, Row

_UPSERT = """
INSERT INTO pages (id, source, url, kind, fetched_at, content_hash, content, title, outlet,
                   published, first_seen, last_seen)
VALUES (:id, :source, :url, :kind, :fetched_at, :content_hash, :content, :title, :outlet,
        :published, :now, :now)
ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, url = excluded.url, kind = excluded.kind,
    fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
    content = excluded.content,
    title = excluded.title, outlet = excluded.outlet, published = excluded.published,
    last_seen = excluded.last_seen
"""


def put_page(conn: Connection, page: Page, now: str) -> bool:
    """Upsert ``page``; True when it is new or its content changed since it was last stored."""
    digest = content_hash(page.content)
    row = conn.execute("SELECT content_hash FROM pages WHERE id = ?", (page.id,)).fetchone()
    conn.execute(_UPSERT, _params(page, digest, now))
    return row is None or row["content_hash"] != digest


def _params(page: Page, digest: str, now: str) -> dict[str, object]:
    return {
        "id": page.id, "source": page.source, "url": page.url, "kind": page.kind,
        "fetched_at": page.fetched_at, "content_hash": digest,
        "content": zlib.compress(page.content.encode("utf-8", "surrogatepass")), "title": page.title,
        "outlet": page.outlet, "published": page.published, "now": now,
    }


def page_hash(conn: Connection, page_id: str) -> str | None:
    """The stored content hash of a page, or None when the page was never stored."""
    row = conn.execute("SELECT content_hash FROM pages WHERE id = ?", (page_id,)).fetchone()
    return None if row is None else str(row["content_hash"])


def _page(row: Row) -> Page:
    return Page(
        id=row["id"], source=row["source"], kind=row["kind"],
        content=zlib.decompress(row["content"]).decode("utf-8", "surrogatepass"),
        url=row["url"], fetched_at=row["fetched_at"], title=row["title"], outlet=row["outlet"],
        published=row["published"],
    )


def get_page(conn: Connection, page_id: str) -> Page | None:
    """The stored page with this id, content included, or None."""
    row = conn.execute("SELECT * FROM pages WHERE id = ?", (page_id,)).fetchone()
    return None if row is None else _page(row)


def page_ids(conn: Connection) -> list[str]:
    """Ids of every stored page, in the order they were first stored."""
    return [row["id"] for row in conn.execute("SELECT id FROM pages ORDER BY first_seen, id")]


def iter_pages(conn: Connection) -> Iterator[Page]:
    """Every stored page, one query per page so writes may go on while iterating."""
    for page_id in page_ids(conn):
        page = get_page(conn, page_id)
        if page is not None:
            yield page
