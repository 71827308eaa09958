"""Named entities of one article, each with the canonical name all its mentions share.

spaCy's NER gives the mentions; three rules make them agree within one article:

1. **label vote**: the same surface form tagged with different labels (the small model calls
   "Vladivostok" a GPE once and a PERSON once) takes its most frequent label, the first seen on a
   tie; a single word that is the surname of a full PERSON name in the article is a PERSON (the
   model tags a lone "Scholz" as a GPE), and such a surname the model left untagged is added; a
   one-word PERSON right after a capitalised "He" or "She" takes it as its surname ("He Jianxiong");
   a title-cased descriptor before a person's name is no part of it ("Media Mogul Page" -> "Page",
   ``_descriptor_length``), and the name's last word is a surname as above; a name run on into the
   proper noun it modifies is cut to the person another mention names ("Nancy Pelosi Super" of
   "... Super PAC Chief" -> "Nancy Pelosi", ``_cut_run_on``); a mention left with particles only
   ("the" of "the national party chairwoman") is none, and so is a person's mention that is a
   heading alone on its line, no other person's mention sharing a word ("Gender Equality."), and
   so is an organisation of one word before "Minister" or "Secretary", an office's portfolio
   ("Defense" of "Russian Defense Minister Sergei Shoigu", ``_a_portfolio``);
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

from broadsheet.analyze.spans import ents_of, in_dateline, in_heading, text_of
from broadsheet.model import Entity, Span
from broadsheet.text import GENERATIONS, HONORIFICS, name_key, word_set

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
# Common nouns that name people or bodies who can speak ("officials said", "a spokesman said",
# "the campaign said"), drawn from the heads of PolNeAR train sources; documents, polls and things
# ("the report", "a poll", "the ad") are not among them and make no voice.
AGENT_NOUNS = word_set(
    """
    official campaign candidate voter supporter leader group senator aide people expert adviser
    advisor president source member spokesman spokeswoman spokesperson company governor judge
    team strategist administration woman ally critic lawmaker friend nominee politician analyst
    police organization organisation man party executive government reporter office economist
    secretary activist manager employee insider advocate board opponent person conservative
    rival organizer prosecutor delegate agency lawyer court businessman wife crowd union
    investor director donor chairman authority family camp protester progressive host moderator
    observer network chief editorial father backer researcher mogul actor department mayor
    pollster operative worker diplomat superdelegate attorney commentator journalist actress
    speaker fan panel brother head officer columnist firm staffer checker hopeful justice editor
    student author staff scientist minister lobbyist partner tycoon veteran guy pastor resident
    mother army representative daughter proponent liberal associate legislature socialist
    faction council commission colleague defender developer scholar son demonstrator
    investigator husband environmentalist prince pundit congressman congresswoman owner
    legislator frontrunner citizen participant lady ambassador historian writer child founder
    evangelical institute agent elder chairwoman admiral viewer confidant parent teacher
    respondent speechwriter specialist hacker foundation caller guard newspaper magazine outlet
    paper station broadcaster publisher ministry embassy military committee senate house
    congress democrat republican contender runner neighbor neighbour witness victim survivor
    professor doctor physician nurse sheriff commissioner trustee regulator watchdog coalition
    alliance association federation leadership spokespeople ceo cfo manufacturer retailer bank
    lender insurer plaintiff defendant counsel campaigner seaman sailor passenger crew
    """
)
# People named by what they do, beside AGENT_NOUNS, as a title-cased descriptor before a name
# writes them ("Tech Billionaire Elon Musk", "Pop Star ..."): no part of the name.
_DESCRIPTOR_NOUNS = AGENT_NOUNS | word_set(
    """
    billionaire millionaire magnate star singer rapper musician model filmmaker producer
    comedian designer artist photographer entrepreneur novelist playwright poet heiress socialite
    icon legend coach player athlete
    """
)
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
    tagged = _cut_run_on(doc, tagged)
    described = _described_surnames(doc)
    tagged += _untagged_surnames(doc, tagged, described)
    texts = [text[start:end] for (start, end), _ in tagged]
    votes = _label_votes(texts, [label for _, label in tagged])
    voted_labels = [votes.get(name_key(t), label) for t, (_, label) in zip(texts, tagged, strict=True)]
    surnames = _surnames(texts, voted_labels) | {name_key(name) for name in described}
    people = [set(name_key(t).split()) for t, label in zip(texts, voted_labels, strict=True)
              if label == "PERSON" or name_key(t) in surnames]
    found = []
    for mention_text, (span, label) in sorted(zip(texts, tagged, strict=True), key=lambda m: m[1][0]):
        voted = "PERSON" if name_key(mention_text) in surnames else votes.get(name_key(mention_text), label)
        if voted == "PERSON" and _a_heading_alone(doc, span, people):
            continue
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


def _a_heading_alone(doc: Doc, span: Span, people: list[set[str]]) -> bool:
    """Whether a person's mention is a heading's words (``spans.in_heading``: "Gender Equality.")
    that no other person's mention of the article shares a word with: a section's name, no one's."""
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is None or not in_heading(tokens[0]):
        return False
    words = set(name_key(tokens.text).split())
    return sum(1 for other in people if other & words) <= 1


def _cut_run_on(doc: Doc, tagged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Person names the recogniser ran on into the longer proper noun they modify ("Nancy Pelosi
    Super" of a headline's "Nancy Pelosi Super PAC Chief Praises ..."), cut to the longest opening
    that is another person's mention of the article ("Nancy Pelosi"; ``_run_on_end``)."""
    text = text_of(doc)
    people = {name_key(text[start:end]) for (start, end), label in tagged if label == "PERSON"}
    return [((start, _run_on_end(doc, (start, end), people) if label == "PERSON" else end), label)
            for (start, end), label in tagged]


def _run_on_end(doc: Doc, span: Span, people: set[str]) -> int:
    """Where a person's name ends when its last word modifies a capitalised word right after it (the
    name goes on into something else's): at the longest opening of it among ``people`` (name keys);
    the span's own end otherwise."""
    start, end = span
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or len(tokens) < 2:
        return end
    last = tokens[-1]
    runs_on = last.dep_ == "compound" and last.head.i > last.i and doc[last.i + 1].text[:1].isupper()
    text = text_of(doc)
    shorter = [t for t in tokens[:-1] if name_key(text[start : t.idx + len(t.text)]) in people]
    return shorter[-1].idx + len(shorter[-1].text) if runs_on and shorter else end


def _surnames(texts: list[str], labels: list[str]) -> set[str]:
    """Last words (as keys) of the multi-word PERSON names of the article."""
    return {
        name_key(surname(text))
        for text, label in zip(texts, labels, strict=True)
        if label == "PERSON" and len(bare_name(text).split()) >= 2
    }


def surname(name: str) -> str:
    """The last word of a person's name that is no generational suffix: "Luther Stan Pate IV" ->
    "Pate", "Martin Luther King Jr." -> "King"."""
    words = name.split()
    while len(words) > 1 and name_key(words[-1]) in GENERATIONS:
        words.pop()
    return words[-1] if words else name


def _described_surnames(doc: Doc) -> set[str]:
    """Last words of the person names the recogniser wrote with a descriptor ("Mogul Page" after
    "Media"): the descriptor says a person bears the name, whatever it is tagged elsewhere."""
    return {
        tokens[-1].text
        for ent in ents_of(doc)
        if ent.label_ == "PERSON" and (tokens := _name_tokens(ent))
        and 0 < _descriptor_length(tokens) < len(tokens)
    }


def _untagged_surnames(doc: Doc, tagged: list[tuple[Span, str]], described: set[str]
                       ) -> list[tuple[Span, str]]:
    """Proper nouns outside any entity that repeat the surname of a tagged PERSON ("Scholz agreed")
    or a ``described`` one."""
    text = text_of(doc)
    names = [text[start:end] for (start, end), label in tagged if label == "PERSON"]
    surnames = {surname(name) for name in names if len(name.split()) >= 2} | described
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
    if ent.label_ == "PERSON":
        del tokens[: _descriptor_length(tokens)]
    if not tokens or (ent.label_ == "ORG" and _a_portfolio(tokens)):
        return None
    if ent.label_ == "PERSON" and _given_name_before(tokens[0]):
        tokens.insert(0, ent.doc[tokens[0].i - 1])
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    match = _POSSESSIVE.search(text_of(ent.doc)[start:end])
    if match and end - start > len(match.group()) and ent.label_ in NAME_LABELS:
        end -= len(match.group())
    text = text_of(ent.doc)[start:end].rstrip()
    return (start, start + len(text)) if text else None


def _a_portfolio(tokens: list[Token]) -> bool:
    """Whether an organisation is one word of an office's title ("Defense" of "Russian Defense
    Minister Sergei Shoigu", "Treasury" of "Treasury Secretary"): a portfolio, no organisation's
    name (the ministry is "the Defense Ministry")."""
    after = tokens[-1].nbor() if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    return len(tokens) == 1 and after is not None and after.text in _OFFICES


_OFFICES = frozenset({"Minister", "Secretary"})


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
    its tag (an opening "-ing" word tagged as a proper noun: ``_opening_gerund``); none when only
    particles are left ("the" of "the national party chairwoman", tagged an organisation)."""
    tokens = list(ent)
    while tokens and _not_name(tokens[0]):
        tokens.pop(0)
    while tokens and _not_name(tokens[-1]) and not _syllable_after_hyphen(tokens):
        tokens.pop()
    if all(token.lower_ in _NAME_PARTICLES for token in tokens):
        return []  # "the" of "the national party chairwoman": a common noun's phrase, no name
    return tokens


def names_something(ent: SpacySpan) -> bool:
    """Whether a recogniser's entity holds a name once its edge words are gone (``_name_tokens``):
    not "the national party chairwoman", tagged an organisation."""
    return bool(_name_tokens(ent))


def _syllable_after_hyphen(tokens: list[Token]) -> bool:
    """Whether the last word is the lowercase syllable of a hyphenated given name ("Ban Ki-moon",
    "Kim Jong-un", "Park Geun-hye"): short, glued by a hyphen to a short capitalised syllable
    (not "Obama-era": a name's syllable, not a whole name, before the hyphen)."""
    if len(tokens) < 3:
        return False
    before, hyphen, last = tokens[-3:]
    glued = before.whitespace_ == "" and hyphen.text == "-" and hyphen.whitespace_ == ""
    return glued and before.is_title and len(before.text) <= 4 and last.is_alpha and len(last.text) <= 4


def _descriptor_length(tokens: list[Token]) -> int:
    """How many opening words of a person's name are a title-cased descriptor, no part of the name:
    words up to the last one naming a person by what they do (``_DESCRIPTOR_NOUNS``) when another
    title-cased word of the phrase stands before that one ("Media Mogul Page", the recogniser's name
    "Mogul Page" after "Media"; "Film Director ...", "Tech Billionaire ...") or two words of the name
    follow it ("Director Steven Spielberg"); 0 otherwise ("Guy Ritchie", "Lady Gaga", "Prince Harry":
    a one-word name after a lone such word may be a given name or a title that goes with it); every
    word when a possessive follows that one ("Nancy Pelosi Donor's Stunt": a donor's, no one named)."""
    last = None
    for i, token in enumerate(tokens[:-1]):
        if not token.is_title:
            break
        if token.lower_ in _DESCRIPTOR_NOUNS:
            last = i
    if last is None:
        return 0
    if tokens[last + 1].tag_ == "POS" or tokens[last + 1].is_punct:
        return len(tokens)  # "Ada Holt Donor's Stunt": a description (a donor's), no name after its noun
    name_words = len(tokens[-1].doc[tokens[last + 1].i : tokens[-1].i + 1].text.split())
    return last + 1 if name_words >= 2 or _modified(tokens, last) else 0


def _given_name_before(first: Token) -> bool:
    """Whether the word before a person's name is its given name, which the recogniser left out
    ("Representative Debbie Wasserman Schultz", tagged "Wasserman Schultz"): a capitalised proper
    noun in no other entity that modifies the name, standing between it and a descriptor or a
    courtesy title ("Representative", "Mr."); no descriptor itself, no rank ("Secretary General
    Ban") and no abbreviation ("Lt. Gen. ...")."""
    if first.i < 2:
        return False
    word, title = first.doc[first.i - 1], first.doc[first.i - 2]
    shaped = word.is_title and word.is_alpha and word.pos_ == "PROPN" and not word.ent_type_
    named = word.dep_ == "compound" and word.head.i >= first.i and word.whitespace_ != ""
    plain = word.lower_ not in _DESCRIPTOR_NOUNS and word.lower_ not in _RANKS
    titled = title.is_title and (title.lower_ in _DESCRIPTOR_NOUNS or title.lower_.rstrip(".") in HONORIFICS)
    return shaped and named and plain and titled


_RANKS = frozenset({"general", "elect", "emeritus", "designate", "major", "emerita", "pro", "tem"})


def _modified(tokens: list[Token], noun: int) -> bool:
    """Whether a title-cased word of the same phrase stands right before ``tokens[noun]``: in the
    name, or the word before it that modifies a word of it ("Media" of "Media Mogul Page")."""
    if noun > 0:
        return True
    first = tokens[0]
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    inside = {token.i for token in tokens}
    courtesy = before.lower_.rstrip(".") in HONORIFICS  # "Mr. Guy Ritchie": a title, no descriptor
    modifies = before.dep_ in {"compound", "amod"} and before.head.i in inside
    return before.is_title and not courtesy and modifies


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
