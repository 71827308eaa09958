"""Double opt-in from the web: the confirmation mail reaches a real SMTP server, once, and only
its link activates the address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from broadsheet.deliver import subscriptions
from broadsheet.deliver.subscriptions import request
from broadsheet.errors import InvalidAddress
from broadsheet.settings import Settings, load_settings
from broadsheet.store import Store
from broadsheet.timestamps import now
from mailserver import Mailbox, free_port, mail_server

BASE = "https://news.example.org/"


def _settings(port: int) -> Settings:
    return load_settings({"smtp_host": "127.0.0.1", "smtp_port": port, "mail_from": "news@example.org",
                          "base_url": BASE, "edition_title": "Morning brief"},
                         environ={}, config=Path("/none"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "news.db")


def _link(mailbox: Mailbox, address: str) -> str:
    (received,) = mailbox.to(address)
    text = received.message().get_content()
    found = re.search(rf"{re.escape(BASE)}subscribe/confirm/(\S+)", text)
    assert found, text
    return found.group(1)


def test_a_confirmation_link_is_mailed_and_only_it_activates(store: Store) -> None:
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        result = request(store, _settings(port), " Ann@Example.org ", now())
    assert (result.address, result.outcome) == ("ann@example.org", "mailed")
    (received,) = mailbox.messages
    message = received.message()
    assert message["Subject"] == "Confirm your subscription to Morning brief"
    assert message["To"] == "ann@example.org" and "List-Unsubscribe" not in message
    token = _link(mailbox, "ann@example.org")
    assert store.subscriber("ann@example.org").status == "pending"  # type: ignore[union-attr]
    assert store.subscribers("active") == []
    confirmed = store.confirm_subscription(token)
    assert confirmed is not None and confirmed.status == "active"


def test_asking_again_sends_no_second_mail(store: Store) -> None:
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        assert request(store, _settings(port), "ann@example.org", now()).outcome == "mailed"
        assert request(store, _settings(port), "ann@example.org", now()).outcome == "quiet"
        store.add_subscriber("bob@example.org")
        assert request(store, _settings(port), "bob@example.org", now()).outcome == "quiet"
    assert [m.recipients for m in mailbox.messages] == [("ann@example.org",)]


def test_a_refused_or_unsent_confirmation_can_be_asked_for_again_at_once(store: Store) -> None:
    mailbox = Mailbox(refuse={"ann@example.org"})
    with mail_server(mailbox) as port:
        refused = request(store, _settings(port), "ann@example.org", now())
        assert refused.outcome == "failed" and refused.detail.startswith("550")
        assert store.subscriber("ann@example.org").confirm is None  # type: ignore[union-attr]
        mailbox.refuse.clear()
        assert request(store, _settings(port), "ann@example.org", now()).outcome == "mailed"
    down = request(store, _settings(free_port()), "bob@example.org", now())
    assert down.outcome == "failed" and "127.0.0.1" in down.detail


def test_the_form_cannot_flood_mailboxes(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subscriptions, "MAX_CONFIRMATIONS_PER_HOUR", 2)
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        outcomes = [request(store, _settings(port), f"user{i}@example.org", now()).outcome
                    for i in range(3)]
    assert outcomes == ["mailed", "mailed", "busy"] and len(mailbox.messages) == 2


def test_an_address_that_is_not_one_is_refused(store: Store) -> None:
    with pytest.raises(InvalidAddress):
        request(store, _settings(free_port()), "ann@example.org\r\nBcc: x@example.org", now())
    assert store.subscribers() == []
