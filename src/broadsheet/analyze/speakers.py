"""Speakers: the noun phrase that said something, its role and organisation.

Given the head token of a speaker (from ``cues``):

- a PERSON name speaks as the name alone ("Steve Hall"); the words before it in its noun phrase
  are its **title** and an apposition after it is its **description** (``roles``); ``role`` is the
  title, the description, or both joined by a comma. When the subject is a common noun with a name
  in apposition ("a former ambassador, John Everard, said") the name speaks and the noun phrase is
  the role;
- any other speaker is its whole noun phrase without appositions and relative clauses
  ("U.S. and allied officials", "a spokesman for the State Department"), or the entity's text;
- ``organisation`` is the first ORG named in the title, else in the description, else (for a
  non-person speaker) inside the phrase (``roles.first_org``);
- a title written short that the parser took for the subject ("said police Lt. Ada Holt", its stop
  read as a sentence's end) leaves the person named after it as the speaker, the title as the role.

Pronouns are resolved in ``pronouns``, relatives, lines and "the president" / "the company" /
"the union" in ``naming``, the key voices group a speaker by in ``speakerkeys``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from broadsheet.analyze.roles import (
    LEADING_JUNK,
    description_of,
    first_org,
    title_of,
    title_start,
    without_leading,
)
from broadsheet.analyze.spans import char_span, strip_space, text_of
from broadsheet.model import Entity, Span
from broadsheet.text import word_set

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
_NOT_IN_PHRASE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "ccomp"})
MAX_PHRASE_TOKENS = 12


@dataclass(frozen=True)
class Speaker:
    """A speaker mention: text == article text at ``span``; ``head`` is its main token."""

    text: str
    span: Span
    head: int
    label: str | None
    role: str | None = None
    organisation: str | None = None

    @property
    def is_pronoun(self) -> bool:
        """Whether the mention is a bare personal pronoun that still needs resolving."""
        return self.label is None and self.text.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS


class EntityIndex:
    """The entity (if any) each token of a Doc belongs to."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.entities = tuple(entities)
        self.by_token: dict[int, Entity] = {}
        for entity in entities:
            span = doc.char_span(*entity.span, alignment_mode="expand")
            if span is not None:
                self.by_token.update((token.i, entity) for token in span)

    def get(self, index: int) -> Entity | None:
        """The entity covering token ``index``."""
        return self.by_token.get(index)

    def label(self, index: int) -> str | None:
        """The label of the entity covering token ``index``."""
        entity = self.by_token.get(index)
        return entity.label if entity is not None else None


def describe(doc: Doc, head_index: int, index: EntityIndex) -> Speaker:
    """The speaker whose head is token ``head_index`` (see the module docstring)."""
    head = doc[head_index]
    named = _appositive_name(head, index)
    if named is not None:
        return named
    entity = index.get(head.i)
    titled = _person_after_title(doc, head, index)
    if titled is not None:
        return titled
    if head.pos_ == "PRON" or entity is None or _has_conj(head):
        return _phrase_speaker(doc, head, index, entity)
    if entity.label != "PERSON":
        return Speaker(entity.text, entity.span, head.i, entity.label)
    title = title_of(doc, head, entity, index)
    description = description_of(doc, head)
    role = ", ".join(part for part in (title[0], description[0]) if part) or None
    return Speaker(entity.text, entity.span, head.i, "PERSON", role, title[1] or description[1])


def _person_after_title(doc: Doc, head: Token, index: EntityIndex) -> Speaker | None:
    """ "said Plainsville police Lt. Ada Holt", parsed with the short title as the subject (its stop
    read as a sentence's end): the person named right after the title speaks, the phrase up to the
    title is the role; None when no title written short and a person's name follow."""
    stop = head.i if head.text.endswith(".") else head.i + 1  # "Sgt." one token, or "Lt" and "."
    short = head.lower_.rstrip(".") in _SHORT_TITLES
    if not short or stop + 1 >= len(doc) or not doc[stop].text.endswith("."):
        return None
    person = index.get(stop + 1)
    if person is None or person.label != "PERSON" or person.span[0] != doc[stop + 1].idx:
        return None
    first = title_start(doc, head.left_edge.i, head.i)
    while first < head.i and doc[first].dep_ in LEADING_JUNK:
        first += 1
    role = strip_space(text_of(doc), char_span(doc, first, stop))
    name_head = doc.char_span(*person.span, alignment_mode="expand")
    return Speaker(person.text, person.span, name_head.root.i if name_head is not None else stop + 1,
                   "PERSON", text_of(doc)[role[0] : role[1]] or None, first_org(doc, first, head.i, index))


# Titles written short before a name, which the parser may take for a word ending a sentence.
_SHORT_TITLES = word_set("lt sgt capt col gen maj cmdr adm cpl det insp supt sen rep gov")


def _has_conj(head: Token) -> bool:
    """Whether the head is coordinated ("Trump and Clinton said")."""
    return any(child.dep_ == "conj" for child in head.children)


def _phrase_speaker(doc: Doc, head: Token, index: EntityIndex, entity: Entity | None) -> Speaker:
    """A speaker that is a whole noun phrase (or a pronoun)."""
    first, last = phrase_range(head)
    span = char_span(doc, first, last)
    label = entity.label if entity is not None else None
    if head.pos_ == "PRON":
        return Speaker(text_of(doc)[span[0] : span[1]], span, head.i, None)
    org = first_org(doc, _after_persons_possessive(doc, first, last, index), last, index, skip=entity)
    return Speaker(text_of(doc)[span[0] : span[1]], span, head.i, label, None, org)


def _after_persons_possessive(doc: Doc, first: int, last: int, index: EntityIndex) -> int:
    """Where a phrase's own words start after a person's possessive ("A VOA reporter Nisan
    Ahmado's source": the source is not VOA's); ``first`` when there is none."""
    for i in range(last, first, -1):
        if doc[i].tag_ == "POS" and index.label(i - 1) == "PERSON":
            return i + 1
    return first


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase of ``head`` without appositions, clauses and edge junk.

    A phrase longer than ``MAX_PHRASE_TOKENS`` (a parse that hung a clause on the noun) keeps only
    the words up to its head.
    """
    first, last = _full_phrase(head)
    if last - first + 1 > MAX_PHRASE_TOKENS:
        first, last = max(first, head.i - MAX_PHRASE_TOKENS + 1), head.i
    return first, last


def _full_phrase(head: Token) -> tuple[int, int]:
    """The phrase of ``phrase_range`` before the length cap."""
    first = head.left_edge.i
    while first < head.i and head.doc[first].dep_ in LEADING_JUNK - {"det"}:
        first += 1
    last = head.i
    for child in head.rights:
        if child.dep_ in _NOT_IN_PHRASE:
            break
        last = max(last, child.right_edge.i)
    while last > head.i and (head.doc[last].is_punct or head.doc[last].is_space):
        last -= 1
    return first, last


def _appositive_name(head: Token, index: EntityIndex) -> Speaker | None:
    """ "A former ambassador, John Everard, said": the name speaks, the noun phrase is the role;
    "Three groups, the Center for Biological Diversity, Greenpeace and Defenders of Wildlife, filed
    suit": a plural noun's apposition of names joined by "and", an organisation first, speaks (an
    organisation has no role)."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        entity = index.get(child.i)
        if child.dep_ != "appos" or entity is None:
            continue
        if entity.label == "PERSON":
            first, last = phrase_range(head)
            role_span = without_leading(head.doc, first, last)
            role = text_of(head.doc)[role_span[0] : role_span[1]] or None
            org = first_org(head.doc, first, last, index)
            return Speaker(entity.text, entity.span, child.i, "PERSON", role, org)
        if entity.label == "ORG" and head.tag_ == "NNS" and _names_joined(child, index):
            span = char_span(head.doc, child.left_edge.i, _last_word(child))
            return Speaker(text_of(head.doc)[span[0] : span[1]], span, child.i, "ORG")
    return None


def _names_joined(first: Token, index: EntityIndex) -> bool:
    """Whether ``first`` heads a list of names joined by "and" ("the Center ..., Greenpeace and
    Defenders of Wildlife"): each conjunct a proper noun or in an entity."""
    conjuncts, token = [], first
    while (following := next((c for c in token.rights if c.dep_ == "conj"), None)) is not None:
        conjuncts.append(following)
        token = following
    return bool(conjuncts) and all(t.pos_ == "PROPN" or index.get(t.i) is not None for t in conjuncts)


def _last_word(token: Token) -> int:
    """The last token of ``token``'s subtree that is no punctuation."""
    last = token.right_edge.i
    while last > token.i and token.doc[last].is_punct:
        last -= 1
    return last
