"""``broadsheet subscribers`` and ``broadsheet send`` as a user runs them, against a real SMTP server."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from broadsheet.cli import main
from broadsheet.store import Store
from broadsheet.timestamps import to_iso
from mailserver import Mailbox, mail_server, password_checker
from test_brief_data import corpus

PEOPLE = ("ann@example.org", "bob@example.org", "cat@example.org")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_target: str) -> str:
    """A store (an SQLite file, then a PostgreSQL database) holding three stories (their
    analyses, as ingest leaves them) and no edition."""
    monkeypatch.chdir(tmp_path)
    for name in ("BROADSHEET_DB", "BROADSHEET_CONFIG", "BROADSHEET_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = db_target
    stories, analyses = corpus()
    with Store.open(path) as store:
        for analysis in analyses.values():
            store.put_analysis(analysis)
        store.replace_stories(stories)
    return str(path)


@pytest.fixture
def smtp_env(monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """A running SMTP server, named to broadsheet by BROADSHEET_SMTP_* variables."""
    mailbox = Mailbox()
    with mail_server(mailbox) as port:
        monkeypatch.setenv("BROADSHEET_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("BROADSHEET_SMTP_PORT", str(port))
        monkeypatch.setenv("BROADSHEET_MAIL_FROM", "news@example.org")
        yield mailbox


def _subscribe(db: str, *people: str) -> None:
    for person in people:
        assert main(["subscribers", "add", person, "--db", db]) == 0


def test_subscribers_add_list_remove(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _subscribe(db, "Ann@Example.org", "bob@example.org")
    assert main(["subscribers", "add", "ann@example.org", "--db", db]) == 0
    assert "already subscribed" in capsys.readouterr().out
    assert main(["subscribers", "list", "--db", db, "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["email"], r["status"]) for r in listed] == [("ann@example.org", "active"),
                                                           ("bob@example.org", "active")]
    assert all("secret" not in r and "token" not in r for r in listed)
    assert main(["subscribers", "remove", "ann@example.org", "--db", db]) == 0
    assert "ann@example.org: removed" in capsys.readouterr().out
    assert main(["subscribers", "list", "--db", db]) == 0
    out = capsys.readouterr()
    assert "ann@" not in out.out and "bob@example.org" in out.out and "1 active" in out.err


def test_a_bad_address_is_refused_with_its_exit_code(db: str, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    assert main(["subscribers", "add", "ann@example.org\r\nBcc: x@example.org", "--db", db]) == 3
    assert "broadsheet: error:" in capsys.readouterr().err
    assert main(["subscribers", "add", "--db", db]) == 2
    assert main(["subscribers", "list", "--db", str(Path(tmp_path) / "missing.db")]) == 6


def test_send_builds_an_edition_once_and_mails_each_subscriber_once(
        db: str, smtp_env: Mailbox, capsys: pytest.CaptureFixture[str]) -> None:
    _subscribe(db, *PEOPLE)
    capsys.readouterr()
    assert main(["send", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "the store had no edition: built" in out and "sent to 3, 0 already had it" in out
    assert sorted(r for m in smtp_env.messages for r in m.recipients) == sorted(PEOPLE)
    assert main(["send", "--db", db]) == 0  # the same (latest) edition: nobody gets it twice
    out = capsys.readouterr().out
    assert "built" not in out and "sent to 0, 3 already had it" in out
    assert len(smtp_env.messages) == 3
    with Store.open(db) as store:
        assert len(store.editions()) == 1


def test_a_refused_recipient_fails_the_run_and_is_retried(
        db: str, smtp_env: Mailbox, capsys: pytest.CaptureFixture[str]) -> None:
    _subscribe(db, *PEOPLE)
    smtp_env.refuse.add("bob@example.org")
    assert main(["send", "--db", db]) == 8
    err = capsys.readouterr().err
    assert "failed: bob@example.org: 550 5.1.1" in err and "1 deliveries failed" in err
    smtp_env.refuse.clear()
    assert main(["send", "--db", db]) == 0
    assert "sent to 1, 2 already had it" in capsys.readouterr().out
    assert {p: len(smtp_env.to(p)) for p in PEOPLE} == dict.fromkeys(PEOPLE, 1)


def test_nothing_is_sent_without_a_story(tmp_path: Path, smtp_env: Mailbox,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "empty.db")
    _subscribe(db, "ann@example.org")
    assert main(["send", "--db", db]) == 3
    assert "no story" in capsys.readouterr().err and smtp_env.messages == []


def test_the_password_is_never_printed(db: str, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _subscribe(db, "ann@example.org")
    mailbox = Mailbox()
    with mail_server(mailbox, authenticator=password_checker("news", "right"),
                     auth_require_tls=False) as port:
        monkeypatch.setenv("BROADSHEET_SMTP_PASSWORD", "Wr0ng-Secret")
        code = main(["send", "--db", db, "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
                     "--smtp-user", "news", "--mail-from", "news@example.org"])
        assert code == 8
        out = capsys.readouterr()
        assert "535" in out.err and "Wr0ng-Secret" not in out.out + out.err
        with pytest.raises(SystemExit):
            main(["send", "--help"])
        assert "Wr0ng-Secret" not in capsys.readouterr().out
        monkeypatch.setenv("BROADSHEET_SMTP_PASSWORD", "right")
        assert main(["send", "--db", db, "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
                     "--smtp-user", "news", "--mail-from", "news@example.org"]) == 0
    assert "right" not in capsys.readouterr().out
    assert [m.recipients for m in mailbox.messages] == [("ann@example.org",)]


def test_bad_mail_settings_stop_before_anything_is_sent(
        db: str, smtp_env: Mailbox, capsys: pytest.CaptureFixture[str]) -> None:
    _subscribe(db, "ann@example.org")
    assert main(["send", "--db", db, "--base-url", "javascript:alert(1)"]) == 2
    assert main(["send", "--db", db, "--mail-from", "not an address"]) == 2
    assert main(["send", "--db", db, "--send-at", "25:00", "--when-due"]) == 2
    assert smtp_env.messages == []
    with Store.open(db) as store:
        assert store.editions() == []


def _news_of_yesterday(db: str, tz: str) -> None:
    """Date every stored article at noon yesterday (in ``tz``), so today's letter has news."""
    noon = datetime.combine(datetime.now(ZoneInfo(tz)).date() - timedelta(days=1), time(12),
                            tzinfo=ZoneInfo(tz))
    with Store.open(db) as store:
        for analysis in list(store.analyses()):
            store.put_analysis(replace(analysis, article=replace(analysis.article,
                                                                 published=to_iso(noon))))


def test_send_when_due_sends_the_days_letter_once(
        db: str, smtp_env: Mailbox, capsys: pytest.CaptureFixture[str]) -> None:
    _news_of_yesterday(db, "Europe/London")
    _subscribe(db, *PEOPLE)
    capsys.readouterr()
    when = ["--send-at", "00:00", "--weekly-day", "", "--timezone", "Europe/London"]
    assert main(["send", "--when-due", "--db", db, *when]) == 0
    out = capsys.readouterr().out
    assert out.startswith("daily ") and "sent to 3, 0 already had it" in out
    assert main(["send", "--when-due", "--db", db, *when]) == 0
    assert "nothing due; the next send opens at " in capsys.readouterr().out
    assert len(smtp_env.messages) == 3
    assert smtp_env.messages[0].message()["Subject"].strip().startswith("broadsheet, ")  # maybe folded
