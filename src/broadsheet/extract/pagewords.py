"""The words of a page as one signal of the page classifier: how much they sound like an article.

An article page and a service, forum or documentation page use different words ("reported",
"said", "according" against "contact", "pricing", "reply", "install"); which words, no hand-made
list can say. ``page_words`` gives the words of a page's kept body, of its title and of the
markup's headings, buttons, form labels and table heads (each once, marked ``b:``, ``t:`` or
``h:``: "add", "reply", "pricing", "related" on a button or a heading say what the page is
built for, whatever text trafilatura kept); a logistic regression over the words that occur on
pages of at least ``MIN_SITES`` sites of the training pages (so no word of one site, a name or
a product, is learned) turns them into a score, the ``word_score`` the boosted trees of the page model read
beside the other signals. ``WordModel`` holds the regression (its intercept and one weight per
word) as ``page_model.json`` ships it and scores a page with no scikit-learn at run time;
``broadsheet.extract.train_pages`` fits it, and measures the page model with it refitted inside
each fold of held-out sites.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MIN_SITES = 5
_WORD = re.compile(r"[^\W\d_]{2,}")
# the elements whose words are marked ``h:``: what a page heads its parts and its controls with
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "th")


def page_words(paragraphs: Iterable[str], title: str | None,
               headings: Iterable[str] = ()) -> frozenset[str]:
    """The distinct words (two letters or more, lower-cased) of the body, marked ``b:``, of the
    title, marked ``t:``, and of the markup's ``headings`` (``heading_texts``), marked ``h:``."""
    body = {f"b:{w.lower()}" for p in paragraphs for w in _WORD.findall(p)}
    heads = {f"h:{w.lower()}" for h in headings for w in _WORD.findall(h)}
    return frozenset(body | heads | {f"t:{w.lower()}" for w in _WORD.findall(title or "")})


def heading_texts(tree: Any) -> list[str]:
    """The text of every heading, button, form label and table head of a parsed page (an lxml
    tree; none for None)."""
    if tree is None:
        return []
    return [str(element.text_content()) for element in tree.iter(*HEADING_TAGS)]


@dataclass(frozen=True)
class WordModel:
    """A logistic regression over the words of a page: ``intercept`` plus the weight of every
    word the page holds (a word without a weight adds nothing)."""

    intercept: float
    weights: Mapping[str, float] = field(default_factory=dict)

    def score(self, words: Iterable[str]) -> float:
        """The regression's raw score (log-odds that the page is an article); summed exactly
        (``math.fsum``), so the order of a set's words (it changes with the hash seed) cannot
        change the last bit."""
        weights = self.weights
        return math.fsum([self.intercept, *(weights.get(w, 0.0) for w in words)])

    def to_json(self) -> dict[str, Any]:
        """The model as ``page_model.json`` holds it (weights rounded, sorted by word)."""
        return {"intercept": round(self.intercept, 6),
                "weights": {w: round(v, 5) for w, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WordModel:
        """A word model from its JSON form."""
        return cls(float(data["intercept"]),
                   {str(w): float(v) for w, v in data["weights"].items()})
