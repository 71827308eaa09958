"""Subscribing and unsubscribing from the web, as the web reader's forms call it.

- ``request``: a visitor typed an address into the subscribe form. Double opt-in: the address is
  stored as pending and a confirmation link is mailed to it; only the owner of the mailbox can
  make it active. The visitor is told the same thing whatever happened ("check your inbox"), so
  the form does not reveal who is subscribed. It cannot be turned into a mail cannon either: one
  confirmation per address every ``RESEND_MINUTES``, at most ``MAX_CONFIRMATIONS_PER_HOUR`` in all.
- ``confirm`` / ``unsubscribe``: a link's token, checked in constant time (``store/subscribers``).
  Both act only on a POST; a GET of a link shows a page with a button and changes nothing, so a
  mail scanner that follows every link confirms and unsubscribes no one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from broadsheet.deliver.addresses import normalise_address
from broadsheet.deliver.smtp import SmtpConfig, send_one
from broadsheet.errors import DeliveryError
from broadsheet.render.email import confirmation_email
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.subscribers import CONFIRM_DAYS
from broadsheet.timestamps import shift

MAX_CONFIRMATIONS_PER_HOUR = 100
Outcome = Literal["mailed", "quiet", "busy", "failed"]


@dataclass(frozen=True)
class Requested:
    """What became of a subscription request: ``mailed`` (a confirmation went), ``quiet`` (none was
    due: already active, or one went minutes ago), ``busy`` (the hourly cap), ``failed`` (the
    mail server did not take it; ``detail`` says why, for the log, not for the visitor)."""

    address: str
    outcome: Outcome
    detail: str = ""


def request(store: Store, settings: Settings, text: str, now: str) -> Requested:
    """Handle the subscribe form's address (``InvalidAddress`` when it is not one)."""
    address = normalise_address(text)
    config = SmtpConfig.from_settings(settings)
    if store.confirmations_since(shift(now, -3600)) >= MAX_CONFIRMATIONS_PER_HOUR:
        return Requested(address, "busy")
    pending = store.request_subscription(address)
    if pending is None or pending.confirm_token is None:
        return Requested(address, "quiet")
    message = confirmation_email(title=settings.edition_title, base_url=settings.base_url,
                                 token=pending.confirm_token, recipient=address,
                                 sender=config.sender, date=now, days=CONFIRM_DAYS)
    try:
        outcome = send_one(config, message, address)
    except DeliveryError as exc:
        store.forget_confirmation(pending.id)
        return Requested(address, "failed", str(exc))
    if outcome.verdict in ("refused", "failed"):  # not taken ("in_doubt": it may well arrive)
        store.forget_confirmation(pending.id)
        return Requested(address, "failed", outcome.detail)
    return Requested(address, "mailed")
