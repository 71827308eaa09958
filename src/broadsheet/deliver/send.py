"""The send loop: one edition to every active subscriber, through the ledger, at most once each.

For each recipient, in order (see ``store/ledger.py`` for the states):
1. claim the ledger row (``pending``, one more attempt), committed to disk (``synchronous=FULL``);
2. ``MAIL FROM``, ``RCPT TO``, ``DATA`` — a refusal ends the attempt as ``failed`` with the reply;
3. mark the row ``sending``, committed to disk, and only then hand the message over;
4. the server's 250 makes it ``sent``; any other reply ``failed``; silence ``sending`` (in doubt).

Who is a recipient: every active subscriber (checked again just before their turn, so an unsubscribe
during a long send is honoured) whose row is missing, ``pending`` (a crash before the message went),
or ``failed`` with fewer than ``MAX_ATTEMPTS`` attempts. A ``sent`` row is never sent again; a
``sending`` row only with ``resend_in_doubt``. Only one send runs per store at a time
(``send_lock``); a second one refuses to start, so two never claim the same recipient.

The edition is rendered once (``render.email.compose``) and addressed per subscriber.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.deliver.smtp import SmtpConfig, SmtpMailer
from broadsheet.errors import StoreError
from broadsheet.locks import exclusive
from broadsheet.model import Edition
from broadsheet.render.email import Letter, address, compose
from broadsheet.store import Store
from broadsheet.store.db import translate
from broadsheet.store.ledger import MAX_ATTEMPTS, Delivery
from broadsheet.store.postgres import held_lock, is_url, redacted
from broadsheet.store.subscribers import Subscriber
from broadsheet.timestamps import now


@dataclass
class SendReport:
    """What one send did, by address; ``already`` counts subscribers who had this edition."""

    edition_id: str
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    in_doubt: list[tuple[str, str]] = field(default_factory=list)
    gave_up: list[str] = field(default_factory=list)
    already: int = 0

    @property
    def attempted(self) -> int:
        return len(self.sent) + len(self.failed) + len(self.in_doubt)


def _due(delivery: Delivery | None, resend_in_doubt: bool) -> bool:
    """Whether a subscriber with this ledger row is to be sent the edition now."""
    if delivery is None or delivery.state == "pending":
        return True
    if delivery.state == "failed":
        return delivery.attempts < MAX_ATTEMPTS
    return delivery.state == "sending" and resend_in_doubt


def recipients(store: Store, edition_id: str, report: SendReport, *,
               resend_in_doubt: bool = False) -> list[Subscriber]:
    """The active subscribers to send ``edition_id`` to now; the others are counted in ``report``."""
    chosen: list[Subscriber] = []
    for subscriber in store.subscribers("active"):
        delivery = store.delivery(edition_id, subscriber.email)
        if _due(delivery, resend_in_doubt):
            chosen.append(subscriber)
        elif delivery is not None and delivery.state == "failed":
            report.gave_up.append(subscriber.email)
        elif delivery is not None and delivery.state == "sending":
            report.in_doubt.append((subscriber.email, delivery.error or "interrupted while sending"))
        else:
            report.already += 1
    return chosen


def _deliver(store: Store, mailer: SmtpMailer, letter: Letter, subscriber: Subscriber, sender: str,
             report: SendReport) -> None:
    """One recipient through the ledger (module docstring, steps 1-4)."""
    email, edition_id = subscriber.email, letter.edition_id
    message = address(letter, token=subscriber.token, recipient=email, sender=sender, date=now())
    store.claim_delivery(edition_id, email, str(message["Message-ID"]))
    outcome = mailer.send(message, email, lambda: store.mark_delivery(edition_id, email, "sending"))
    if outcome.verdict == "sent":
        store.mark_delivery(edition_id, email, "sent")
        report.sent.append(email)
    elif outcome.verdict == "in_doubt":
        store.mark_delivery(edition_id, email, "sending", outcome.detail)
        report.in_doubt.append((email, outcome.detail))
    else:
        store.mark_delivery(edition_id, email, "failed", outcome.detail)
        report.failed.append((email, outcome.detail))


def _still_active(store: Store, subscriber: Subscriber) -> bool:
    current = store.subscriber(subscriber.email)
    return current is not None and current.status == "active"


def send_edition(store: Store, edition: Edition, config: SmtpConfig, base_url: str, *,
                 resend_in_doubt: bool = False) -> SendReport:
    """Send ``edition`` to every subscriber due it (module docstring); the report of what happened.

    Raises ``DeliveryError`` when the server cannot be reached or refuses the login; whatever was
    done before stays in the ledger, which says where each recipient stands."""
    report = SendReport(edition.id)
    letter = compose(edition, base_url)
    due = recipients(store, edition.id, report, resend_in_doubt=resend_in_doubt)
    if not due:
        return report
    with store.durable(), SmtpMailer(config) as connection:
        for subscriber in due:
            if _still_active(store, subscriber):
                _deliver(store, connection, letter, subscriber, config.sender, report)
    return report


def lock_file(db: str) -> Path | None:
    """The file whose lock one send holds: ``<store>.send.lock`` (None for an in-memory or a
    PostgreSQL store)."""
    if db == ":memory:" or db.startswith("file:") or is_url(db):
        return None
    return Path(f"{db}.send.lock")


@contextmanager
def send_lock(db: str) -> Iterator[None]:
    """Hold the store's send lock for the block; ``StoreError`` when another send holds it.

    ``flock`` on an open file: the system releases it however the holder ends (``kill -9``
    included), so a crashed send never blocks the next one. On a PostgreSQL store the lock is a
    server-wide advisory lock instead (sends on several machines exclude each other)."""
    if is_url(db):
        with translate("take the send lock"), held_lock(db, "broadsheet send") as taken:
            if not taken:
                raise StoreError(f"store: another send is running on {redacted(db)}; wait for it to finish")
            yield
        return
    path = lock_file(db)
    if path is None:
        yield
        return
    with exclusive(path, f"{os.getpid()}\n",
                   busy=lambda holder: StoreError(f"store: another send (pid {holder}) is running on {db}; "
                                                  "wait for it to finish"),
                   unopenable=lambda exc: StoreError(f"store: cannot open the send lock {path}: {exc}")):
        yield
