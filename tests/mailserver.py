"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1, in a thread of the test process.

``Mailbox`` is its handler: it keeps every accepted message, refuses the addresses in ``refuse``
with 550, and can **stall** — once ``stall_after`` messages were accepted, the next ``MAIL`` (or
``DATA``) command sets ``stalled`` and gets no answer until ``release()``. A test uses that as the
handshake of a crash: it waits for ``stalled``, then kills the sender, knowing exactly where the
sender stood. A message whose ``DATA`` stalled is never kept (the client never got its 250).
"""

from __future__ import annotations

import asyncio
import email
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

TLS = Path(__file__).resolve().parent / "data" / "tls"


@dataclass(frozen=True)
class Received:
    """One message the server accepted: its envelope and its bytes."""

    sender: str
    recipients: tuple[str, ...]
    data: bytes

    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Mailbox:
    """The aiosmtpd handler (module docstring)."""

    refuse: set[str] = field(default_factory=set)
    per_connection: int | None = None  # after this many messages a connection gets 421 and is closed
    stall_at: str = "MAIL"
    stall_after: int | None = None
    messages: list[Received] = field(default_factory=list)
    stalled: threading.Event = field(default_factory=threading.Event)
    _released: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        """Let a stalled command go on (its client is usually gone by then)."""
        self.stall_after = None
        self._released.set()

    def to(self, address: str) -> list[Received]:
        """The accepted messages addressed to ``address``."""
        return [m for m in self.messages if address in m.recipients]

    async def _stall(self, command: str) -> bool:
        if self.stall_after is None or command != self.stall_at or len(self.messages) < self.stall_after:
            return False
        self.stalled.set()
        while not self._released.is_set():
            await asyncio.sleep(0.02)
        return True

    # aiosmtpd calls the hooks handle_<COMMAND>, hence the upper-case names (N802).
    async def handle_MAIL(self, server: Any, session: Any, envelope: Any,  # noqa: N802
                          address: str, options: list[str]) -> str:
        if await self._stall("MAIL"):
            return "421 4.3.0 stalled by the test"
        if self.per_connection is not None and getattr(session, "taken", 0) >= self.per_connection:
            asyncio.get_running_loop().call_later(0.05, server.transport.close)
            return "421 4.7.0 too many messages on this connection, reconnect"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any,  # noqa: N802
                          address: str, options: list[str]) -> str:
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if await self._stall("DATA"):
            return "451 4.3.0 stalled by the test"
        self.messages.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.content))
        session.taken = getattr(session, "taken", 0) + 1
        return "250 2.0.0 accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_tls() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    return context


def client_tls() -> ssl.SSLContext:
    """A client context that trusts the test CA only."""
    return ssl.create_default_context(cafile=str(TLS / "ca.pem"))


def password_checker(user: str, password: str) -> Any:
    """An aiosmtpd authenticator accepting one login."""
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login.decode() == user \
            and data.password.decode() == password
        return AuthResult(success=ok, handled=False)
    return check


@contextmanager
def mail_server(mailbox: Mailbox, **options: Any) -> Iterator[int]:
    """Serve ``mailbox`` on 127.0.0.1 for the block; yields the port. ``options`` go to aiosmtpd
    (``tls_context``, ``require_starttls``, ``authenticator``, ``auth_require_tls`` ...)."""
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, ready_timeout=10, **options)
    controller.start()
    try:
        yield port
    finally:
        mailbox.release()
        controller.stop()
