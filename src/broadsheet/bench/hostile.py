"""The hostile inputs ``broadsheet bench robustness`` tries, each with the outcome it must end in.

- ``fetch_cases``: addresses and answers a hostile feed or server gives the fetcher (served by a
  local server on 127.0.0.1; only 127.0.0.1 itself is allowed, so every other loopback spelling,
  private, CGNAT and link-local address must be refused): odd encodings of loopback, redirects to
  internal hosts and other schemes, gzip/deflate/brotli/stacked bombs, a trickle, a redirect loop;
- ``feed_cases``: entity bombs (nested, quadratic, UTF-16), external entities and DTDs;
- ``html_cases``: pathological markup (200,000 nested elements, a 50 MB text node, a million
  attributes, deep tables, a million empty paragraphs).
A case is a name, a function that runs it and returns what it ended as, and the outcomes allowed.
"""

from __future__ import annotations

import asyncio
import gzip
import socketserver
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

import brotli

from broadsheet.errors import BroadsheetError


@dataclass(frozen=True)
class Case:
    """One hostile input: ``run`` returns the outcome's name; it must be one of ``allowed``."""

    category: str
    name: str
    run: Callable[[], str]
    allowed: frozenset[str]


Route = tuple[int, dict[str, str], bytes]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    hits: dict[str, int]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits[self.path] = self.server.hits.get(self.path, 0) + 1
        if self.path == "/drip":
            return self._drip()
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _drip(self) -> None:
        """One byte every second, for a minute: slower than any deadline."""
        self.send_response(200)
        self.send_header("Content-Length", "60")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1.0)
        except (BrokenPipeError, ConnectionResetError):
            pass


S = TypeVar("S", bound=socketserver.BaseServer)


@contextmanager
def serving(server: S) -> Iterator[S]:
    """Serve ``server`` from a daemon thread for the block, then shut it and its socket down."""
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def local_server(routes: dict[str, Route]) -> AbstractContextManager[_Server]:
    """The HTTP server of the fetch cases on 127.0.0.1 (a free port), serving ``routes``."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.routes, server.hits = routes, {}
    return serving(server)


def _bomb_routes(cap: int) -> dict[str, Route]:
    big = b"a" * (cap * 40)
    page = b"<html><body><p>" + b"The bridge reopens. " * 50 + b"</p></body></html>"
    html = {"Content-Type": "text/html"}
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
        "/page": (200, html, page),
        "/gzip": (200, {**html, "Content-Encoding": "gzip"}, gzip.compress(big)),
        "/deflate": (200, {**html, "Content-Encoding": "deflate"}, zlib.compress(big)),
        "/br": (200, {**html, "Content-Encoding": "br"}, brotli.compress(big)),
        "/gzip-gzip": (200, {**html, "Content-Encoding": "gzip, gzip"}, gzip.compress(gzip.compress(big))),
        "/declared": (200, {**html, "Content-Length": str(cap * 40)}, b""),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
    }


def fetch_cases(port_holder: list[int], fetch: Callable[[str], str]) -> list[Case]:
    """The fetch cases; ``fetch(url)`` fetches through our fetcher and names the outcome."""
    def url(path: str) -> Callable[[], str]:
        return lambda: fetch(f"http://127.0.0.1:{port_holder[0]}{path}")

    def raw(target: str) -> Callable[[], str]:
        return lambda: fetch(target.replace("PORT", str(port_holder[0])))

    private = frozenset({"private_address"})
    cases = [Case("fetch", f"loopback spelled {host}", raw(f"http://{host}:PORT/page"), private)
             for host in ("2130706434", "0x7f.2", "017700000002", "127.2", "[::ffff:127.0.0.2]", "[::1]",
                          "0.0.0.0")]
    cases += [Case("fetch", f"internal {host}", raw(f"http://{host}/"), private)
              for host in ("10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "169.254.169.254",
                           "[fd00::1]", "[fe80::1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]")]
    cases += [Case("fetch", f"scheme {scheme}", raw(f"{scheme}"), frozenset({"bad_url"}))
              for scheme in ("file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:70/",
                             "dict://127.0.0.1:11211/", "javascript:alert(1)")]
    cases += [Case("fetch", f"{coding} bomb", url(f"/{coding}"), frozenset({"too_large"}))
              for coding in ("gzip", "deflate", "br", "gzip-gzip", "declared")]
    cases += [Case("fetch", "redirect loop", url("/loop-a"), frozenset({"too_many_redirects"})),
              Case("fetch", "a byte a second", url("/drip"), frozenset({"timeout"})),
              Case("fetch", "a plain page (control)", url("/page"), frozenset({"fetched"}))]
    return cases


def redirect_cases(port_holder: list[int], fetch: Callable[[str], str],
                   routes: dict[str, Route]) -> list[Case]:
    """Redirects from the allowed server to refused places: each hop is checked again."""
    targets = {"/to-loopback": "http://0x7f.2/page", "/to-decimal": "http://2130706434/", "/to-metadata": "http://169.254.169.254/latest/",
               "/to-file": "file:///etc/passwd", "/to-cgnat": "http://100.64.0.1/"}
    cases = []
    for path, target in targets.items():
        routes[path] = (302, {"Location": target}, b"")
        reason = "bad_url" if target.startswith("file") else "private_address"
        cases.append(Case("fetch", f"redirect {path[1:]}", _fetcher(fetch, port_holder, path),
                          frozenset({reason})))
    return cases


def _fetcher(fetch: Callable[[str], str], port_holder: list[int], path: str) -> Callable[[], str]:
    return lambda: fetch(f"http://127.0.0.1:{port_holder[0]}{path}")


def fetch_with(policy_cap: int, deadline: float) -> tuple[Callable[[str], str], object]:
    """A function fetching one URL through a fresh fetcher (only 127.0.0.1 allowed)."""
    from broadsheet.ingest.fetch import Fetched, Fetcher, FetchPolicy, make_client, with_allowed

    policy = with_allowed(replace(FetchPolicy(), host_delay=0.0, timeout=deadline, deadline=deadline,
                                  max_bytes=policy_cap, max_redirects=4), "127.0.0.1/32")

    def fetch(target: str) -> str:
        async def go() -> str:
            async with make_client(policy) as client:
                result = await Fetcher(client, policy).fetch(target)
            return "fetched" if isinstance(result, Fetched) else result.reason
        return asyncio.run(go())

    return fetch, policy


# --- feeds ------------------------------------------------------------------------------------


def laughs(levels: int = 9) -> bytes:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
            f'<item><title>&l{levels};</title><link>https://a.example/x</link></item></channel></rss>').encode()


def quadratic(size: int = 100_000, refs: int = 100_000) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"A" * size}">]><rss version="2.0"><channel>'
            f'<title>t</title><item><title>{"&a;" * refs}</title></item></channel></rss>').encode()


def _ours(body: bytes) -> Callable[[], str]:
    """Our ``parse_feed``: the reason it refused, or whether the parse leaked or expanded."""
    from broadsheet.ingest.feeds import parse_feed

    def run() -> str:
        try:
            feed = parse_feed(body, "https://a.example/feed", max_bytes=20_000_000)
        except BroadsheetError as exc:
            return exc.reason
        return _verdict(repr(feed))
    return run


def feedparser_alone(body: bytes) -> Callable[[], str]:
    """The baseline: feedparser with its defaults, handed the same bytes."""
    def run() -> str:
        import io

        import feedparser

        try:
            return _verdict(repr(feedparser.parse(io.BytesIO(body))))
        except Exception as exc:  # the baseline's own failure is its outcome
            return f"raised {type(exc).__name__}"
    return run


def _verdict(text: str) -> str:
    if "localhost" in text or "root:" in text or "lollollol" in text or "AAAAAAAAAAAAAAAA" in text:
        return "expanded"
    return "parsed"


def feed_cases(parsed: Callable[[bytes], Callable[[], str]] = _ours) -> list[Case]:
    """The feed cases, run by ``parsed`` (ours, or ``feedparser_alone`` for the baseline)."""

    xxe = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hosts">]><rss><channel>'
           b"<title>&x;</title></channel></rss>")
    dtd = (b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/hosts"><rss version="2.0"><channel>'
           b"<title>t</title><item><title>SAFE</title></item></channel></rss>")
    parameter = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://169.254.169.254/">%p;]>'
                 b"<rss><channel><title>t</title></channel></rss>")
    entities = frozenset({"entities"})
    return [Case("feeds", "billion laughs", parsed(laughs()), entities),
            Case("feeds", "quadratic blowup", parsed(quadratic()), entities),
            Case("feeds", "billion laughs in UTF-16", parsed(laughs().replace(
                b'version="1.0"', b'version="1.0" encoding="utf-16"').decode().encode("utf-16")), entities),
            Case("feeds", "external entity (XXE)", parsed(xxe), entities),
            Case("feeds", "parameter entity to metadata", parsed(parameter), entities),
            Case("feeds", "external DTD", parsed(dtd), frozenset({"parsed"})),
            Case("feeds", "sitemap billion laughs", parsed(laughs().replace(b"<rss", b"<urlset")), entities),
            Case("feeds", "gzipped feed bomb", parsed(gzip.compress(b"<rss>" + b" " * 30_000_000)),
                 frozenset({"too_large"}))]


# --- pathological HTML ------------------------------------------------------------------------


def html_cases() -> list[Case]:
    from broadsheet.extract import extract
    from broadsheet.model import Article, Page

    def extracted(markup: Callable[[], str]) -> Callable[[], str]:
        def run() -> str:
            page = Page(id="p", source="https://news.example/2024/05/01/x", kind="html", content=markup(),
                        url="https://news.example/2024/05/01/x")
            return "article" if isinstance(extract(page), Article) else "rejected"
        return run

    either = frozenset({"article", "rejected"})
    return [
        Case("html", "200,000 nested divs", extracted(
            lambda: "<html><body>" + "<div>" * 200_000 + "<p>deep</p>" + "</div>" * 200_000), either),
        Case("html", "a 50 MB text node", extracted(
            lambda: "<html><body><p>" + "word " * 10_000_000 + "</p></body></html>"), either),
        Case("html", "a million attributes", extracted(
            lambda: "<html><body><p " + " ".join(f"a{i}=x" for i in range(1_000_000)) + ">hi</p>"), either),
        Case("html", "20,000 nested tables", extracted(
            lambda: "<html><body>" + "<table><tr><td>" * 20_000 + "cell"), either),
        Case("html", "a million empty paragraphs", extracted(
            lambda: "<html><body>" + "<p></p>" * 1_000_000), either),
        Case("html", "unclosed comment and CDATA", extracted(
            lambda: "<html><body><!--" + "x" * 1_000_000 + "<![CDATA[" + "<p>y</p>" * 10_000), either),
    ]


def all_input_cases(port_holder: list[int], routes: dict[str, Route], cap: int,
                    deadline: float) -> list[Case]:
    fetch, _ = fetch_with(cap, deadline)
    routes.update(_bomb_routes(cap))
    return [*fetch_cases(port_holder, fetch), *redirect_cases(port_holder, fetch, routes),
            *feed_cases(), *html_cases()]
