"""Detecting attributions with the learned models: which tokens are cues, what each attributes, to whom.

For every token whose key is in the cue lexicon (and every line colon and closing dash), the cue
model gives P(cue). For a likely cue, every content reading and every source reading
(``candidates``, ``sources``) is scored by its model and the best of each is kept; the attribution's
score is the product of the three probabilities, and it is kept when that clears the tuned
``accept`` threshold. Two detections that claim the same words (content Dice >= 0.5, as when the
parse makes both "said" and "added" cues of one sentence) keep the higher score only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import DASHES, Candidate, CueSite, content_candidates, make_site
from broadsheet.analyze.features import content_features, cue_features, cue_key, source_features
from broadsheet.analyze.learned import Models
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.sources import source_candidates
from broadsheet.analyze.spans import char_span, text_of
from broadsheet.model import Span

_WORD = re.compile(r"\w+")
_JOINED_PREPOSITIONS = frozenset({"for", "on", "to", "out"})


@dataclass(frozen=True)
class Detection:
    """One attribution found: the cue's site and span, the chosen content and source, the score."""

    site: CueSite
    cue: Span
    content: Candidate
    source: Candidate | None
    score: float


def cue_sites(doc: Doc, quotes: tuple[Quotation, ...], models: Models) -> list[tuple[CueSite, float]]:
    """Every candidate cue of ``doc`` with its probability, in text order."""
    found = []
    for token in doc:
        prior = models.lexicon.get(cue_key(token))
        if prior is None or token.is_space:
            continue
        site = make_site(doc, token.i, quotes)
        found.append((site, models.cue.probability(cue_features(doc, site, prior))))
    return found


def best(models: Models, doc: Doc, site: CueSite, *, content: bool) -> tuple[Candidate | None, float]:
    """The best content (or source) reading of a cue and its probability."""
    candidates = content_candidates(doc, site) if content else source_candidates(doc, site)
    if not candidates:
        return None, 0.0
    kinds = frozenset(c.kind for c in candidates)
    model = models.content if content else models.source
    features = content_features if content else source_features
    scored = [(model.probability(features(doc, site, c, kinds)), c) for c in candidates]
    probability, chosen = max(scored, key=lambda pair: pair[0])
    return chosen, probability


def detect(doc: Doc, quotes: tuple[Quotation, ...], models: Models) -> list[Detection]:
    """The attributions of ``doc`` the models accept, in text order of their cues."""
    cue_floor = models.thresholds.get("cue", 0.2)
    accept = models.thresholds.get("accept", 0.3)
    found = []
    for site, p_cue in cue_sites(doc, quotes, models):
        if p_cue < cue_floor:
            continue
        content, p_content = best(models, doc, site, content=True)
        if content is None:
            continue
        source, p_source = best(models, doc, site, content=False)
        score = p_cue * p_content * (p_source if source is not None else 0.5)
        if score >= accept:
            found.append(Detection(site, cue_span(doc, doc[site.head]), content, source, score))
    return _one_per_content(text_of(doc), found)


def cue_span(doc: Doc, head: Token) -> Span:
    """The cue's words: the head, with "to" after "according", a particle or a joined preposition
    right after it ("pointed out", "called for", "called on")."""
    last = head.i
    if last + 1 < len(doc):
        nxt = doc[last + 1]
        joined = nxt.dep_ == "prt" or (nxt.lower_ in _JOINED_PREPOSITIONS and nxt.head is head)
        if head.lower_ == "according" or joined:
            last += 1
    return char_span(doc, head.i, last)


def _words(text: str, span: Span) -> set[tuple[int, int]]:
    """The ``\\w+`` words of a span, as character spans."""
    return {m.span() for m in _WORD.finditer(text, span[0], span[1])}


def _one_per_content(text: str, found: list[Detection]) -> list[Detection]:
    """Drop a detection whose content overlaps a better one's by Dice >= 0.5."""
    kept: list[tuple[Detection, set[tuple[int, int]]]] = []
    for item in sorted(found, key=lambda d: -d.score):
        words = _words(text, item.content.span)
        if all(4 * len(words & other) < len(words) + len(other) for _, other in kept):
            kept.append((item, words))
    return sorted((item for item, _ in kept), key=lambda d: d.cue[0])
