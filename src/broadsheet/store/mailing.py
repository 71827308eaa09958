"""The ``Store`` methods of the daily email: subscribers, the send ledger, scheduled sends.

A mixin of ``Store`` (``store/api.py``), kept apart so the mail side of the store reads in one
place; each method wraps a function of ``store/subscribers.py`` or ``store/ledger.py`` in a
transaction (writes) or an error translator (reads), like the rest of the ``Store``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from broadsheet.store import ledger, subscribers
from broadsheet.store.db import Database, translate
from broadsheet.store.ledger import Delivery, State
from broadsheet.store.subscribers import Status, Subscriber


class MailStore:
    """Subscribers and the send ledger (mixed into ``Store``)."""

    _db: Database
    _clock: Callable[[], str]

    @contextmanager
    def durable(self) -> Iterator[None]:
        """Within the block every commit reaches the disk before it returns (``synchronous=FULL``),
        so a ledger row written before a send survives a crash or power cut right after it."""
        with translate("make commits durable"):
            self._db.conn.execute("PRAGMA synchronous = FULL")
        try:
            yield
        finally:
            with translate("restore the commit mode"):
                self._db.conn.execute("PRAGMA synchronous = NORMAL")

    # --- subscribers --------------------------------------------------------------------------

    def add_subscriber(self, email: str) -> tuple[Subscriber, bool]:
        """Make a normalised address an active subscriber; True when it was not active before."""
        with self._db.transaction() as conn:
            return subscribers.add(conn, email, self._clock())

    def request_subscription(self, email: str) -> Subscriber | None:
        """A web visitor asks to subscribe: the pending subscriber to mail a confirmation to, or
        None when no mail should go (see ``subscribers.request``)."""
        with self._db.transaction() as conn:
            return subscribers.request(conn, email, self._clock())

    def confirm_subscription(self, token: str) -> Subscriber | None:
        """Activate the subscriber of a valid confirmation token; None for any other token."""
        with self._db.transaction() as conn:
            return subscribers.confirm(conn, token, self._clock())

    def unsubscribe(self, token: str) -> Subscriber | None:
        """Unsubscribe the subscriber of a valid unsubscribe token; None for any other token."""
        with self._db.transaction() as conn:
            return subscribers.unsubscribe(conn, token, self._clock())

    def forget_confirmation(self, subscriber_id: int) -> None:
        """Void a confirmation whose mail could not be sent (the visitor may ask again at once)."""
        with self._db.transaction() as conn:
            subscribers.forget_confirmation(conn, subscriber_id)

    def confirmations_since(self, since: str) -> int:
        """How many confirmation mails went out at ``since`` (an ISO instant) or later."""
        with translate("read subscribers"):
            return subscribers.confirmations_since(self._db.conn, since)

    def remove_subscriber(self, email: str) -> bool:
        """Forget a normalised address; True when it was there."""
        with self._db.transaction() as conn:
            return subscribers.remove(conn, email)

    def subscriber_by_token(self, token: str) -> Subscriber | None:
        """The subscriber of an unsubscribe token, or None; changes nothing."""
        with translate("read a subscriber"):
            return subscribers.by_token(self._db.conn, token)

    def subscriber_by_confirm_token(self, token: str) -> Subscriber | None:
        """The pending subscriber of a valid confirmation token, or None; changes nothing."""
        with translate("read a subscriber"):
            return subscribers.by_confirm_token(self._db.conn, token, self._clock())

    def subscriber(self, email: str) -> Subscriber | None:
        """The subscriber with a normalised address, or None."""
        with translate("read a subscriber"):
            return subscribers.by_email(self._db.conn, email)

    def subscribers(self, status: Status | None = None) -> list[Subscriber]:
        """Every subscriber (of one ``status``), oldest first."""
        with translate("read subscribers"):
            return subscribers.listing(self._db.conn, status)

    # --- the send ledger ------------------------------------------------------------------------

    def claim_delivery(self, edition_id: str, email: str, message_id: str) -> int:
        """Record the start of an attempt to send an edition to an address; its attempt number."""
        with self._db.transaction() as conn:
            return ledger.claim(conn, edition_id, email, message_id, self._clock())

    def mark_delivery(self, edition_id: str, email: str, state: State,
                      error: str | None = None) -> None:
        """Move a claimed delivery to ``sending``, ``sent`` or ``failed``."""
        with self._db.transaction() as conn:
            ledger.mark(conn, edition_id, email, state, self._clock(), error)

    def delivery(self, edition_id: str, email: str) -> Delivery | None:
        """The ledger row of an edition and address, or None."""
        with translate("read the send ledger"):
            return ledger.delivery(self._db.conn, edition_id, email)

    def deliveries(self, edition_id: str) -> list[Delivery]:
        """Every ledger row of an edition."""
        with translate("read the send ledger"):
            return ledger.deliveries(self._db.conn, edition_id)

    def delivery_counts(self, edition_id: str) -> dict[State, int]:
        """Ledger rows of an edition per state."""
        with translate("read the send ledger"):
            return ledger.counts(self._db.conn, edition_id)

    def record_send_run(self, kind: str, day: str, edition_id: str) -> None:
        """Remember which edition the scheduled ``kind`` send of local ``day`` uses."""
        with self._db.transaction() as conn:
            ledger.record_run(conn, kind, day, edition_id, self._clock())

    def send_run(self, kind: str, day: str) -> str | None:
        """The edition of the scheduled ``kind`` send of ``day``, or None when it has not started."""
        with translate("read the send ledger"):
            return ledger.run_edition(self._db.conn, kind, day)
