"""Rejections: one row per (source, stage), so a source that keeps failing is one row whose
``count`` and ``last_seen`` grow, keeping its latest reason and detail (miniflux keeps a broken
feed's last error on its row). Storing a rejection never touches articles: nothing already stored
is lost because a later fetch or extraction of the same source failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.model import Rejected
from broadsheet.store.db import Connection, Row

_UPSERT = """
INSERT INTO rejections (source, stage, reason, detail, page_id, first_seen, last_seen, count)
VALUES (?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (source, stage) DO UPDATE SET
    reason = excluded.reason, detail = excluded.detail, page_id = excluded.page_id,
    last_seen = excluded.last_seen, count = rejections.count + 1
"""
_ORDER = "ORDER BY last_seen DESC, source, stage"


@dataclass(frozen=True)
class RejectionRecord:
    """A stored rejection with its history: how often and since when it has happened."""

    rejected: Rejected
    count: int
    first_seen: str
    last_seen: str


def put_rejection(conn: Connection, rejected: Rejected, now: str) -> None:
    """Record ``rejected``: a new row, or one more occurrence of the same (source, stage)."""
    conn.execute(_UPSERT, (
        rejected.source, rejected.stage, rejected.reason, rejected.detail, rejected.page_id,
        now, now,
    ))


def clear_rejection(conn: Connection, source: str, stage: str | None) -> int:
    """Forget the rejections of ``source`` (of one ``stage``, or all); return how many."""
    if stage is None:
        cursor = conn.execute("DELETE FROM rejections WHERE source = ?", (source,))
    else:
        sql = "DELETE FROM rejections WHERE source = ? AND stage = ?"
        cursor = conn.execute(sql, (source, stage))
    return cursor.rowcount


def rejection_records(conn: Connection) -> list[RejectionRecord]:
    """Every stored rejection with its count, most recently seen first."""
    rows = conn.execute(f"SELECT * FROM rejections {_ORDER}").fetchall()
    return [_record(row) for row in rows]


def _record(row: Row) -> RejectionRecord:
    rejected = Rejected(
        source=row["source"], stage=row["stage"], reason=row["reason"],
        detail=row["detail"], page_id=row["page_id"],
    )
    return RejectionRecord(rejected, row["count"], row["first_seen"], row["last_seen"])
