"""Detecting attributions with the learned models: which tokens are cues, what each attributes, to whom.

For every token whose key is in the cue lexicon (and every line colon and closing dash), the cue
model gives P(cue). For a likely cue, every content reading and every source reading
(``candidates``, ``sources``) is scored by its model and the best of each is kept (``readings``);
the attribution's score is the product of the three probabilities, and it is kept when that clears
the tuned ``accept`` threshold, or by rule (``cuerules``), or when the acceptor takes it
(``acceptance``). Two detections that claim the same words (content Dice >= 0.5, as when the parse
makes both "said" and "added" cues of one sentence) keep the higher score only (``settling``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_SPACE, LEMMA, ORTH, POS
from spacy.tokens import Doc, Token

from broadsheet.analyze.acceptance import (
    ACCEPTOR_GROUPS,
    acceptor_group,
    acceptor_threshold,
    context_look,
    looks,
    second_look,
)
from broadsheet.analyze.candidates import Candidate, CueSite, make_site
from broadsheet.analyze.cuerules import (
    PLAIN_SPEECH,
    adds_a_thing,
    as_one_would_say,
    holds_its_source,
    passive,
    plain_speech,
)
from broadsheet.analyze.features import cue_features, cue_key, key_of, prior_of
from broadsheet.analyze.learned import Models
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.readings import best
from broadsheet.analyze.settling import (
    according_chains,
    cut_at_inner_frames,
    cut_at_narration,
    one_per_content,
)
from broadsheet.analyze.spans import char_span, text_of
from broadsheet.model import Span

_JOINED_PREPOSITIONS = frozenset({"for", "on", "to", "out"})
RELATIVE_SAY = 0.8  # P(cue) of a "who said ..." relative clause (``_relative_say``)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True)
class Detection:
    """One attribution found: the cue's site and span, the chosen content and source, the score."""

    site: CueSite
    cue: Span
    content: Candidate
    source: Candidate | None
    score: float
    carrier: Candidate | None = None
    parts: tuple[float, float, float] = (1.0, 1.0, 1.0)
    acceptance: float = 1.0  # the acceptor's P(right) when it kept the detection, else 1


def cue_sites(doc: Doc, quotes: tuple[Quotation, ...], models: Models) -> list[tuple[CueSite, float]]:
    """Every candidate cue of ``doc`` with its probability, in text order."""
    found = []
    for i, prior in _lexicon_heads(doc, models):
        token = doc[i]
        site = make_site(doc, i, quotes)
        probability = models.cue.probability(cue_features(doc, site, prior))
        found.append((site, max(probability, RELATIVE_SAY) if _relative_say(token) else probability))
    return found


def _lexicon_heads(doc: Doc, models: Models) -> list[tuple[int, float]]:
    """The tokens (not spaces) whose cue key (``features.cue_key``), or for a verb its verb key
    (``features.lexicon_prior``), is in the lexicon, with the key's prior; the key is read once per
    distinct word, lemma and part of speech, from one array."""
    strings = doc.vocab.strings
    priors: dict[tuple[int, int, int], float | None] = {}
    found = []
    for i, (orth, lemma, space, pos) in enumerate(doc.to_array([ORTH, LEMMA, IS_SPACE, POS]).tolist()):
        if space:
            continue
        if (orth, lemma, pos) not in priors:
            key = key_of(strings[orth], strings[lemma])
            priors[orth, lemma, pos] = prior_of(models.lexicon, key, strings[pos])
        prior = priors[orth, lemma, pos]
        if prior is not None:
            found.append((i, float(prior)))
    return found


def _relative_say(token: Token) -> bool:
    """ "an architect who said he was stiffed", "donations, which he said were ...": a finite "say"
    heading a relative clause, with its own subject and a clausal complement, is a cue, though the
    cue model (which rarely saw one) doubts it: speech F1 +0.3 on dev, +0.4 on unseen articles."""
    if token.lemma_.lower() != "say" or token.dep_ != "relcl" or token.tag_ not in _FINITE_TAGS:
        return False
    children = {child.dep_ for child in token.children}
    return "nsubj" in children and "ccomp" in children


def detect(doc: Doc, quotes: tuple[Quotation, ...], models: Models) -> list[Detection]:
    """The attributions of ``doc`` the models accept, in text order of their cues (a detection
    ``plain_speech`` keeps scores 1)."""
    found, pending = first_pass(doc, quotes, models, defer=models.context_acceptor is not None)
    if pending:
        found = sorted(found + context_look(models, doc, found, pending), key=lambda d: d.site.head)
    found = cut_at_inner_frames(doc, according_chains(doc, found))
    found = [cut_at_narration(doc, d) for d in found]
    return one_per_content(text_of(doc), found)


def first_pass(doc: Doc, quotes: tuple[Quotation, ...], models: Models, *, defer: bool
               ) -> tuple[list[Detection], list[Detection]]:
    """The detections kept by their scores and the acceptor (in text order of their cues) and, with
    ``defer``, the ones of cues other than verbs of saying that the joint threshold drops but the
    acceptor looks at (``looks``), left for the context acceptor (``context_look``), which reads
    what the first pass keeps around them."""
    floor = models.thresholds.get("cue", 0.2)
    found: list[Detection] = []
    pending: list[Detection] = []
    for site, p_cue in cue_sites(doc, quotes, models):
        if adds_a_thing(doc[site.head]) or as_one_would_say(doc[site.head]):
            continue
        key = cue_key(doc[site.head])
        # the score is at most P(cue), unless a plain verb of saying is kept by rule
        if p_cue < _cue_gate(models, key, floor):
            continue
        content, p_content = best(models, doc, site, content=True)
        if content is None:
            continue
        source, p_source = best(models, doc, site, content=False)
        if holds_its_source(doc, content, source, site.head):
            continue
        accept = models.accepts(key, content.kind) if not passive(doc[site.head]) else models.accepts("", "")
        parts = (p_cue, p_content, p_source)
        score = 1.0 if plain_speech(doc, site, parts, content) else p_cue * p_content * p_source
        if score < accept and defer and acceptor_group(doc[site.head]) == ACCEPTOR_GROUPS[1]:
            if looks(models, doc, site, source, parts):
                cue = cue_span(doc, doc[site.head])
                pending.append(Detection(site, cue, content, source, score, None, parts, 0.0))
            continue
        acceptance = 1.0 if score >= accept else second_look(models, doc, site, content, source, parts)
        if acceptance >= acceptor_threshold(models, doc[site.head]):
            cue = cue_span(doc, doc[site.head])
            found.append(Detection(site, cue, content, source, score, None, parts, acceptance))
    return found, pending


def _cue_gate(models: Models, key: str, floor: float) -> float:
    """The P(cue) below which a cue is not looked at: the score is at most P(cue), unless a plain
    verb of saying is kept by rule or the acceptor takes it (from ``acceptor_cue`` up)."""
    gate = max(floor, min(models.lowest(key), PLAIN_SPEECH))
    if models.acceptor is not None:
        gate = min(gate, max(floor, models.thresholds.get("acceptor_cue", 1.0)))
    return gate


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
