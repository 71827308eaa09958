"""Metadata exact match on WCXB dev article pages: title, author, publication date.

WCXB's ground truth gives ``title``, ``author`` and ``publish_date`` (``YYYY-MM-DD``) for each
page, null where the page has none. A field matches when both sides are empty, or both hold the
same value once normalised: titles and authors compared as their lower-cased ``\\w+`` words in
order (authors joined in order, so "A and B" = "A, B"), dates on their first ten characters
(the day). Trafilatura's baseline is ``bare_extraction`` with its default settings and metadata.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from statistics import mean
from typing import Any

from broadsheet.model import Article, Rejected
from broadsheet.timestamps import declared_day

_WORD = re.compile(r"\w+")
_JOINERS = frozenset({"and", "und", "et", "y", "e"})
FIELDS = ("title", "author", "date")
Meta = Mapping[str, str | None]


def _words(value: str | None, joiners: bool = False) -> tuple[str, ...]:
    found = [w.lower() for w in _WORD.findall(value or "")]
    return tuple(w for w in found if not (joiners and w in _JOINERS))


def _day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day a date names in its own offset (the day the page prints), else
    its first ten characters. Our HTML path hands the bench the date as the page declared it,
    before ``extract`` normalises it to UTC for the store: an evening with a negative offset
    would otherwise count as the next day."""
    if not value:
        return None
    return declared_day(value) or value[:10]


def metadata_matches(truth: Meta, ours: Meta) -> dict[str, float]:
    """1.0 or 0.0 per field: does ``ours`` match ``truth`` exactly once normalised?"""
    return {
        "title": float(_words(truth.get("title")) == _words(ours.get("title"))),
        "author": float(_words(truth.get("author"), True) == _words(ours.get("author"), True)),
        "date": float(_day(truth.get("date")) == _day(ours.get("date"))),
    }


def truth_of(record: Mapping[str, Any]) -> dict[str, str | None]:
    """The gold title, author and date of a WCXB record."""
    truth = record.get("ground_truth") or {}
    return {"title": truth.get("title"), "author": truth.get("author"),
            "date": truth.get("publish_date")}


def our_meta(result: Article | Rejected) -> dict[str, str | None]:
    """Our title, authors (joined) and published date ("" when the page was rejected)."""
    if isinstance(result, Rejected):
        return {"title": None, "author": None, "date": None}
    return {"title": result.title, "author": ", ".join(result.authors) or None,
            "date": result.published}


def trafilatura_meta(markup: str, url: str | None) -> dict[str, str | None]:
    """trafilatura's own title, author and date for a page (default settings)."""
    import trafilatura

    doc: Any
    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True,
                                          include_comments=False)
    except Exception:  # the baseline failing on a page scores as finding nothing
        doc = None
    if doc is None:
        return {"title": None, "author": None, "date": None}
    return {"title": doc.title, "author": doc.author, "date": doc.date}


def means(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """The share of pages each field matched on."""
    return {f"{name}_exact": mean(r[name] for r in rows) if rows else 0.0 for name in FIELDS}
