"""Subscribers, their link tokens and the send ledger, in a real SQLite file and on a real
PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet.deliver.addresses import normalise_address
from broadsheet.errors import InvalidAddress
from broadsheet.store import Store
from broadsheet.store.subscribers import CONFIRM_DAYS, RESEND_MINUTES
from broadsheet.timestamps import shift


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: str = "2024-03-02T07:00:00+00:00") -> None:
        self.time = start

    def __call__(self) -> str:
        return self.time

    def advance(self, seconds: float) -> None:
        self.time = shift(self.time, seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_target: str, clock: Clock) -> Iterator[Store]:
    with Store.open(db_target, clock=clock) as opened:
        yield opened


@pytest.mark.parametrize(("given", "stored"), [
    ("Ann@Example.ORG", "ann@example.org"),
    ("  bob.smith+news@mail.example.co.uk ", "bob.smith+news@mail.example.co.uk"),
    ("zoë@bücher.example", None),  # a non-ASCII mailbox name is refused
    ("kim@bücher.example", "kim@xn--bcher-kva.example"),
])
def test_addresses_are_normalised_once(given: str, stored: str | None) -> None:
    if stored is None:
        with pytest.raises(InvalidAddress):
            normalise_address(given)
    else:
        assert normalise_address(given) == stored


@pytest.mark.parametrize("bad", [
    "", "no-at-sign", "@example.org", "ann@", "ann@@example.org", "ann smith@example.org",
    "ann@example.org\r\nBcc: everyone@example.org", "ann@example.org\nRCPT TO:<x@y.z>",
    "Ann <ann@example.org>", "ann@example.org, bob@example.org", "ann@[127.0.0.1]",
    "ann@-bad-.example", "a" * 65 + "@example.org", "ann..smith@example.org", '"ann"@example.org',
])
def test_addresses_that_could_change_a_command_or_header_are_refused(bad: str) -> None:
    with pytest.raises(InvalidAddress):
        normalise_address(bad)


def test_add_list_remove(store: Store) -> None:
    ann, new = store.add_subscriber("ann@example.org")
    assert new and ann.status == "active" and ann.origin == "cli"
    again, new = store.add_subscriber("ann@example.org")
    assert not new and again == ann
    store.add_subscriber("bob@example.org")
    assert [s.email for s in store.subscribers("active")] == ["ann@example.org", "bob@example.org"]
    assert store.remove_subscriber("ann@example.org")
    assert not store.remove_subscriber("ann@example.org")
    assert [s.email for s in store.subscribers()] == ["bob@example.org"]


def test_secrets_are_long_random_and_distinct(store: Store) -> None:
    ann, _ = store.add_subscriber("ann@example.org")
    bob = store.request_subscription("bob@example.org")
    assert bob is not None and bob.confirm is not None
    secrets = {ann.secret, bob.secret, bob.confirm}
    assert len(secrets) == 3 and all(len(s) >= 32 for s in secrets)


def test_double_opt_in_activates_only_on_the_confirmation_token(store: Store) -> None:
    pending = store.request_subscription("ann@example.org")
    assert pending is not None and pending.status == "pending" and pending.confirm_token
    assert store.subscribers("active") == []
    for wrong in (pending.token, pending.confirm_token + "x", f"{pending.id}.", "x.y", "", "1",
                  f"{pending.id + 1}.{pending.confirm}"):
        assert store.confirm_subscription(wrong) is None, wrong
    assert store.subscriber_by_confirm_token(pending.confirm_token) == pending  # reading changes nothing
    confirmed = store.confirm_subscription(pending.confirm_token)
    assert confirmed is not None and confirmed.status == "active" and confirmed.confirm is None
    assert store.confirm_subscription(pending.confirm_token) is None  # used up


def test_confirmation_mail_is_not_resent_within_minutes_and_expires(store: Store, clock: Clock) -> None:
    first = store.request_subscription("ann@example.org")
    assert first is not None and first.confirm_token
    assert store.request_subscription("ann@example.org") is None  # no second mail so soon
    clock.advance(RESEND_MINUTES * 60 + 1)
    second = store.request_subscription("ann@example.org")
    assert second is not None and second.confirm_token and second.confirm != first.confirm
    assert store.confirm_subscription(first.confirm_token) is None  # the older link is void
    clock.advance(CONFIRM_DAYS * 86400 + 1)
    assert store.confirm_subscription(second.confirm_token) is None  # expired
    assert store.subscriber("ann@example.org").status == "pending"  # type: ignore[union-attr]


def test_an_active_subscriber_asking_again_gets_no_mail(store: Store) -> None:
    store.add_subscriber("ann@example.org")
    assert store.request_subscription("ann@example.org") is None


def test_unsubscribe_needs_the_exact_token_and_is_kept(store: Store, clock: Clock) -> None:
    ann, _ = store.add_subscriber("ann@example.org")
    bob, _ = store.add_subscriber("bob@example.org")
    assert store.unsubscribe(f"{ann.id}.{bob.secret}") is None  # another's secret
    assert store.unsubscribe(ann.token[:-1]) is None
    assert store.subscriber_by_token(ann.token) == ann  # reading changes nothing
    gone = store.unsubscribe(ann.token)
    assert gone is not None and gone.status == "unsubscribed" and gone.unsubscribed == clock()
    assert store.unsubscribe(ann.token) == gone  # again: harmless
    assert [s.email for s in store.subscribers("active")] == ["bob@example.org"]
    # Unsubscribed addresses may subscribe again through the form (double opt-in again) ...
    clock.advance(60)
    again = store.request_subscription("ann@example.org")
    assert again is not None and again.status == "pending" and again.secret == ann.secret
    # ... and the link of an old newsletter still unsubscribes them.
    assert store.unsubscribe(ann.token) is not None


def test_ledger_states_attempts_and_counts(store: Store) -> None:
    assert store.delivery("e1", "ann@example.org") is None
    assert store.claim_delivery("e1", "ann@example.org", "<m1@example.org>") == 1
    store.mark_delivery("e1", "ann@example.org", "sending")
    store.mark_delivery("e1", "ann@example.org", "failed", "550 no such mailbox " + "x" * 900)
    failed = store.delivery("e1", "ann@example.org")
    assert failed is not None and failed.state == "failed" and failed.attempts == 1
    assert failed.error is not None and failed.error.startswith("550") and len(failed.error) == 500
    assert store.claim_delivery("e1", "ann@example.org", "<m1@example.org>") == 2
    store.mark_delivery("e1", "ann@example.org", "sent")
    store.claim_delivery("e1", "bob@example.org", "<m2@example.org>")
    assert store.delivery_counts("e1") == {"pending": 1, "sending": 0, "sent": 1, "failed": 0}
    assert [d.email for d in store.deliveries("e1")] == ["ann@example.org", "bob@example.org"]
    assert store.deliveries("e2") == []


def test_ledger_writes_are_durable_inside_the_block(tmp_path: Path) -> None:
    # SQLite only: PostgreSQL commits reach the disk before they return already
    store = Store.open(tmp_path / "m.db")

    def synchronous() -> int:
        return int(store._db.conn.execute("PRAGMA synchronous").fetchone()[0])

    assert synchronous() == 1  # NORMAL
    with store.durable():
        assert synchronous() == 2  # FULL
        store.claim_delivery("e1", "ann@example.org", "<m@x>")
    assert synchronous() == 1
    store.close()


def test_ledger_survives_reopening(db_target: str, clock: Clock) -> None:
    with Store.open(db_target, clock=clock) as store, store.durable():
        store.claim_delivery("e1", "ann@example.org", "<m@x>")
        store.mark_delivery("e1", "ann@example.org", "sent")
        store.record_send_run("daily", "2024-03-02", "e1")
        store.record_send_run("daily", "2024-03-02", "e9")  # the first one stays
    with Store.open(db_target, clock=clock) as store:
        assert store.delivery("e1", "ann@example.org").state == "sent"  # type: ignore[union-attr]
        assert store.send_run("daily", "2024-03-02") == "e1"
        assert store.send_run("weekly", "2024-03-02") is None
