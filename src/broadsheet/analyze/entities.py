"""Named entities of one article, each with the canonical name all its mentions share.

spaCy's NER gives the mentions; three rules make them agree within one article:

1. **label vote**: the same surface form tagged with different labels (the small model calls
   "Vladivostok" a GPE once and a PERSON once) takes its most frequent label, the first seen on a
   tie; a single word that is the surname of a full PERSON name in the article is a PERSON (the
   model tags a lone "Scholz" as a GPE), and such a surname the model left untagged is added; a
   one-word PERSON right after a capitalised "He" or "She" takes it as its surname ("He Jianxiong");
2. **aliases**: a small table maps common variants to one name ("U.S.", "US", "the United States",
   "America" -> "United States"); lookups ignore case, dots and a leading "the";
3. **person names**: a PERSON mention whose words are a strict subset of a fuller PERSON mention in
   the same article takes the fuller name ("Kim" -> "Kim Jong Un", "Putin" -> "Vladimir Putin");
   with several candidates the most complete wins, then the nearest one before the mention, then
   the first one after it.

Otherwise the canonical name is the mention without a leading "the" and a possessive "'s".
Numeric and temporal labels (DATE, TIME, MONEY, PERCENT, ...) are left to ``dates`` or ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from broadsheet.analyze.spans import ents_of, in_dateline, text_of
from broadsheet.model import Entity, Span
from broadsheet.text import name_key

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
_ALIAS_GROUPS: dict[str, tuple[str, ...]] = {
    "United States": ("us", "usa", "united states", "united states of america", "america"),
    "United Kingdom": ("uk", "britain", "great britain", "united kingdom"),
    "United Nations": ("un", "united nations"),
    "European Union": ("eu", "european union"),
    "North Korea": ("north korea", "dprk", "democratic people's republic of korea"),
    "Russia": ("russia", "russian federation"),
    "Republican Party": ("gop", "republican party"),
    "Democratic Party": ("democratic party",),
}
ALIASES: dict[str, str] = {
    name_key(alias): name for name, aliases in _ALIAS_GROUPS.items() for alias in aliases
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORDS = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True)
class _Mention:
    """One NER mention after trimming: its text, span, voted label and words."""

    text: str
    span: Span
    label: str
    words: frozenset[str]


def find_entities(doc: Doc) -> list[Entity]:
    """The named entities of ``doc`` in text order, with canonical names (see module docstring)."""
    mentions = _mentions(doc)
    return [
        Entity(m.text, m.label, _canonical(m, index, mentions), m.span) for index, m in enumerate(mentions)
    ]


def _mentions(doc: Doc) -> list[_Mention]:
    """Trimmed NER mentions of name-like labels, relabelled by the vote and the surname rule."""
    text = text_of(doc)
    counts = Counter(token.text for token in doc)
    tagged = [
        (span, ent.label_)
        for whole in ents_of(doc)
        for ent in _pieces(whole)
        if (span := _trimmed(ent, counts)) is not None
    ]
    tagged = [(_with_surname_he(text, span, label), label) for span, label in tagged]
    tagged += _untagged_surnames(doc, tagged)
    texts = [text[start:end] for (start, end), _ in tagged]
    votes = _label_votes(texts, [label for _, label in tagged])
    voted_labels = [votes.get(name_key(t), label) for t, (_, label) in zip(texts, tagged, strict=True)]
    surnames = _surnames(texts, voted_labels)
    found = []
    for mention_text, (span, label) in sorted(zip(texts, tagged, strict=True), key=lambda m: m[1][0]):
        voted = "PERSON" if name_key(mention_text) in surnames else votes.get(name_key(mention_text), label)
        if voted in NAME_LABELS:
            words = frozenset(_WORDS.findall(bare_name(mention_text)))
            found.append(_Mention(mention_text, span, voted, words))
    return found


def _with_surname_he(text: str, span: Span, label: str) -> Span:
    """A one-word PERSON right after a capitalised "He" or "She" takes it as its surname ("He
    Jianxiong, the former executive director ..."): no pronoun stands right before a name."""
    start, end = span
    if label == "PERSON" and " " not in text[start:end]:
        window = max(0, start - 5)
        before = _SURNAME_PRONOUN.search(text[window:start])
        if before is not None:  # (a 5-character window: its start is the text's when it matches)
            return window + before.start(1), end
    return span


_SURNAME_PRONOUN = re.compile(r"(?:^|[\s“\"(])(He|She) $")


def _surnames(texts: list[str], labels: list[str]) -> set[str]:
    """Last words (as keys) of the multi-word PERSON names of the article."""
    return {
        name_key(text.split()[-1])
        for text, label in zip(texts, labels, strict=True)
        if label == "PERSON" and len(bare_name(text).split()) >= 2
    }


def _untagged_surnames(doc: Doc, tagged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Proper nouns outside any entity that repeat the surname of a tagged PERSON ("Scholz agreed")."""
    text = text_of(doc)
    names = [text[start:end] for (start, end), label in tagged if label == "PERSON"]
    surnames = {name.split()[-1] for name in names if len(name.split()) >= 2}
    if not surnames:
        return []
    covered = {i for (start, end), _ in tagged for i in range(start, end)}
    return [
        ((t.idx, t.idx + len(t.text)), "PERSON")
        for t in doc
        if t.text in surnames and t.pos_ == "PROPN" and t.idx not in covered
    ]


def _trimmed(ent: SpacySpan, counts: Counter[str]) -> Span | None:
    """The entity's char span without words that are not part of the name and without a trailing
    possessive; None when nothing is left, or when the entity is a dateline (``spans.in_dateline``)."""
    if in_dateline(ent[0]):
        return None
    tokens = _name_tokens(ent)
    if len(tokens) > 1 and ent.label_ == "PERSON" and _opening_gerund(tokens[0], counts):
        tokens.pop(0)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    match = _POSSESSIVE.search(text_of(ent.doc)[start:end])
    if match and end - start > len(match.group()) and ent.label_ in NAME_LABELS:
        end -= len(match.group())
    text = text_of(ent.doc)[start:end].rstrip()
    return (start, start + len(text)) if text else None


def _pieces(ent: SpacySpan) -> list[SpacySpan]:
    """The entity cut at a word that opens a clause outside it ("at the American Music Awards after
    Swift publicly scolded her label": "after" marks "scolded", so the small model's one ORG is two
    names, "American Music Awards" and "Swift"); a name never holds such a marker."""
    cuts = [t.i for t in ent if t.dep_ == "mark" and not ent.start <= t.head.i < ent.end]
    if not cuts:
        return [ent]
    bounds = zip([ent.start, *(cut + 1 for cut in cuts)], [*cuts, ent.end], strict=True)
    return [SpacySpan(ent.doc, start, end, label=ent.label) for start, end in bounds if start < end]


def _name_tokens(ent: SpacySpan) -> list[Token]:
    """The entity's tokens without edge words the small model swept into a name: a lowercase word
    ("rang Taylor", "Hayden explained") or a verb or adjective ("Hosting Cook", "Recent Samsung") by
    its tag (an opening "-ing" word tagged as a proper noun: ``_opening_gerund``)."""
    tokens = list(ent)
    while tokens and _not_name(tokens[0]):
        tokens.pop(0)
    while tokens and _not_name(tokens[-1]):
        tokens.pop()
    return tokens


def _opening_gerund(token: Token, counts: Counter[str]) -> bool:
    """ "Hosting Cook at Dreamforce is our dream": a capitalised "-ing" word that opens its sentence,
    heads a longer PERSON name and is found nowhere else in the article is the verb the tagger,
    misled by the capital, swept into the name (a first name such as "Sterling" usually recurs)."""
    text = token.text
    shaped = text.istitle() and text.endswith("ing") and len(text) > 5
    return bool(token.is_sent_start) and shaped and counts[text] == 1


def _not_name(token: Token) -> bool:
    if token.is_lower and token.is_alpha:
        return token.lower_ not in _NAME_PARTICLES
    return token.is_title and token.tag_ in _NOT_NAME_TAGS


_NAME_PARTICLES = frozenset({"de", "da", "del", "der", "den", "di", "du", "la", "le", "van", "von", "bin",
                             "al", "el", "ter", "y", "and", "of", "the", "for", "&"})
_NOT_NAME_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ", "VBP", "JJ", "JJS", "JJR", "RB"})


def _label_votes(texts: list[str], labels: list[str]) -> dict[str, str]:
    """The most frequent label of each surface form (first seen wins a tie)."""
    counts: dict[str, Counter[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        counts.setdefault(name_key(text), Counter())[label] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}




def bare_name(text: str) -> str:
    """``text`` without a leading "the" and a trailing possessive: "the U.S.'s" -> "U.S."."""
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip()


def _canonical(mention: _Mention, index: int, mentions: list[_Mention]) -> str:
    """The name every mention of the same thing shares (rules 2 and 3 of the module docstring)."""
    alias = ALIASES.get(name_key(mention.text))
    if alias:
        return alias
    if mention.label == "PERSON":
        fuller = _fuller_person(mention, index, mentions)
        if fuller is not None:
            return bare_name(fuller.text)
    return bare_name(mention.text)


def _fuller_person(mention: _Mention, index: int, mentions: list[_Mention]) -> _Mention | None:
    """The most complete PERSON mention whose words strictly include ``mention``'s, if any."""
    best: tuple[int, int, int] | None = None
    chosen: _Mention | None = None
    for other_index, other in enumerate(mentions):
        if other.label != "PERSON" or not mention.words < other.words:
            continue
        after = other_index > index
        rank = (len(other.words), -int(after), -abs(other_index - index))
        if best is None or rank > best:
            best, chosen = rank, other
    return chosen
