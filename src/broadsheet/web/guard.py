"""The web reader's guards: the security headers with a fresh CSP nonce, CSRF tokens, the admin
token, and the one safe way to follow a ``next=`` address.

- **Headers** (``SecurityHeaders``): every HTTP response, whatever answered it (a page from the
  cache, a 404, a 405, a 500), carries a Content-Security-Policy with ``default-src 'none'``, a
  nonce drawn afresh for that response, ``frame-ancestors 'none'``, ``base-uri 'none'`` and
  ``form-action 'self'``. The pages hold no inline script or style at all, so the nonce is never
  written into a body (a cached page stays valid); it is there so that markup smuggled into a
  page could never run, even if a later change allowed scripts from the site itself.
- **CSRF** (``Csrf``): a form that changes state carries a hidden ``csrf_token``, the HMAC (under a
  secret drawn when the app starts) of a random value that the same answer sets as an
  ``HttpOnly``, ``SameSite=Strict`` cookie. A POST is accepted only when the field matches the
  cookie it came with: another site can make a browser post, but can neither read nor set the
  cookie, so it cannot make a matching token (the "signed double-submit cookie"). No session is
  stored on the server. The one exception is RFC 8058's one-click unsubscribe (the mail client
  posts without cookies; the secret token in its address is the authority).
- **Admin token** (``Admin``): the pages that change sources and subscribers need the
  ``admin_token`` setting, given once on ``/admin/login`` (it then lives in an ``HttpOnly`` cookie
  holding an HMAC of it, never the token) or as ``Authorization: Bearer <token>``. An empty setting
  turns those pages off (404), so a fresh install exposes no administration.
- **Redirects** (``safe_next``): a ``next=`` value is followed only when it is a path on this site
  (``/x``), never ``//evil.example``, ``/\\evil``, ``https:evil`` or anything with a scheme or host.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)
FAILED = b"Something went wrong: the page could not be made.\n"
CSRF_COOKIE = "broadsheet_csrf"
CSRF_FIELD = "csrf_token"
ADMIN_COOKIE = "broadsheet_admin"
_COOKIE_VALUE = re.compile(r"[A-Za-z0-9_-]{32,64}")
_SAFE_PATH = re.compile(r"/(?![/\\])[^\\\x00-\x20\x7f]*")


def content_security_policy(nonce: str) -> str:
    """The policy of one response: nothing but the site's stylesheet and icon, no framing."""
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
            "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


STATIC_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_NAMES = {b"content-security-policy"} | {name for name, _ in STATIC_HEADERS}


class SecurityHeaders:
    """ASGI middleware: the security headers, with a fresh nonce, on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [h for h in message.get("headers", []) if h[0].lower() not in _NAMES]
                policy = content_security_policy(secrets.token_urlsafe(18)).encode()
                message = {**message, "headers": [*kept, (b"content-security-policy", policy),
                                                  *STATIC_HEADERS]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            # failed before the app could answer (the page cache cannot read the store): the
            # server's own 500 would go out without these headers, so answer here instead
            log.exception("the web reader failed before answering %s", scope.get("path"))
            await send_with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store")]})
            await send_with_headers({"type": "http.response.body", "body": FAILED})


def safe_next(target: str | None) -> str:
    """``target`` when it is a path on this site, else ``/`` (no open redirect)."""
    if not target or not _SAFE_PATH.fullmatch(target):
        return "/"
    return target


def _cookie(header: str, name: str) -> str | None:
    """The value of cookie ``name`` in a ``Cookie`` header, if well formed."""
    value = cookie_parser(header).get(name)
    return value if value is not None and _COOKIE_VALUE.fullmatch(value) else None


def set_cookie_header(name: str, value: str, *, max_age: int | None = None) -> str:
    """A ``Set-Cookie`` value: HttpOnly, SameSite=Strict, for the whole site."""
    age = f"; Max-Age={max_age}" if max_age is not None else ""
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict{age}"


class Csrf:
    """CSRF tokens bound to a cookie (module docstring); one per app, its secret per process."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def token(self, cookie: str) -> str:
        """The form token that matches ``cookie``."""
        return hmac.new(self._secret, cookie.encode(), hashlib.sha256).hexdigest()

    def issue(self, cookie_header: str) -> tuple[str, str | None]:
        """``(form token, Set-Cookie value or None)``: the browser's cookie reused, else a new one."""
        cookie = _cookie(cookie_header, CSRF_COOKIE)
        if cookie is not None:
            return self.token(cookie), None
        cookie = secrets.token_urlsafe(32)
        return self.token(cookie), set_cookie_header(CSRF_COOKIE, cookie)

    def valid(self, cookie_header: str, field: str | None) -> bool:
        """Whether a POST's ``csrf_token`` field matches the cookie it came with."""
        cookie = _cookie(cookie_header, CSRF_COOKIE)
        if cookie is None or not field:
            return False
        return hmac.compare_digest(self.token(cookie), field)


class Admin:
    """The admin token check (module docstring): ``enabled`` only when the setting is not empty."""

    def __init__(self, token: str) -> None:
        self._token = token

    @property
    def enabled(self) -> bool:
        return bool(self._token)

    def session(self) -> str:
        """The admin cookie's value: an HMAC of the token, so the cookie never holds the token."""
        return hmac.new(self._token.encode(), b"broadsheet admin session", hashlib.sha256).hexdigest()

    def token_matches(self, given: str) -> bool:
        """Whether ``given`` is the admin token (constant time)."""
        return self.enabled and hmac.compare_digest(given.encode(), self._token.encode())

    def allowed(self, cookie_header: str, authorization: str) -> bool:
        """Whether a request holds the admin cookie or an ``Authorization: Bearer`` token."""
        if not self.enabled:
            return False
        scheme, _, given = authorization.partition(" ")
        if scheme.lower() == "bearer" and self.token_matches(given.strip()):
            return True
        cookie = _cookie(cookie_header, ADMIN_COOKIE)
        return cookie is not None and hmac.compare_digest(cookie, self.session())
