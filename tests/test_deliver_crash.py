"""A send killed with SIGKILL half-way, then started again: each subscriber gets the edition once.

The kill is placed with a handshake, not a sleep: the test SMTP server accepts N messages, then
stalls on the next command and signals the test, which kills the sender (``broadsheet send`` in a
subprocess) while it waits for the server's answer. The ledger must then say exactly who got the
edition, and the next ``send`` must mail everybody else once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from broadsheet.brief import build_edition
from broadsheet.cli import main
from broadsheet.model import Edition
from broadsheet.store import Store
from mailserver import Mailbox, mail_server
from test_brief_data import corpus

Resend = Callable[..., tuple[int, str, str]]
PEOPLE = tuple(f"reader{i}@example.org" for i in range(1, 7))
SENDER = "import sys; from broadsheet.cli import main; sys.exit(main())"


def _store(path: Path) -> Edition:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="Morning brief", created="2025-10-05T06:00:00+00:00")
    with Store.open(path) as store:
        for person in PEOPLE:
            store.add_subscriber(person)
        store.put_edition(edition)
    return edition


def _send(db: Path, port: int, *flags: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env.update(BROADSHEET_SMTP_HOST="127.0.0.1", BROADSHEET_SMTP_PORT=str(port),
               BROADSHEET_MAIL_FROM="news@example.org", BROADSHEET_DB=str(db))
    return subprocess.Popen([sys.executable, "-c", SENDER, "send", *flags], env=env, cwd=db.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kill_when_stalled(process: subprocess.Popen[bytes], mailbox: Mailbox) -> None:
    if not mailbox.stalled.wait(timeout=120):
        process.kill()
        pytest.fail(f"the sender never reached the stall: {process.communicate()}")
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _states(db: Path, edition: Edition) -> dict[str, str]:
    with Store.open(db) as store:
        return {d.email: d.state for d in store.deliveries(edition.id)}


@pytest.fixture
def resend(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Resend:
    """``broadsheet send`` started again, in this process (only the killed one needs its own)."""
    def run(db: Path, port: int, *flags: str) -> tuple[int, str, str]:
        monkeypatch.chdir(db.parent)
        monkeypatch.delenv("BROADSHEET_CONFIG", raising=False)
        capsys.readouterr()
        code = main(["send", "--db", str(db), "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
                     "--mail-from", "news@example.org", *flags])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_a_killed_send_resumes_and_mails_each_remaining_subscriber_once(
        tmp_path: Path, resend: Resend) -> None:
    db = tmp_path / "news.db"
    edition = _store(db)
    mailbox = Mailbox(stall_after=2, stall_at="MAIL")
    with mail_server(mailbox) as port:
        _kill_when_stalled(_send(db, port), mailbox)
        # Two messages were taken; the third recipient was claimed but its MAIL FROM got no answer.
        assert [m.recipients[0] for m in mailbox.messages] == list(PEOPLE[:2])
        assert _states(db, edition) == {PEOPLE[0]: "sent", PEOPLE[1]: "sent", PEOPLE[2]: "pending"}
        mailbox.release()
        code, out, err = resend(db, port)
        assert code == 0, err
        assert "sent to 4, 2 already had it, 0 failed, 0 in doubt" in out
        code, out, _ = resend(db, port)  # and once more: nothing left to send
        assert code == 0 and "sent to 0, 6 already had it" in out
    assert {p: len(mailbox.to(p)) for p in PEOPLE} == dict.fromkeys(PEOPLE, 1)
    assert set(_states(db, edition).values()) == {"sent"}


def test_a_send_killed_while_handing_a_message_over_leaves_it_in_doubt(
        tmp_path: Path, resend: Resend) -> None:
    db = tmp_path / "news.db"
    edition = _store(db)
    mailbox = Mailbox(stall_after=2, stall_at="DATA")
    with mail_server(mailbox) as port:
        _kill_when_stalled(_send(db, port), mailbox)
        # The third message went whole, but its 250 never came: the ledger cannot know, and says so.
        assert _states(db, edition)[PEOPLE[2]] == "sending"
        mailbox.release()  # the stalled message is dropped by the server (it never said 250)
        code, out, err = resend(db, port)
        assert code == 8 and "sent to 3, 2 already had it, 0 failed, 1 in doubt" in out
        assert f"in doubt: {PEOPLE[2]}" in err and "--resend-in-doubt" in err
        assert mailbox.to(PEOPLE[2]) == []
        code, out, err = resend(db, port, "--resend-in-doubt")
        assert code == 0, err
        assert "sent to 1, 5 already had it" in out
    assert {p: len(mailbox.to(p)) for p in PEOPLE} == dict.fromkeys(PEOPLE, 1)
    assert set(_states(db, edition).values()) == {"sent"}
