"""SMTP delivery with smtplib: one connection for a whole send, one transaction per recipient.

``SmtpMailer.send`` speaks each transaction itself (``MAIL``, ``RCPT``, ``DATA``, the message, the
final ``.``) rather than through ``smtplib.sendmail``, because the send ledger must know the one
moment after which the server may hold the message: the caller's ``handing_over`` callback runs
after the server said 354 to ``DATA`` and before the message goes. Its answer is an ``Outcome``:

- ``sent``: the server took the message (250 to the final ``.``);
- ``refused``: the server refused the sender, the recipient or the message (a 4xx or 5xx reply);
  it does not have it, and the connection stays usable (``RSET``);
- ``failed``: the connection broke before the message was handed over (and again on a fresh
  connection): not delivered;
- ``in_doubt``: the connection broke while the message was going or its reply was awaited: the
  server may have it.

Settings: ``smtp_host``, ``smtp_port`` (465 means TLS from the first byte), ``smtp_starttls`` (the
connection is upgraded, and a server that cannot is refused rather than spoken to in clear),
``smtp_user`` / ``smtp_password`` (a login; refused over an unencrypted connection to anything but
this machine), ``mail_from``. The password is held out of ``repr`` and every message this module
produces goes through ``redact``, so neither an error line nor the ledger ever shows it.
"""

from __future__ import annotations

import base64
import email.policy
import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from ipaddress import ip_address
from types import TracebackType
from typing import Literal

from broadsheet.deliver.addresses import normalise_address
from broadsheet.errors import ConfigError, DeliveryError, InvalidAddress
from broadsheet.settings import Settings

TIMEOUT = 60.0
IMPLICIT_TLS_PORT = 465
_LEADING_DOT = re.compile(rb"(?m)^\.")
Verdict = Literal["sent", "refused", "failed", "in_doubt"]


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send; ``password`` is never shown (``repr``) nor put in a message."""

    host: str
    port: int
    sender: str
    starttls: bool = False
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = TIMEOUT
    tls_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpConfig:
        """The SMTP settings, checked: ``mail_from`` a plain address, a login only over TLS."""
        try:
            sender = normalise_address(settings.mail_from)
        except InvalidAddress as exc:
            raise ConfigError(f"mail_from: {exc}") from exc
        config = cls(settings.smtp_host.strip(), settings.smtp_port, sender, settings.smtp_starttls,
                     settings.smtp_user, settings.smtp_password)
        config.check()
        return config

    @property
    def encrypted(self) -> bool:
        return self.starttls or self.port == IMPLICIT_TLS_PORT

    def check(self) -> None:
        """ConfigError for settings that cannot work or would leak the password."""
        if not self.host:
            raise ConfigError("smtp_host is empty: name the SMTP server to send through")
        if not 0 < self.port < 65536:
            raise ConfigError(f"smtp_port must be a port number, not {self.port}")
        if self.user and not self.encrypted and not _loopback(self.host):
            raise ConfigError(f"smtp_user is set but the connection to {self.host} would not be "
                              f"encrypted: set smtp_starttls (or port {IMPLICIT_TLS_PORT}) so the "
                              "password does not travel in clear")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def redact(text: str, config: SmtpConfig) -> str:
    """``text`` with the password, and the base64 forms an AUTH exchange gives it, starred out."""
    if not config.password:
        return text
    secret = config.password.encode()
    forms = {config.password, base64.b64encode(secret).decode(),
             base64.b64encode(b"\0" + config.user.encode() + b"\0" + secret).decode()}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


@dataclass(frozen=True)
class Outcome:
    """What became of one message (module docstring): a verdict and the server's words."""

    verdict: Verdict
    detail: str = ""


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}"


class SmtpMailer:
    """An SMTP connection for a whole send (a context manager; reconnects after a break)."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpMailer:
        self.connect()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _context(self) -> ssl.SSLContext:
        return self.config.tls_context or ssl.create_default_context()

    def connect(self) -> None:
        """Connect, greet, upgrade to TLS and log in as configured; DeliveryError saying why not."""
        config = self.config
        try:
            if config.port == IMPLICIT_TLS_PORT:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                                      context=self._context())
            else:
                smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
            self._smtp = smtp
            self._greet(smtp)
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise DeliveryError(redact(f"SMTP {config.host}:{config.port}: {_describe(exc)}", config)) \
                from None

    def _greet(self, smtp: smtplib.SMTP) -> None:
        smtp.ehlo()
        if self.config.starttls:
            if not smtp.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(
                    "the server does not offer STARTTLS (smtp_starttls is on: not sending in clear)")
            smtp.starttls(context=self._context())
            smtp.ehlo()
        if self.config.user:
            smtp.login(self.config.user, self.config.password)

    def close(self) -> None:
        """Say QUIT if the connection is alive, and drop it."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def send(self, message: EmailMessage, recipient: str, handing_over: Callable[[], None]) -> Outcome:
        """Send ``message`` to ``recipient``; ``handing_over`` runs just before the message goes.

        A connection that broke before the message was handed over, or a server that said 421
        (closing: many servers take only so many messages per connection), gets one more try on a
        fresh connection: nothing was handed over, so this cannot send twice."""
        outcome = self._attempt(message, recipient, handing_over)
        if outcome.verdict == "failed" or (outcome.verdict == "refused" and outcome.detail[:3] == "421"):
            self._broken()
            outcome = self._attempt(message, recipient, handing_over)
        return outcome

    def _attempt(self, message: EmailMessage, recipient: str, handing_over: Callable[[], None]) -> Outcome:
        if self._smtp is None:
            self.connect()
        smtp = self._smtp
        assert smtp is not None  # connect() set it or raised
        try:
            refused = self._envelope(smtp, recipient)
        except (smtplib.SMTPException, OSError) as exc:
            self._broken()
            return Outcome("failed", redact(_describe(exc), self.config))
        if refused is not None:
            return refused
        handing_over()
        return self._transfer(smtp, message)

    def _envelope(self, smtp: smtplib.SMTP, recipient: str) -> Outcome | None:
        """MAIL, RCPT, DATA: None when the server waits for the message, else its refusal."""
        steps: tuple[tuple[str, tuple[int, ...]], ...] = (
            (f"MAIL FROM:<{self.config.sender}>", (250,)), (f"RCPT TO:<{recipient}>", (250, 251)),
            ("DATA", (354,)))
        for command, accepted in steps:
            code, text = smtp.docmd(command)
            if code not in accepted:
                self._reset(smtp)
                return Outcome("refused", redact(_reply(code, text), self.config))
        return None

    def _transfer(self, smtp: smtplib.SMTP, message: EmailMessage) -> Outcome:
        """The message and its final ``.``; the server's verdict, or in doubt if none came."""
        data = _LEADING_DOT.sub(b"..", message.as_bytes(policy=email.policy.SMTP))
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        try:
            smtp.send(data + b".\r\n")
            code, text = smtp.getreply()
        except (smtplib.SMTPException, OSError) as exc:
            self._broken()
            return Outcome("in_doubt", redact(_describe(exc), self.config))
        if code == 250:
            return Outcome("sent", _reply(code, text))
        return Outcome("refused", redact(_reply(code, text), self.config))

    def _reset(self, smtp: smtplib.SMTP) -> None:
        """RSET after a refusal, so the connection serves the next recipient; drop it if it fails."""
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._broken()

    def _broken(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()


def _describe(exc: BaseException) -> str:
    """One line for an smtplib or socket error (its server reply when it has one)."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def send_one(config: SmtpConfig, message: EmailMessage, recipient: str) -> Outcome:
    """Send one message on a connection of its own (a confirmation mail); DeliveryError when the
    server cannot be reached or refuses the login."""
    with SmtpMailer(config) as mailer:
        return mailer.send(message, recipient, lambda: None)
