"""Roundups: digests that list many unrelated items, recognised so they never join a story.

A daily digest ("10 things in tech you need to know today"), a market-open newsletter ("Opening
Bell 11.18.19"), a live blog, a page of deals or gift ideas, or a schools' results roundup mentions
several events in passing; clustered as if it reported one of them, it pulls unrelated stories
together. It becomes a story of its own instead, flagged ``roundup``, and the brief leaves it out.

The headline says so (no site's name or column title is listed; each rule is a shape):

1. a count of items with no one subject: "10 things in tech you need to know today", "4 things
   to do in October", "The 10 best ... this week" (but not "5 things to know about Trump's Labor
   pick" or "5 takeaways from the debate": those are about one event);
2. "need to know today / this week / now";
3. a briefing word: morning / evening / daily / weekly / weekend / news + briefing, brief, digest,
   roundup, recap, wrap, newsletter; or "roundup:", "digest:" ("Debate recap:" is one
   event);
4. a live page: "live updates", "live blog", "live coverage";
5. shopping lists: best / top / daily / early / Black Friday deals, a sale "..., more", a gift or
   buying guide, "best ... of 2019 / of the year";
6. a column named by its date: a short title ending in a date ("Opening Bell 11.18.19");
7. a day's results: "Tuesday's college football", "Today's games".

A body-based rule (paragraphs that keep changing subject) was measured on the Scrapinghub day
and left out: single-subject features (a medical case, a NASA announcement) looked the same.

One body rule stands: **a page of figures** (``lists_figures``): at least ten table rows holding a
figure, and table rows at least half the page's lines (a team's snap counts, a ranking, a price
list, a results table). It lists; it reports no event, so it stands alone as a roundup does (its
own story, out of the brief's events; ``stands_alone``) though it is no digest of unrelated items
(``is_roundup``, what the real day's roundup labels measure, stays the headline's rules). A news
report with a table (an earnings story's four rows) is not one.
Pure: no I/O.
"""

from __future__ import annotations

import re

from broadsheet.model import Article

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday)"
_TITLE = re.compile(
    r"^\s*(?:the\s+)?\d{1,2}\s+(?:\w+\s+){0,3}?(?:things|stories|headlines|items|best)\b"
    r"(?=.*\b(?:today|tonight|this week|this weekend|to do|you missed|(?-i:in [a-z]+)\b))"
    r"|\bneed to know (?:today|this week|now)\b"
    r"|\b(?:morning|evening|daily|weekly|weekend|news|midday)\s+"
    r"(?:briefing|brief|digest|roundup|round-up|recap|wrap|newsletter)\b"
    r"|\b(?:roundup|round-up|digest)\s*:"
    r"|\blive(?:\s*[:-])?\s+(?:updates?|blog|coverage|stream)\b"
    r"|\b(?:best|top|daily|early|black friday|cyber monday|holiday)\b[^|:]*\bdeals?\b"
    r"|\bsale\b.*,\s*(?:and\s+)?more\b"
    r"|\b(?:gift|buying)\s+(?:guide|ideas)\b"
    r"|^\s*(?:the\s+)?best\s+[\w\s]{1,30}?\s+of\s+(?:the\s+(?:year|week|month)|\d{4})\b"
    r"|^[A-Za-z][\w\s&'’-]{2,40}\s\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*$"
    rf"|^\s*{_DAY}['’]s\s+(?:[\w-]+\s+){{0,2}}(?:football|basketball|baseball|hockey|soccer|"
    r"sports|games|results|scores|roundup|briefing|news)\b",
    re.IGNORECASE,
)


def headline_says_roundup(title: str) -> bool:
    """True when the headline announces a digest or live blog (rule 1)."""
    return bool(_TITLE.search(title))


def is_roundup(article: Article) -> bool:
    """True when ``article`` is a digest of unrelated items (see the module docstring)."""
    return headline_says_roundup(article.title)


# A line of a table as extraction writes it: "| DL | Myles Garrett | 57 | 77% |".
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_FIGURE = re.compile(r"\d")
FIGURE_ROWS = 10  # table rows holding a figure a page of figures has at least


def lists_figures(text: str) -> bool:
    """True when ``text`` is a page of figures: at least ``FIGURE_ROWS`` table rows with a figure,
    and table rows at least half of its lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    rows = [line for line in lines if _TABLE_ROW.match(line)]
    figures = sum(1 for row in rows if _FIGURE.search(row))
    return figures >= FIGURE_ROWS and 2 * len(rows) >= len(lines)


def stands_alone(article: Article) -> bool:
    """True when ``article`` is a story of its own that nothing joins: a roundup or a page of
    figures (see the module docstring)."""
    return is_roundup(article) or lists_figures(article.text)
