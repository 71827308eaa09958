"""E-mail addresses as broadsheet accepts them: one plain ``local@domain``, checked once, stored lower-case.

An address ends up in an SMTP command (``RCPT TO:<...>``) and a ``To:`` header, so anything that could
change either is refused rather than cleaned: white space and control characters (a CR/LF would start
a new command or header), angle brackets, quotes, commas and semicolons (a second recipient), a
display name, comments, and an IP-literal domain. What passes is the common form, ``local@domain``,
with an ASCII local part (RFC 5321 "dot-string" characters) and a domain of letters, digits and
hyphens (an internationalised domain becomes its ``xn--`` form). Addresses compare case-insensitively
in practice, so the stored form is lower-case: ``Ann@Example.org`` and ``ann@example.org`` are one
subscriber.
"""

from __future__ import annotations

import re

from broadsheet.errors import InvalidAddress

MAX_LENGTH = 254  # RFC 5321 path limit, less the angle brackets
MAX_LOCAL = 64
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def normalise_address(text: str) -> str:
    """``text`` as a stored address (lower-case, IDNA domain); ``InvalidAddress`` saying why not."""
    address = text.strip()
    if not address:
        raise InvalidAddress("an e-mail address is needed")
    if any(ch.isspace() or not ch.isprintable() for ch in address):
        raise InvalidAddress("an e-mail address has no spaces or control characters")
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise InvalidAddress(f"not an e-mail address (local@domain): {address[:80]!r}")
    if len(local) > MAX_LOCAL or not _LOCAL.fullmatch(local):
        raise InvalidAddress(f"the part before @ is not a plain mailbox name: {local[:80]!r}")
    normal = f"{local.lower()}@{_domain(domain)}"
    if len(normal) > MAX_LENGTH:
        raise InvalidAddress(f"an e-mail address is at most {MAX_LENGTH} characters")
    return normal


def _domain(domain: str) -> str:
    """The domain lower-case and in its ASCII (``xn--``) form; ``InvalidAddress`` when it is not one."""
    try:
        ascii_form = domain.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise InvalidAddress(f"not a domain name: {domain[:80]!r}") from exc
    labels = ascii_form.split(".")
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise InvalidAddress(f"not a domain name: {domain[:80]!r}")
    return ascii_form


def domain_of(address: str) -> str:
    """The domain of a normalised address (``ann@example.org`` -> ``example.org``)."""
    return address.rpartition("@")[2]

