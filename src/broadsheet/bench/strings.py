"""Strings that must / must not be in the extracted text: WCXB's ``with[]`` and ``without[]``.

Each WCXB dev page — articles, but also forums, product and service pages, listings, collections
and documentation, in many languages — lists snippets of its main content that a good extractor
keeps (``with``) and snippets of its boilerplate that it drops (``without``: menus, footers,
cookie and sign-up text). A snippet counts as found when its lower-cased ``\\w+`` words occur
consecutively in the lower-cased words of the text, so spacing and punctuation ("Category :
Programming languages") do not matter. Per page: the share of ``with`` snippets found and the share
of ``without`` snippets absent; each averaged over the pages that list any; ``both`` is the mean of
the two averages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import Any

_WORD = re.compile(r"\w+")


def word_key(text: str) -> str:
    """The text as its lower-cased words, space-separated, with a space at either end."""
    return " " + " ".join(w.lower() for w in _WORD.findall(text)) + " "


def contains(key: str, snippet: str) -> bool:
    """True when the words of ``snippet`` occur consecutively in ``key`` (a ``word_key``)."""
    words = word_key(snippet)
    return words.strip() != "" and words in key


@dataclass(frozen=True)
class PageStrings:
    """One page's result: must-strings found of listed, must-not strings absent of listed."""

    found: int
    must: int
    absent: int
    must_not: int


def snippets_of(record: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The ``with`` and ``without`` snippets of a WCXB record (empty lists when it has none)."""
    truth = record.get("ground_truth") or {}
    must = [s for s in truth.get("with") or () if isinstance(s, str) and s.strip()]
    must_not = [s for s in truth.get("without") or () if isinstance(s, str) and s.strip()]
    return must, must_not


def page_strings(text: str, record: Mapping[str, Any]) -> PageStrings:
    """How ``text`` fares on the snippets a WCXB record lists."""
    must, must_not = snippets_of(record)
    key = word_key(text)
    return PageStrings(found=sum(contains(key, s) for s in must), must=len(must),
                       absent=sum(not contains(key, s) for s in must_not),
                       must_not=len(must_not))


def strings_metrics(pages: Sequence[PageStrings]) -> dict[str, float]:
    """``must`` (share found), ``must_not`` (share absent), each a mean over the pages that list
    such strings, and ``both``, their mean."""
    must = [p.found / p.must for p in pages if p.must]
    must_not = [p.absent / p.must_not for p in pages if p.must_not]
    scores = {"must": mean(must) if must else 0.0, "must_not": mean(must_not) if must_not else 0.0}
    scores["both"] = (scores["must"] + scores["must_not"]) / 2
    return scores
