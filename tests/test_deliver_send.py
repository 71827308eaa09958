"""The send loop against a real SMTP server (aiosmtpd on 127.0.0.1): delivered, once, retried, refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from broadsheet.brief import build_edition
from broadsheet.deliver.send import send_edition, send_lock
from broadsheet.deliver.smtp import SmtpConfig, redact
from broadsheet.errors import ConfigError, DeliveryError, StoreError
from broadsheet.model import Edition
from broadsheet.settings import load_settings
from broadsheet.store import Store
from broadsheet.store.ledger import MAX_ATTEMPTS
from mailserver import Mailbox, client_tls, free_port, mail_server, password_checker, server_tls
from test_brief_data import corpus

BASE = "http://127.0.0.1:8000"
PEOPLE = ("ann@example.org", "bob@example.org", "cat@example.org")


def _edition() -> Edition:
    stories, analyses = corpus()
    return build_edition(stories, analyses, title="Morning brief", created="2025-10-05T06:00:00+00:00")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "mail.db")
    for person in PEOPLE:
        store.add_subscriber(person)
    store.put_edition(_edition())
    return store


def _config(port: int, **changes: object) -> SmtpConfig:
    return replace(SmtpConfig("127.0.0.1", port, "news@example.org", timeout=10), **changes)  # type: ignore[arg-type]


def test_every_subscriber_gets_their_own_copy_once(store: Store) -> None:
    mailbox = Mailbox()
    edition = _edition()
    with mail_server(mailbox) as port:
        report = send_edition(store, edition, _config(port), BASE)
        assert sorted(report.sent) == sorted(PEOPLE) and not report.failed
        assert len(mailbox.messages) == 3
        again = send_edition(store, edition, _config(port), BASE)
    assert again.attempted == 0 and again.already == 3
    assert len(mailbox.messages) == 3  # the second send delivered nothing
    for person in PEOPLE:
        (received,) = mailbox.to(person)
        assert received.sender == "news@example.org" and received.recipients == (person,)
        message = received.message()
        token = store.subscriber(person).token  # type: ignore[union-attr]
        assert message["To"] == person
        assert message["List-Unsubscribe"].strip() == f"<{BASE}/unsubscribe/{token}>"  # maybe folded
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        html, text = (message.get_body((kind,)).get_content() for kind in ("html", "plain"))  # type: ignore[union-attr]
        assert 'style="' in html and edition.stories[0].title in html and edition.stories[0].title in text
        delivery = store.delivery(edition.id, person)
        assert delivery is not None and delivery.state == "sent" and delivery.attempts == 1
        assert delivery.message_id == message["Message-ID"]


def test_a_refused_recipient_is_retried_by_the_next_send(store: Store) -> None:
    mailbox = Mailbox(refuse={"bob@example.org"})
    edition = _edition()
    with mail_server(mailbox) as port:
        first = send_edition(store, edition, _config(port), BASE)
        assert sorted(first.sent) == ["ann@example.org", "cat@example.org"]
        assert [email for email, _ in first.failed] == ["bob@example.org"]
        assert first.failed[0][1].startswith("550 5.1.1")
        bob = store.delivery(edition.id, "bob@example.org")
        assert bob is not None and bob.state == "failed" and bob.error and bob.error.startswith("550")
        second = send_edition(store, edition, _config(port), BASE)  # still refused
        assert second.sent == [] and [e for e, _ in second.failed] == ["bob@example.org"]
        mailbox.refuse.clear()
        third = send_edition(store, edition, _config(port), BASE)
    assert third.sent == ["bob@example.org"] and third.already == 2
    assert {person: len(mailbox.to(person)) for person in PEOPLE} == dict.fromkeys(PEOPLE, 1)
    bob = store.delivery(edition.id, "bob@example.org")
    assert bob is not None and (bob.state, bob.attempts, bob.error) == ("sent", 3, None)


def test_a_server_that_closes_after_two_messages_is_reconnected_to(store: Store) -> None:
    mailbox = Mailbox(per_connection=2)
    with mail_server(mailbox) as port:
        report = send_edition(store, _edition(), _config(port), BASE)
    assert sorted(report.sent) == sorted(PEOPLE) and report.failed == []
    assert {p: len(mailbox.to(p)) for p in PEOPLE} == dict.fromkeys(PEOPLE, 1)
    assert {d.attempts for d in store.deliveries(_edition().id)} == {1}


def test_a_recipient_refused_every_time_is_given_up(store: Store) -> None:
    mailbox = Mailbox(refuse={"bob@example.org"})
    with mail_server(mailbox) as port:
        for _ in range(MAX_ATTEMPTS):
            send_edition(store, _edition(), _config(port), BASE)
        report = send_edition(store, _edition(), _config(port), BASE)
    assert report.attempted == 0 and report.gave_up == ["bob@example.org"]
    assert store.delivery(_edition().id, "bob@example.org").attempts == MAX_ATTEMPTS  # type: ignore[union-attr]


def test_unsubscribed_and_pending_addresses_get_nothing(store: Store) -> None:
    store.unsubscribe(store.subscriber("bob@example.org").token)  # type: ignore[union-attr]
    store.request_subscription("dan@example.org")  # not confirmed
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        report = send_edition(store, _edition(), _config(port), BASE)
    assert sorted(report.sent) == ["ann@example.org", "cat@example.org"]
    assert mailbox.to("bob@example.org") == [] and mailbox.to("dan@example.org") == []


def test_a_new_edition_goes_to_everyone_again(store: Store) -> None:
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        send_edition(store, _edition(), _config(port), BASE)
        report = send_edition(store, replace(_edition(), id="tomorrow"), _config(port), BASE)
    assert len(report.sent) == 3 and len(mailbox.messages) == 6


def test_starttls_and_login(store: Store) -> None:
    mailbox = Mailbox()
    options = {"tls_context": server_tls(), "require_starttls": True,
               "authenticator": password_checker("newsroom", "s3cret-pass"), "auth_require_tls": True}
    with mail_server(mailbox, **options) as port:
        config = _config(port, starttls=True, user="newsroom", password="s3cret-pass",
                         tls_context=client_tls())
        report = send_edition(store, _edition(), config, BASE)
    assert len(report.sent) == 3 and len(mailbox.messages) == 3


def test_a_wrong_password_stops_the_send_and_is_never_shown(store: Store) -> None:
    mailbox = Mailbox()
    options = {"tls_context": server_tls(), "authenticator": password_checker("newsroom", "right")}
    with mail_server(mailbox, **options) as port:
        config = _config(port, starttls=True, user="newsroom", password="wr0ng-pass",
                         tls_context=client_tls())
        with pytest.raises(DeliveryError) as caught:
            send_edition(store, _edition(), config, BASE)
    assert "535" in str(caught.value) and "wr0ng-pass" not in str(caught.value)
    assert "wr0ng-pass" not in repr(config)
    assert mailbox.messages == [] and store.deliveries(_edition().id) == []


def test_starttls_is_required_when_asked(store: Store) -> None:
    with mail_server(Mailbox()) as port, pytest.raises(DeliveryError, match="STARTTLS"):
        send_edition(store, _edition(), _config(port, starttls=True, tls_context=client_tls()), BASE)
    assert store.deliveries(_edition().id) == []


def test_an_unreachable_server_is_a_delivery_error_and_touches_no_ledger_row(store: Store) -> None:
    with pytest.raises(DeliveryError, match=r"127\.0\.0\.1"):
        send_edition(store, _edition(), _config(free_port()), BASE)
    assert store.deliveries(_edition().id) == []


def test_settings_are_checked_before_anything_is_sent() -> None:
    env = {"BROADSHEET_SMTP_HOST": "mail.example.org", "BROADSHEET_SMTP_USER": "newsroom",
           "BROADSHEET_SMTP_PASSWORD": "pw", "BROADSHEET_MAIL_FROM": "News@Example.org"}
    settings = load_settings(environ=env, config=Path("/none"))
    assert "pw" not in repr(settings)
    with pytest.raises(ConfigError, match="encrypted"):
        SmtpConfig.from_settings(settings)  # a login in clear over the network
    config = SmtpConfig.from_settings(replace(settings, smtp_starttls=True))
    assert config.sender == "news@example.org"
    with pytest.raises(ConfigError, match="mail_from"):
        SmtpConfig.from_settings(replace(settings, mail_from="news@example.org\r\nBcc: x@y.z"))


def test_redact_hides_the_password_in_every_form() -> None:
    config = SmtpConfig("h", 587, "a@b.c", user="me", password="pa55")
    text = "535 bad AUTH PLAIN AG1lAHBhNTU= / LOGIN cGE1NQ== / pa55"
    assert redact(text, config) == "535 bad AUTH PLAIN *** / LOGIN *** / ***"


def test_one_send_at_a_time_per_store(tmp_path: Path) -> None:
    db = str(tmp_path / "mail.db")
    with send_lock(db), pytest.raises(StoreError, match="another send"), send_lock(db):
        pass
    with send_lock(db):  # released when the holder is done
        pass
