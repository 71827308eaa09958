"""The ``shard_loads`` ledger: which shard outputs of ``broadsheet backfill`` the store holds.

One row per shard name with the SHA-256 of the output that was loaded. The loader writes the row in
the same transaction as the shard's documents, so a shard is in the store entirely or not at all,
and a shard whose output is unchanged since it was loaded is not loaded again.
"""

from __future__ import annotations

from broadsheet.store.db import Connection

_UPSERT = """
INSERT INTO shard_loads (name, sha256, documents, loaded_at) VALUES (?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET
    sha256 = excluded.sha256, documents = excluded.documents, loaded_at = excluded.loaded_at
"""


def loaded_digest(conn: Connection, name: str) -> str | None:
    """The SHA-256 of the output of shard ``name`` last loaded, or None when it never was."""
    row = conn.execute("SELECT sha256 FROM shard_loads WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row["sha256"])


def mark_loaded(conn: Connection, name: str, sha256: str, documents: int, now: str) -> None:
    """Record that the output ``sha256`` of shard ``name`` (``documents`` documents) is loaded."""
    conn.execute(_UPSERT, (name, sha256, documents, now))
