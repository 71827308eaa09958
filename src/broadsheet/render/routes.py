"""Where every page lives, so one set of templates serves the web app and the static ``out/``.

A ``Routes`` value turns "the page of story X" into a link. Two flavours:
- ``Routes.web(base)``: the web app's paths (``/stories/<id>``, ``/people/<name>`` ...), under ``base``
  (``/`` or an absolute ``https://example.org/news/``);
- ``Routes.static(base)``: the files of a written edition (``index.html``, ``stories/<id>.html``),
  ``base`` being the way back to the site root from the page being rendered (``""`` at the root,
  ``"../"`` one folder down) or an absolute URL (the ``base_url`` setting). Pages that only the web
  app has (people, outlets, search, the archive) have no route there: their links render as text.

Every page has a JSON twin at its path with ``.json`` appended (``twin``); the web app's home page
``/`` has ``/index.json``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from urllib.parse import quote

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")


def slug(identifier: str) -> str:
    """A file-name and fragment safe form of an id; ids that need changing get a hash suffix."""
    cleaned = _UNSAFE_NAME.sub("-", identifier)
    if cleaned == identifier and identifier:
        return identifier
    return f"{cleaned}-{hashlib.sha256(identifier.encode('utf-8')).hexdigest()[:8]}"


def story_file(story_id: str) -> str:
    """Path of a story's page in the static site, relative to its root."""
    return f"stories/{slug(story_id)}.html"


def article_anchor(article_id: str) -> str:
    """The fragment id of an article's entry in the coverage list of its story page."""
    return f"a-{slug(article_id)}"


def _part(value: str) -> str:
    """One path segment, percent-encoded (a name with "/" or "?" stays one segment)."""
    return quote(value, safe="")


@dataclass(frozen=True)
class Routes:
    """Links between pages (module docstring); ``base`` ends with "/" or is empty."""

    base: str = "/"
    static_site: bool = False

    @classmethod
    def web(cls, base: str = "/") -> Routes:
        return cls(base if base.endswith("/") else base + "/", False)

    @classmethod
    def static(cls, base: str = "") -> Routes:
        return cls(base if not base or base.endswith("/") else base + "/", True)

    def down(self, levels: int) -> Routes:
        """The routes of a static page ``levels`` folders below the root (relative bases only)."""
        if not self.static_site or "://" in self.base:
            return self
        return replace(self, base=self.base + "../" * levels)

    def home(self) -> str:
        return self.base + "index.html" if self.static_site else self.base

    def edition(self, edition_id: str) -> str:
        return self.home() if self.static_site else f"{self.base}editions/{_part(edition_id)}"

    def story(self, story_id: str) -> str:
        if self.static_site:
            return self.base + story_file(story_id)
        return f"{self.base}stories/{_part(story_id)}"

    def article(self, story_id: str, article_id: str) -> str:
        """An article's entry in the coverage list of its story's page."""
        return f"{self.story(story_id)}#{article_anchor(article_id)}"

    def stylesheet(self) -> str:
        return self.base + "style.css"

    def icon(self) -> str:
        return self.base + "favicon.svg"

    def feed(self, fmt: str = "atom") -> str:
        return f"{self.base}feed.{fmt}"

    def editions_feed(self, fmt: str = "atom") -> str:
        return f"{self.base}feed/editions.{fmt}"

    def _web_only(self, path: str) -> str | None:
        return None if self.static_site else self.base + path

    def archive(self) -> str | None:
        return self._web_only("editions")

    def person(self, name: str) -> str | None:
        return self._web_only(f"people/{_part(name)}")

    def organisation(self, name: str) -> str | None:
        return self._web_only(f"organisations/{_part(name)}")

    def outlet(self, name: str) -> str | None:
        return self._web_only(f"outlets/{_part(name)}")

    def sources(self) -> str | None:
        return self._web_only("sources")

    def search(self) -> str | None:
        return self._web_only("search")

    def subscribe(self) -> str | None:
        """The newsletter's subscribe form (``web/subscriptions.py``)."""
        return self._web_only("subscribe")

    def confirm(self, token: str) -> str:
        """The page of a subscription's confirmation link (web app only, as in the mails)."""
        return f"{self.base}subscribe/confirm/{_part(token)}"

    def unsubscribe(self, token: str) -> str:
        """A subscriber's one-click unsubscribe link (web app only, as in the mails)."""
        return f"{self.base}unsubscribe/{_part(token)}"

    def twin(self, path: str) -> str:
        """The JSON twin of the page at ``path`` (a query string stays after the ``.json``)."""
        page, _, query = path.partition("?")
        if page.endswith(".html"):
            page = page[: -len(".html")]
        elif page.endswith("/") or not page:
            page += "index"
        return page + ".json" + (f"?{query}" if query else "")
