"""The newsletter pages of the web reader: subscribe (double opt-in), confirm, unsubscribe.

    GET  /subscribe                   the form                    POST: mail a confirmation link
    GET  /subscribe/confirm/<token>   "confirm?" and a button     POST: the address is active
    GET  /unsubscribe/<token>         "unsubscribe?" and a button POST: unsubscribed (RFC 8058)

A GET never changes anything: mail scanners and link previews follow every link in a message, and
must neither unsubscribe (listmonk #1078) nor confirm anyone. The change is the POST: the page's
button, or — for ``List-Unsubscribe`` — the mail client's one-click POST (body
``List-Unsubscribe=One-Click``, no cookie, no session: the token in the address is the authority,
checked in constant time by the store). Every other POST (the subscribe form, the confirm button, an
unsubscribe without the one-click body) must carry the CSRF token of its form (``guard.Csrf``), or
it is refused with a 403 and changes nothing. Each page has a JSON twin (the path + ``.json``), which
changes nothing either.

The subscribe answer is the same whatever the address's state ("if it can subscribe, a link is on
its way"), so the form tells no one who is subscribed; the store and ``deliver.subscriptions`` cap
how often a confirmation goes out. Forms are plain ``application/x-www-form-urlencoded`` posts of at
most ``MAX_BODY`` bytes; pages carry ``Cache-Control: no-store`` (they hold an address and a token).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from broadsheet.deliver import subscriptions
from broadsheet.errors import InvalidAddress
from broadsheet.render.html import render_page
from broadsheet.render.routes import Routes
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.subscribers import Subscriber
from broadsheet.timestamps import now
from broadsheet.web.guard import CSRF_FIELD, Csrf

MAX_BODY = 4096
FORM = "application/x-www-form-urlencoded"
NO_STORE = {"cache-control": "no-store", "x-robots-tag": "noindex"}
Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Page:
    """One answer: its status, heading, sentences, and the form it shows (if any)."""

    status: int
    heading: str
    lines: tuple[str, ...]
    button: str | None = None  # a POST form to the same address, with this button
    ask_email: bool = False  # the form asks for an address
    hidden: tuple[tuple[str, str], ...] = ()  # hidden fields of the form
    email: str = ""
    data: dict[str, object] = field(default_factory=dict)  # the JSON twin


@dataclass(frozen=True)
class Subscriptions:
    """The pages over the store at ``db`` (module docstring); ``links``: the app's ``Routes``."""

    db: str
    settings: Settings
    links: Routes = field(default_factory=Routes.web)
    csrf: Csrf = field(default_factory=Csrf)

    def routes(self) -> list[Route]:
        """The routes to add to the web app."""
        return [
            Route("/subscribe", self._endpoint(self.form_page, self.subscribe), methods=["GET", "POST"]),
            Route("/subscribe.json", self._endpoint(self.form_page, twin=True), methods=["GET"]),
            Route("/subscribe/confirm/{token}", self._endpoint(self.confirm_page, self.confirm),
                  methods=["GET", "POST"]),
            Route("/unsubscribe/{token}", self._endpoint(self.unsubscribe_page, self.unsubscribe,
                                                         one_click=True), methods=["GET", "POST"]),
        ]

    # --- the pages (run in a worker thread; each opens the store it needs) ---------------------

    def form_page(self, token: str = "", email: str = "", error: str = "") -> Page:
        lines = (error,) if error else (
            f"Get {self.settings.edition_title} by email: the biggest stories of the day, each "
            "with every outlet that covered it.",
            "We mail you a link to confirm; nothing else is sent until you do.")
        return Page(400 if error else 200, "Subscribe", lines, "Subscribe", ask_email=True,
                    email=email, data={"fields": ["email"], "method": "POST"})

    def subscribe(self, token: str, form: dict[str, str]) -> Page:
        text = form.get("email", "")
        with Store.open(self.db) as store:
            try:
                result = subscriptions.request(store, self.settings, text, now())
            except InvalidAddress as exc:
                return self.form_page(email=text[:254], error=f"That is not an address we can mail: {exc}.")
        if result.outcome == "failed":
            return Page(503, "Please try again later", (
                "The confirmation email could not be sent just now. Nothing was saved.",),
                data={"outcome": "failed"})
        if result.outcome == "busy":
            return Page(503, "Please try again later", (
                "Too many confirmation emails went out in the last hour.",), data={"outcome": "busy"})
        return Page(200, "Check your inbox", (
            f"If {result.address} can subscribe, a confirmation link is on its way to it.",
            "Open the link and press the button on its page to start getting the email."),
            data={"outcome": "requested"})

    def confirm_page(self, token: str) -> Page:
        with Store.open(self.db) as store:
            found = store.subscriber_by_confirm_token(token)
        if found is None:
            return _invalid("confirmation")
        return Page(200, "Confirm your subscription", (
            f"Start sending {self.settings.edition_title} to {found.email}?",),
            "Confirm", data={"email": found.email, "status": found.status})

    def confirm(self, token: str, form: dict[str, str]) -> Page:
        with Store.open(self.db) as store:
            found = store.confirm_subscription(token)
        if found is None:
            return _invalid("confirmation")
        return Page(200, "You are subscribed", (
            f"{found.email} will get the next edition of {self.settings.edition_title}.",
            "Every email has a link to unsubscribe with one click."), data=_state(found))

    def unsubscribe_page(self, token: str) -> Page:
        with Store.open(self.db) as store:
            found = store.subscriber_by_token(token)
        if found is None:
            return _invalid("unsubscribe")
        if found.status == "unsubscribed":
            return Page(200, "You are unsubscribed", (f"{found.email} gets no more email from us.",),
                        data=_state(found))
        return Page(200, "Unsubscribe?", (
            f"Stop sending {self.settings.edition_title} to {found.email}?",),
            "Unsubscribe", hidden=(("List-Unsubscribe", "One-Click"),), data=_state(found))

    def unsubscribe(self, token: str, form: dict[str, str]) -> Page:
        with Store.open(self.db) as store:
            found = store.unsubscribe(token)
        if found is None:
            return _invalid("unsubscribe")
        return Page(200, "You are unsubscribed", (
            f"{found.email} gets no more email from us.",
            "Changed your mind? Subscribe again from the home page."), data=_state(found))

    # --- HTTP -----------------------------------------------------------------------------------

    def _endpoint(self, show: Callable[..., Page],
                  change: Callable[[str, dict[str, str]], Page] | None = None,
                  twin: bool = False, one_click: bool = False) -> Endpoint:
        """GET shows (``show``, or its JSON twin for a ``.json`` token); POST ``change``s, when
        its CSRF token is valid (or, with ``one_click``, it is an RFC 8058 one-click POST)."""
        async def endpoint(request: Request) -> Response:
            raw = request.path_params.get("token", "")
            if request.method == "POST" and change is not None:
                form = await read_form(request)
                if form is None:
                    page = _too_big()
                elif not (one_click and _is_one_click(form)) and not self._token_ok(request, form):
                    page = _forbidden()
                else:
                    page = await run_in_threadpool(change, raw, form)
                return self._respond(request, page, twin=False)
            token, as_json = (raw[: -len(".json")], True) if raw.endswith(".json") else (raw, twin)
            page = await run_in_threadpool(show, token) if token or not raw else _invalid("")
            return self._respond(request, page, twin=as_json, path=_raw_path(request))
        return endpoint

    def _token_ok(self, request: Request, form: dict[str, str]) -> bool:
        return self.csrf.valid(request.headers.get("cookie", ""), form.get(CSRF_FIELD))

    def _respond(self, request: Request, page: Page, *, twin: bool, path: str = "") -> Response:
        if twin:
            body = {"status": page.status, "heading": page.heading, **page.data}
            return Response(json.dumps(body, ensure_ascii=False), page.status,
                            media_type="application/json", headers=NO_STORE)
        token, cookie = self.csrf.issue(request.headers.get("cookie", "")) if page.button else ("", None)
        html = render_page("subscription.html", self.links, site=self.settings.edition_title,
                           twin=f"{path}.json" if path and page.status == 200 else None, page=page,
                           csrf=token)
        response = Response(html, page.status, media_type="text/html; charset=utf-8", headers=NO_STORE)
        if cookie:
            response.headers.append("set-cookie", cookie)
        return response


def _raw_path(request: Request) -> str:
    """The path as the client sent it (still percent-encoded): the page's own address."""
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if isinstance(raw, bytes) and raw else request.url.path


def _state(subscriber: Subscriber) -> dict[str, object]:
    return {"email": subscriber.email, "status": subscriber.status}


def _invalid(kind: str) -> Page:
    what = f"This {kind} link" if kind else "This link"
    return Page(404, "This link does not work", (
        f"{what} is not valid: it may have expired, been replaced by a newer one, or been copied "
        "incompletely.",), data={"outcome": "invalid"})


def _is_one_click(form: dict[str, str]) -> bool:
    """An RFC 8058 one-click POST: its body is ``List-Unsubscribe=One-Click``."""
    return form.get("List-Unsubscribe") == "One-Click"


def _forbidden() -> Page:
    return Page(403, "This form has expired", (
        "The form was not sent from this site's own page, or the page is too old. Nothing was "
        "changed: open the page again and press its button.",), data={"outcome": "forbidden"})


def _too_big() -> Page:
    return Page(413, "Too much data", ("The form sent more than a form of ours can hold.",))


async def read_form(request: Request) -> dict[str, str] | None:
    """The urlencoded fields of a POST (other bodies give no fields), or None when too large."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        return {}
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
