"""The outlet of an HTML page: the name the site that carried it goes by.

trafilatura's site name is the first it finds of the JSON-LD publisher, ``og:site_name``, a
part of the ``<title>``, a Twitter handle or a copyright line, and each goes wrong on real
pages: a wire story's publisher is the wire ("Associated Press" on SFGate and the Times Union),
a paper's is its news service ("DH News Service" on Deccan Herald), a handle is not a name
("SputnikInt", "BarronsOnline"), a copyright line is not either ("Copyright 2014"), and a
declared name can carry a tagline ("LinkNaija | Nigeria's popular news platform").

The rule: a name *names the host* when its letters are the host's main label ("deccanherald",
"ap" for hosted.ap.org), hold it or are held in it (four letters or more), spell it by the starts
of its words ("Los Angeles Times" on latimes.com, "Wall Street Journal" on wsj.com), or its first
word is the label or begins it ("Sky News" on sky.com, "Sputnik International" on
sputniknews.com). trafilatura's name, without a tagline, is kept when it names the host (a
one-word name that is just the label, "NYTimes", is written out when the page's title or
declarations spell it in words: "The New York Times"). Else the first of the page's own names
that names the host: ``og:site_name``, ``application-name``, the ``<title>``'s two ends, the
JSON-LD publisher, and for a label of three letters or fewer the Twitter handle that is it
("@ap": "AP"); of the names alike in letters, the one with capitals and the most words ("The Hill"
over "TheHill"). When none does, trafilatura's name stands if the page declares it
("Connecticut Post" on ctpost.com); a name the page never declares gives way to the host
itself. The host in small letters ("livescience.com", trafilatura's last resort) is no name and
gives way to one the page declares ("Live Science"); a brand written like an address
("Space.com") is a name. Measured against our hand labels in ``bench/outlets.py``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from broadsheet.extract.metadata import split_title
from broadsheet.text import squash

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "edu", "ac", "ne", "or", "go"})
_HEAD_CHARS = 200_000  # the declarations sit in the head; a huge page is not read to its end
_META_TAG = re.compile(r"<meta\b[^>]{0,1000}>", re.IGNORECASE)
_META_ATTRIBUTE = re.compile(r"\b(property|name|content)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
                             re.IGNORECASE)
_DECLARED = ("og:site_name", "application-name")
_PUBLISHER = re.compile(r"\"publisher\"\s*:\s*\{[^{}]{0,400}?\"name\"\s*:\s*\"([^\"]{1,80})\"")
_MIN_KEY = 4
_MAX_WORDS = 8  # longer is a tagline or a headline, not a name
_MAX_LABEL = 40  # a host label no name spells in words
_ABBREVIATION = 3  # a host label this short is an abbreviation its handle spells ("@ap": AP)
_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)


def host_label(url: str | None) -> str | None:
    """The letters of the host's main label: "deccanherald" for www.deccanherald.com, "ap" for
    hosted.ap.org, "bbc" for news.bbc.co.uk (a two-letter country after "co", "com", "org" ...)."""
    labels = [part for part in (urlsplit(url or "").hostname or "").split(".") if part]
    if len(labels) < 2:
        return None
    main = labels[-3] if (len(labels) >= 3 and len(labels[-1]) == 2
                          and labels[-2] in _SECOND_LEVEL) else labels[-2]
    return squash(main) or None


def site_name(raw: str | None) -> str | None:
    """The site's name as a reader would write it: a name given as an address
    ("https://www.hawaiinewsnow.com") becomes its host without "www." ("hawaiinewsnow.com"), and a
    name of two letters is an abbreviation in capitals (a site declaring "nj", which trafilatura
    title-cases to "Nj", is "NJ")."""
    name = (raw or "").strip()
    if _WHOLE_ADDRESS.match(name):
        name = urlsplit(name if "//" in name else f"//{name}").hostname or ""
        name = name.removeprefix("www.")
    if len(name) == 2 and name.isalpha():
        name = name.upper()
    return name or None


_WHOLE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def names_site(name: str, keys: set[str]) -> bool:
    """True when ``name``'s letters are one of ``keys``, or hold one of four letters or more,
    or are four letters or more held in one."""
    key = squash(name)
    return bool(key) and any(key == k or (len(k) >= _MIN_KEY and k in key) or
                             (len(key) >= _MIN_KEY and key in k) for k in keys)


def _names_host(name: str, label: str) -> bool:
    """``names_site`` for the host's label, or the label spelled by the starts of the name's
    words in order ("Los Angeles Times" on latimes.com, "New York Post" on nypost.com, "Wall
    Street Journal" on wsj.com), or the name's first word being it ("Sky News" on sky.com) or,
    of four letters or more, beginning it ("Sputnik International" on sputniknews.com)."""
    words = [squash(word) for word in name.split() if squash(word) and word.lower() != "the"]
    if not words or len(words) > _MAX_WORDS:
        return False
    return (names_site(name, {label}) or _spelled(label, words)
            or words[0] == label or (len(words[0]) >= _MIN_KEY and label.startswith(words[0])))


def _spelled(label: str, words: list[str]) -> bool:
    """True when ``label`` is the start of one word, then the start of the next, ... over two
    words or more (the words before the first used may be skipped). Each (place in the label,
    word) is tried once, and names are short, so a hostile one costs little."""
    if len(words) > _MAX_WORDS or len(label) > _MAX_LABEL:
        return False
    tried: set[tuple[int, int, bool]] = set()

    def spells(at: int, word: int, two: bool) -> bool:
        if at == len(label):
            return two
        if word == len(words) or (at, word, two) in tried:
            return False
        tried.add((at, word, two))
        text = words[word]
        return any(label.startswith(text[:end], at) and spells(at + end, word + 1, word > first)
                   for end in range(min(len(text), len(label) - at), 0, -1))

    for first in range(len(words) - 1):
        tried.clear()
        if spells(0, first, False):
            return True
    return False


def outlet_name(sitename: str | None, markup: str, url: str | None) -> str | None:
    """The outlet's name by the rule of the module docstring (``sitename``: trafilatura's)."""
    label = host_label(url)
    if not label:
        return sitename
    named = _site_part(sitename, label) if sitename else None
    fits = bool(named) and _names_host(named or "", label) and not _hostlike(named or "", url)
    if named and fits and " " in named:
        return named  # most pages: read no further
    page = _Declared.of(markup, label)
    if named and fits and named != page.handle:
        return _spelled_out(named, page.candidates, label)
    candidates = page.candidates
    if squash(page.handle) == label and len(label) <= _ABBREVIATION:
        candidates = (*candidates, page.handle.upper())
    fitting = [c for c in candidates if c and _names_host(c, label) and not _hostlike(c, url)]
    if fitting:
        return _best_form(fitting)
    if named and (squash(named) in {squash(d) for d in page.declared} or _hostlike(named, url)
                  or squash(named) == squash(page.handle)):
        return named.rstrip("_")
    return (urlsplit(url or "").hostname or "").removeprefix("www.") or sitename


@dataclass(frozen=True)
class _Declared:
    """The names a page gives itself: ``declared`` (``og:site_name``, ``application-name``, the
    JSON-LD publisher), ``candidates`` (those, the ``<title>``'s two ends between the meta tags
    and the publisher) and its Twitter ``handle``."""

    declared: tuple[str, ...]
    candidates: tuple[str, ...]
    handle: str

    @classmethod
    def of(cls, markup: str, label: str) -> _Declared:
        head = markup[:_HEAD_CHARS]  # not cut at "</head>": pages print one early by mistake
        metas = _metas(head)
        meta = [_site_part(site_name(metas.get(name)) or "", label) for name in _DECLARED]
        publisher = _PUBLISHER.search(head)
        declared = tuple(n for n in (*meta, publisher[1].strip() if publisher else "") if n)
        title = _TITLE.search(head)
        candidates = (*meta, *_title_ends(title[1] if title else ""), *declared)
        return cls(declared, candidates, metas.get("twitter:site", "").strip("@_"))


def _spelled_out(named: str, candidates: Sequence[str], label: str) -> str:
    """A one-word name that is the host's label ("NYTimes") written out by a declaration or
    the title, when one spells the label in words ("The New York Times"); else ``named``."""
    if squash(named) != label:
        return named
    spelled = [c for c in candidates
               if _spelled(label, [squash(w) for w in c.split() if w.lower() != "the" and squash(w)])]
    return spelled[0] if spelled else named


def _metas(head: str) -> dict[str, str]:
    """The content of the first ``<meta>`` of each property or name in ``head``, lower-cased
    names (one pass over the tags)."""
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(head):
        values = {m[1].lower(): m[2] if m[2] is not None else m[3]
                  for m in _META_ATTRIBUTE.finditer(tag[0])}
        key = (values.get("property") or values.get("name") or "").lower()
        if key and "content" in values:
            found.setdefault(key, values["content"].strip())
    return found


def _site_part(name: str, label: str) -> str:
    """A declared name without its tagline: the one part, split on title separators, that names
    the site, the first such ("LinkNaija | Nigeria's popular news platform" -> "LinkNaija")."""
    parts = split_title(name)
    fitting = [part for part in parts if _names_host(part, label)]
    return fitting[0] if len(parts) > 1 and fitting else name.strip()


def _title_ends(title: str) -> list[str]:
    """The last and first parts of a ``<title>`` split on separators, when it has two or more."""
    parts = split_title(html.unescape(title))
    return [parts[-1], parts[0]] if len(parts) >= 2 else []


def _hostlike(name: str, url: str | None) -> bool:
    """True when ``name`` is the page's host written out in small letters ("livescience.com"):
    trafilatura's last resort, not a name ("Space.com" is one)."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    return bool(host) and name == name.lower() and squash(name) == squash(host)


def _best_form(fitting: list[str]) -> str:
    """Of the names alike in letters to the first, the one with capitals and the most words."""
    alike = [name for name in fitting if squash(name) == squash(fitting[0])]
    return max(alike, key=lambda name: (name != name.lower(), len(name.split())))
