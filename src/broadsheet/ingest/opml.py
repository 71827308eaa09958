"""OPML: the subscription lists that Miniflux, FreshRSS, Feedly, Inoreader and NetNewsWire import
and export, read into ``Source`` values and written back.

Read: every ``<outline>`` with an ``xmlUrl`` (any letter case; nested inside category outlines or
not) is one source: ``xmlUrl`` the feed, ``title`` or ``text`` its name, ``htmlUrl`` the site,
``language`` its language (OPML 2.0). A source's leaning rides in a ``leaning`` attribute of our
own (OPML lets outlines carry any attribute; readers ignore the ones they do not know), e.g.
``<outline type="rss" text="BBC News" xmlUrl="..." leaning="center"/>``. Only http(s) feed
addresses are kept. Entities, DTDs and the network are off in the XML parser.
Write: one flat ``<body>`` of ``type="rss"`` outlines with the same attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from lxml import etree

from broadsheet.errors import UnreadableInput
from broadsheet.ingest.feeds import refuse_entities
from broadsheet.model import Source

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          recover=False)


def read_opml(data: bytes) -> list[Source]:
    """The sources an OPML document lists, each feed address once; ``UnreadableInput`` if it is not
    OPML."""
    refuse_entities(data)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(f"not an OPML file: {exc}", reason="parse_error") from exc
    try:
        name = etree.QName(root).localname.lower() if root is not None else ""
    except ValueError as exc:  # a namespace lxml cannot name
        raise UnreadableInput(f"not an OPML file: {exc}", reason="parse_error") from exc
    if name != "opml":
        raise UnreadableInput("not an OPML file: the root element is not <opml>", reason="parse_error")
    found: dict[str, Source] = {}
    for outline in root.iter("outline"):
        source = _source(dict(outline.attrib))
        if source is not None:
            found.setdefault(source.url, source)
    return list(found.values())


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """An attribute by name in any letter case (``xmlUrl``, ``xmlurl``), stripped, or None."""
    for key, value in attrs.items():
        if key.lower() == name.lower() and value.strip():
            return value.strip()
    return None


def _source(attrs: dict[str, str]) -> Source | None:
    url = _attr(attrs, "xmlUrl")
    if url is None or urlsplit(url).scheme not in ("http", "https"):
        return None
    leaning = _attr(attrs, "leaning")
    return Source(url=url, title=_attr(attrs, "title") or _attr(attrs, "text"),
                  leaning=leaning.lower() if leaning else None, site_url=_attr(attrs, "htmlUrl"),
                  language=_attr(attrs, "language"))


def write_opml(sources: Iterable[Source], title: str = "broadsheet sources") -> str:
    """An OPML 2.0 document listing ``sources`` (title, feed, site, language and leaning)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>"]
    for source in sources:
        attrs = {"type": "rss", "text": source.title or source.url, "title": source.title,
                 "xmlUrl": source.url, "htmlUrl": source.site_url, "language": source.language,
                 "leaning": source.leaning}
        body = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items() if v)
        lines.append(f"    <outline {body}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
