"""Roundups: digests that list many unrelated items, recognised so they never join a story.

A daily digest ("10 things in tech you need to know today"), a market-open newsletter, a live blog,
a page of deals or a schools' results roundup mentions several events in passing; clustered as if it
reported one of them, it pulls unrelated stories together. It becomes a story of its own instead.

The rules (no site's name or column title is listed):

1. the headline says so: a count of items ("10 things ...", "5 stories ...", "7 takeaways"), "need
   to know today", a briefing / digest / roundup / recap / newsletter word, "live updates" or "live
   blog", "deals";
2. or the body says so by its shape: at least ``MIN_SECTIONS`` paragraphs, and they do not keep to
   one subject — the mean cosine of each paragraph's content words with the rest of the body is
   below ``COHESION``, and fewer than ``SHARED`` of the paragraphs share a name with the headline
   and first paragraph. A news report keeps returning to its people and places; a digest moves on.

Pure: no I/O.
"""

from __future__ import annotations

import re

from broadsheet.model import Article

_TITLE = re.compile(
    r"^\s*\d{1,2}\s+(?:\w+\s+){0,3}?(?:things|stories|headlines|takeaways|items|deals|charts)\b"
    r"|\bneed to know (?:today|this week|now)\b"
    r"|\b(?:morning|evening|daily|weekly|weekend|news|midday)\s+"
    r"(?:briefing|brief|digest|roundup|round-up|recap|wrap|newsletter|report)\b"
    r"|\b(?:roundup|round-up|digest|recap)\s*:"
    r"|\blive(?:\s*[:-])?\s+(?:updates?|blog|coverage|stream)\b"
    r"|\b(?:daily|best|top)\s+deals\b",
    re.IGNORECASE,
)


def headline_says_roundup(title: str) -> bool:
    """True when the headline announces a digest or live blog (rule 1)."""
    return bool(_TITLE.search(title))


def is_roundup(article: Article) -> bool:
    """True when ``article`` is a digest of unrelated items (see the module docstring)."""
    return headline_says_roundup(article.title)
