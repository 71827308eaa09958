"""Candidate sources of a cue: the mentions in the cue's own clause that may be who spoke.

The source is the mention *in the attribution's own clause*: the pronoun "he" of "he said", the "who"
of "Obama, who said", the name of "said Steve Hall". Resolving a pronoun to a name is the speaker's
business (``pronouns``), never the source span's. Readings, named by ``kind``:

- ``subject``: the cue's subject (outside the quotation before it: ``"Happy Cinco de Mayo!," he
  tweeted``); a verb without one borrows the subject of the verb it hangs on ("..., saying", "and
  added"), at most four steps up (a participle or a conjunct hung on a reported clause, "Pompeo
  said Washington had concluded X, saying ...", "Lazar said he welcomed X and added ...", borrows
  the reporter's); no subject of a passive verb of telling ("employees were told that ...": only
  "by X" speaks there); a verb with none to borrow takes the noun right before it (``"...," Will
  wrote``: a name the parse read as a modal);
- ``relative``: the relative pronoun of "X, who said" and ``antecedent`` the noun it stands for;
- ``object``: the object of "according to X", "in the poll", "citing X";
- ``agent``: "was described by X"; ``possessor``: "Trump's claim that ...";
- ``prefix``: the words before the colon of "Name: ..."; ``suffix``: the name after a closing dash;
- ``nearest``: the nearest PERSON or ORG mention in the sentence before the cue, when nothing else
  (never one in a phrase or clause that modifies the subject: "a spokesman for Senator X said").

Each span covers the mention's noun phrase without appositions and relative clauses.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import DASHES, Candidate, CueSite, quoted
from broadsheet.analyze.spans import char_span, ents_of, in_dateline
from broadsheet.analyze.speakers import phrase_range

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "acl", "dobj", "pobj", "prep", "pcomp", "ccomp", "relcl"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def source_candidates(doc: Doc, site: CueSite) -> list[Candidate]:
    """Every source reading of the cue at ``site``, without repeats."""
    seen: set[tuple[int, int]] = set()
    found = []
    for kind, token in _source_readings(doc, site):
        if token is None or token.is_punct or token.is_space or in_dateline(token):
            continue
        single = kind in {"relative", "prefix", "suffix"}
        first, last = (token.i, token.i) if single else phrase_range(token)
        if kind in {"prefix", "suffix"}:
            first, last = _line_phrase(doc, site.head, before=kind == "prefix")
            if last < first:
                continue
        if (first, last) not in seen:
            seen.add((first, last))
            found.append(Candidate(kind, char_span(doc, first, last), first, last))
    return found


def _source_readings(doc: Doc, site: CueSite) -> Iterator[tuple[str, Token | None]]:
    """``(kind, head token)`` pairs, in a fixed order."""
    head = doc[site.head]
    if head.text == ":":
        yield "prefix", head
    if head.text in DASHES:
        yield "suffix", head
    subject, steps = _subject(head)
    if subject is not None and steps == 0 and quoted(subject, site.quotes):
        subject = _unquoted_subject(head, site)
    if subject is not None and steps == 0 and _addressed(head, subject):
        yield "agent", _agent(head)
        return
    if subject is not None and subject.lower_ in _RELATIVE:
        yield "relative", subject
        verb = subject.head
        yield "antecedent", verb.head if verb.dep_ in {"relcl", "acl"} else None
    elif subject is not None:
        yield ("subject" if steps == 0 else "borrowed"), subject
    if subject is None:
        yield "subject", _just_before(head, site)
    yield "object", _object(head)
    yield "agent", _agent(head)
    yield "possessor", next((c for c in head.children if c.dep_ == "poss"), None)
    yield "nearest", _nearest_name(doc, site, subject)


def _subject(verb: Token) -> tuple[Token | None, int]:
    """The verb's subject, or one borrowed from the verbs above it, and how many steps up."""
    current = verb
    for steps in range(5):
        subject = _one_subject([c for c in current.children if c.dep_ in _SUBJECTS])
        hung = verb.tag_ == "VBG" or (verb.dep_ == "conj" and current.head.lemma_.lower() in _TOLD)
        if subject is not None and steps and hung and _reported(current):
            return _subject(current.head)[0], steps + 1
        if subject is not None:
            return subject, steps
        if current.dep_ not in _CLIMB or current.head is current:
            return None, steps
        current = current.head
    return None, 5


_NOUNS = frozenset({"NOUN", "PROPN"})


def _unquoted_subject(head: Token, site: CueSite) -> Token | None:
    """For a verb whose subject the parse took from the quotation before it (``"Happy Cinco de
    Mayo!," he tweeted``: "Happy Cinco de Mayo" and "he" both its subjects), its subject outside the
    quotation, or the noun right before it."""
    outside = [c for c in head.children if c.dep_ in _SUBJECTS and not quoted(c, site.quotes)]
    return outside[-1] if outside else _just_before(head, site)


def _just_before(head: Token, site: CueSite) -> Token | None:
    """The name, noun or pronoun right before a verb the parse gave no subject ("..., Conway
    notes", "..., Will wrote": a name read as a modal), outside quotations."""
    if head.i == 0 or head.pos_ != "VERB":
        return None
    before = head.doc[head.i - 1]
    fits = before.pos_ in _NOUNS or (before.pos_ == "PRON" and before.lower_ not in _RELATIVE)
    return before if fits and not quoted(before, site.quotes) else None


def _one_subject(subjects: list[Token]) -> Token | None:
    """The first subject, unless it is one word the next one follows right after: the parser split
    one noun phrase ("CPUC | President Marybel Batjer said"), whose head is the later one (not
    "Olivier Bosc, General Manager of | Life Care Solutions Europe")."""
    if len(subjects) > 1 and subjects[0].right_edge.i == subjects[0].i == subjects[1].left_edge.i - 1:
        return subjects[1]
    return subjects[0] if subjects else None


# Verbs whose passive subject is told, asked or spoken about, never the speaker: "employees were
# told that ...", "authorities were accused of ...", "the suppliers are said to be ...".
_ADDRESSED = frozenset({
    "say", "tell", "ask", "accuse", "inform", "urge", "warn", "advise", "assure", "reassure",
    "remind", "brief", "blame", "criticize", "criticise", "charge", "question", "order", "instruct",
    "notify", "promise", "allege", "rumor", "rumour",
})


def _addressed(cue: Token, subject: Token) -> bool:
    """Whether ``subject`` is the passive subject of a verb of telling or saying ("were told"): the
    speaker is only the agent ("by X") if any, and no name of the subject's phrase speaks."""
    return subject.dep_ == "nsubjpass" and subject.head.i == cue.i and cue.lemma_.lower() in _ADDRESSED


# "Lazar said he welcomed X and added ...", not "It claims that X did Y and asked ...": X asked
_TOLD = frozenset({"say", "tell"})
_SAYING = frozenset({"say", "tell", "announce", "state", "write", "claim", "argue", "insist", "explain"})


def _reported(verb: Token) -> bool:
    """Whether ``verb`` heads what someone said ("Pompeo said that Washington had concluded X,
    saying ..."): a participle or a conjunct hung on it speaks with the speaker of the verb of
    saying above (Pompeo), not with the reported clause's subject (Washington)."""
    head = verb.head
    return (verb.dep_ == "ccomp" and head.i != verb.i and head.lemma_.lower() in _SAYING
            and any(c.dep_ == "nsubj" for c in head.children))


def _object(cue: Token) -> Token | None:
    """The object of "according to X", "in X", "citing X", or of the cue's own preposition."""
    if cue.dep_ == "pobj":
        return None
    preposition = cue if cue.pos_ == "ADP" else next((c for c in cue.children if c.dep_ == "prep"), None)
    if cue.lower_ == "according":
        preposition = next((c for c in cue.children if c.lower_ == "to"), preposition)
        if preposition is None and cue.i + 1 < len(cue.doc):
            preposition = cue.doc[cue.i + 1]
    if preposition is None:
        return None
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is None and cue.lower_ == "according":
        obj = next((c for c in cue.children if c.dep_ == "pobj"), None)
    return obj


def _agent(cue: Token) -> Token | None:
    """The X of "was said by X"."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _line_phrase(doc: Doc, head: int, *, before: bool) -> tuple[int, int]:
    """The tokens of the cue's line before a colon, or after a dash up to the line's end."""
    if before:
        first = head
        while first > 0 and "\n" not in doc[first - 1].text + doc[first - 1].whitespace_:
            first -= 1
        return first, head - 1
    last = head
    while last + 1 < len(doc) and "\n" not in doc[last].whitespace_ + doc[last + 1].text:
        last += 1
    while last > head and (doc[last].is_punct or doc[last].like_num or doc[last].ent_type_ == "DATE"):
        last -= 1
    return head + 1, last


def _nearest_name(doc: Doc, site: CueSite, subject: Token | None) -> Token | None:
    """The root of the last PERSON/ORG mention of the cue's sentence before the cue, unless it
    lies in a phrase or clause that modifies the subject ("NASA scientists using a telescope atop
    Mauna Kea have confirmed", "a spokesman for Senator X said"): there the subject is who spoke,
    the name only describes it. A name in apposition ("correspondent Dr. Sanjay Gupta") stays."""
    named = [
        ent for ent in ents_of(doc)
        if ent.label_ in _PERSONISH and site.sentence[0] <= ent.start and ent.end <= site.head
    ]
    if not named:
        return None
    root = named[-1].root
    return None if subject is not None and _modifies(root, subject) else root


_MODIFIERS = frozenset({"prep", "acl", "relcl"})


def _modifies(token: Token, subject: Token) -> bool:
    """Whether ``token`` hangs under ``subject`` through a preposition or a clause."""
    while token.i != subject.i and token.head.i != token.i:  # spaCy makes a new Token each time
        if token.dep_ in _MODIFIERS:
            return subject.is_ancestor(token)
        token = token.head
    return False
