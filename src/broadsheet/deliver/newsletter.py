"""The newsletter service: which edition goes out, and sending it — by hand or when it is due.

- ``send_latest``: ``broadsheet send`` — the latest stored edition (one is built from the stored
  stories only when the store has none) to every subscriber who has not had it;
- ``send_due``: ``broadsheet send --when-due`` and ``broadsheet run`` — every open slot of the
  schedule (``schedule.py``) whose edition is not yet with every subscriber: the slot's edition is
  built once, remembered in the ledger, and sent; a slot whose edition has no story sends nothing.
- ``due``: whether ``send_due`` would send anything now (for a scheduler deciding to call it).

Both hold the store's send lock (``send.send_lock``), so two senders never overlap, and go
through the ledger (``send.send_edition``), so nobody gets an edition twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.deliver.schedule import Plan, Slot, open_slots
from broadsheet.deliver.send import SendReport, recipients, send_edition, send_lock
from broadsheet.deliver.smtp import SmtpConfig
from broadsheet.errors import InputError
from broadsheet.model import Edition
from broadsheet.render.email import base_address
from broadsheet.settings import Settings
from broadsheet.store import Store


@dataclass(frozen=True)
class SlotSend:
    """What one slot of the schedule did: its edition and the send's report (None: empty edition)."""

    slot: Slot
    edition: Edition
    report: SendReport | None


def build_edition(store: Store, settings: Settings, created: str, slot: Slot | None = None) -> Edition:
    """Build (and check, and keep) an edition from the stored stories: the slot's kind and the
    day it covers; without a slot, the daily edition of the latest day that has articles."""
    from broadsheet import pipeline

    edition = pipeline.make_edition(store, settings, created=created,
                                    date=slot.edition_day if slot else None,
                                    kind=slot.kind if slot else "daily")
    store.put_edition(edition)
    return edition


def _check(settings: Settings) -> SmtpConfig:
    """Every setting a send needs, checked before anything is built or sent."""
    base_address(settings.base_url)
    return SmtpConfig.from_settings(settings)


def send_latest(store: Store, settings: Settings, now: str, *,
                resend_in_doubt: bool = False) -> tuple[Edition, SendReport, bool]:
    """Send the latest stored edition (built when there is none): the edition, the report, and
    whether it was built now. An edition without a story is not sent (``InputError``)."""
    config = _check(settings)
    with send_lock(store.path):
        edition = store.latest_edition()
        built = edition is None
        if edition is None:
            edition = build_edition(store, settings, now)
        if not edition.stories:
            raise InputError(f"edition {edition.id} has no story: nothing to send (ingest pages, "
                             "then broadsheet brief)")
        report = send_edition(store, edition, config, settings.base_url,
                              resend_in_doubt=resend_in_doubt)
    return edition, report, built


def _slot_edition(store: Store, settings: Settings, slot: Slot, now: str) -> Edition:
    """The slot's edition: the one chosen when it was first served, else a new one, remembered."""
    chosen = store.send_run(slot.kind, slot.day)
    edition = store.get_edition(chosen) if chosen else None
    if edition is None:
        edition = build_edition(store, settings, now, slot)
        store.record_send_run(slot.kind, slot.day, edition.id)
    return edition


def _pending(store: Store, slot: Slot, resend_in_doubt: bool = False) -> bool:
    """Whether a slot still has work: never served, or its edition not yet with everyone."""
    chosen = store.send_run(slot.kind, slot.day)
    if chosen is None:
        return True
    edition = store.get_edition(chosen)
    return bool(edition and edition.stories and recipients(
        store, chosen, SendReport(chosen), resend_in_doubt=resend_in_doubt))


def due(now: str, settings: Settings, store: Store) -> bool:
    """Whether a slot of the schedule is open at ``now`` and still has someone to send to."""
    if not store.subscribers("active"):
        return False
    return any(_pending(store, slot) for slot in open_slots(now, Plan.from_settings(settings)))


def send_due(store: Store, settings: Settings, now: str, *,
             resend_in_doubt: bool = False) -> list[SlotSend]:
    """Serve every open slot that still has work (module docstring); what each one did."""
    plan = Plan.from_settings(settings)
    config = _check(settings)
    done: list[SlotSend] = []
    with send_lock(store.path):
        for slot in open_slots(now, plan):
            if not (_pending(store, slot, resend_in_doubt) and store.subscribers("active")):
                continue
            edition = _slot_edition(store, settings, slot, now)
            report = send_edition(store, edition, config, settings.base_url,
                                  resend_in_doubt=resend_in_doubt) if edition.stories else None
            done.append(SlotSend(slot, edition, report))
    return done
