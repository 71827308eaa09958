"""The administration pages of the web reader: the followed sources and the subscribers.

    GET  /admin                  the login form, or links to the two pages below
    POST /admin/login            the admin token (form field ``token``) -> the admin cookie, then
                                 a redirect to ``next`` (a path on this site, else ``/``)
    POST /admin/logout           forget the admin cookie
    GET  /admin/sources          every source, a form to add one, a button to remove each
    POST /admin/sources/add      follow ``url`` (http or https; fetched by the next ``broadsheet run``)
    POST /admin/sources/remove   stop following ``url`` (its articles stay)
    GET  /admin/subscribers      every subscriber with their state, a button to remove each
    POST /admin/subscribers/remove  forget ``email``

Every one of them needs the ``admin_token`` setting (``guard.Admin``): with it empty they all
answer 404, as if they did not exist. A GET never changes anything; every POST needs the admin
cookie (or ``Authorization: Bearer``) *and* the CSRF token of its form, else it is refused with a
403 and changes nothing; a change answers with a 303 to its page (post, redirect, get). The
pages carry ``Cache-Control: no-store`` (they list addresses) and are never in the page cache.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from broadsheet.model import Source
from broadsheet.render.html import render_page, safe_url
from broadsheet.render.routes import Routes
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.web.guard import ADMIN_COOKIE, CSRF_FIELD, Admin, Csrf, safe_next, set_cookie_header
from broadsheet.web.subscriptions import NO_STORE, read_form

Endpoint = Callable[[Request], Awaitable[Response]]
Change = Callable[[Store, dict[str, str]], str | None]  # an error message, or None when done
SESSION_SECONDS = 12 * 3600
LEANINGS = ("", "left", "lean-left", "center", "lean-right", "right")


@dataclass(frozen=True)
class AdminPages:
    """The pages over the store at ``db`` (module docstring)."""

    db: str
    settings: Settings
    links: Routes
    csrf: Csrf
    admin: Admin = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "admin", Admin(self.settings.admin_token))

    def routes(self) -> list[Route]:
        """The routes to add to the web app."""
        return [
            Route("/admin", self._show(self._home), methods=["GET"]),
            Route("/admin/login", self._login, methods=["GET", "POST"]),
            Route("/admin/logout", self._logout, methods=["POST"]),
            Route("/admin/sources", self._show(self._sources), methods=["GET"]),
            Route("/admin/sources/add", self._change(_add_source, "/admin/sources"), methods=["POST"]),
            Route("/admin/sources/remove", self._change(_remove_source, "/admin/sources"),
                  methods=["POST"]),
            Route("/admin/subscribers", self._show(self._subscribers), methods=["GET"]),
            Route("/admin/subscribers/remove", self._change(_remove_subscriber, "/admin/subscribers"),
                  methods=["POST"]),
        ]

    # --- the pages ------------------------------------------------------------------------------

    def _home(self, store: Store) -> dict[str, Any]:
        return {"heading": "Administration", "links": [("Sources", "/admin/sources"),
                                                       ("Subscribers", "/admin/subscribers")]}

    def _sources(self, store: Store) -> dict[str, Any]:
        return {"heading": "Sources", "sources": store.followed_sources(), "leanings": LEANINGS}

    def _subscribers(self, store: Store) -> dict[str, Any]:
        return {"heading": "Subscribers", "subscribers": store.subscribers()}

    # --- HTTP -----------------------------------------------------------------------------------

    def _page(self, request: Request, status: int, view: dict[str, Any],
              cookie: str | None = None) -> Response:
        token, fresh = self.csrf.issue(request.headers.get("cookie", ""))
        html = render_page("admin.html", self.links, site=self.settings.edition_title, csrf=token,
                           view={"links": [], "error": "", "login": False, **view})
        response = Response(html, status, media_type="text/html; charset=utf-8", headers=NO_STORE)
        for value in (fresh, cookie):
            if value:
                response.headers.append("set-cookie", value)
        return response

    def _login_page(self, request: Request, status: int, error: str = "") -> Response:
        given = request.query_params.get("next")
        here = "/admin" if request.url.path == "/admin/login" else request.url.path
        target = safe_next(here if given is None else given)
        return self._page(request, status, {"heading": "Administration", "login": True,
                                            "next": target, "error": error})

    def _allowed(self, request: Request) -> bool:
        return self.admin.allowed(request.headers.get("cookie", ""),
                                  request.headers.get("authorization", ""))

    def _show(self, view: Callable[[Store], dict[str, Any]]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            if not self.admin.enabled:
                return _not_found()
            if not self._allowed(request):
                return self._login_page(request, 403, "This page needs the admin token.")
            return self._page(request, 200, await run_in_threadpool(self._read, view))
        return endpoint

    def _read(self, view: Callable[[Store], dict[str, Any]]) -> dict[str, Any]:
        with Store.open(self.db, create=False) as store:
            return view(store)

    async def _login(self, request: Request) -> Response:
        if not self.admin.enabled:
            return _not_found()
        if request.method == "GET":
            return self._login_page(request, 200)
        form = await read_form(request)
        if form is None or not self._csrf_ok(request, form):
            return self._login_page(request, 403, "The form was not sent from this site's own page.")
        if not self.admin.token_matches(form.get("token", "")):
            return self._login_page(request, 403, "That is not the admin token.")
        session = set_cookie_header(ADMIN_COOKIE, self.admin.session(), max_age=SESSION_SECONDS)
        response = RedirectResponse(safe_next(form.get("next")), 303, headers=NO_STORE)
        response.headers.append("set-cookie", session)
        return response

    async def _logout(self, request: Request) -> Response:
        if not self.admin.enabled:
            return _not_found()
        form = await read_form(request)
        if form is None or not self._csrf_ok(request, form):
            return self._login_page(request, 403, "The form was not sent from this site's own page.")
        response = RedirectResponse("/", 303, headers=NO_STORE)
        response.headers.append("set-cookie", set_cookie_header(ADMIN_COOKIE, "", max_age=0))
        return response

    def _csrf_ok(self, request: Request, form: dict[str, str]) -> bool:
        return self.csrf.valid(request.headers.get("cookie", ""), form.get(CSRF_FIELD))

    def _change(self, change: Change, page: str) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            if not self.admin.enabled:
                return _not_found()
            form = await read_form(request)
            if not self._allowed(request):
                return self._login_page(request, 403, "This page needs the admin token.")
            if form is None or not self._csrf_ok(request, form):
                return self._page(request, 403, {"heading": "Refused", "error":
                                                 "The form was not sent from this site's own page: "
                                                 "nothing was changed."})
            error = await run_in_threadpool(self._write, change, form)
            if error:
                return self._page(request, 400, {"heading": "Refused", "error": error,
                                                 "links": [("Back", page)]})
            return RedirectResponse(page, 303, headers=NO_STORE)
        return endpoint

    def _write(self, change: Change, form: dict[str, str]) -> str | None:
        with Store.open(self.db, create=False) as store:
            return change(store, form)


def _not_found() -> Response:
    """Administration is off (an empty ``admin_token``): the app's own 404 page."""
    raise HTTPException(404, "There is no such page.")


def _add_source(store: Store, form: dict[str, str]) -> str | None:
    url = safe_url(form.get("url", ""))
    if url is None:
        return "A source must be an http:// or https:// address."
    leaning = form.get("leaning", "")
    store.add_source(Source(url=url, leaning=leaning if leaning in LEANINGS and leaning else None))
    return None


def _remove_source(store: Store, form: dict[str, str]) -> str | None:
    return None if store.remove_source(form.get("url", "")) else "No source has that address."


def _remove_subscriber(store: Store, form: dict[str, str]) -> str | None:
    return None if store.remove_subscriber(form.get("email", "")) else "No subscriber has that address."
