"""The frame of a cue: the clause around it, the outlet that carried the words, and when.

- ``clause_range``: the narrator's words of an attribution — the cue with its subject, auxiliaries,
  adverbs, objects and prepositional phrases, minus the content and anything inside a quotation.
  ``attribution`` needs it to tell a sentence-final "..., Kirby said last week" from the content.
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

from spacy.tokens import Doc, Token

from broadsheet.analyze.cues import Cue
from broadsheet.analyze.dates import resolve_date
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.spans import char_span, text_of
from broadsheet.analyze.speakers import EntityIndex, phrase_range
from broadsheet.model import Span

_CLAUSE_DEPS = frozenset(
    {
        "nsubj",
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "npadvmod",
        "prep",
        "dobj",
        "dative",
        "iobj",
        "prt",
        "agent",
        "mark",
    }
)
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_OUTLET_LABELS = frozenset({"ORG", "WORK_OF_ART"})
_CARRIER_LABELS = _OUTLET_LABELS | {"PERSON"}
_TIME_LABELS = frozenset({"DATE", "TIME"})
_ANY_DAY = "2001-06-15"  # only to test that a phrase names a point in time
_DURATION_PREPOSITIONS = frozenset({"for", "over", "throughout", "since"})  # "warned for months"
_WHEN_SKIP = frozenset({"ccomp", "nsubj", "conj", "cc", "punct", "advcl", "parataxis"})


def clause_range(doc: Doc, cue: Cue, quotes: list[Quotation]) -> tuple[int, int]:
    """First and last token of the cue clause (see module docstring)."""
    head = doc[cue.head]
    if cue.kind == "according":
        last = cue.last
        if cue.speaker is not None:
            last = max(last, doc[cue.speaker].right_edge.i)
        return cue.first, last
    quoted = [(quote.start, quote.end) for quote in quotes]
    members = {cue.first, cue.last}
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "advcl" and child.lemma_ == "cite"):
            members.update(t.i for t in child.subtree if not _inside(t, quoted) and not t.is_space)
    return min(members), max(members)


def _inside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether a token lies in a quotation."""
    return any(start <= token.idx < end for start, end in quoted)


def find_via(doc: Doc, cue: Cue, content: Span, index: EntityIndex) -> str | None:
    """The named carrier of the words (see module docstring), or None."""
    if cue.kind != "verb":
        return None
    verb = doc[cue.head]
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


def find_when(doc: Doc, cue: Cue, content: Span, speaker: Span) -> str | None:
    """The first run of DATE/TIME words on the cue, outside content and speaker, or None."""
    if cue.kind != "verb":
        return None
    run: list[Token] = []
    for child in doc[cue.head].children:
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
    return phrase if resolve_date(phrase, _ANY_DAY) is not None else None
