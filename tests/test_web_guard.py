"""The web reader's guards over HTTP on 127.0.0.1: the admin token, CSRF on the admin forms, no open
redirect, GET that never writes, the CSP on a 500, and ``serve`` listening on loopback only."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest

from broadsheet.model import Source
from broadsheet.settings import load_settings
from broadsheet.store import Store
from broadsheet.web.guard import safe_next
from mailserver import free_port
from webserver import serving
from webstore import SETTINGS, build_store

TOKEN = "correct-horse-battery-staple-admin-token-0123"
REDIRECT_PROBES = ["//evil.example", "//evil.example/path", "/\\evil.example", "\\\\evil.example",
                   "https:evil.example", "https://evil.example/", "http://evil.example",
                   "javascript:alert(1)", "/\t/evil.example", "/\n/evil.example", " //evil.example",
                   "%2F%2Fevil.example", "evil.example", "///evil.example", "/\\/evil.example",
                   "data:text/html,x", ""]


@dataclass
class Site:
    base: str
    db: str
    client: httpx.Client


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("guard") / "broadsheet.db"
    build_store(db)
    return str(db)


@pytest.fixture
def site(built: str, tmp_path: Path) -> Iterator[Site]:
    db = tmp_path / "broadsheet.db"
    db.write_bytes(Path(built).read_bytes())
    with Store.open(db) as store:
        store.add_source(Source(url="https://feeds.example/a.xml", title="A"))
        store.add_subscriber("ann@example.org")
    with serving(str(db), replace(SETTINGS, admin_token=TOKEN)) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        yield Site(base, str(db), client)


def _csrf(client: httpx.Client, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', client.get(path).text)
    assert found, path
    return found.group(1)


def _login(site: Site, next_path: str = "/admin") -> httpx.Response:
    token = _csrf(site.client, "/admin/login")
    return site.client.post("/admin/login", data={"token": TOKEN, "csrf_token": token, "next": next_path})


def _sources(site: Site) -> list[str]:
    with Store.open(site.db) as store:
        return [s.url for s in store.followed_sources()]


def test_without_an_admin_token_the_admin_pages_do_not_exist(built: str) -> None:
    assert SETTINGS.admin_token == ""
    with serving(built, SETTINGS) as base, httpx.Client(base_url=base) as client:
        for path in ("/admin", "/admin/login", "/admin/sources", "/admin/subscribers"):
            answer = client.get(path, headers={"authorization": "Bearer x"})
            assert answer.status_code == 404 and "default-src 'none'" in answer.headers[
                "content-security-policy"], path
        for path in ("/admin/login", "/admin/sources/add", "/admin/sources/remove",
                     "/admin/subscribers/remove", "/admin/logout"):
            assert client.post(path, data={"token": "", "url": "https://x.example/"}).status_code == 404


def test_admin_pages_need_the_token(site: Site) -> None:
    for path in ("/admin", "/admin/sources", "/admin/subscribers"):
        refused = site.client.get(path)
        assert refused.status_code == 403 and 'name="token"' in refused.text and "ann@" not in refused.text
        wrong = site.client.get(path, headers={"authorization": f"Bearer {TOKEN}x"})
        assert wrong.status_code == 403
        assert site.client.get(path, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    token = _csrf(site.client, "/admin/login")
    bad = site.client.post("/admin/login", data={"token": TOKEN[:-1], "csrf_token": token})
    assert bad.status_code == 403 and "broadsheet_admin" not in bad.headers.get("set-cookie", "")
    added = site.client.post("/admin/sources/add", data={"url": "https://new.example/feed",
                                                         "csrf_token": token})
    assert added.status_code == 403 and _sources(site) == ["https://feeds.example/a.xml"]


def test_a_logged_in_admin_changes_sources_and_subscribers_by_post_with_its_csrf_token(site: Site) -> None:
    login = _login(site, "/admin/sources")
    assert login.status_code == 303 and login.headers["location"] == "/admin/sources"
    cookies = login.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("broadsheet_admin="))
    assert "HttpOnly" in session and "SameSite=Strict" in session and TOKEN not in session
    page = site.client.get("/admin/sources")
    assert page.status_code == 200 and "https://feeds.example/a.xml" in page.text
    token = _csrf(site.client, "/admin/sources")
    forged = [site.client.post("/admin/sources/add", data={"url": "https://new.example/feed"}),
              site.client.post("/admin/sources/add", data={"url": "https://new.example/feed",
                                                           "csrf_token": "f" * 64})]
    assert [f.status_code for f in forged] == [403, 403]
    assert _sources(site) == ["https://feeds.example/a.xml"]
    unsafe = site.client.post("/admin/sources/add", data={"url": "javascript:alert(1)", "csrf_token": token})
    assert unsafe.status_code == 400 and _sources(site) == ["https://feeds.example/a.xml"]
    added = site.client.post("/admin/sources/add", data={"url": "https://new.example/feed",
                                                         "leaning": "center", "csrf_token": token})
    assert added.status_code == 303 and added.headers["location"] == "/admin/sources"
    assert _sources(site) == ["https://feeds.example/a.xml", "https://new.example/feed"]
    removed = site.client.post("/admin/sources/remove", data={"url": "https://feeds.example/a.xml",
                                                              "csrf_token": token})
    assert removed.status_code == 303 and _sources(site) == ["https://new.example/feed"]
    assert "ann@example.org" in site.client.get("/admin/subscribers").text
    gone = site.client.post("/admin/subscribers/remove", data={"email": "ann@example.org",
                                                               "csrf_token": token})
    assert gone.status_code == 303
    with Store.open(site.db) as store:
        assert store.subscriber("ann@example.org") is None
    out = site.client.post("/admin/logout", data={"csrf_token": token})
    assert out.status_code == 303 and site.client.get("/admin/sources").status_code == 403


@pytest.mark.parametrize("probe", REDIRECT_PROBES)
def test_open_redirect_probes_fall_back_to_the_home_page(site: Site, probe: str) -> None:
    assert safe_next(probe) == "/"
    answer = _login(site, probe)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    page = site.client.get("/admin/login", params={"next": probe})
    assert 'name="next" value="/"' in page.text


def test_a_path_on_the_site_is_a_fine_next() -> None:
    assert safe_next("/admin/sources") == "/admin/sources"
    assert safe_next("/stories/x?y=1#z") == "/stories/x?y=1#z"


def test_no_get_or_head_changes_the_store(site: Site) -> None:
    """Every GET the reader answers, logged in or not, leaves the store's data as it was."""
    with Store.open(site.db) as store:
        before = store.data_version()
        subscriber = store.subscriber("ann@example.org")
        assert subscriber is not None
        paths = ["/", "/editions", "/sources", "/search?q=Pyongyang", "/feed.atom", "/feed.json",
                 "/subscribe", f"/unsubscribe/{subscriber.token}", f"/unsubscribe/{subscriber.token}.json",
                 "/subscribe/confirm/1.nonsense", "/admin", "/admin/login", "/admin/sources",
                 "/admin/subscribers", "/admin/sources/add", "/admin/logout", "/no/such/page"]
        _login(site)
        for path in paths:
            for method in ("GET", "HEAD"):
                site.client.request(method, path)
                site.client.request(method, path, headers={"authorization": f"Bearer {TOKEN}"})
        assert store.data_version() == before
        assert store.subscriber("ann@example.org") == subscriber
    assert _sources(site) == ["https://feeds.example/a.xml"]


def test_a_500_carries_the_security_headers_too(site: Site) -> None:
    """The store vanishes under the running app: the 500 still has the CSP and no detail."""
    Path(site.db).rename(site.db + ".gone")
    for path in ("/editions?fresh", "/stories/anything-new", "/admin/sources"):
        answer = site.client.get(path, headers={"authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 500, (path, answer.text[:200])
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "'nonce-" in csp and "frame-ancestors 'none'" in csp
        assert "Traceback" not in answer.text and site.db not in answer.text


def _listening(port: int) -> list[str]:
    """The local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp{,6})."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":
                found.append(address)
    return found


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads /proc/net/tcp")
def test_serve_listens_on_loopback_only_unless_told_otherwise(built: str) -> None:
    port = free_port()
    env = {**os.environ, "BROADSHEET_ADMIN_TOKEN": TOKEN}
    command = ["serve", "--db", built, "--port", str(port)]
    server = subprocess.Popen([sys.executable, "-c", "import sys; from broadsheet.cli import main; "
                               f"sys.exit(main({command!r}))"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
        assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert f"http://127.0.0.1:{port}/" in output and TOKEN not in output


def test_the_admin_token_is_never_printed() -> None:
    settings = load_settings({"admin_token": TOKEN}, environ={}, config=Path("/none"))
    assert settings.admin_token == TOKEN and TOKEN not in repr(settings)


def test_an_app_that_fails_before_answering_still_answers_with_the_headers() -> None:
    """What uvicorn would answer itself (without our headers) is answered by the middleware."""
    import asyncio

    from starlette.types import Receive, Scope, Send

    from broadsheet.web.guard import SecurityHeaders

    async def broken(scope: Scope, receive: Receive, send: Send) -> None:
        raise RuntimeError("the store is gone")

    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b""}

    asyncio.run(SecurityHeaders(broken)({"type": "http", "path": "/x"}, receive, send))  # type: ignore[arg-type]
    start, body = sent
    headers = dict(start["headers"])  # type: ignore[call-overload]
    assert start["status"] == 500 and b"default-src 'none'" in headers[b"content-security-policy"]
    assert b"store" not in body["body"]  # type: ignore[operator]
