"""The newsletter pages over HTTP on 127.0.0.1, with a real SMTP server: double opt-in, and
one-click unsubscribe that no GET can trigger."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest
import uvicorn

from broadsheet.brief import build_edition
from broadsheet.deliver.send import send_edition
from broadsheet.deliver.smtp import SmtpConfig
from broadsheet.settings import Settings, load_settings
from broadsheet.store import Store
from broadsheet.web import create_app
from mailserver import Mailbox, free_port, mail_server
from test_brief_data import corpus

ONE_CLICK = {"content": "List-Unsubscribe=One-Click",
             "headers": {"content-type": "application/x-www-form-urlencoded"}}


@dataclass
class Site:
    """The app on a loopback port, its store, the SMTP server behind it, its settings."""

    base: str
    db: str
    mailbox: Mailbox
    settings: Settings
    client: httpx.Client

    def store(self) -> Store:
        return Store.open(self.db)

    def status(self, email: str) -> str | None:
        with self.store() as store:
            found = store.subscriber(email)
        return found.status if found else None


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    mailbox = Mailbox()
    port = free_port()
    base = f"http://127.0.0.1:{port}"  # the links in mails point at this very server
    with mail_server(mailbox) as smtp_port:
        settings = load_settings({"db": db, "smtp_host": "127.0.0.1", "smtp_port": smtp_port,
                                  "mail_from": "news@example.org", "edition_title": "Morning brief",
                                  "base_url": base}, environ={}, config=Path("/none"))
        app = create_app(db, settings)  # the web reader itself, its subscription pages mounted
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                               log_level="warning", access_log=False))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the app did not start"
            time.sleep(0.02)
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                yield Site(base, db, mailbox, settings, client)
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def _confirm_link(site: Site, email: str) -> str:
    (received,) = site.mailbox.to(email)
    found = re.search(r"(http://\S+/subscribe/confirm/\S+)", received.message().get_content())
    assert found, received.message().get_content()
    return found.group(1)


def _csrf(site: Site, path: str = "/subscribe") -> str:
    """The CSRF token of the form on ``path`` (its cookie stays in the client)."""
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', site.client.get(path).text)
    assert found, path
    return found.group(1)


def _post(site: Site, path: str, fields: dict[str, str], form: str = "/subscribe") -> httpx.Response:
    """A POST as the browser sends it from the page ``form``: its fields and its CSRF token."""
    return site.client.post(path, data={**fields, "csrf_token": _csrf(site, form)})


def test_subscribe_confirm_by_post_only(site: Site) -> None:
    home = site.client.get("/")  # every page of the reader links to the form
    assert f'href="{site.base}/subscribe"' in home.text or 'href="/subscribe"' in home.text
    form = site.client.get("/subscribe")
    assert form.status_code == 200 and 'name="email"' in form.text and 'method="post"' in form.text
    assert form.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in form.headers["content-security-policy"]
    assert site.client.get("/subscribe.json").json()["fields"] == ["email"]
    answer = _post(site, "/subscribe", {"email": "Ann@Example.org"})
    assert answer.status_code == 200 and "Check your inbox" in answer.text
    assert site.status("ann@example.org") == "pending"
    link = _confirm_link(site, "ann@example.org")
    for _ in range(10):  # a scanner following the link confirms nothing
        page = site.client.get(link)
        assert page.status_code == 200 and "Confirm" in page.text and "ann@example.org" in page.text
    assert site.client.head(link).status_code == 200
    assert site.status("ann@example.org") == "pending"
    done = _post(site, link, {}, form=link)
    assert done.status_code == 200 and "You are subscribed" in done.text
    assert site.status("ann@example.org") == "active"
    assert _post(site, link, {}).status_code == 404  # used up


def test_the_answer_does_not_tell_who_is_subscribed(site: Site) -> None:
    with site.store() as store:
        store.add_subscriber("bob@example.org")
    known = _post(site, "/subscribe", {"email": "bob@example.org"})
    new = _post(site, "/subscribe", {"email": "cat@example.org"})
    assert known.status_code == new.status_code == 200
    assert known.text.replace("bob@", "x@") == new.text.replace("cat@", "x@")
    assert [m.recipients for m in site.mailbox.messages] == [("cat@example.org",)]


def test_a_bad_address_shows_the_form_again_escaped(site: Site) -> None:
    answer = _post(site, "/subscribe", {"email": '"><script>alert(1)</script>'})
    assert answer.status_code == 400 and 'name="email"' in answer.text
    assert "<script>" not in answer.text and "&lt;script&gt;" in answer.text
    too_big = site.client.post("/subscribe", data={"email": "x" * 10_000})
    assert too_big.status_code == 413
    with site.store() as store:
        assert store.subscribers() == []
    assert site.mailbox.messages == []


def test_ten_gets_of_the_unsubscribe_link_leave_the_subscriber_subscribed(site: Site) -> None:
    """The issue's test: the link of a real newsletter, fetched as a scanner would, then clicked."""
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="Morning brief", created="2025-10-05T06:00:00+00:00")
    with site.store() as store:
        store.add_subscriber("ann@example.org")
        store.add_subscriber("bob@example.org")
        store.put_edition(edition)
        send_edition(store, edition, SmtpConfig.from_settings(site.settings), site.base)
    message = site.mailbox.to("ann@example.org")[0].message()
    link = message["List-Unsubscribe"].strip().strip("<>")
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert link.startswith(f"{site.base}/unsubscribe/") and f'href="{link}"' in html
    for _ in range(10):
        page = site.client.get(link)
        assert page.status_code == 200 and "Unsubscribe?" in page.text
    assert site.client.get(link + ".json").json()["status"] == "active"
    assert site.status("ann@example.org") == "active"
    # the mail client's one-click POST (RFC 8058): no cookie, no form of ours, just the body
    answer = httpx.post(link, **ONE_CLICK)  # type: ignore[arg-type]
    assert answer.status_code == 200 and "You are unsubscribed" in answer.text
    assert site.status("ann@example.org") == "unsubscribed"
    assert site.status("bob@example.org") == "active"
    assert site.client.get(link + ".json").json()["status"] == "unsubscribed"
    with site.store() as store:  # the next edition goes to bob only
        report = send_edition(store, replace(edition, id="next"), SmtpConfig.from_settings(site.settings),
                              site.base)
    assert report.sent == ["bob@example.org"]


def test_the_button_of_the_unsubscribe_page_unsubscribes(site: Site) -> None:
    with site.store() as store:
        ann, _ = store.add_subscriber("ann@example.org")
    page = site.client.get(f"/unsubscribe/{ann.token}")
    assert 'method="post"' in page.text and 'name="List-Unsubscribe" value="One-Click"' in page.text
    clicked = site.client.post(f"/unsubscribe/{ann.token}", data={"List-Unsubscribe": "One-Click"})
    assert clicked.status_code == 200
    assert site.status("ann@example.org") == "unsubscribed"


@pytest.mark.parametrize("path", ["/unsubscribe/1.wrong", "/unsubscribe/nonsense", "/unsubscribe/.json",
                                  "/subscribe/confirm/1.wrong"])
def test_a_wrong_token_changes_nothing(site: Site, path: str) -> None:
    with site.store() as store:
        ann, _ = store.add_subscriber("ann@example.org")
    assert site.client.get(path).status_code == 404
    assert _post(site, path, {"List-Unsubscribe": "One-Click"}).status_code == 404
    other = site.client.post(f"/unsubscribe/{ann.id}.{'A' * len(ann.secret)}", **ONE_CLICK)  # type: ignore[arg-type]
    assert other.status_code == 404
    assert site.status("ann@example.org") == "active"


def test_a_post_without_the_form_s_csrf_token_changes_nothing(site: Site) -> None:
    """Another site can make a browser post the forms, but cannot read or set the cookie the
    token is bound to: no token, a made-up one, or one without its cookie is refused with 403."""
    with site.store() as store:
        pending = store.request_subscription("dan@example.org")
    assert pending is not None and pending.confirm_token
    confirm = f"/subscribe/confirm/{pending.confirm_token}"
    token = _csrf(site)
    tries = [site.client.post("/subscribe", data={"email": "eve@example.org"}),
             site.client.post("/subscribe", data={"email": "eve@example.org", "csrf_token": "0" * 64}),
             httpx.post(f"{site.base}/subscribe", data={"email": "eve@example.org", "csrf_token": token}),
             site.client.post(confirm), site.client.post(confirm, data={"csrf_token": token[::-1]})]
    assert [t.status_code for t in tries] == [403] * len(tries)
    assert "Nothing was changed" in tries[0].text
    assert site.status("eve@example.org") is None and site.status("dan@example.org") == "pending"
    assert site.mailbox.messages == []
    cookie = site.client.get("/subscribe").headers.get("set-cookie")  # the cookie is reused
    assert cookie is None


def test_the_csrf_cookie_is_http_only_and_same_site_strict(tmp_path: Path, site: Site) -> None:
    answer = httpx.get(f"{site.base}/subscribe")
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("broadsheet_csrf=") and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie and "Path=/" in cookie
