"""Hostile source data in the newsletter: encoded-word header tricks (CVE-2024-6923), MIME boundary
look-alikes, and every payload of ``hostile`` through the store, the letter and a real SMTP server."""

from __future__ import annotations

import base64
import email
import quopri
from dataclasses import replace
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.deliver.send import send_edition
from broadsheet.deliver.smtp import SmtpConfig
from broadsheet.model import Edition
from broadsheet.render.email import confirmation_email, header_text, render_email
from broadsheet.settings import load_settings
from broadsheet.store import Store
from hostile import TEXT_PAYLOADS, build_hostile_store, live_markup
from mailserver import Mailbox, mail_server
from webstore import SETTINGS

SENT = "2025-10-06T07:00:00+00:00"
TOKEN = "7.Zm9vYmFyYmF6cXV4cXV1eC1fMTIzNDU2"
HEADERS = {"subject", "from", "to", "date", "message-id", "list-unsubscribe",
           "list-unsubscribe-post", "auto-submitted", "mime-version", "content-type"}
INJECTED = "hi\r\nBcc: evil@example.org\r\nX-Injected: 1\r\n"


def encoded_words(text: str) -> list[str]:
    """``text`` as the RFC 2047 encoded-words a header parser decodes: B and Q, any case."""
    b64 = base64.b64encode(text.encode()).decode()
    q = quopri.encodestring(text.encode(), header=True).decode().replace("\r", "=0D").replace("\n", "=0A")
    return [f"=?utf-8?b?{b64}?=", f"=?UTF-8?B?{b64}?=", f"=?utf-8?q?{q}?=",
            f"=?iso-8859-1?q?{q}?=", f"x =?utf-8?b?{b64}?= y"]


@pytest.fixture(scope="module")
def hostile_edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    return build_hostile_store(tmp_path_factory.mktemp("mail") / "broadsheet.db", SETTINGS)


def _received(edition: Edition) -> EmailMessage:
    message = render_email(edition, base_url="https://news.example.org/", token=TOKEN,
                           recipient="ann@example.org", sender="news@example.org", date=SENT)
    parsed = email.message_from_bytes(bytes(message), policy=default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _headers_are_ours(message: EmailMessage) -> None:
    assert {k.lower() for k in message} == HEADERS
    assert message["To"] == "ann@example.org"
    assert message["From"].addresses[0].addr_spec == "news@example.org"
    for name in ("Subject", "From"):
        assert "\r" not in str(message[name]) and "\n" not in str(message[name])


def inert(html: str) -> list[str]:
    """``live_markup`` of an HTML part, whose one ``<style>`` (its own media queries) is allowed."""
    assert html.count("<style") == 1
    return [problem for problem in live_markup(html) if problem != "<style>"]


def _parts_are_two(message: EmailMessage) -> str:
    """The message is multipart/alternative with exactly its two parts; the HTML part's text."""
    assert message.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in message.walk() if not p.is_multipart()]
    assert parts == ["text/plain", "text/html"]
    html = message.get_body(("html",))
    assert html is not None
    content: str = html.get_content()
    return content


@pytest.mark.parametrize("word", encoded_words(INJECTED))
def test_an_encoded_word_in_a_title_adds_no_header(hostile_edition: Edition, word: str) -> None:
    first = replace(hostile_edition.stories[0], title=f"Storm {word}")
    edition = replace(hostile_edition, title=f"Gazette {word}",
                      stories=(first, *hostile_edition.stories[1:]), sections=())
    message = _received(edition)
    _headers_are_ours(message)
    assert "evil@example.org" not in str(message["Subject"]) or "=?" not in message["Subject"]
    assert "=?" not in header_text(word)


def test_every_hostile_field_stays_in_its_place_in_the_letter(hostile_edition: Edition) -> None:
    """Each payload as the top story (its title in the Subject) and the edition's title."""
    for index, payload in enumerate(TEXT_PAYLOADS):
        top = hostile_edition.stories[index]
        rest = tuple(s for s in hostile_edition.stories if s is not top)
        message = _received(replace(hostile_edition, title=f"Gazette {payload}", stories=(top, *rest),
                                    sections=()))
        _headers_are_ours(message)
        html = _parts_are_two(message)
        assert inert(html) == [], payload
        text = message.get_body(("plain",))
        assert text is not None and "\x00" not in text.get_content() and "\u202e" not in text.get_content()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_no_encoded_text_adds_a_header(text: str) -> None:
    """Whatever an encoded-word decodes to (CR, LF, NUL, "Bcc:" ...), the headers stay ours."""
    for word in encoded_words(text + INJECTED):
        message = confirmation_email(title=f"Gazette {word}", base_url="https://news.example.org/",
                                     token=TOKEN, recipient="ann@example.org", sender="news@example.org",
                                     date=SENT, days=3)
        parsed = email.message_from_bytes(bytes(message), policy=default)
        assert {k.lower() for k in parsed} == {"subject", "from", "to", "date", "message-id",
                                               "auto-submitted", "mime-version", "content-type",
                                               "content-transfer-encoding"}


def test_a_boundary_look_alike_in_the_text_does_not_split_the_message(hostile_edition: Edition) -> None:
    message = _received(hostile_edition)
    boundary = message.get_boundary()
    assert boundary and "0000000000000000000" not in boundary
    assert _parts_are_two(message)


def test_hostile_letters_through_a_real_smtp_server(hostile_edition: Edition, tmp_path: Path) -> None:
    """Sent through aiosmtpd: each message reaches its one recipient, with our headers only."""
    db = tmp_path / "news.db"
    mailbox = Mailbox()
    with mail_server(mailbox) as port, Store.open(db) as store:
        for address in ("ann@example.org", "bob@example.org"):
            store.add_subscriber(address)
        edition = replace(hostile_edition, title=f"Gazette {encoded_words(INJECTED)[0]} {INJECTED}")
        store.put_edition(edition)
        settings = load_settings({"db": str(db), "smtp_host": "127.0.0.1", "smtp_port": port,
                                  "mail_from": "news@example.org"}, environ={}, config=Path("/none"))
        report = send_edition(store, edition, SmtpConfig.from_settings(settings), "https://news.example.org/")
    assert sorted(report.sent) == ["ann@example.org", "bob@example.org"]
    assert sorted(m.recipients for m in mailbox.messages) == [("ann@example.org",), ("bob@example.org",)]
    for received in mailbox.messages:
        parsed = received.message()
        assert {k.lower() for k in parsed} == HEADERS
        assert inert(_parts_are_two(parsed)) == []
