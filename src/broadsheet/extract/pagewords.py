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
each fold of held-out sites. ``TypeWordModel`` is the same regression learned over the seven page
types (``PAGE_TYPES``) rather than article or not: the second stage, which judges the pages the
first is unsure of, reads its article log-odds and seven log-probabilities (``TYPE_SCORE_NAMES``)
in place of the binary score: whether the words sound like a forum, a shop or a service, not just
"not an article", held out 1,423 right of 1,497 against 1,421 (docs/quality-history.md, page kind round 8).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MIN_SITES = 5
# the WCXB page types the type word regression tells apart, in scikit-learn's (sorted) order, and
# the scores it gives a page: the article log-odds against the other six, then each type's
# log-probability
PAGE_TYPES = ("article", "collection", "documentation", "forum", "listing", "product", "service")
TYPE_SCORE_NAMES = ("word_article_odds", *(f"word_logp_{kind}" for kind in PAGE_TYPES))
TYPE_WEIGHT_SCALE = 100_000
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


def _log_sum(values: Sequence[float]) -> float:
    """log(sum(exp(v))), computed without overflow."""
    top = max(values)
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


@dataclass(frozen=True)
class TypeWordModel:
    """A multinomial logistic regression over the words of a page: per page type of
    ``PAGE_TYPES``, an intercept plus the weight of every word the page holds (``weights``: one
    tuple per word, in the order of ``PAGE_TYPES``)."""

    intercepts: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]] = field(default_factory=dict)

    def scores(self, words: Iterable[str]) -> tuple[float, ...]:
        """The page's ``TYPE_SCORE_NAMES``: its article log-odds against the six other types,
        then the log-probability of each type (sums exact, ``math.fsum``, as ``WordModel``)."""
        found = [self.weights[w] for w in words if w in self.weights]
        raw = [math.fsum([b, *(v[k] for v in found)]) for k, b in enumerate(self.intercepts)]
        total = _log_sum(raw)
        logp = [z - total for z in raw]
        return (logp[0] - _log_sum(logp[1:]), *logp)

    def to_json(self) -> dict[str, Any]:
        """The model as ``page_model.json`` holds it: the words sorted, then one list of weights
        per type, each weight in whole units of ``1 / TYPE_WEIGHT_SCALE`` (five places, as the
        binary model's; written as integers, the file's largest part is half as long), so that
        no word is written seven times."""
        words = sorted(self.weights)
        return {"types": list(PAGE_TYPES), "intercepts": [round(b, 6) for b in self.intercepts],
                "scale": TYPE_WEIGHT_SCALE, "words": words,
                "weights": [[round(self.weights[w][k] * TYPE_WEIGHT_SCALE) for w in words]
                            for k in range(len(PAGE_TYPES))]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TypeWordModel:
        """A type word model from its JSON form."""
        if list(data["types"]) != list(PAGE_TYPES):
            raise ValueError("the type word model was trained on other page types; retrain it")
        columns = list(zip(*data["weights"], strict=True)) if data["words"] else []
        scale = float(data["scale"])
        return cls(tuple(float(b) for b in data["intercepts"]),
                   {str(w): tuple(v / scale for v in column)
                    for w, column in zip(data["words"], columns, strict=True)})
