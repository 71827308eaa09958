"""The fetcher against a real server on 127.0.0.1: each behaviour of the issue ends in the right value."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import Any, TypeVar

import brotli
import httpx
import pytest

from broadsheet.ingest import guard
from broadsheet.ingest.fetch import (
    DEFAULT_USER_AGENT,
    Exchange,
    Fetched,
    Fetcher,
    FetchFailure,
    FetchPolicy,
    make_client,
    with_allowed,
)
from broadsheet.timestamps import now, seconds_between
from newsserver import NewsServer, Trickle, serving

T = TypeVar("T")
POLICY = with_allowed(FetchPolicy(host_delay=0.0, timeout=5.0, deadline=10.0, max_bytes=100_000),
                      "127.0.0.0/8")
PAGE = "<html><head><title>Bridge</title></head><body><p>The bridge reopens.</p></body></html>"


@pytest.fixture
def server() -> Iterator[NewsServer]:
    with serving() as running:
        yield running


class Recorded:
    """A recorder and a sleep that remember instead of writing and waiting."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []
        self.sleeps: list[float] = []

    def record(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def fetch_all(make: Callable[[Fetcher], Awaitable[T]], policy: FetchPolicy = POLICY,
              recorded: Recorded | None = None, **options: Any) -> T:
    """Run ``make(fetcher)`` on a fresh guarded client in a fresh event loop."""

    async def go() -> T:
        async with make_client(policy) as client:
            fetcher = Fetcher(client, policy, recorder=recorded,
                              sleep=recorded.sleep if recorded else asyncio.sleep, **options)
            return await make(fetcher)

    return asyncio.run(go())


def fetch_one(url: str, policy: FetchPolicy = POLICY, recorded: Recorded | None = None,
              **kwargs: Any) -> Fetched | FetchFailure:
    return fetch_all(lambda f: f.fetch(url, **kwargs), policy, recorded)


def test_a_page_comes_with_its_validators_and_an_unchanged_one_costs_a_304(server: NewsServer) -> None:
    def conditional(request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if request.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"',
                     "Last-Modified": "Sat, 02 Mar 2024 10:00:00 GMT"}, PAGE.encode()

    url = server.add("/news/bridge", handler=conditional)
    first = fetch_one(url)
    assert isinstance(first, Fetched) and first.status == 200 and b"bridge reopens" in first.content
    assert (first.etag, first.last_modified) == ('"v1"', "2024-03-02T10:00:00+00:00")
    assert (first.content_type, first.charset) == ("text/html", "utf-8")
    again = fetch_one(url, etag=first.etag, last_modified=first.last_modified)
    assert isinstance(again, Fetched) and again.not_modified and again.content == b""
    _, headers = server.seen[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Sat, 02 Mar 2024 10:00:00 GMT"
    assert headers["User-Agent"] == DEFAULT_USER_AGENT and "robots.txt" in DEFAULT_USER_AGENT


def test_redirect_chains_are_followed_and_limited(server: NewsServer) -> None:
    final = server.add("/final", PAGE, headers={"Content-Type": "text/html"})
    server.add("/b", status=302, headers={"Location": "/final"})
    start = server.add("/a", status=301, headers={"Location": server.url("/b")})
    result = fetch_one(start)
    assert isinstance(result, Fetched)
    assert (result.url, result.final_url, result.redirects) == (start, final, (start, server.url("/b")))

    server.add("/loop1", status=302, headers={"Location": "/loop2"})
    server.add("/loop2", status=307, headers={"Location": "/loop1"})
    looped = fetch_one(server.url("/loop1"), replace(POLICY, max_redirects=3))
    assert isinstance(looped, FetchFailure) and looped.reason == "too_many_redirects"
    assert server.hits["/loop1"] + server.hits["/loop2"] == 4  # the first request and 3 redirects


def test_status_codes_become_their_reasons(server: NewsServer) -> None:
    cases = {"/gone": (404, "not_found"), "/secret": (403, "forbidden"), "/boom": (500, "server_error"),
             "/legal": (451, "forbidden"), "/odd": (418, "http_error")}
    for path, (status, _) in cases.items():
        server.add(path, "no", status=status)
    for path, (_, reason) in cases.items():
        result = fetch_one(server.url(path))
        assert isinstance(result, FetchFailure) and result.reason == reason, path
    assert FetchFailure("u", "server_error", "").transient
    assert not FetchFailure("u", "not_found", "").transient


def test_429_is_retried_after_the_time_it_asks_for(server: NewsServer) -> None:
    answers = iter([(429, {"Retry-After": "2"}, b"slow down"), (200, {"Content-Type": "text/html"},
                                                                     PAGE.encode())])
    url = server.add("/busy", handler=lambda request: next(answers))
    recorded = Recorded()
    result = fetch_one(url, recorded=recorded)
    assert isinstance(result, Fetched) and server.hits["/busy"] == 2
    assert any(1.0 <= s <= 2.0 for s in recorded.sleeps)  # waited as asked (no real sleep)


def test_a_long_retry_after_is_returned_not_waited_for(server: NewsServer) -> None:
    url = server.add("/later", "busy", status=503, headers={"Retry-After": "3600"})
    recorded = Recorded()
    result = fetch_one(url, recorded=recorded)
    assert isinstance(result, FetchFailure) and result.reason == "unavailable"
    assert result.retry_after is not None and seconds_between(now(), result.retry_after) > 3500
    assert server.hits["/later"] == 1 and not any(s > 60 for s in recorded.sleeps)


def test_robots_txt_is_obeyed_and_read_once_per_host(server: NewsServer) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: broadsheet\n"
               "Disallow: /members/\nCrawl-delay: 3\n", headers={"Content-Type": "text/plain"})
    server.add("/members/story", PAGE)
    server.add("/private/story", PAGE)
    server.add("/open", PAGE, headers={"Content-Type": "text/html"})

    async def three(fetcher: Fetcher) -> list[Fetched | FetchFailure]:
        return [await fetcher.fetch(server.url(p)) for p in ("/members/story", "/open", "/open")]

    recorded = Recorded()
    refused, opened, _ = fetch_all(three, recorded=recorded)
    assert isinstance(refused, FetchFailure) and refused.reason == "robots"
    assert "/members/story" in refused.detail
    assert isinstance(opened, Fetched)
    assert server.hits["/robots.txt"] == 1 and server.hits["/members/story"] == 0
    assert any(2.5 <= s <= 3.0 for s in recorded.sleeps)  # the Crawl-delay spaced the two /open
    # our group (broadsheet) replaces the * group: /private/ is not disallowed for us
    assert isinstance(fetch_one(server.url("/private/story")), Fetched)


def test_robots_txt_that_fails_disallows_everything(server: NewsServer) -> None:
    server.add("/robots.txt", "down", status=503)
    server.add("/page", PAGE)
    result = fetch_one(server.url("/page"))
    assert isinstance(result, FetchFailure) and result.reason == "robots"
    assert server.hits["/page"] == 0


def test_bodies_are_capped_after_decoding(server: NewsServer) -> None:
    cap = POLICY.max_bytes
    big = b"<p>" + b"a" * (cap * 20) + b"</p>"
    server.add("/declared", big, headers={"Content-Type": "text/html"})
    server.add("/gzip-bomb", gzip.compress(big), headers={"Content-Encoding": "gzip"})
    server.add("/deflate-bomb", zlib.compress(big), headers={"Content-Encoding": "deflate"})
    server.add("/br-bomb", brotli.compress(big), headers={"Content-Encoding": "br"})
    server.add("/small-gzip", gzip.compress(PAGE.encode()),
               headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})
    for path in ("/declared", "/gzip-bomb", "/deflate-bomb", "/br-bomb"):
        result = fetch_one(server.url(path))
        assert isinstance(result, FetchFailure) and result.reason == "too_large", path
        assert len(gzip.compress(big)) < cap or path == "/declared"  # the compressed body was small
    small = fetch_one(server.url("/small-gzip"))
    assert isinstance(small, Fetched) and small.content == PAGE.encode()


def test_a_trickling_server_is_stopped_by_the_deadline(server: NewsServer) -> None:
    url = server.add("/slow", trickle=Trickle(interval=0.2, count=100))
    policy = replace(POLICY, timeout=5.0, deadline=1.0)  # each read is quick; the whole is not
    result = fetch_one(url, policy)
    assert isinstance(result, FetchFailure) and result.reason == "timeout"


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.1", "169.254.169.254", "100.64.0.1",
                                     "[::ffff:10.0.0.1]", "[fe80::1]", "0.0.0.0"])
def test_private_addresses_are_refused_before_any_connection(address: str) -> None:
    result = fetch_one(f"http://{address}/latest/meta-data/")
    assert isinstance(result, FetchFailure) and result.reason == "private_address"


def test_loopback_is_refused_unless_allowed(server: NewsServer) -> None:
    url = server.add("/page", PAGE)
    closed = replace(POLICY, allowed_networks=())
    for target in (url, url.replace("127.0.0.1", "localhost"), url.replace("127.0.0.1", "2130706433")):
        result = fetch_one(target, closed)
        assert isinstance(result, FetchFailure) and result.reason == "private_address", target
    assert server.hits["/page"] == 0


def test_a_redirect_to_a_private_address_is_refused_on_that_hop(server: NewsServer) -> None:
    url = server.add("/out", status=302, headers={"Location": "http://169.254.169.254/latest/"})
    result = fetch_one(url)
    assert isinstance(result, FetchFailure) and result.reason == "private_address"
    assert server.hits["/out"] == 1


def test_the_transport_checks_the_address_it_connects_to(server: NewsServer) -> None:
    """A resolver that lies to the fetcher (rebinding) still cannot reach loopback: the guarded
    transport resolves again and refuses at connect time."""
    url = server.add("/page", PAGE)
    closed = replace(POLICY, allowed_networks=())

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    result = fetch_all(lambda f: f.fetch(url.replace("127.0.0.1", "localhost")), closed,
                       resolve=public)
    assert isinstance(result, FetchFailure) and result.reason == "private_address"
    assert server.hits["/page"] == 0


def test_other_schemes_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "not a url"):
        result = fetch_one(url)
        assert isinstance(result, FetchFailure) and result.reason == "bad_url", url


def test_a_host_is_asked_by_one_request_at_a_time(server: NewsServer) -> None:
    for n in range(6):
        server.add(f"/p{n}", trickle=Trickle(chunk=b"x" * 10, interval=0.02, count=5))
    policy = replace(POLICY, host_concurrency=1, concurrency=8)

    async def many(fetcher: Fetcher) -> list[Fetched | FetchFailure]:
        return await asyncio.gather(*(fetcher.fetch(server.url(f"/p{n}")) for n in range(6)))

    results = fetch_all(many, policy)
    assert all(isinstance(r, Fetched) for r in results)
    assert server.max_in_flight == 1


def test_every_exchange_is_recorded(server: NewsServer) -> None:
    server.add("/robots.txt", "User-agent: *\nAllow: /\n")
    server.add("/moved", status=301, headers={"Location": "/here"})
    server.add("/here", PAGE, headers={"Content-Type": "text/html"})
    recorded = Recorded()
    fetch_one(server.url("/moved"), recorded=recorded, hints={"title": "Bridge"})
    roles = [(e.url.rsplit("/", 1)[1], e.status, e.role) for e in recorded.exchanges]
    assert roles == [("robots.txt", 200, "robots"), ("moved", 301, "page"), ("here", 200, "page")]
    assert recorded.exchanges[-1].body == PAGE.encode() and recorded.exchanges[-1].hints == {
        "title": "Bridge"}


def test_mock_transport_works_with_an_injected_resolver() -> None:
    """The client is injected: httpx.MockTransport serves a name that is never resolved for real."""
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, html=PAGE)

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    async def go() -> Fetched | FetchFailure:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await Fetcher(client, FetchPolicy(host_delay=0), resolve=public).fetch(
                "https://news.example/story")

    result = asyncio.run(go())
    assert isinstance(result, Fetched) and result.final_url == "https://news.example/story"


def test_is_public_reads_embedded_ipv4() -> None:
    import ipaddress

    assert guard.is_public(ipaddress.ip_address("8.8.8.8"))
    for text in ("64:ff9b::a00:1", "2002:a00:1::", "::ffff:127.0.0.1", "224.0.0.1"):
        assert not guard.is_public(ipaddress.ip_address(text)), text


@pytest.mark.parametrize("address", ["169.254.169.254", "[fe80::1]", "0.0.0.0", "224.0.0.1",
                                     "[::ffff:169.254.169.254]"])
def test_link_local_and_multicast_are_refused_even_when_private_addresses_are_allowed(address: str) -> None:
    everything = replace(POLICY, allowed_networks=guard.EVERYWHERE)
    result = fetch_one(f"http://{address}/latest/meta-data/", everything)
    assert isinstance(result, FetchFailure) and result.reason == "private_address"
    assert guard.refusal("10.0.0.1", guard.EVERYWHERE) is None  # the setting allows private ones


def test_a_redirect_to_a_malformed_address_is_a_failure(server: NewsServer) -> None:
    url = server.add("/odd", status=302, headers={"Location": "http://[::1/x"})
    result = fetch_one(url)  # httpx itself refuses to read such a header: a failure value either way
    assert isinstance(result, FetchFailure) and result.reason in ("bad_url", "connect_error")
