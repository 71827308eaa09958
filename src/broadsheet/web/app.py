"""The web reader: a Starlette app over one store, served by ``broadsheet serve`` (uvicorn).

Routes (each page has a JSON twin: the same path with ``.json`` appended; ``/`` has ``/index.json``):

    /                          the latest edition          /editions          the archive
    /editions/<id>             an edition                  /stories/<id>      a story, as stored now
    /people/<name>             a person's quotes over time /organisations/<name>
    /outlets/<name>            an outlet's articles        /sources           sources, rejections
    /search?q=                 full-text search (FTS5) with highlighted snippets
    /style.css, /favicon.svg   the stylesheet, the icon    /feed.atom, /feed.json  stories feeds
    /feed/editions.atom, /feed/editions.json               the feed of editions
    /subscribe, /subscribe/confirm/<token>, /unsubscribe/<token>   the daily email (``subscriptions``)
    /admin, /admin/sources, /admin/subscribers   administration, behind the admin token (``admin``)

Pages are rendered on the server and need no JavaScript. Every response, errors included, carries
a Content-Security-Policy that allows nothing but the app's own stylesheet, with a fresh nonce
(``guard.SecurityHeaders``); state-changing forms carry CSRF tokens (``guard.Csrf``).
A rendered page is cached until the store changes (``PRAGMA data_version``), so a page is built
once per change of the store, not once per reader: readers who ask while it is being built wait
for that one build, and a cached page is answered before routing (``CachedPages``). Views run in
worker threads, each with its own read connection; the event loop only answers from the cache.
A story's page is also kept with what it was built from (``views.StoryBuilds``): a write elsewhere
in the store (a feed pass adding to other stories) does not build a big story again.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from broadsheet.codec import to_dict
from broadsheet.errors import StoreError
from broadsheet.render import feeds
from broadsheet.render.html import icon, render_page, stylesheet
from broadsheet.render.routes import Routes
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.web import views
from broadsheet.web.admin import AdminPages
from broadsheet.web.guard import Csrf, SecurityHeaders
from broadsheet.web.subscriptions import Subscriptions


class AnyText(Convertor[str]):
    """A path parameter that may hold anything, line breaks included (Starlette's ``path`` stops
    at one): a name from a source is whatever the source wrote, and its page must still open."""

    regex = "[\\s\\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("text", AnyText())
CACHE_PAGES = 512
HTML = "text/html; charset=utf-8"
JSON = "application/json"
View = Callable[[Store], views.Page]


@dataclass(frozen=True)
class Cached:
    """A built response: its status, media type and body."""

    status: int
    media_type: str
    body: bytes

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, media_type=self.media_type)


Key = tuple[str, int]


class Reader:
    """The app's state: settings, one read connection per worker thread, the page cache."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.routes = Routes.web(settings.base_url or "/")
        self._local = threading.local()
        self._watch: Store | None = None
        self._cache: OrderedDict[Key, Cached] = OrderedDict()
        self._building: dict[Key, asyncio.Future[Cached]] = {}
        self.stories = views.StoryBuilds()  # story pages kept while their story is unchanged

    def store(self) -> Store:
        """This thread's read connection (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db, create=False)
            self._local.store = store
        return store

    def version(self) -> int:
        """The store's data version, read on the event loop's own connection."""
        if self._watch is None:
            self._watch = Store.open(self.db, create=False)
        return self._watch.data_version()

    def cached(self, target: str) -> Cached | None:
        """The cached answer for ``target`` (path and query) at the store's current version."""
        hit = self._cache.get((target, self.version()))
        if hit is not None:
            self._cache.move_to_end((target, self.version()))
        return hit

    def remember(self, key: Key, built: Cached) -> Cached:
        self._cache[key] = built
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        return built

    async def answer(self, request: Request, build: Callable[[], Cached]) -> Response:
        """The cached response for this URL and store version, else one built once: readers
        asking for the same page while it is built wait for that build (no stampede)."""
        key = (_target(request.scope), self.version())
        hit = self._cache.get(key)
        if hit is not None:
            return hit.response()
        pending = self._building.get(key)
        if pending is not None:
            return (await asyncio.shield(pending)).response()
        future: asyncio.Future[Cached] = asyncio.get_running_loop().create_future()
        self._building[key] = future
        try:
            built = self.remember(key, await run_in_threadpool(build))
            future.set_result(built)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters re-raise it, nobody logs it twice
            raise
        finally:
            del self._building[key]
        return built.response()

    def feeds_routes(self, request: Request) -> Routes:
        """Absolute routes for feeds: the ``base_url`` setting, else the request's own base."""
        return Routes.web(self.settings.base_url or str(request.base_url))

    def render(self, page: views.Page, twin: str | None) -> Cached:
        body = render_page(page.template, self.routes, site=self.settings.edition_title, twin=twin,
                           **page.context)
        return Cached(200, HTML, body.encode("utf-8"))


def _target(scope: Scope) -> str:
    """The cache key of a request: its raw path and query string."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
    query: bytes = scope.get("query_string", b"")
    return raw.decode("latin-1") + "?" + query.decode("latin-1")


class CachedPages:
    """ASGI fast path: a GET whose page is cached at the store's current version is answered
    here, without routing or a request object; anything else goes on to the app."""

    def __init__(self, app: ASGIApp, reader: Reader) -> None:
        self.app = app
        self.reader = reader

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            hit = self.reader.cached(_target(scope))
            if hit is not None:
                headers = [(b"content-type", hit.media_type.encode()),
                           (b"content-length", str(len(hit.body)).encode())]
                await send({"type": "http.response.start", "status": hit.status, "headers": headers})
                await send({"type": "http.response.body", "body": hit.body})
                return
        await self.app(scope, receive, send)


def _json(value: Any, status: int = 200) -> Cached:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Cached(status, JSON, body)


def split_twin(path_value: str) -> tuple[str, bool]:
    """``("x", True)`` for ``"x.json"``: the page a path names, and whether the JSON twin is asked."""
    return (path_value[: -len(".json")], True) if path_value.endswith(".json") else (path_value, False)


def page_handler(reader: Reader, view: Callable[[Store, Request, str], views.Page],
                 json_twin: bool | None = None) -> Callable[[Request], Any]:
    """An endpoint that renders ``view`` as HTML, or its data as JSON for a ``.json`` path."""
    async def endpoint(request: Request) -> Response:
        raw = request.path_params.get("key", "")
        key, twin = split_twin(raw) if json_twin is None else (raw, json_twin)

        def build() -> Cached:
            try:
                page = view(reader.store(), request, key)
            except views.NotFound as exc:
                raise HTTPException(404, str(exc)) from exc
            if twin:
                return _json(to_dict(page.data))
            return reader.render(page, reader.routes.twin(_raw_path(request)) + _query(request))

        return await reader.answer(request, build)
    return endpoint


def _raw_path(request: Request) -> str:
    """The path as the client sent it (still percent-encoded), so links built on it stay valid."""
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if isinstance(raw, bytes) and raw else quote(request.url.path)


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


def _feed(reader: Reader, fmt: str, editions: bool) -> Callable[[Request], Any]:
    media = "application/atom+xml; charset=utf-8" if fmt == "atom" else "application/feed+json"

    async def endpoint(request: Request) -> Response:
        def build() -> Cached:
            store, routes, site = reader.store(), reader.feeds_routes(request), reader.settings.edition_title
            if editions:
                found = store.editions(limit=20)
                render = feeds.atom_editions if fmt == "atom" else feeds.json_editions
                return Cached(200, media, render(found, routes, site=site).encode("utf-8"))
            latest = store.latest_edition()
            if latest is None:
                raise HTTPException(404, "no edition has been made yet: run `broadsheet brief`")
            text = (feeds.atom_stories if fmt == "atom" else feeds.json_stories)(latest, routes, site=site)
            return Cached(200, media, text.encode("utf-8"))

        return await reader.answer(request, build)
    return endpoint


async def _stylesheet(request: Request) -> Response:
    return Response(stylesheet(), media_type="text/css; charset=utf-8",
                    headers={"cache-control": "public, max-age=3600"})


async def _icon(request: Request) -> Response:
    return Response(icon(), media_type="image/svg+xml", headers={"cache-control": "public, max-age=86400"})


def _views(reader: Reader) -> dict[str, Callable[[Store, Request, str], views.Page]]:
    settings = reader.settings
    return {
        "home": lambda s, r, k: views.home(s),
        "archive": lambda s, r, k: views.archive(s),
        "edition": lambda s, r, k: views.edition(s, k),
        "story": lambda s, r, k: views.story(s, settings, k, reader.stories),
        "person": lambda s, r, k: views.person(s, k),
        "organisation": lambda s, r, k: views.organisation(s, k),
        "outlet": lambda s, r, k: views.outlet(s, k),
        "sources": lambda s, r, k: views.sources(s),
        "search": lambda s, r, k: views.search(s, r.query_params.get("q", "")),
    }


def _routes(reader: Reader) -> list[Route]:
    v = _views(reader)
    fixed = [("/", "home", False), ("/index.json", "home", True), ("/.json", "home", True),
             ("/editions", "archive", False), ("/editions.json", "archive", True),
             ("/sources", "sources", False), ("/sources.json", "sources", True),
             ("/search", "search", False), ("/search.json", "search", True)]
    routes = [Route(path, page_handler(reader, v[name], twin)) for path, name, twin in fixed]
    routes += [Route(f"/{prefix}/{{key:text}}", page_handler(reader, v[name]))
               for prefix, name in (("editions", "edition"), ("stories", "story"),
                                    ("people", "person"), ("organisations", "organisation"),
                                    ("outlets", "outlet"))]
    routes += [Route("/style.css", _stylesheet), Route("/favicon.svg", _icon),
               Route("/feed.atom", _feed(reader, "atom", False)),
               Route("/feed.json", _feed(reader, "json", False)),
               Route("/feed/editions.atom", _feed(reader, "atom", True)),
               Route("/feed/editions.json", _feed(reader, "json", True))]
    return routes


def _error_handler(reader: Reader) -> Callable[[Request, Exception], Any]:
    async def handle(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "the page could not be made"
        if isinstance(exc, StoreError):
            detail = "the store could not be read"
        if request.url.path.endswith(".json"):
            return _json({"error": {"status": status, "detail": detail}}, status).response()
        heading = {404: "Not found", 405: "Method not allowed"}.get(status, "Something went wrong")
        body = render_page("error.html", reader.routes, site=reader.settings.edition_title,
                           status=status, heading=heading, message=detail)
        return Response(body, status_code=status, media_type=HTML)
    return handle


def create_app(db: str, settings: Settings) -> ASGIApp:
    """The web reader over the store at ``db`` (which must exist), wrapped in its security headers."""
    Store.open(db, create=False).close()  # fail now, with a clear StoreError, not per request
    reader = Reader(db, settings)
    handler = _error_handler(reader)
    csrf = Csrf()
    newsletter = Subscriptions(db, settings, reader.routes, csrf).routes()
    admin = AdminPages(db, settings, reader.routes, csrf).routes()
    app = Starlette(routes=_routes(reader) + newsletter + admin,
                    exception_handlers={HTTPException: handler, Exception: handler})
    return SecurityHeaders(CachedPages(app, reader))
