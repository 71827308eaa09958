"""The send ledger: one row per (edition, address) saying how far its delivery got.

    (no row) ──claim──▶ pending ──DATA accepted, message about to go──▶ sending ──250──▶ sent
                          │                                               │
                          └─────── refused, or the connection broke ──────┴──▶ failed (error, attempts)

The send loop (``deliver.send``) writes each step in its own transaction with ``synchronous=FULL``
(``Store.durable``), BEFORE it does the step, so after a crash — power cut, ``kill -9`` — the ledger
says exactly where each recipient stood:

- ``sent``: the server took the message (its 250 was read): never sent again;
- ``pending``: the message was not yet handed over (the row is written before ``MAIL FROM`` and
  ``sending`` before the message's final line): safe to send, and the next ``send`` does;
- ``failed``: refused or broken off before the server took it: retried by the next ``send``, up
  to ``MAX_ATTEMPTS`` attempts;
- ``sending``: in doubt — the end of the message may have reached the server just before the crash.
  Sending again could deliver it twice, so ``send`` does not, unless asked (``--resend-in-doubt``);
  the message id is the same on every attempt, so a copy sent twice can be recognised.

Rows are never deleted: the ledger is the record of who got which edition. ``send_runs`` holds one
row per scheduled edition (kind and local day) once its send has started, so the scheduler sends
each one once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from broadsheet.store.db import Connection, Row

State = Literal["pending", "sending", "sent", "failed"]
STATES: tuple[State, ...] = ("pending", "sending", "sent", "failed")
MAX_ATTEMPTS = 5
MAX_ERROR_CHARS = 500

_CLAIM = """
INSERT INTO deliveries (edition_id, email, state, attempts, error, message_id, updated)
VALUES (?, ?, 'pending', 1, NULL, ?, ?)
ON CONFLICT (edition_id, email) DO UPDATE SET
    state = 'pending', attempts = deliveries.attempts + 1, error = NULL, message_id = excluded.message_id,
    updated = excluded.updated
"""


@dataclass(frozen=True)
class Delivery:
    """Where the delivery of one edition to one address stands."""

    edition_id: str
    email: str
    state: State
    attempts: int
    updated: str
    error: str | None = None
    message_id: str | None = None


def _delivery(row: Row) -> Delivery:
    return Delivery(**dict(row))


def deliveries(conn: Connection, edition_id: str) -> list[Delivery]:
    """Every ledger row of an edition, in the order they were first written."""
    rows = conn.execute("SELECT * FROM deliveries WHERE edition_id = ? ORDER BY rowid", (edition_id,))
    return [_delivery(row) for row in rows]


def delivery(conn: Connection, edition_id: str, email: str) -> Delivery | None:
    """The ledger row of one edition and address, or None when nothing was tried."""
    row = conn.execute("SELECT * FROM deliveries WHERE edition_id = ? AND email = ?",
                       (edition_id, email)).fetchone()
    return None if row is None else _delivery(row)


def claim(conn: Connection, edition_id: str, email: str, message_id: str, now: str) -> int:
    """Record the start of an attempt (state ``pending``); return the attempt's number."""
    conn.execute(_CLAIM, (edition_id, email, message_id, now))
    found = delivery(conn, edition_id, email)
    return found.attempts if found else 0


def mark(conn: Connection, edition_id: str, email: str, state: State, now: str,
         error: str | None = None) -> None:
    """Move a claimed row to ``state`` (``sending``, ``sent`` or ``failed`` with its ``error``)."""
    conn.execute("UPDATE deliveries SET state = ?, error = ?, updated = ? "
                 "WHERE edition_id = ? AND email = ?",
                 (state, error[:MAX_ERROR_CHARS] if error else None, now, edition_id, email))


def counts(conn: Connection, edition_id: str) -> dict[State, int]:
    """How many rows of an edition are in each state (every state present, 0 when none)."""
    found = dict.fromkeys(STATES, 0)
    sql = "SELECT state, count(*) AS n FROM deliveries WHERE edition_id = ? GROUP BY state"
    for row in conn.execute(sql, (edition_id,)):
        found[row["state"]] = row["n"]
    return found


def record_run(conn: Connection, kind: str, day: str, edition_id: str, now: str) -> None:
    """Remember that the scheduled ``kind`` edition of local ``day`` is ``edition_id``, sent from now."""
    conn.execute("INSERT OR IGNORE INTO send_runs (kind, day, edition_id, started) VALUES (?, ?, ?, ?)",
                 (kind, day, edition_id, now))


def run_edition(conn: Connection, kind: str, day: str) -> str | None:
    """The edition the scheduled ``kind`` send of ``day`` used, or None when it has not started."""
    row = conn.execute("SELECT edition_id FROM send_runs WHERE kind = ? AND day = ?",
                       (kind, day)).fetchone()
    return None if row is None else str(row["edition_id"])
