"""Subscribers of the newsletter: one row per address, with the secrets of its two kinds of link.

    status   pending ──confirm──▶ active ──unsubscribe──▶ unsubscribed
             (web form)           (or `subscribers add`)   (kept: the address asked to stop)

A link carries a token ``<id>.<secret>``: the row's id says which subscriber, the secret proves the
link was mailed to that address. Secrets come from ``secrets.token_urlsafe`` (unguessable) and are
compared with ``hmac.compare_digest`` (constant time), after the row is found by its id, so neither
an index lookup nor an early-exit comparison tells an attacker how much of a secret was right.
``secret`` (the unsubscribe link, in every newsletter) stays the same for the life of the row, so
the link of an old newsletter keeps working; ``confirm`` (the double opt-in link) is replaced by each
confirmation mail, expires after ``CONFIRM_DAYS`` and is cleared once used.

A web visitor can ask for the confirmation mail again, but not more often than every
``RESEND_MINUTES``, so the form cannot be used to flood someone's mailbox. ``remove`` deletes the row
(the address is forgotten; the send ledger keeps what was sent to it).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

from broadsheet.store.db import Connection, Row
from broadsheet.timestamps import seconds_between

Status = Literal["pending", "active", "unsubscribed"]
SECRET_BYTES = 24  # 32 URL-safe characters
CONFIRM_DAYS = 7
RESEND_MINUTES = 10

_COLUMNS = "id, email, status, secret, confirm, origin, created, confirm_sent, confirmed, unsubscribed"


@dataclass(frozen=True)
class Subscriber:
    """One address and where it stands; ``token`` is what its unsubscribe link carries."""

    id: int
    email: str
    status: Status
    secret: str
    origin: str
    created: str
    confirm: str | None = None
    confirm_sent: str | None = None
    confirmed: str | None = None
    unsubscribed: str | None = None

    @property
    def token(self) -> str:
        """The unsubscribe token: ``<id>.<secret>``."""
        return f"{self.id}.{self.secret}"

    @property
    def confirm_token(self) -> str | None:
        """The confirmation token while one is outstanding, else None."""
        return f"{self.id}.{self.confirm}" if self.confirm else None


def new_secret() -> str:
    """An unguessable URL-safe secret."""
    return secrets.token_urlsafe(SECRET_BYTES)


def _subscriber(row: Row | None) -> Subscriber | None:
    return None if row is None else Subscriber(**dict(row))


def by_email(conn: Connection, email: str) -> Subscriber | None:
    """The subscriber with this (normalised) address, or None."""
    return _subscriber(conn.execute(f"SELECT {_COLUMNS} FROM subscribers WHERE email = ?",
                                    (email,)).fetchone())


def by_id(conn: Connection, subscriber_id: int) -> Subscriber | None:
    """The subscriber with this id, or None."""
    return _subscriber(conn.execute(f"SELECT {_COLUMNS} FROM subscribers WHERE id = ?",
                                    (subscriber_id,)).fetchone())


def listing(conn: Connection, status: Status | None = None) -> list[Subscriber]:
    """Every subscriber (of one ``status``), in the order they first subscribed."""
    where, params = ("WHERE status = ?", (status,)) if status else ("", ())
    rows = conn.execute(f"SELECT {_COLUMNS} FROM subscribers {where} ORDER BY id", params)
    return [s for s in map(_subscriber, rows) if s is not None]


def _insert(conn: Connection, email: str, status: Status, origin: str, now: str,
            confirm: str | None) -> Subscriber:
    conn.execute(
        "INSERT INTO subscribers (email, status, secret, confirm, origin, created, confirm_sent, "
        "confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (email, status, new_secret(), confirm, origin, now, now if confirm else None,
         now if status == "active" else None))
    found = by_email(conn, email)
    assert found is not None  # inserted just above, in the same transaction
    return found


def add(conn: Connection, email: str, now: str) -> tuple[Subscriber, bool]:
    """Make ``email`` an active subscriber (the operator's ``subscribers add``); True when it was
    not active before. An address that had unsubscribed is active again: the operator says so."""
    found = by_email(conn, email)
    if found is None:
        return _insert(conn, email, "active", "cli", now, None), True
    if found.status == "active":
        return found, False
    conn.execute("UPDATE subscribers SET status = 'active', confirm = NULL, confirmed = ?, "
                 "unsubscribed = NULL WHERE id = ?", (now, found.id))
    return _require(conn, found.id), True


def _require(conn: Connection, subscriber_id: int) -> Subscriber:
    found = by_id(conn, subscriber_id)
    assert found is not None  # callers pass the id of a row they just read or wrote
    return found


def request(conn: Connection, email: str, now: str) -> Subscriber | None:
    """A visitor asked to subscribe ``email`` (double opt-in): the pending subscriber whose
    confirmation mail is to be sent now, or None when no mail should go (already active, or a
    confirmation was mailed less than ``RESEND_MINUTES`` ago)."""
    found = by_email(conn, email)
    if found is None:
        return _insert(conn, email, "pending", "web", now, new_secret())
    if found.status == "active" or _recent(found.confirm_sent, now):
        return None
    conn.execute("UPDATE subscribers SET status = 'pending', confirm = ?, confirm_sent = ? "
                 "WHERE id = ?", (new_secret(), now, found.id))
    return _require(conn, found.id)


def _recent(moment: str | None, now: str) -> bool:
    return moment is not None and seconds_between(moment, now) < RESEND_MINUTES * 60


def _split(token: str) -> tuple[int, str] | None:
    """``(id, secret)`` of a token ``<id>.<secret>``, or None when it has not that shape."""
    head, dot, secret = token.partition(".")
    if not dot or not head.isdigit() or len(head) > 18 or not secret:
        return None
    return int(head), secret


def _matches(given: str, stored: str | None) -> bool:
    """Constant-time comparison of a secret from a link with the stored one."""
    return stored is not None and hmac.compare_digest(given.encode(), stored.encode())


def by_token(conn: Connection, token: str) -> Subscriber | None:
    """The subscriber whose unsubscribe token this is, or None (reads only: a GET may call it)."""
    parts = _split(token)
    found = by_id(conn, parts[0]) if parts else None
    return found if found is not None and parts and _matches(parts[1], found.secret) else None


def by_confirm_token(conn: Connection, token: str, now: str) -> Subscriber | None:
    """The pending subscriber whose unexpired confirmation token this is, or None (reads only)."""
    parts = _split(token)
    found = by_id(conn, parts[0]) if parts else None
    if found is None or not parts or not _matches(parts[1], found.confirm):
        return None
    sent = found.confirm_sent or found.created
    return found if seconds_between(sent, now) <= CONFIRM_DAYS * 86400 else None


def confirm(conn: Connection, token: str, now: str) -> Subscriber | None:
    """Activate the subscriber whose confirmation token this is; None when the token is not valid."""
    found = by_confirm_token(conn, token, now)
    if found is None:
        return None
    conn.execute("UPDATE subscribers SET status = 'active', confirm = NULL, confirmed = ?, "
                 "unsubscribed = NULL WHERE id = ?", (now, found.id))
    return _require(conn, found.id)


def unsubscribe(conn: Connection, token: str, now: str) -> Subscriber | None:
    """Unsubscribe the subscriber whose unsubscribe token this is (again is harmless); None when
    the token is not valid."""
    found = by_token(conn, token)
    if found is None:
        return None
    if found.status != "unsubscribed":
        conn.execute("UPDATE subscribers SET status = 'unsubscribed', confirm = NULL, "
                     "unsubscribed = ? WHERE id = ?", (now, found.id))
    return _require(conn, found.id)


def forget_confirmation(conn: Connection, subscriber_id: int) -> None:
    """The confirmation mail could not be sent: void its link, and let the visitor ask again now."""
    conn.execute("UPDATE subscribers SET confirm = NULL, confirm_sent = NULL "
                 "WHERE id = ? AND status = 'pending'", (subscriber_id,))


def confirmations_since(conn: Connection, since: str) -> int:
    """How many outstanding confirmation mails were sent at ``since`` or later."""
    row = conn.execute("SELECT count(*) FROM subscribers WHERE confirm_sent >= ?", (since,)).fetchone()
    return int(row[0])


def remove(conn: Connection, email: str) -> bool:
    """Forget ``email``; True when it was there."""
    return conn.execute("DELETE FROM subscribers WHERE email = ?", (email,)).rowcount > 0
