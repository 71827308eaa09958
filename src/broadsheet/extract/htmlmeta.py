"""Metadata of an HTML page, cleaned: the headline without the site's name, authors who are
people, the date of first publication, and whether the piece is opinion.

trafilatura reads the raw values (``<title>``/``og:title``, bylines, htmldate's date, sitename,
categories). What users of it and of newspaper4k report, and what we fix here with general rules:

- the title keeps the site's suffix or prefix ("Headline | Site", "Site: Headline"): a part of
  the title split on separators is dropped when it names the site (its outlet name or web
  address, letters only) and holds no colon, or when it is a short part at either end beside a
  longer headline; a prefix before a colon only when it is the site's name, the name itself or
  four words at most (a colon is common inside headlines, and "The Guardian view on Hong Kong:
  a city on the brink" is a column's headline, not the site's name before one);
- an author is sometimes the organisation ("Reuters Staff", the site's own name), a role or a
  web address: a name is kept when it has one to five words, no digits, no "@" or address, does
  not name the site, and has no organisation word ("Team", "Staff", "Desk", "Editors" ...);
- the date: the page's own declaration of first publication (JSON-LD ``datePublished``,
  ``article:published_time``, ``<time pubdate>``) before htmldate's guess, which can be the
  modification date; on a page that declares none, the day its ``<time datetime>`` prints when
  htmldate's guess is another (a timestamp in a script);
- opinion: JSON-LD ``OpinionNewsArticle`` (or another opinion type), an opinion section or
  label, or an opinion path in the URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from broadsheet.extract.metadata import (
    HtmlMetadata,
    declares_article,
    markup_language,
    quoted_search,
    split_title,
)
from broadsheet.extract.outlet import names_site, outlet_name, site_name
from broadsheet.extract.persons import reads_as_person
from broadsheet.text import MONTHS, squash, word_count
from broadsheet.timestamps import declared_day, instant

_ORG_WORDS = re.compile(
    r"\b(?:team|staff|desk|editors?|editorial|newsroom|news|press|media|agency|wire|bureau|"
    r"inc|ltd|llc|gmbh|corp|company|group|magazine|online|redaktion|rédaction|admin|"
    r"administrator|contributors?|guest|sponsored|partner)\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"@|https?://|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
_PUBLISHED = (
    re.compile(r"datePublished[\"']\s*:\s*[\"']([^\"']{8,40})[\"']"),
    re.compile(r"<meta[^>]+(?:property|name)=[\"'](?:article:published_time|"
               r"og:published_time|pubdate|publishdate|date\.published)[\"'][^>]*content="
               r"[\"']([^\"']{8,40})[\"']", re.IGNORECASE),
    re.compile(r"<meta[^>]+content=[\"']([^\"']{8,40})[\"'][^>]*(?:property|name)="
               r"[\"'](?:article:published_time|og:published_time)[\"']", re.IGNORECASE),
    re.compile(r"itemprop=[\"']datePublished[\"'][^>]*(?:content|datetime)=[\"']([^\"']{8,40})"),
)
_PRINTED_TIMES = 5  # the first few ``<time>`` of a page (a thread's comments can hold hundreds)
_TIME = re.compile(r"<time\b[^>]*?\bdatetime=[\"']([^\"']{8,40})[\"']", re.IGNORECASE)
_OPINION_TYPE = re.compile(r"@type[\"']\s*:\s*\[?[^\]]{0,80}?[\"'](?:OpinionNewsArticle|"
                           r"ReviewNewsArticle|AnalysisNewsArticle)[\"']")
_OPINION_WORDS = re.compile(
    r"\b(?:opinions?|op-?eds?|commentary|comment|editorials?|columns?|columnists?|viewpoints?|"
    r"perspectives?|analysis|meinung|kommentar|tribune|opinión|opinião|opinione)\b",
    re.IGNORECASE,
)
_OPINION_PATH = re.compile(
    r"/(?:opinions?|op-?eds?|commentary|comment(?:isfree)?|editorials?|columns?|columnists?|"
    r"viewpoints?|perspectives?|meinung|kommentar|tribune|opinion[a-z]*)(?:/|$)",
    re.IGNORECASE,
)
_MAX_AUTHOR_WORDS = 5
_MAX_CREDIT_WORDS = 6
_MONTH = re.compile(rf"(?:{MONTHS})\.?", re.IGNORECASE)
_ROLE_WORDS = frozenset({
    "author", "authors", "by", "written", "name", "undefined", "unknown", "anonymous", "admin",
    "administrator", "webmaster", "the", "ceo", "founder", "director", "sr", "senior", "attorney",
    "trial", "editor", "writer", "contributor", "expert", "consultant", "manager", "president",
    "specialist", "posted", "published", "updated", "last", "on", "and", "reporter", "columnist",
    "correspondent", "head", "category", "categories",
})
_BYLINE_LABEL = re.compile(r"^(?:(?:written|posted|reviewed)\s+by|by|von|par|por|di|author)\b[:\s]*",
                           re.IGNORECASE)
_TRAILING_DATE = re.compile(
    r"(?:\s+(?:last\s+)?(?:updated|published|posted)\b.*"
    rf"|\s+(?:{MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|\s+(?:january|february|march|april|june|july|august|september|october|november|december))$",
    re.IGNORECASE)
_SITE_PART_WORDS = 4


def site_keys(outlet: str | None, url: str | None) -> set[str]:
    """Letters-only forms of the site's names: its outlet name and its host's main label. The
    label here takes a label of three letters or fewer for a suffix ("co.uk", "com.br"), where
    ``outlet.host_label`` knows the suffixes; with ``host_label`` here WCXB's title and author
    exact match fell a page each (0.7881 -> 0.7869, 0.7251 -> 0.7238, stop 38), so titles and
    authors keep this one."""
    keys = {squash(outlet)} if outlet else set()
    host = urlsplit(url or "").netloc.lower().removeprefix("www.")
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 2:
        keys.add(squash(labels[-2] if len(labels[-2]) > 3 or len(labels) < 3 else labels[-3]))
    return {k for k in keys if len(k) >= 2}


def _is_site_prefix(head: str, keys: set[str]) -> bool:
    """True when the words before a title's colon are the site's name: they name the site and
    are no longer than a name ("The Daily Planet: ..."); a longer head holding the site's name
    is part of the headline ("The Guardian view on Hong Kong: a city on the brink")."""
    return names_site(head, keys) and (squash(head) in keys or
                                        word_count(head) <= _SITE_PART_WORDS)


def clean_title(title: str | None, outlet: str | None, url: str | None) -> str | None:
    """``title`` without the site's name at either end ("Headline | Site" -> "Headline")."""
    if not title:
        return None
    keys = site_keys(outlet, url)
    head, colon, rest = title.partition(": ")
    if colon and rest.strip() and _is_site_prefix(head, keys):
        title = rest
    parts = split_title(title)
    if len(parts) < 2:
        return title.strip()
    kept = [p for p in parts if ": " in p or not names_site(p, keys)]
    if kept and len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=word_count)
    ends = [parts[0], parts[-1]]
    short = [p for p in ends if p is not longest and word_count(p) <= _SITE_PART_WORDS]
    if len(parts) == 2 and short and word_count(longest) > word_count(short[0]):
        return longest
    return title.strip()


def is_person(name: str, keys: set[str]) -> bool:
    """True when ``name`` reads as a person's name, not an organisation, role or address."""
    words = name.split()
    if not 1 <= len(words) <= _MAX_AUTHOR_WORDS or any(ch.isdigit() for ch in name):
        return False
    if _ADDRESS.search(name) or _ORG_WORDS.search(name) or names_site(name, keys):
        return False
    return any(w[:1].isupper() for w in words) and not is_role(name)


def is_role(name: str) -> bool:
    """True for a job title or a placeholder standing where a name should ("Trial Attorney",
    "Written By", "Name", "Undefined", "Category", a month name left over from the date)."""
    words = [w.strip(".,").lower() for w in name.split()]
    return all(w in _ROLE_WORDS or _MONTH.fullmatch(w) for w in words)


def clean_name(raw: str) -> str:
    """One byline name without its label ("By", "Author"), a trailing date ("... Last updated
    August 1", "... December") or the avatar initials before it ("CM Craig McCarthy")."""
    name = _BYLINE_LABEL.sub("", " ".join(raw.split()))
    name = _TRAILING_DATE.sub("", name).strip(" ,|-–—:")
    words = name.split()
    if len(words) >= 3 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:3]):
        words = words[1:]
    if len(words) >= 3 and words[-1].strip(".,").lower() in _ROLE_WORDS:
        words = words[:2]  # "Keith Barry Senior Autos Reporter": the name, then the job
    return " ".join(words)


def is_credit(name: str, keys: set[str]) -> bool:
    """True for a byline that is not a person but still names who wrote the piece: a team or a
    desk ("Podium Staff", "Metro Desk") — never the site itself, an address or a role."""
    words = name.split()
    return (1 <= len(words) <= _MAX_CREDIT_WORDS and not is_role(name) and "@" not in name
            and not names_site(name, keys))


def _subsumed(name: str, others: Sequence[str]) -> bool:
    """True when a longer name in ``others`` holds every word of ``name`` ("Tina Huffman" in
    "Tina Flint Huffman"): the same person named twice."""
    words = set(name.lower().split())
    return any(other != name and words < set(other.lower().split()) for other in others)


def people(raw: str | None, outlet: str | None, url: str | None) -> tuple[str, ...]:
    """The authors of trafilatura's "; "-joined byline: the people it names, each once; when it
    names no one else, the person whose site it is (``_site_owner``); when it names no person,
    the collective credit it gives instead (a team, a desk; never the site's own name, which is
    the outlet, not an author)."""
    keys = site_keys(outlet, url)
    names = [n for n in (clean_name(part) for part in (raw or "").split(";")) if n]
    names, credentials = _credentials(names, keys)
    persons = ([n for n in names if is_person(n, keys)]
               or [n for n in names if _site_owner(n, keys)][:1])
    if any(len(n.split()) > 1 for n in persons):  # a lone word beside full names is a fragment
        persons = [n for n in persons if len(n.split()) > 1]
    chosen = persons or [n for n in names if is_credit(n, keys)]
    return tuple(dict.fromkeys(", ".join([n, *credentials.get(n, ())]) for n in chosen
                               if not _subsumed(n, chosen)))


def _site_owner(name: str, keys: set[str]) -> bool:
    """True for a byline that names the site because the site is the person's own ("Rick
    Steves" on ricksteves.com, "Mark Denney" on "Mark Denney | Landscape Photography"): a name of
    two to four words that would read as a person's were it not the site's, and that the
    entity recogniser reads as a person's. A company's name ("Help Net Security", "Block
    Renovation") stays the outlet and is never the author."""
    words = name.split()
    return (2 <= len(words) <= MAX_OWNER_WORDS and names_site(name, keys)
            and is_person(name, set()) and reads_as_person(name))


MAX_OWNER_WORDS = 4


def _credentials(names: Sequence[str], keys: set[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The names of a byline without the letters after them, and those letters per name:
    trafilatura splits "Jillian Kubala, MS, RD" into three parts; the credentials belong to the
    person before them and stay with the name ("Jillian Kubala, MS, RD"), as the byline prints."""
    kept: list[str] = []
    credentials: dict[str, list[str]] = {}
    for name in names:
        letters = name.strip(" .®©™").replace(".", "")
        if (kept and _CREDENTIAL.match(letters) and not is_role(letters)
                and is_person(kept[-1], keys)):
            credentials.setdefault(kept[-1], []).append(letters)
        else:
            kept.append(name)
    return kept, credentials


_CREDENTIAL = re.compile(r"^[A-Z]{2,5}$")


def markup_published(markup: str) -> str | None:
    """The first-publication date the markup declares (JSON-LD, meta or microdata), raw."""
    for n, pattern in enumerate(_PUBLISHED):
        match = quoted_search(pattern, markup) if n == 0 else pattern.search(markup)
        if match:
            return match.group(1).strip()
    return None


def year_only_guess(day: str, url: str | None) -> bool:
    """True for a 1 January date the URL does not carry: htmldate's fallback when all it found
    was a year (a copyright line), not a publication date (23 of 24 on the WCXB dev articles)."""
    found = declared_day(day)
    if found is None or not found.endswith("-01-01"):
        return False
    return not any(found.replace("-", sep) in (url or "") for sep in "-/")


def published_date(markup: str, guessed: str | None, url: str | None) -> str | None:
    """The publication date: htmldate's day (``guessed``, what trafilatura reports) unless it is
    only a year; with the full time the markup declares (JSON-LD, ``article:published_time``)
    when that names the same day; the declaration alone when htmldate found nothing; on a page
    that declares nothing, the day its ``<time>`` elements print (``printed_date``).

    htmldate first: on the WCXB dev articles its day is the gold one more often than the
    markup's declaration (0.71 against 0.70), which is sometimes an older first version.
    """
    declared = markup_published(markup)
    if guessed and year_only_guess(guessed, url):
        guessed = None
    if guessed and declared and declared_day(declared) == declared_day(guessed):
        return declared
    if declared:
        return guessed or declared
    return printed_date(markup, guessed)


def printed_date(markup: str, guessed: str | None) -> str | None:
    """``guessed`` unless the page's ``<time datetime>`` elements name other days: then the
    first of them, the date the page prints beside the article. For a page that declares no
    first publication (``markup_published``): htmldate's guess then can be a timestamp in a
    script, the template's ("dt: 2019-11-14T19:49:29" on a page printing 19 November); on the
    WCXB dev articles this changes 8 dates, 5 to the gold day and 2 away from it. A ``datetime``
    attribute is machine-readable ISO text: read as such only (no slow guessing of free text)."""
    values: list[str] = _TIME.findall(markup)[:_PRINTED_TIMES]
    printed = [(value, moment.date()) for value in values if (moment := instant(value))]
    if not printed or (guessed and declared_day(guessed) in {d.isoformat() for _, d in printed}):
        return guessed
    return printed[0][0]


def is_opinion(markup: str, labels: Sequence[str], url: str | None) -> bool:
    """True for an opinion piece: an opinion schema type, section or label, or URL path."""
    if "NewsArticle" in markup and quoted_search(_OPINION_TYPE, markup):
        return True
    if any(_OPINION_WORDS.search(label) and word_count(label) <= 3 for label in labels):
        return True
    return bool(_OPINION_PATH.search(urlsplit(url or "").path))


def _strings(values: Any) -> list[str]:
    """The non-blank strings of a list (trafilatura's categories and tags)."""
    return [v.strip() for v in values or () if isinstance(v, str) and v.strip()]


def from_document(doc: Any, markup: str, url: str | None = None) -> HtmlMetadata:
    """Cleaned metadata from a trafilatura ``Document`` and the page's markup."""
    site = site_name(doc.sitename)
    labels = _strings(doc.categories) + _strings(doc.tags)
    return HtmlMetadata(
        title=clean_title(doc.title, site, url),
        authors=people(doc.author, site, url),
        published=published_date(markup, doc.date or None, url),
        outlet=outlet_name(site, markup, url),
        site=site,
        section=labels[0] if labels else None,
        language=doc.language or markup_language(markup),
        page_type=doc.pagetype or None,
        declares_article=declares_article(markup),
        opinion=is_opinion(markup, labels, url),
    )
