"""A named speaker's role and organisation: the title before the name, the description after it.

- the words before a PERSON name in its noun phrase (from the last comma, dash or bracket,
  honorifics such as "Mr." dropped) are its **title** ("CNN national security analyst"; an acronym
  the parser left as a second subject is part of it, "CPUC President Marybel Batjer"); an age is no
  title ("43-year-old Martin Taylor");
- an apposition after it is its **description** ("a former CIA chief of Russia operations"); an
  age or post-nominal letters ("MS, RD") are none;
- the organisation is the first ORG named in the title, else in the description: "National
  Security Council spokesperson Adrienne Watson" -> "National Security Council". An ORG name is
  extended left over adjacent capitalised words of the title, so a name the tagger cut short stays
  whole.

Used by ``speakers.describe``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from broadsheet.analyze.entities import names_something
from broadsheet.analyze.spans import char_span, ents_of, strip_space, text_of
from broadsheet.model import Entity, Span
from broadsheet.text import HONORIFICS, word_set

if TYPE_CHECKING:
    from broadsheet.analyze.speakers import EntityIndex

LEADING_JUNK = frozenset({"det", "punct", "cc", "mark"})
_TITLE_PUNCT = frozenset({"-", ".", "'s", "’s", "&"})


def title_of(doc: Doc, head: Token, entity: Entity, index: EntityIndex) -> tuple[str | None, str | None]:
    """The words before a name in its phrase ("CNN national security analyst") and their ORG."""
    name_start = doc.char_span(*entity.span, alignment_mode="expand")
    if name_start is None:
        return None, None
    first = _extend_left(doc, title_start(doc, head.left_edge.i, name_start.start), name_start.start)
    last = name_start.start - 1
    if last < first or not any(doc[i].pos_ in {"NOUN", "PROPN"} for i in range(first, last + 1)):
        return None, None
    while first <= last and doc[first].lower_.rstrip(".") in HONORIFICS:
        first += 1
    if first > last:
        return None, None
    span = without_leading(doc, first, last, keep_capitals=True)
    if span[0] >= span[1] or _AGE.fullmatch(text_of(doc)[span[0] : span[1]]):
        return None, None  # an age ("43-year-old Martin Taylor"), not a title
    return text_of(doc)[span[0] : span[1]], first_org(doc, first, last, index)


_AGE = re.compile(r"(?:(?:about|nearly|almost|some)\s+)?\d+[-\s]years?[-\s]old", re.I)


def title_start(doc: Doc, first: int, name_start: int) -> int:
    """The first token of a title: the phrase start, but never before a comma, dash or bracket
    (a dateline "MACAU (Reuters) –" is not part of "Top Republican Party donor")."""
    start = first
    for i in range(first, name_start):
        if doc[i].is_punct and doc[i].text not in _TITLE_PUNCT:
            start = i + 1
    return start


def _extend_left(doc: Doc, first: int, name_start: int) -> int:
    """Move the phrase start left over adjacent capitalised words mid-sentence ("While House", "CPUC
    President Marybel Batjer", which the parser split in two subjects)."""
    if first >= name_start:
        return first
    while first > 0:
        prev = doc[first - 1]
        capitalised = prev.is_title or prev.is_upper  # "While", "CPUC"
        if prev.is_sent_start or not capitalised or prev.ent_type_ in {"DATE", "TIME", "PERSON"}:
            break
        if prev.whitespace_ == "" or prev.is_punct:
            break
        first -= 1
    return first


def description_of(doc: Doc, head: Token) -> tuple[str | None, str | None]:
    """An apposition after the name ("a former CIA chief of Russia operations") and its ORG."""
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None:
        return None, None
    first, last = appos.left_edge.i, appos.right_edge.i
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if all(doc[i].like_num or doc[i].is_punct for i in range(first, last + 1)):
        return None, None  # an age ("Singh Jabarjung, 24, said"), not a role
    if _credentials(doc, first, last):
        return None, None  # letters after a name ("Lauren Slayton, MS, RD, registered dietitian"), not a role
    span = without_leading(doc, first, last)
    if span[0] >= span[1]:
        return None, None
    return text_of(doc)[span[0] : span[1]], _first_org_in(doc, first, last)


_CREDENTIAL = re.compile(r"(?:[A-Z]\.?[A-Za-z]?\.?){1,2}[A-Z]\.?")  # "MS", "RDN", "PhD", "M.D."


def _credentials(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are two or more post-nominal letters and punctuation only
    ("MS, RD", "MD, MPH"): qualifications, not a role; one abbreviation ("CEO") may be a role."""
    words = [doc[i].text for i in range(first, last + 1) if not doc[i].is_punct and not doc[i].is_space]
    return len(words) >= 2 and all(_CREDENTIAL.fullmatch(word) for word in words)


def without_leading(doc: Doc, first: int, last: int, *, keep_capitals: bool = False) -> Span:
    """Characters of tokens ``first``..``last`` without a leading article or punctuation.

    With ``keep_capitals`` a capitalised word is kept whatever the parser made of it (the "While"
    of a mistyped "While House national security spokesperson").
    """
    while first < last and (doc[first].dep_ in LEADING_JUNK or doc[first].is_punct):
        if keep_capitals and doc[first].is_title and doc[first].pos_ != "DET":
            break
        first += 1
    return strip_space(text_of(doc), char_span(doc, first, last))


def first_org(doc: Doc, first: int, last: int, index: EntityIndex, skip: Entity | None = None) -> str | None:
    """The first ORG entity touching tokens ``first``..``last`` (extended left over capitals)."""
    for i in range(first, last + 1):
        entity = index.get(i)
        if entity is not None and entity.label == "ORG" and entity is not skip:
            start = _extend_left(doc, max(first, _token_at(doc, entity.span[0])), last + 1)
            return text_of(doc)[min(doc[start].idx, entity.span[0]) : entity.span[1]]
    return None


def _first_org_in(doc: Doc, first: int, last: int) -> str | None:
    """The first ORG named by spaCy among tokens ``first``..``last`` that holds a name (not "the
    national party chairwoman"); a possessive one is the body it owns ("Inner Mongolia's disease
    prevention and control centre", not "Inner Mongolia's")."""
    for ent in ents_of(doc):
        if ent.label_ == "ORG" and first <= ent.start <= last and names_something(ent):
            return _owned(doc, ent.start, ent.end, last) or str(ent.text)
    return None


def _owned(doc: Doc, start: int, end: int, last: int) -> str | None:
    """For a name ending in a possessive (tokens ``start``..``end - 1``, "'s" inside or next), the
    name with the part of it that it owns, up to token ``last``, or the name without its "'s" when
    what it owns is no part of a body; None for a name that owns nothing."""
    mark = end - 1 if doc[end - 1].tag_ == "POS" else end
    if mark >= len(doc) or doc[mark].tag_ != "POS":
        return None
    owner = doc[mark - 1]
    if owner.dep_ != "poss" or not start <= owner.i < owner.head.i <= last:
        return None
    if owner.head.lemma_.lower() not in _BODY_NOUNS:
        return text_of(doc)[doc[start].idx : owner.idx + len(owner.text)]  # "NASA's administrator"
    return text_of(doc)[doc[start].idx : doc[owner.head.i].idx + len(doc[owner.head.i].text)]


# Nouns naming a part of an organisation: a name that owns one names the part ("Inner Mongolia's
# disease prevention and control centre"); one that owns a person's title stays alone ("NASA").
_BODY_NOUNS = word_set(
    """
    centre center office department ministry agency commission committee council bureau division
    unit institute service directorate authority board administration programme program team
    laboratory lab school university college hospital court
    """
)


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token that starts at or covers character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
