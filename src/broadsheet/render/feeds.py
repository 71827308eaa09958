"""Feeds: Atom (RFC 4287) and JSON Feed 1.1, of the stories of the latest edition and of editions.

- **stories** (``feed.atom``, ``feed.json``): one entry per story of the latest edition, its Speed
  Read as content with every sentence cited. An entry's id names the *story*, not the edition
  (``tag:broadsheet,2025:story/<id>``), so a story carried by three editions in a row stays one
  entry that is updated, never three;
- **editions** (``feed/editions.atom``, ``feed/editions.json``): one entry per edition, newest first, its
  contents as content (``tag:broadsheet,2025:edition/<id>``).

Links come from ``Routes`` (absolute when the ``base_url`` setting or the web request gives one).
Pure functions from values to text; all third-party text is escaped (XML by ElementTree, HTML
content by markupsafe, then passed through the allow-list ``sanitize``) and only safe http(s) urls
become links.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from broadsheet.model import Edition, EditionStory
from broadsheet.render.html import KIND_LABELS, cite_href
from broadsheet.render.routes import Routes
from broadsheet.render.sanitize import sanitize
from broadsheet.timestamps import display_date

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"
TAG = "tag:broadsheet,2025:"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def story_tag(story_id: str) -> str:
    """The entry id of a story, the same in every edition and both formats."""
    return f"{TAG}story/{quote(story_id, safe='')}"


def edition_tag(edition_id: str) -> str:
    """The entry id of an edition."""
    return f"{TAG}edition/{quote(edition_id, safe='')}"


def story_html(story: EditionStory, routes: Routes) -> str:
    """The Speed Read of ``story`` as an HTML fragment, each sentence followed by its citation."""
    parts = [
        Markup("{} (<a href=\"{}\">{}</a>)").format(
            s.text, cite_href(routes, story.story_id, s.article_id, s.url), s.outlet or "source")
        for s in story.summary
    ]
    outlets = escape(", ".join(story.outlets))
    return sanitize(Markup("<p>{}</p><p>Covered by {}.</p>").format(Markup(" ").join(parts), outlets))


def story_text(story: EditionStory) -> str:
    """The Speed Read as plain text, each sentence followed by its outlet in brackets."""
    return " ".join(f"{s.text} [{s.outlet or 'source'}]" for s in story.summary)


def edition_label(edition: Edition) -> str:
    """"Daily edition, 18 November 2019"."""
    kind = KIND_LABELS.get(edition.kind, "Edition")
    return f"{kind}, {display_date(edition.date)}" if edition.date else kind


def edition_html(edition: Edition, routes: Routes) -> str:
    """The contents of ``edition`` as an HTML fragment: each section and its story titles, linked."""
    by_id = {s.story_id: s for s in edition.stories}
    sections = [
        Markup("<h2>{}</h2><ul>{}</ul>").format(section.title, Markup("").join(
            Markup('<li><a href="{}">{}</a></li>').format(routes.story(i), by_id[i].title)
            for i in section.story_ids if i in by_id))
        for section in edition.sections
    ]
    return sanitize(Markup("").join(sections))


def _updated(story: EditionStory, edition: Edition) -> str:
    return story.last_published or story.published or edition.created


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (NUL, other C0 controls, U+FFFE/F,
    lone surrogates) or that would reorder it (bidirectional overrides): ElementTree writes them
    as they are, and one of them makes the whole feed unreadable."""
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _atom_head(title: str, feed_id: str, updated: str, self_href: str, home: str) -> ET.Element:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", feed_id)
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", href=self_href, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=home, type="text/html")
    _sub(_sub(feed, "author"), "name", title)
    _sub(feed, "generator", "broadsheet")
    return feed


def _atom_text(feed: ET.Element) -> str:
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def atom_stories(edition: Edition, routes: Routes, *, site: str | None = None) -> str:
    """The Atom feed of the stories of ``edition`` (module docstring)."""
    title = site or edition.title
    feed = _atom_head(title, f"{TAG}stories", edition.created, routes.feed("atom"), routes.home())
    for story in edition.stories:
        entry = _sub(feed, "entry")
        _sub(entry, "title", story.title)
        _sub(entry, "id", story_tag(story.story_id))
        _sub(entry, "link", rel="alternate", href=routes.story(story.story_id), type="text/html")
        _sub(entry, "updated", _updated(story, edition))
        if story.first_published:
            _sub(entry, "published", story.first_published)
        _sub(entry, "category", term=story.section)
        _sub(entry, "summary", story_text(story) or story.title)
        _sub(entry, "content", story_html(story, routes), type="html")
    return _atom_text(feed)


def atom_editions(editions: Sequence[Edition], routes: Routes, *, site: str) -> str:
    """The Atom feed of ``editions`` (newest first)."""
    updated = editions[0].created if editions else "1970-01-01T00:00:00+00:00"
    feed = _atom_head(f"{site}: editions", f"{TAG}editions", updated, routes.editions_feed("atom"),
                      routes.archive() or routes.home())
    for edition in editions:
        entry = _sub(feed, "entry")
        _sub(entry, "title", f"{edition.title}: {edition_label(edition)}")
        _sub(entry, "id", edition_tag(edition.id))
        _sub(entry, "link", rel="alternate", href=routes.edition(edition.id), type="text/html")
        _sub(entry, "updated", edition.created)
        _sub(entry, "content", edition_html(edition, routes), type="html")
    return _atom_text(feed)


def _cleaned(value: Any) -> Any:
    """Every string in a JSON value made ``xml_text`` (no controls, no direction overrides)."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _json_text(feed: dict[str, Any]) -> str:
    return json.dumps(_cleaned(feed), ensure_ascii=False, indent=2) + "\n"


def json_stories(edition: Edition, routes: Routes, *, site: str | None = None) -> str:
    """The JSON Feed 1.1 of the stories of ``edition`` (module docstring)."""
    items = [{
        "id": story_tag(story.story_id), "url": routes.story(story.story_id), "title": story.title,
        "content_html": story_html(story, routes), "content_text": story_text(story) or story.title,
        **({"summary": story.summary[0].text} if story.summary else {}),
        "date_published": story.first_published or _updated(story, edition),
        "date_modified": _updated(story, edition), "tags": [story.section, *story.outlets],
    } for story in edition.stories]
    return _json_text({
        "version": JSON_FEED, "title": site or edition.title, "home_page_url": routes.home(),
        "feed_url": routes.feed("json"), "language": "en",
        "authors": [{"name": site or edition.title}], "items": items,
    })


def json_editions(editions: Sequence[Edition], routes: Routes, *, site: str) -> str:
    """The JSON Feed 1.1 of ``editions`` (newest first)."""
    items = [{
        "id": edition_tag(e.id), "url": routes.edition(e.id),
        "title": f"{e.title}: {edition_label(e)}", "content_html": edition_html(e, routes),
        "date_published": e.created, "tags": [e.kind],
    } for e in editions]
    return _json_text({
        "version": JSON_FEED, "title": f"{site}: editions",
        "home_page_url": routes.archive() or routes.home(),
        "feed_url": routes.editions_feed("json"), "language": "en", "authors": [{"name": site}],
        "items": items,
    })
