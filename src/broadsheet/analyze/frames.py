"""The frame of a cue: the clause around it, the outlet that carried the words, and when.

- ``cited_source``: in "X reported, citing Y", Y (the original source; X becomes the via).
- ``find_via``: the carrier of reported words: the named outlet "told" ("told *BBC News*") or a
  named outlet in a prepositional phrase on the cue ("said in an interview with *CNN*", "wrote in
  *The Washington Post*", "said on *Fox News*"); a person only after "with" ("an interview with
  *Jake Tapper*"). Common nouns ("told reporters") and addressees ("wrote to Clinton", "urged
  Obama") carry nothing.
- ``find_when``: the first DATE/TIME words hanging on the cue ("said *Monday evening*"), never words
  of the content or the speaker, and only a point in time (``dates.resolve_date`` can place it:
  "within hours" or "for months" is no "when").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from broadsheet.analyze.dates import resolve_date
from broadsheet.analyze.spans import char_span, text_of
from broadsheet.analyze.speakers import EntityIndex, phrase_range
from broadsheet.model import Span

_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_OUTLET_LABELS = frozenset({"ORG", "WORK_OF_ART"})
_CARRIER_LABELS = _OUTLET_LABELS | {"PERSON"}
_TIME_LABELS = frozenset({"DATE", "TIME"})
_ANY_DAY = "2001-06-15"  # only to test that a phrase names a point in time
_DURATION_PREPOSITIONS = frozenset({"for", "over", "throughout", "since"})  # "warned for months"
_WHEN_SKIP = frozenset({"ccomp", "nsubj", "conj", "cc", "punct", "advcl", "parataxis"})


def find_via(doc: Doc, head: int, content: Span, index: EntityIndex) -> str | None:
    """The named carrier of the words a verb cue (head token ``head``) attributes, or None."""
    verb = doc[head]
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if _within(child, content):
            continue
        found = None
        if child.dep_ in _OBJECT_DEPS and lemma == "tell":
            found = _first_named(doc, child, index, _OUTLET_LABELS) or _named(doc, child, index)
        elif child.dep_ == "prep" and _carrier_preposition(child.lower_, lemma):
            labels = _CARRIER_LABELS if child.lower_ == "with" else _OUTLET_LABELS
            found = _first_named(doc, child, index, labels)
        if found:
            return found
    return None


def _carrier_preposition(preposition: str, lemma: str) -> bool:
    """"with" and "on" carry for any cue ("in an interview with", "said on CNN"); "in" and "to"
    only where they name an outlet rather than an addressee ("wrote in", "said to")."""
    if preposition in {"with", "on"}:
        return True
    return (preposition == "in" and lemma in {"write", "say", "tell"}) or (
        preposition == "to" and lemma == "say"
    )


def _within(token: Token, span: Span) -> bool:
    """Whether a token starts inside a character span."""
    return span[0] <= token.idx < span[1]


def _named(doc: Doc, token: Token, index: EntityIndex) -> str | None:
    """The capitalised proper-noun phrase a token heads when NER missed it ("told Politico")."""
    if token.pos_ == "PROPN" and index.get(token.i) is None and token.is_title:
        first, last = phrase_range(token)
        start, end = char_span(doc, first, last)
        return text_of(doc)[start:end]
    return None


def _first_named(doc: Doc, prep: Token, index: EntityIndex, labels: frozenset[str]) -> str | None:
    """The first named carrier inside a prepositional phrase ("in an interview with CNN")."""
    for token in prep.subtree:
        entity = index.get(token.i)
        if entity is not None and entity.label in labels:
            return entity.text
    return None


def find_when(doc: Doc, head: int, content: Span, speaker: Span) -> str | None:
    """The first run of DATE/TIME words on a verb cue, outside content and speaker, or None."""
    if doc[head].pos_ not in {"VERB", "AUX"}:
        return None
    run: list[Token] = []
    for child in doc[head].children:
        if child.dep_ in _WHEN_SKIP or child.lower_ in _DURATION_PREPOSITIONS:
            continue
        for token in child.subtree:
            if _within(token, content) or _within(token, speaker):
                continue
            if token.ent_type_ in _TIME_LABELS and (not run or token.i == run[-1].i + 1):
                run.append(token)
            elif run:
                break
        if run:
            break
    if not run:
        return None
    start, end = char_span(doc, run[0].i, run[-1].i)
    phrase = text_of(doc)[start:end]
    return phrase if _point_in_time(phrase) else None


@lru_cache(maxsize=4096)
def _point_in_time(phrase: str) -> bool:
    """Whether ``dates.resolve_date`` can place the phrase (dateparser is slow: asked once per phrase)."""
    return resolve_date(phrase, _ANY_DAY) is not None


def cited_source(verb: Token) -> int | None:
    """In "X reported, citing Y" the head of Y: only when X reports (the verb is "report" or X is
    an organisation) and Y is a source, not a document or a reason ("citing low growth")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    reporter = verb.lemma_.lower() == "report" or (
        subject is not None and subject.ent_type_ in {"ORG", "WORK_OF_ART"}
    )
    if not reporter:
        return None
    for child in verb.children:
        if child.lemma_.lower() != "cite":
            continue
        obj = next((c for c in child.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() not in _DOCUMENTS and _source_like(obj):
            return obj.i
    return None


def _source_like(token: Token) -> bool:
    """A named source or people: "U.S. officials", "sources", "Reuters", "a person familiar"."""
    return (
        token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or token.tag_ in {"NNS", "NNPS"}
        or (token.lemma_.lower() in {"source", "official", "person", "aide", "spokesman", "spokeswoman"})
    )


_DOCUMENTS = frozenset(
    {
        "report", "reports", "data", "study", "poll", "survey", "figure", "statistic", "document",
        "record", "filing", "analysis"
    }
)
