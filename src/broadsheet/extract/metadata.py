"""Metadata of a page: title, outlet, authors, date, section, language, article or not.

Two sources, one module:

- for HTML, trafilatura's metadata (``Document``: title, author, date via htmldate, sitename,
  categories, language, og:type) plus the markup's own declarations (``<html lang>``,
  schema.org ``@type``) read with small regular expressions;
- for flattened text, general rules over the lines: the title is the line that best matches the
  page's first line (usually the ``<title>``, with a site suffix), and the outlet is found by
  evidence — a short brand line that other lines name in the possessive or after a preposition,
  or whose letters form a web address on the page ("The Week" / "TheWeek.com"); else the suffix of
  the first line ("... - WSJ"); else the holder named on a copyright line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from broadsheet.text import ends_sentence, lower_words, squash, word_count

_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—•·:]{1,2}|-{1,2})\s+")
_DOMAIN = re.compile(r"\b((?:[\w-]+\.)*[\w-]+)\.(?:com|org|net|co\.uk|co|news|io|tv|us|uk|in|de)\b",
                     re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"([A-Z][\w&'’ .-]{1,60}?)(?:\.|,| All rights| -|\||$)",
    re.IGNORECASE,
)
_LANG_ATTR = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z]+)?",
                        re.IGNORECASE)
_ARTICLE_TYPE = re.compile(  # begins with a literal: a fast scan, not a try at every quote
    r"@type[\"']\s*:\s*\[?\s*[\"'](?:News|Reportage|Analysis|Opinion|Review|"
    r"Report|Scholarly|Tech|Satirical|Background|AskPublic)?(?:Article|BlogPosting|"
    r"LiveBlogPosting)[\"']")
_ARTICLE_ITEMTYPE = re.compile(r"itemtype=[\"']https?://schema\.org/(?:News)?Article[\"']")
TITLE_MATCH = 0.75
MAX_TITLE_WORDS = 40
TITLE_STAND_IN_WORDS = 12
MIN_PARAGRAPH_WORDS = 20
_DATED_PATH = re.compile(r"/(?:19|20)\d{2}[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")
_ARTICLE_PATH = re.compile(r"/(?:blog|blogs|news|article|articles|story|stories|post|posts|"
                           r"opinion|insights|guides?|learn)/[^/?#]+", re.IGNORECASE)
_OTHER_PATH = re.compile(
    r"/(?:products?|collections?|shop|store|cart|c|category|categories|tags?|topics?|search|"
    r"forums?|threads?|community|questions|docs?|documentation|support|help|manual|reference|"
    r"api|wiki|itm|p|services?|solutions|pricing|features|jobs|careers|about|contact)"
    r"(?:/|$|\?)", re.IGNORECASE)
_SLUG_WORDS = 4
_MAX_BRAND_WORDS = 4
_MAX_SUFFIX_WORDS = 5


@dataclass(frozen=True)
class HtmlMetadata:
    """What the HTML path learns about a page besides its text."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    language: str | None = None
    page_type: str | None = None
    site: str | None = None  # trafilatura's site name, which the title and body are cleaned of
    declares_article: bool = False
    opinion: bool = False


# --- title and outlet of flattened text ----------------------------------------------------




def split_title(head: str) -> list[str]:
    """The parts of a ``<title>``-like line split on site separators (" - ", " | ", " :: ")."""
    return [part.strip() for part in _TITLE_SEPARATOR.split(head) if part.strip()]


def strip_site_suffix(head: str) -> str:
    """The headline part of a title line: the longest part once site separators are split."""
    parts = split_title(head)
    if len(parts) < 2:
        return head.strip()
    return max(parts, key=word_count)


def _match(candidate: str, head_tokens: set[str], core_tokens: set[str]) -> float:
    """How well a line matches the title line: share of its words in it times coverage."""
    words = set(lower_words(candidate))
    if not words or not core_tokens:
        return 0.0
    inside = len(words & head_tokens) / len(words)
    coverage = len(words & core_tokens) / len(core_tokens)
    return inside * coverage


def guess_title(lines: Sequence[str], block_start: int) -> str:
    """The headline: the line before the article that best matches the first line of the page."""
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return ""
    head = filled[0][1]
    core = strip_site_suffix(head)
    head_tokens, core_tokens = set(lower_words(head)), set(lower_words(core))
    best, best_score = core, TITLE_MATCH
    for i, line in filled[1:]:
        if i >= block_start:
            break
        score = _match(line, head_tokens, core_tokens)
        if score >= best_score and 2 <= word_count(line) <= MAX_TITLE_WORDS:
            best, best_score = line, score
    return _opening(best) if reads_as_paragraph(best) else best


def reads_as_paragraph(line: str) -> bool:
    """A first line that is body text, not a headline: very long, or a long full sentence."""
    words = word_count(line)
    return words > MAX_TITLE_WORDS or (words >= MIN_PARAGRAPH_WORDS and line.rstrip().endswith("."))


def _opening(paragraph: str) -> str:
    """A stand-in title for a text without a headline: its first words, marked as cut."""
    words = paragraph.split()
    return " ".join(words[:TITLE_STAND_IN_WORDS]) + "…"


def title_lines(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that repeat the page's headline (its first line, site suffix off)."""
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return []
    head = filled[0][1]
    head_tokens, core_tokens = set(lower_words(head)), set(lower_words(strip_site_suffix(head)))
    return [filled[0][0]] + [i for i, line in filled[1:]
                             if _match(line, head_tokens, core_tokens) >= TITLE_MATCH]


def _brand_candidates(lines: Sequence[str]) -> list[str]:
    """Short capitalised lines without a sentence end: possible brand (logo) lines."""
    found: dict[str, None] = {}
    for line in lines:
        text = line.strip()
        words = text.split()
        if (1 <= len(words) <= _MAX_BRAND_WORDS and len(text) <= 40 and not ends_sentence(text)
                and words[0][:1].isupper() and words[-1][:1].isupper()):
            found.setdefault(text, None)
    return list(found)


def brand_evidence(brand: str, lines: Sequence[str]) -> int:
    """Points for ``brand`` being the outlet: possessives, "at/of/from X", its web address."""
    possessive = re.compile(re.escape(brand) + r"['’]s\b")
    after_preposition = re.compile(r"\b(?:at|of|from|by|on|to|with|for)\s+" + re.escape(brand)
                                   + r"\b")
    points = 0
    for line in lines:
        if line.strip() == brand or len(line.split()) < 6:
            continue
        points += 2 * len(possessive.findall(line)) + len(after_preposition.findall(line))
    squashed = squash(brand)
    if len(squashed) >= 4 and any(squash(m) == squashed for line in lines
                                  for m in _DOMAIN.findall(line)):
        points += 2
    return points


def brand_line(lines: Sequence[str]) -> str | None:
    """The short line other lines name most as the site (at least 3 points of evidence)."""
    scored = [(brand_evidence(b, lines), b) for b in _brand_candidates(lines)]
    scored = [(points, b) for points, b in scored if points >= 3]
    return max(scored, key=lambda pb: pb[0])[1] if scored else None


def title_suffix(lines: Sequence[str]) -> str | None:
    """The site name after the last separator of the first line ("Title - WSJ" -> "WSJ")."""
    head = next((line.strip() for line in lines if line.strip()), "")
    parts = split_title(head)
    if len(parts) < 2 or word_count(parts[-1]) > _MAX_SUFFIX_WORDS:
        return None
    return parts[-1] if word_count(parts[-1]) < word_count(parts[0]) else None


def copyright_holder(lines: Sequence[str]) -> str | None:
    """The name on a copyright line ("© 2019 News Nation. All rights reserved.")."""
    for line in reversed(lines):
        match = _COPYRIGHT.search(line)
        if match and 1 <= word_count(match.group(1)) <= _MAX_SUFFIX_WORDS:
            return match.group(1).strip(" .,-")
    return None


def guess_outlet(lines: Sequence[str]) -> str | None:
    """The outlet of a flattened page: title suffix, else brand line, else copyright holder."""
    return title_suffix(lines) or brand_line(lines) or copyright_holder(lines)


# --- HTML metadata -------------------------------------------------------------------------


def markup_language(markup: str) -> str | None:
    """The two- or three-letter code of ``<html lang="...">``, lower-cased."""
    match = _LANG_ATTR.search(markup[:20_000])
    return match.group(1).lower() if match else None


def url_hint(url: str | None) -> int:
    """What a URL says about the page: 2 a story (a date or a blog/news section in the path),
    1 a long hyphenated slug, -1 a shop, forum, docs, listing or site root, 0 nothing."""
    if not url:
        return 0
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE).split("?")[0]
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    slug_words = len([w for w in re.split(r"[-_]+", re.sub(r"\.\w+$", "", slug)) if w.isalpha()])
    if _DATED_PATH.search(path) or (_ARTICLE_PATH.search(path) and slug_words >= 2):
        return 2
    if _OTHER_PATH.search(path) or path.strip("/") == "":
        return -1
    return 1 if slug_words >= _SLUG_WORDS else 0


def quoted_search(pattern: re.Pattern[str], markup: str) -> re.Match[str] | None:
    """The first match of ``pattern`` that follows a quote (``"@type"``, ``'datePublished'``).
    The quote is checked here, not in the pattern: a pattern that begins with a literal is
    scanned for fast, one that begins with ``["']`` is tried at every quote of the page."""
    for match in pattern.finditer(markup):
        if match.start() > 0 and markup[match.start() - 1] in "\"'":
            return match
    return None


def declares_article(markup: str) -> bool:
    """True when the markup declares a schema.org Article-like type (JSON-LD or microdata)."""
    return bool(quoted_search(_ARTICLE_TYPE, markup) or _ARTICLE_ITEMTYPE.search(markup))


def _first(values: Any) -> str | None:
    """The first non-blank string of a list (trafilatura's categories), else None."""
    for value in values or ():
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
