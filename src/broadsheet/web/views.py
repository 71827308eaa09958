"""One view per page: each reads what its page shows from the store and returns a ``Page``.

A ``Page`` holds the template to render and ``data``, the one value the HTML is rendered from and
the JSON twin serialises (``to_dict`` of a model value, or plain records). Views do no HTTP; the app
(``web.app``) turns a Page into a response and caches it until the store changes.

People and organisations are grouped by the name the analysis resolved: a person's page gathers
the quotes given to every spelling of the name that reduces to the same key ("Mr. Hall", "Steve
Hall"), and those given to the bare surname ("Hall") in articles that name the full person or in
stories where the full name is quoted too (the rule of ``brief.voices`` within a story). When
the attribution issue's canonical person key is stored, it replaces this (the seam is
``_person_speakers``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from broadsheet.brief.edition import Options, edition_story
from broadsheet.brief.rank import outlet_key
from broadsheet.brief.speakernames import clean_speaker
from broadsheet.brief.verify import story_versions, verify_story
from broadsheet.codec import to_dict
from broadsheet.model import Edition, EditionStory
from broadsheet.render.sanitize import sanitize
from broadsheet.settings import Settings
from broadsheet.store import Store
from broadsheet.store.browse import MARK_END, MARK_START
from broadsheet.text import name_key

SEARCH_LIMIT = 50


class NotFound(Exception):
    """The page asked for does not exist (a 404)."""


@dataclass(frozen=True)
class Page:
    """A rendered page's template, title and data (``data`` is also its JSON twin)."""

    template: str
    title: str
    data: Any
    context: Mapping[str, Any] = field(default_factory=dict)


def edition_page(edition: Edition | None) -> Page:
    """The front page of ``edition``; NotFound when there is none."""
    if edition is None:
        raise NotFound("no edition has been made yet: run `broadsheet brief`")
    return Page("edition.html", edition.title, edition, {"edition": edition})


def home(store: Store) -> Page:
    """``/``: the latest edition."""
    return edition_page(store.latest_edition())


def edition(store: Store, edition_id: str) -> Page:
    """``/editions/<id>``: a stored edition."""
    return edition_page(store.get_edition(edition_id))


def archive(store: Store) -> Page:
    """``/editions``: every stored edition, newest first."""
    editions = store.edition_list()
    return Page("archive.html", "Archive", {"editions": editions}, {"editions": editions})


Built = tuple[EditionStory, list[Any]]


class StoryBuilds:
    """Story pages built, each kept with everything it was built from (the story, its articles'
    analyses, the leanings, the settings): a story is built once per change of itself, not once
    per change of the store. The app's page cache is emptied by any write (a feed pass adding to
    other stories), and a story of hundreds of articles takes seconds to build; its page is built
    again only when its own members or their analyses change. The newest ``size`` are kept."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._built: OrderedDict[Hashable, Built] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], Built]) -> Built:
        """The page built from ``key``, built by ``build`` when none is kept."""
        with self._lock:
            kept = self._built.get(key)
            if kept is not None:
                self._built.move_to_end(key)
                return kept
        built = build()
        with self._lock:
            self._built[key] = built
            while len(self._built) > self.size:
                self._built.popitem(last=False)
        return built


def live_story(store: Store, settings: Settings, story_id: str,
               builds: StoryBuilds | None = None) -> Built:
    """The story as the store holds it now, built and checked like an edition's Feature (kept in
    ``builds``, when given, until the story or what it is built from changes)."""
    found = store.story(story_id)
    if found is None:
        raise NotFound(f"no story {story_id!r}")
    analyses = store.analyses_for(found.article_ids)
    leanings = store.leanings()
    options = Options(title=settings.edition_title, created="", leanings=leanings)

    def build() -> Built:
        built = edition_story(found, analyses, rank=1, section="feature", options=options,
                              summary_sentences=settings.summary_sentences + 1)
        checked, rejected = verify_story(built, store.version_texts(story_versions(built)))
        return checked, [to_dict(r) for r in rejected]

    if builds is None:
        return build()
    key = (found, tuple(analyses.get(a) for a in found.article_ids), tuple(sorted(leanings.items())),
           settings.edition_title, settings.summary_sentences)
    return builds.get(key, build)


def story(store: Store, settings: Settings, story_id: str, builds: StoryBuilds | None = None) -> Page:
    """``/stories/<id>``: Speed Read, what they're saying, coverage, timeline, voices, entities."""
    checked, rejected = live_story(store, settings, story_id, builds)
    return Page("story.html", checked.title, {**to_dict(checked), "rejected": rejected},
                {"story": checked, "edition": None})


def _person_speakers(store: Store, name: str) -> tuple[list[str], list[str]]:
    """Speaker names that are this person: full spellings, and bare surnames (module docstring)."""
    key = name_key(clean_speaker(name)[0])
    surname = key.split()[-1] if key else ""
    if not surname:
        return [], []
    full, short = [], []
    for spoken in store.speakers_like(surname):
        spoken_key = name_key(clean_speaker(spoken)[0])
        if spoken_key == key:
            full.append(spoken)
        elif spoken_key == surname and " " in key:
            short.append(spoken)
    return full, short


def _by_story(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes grouped by story (an article outside any story is its own group), newest first."""
    groups: dict[str, dict[str, Any]] = {}
    for quote in quotes:
        key = quote["story_id"] or f"article:{quote['article_id']}"
        group = groups.setdefault(key, {"story_id": quote["story_id"], "title": quote["story_title"]
                                        or quote["title"], "published": quote["published"],
                                        "quotes": []})
        group["quotes"].append(quote)
    return sorted(groups.values(), key=lambda g: g["published"] or "", reverse=True)


def person(store: Store, name: str) -> Page:
    """``/people/<name>``: what the person said, story by story over time, and where named."""
    full, short = _person_speakers(store, name)
    quotes = store.quotes_by_speakers(full)
    if short:
        naming = store.articles_naming(name, ("PERSON",)) | {q["article_id"] for q in quotes}
        stories = {q["story_id"] for q in quotes if q["story_id"]}
        quotes += [q for q in store.quotes_by_speakers(short)
                   if q["article_id"] in naming or q["story_id"] in stories]
    quotes.sort(key=lambda q: (q["published"] or "", q["article_id"], q["ord"]), reverse=True)
    named = store.mentions(name, ("PERSON",))
    if not quotes and not named:
        raise NotFound(f"nobody called {name!r} is quoted or named")
    data = {"name": name, "kind": "person", "spellings": sorted(set(full + short)),
            "stories": _by_story(quotes), "mentions": named}
    return Page("person.html", name, data, data)


def organisation(store: Store, name: str) -> Page:
    """``/organisations/<name>``: what the organisation and its people said, and where named."""
    quotes = store.quotes_by_speakers([name]) + store.quotes_by_organisation([name])
    quotes.sort(key=lambda q: (q["published"] or "", q["article_id"], q["ord"]), reverse=True)
    named = store.mentions(name, ("ORG",))
    if not quotes and not named:
        raise NotFound(f"no organisation {name!r} is quoted or named")
    data = {"name": name, "kind": "organisation", "spellings": [name],
            "stories": _by_story(quotes), "mentions": named}
    return Page("person.html", name, data, data)


def outlet(store: Store, name: str) -> Page:
    """``/outlets/<name>``: the outlet's leaning and its articles with their stories."""
    articles = store.outlet_articles(name)
    if not articles:
        raise NotFound(f"no articles from {name!r}")
    data = {"name": name, "leaning": store.leanings().get(outlet_key(name) or ""),
            "articles": articles}
    return Page("outlet.html", name, data, data)


def sources(store: Store) -> Page:
    """``/sources``: the followed sources and their errors, and every stored rejection."""
    rejections = [{**to_dict(r.rejected), "count": r.count, "first_seen": r.first_seen,
                   "last_seen": r.last_seen} for r in store.rejection_records()]
    data = {"sources": store.sources(), "rejections": rejections}
    return Page("sources.html", "Sources", data, data)


def highlighted(snippet: str) -> str:
    """A search snippet as HTML: its text escaped, its match markers made ``<mark>`` elements."""
    escaped = str(escape(snippet))
    return sanitize(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _hit(record: dict[str, Any]) -> dict[str, Any]:
    snippet = record["snippet"] or ""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    return {**record, "snippet": plain, "snippet_html": highlighted(snippet)}


def search(store: Store, query: str) -> Page:
    """``/search?q=``: articles matching every word, best first, with highlighted snippets."""
    hits = [_hit(h) for h in store.search_hits(query, SEARCH_LIMIT)] if query.strip() else []
    data = {"query": query, "hits": hits}
    return Page("search.html", f"Search: {query}" if query else "Search", data,
                {**data, "query": query})
