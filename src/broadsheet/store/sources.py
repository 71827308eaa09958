"""Sources (the feeds and sitemaps a user follows) and the items seen in them.

``sources``: one row per feed address, with what conditional GET needs (``etag``,
``last_modified``), its health (``last_error`` kept on the row until a fetch succeeds,
``error_count`` failures in a row) and when it is due (``next_check``; ``retry_after`` when the
server asked for a pause). ``feed_items``: one row per (source, GUID); ``state`` is the way of the
page the item leads to::

    new ──fetch──▶ fetched ──extract, analyse, store──▶ done
     │  (a transient failure: stays new, attempts + 1, retry_at later)
     ├──refused (robots, 403, paywall)──▶ summary    the feed's summary kept, summary_only
     ├──refused for good (a private address ...)──▶ rejected
     └──published before the age limit──▶ old       recorded, never fetched

The store is the queue: a run killed at any point leaves items ``new`` or ``fetched`` and the next
run carries on from there; writes are upserts, so nothing is done twice. Removing a source removes
its items, never the articles they became.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from broadsheet.model import FeedItem, Source
from broadsheet.store.db import Connection, Row

ITEM_STATES = ("new", "fetched", "done", "summary", "rejected", "old")
SOURCE_COLUMNS = ("url, title, leaning, site_url, language, kind, etag, last_modified, last_error, "
                  "error_count, next_check, last_checked, retry_after")


@dataclass(frozen=True)
class SourceCheck:
    """The outcome of polling a source once, as stored on its row.

    On success (``error`` None) the validators replace the stored ones (a 304 keeps them) and the
    error count is reset; on failure the error is kept and counted, and nothing else changes.
    """

    next_check: str
    error: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: str | None = None
    title: str | None = None
    kind: str | None = None
    site_url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class PendingItem:
    """A feed item whose page is still to be fetched, with its source's name (an outlet hint)."""

    source_url: str
    source_title: str | None
    item: FeedItem
    attempts: int
    page_id: str | None = None  # set when the item was fetched before (an update: fetch again)


def _source(row: Row) -> Source:
    names: list[str] = row.keys()  # a Row iterates over values, not names
    return Source(**{key: row[key] for key in names if key in Source.__dataclass_fields__})


def add_source(conn: Connection, source: Source, now: str) -> bool:
    """Add ``source`` (due at once), or update the names it gives; True when it is new."""
    new = conn.execute("SELECT 1 FROM sources WHERE url = ?", (source.url,)).fetchone() is None
    conn.execute("""
        INSERT INTO sources (url, title, leaning, site_url, language, kind, next_check, added)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            title = coalesce(excluded.title, sources.title),
            leaning = coalesce(excluded.leaning, sources.leaning),
            site_url = coalesce(excluded.site_url, sources.site_url),
            language = coalesce(excluded.language, sources.language),
            kind = coalesce(excluded.kind, sources.kind)
    """, (source.url, source.title, source.leaning, source.site_url, source.language, source.kind,
          now, now))
    return new


def remove_source(conn: Connection, url: str) -> int:
    """Remove the source with this feed address (or, failing that, this site address)."""
    removed = conn.execute("DELETE FROM sources WHERE url = ?", (url,)).rowcount
    return removed or conn.execute("DELETE FROM sources WHERE site_url = ?", (url,)).rowcount


def sources(conn: Connection) -> list[Source]:
    """Every source, in the order added."""
    return [_source(r) for r in conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources ORDER BY added, url")]


def get_source(conn: Connection, url: str) -> Source | None:
    row = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE url = ?", (url,)).fetchone()
    return None if row is None else _source(row)


def due_sources(conn: Connection, now: str, *, all_now: bool) -> list[Source]:
    """Sources to poll: those whose ``next_check`` has come (or all, with ``all_now``), except
    those whose server asked for a pause that has not ended."""
    sql = (f"SELECT {SOURCE_COLUMNS} FROM sources WHERE (? = 1 OR next_check <= ?) "
           "AND (retry_after IS NULL OR retry_after <= ?) ORDER BY next_check, url")
    return [_source(r) for r in conn.execute(sql, (int(all_now), now, now))]


def next_due(conn: Connection) -> str | None:
    """The earliest time a source is due (its pause included), or None when there are none."""
    row = conn.execute("SELECT min(CASE WHEN next_check > coalesce(retry_after, '') THEN next_check "
                       "ELSE retry_after END) FROM sources").fetchone()
    return row[0] if row else None


def record_check(conn: Connection, url: str, check: SourceCheck, now: str) -> None:
    """Store the outcome of one poll of ``url`` (see ``SourceCheck``)."""
    common = {"url": url, "now": now, "next": check.next_check, "status": check.status,
              "retry": check.retry_after}
    if check.error is not None:
        conn.execute("""UPDATE sources SET last_error = :error, error_count = error_count + 1,
            last_status = :status, next_check = :next, last_checked = :now, retry_after = :retry
            WHERE url = :url""", {**common, "error": check.error})
        return
    conn.execute("""UPDATE sources SET last_error = NULL, error_count = 0, last_status = :status,
        next_check = :next, last_checked = :now, last_success = :now, retry_after = :retry,
        etag = coalesce(:etag, etag), last_modified = coalesce(:modified, last_modified),
        title = coalesce(title, :title), kind = coalesce(:kind, kind),
        site_url = coalesce(site_url, :site), language = coalesce(language, :language)
        WHERE url = :url""", {**common, "etag": check.etag, "modified": check.last_modified,
                              "title": check.title, "kind": check.kind, "site": check.site_url,
                              "language": check.language})


def record_items(conn: Connection, source_url: str, items: Iterable[FeedItem], now: str,
                 oldest: str) -> list[FeedItem]:
    """Remember the items of one poll; return those to fetch (new, or updated since last seen).

    An item published before ``oldest`` is recorded as ``old`` and not fetched. A known item whose
    ``updated`` date moved on is fetched again (its page becomes a new version of its article).
    """
    fresh: list[FeedItem] = []
    for item in items:
        row = conn.execute("SELECT state, updated FROM feed_items WHERE source_url = ? AND guid = ?",
                           (source_url, item.guid)).fetchone()
        if row is None:
            state = "old" if item.published and item.published < oldest else "new"
            _insert_item(conn, source_url, item, state, now)
            fresh += [item] if state == "new" else []
        elif item.updated and row["updated"] and item.updated > row["updated"] and row["state"] != "new":
            _refresh_item(conn, source_url, item, now)
            fresh.append(item)
        else:
            conn.execute("UPDATE feed_items SET last_seen = ? WHERE source_url = ? AND guid = ?",
                         (now, source_url, item.guid))
    return fresh


def _insert_item(conn: Connection, source_url: str, item: FeedItem, state: str, now: str) -> None:
    conn.execute("""INSERT INTO feed_items (source_url, guid, url, title, summary, content, published,
        updated, state, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                 (source_url, item.guid, item.url, item.title, item.summary, item.content,
                  item.published, item.updated, state, now, now))


def _refresh_item(conn: Connection, source_url: str, item: FeedItem, now: str) -> None:
    conn.execute("""UPDATE feed_items SET url = ?, title = ?, summary = ?, content = ?, updated = ?,
        state = 'new', attempts = 0, retry_at = NULL, last_error = NULL, last_seen = ?
        WHERE source_url = ? AND guid = ?""",
                 (item.url, item.title, item.summary, item.content, item.updated, now, source_url,
                  item.guid))


def pending_items(conn: Connection, now: str, limit: int,
                  skip: Sequence[tuple[str, str]] = ()) -> list[PendingItem]:
    """Items to fetch now (``new``, not waiting for a retry), oldest first, minus ``skip``."""
    sql = """SELECT i.*, s.title AS source_title FROM feed_items AS i JOIN sources AS s
             ON s.url = i.source_url WHERE i.state = 'new' AND (i.retry_at IS NULL OR i.retry_at <= ?)
             ORDER BY i.first_seen, i.rowid LIMIT ?"""
    skipped = set(skip)
    rows = conn.execute(sql, (now, limit + len(skipped))).fetchall()
    found = [_pending(r) for r in rows if (r["source_url"], r["guid"]) not in skipped]
    return found[:limit]


def _pending(row: Row) -> PendingItem:
    item = FeedItem(guid=row["guid"], url=row["url"], title=row["title"], summary=row["summary"],
                    content=row["content"], published=row["published"], updated=row["updated"])
    return PendingItem(row["source_url"], row["source_title"], item, row["attempts"], row["page_id"])


def set_item(conn: Connection, source_url: str, guid: str, state: str, *,
             page_id: str | None = None, error: str | None = None, retry_at: str | None = None) -> None:
    """Move an item to ``state`` (a failed attempt: ``new`` with ``retry_at`` and one more attempt).
    Its full content, once made into a page, is not kept twice."""
    if state not in ITEM_STATES:
        raise ValueError(f"unknown item state {state!r}")
    attempt = 1 if error is not None else 0
    keep_content = state == "new"
    conn.execute("""UPDATE feed_items SET state = ?, page_id = coalesce(?, page_id), last_error = ?,
        retry_at = ?, attempts = attempts + ?, content = CASE WHEN ? = 1 THEN content END
        WHERE source_url = ? AND guid = ?""",
                 (state, page_id, error, retry_at, attempt, keep_content, source_url, guid))


def fetched_page_ids(conn: Connection, limit: int) -> list[str]:
    """Pages fetched and stored but not yet processed (a run stopped before processing them)."""
    sql = "SELECT DISTINCT page_id FROM feed_items WHERE state = 'fetched' AND page_id IS NOT NULL LIMIT ?"
    return [row[0] for row in conn.execute(sql, (limit,))]


def finish_pages(conn: Connection, page_ids: Sequence[str]) -> int:
    """Mark the items of processed pages ``done``."""
    marks = ",".join("?" * len(page_ids))
    sql = f"UPDATE feed_items SET state = 'done' WHERE state = 'fetched' AND page_id IN ({marks})"
    return conn.execute(sql, tuple(page_ids)).rowcount if page_ids else 0


def item_counts(conn: Connection) -> dict[str, int]:
    """How many items are in each state."""
    counts = dict.fromkeys(ITEM_STATES, 0)
    for row in conn.execute("SELECT state, count(*) AS n FROM feed_items GROUP BY state"):
        counts[row["state"]] = row["n"]
    return counts


def forget_items(conn: Connection, before: str) -> int:
    """Forget finished items not seen in their feed since ``before`` (a feed that still lists an
    item keeps it, so it is never fetched twice)."""
    sql = "DELETE FROM feed_items WHERE last_seen < ? AND state NOT IN ('new', 'fetched')"
    return conn.execute(sql, (before,)).rowcount
