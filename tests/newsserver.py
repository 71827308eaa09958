"""A real HTTP server on 127.0.0.1, started by the tests that need one: feeds and pages they write.

Each route answers with a fixed (status, headers, body), or a function of the request, or a slow
trickle (headers, then a few bytes at a time). The server counts the requests of every path and
keeps their headers, so tests can say "the page was never asked for" or "the second poll sent
If-None-Match". Bounded: it serves only what a test registered, on loopback, and stops with it.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]
Handler = Callable[[BaseHTTPRequestHandler], Answer]


@dataclass
class Trickle:
    """Send ``chunk`` every ``interval`` seconds, ``count`` times (a server slower than a deadline)."""

    chunk: bytes = b"<p>slow</p>"
    interval: float = 0.2
    count: int = 50


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    handler: Handler | None = None
    trickle: Trickle | None = None


class NewsServer:
    """Routes by path (query string included when registered with one)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._server.news = self
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", status: int = 200,
            headers: dict[str, str] | None = None, *, handler: Handler | None = None,
            trickle: Trickle | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, dict(headers or {}), data, handler, trickle)
        return self.url(path)

    def start(self) -> NewsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _enter(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.seen.append((path, headers))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


class _HTTPServer(ThreadingHTTPServer):
    news: NewsServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that hangs up early (a deadline, a size cap) is what the tests want."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        news = self.server.news
        news._enter(self.path, dict(self.headers.items()))
        try:
            self._answer(news)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            news._leave()

    def _answer(self, news: NewsServer) -> None:
        route = news.routes.get(self.path) or news.routes.get(self.path.split("?")[0])
        if route is None:
            return self._send(404, {"Content-Type": "text/plain"}, b"not here")
        if route.trickle is not None:
            return self._trickle(route.trickle)
        if route.handler is not None:
            return self._send(*route.handler(self))
        return self._send(route.status, route.headers, route.body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "content-length" not in {k.lower() for k in headers}:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _trickle(self, trickle: Trickle) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(trickle.chunk) * trickle.count))
        self.end_headers()
        for _ in range(trickle.count):
            self.wfile.write(trickle.chunk)
            self.wfile.flush()
            time.sleep(trickle.interval)


@contextmanager
def serving() -> Iterator[NewsServer]:
    server = NewsServer().start()
    try:
        yield server
    finally:
        server.stop()
