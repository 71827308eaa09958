"""Speakers: the noun phrase that said something, its role and organisation, and pronouns.

Given the head token of a speaker (from ``cues``):

- a PERSON name speaks as the name alone ("Steve Hall"); the words before it in its noun phrase
  (from the last comma, dash or bracket, honorifics such as "Mr." dropped) are its **title**
  ("CNN national security analyst"; an acronym the parser left as a second subject is part of
  it, "CPUC President Marybel Batjer") and an apposition after it is its **description**
  ("a former CIA chief of Russia operations"); ``role`` is the title, the description, or both
  joined by a comma. When the subject is a common noun with a name in apposition ("a former
  ambassador, John Everard, said") the name speaks and the noun phrase is the role;
- any other speaker is its whole noun phrase without appositions and relative clauses
  ("U.S. and allied officials", "a spokesman for the State Department"), or the entity's text;
- ``organisation`` is the first ORG named in the title, else in the description, else (for a
  non-person speaker) inside the phrase: "National Security Council spokesperson Adrienne Watson" ->
  "National Security Council". An ORG name is extended left over adjacent capitalised words of the
  title, so a name the tagger cut short stays whole.
- **pronouns** (he, she, it, they) resolve to the most recent matching antecedent before them:
  a previous speaker or the main-clause subject of the right kind (PERSON for he/she, ORG for
  they, ORG or GPE for it: "Emirates had a fleet … it announced") in the three sentences before;
  when the latest of these is the same pronoun as a subject ("She gave me … “…,” she said"),
  what that one stands for; else any subject there, else a mention that modifies no other noun
  (not "Ubisoft games", "Universal's music division"), else the last such speaker, else any
  mention; but "it" is left unresolved when one of these weaker ones comes before a common noun
  that is a main-clause subject ("... the new Scale Set Client. This upcoming release introduces
  ... It also announces": the release, no name). An age is no title ("43-year-old Martin Taylor").
  "the president" or "the analyst" is
  the one person the article gives that title ("Jefferies analyst Jonathan Matuszewski"); "the
  union" the one union it names before ("a Screen Actors Guild strike. The union said"); a relative
  "who" hung on a vessel stands for the people aboard it ("seamen on board the MV Ada, who said"); a
  title written short that the parser took for the subject ("said police Lt. Ada Holt", its stop read
  as a sentence's end) leaves the person named after it as the speaker, the title as the role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import Candidate
from broadsheet.analyze.entities import AGENT_NOUNS as AGENT_NOUNS
from broadsheet.analyze.entities import bare_name, names_something
from broadsheet.analyze.spans import char_span, ents_of, in_heading, strip_space, text_of
from broadsheet.model import Entity, Span
from broadsheet.text import HONORIFICS, name_key, person_key, word_set

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
_NOT_IN_PHRASE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "ccomp"})
_LEADING_JUNK = frozenset({"det", "punct", "cc", "mark"})
_WINDOW_SENTENCES = 3
MAX_PHRASE_TOKENS = 12
_TITLE_PUNCT = frozenset({"-", ".", "'s", "’s", "&"})


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
    title = _title(doc, head, entity, index)
    description = _description(doc, head)
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
    first = _title_start(doc, head.left_edge.i, head.i)
    while first < head.i and doc[first].dep_ in _LEADING_JUNK:
        first += 1
    role = strip_space(text_of(doc), char_span(doc, first, stop))
    name_head = doc.char_span(*person.span, alignment_mode="expand")
    return Speaker(person.text, person.span, name_head.root.i if name_head is not None else stop + 1,
                   "PERSON", text_of(doc)[role[0] : role[1]] or None, _first_org(doc, first, head.i, index))


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
    org = _first_org(doc, _after_persons_possessive(doc, first, last, index), last, index, skip=entity)
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
    while first < head.i and head.doc[first].dep_ in _LEADING_JUNK - {"det"}:
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
            role_span = _without_leading(head.doc, first, last)
            role = text_of(head.doc)[role_span[0] : role_span[1]] or None
            org = _first_org(head.doc, first, last, index)
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


def _title(doc: Doc, head: Token, entity: Entity, index: EntityIndex) -> tuple[str | None, str | None]:
    """The words before a name in its phrase ("CNN national security analyst") and their ORG."""
    name_start = doc.char_span(*entity.span, alignment_mode="expand")
    if name_start is None:
        return None, None
    first = _extend_left(doc, _title_start(doc, head.left_edge.i, name_start.start), name_start.start)
    last = name_start.start - 1
    if last < first or not any(doc[i].pos_ in {"NOUN", "PROPN"} for i in range(first, last + 1)):
        return None, None
    while first <= last and doc[first].lower_.rstrip(".") in HONORIFICS:
        first += 1
    if first > last:
        return None, None
    span = _without_leading(doc, first, last, keep_capitals=True)
    if span[0] >= span[1] or _AGE.fullmatch(text_of(doc)[span[0] : span[1]]):
        return None, None  # an age ("43-year-old Martin Taylor"), not a title
    return text_of(doc)[span[0] : span[1]], _first_org(doc, first, last, index)


_AGE = re.compile(r"(?:(?:about|nearly|almost|some)\s+)?\d+[-\s]years?[-\s]old", re.I)


def _title_start(doc: Doc, first: int, name_start: int) -> int:
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


def _description(doc: Doc, head: Token) -> tuple[str | None, str | None]:
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
    span = _without_leading(doc, first, last)
    if span[0] >= span[1]:
        return None, None
    return text_of(doc)[span[0] : span[1]], _first_org_in(doc, first, last)


_CREDENTIAL = re.compile(r"(?:[A-Z]\.?[A-Za-z]?\.?){1,2}[A-Z]\.?")  # "MS", "RDN", "PhD", "M.D."


def _credentials(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are two or more post-nominal letters and punctuation only
    ("MS, RD", "MD, MPH"): qualifications, not a role; one abbreviation ("CEO") may be a role."""
    words = [doc[i].text for i in range(first, last + 1) if not doc[i].is_punct and not doc[i].is_space]
    return len(words) >= 2 and all(_CREDENTIAL.fullmatch(word) for word in words)


def _without_leading(doc: Doc, first: int, last: int, *, keep_capitals: bool = False) -> Span:
    """Characters of tokens ``first``..``last`` without a leading article or punctuation.

    With ``keep_capitals`` a capitalised word is kept whatever the parser made of it (the "While"
    of a mistyped "While House national security spokesperson").
    """
    while first < last and (doc[first].dep_ in _LEADING_JUNK or doc[first].is_punct):
        if keep_capitals and doc[first].is_title and doc[first].pos_ != "DET":
            break
        first += 1
    return strip_space(text_of(doc), char_span(doc, first, last))


def _first_org(doc: Doc, first: int, last: int, index: EntityIndex, skip: Entity | None = None) -> str | None:
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


def resolve_pronoun(
    doc: Doc,
    speaker: Speaker,
    earlier: Sequence[Speaker],
    index: EntityIndex,
    quoted: Sequence[Span] = (),
    depth: int = 0,
) -> Speaker:
    """The antecedent of a pronoun speaker, or the pronoun itself when none fits.

    Mentions inside the ``quoted`` spans are not antecedents: a name in a quotation is someone the
    speaker talks about. The window stops at a heading (``spans.in_heading``): a pronoun under
    "Gender Equality." stands for no one named above it, nor for the heading. The latest of the
    earlier speakers and main-clause subjects of the window wins; when that is the same pronoun
    ("She gave me … 'I cannot …,' she said"), the pronoun stands for what that one stands for.
    Then other subjects, then any mention that is no modifier of another noun ("Ubisoft games",
    "Universal's music division"), then earlier speakers.
    """
    pronoun = speaker.text.lower()
    wanted = {"PERSON"} if pronoun in PERSON_PRONOUNS else {"ORG", "GPE"} if pronoun == "it" else {"ORG"}
    window_start = _window_start(doc, speaker.head)
    before = [s for s in earlier if s.span[1] <= speaker.span[0] and _matches(s, wanted, pronoun)]
    recent = [s for s in before if s.span[0] >= window_start]
    mentions = [
        m
        for m in _mentions(doc, index, wanted, window_start, speaker.span[0])
        if not _inside(m.span[0], quoted)
    ]
    subjects = [m for m in mentions if doc[m.head].dep_ in _SUBJECTS]
    main = [m for m in subjects if _main_clause(doc[m.head])]
    chained = _same_pronoun(doc, speaker, window_start, quoted)
    first = recent + main + ([chained] if chained is not None and depth < _CHAIN else [])
    if first:
        latest = max(first, key=lambda s: s.span[0])
        if latest is chained:
            found = resolve_pronoun(doc, latest, earlier, index, quoted, depth + 1)
            return found if found is not latest else speaker
        return latest
    for pool in (subjects, [m for m in mentions if not _modifier(doc[m.head])], before, mentions):
        if pool:
            found = max(pool, key=lambda s: s.span[0])
            if pronoun == "it" and _a_thing_since(doc, found.span[1], speaker.head, quoted):
                return speaker  # "This upcoming release introduces ... It also announces": the thing
            return found
    return speaker


def _a_thing_since(doc: Doc, char: int, head: int, quoted: Sequence[Span]) -> bool:
    """Whether a common noun is a main-clause subject between character ``char`` and the token
    ``head`` (outside quotations): "it" stands for that thing, not for a name before it."""
    for token in reversed(doc[:head]):
        if token.idx < char:
            return False
        subject = token.pos_ == "NOUN" and token.dep_ in _SUBJECTS and _main_clause(token)
        if subject and not _inside(token.idx, quoted):
            return True
    return False


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CHAIN = 5  # how many same pronouns back a chain is followed


def _inside(char: int, quoted: Sequence[Span]) -> bool:
    return any(start <= char < end for start, end in quoted)


def _main_clause(token: Token) -> bool:
    """Whether a subject is the subject of its sentence's main verb (not of a clause inside it:
    "Figgins declined to address whether Thomas slept … the night Epstein died")."""
    return token.head.dep_ == "ROOT"


def _modifier(token: Token) -> bool:
    """Whether a mention's head modifies another noun ("Ubisoft games", "Universal's music
    division", "Boeing jets"): the mention is what something belongs to, not who acts."""
    return token.dep_ in {"compound", "poss"} and token.head.pos_ in {"NOUN", "PROPN"}


def _same_pronoun(doc: Doc, speaker: Speaker, start: int, quoted: Sequence[Span]) -> Speaker | None:
    """The latest earlier use of the speaker's pronoun as a main-clause subject in the window
    (outside quotations), as a speaker to resolve in turn; None when there is none."""
    for token in reversed(doc[: speaker.head]):
        if token.idx < start:
            break
        if (token.lower_ == speaker.text.lower() and token.dep_ in _SUBJECTS and _main_clause(token)
                and not _inside(token.idx, quoted)):
            span = (token.idx, token.idx + len(token.text))
            return Speaker(token.text, span, token.i, None)
    return None


def _matches(speaker: Speaker, wanted: set[str], pronoun: str) -> bool:
    """Whether an earlier speaker can be what the pronoun stands for."""
    if speaker.label in wanted:
        return True
    return pronoun == "they" and speaker.label is None and not speaker.is_pronoun


def _window_start(doc: Doc, token_index: int) -> int:
    """The first character of the sentence ``_WINDOW_SENTENCES`` before the token's sentence, or of
    the first sentence after a heading (``spans.in_heading``) between them."""
    sentence = doc[token_index].sent
    start = sentence.start
    for _ in range(_WINDOW_SENTENCES):
        if start == 0 or in_heading(doc[start - 1]):
            break
        start = doc[start - 1].sent.start
    return int(doc[start].idx)


def _mentions(doc: Doc, index: EntityIndex, wanted: set[str], start: int, end: int) -> list[Speaker]:
    """Mentions of entities with the wanted labels between characters ``start`` and ``end``."""
    found = []
    for entity in index.entities:
        if entity.label not in wanted or entity.span[0] < start or entity.span[1] > end:
            continue
        span = doc.char_span(*entity.span, alignment_mode="expand")
        if span is None:
            continue
        speaker = describe(doc, span.root.i, index)
        if speaker.span != entity.span:
            speaker = Speaker(entity.text, entity.span, span.root.i, entity.label)
        found.append(speaker)
    return found


# Capitalised words before a colon that label a part of the page, not a speaker ("Update: ...").
EDITORIAL_LABELS = frozenset(
    {
        "update", "updated", "note", "editor", "related", "photo", "photos", "video", "watch",
        "read", "more", "correction", "source", "sources", "live", "breaking", "exclusive",
        "analysis", "opinion", "transcript", "listen", "see", "also", "warning", "q", "a"
    }
)
_RELATIVE_WORDS = frozenset({"who", "that", "which", "whom"})


def name_speaker(
    doc: Doc,
    source: Candidate | int,
    index: EntityIndex,
    earlier: Sequence[Speaker],
    quoted: Sequence[Span] = (),
) -> Speaker | None:
    """The named speaker of a source mention (a reading from ``sources``, or a head token): a
    relative "who" names the noun it stands for, a pronoun its antecedent (``resolve_pronoun``);
    a name before a colon or after a closing dash speaks as written. None when the mention is an
    editorial label ("Update:") or a relative with nothing to stand for."""
    if isinstance(source, int):
        root, kind = doc[source], "subject"
    else:
        root, kind = doc[source.first : source.last + 1].root, source.kind
    if kind in {"prefix", "suffix"} and not isinstance(source, int):
        return _line_speaker(doc, source, index)
    if root.lower_ in _RELATIVE_WORDS and root.tag_ in {"WP", "WDT"}:
        if root.head.dep_ not in {"relcl", "acl"}:
            return None
        aboard = _people_aboard(root.head.head) if root.lower_ == "who" else None
        if aboard is not None:
            return aboard
        root = root.head.head
    speaker = describe(doc, root.i, index)
    if speaker.is_pronoun:
        speaker = resolve_pronoun(doc, speaker, earlier, index, quoted)
    return resolve_union(doc, resolve_company(doc, resolve_title(doc, speaker, index), earlier), index)


def _people_aboard(antecedent: Token) -> Speaker | None:
    """The people a relative "who" stands for when the noun it hangs on is the vessel they are on
    ("seamen on board the MV Ada, who said ...", "passengers aboard Flight 9, who said"): the plural
    common noun before "on board" or "aboard", with the vessel ("seamen on board the MV Ada"); None
    when the noun is no vessel so written."""
    doc = antecedent.doc
    i = antecedent.left_edge.i
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    aboard = 2 if before == ["on", "board"] else 1 if before[-1:] == ["aboard"] else 0
    people = doc[i - aboard - 1] if aboard and i - aboard > 0 else None
    if people is None or people.pos_ != "NOUN" or people.tag_ != "NNS":
        return None
    first = people.left_edge.i if people.left_edge.i < people.i else people.i
    span = char_span(doc, first, antecedent.i)
    return Speaker(text_of(doc)[span[0] : span[1]], span, people.i, None)


def _line_speaker(doc: Doc, source: Candidate, index: EntityIndex) -> Speaker | None:
    """The words before a line's colon or after its closing dash, as the speaker."""
    words = [t for t in doc[source.first : source.last + 1] if not t.is_punct]
    if not words or any(t.lower_ in EDITORIAL_LABELS for t in words):
        return None
    text = text_of(doc)[source.span[0] : source.span[1]]
    return Speaker(text, source.span, words[-1].i, index.label(words[-1].i))


_UNNAMED = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "which", "that", "one", "this"})


def canonical_key(doc: Doc, speaker: Speaker) -> str | None:
    """The key voices group this speaker by (see ``model.Attribution.canonical``), or None when the
    speaker is no person or organisation."""
    head = doc[speaker.head]
    if bare_name(speaker.text).lower() in _UNNAMED or speaker.is_pronoun or _a_possession(doc, speaker):
        return None
    if speaker.label == "PERSON":
        return person_key(speaker.text)
    if (head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE"}) and _indefinite(head):
        return None
    if speaker.label in {"ORG", "NORP", "GPE"}:
        return name_key(bare_name(speaker.text))
    if _across_time(head):
        return None
    proper = head.pos_ == "PROPN" and not _capital_by_position(doc, speaker) and not _a_place(head)
    if proper or (head.lemma_.lower() in AGENT_NOUNS and not _a_document(head)):
        return name_key(bare_name(speaker.text))
    return None


# Words that end the name of a place: an unlabelled "Wall Street" or "Main Street" is a market or a
# place, not a body that speaks (the entity recogniser labels "Downing Street" an ORG when it is one).
_PLACE_WORDS = frozenset({"street", "avenue", "road", "square", "boulevard", "lane"})
# Adjectives of time that make a plural a class of bodies across the years ("recent governments",
# "previous administrations"), not one voice.
_ACROSS_TIME = frozenset({"recent", "previous", "past", "successive", "earlier", "prior", "future"})


def _indefinite(head: Token) -> bool:
    """Whether a name takes "a" or "an" ("A CT of his chest showed ...", labelled an organisation;
    not "a Reuters reporter", whose head is a common noun): one of a kind, not a named body."""
    return any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in head.children)


def _a_place(head: Token) -> bool:
    """Whether an unlabelled proper noun names a street or a square ("Wall Street")."""
    return head.lower_ in _PLACE_WORDS


def _across_time(head: Token) -> bool:
    """Whether a plural noun is a class of bodies across time ("Recent governments have said")."""
    return head.tag_ in {"NNS", "NNPS"} and any(
        child.dep_ == "amod" and child.lower_ in _ACROSS_TIME for child in head.children
    )


def _a_possession(doc: Doc, speaker: Speaker) -> bool:
    """Whether the speaker's words end in something owned that cannot speak ("Howitt and Garett's
    work", "Trump's claim"): the noun after the last possessive is no agent noun ("Trump's
    lawyer", "the party's leader" speak)."""
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None:
        return False
    marks = [t.i for t in span if t.tag_ == "POS"]
    after = [t for t in doc[marks[-1] + 1 : span.end] if t.pos_ in {"NOUN", "PROPN"}] if marks else []
    return bool(after) and after[-1].lemma_.lower() not in AGENT_NOUNS and after[-1].pos_ == "NOUN"


def _a_document(head: Token) -> bool:
    """Whether "paper" names a document, not a newspaper: a newspaper is "the paper" (singular,
    definite); "court papers" and "a paper" (a study) are documents and make no voice."""
    if head.lemma_.lower() != "paper":
        return False
    definite = any(t.dep_ == "det" and t.lower_ == "the" for t in head.children)
    return head.tag_ == "NNS" or not definite


def _capital_by_position(doc: Doc, speaker: Speaker) -> bool:
    """Whether an unlabelled "proper noun" is capitalised only because it opens its sentence
    ("Research shows", "Court papers showed", "Summary Studies show"): the phrase starts the
    sentence and none of its capitalised words is capitalised anywhere else in the article."""
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None or not len(span) or not span[0].is_sent_start:
        return False
    capitals = {t.text for t in span if t.is_title}
    return not any(t.text in capitals and _mid_sentence(t) and t.i not in range(span.start, span.end)
                   for t in doc)


def _mid_sentence(token: Token) -> bool:
    """Whether a word stands inside a sentence after a word that is not capitalised itself (the
    "Studies" of "Summary Studies show" opens its sentence as much as "Summary" does)."""
    if token.is_sent_start or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_title or before.is_upper) or before.is_punct


_TITLES = {
    "president": ("president",), "senator": ("senator", "sen."), "governor": ("governor", "gov."),
    "mayor": ("mayor",), "secretary": ("secretary",), "speaker": ("speaker",),
    "congressman": ("rep.", "representative", "congressman"), "congresswoman": ("rep.", "congresswoman"),
    "chairman": ("chairman",), "chancellor": ("chancellor",), "judge": ("judge",),
    "candidate": (), "nominee": (),
    "analyst": ("analyst",), "economist": ("economist",),
}
# Titles written in lower case before a name ("Jefferies analyst Jonathan Matuszewski"): "the
# analyst" is that person too; other titles count only capitalised ("President Trump", not "a
# former president Trump met").
_LOWER_TITLES = frozenset({"analyst", "economist"})


def resolve_title(doc: Doc, speaker: Speaker, index: EntityIndex) -> Speaker:
    """ "the president" -> the person the article gives that title ("President Donald Trump"), when
    it gives it to exactly one person ("the analyst": "Jefferies analyst Jonathan Matuszewski");
    otherwise the speaker unchanged."""
    words = bare_name(speaker.text).lower().split()
    if speaker.label is not None or len(words) != 1 or words[0] not in _TITLES or not _TITLES[words[0]]:
        return speaker
    titles = _TITLES[words[0]]
    named: dict[str, Entity] = {}
    for entity in index.entities:
        start = doc.char_span(*entity.span, alignment_mode="expand")
        before = doc[start.start - 1] if start is not None and start.start > 0 else None
        if entity.label == "PERSON" and before is not None and before.lower_ in titles and (
                before.is_title or before.lower_ in _LOWER_TITLES):
            named.setdefault(entity.canonical, entity)
    if len(named) != 1:
        return speaker
    entity = next(iter(named.values()))
    return Speaker(entity.canonical, speaker.span, speaker.head, "PERSON", speaker.text, speaker.organisation)


# Nouns a news article calls a company it has named ("France Telecom said ... the firm said").
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "carrier", "operator", "airline", "bank", "insurer",
                            "lender", "retailer", "manufacturer", "maker", "giant", "conglomerate"})


def resolve_company(doc: Doc, speaker: Speaker, earlier: Sequence[Speaker]) -> Speaker:
    """ "The company" or "the French firm" (the, an optional nationality, a company noun) -> the one
    organisation that spoke before it in the article, when exactly one did ("France Telecom said");
    otherwise the speaker unchanged (two companies quoted, or a name the recogniser labels nothing:
    "the company" may be either)."""
    head = doc[speaker.head]
    words = [t for t in doc[head.left_edge.i : head.i]]
    plain = bool(words) and words[0].lower_ == "the" and all(t.ent_type_ == "NORP" for t in words[1:])
    if speaker.label is not None or head.tag_ != "NN" or head.lower_ not in _COMPANY_NOUNS or not plain:
        return speaker
    before = [s for s in earlier if s.span[1] <= speaker.span[0]]
    named = {name_key(s.text): s for s in before if s.label == "ORG" or _unlabelled_name(doc, s)}
    if len(named) != 1 or next(iter(named.values())).label != "ORG":
        return speaker
    return Speaker(bare_name(next(iter(named.values())).text), speaker.span, speaker.head, "ORG")


def _unlabelled_name(doc: Doc, speaker: Speaker) -> bool:
    """A speaker written as a name the recogniser labels nothing ("Orange said"): it may be a company."""
    return speaker.label is None and doc[speaker.head].pos_ == "PROPN"


# The last words of a union's name ("the Screen Actors Guild", "the United Auto Workers").
_UNION_NAMES = frozenset({"union", "guild", "workers", "teamsters", "brotherhood", "federation"})


def resolve_union(doc: Doc, speaker: Speaker, index: EntityIndex) -> Speaker:
    """ "The union" -> the one union the article names before it, whatever it was written as ("a
    Screen Actors Guild strike. The union ... said"): an organisation whose name ends in a union's
    word; otherwise the speaker unchanged (no union named, or two)."""
    head = doc[speaker.head]
    words = [t.lower_ for t in doc[head.left_edge.i : head.i + 1]]
    if speaker.label is not None or head.tag_ != "NN" or words != ["the", "union"]:
        return speaker
    named = {e.canonical for e in index.entities if e.label == "ORG" and e.span[1] <= speaker.span[0]
             and e.canonical.split()[-1].lower() in _UNION_NAMES}
    if len(named) != 1:
        return speaker
    return Speaker(next(iter(named)), speaker.span, speaker.head, "ORG")
