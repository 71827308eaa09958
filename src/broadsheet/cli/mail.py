"""The commands of the daily email: ``subscribers add|remove|list`` and ``send``; the demo's sample
letter (``out/email.eml``).

Thin like the rest of the CLI: check the input, call ``store``/``deliver``, print. Addresses are
printed to the operator who manages them; tokens and the SMTP password never are.
"""

from __future__ import annotations

import argparse
import email.policy
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from broadsheet.deliver.addresses import normalise_address
from broadsheet.deliver.newsletter import SlotSend, send_due, send_latest
from broadsheet.deliver.schedule import Plan, next_opening
from broadsheet.deliver.send import SendReport
from broadsheet.errors import ConfigError, DeliveryError
from broadsheet.model import Edition
from broadsheet.render import write_site
from broadsheet.render.email import render_email
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.subscribers import Subscriber
from broadsheet.text import printable
from broadsheet.timestamps import now

SUBSCRIBER_ACTIONS = ("add", "remove", "list")
SAMPLE_RECIPIENT = "reader@example.org"
SAMPLE_TOKEN = "0.sample-copy-not-a-subscriber"


# --- subscribers ------------------------------------------------------------------------------


def _record(subscriber: Subscriber) -> dict[str, object]:
    return {"email": subscriber.email, "status": subscriber.status, "origin": subscriber.origin,
            "created": subscriber.created, "confirmed": subscriber.confirmed,
            "unsubscribed": subscriber.unsubscribed}


def _list(store: Store, fmt: str) -> None:
    listed = store.subscribers()
    for subscriber in listed:
        if fmt == "jsonl":
            print(json.dumps(_record(subscriber), ensure_ascii=False))
        else:
            since = subscriber.unsubscribed or subscriber.confirmed or subscriber.created
            print(f"{subscriber.email:<40} {subscriber.status:<13} since {since}")
    counts = {status: sum(1 for s in listed if s.status == status)
              for status in ("active", "pending", "unsubscribed")}
    print(", ".join(f"{n} {status}" for status, n in counts.items()), file=sys.stderr)


def cmd_subscribers(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "list":
        with Store.open(settings.db, create=False) as store:
            _list(store, args.format)
        return 0
    if not args.email:
        raise ConfigError(f"subscribers {args.action} needs an EMAIL")
    address = normalise_address(args.email)
    with Store.open(settings.db) as store:
        if args.action == "add":
            _, new = store.add_subscriber(address)
            print(f"{address}: subscribed" if new else f"{address}: already subscribed")
        elif store.remove_subscriber(address):
            print(f"{address}: removed (forgotten; the send ledger keeps what was sent to it)")
        else:
            print(f"{address}: not a subscriber", file=sys.stderr)
    return 0


# --- send -------------------------------------------------------------------------------------


def _warn_about_links(base_url: str) -> None:
    """A base_url readers cannot reach, or not https, is allowed (a test, a LAN) but said."""
    parts = urlsplit(base_url)
    if (parts.hostname or "") in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: base_url is {base_url}: the links in the email, unsubscribe included, "
              "work only on this machine (set base_url to where broadsheet serve is reached)",
              file=sys.stderr)
    elif parts.scheme == "http":
        print(f"warning: base_url {base_url} is not https: one-click unsubscribe (RFC 8058) "
              "expects an https link", file=sys.stderr)


def _print_report(edition: Edition, report: SendReport, label: str = "") -> None:
    print(f"{label}edition {edition.id} ({printable(edition.title)}, {len(edition.stories)} stories, "
          f"{edition.created}): sent to {len(report.sent)}, {report.already} already had it, "
          f"{len(report.failed)} failed, {len(report.in_doubt)} in doubt")
    for address, error in report.failed:
        print(f"  failed: {address}: {printable(error)} (the next send tries again)", file=sys.stderr)
    for address, error in report.in_doubt:
        print(f"  in doubt: {address}: {printable(error)} (the server may have it; not sent again "
              "unless --resend-in-doubt)", file=sys.stderr)
    for address in report.gave_up:
        print(f"  given up: {address} (refused every time)", file=sys.stderr)


def _check_reports(reports: list[SendReport]) -> int:
    failed = sum(len(r.failed) for r in reports)
    doubt = sum(len(r.in_doubt) for r in reports)
    if failed or doubt:
        raise DeliveryError(f"{failed} deliveries failed and {doubt} are in doubt "
                            "(broadsheet subscribers list; the send ledger keeps each one's state)")
    return 0


def _print_slot(done: SlotSend) -> None:
    label = f"{done.slot.kind} {done.slot.day}: "
    if done.report is None:
        print(f"{label}edition {done.edition.id} has no story: nothing sent")
    else:
        _print_report(done.edition, done.report, label)


def cmd_send(args: argparse.Namespace, settings: Settings) -> int:
    _warn_about_links(settings.base_url)
    with Store.open(settings.db) as store:
        if args.when_due:
            moment = now()
            served = send_due(store, settings, moment, resend_in_doubt=args.resend_in_doubt)
            for done in served:
                _print_slot(done)
            if not served:
                print(f"nothing due; the next send opens at "
                      f"{next_opening(moment, Plan.from_settings(settings))}")
            return _check_reports([d.report for d in served if d.report])
        edition, report, built = send_latest(store, settings, now(),
                                             resend_in_doubt=args.resend_in_doubt)
        if built:
            print(f"the store had no edition: built {edition.id} from the stored stories")
        _print_report(edition, report)
        return _check_reports([report])


# --- the demo's sample letter -------------------------------------------------------------------


def write_sample(edition: Edition, settings: Settings, out_dir: Path) -> Path:
    """Write the letter a subscriber would get for ``edition`` to ``out_dir/email.eml`` (addressed to
    ``reader@example.org``, its unsubscribe link a sample that unsubscribes nobody)."""
    message = render_email(edition, base_url=settings.base_url, token=SAMPLE_TOKEN,
                           recipient=SAMPLE_RECIPIENT, sender=normalise_address(settings.mail_from),
                           date=edition.created)
    (path,) = write_site({"email.eml": message.as_string(policy=email.policy.SMTP)}, out_dir)
    return path
