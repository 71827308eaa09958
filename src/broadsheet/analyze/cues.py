"""Attribution cues: the words that introduce reported speech, and who their subject is.

A cue is a verb whose lemma is in ``SPEECH_VERBS`` (said, told, added, warned, reported ...), or the
phrase "according to". Cues are found on the dependency parse:

- the **speaker** of a verb cue is its nominal subject ("Hall said", "said Hall": spaCy calls both
  ``nsubj``); a cue without one borrows the subject of the verb it hangs on ("..., saying", "and
  added", "a statement saying") and a relative clause points back to its noun ("Hall, who said");
- the speaker of "according to X" is X;
- a line opening with a short name and a colon ("Trump: Cruz has a long way to go", a transcript's
  "TAPPER: ...") is a cue of kind ``colon``; the name speaks the rest of the line;
- ``X reported/said, citing Y``: the cited Y is recorded too (``cited``), see ``attribution``.

Cue words inside a quotation are not cues of the article: ``"I told him no," she said`` has one
attribution, not two. Belief and perception verbs (think, believe, fear, expect) are deliberately
not cues: the product reports who *said* what. Evaluative verbs (called, described, praised,
blasted ...) are cues only when what follows quotes someone, names something ("called it a sham",
"described him as ...") or demands ("called for a ban"); see ``attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from broadsheet.analyze.quotes import Quotation

REPORTING_VERBS = frozenset(
    {
        "say", "tell", "add", "warn", "claim", "state", "explain", "argue", "note", "insist",
        "report", "announce", "write", "acknowledge", "admit", "assert", "confirm", "deny",
        "declare", "emphasize", "emphasise", "stress", "suggest", "predict", "promise", "reply",
        "respond", "tweet", "testify", "urge", "vow", "comment", "concede", "contend", "counter",
        "maintain", "observe", "recall", "remark", "reveal", "ask", "caution", "complain",
        "mention", "indicate", "allege", "boast", "joke", "quip", "pledge", "charge", "disclose",
        "estimate", "reiterate", "repeat", "retort", "speculate", "lament", "conclude", "continue",
        "point", "tout"
    }
)
# Evaluative speech acts: cues only with a quotation, a naming predicate or a demand ("call for").
EVALUATIVE_VERBS = frozenset(
    {
        "call", "describe", "label", "dub", "brand", "praise", "criticize", "criticise", "blast",
        "slam", "mock", "accuse", "dismiss", "hail", "condemn", "denounce"
    }
)
SPEECH_VERBS = REPORTING_VERBS | EVALUATIVE_VERBS
NAMING_VERBS = frozenset({"call", "describe", "label", "dub", "brand"})
# "continue" and "point" only count with a quotation or "out": ("...," he continued; pointed out)
_NEEDS_SUPPORT = frozenset({"continue", "point"})
_SUBJECTS = frozenset({"nsubj"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "acl", "dobj", "pobj", "prep", "pcomp"})
_RELATIVE = frozenset({"who", "that", "which"})
CueKind = Literal["verb", "according", "colon"]
_COLON_PREFIX_WORDS = 6
# Capitalised words before a colon that label a part of the page, not a speaker ("Update: ...").
EDITORIAL_LABELS = frozenset(
    {
        "update", "updated", "note", "editor", "related", "photo", "photos", "video", "watch",
        "read", "more", "correction", "source", "sources", "live", "breaking", "exclusive",
        "analysis", "opinion", "transcript", "listen", "see", "also", "warning"
    }
)


@dataclass(frozen=True)
class Cue:
    """One cue: its tokens (``first``..``last``), the head word, the speaker's head token if any
    and, for ``X reported, citing Y``, the head of Y (``cited``)."""

    head: int
    first: int
    last: int
    kind: CueKind
    speaker: int | None
    cited: int | None = None


def find_cues(doc: Doc, quotes: list[Quotation]) -> list[Cue]:
    """Every cue of ``doc`` outside quotations, in text order."""
    inside = _quoted_chars(quotes)
    found = []
    for token in doc:
        if _in_quotes(token, inside):
            continue
        cue = _verb_cue(token) or _according_cue(token) or _colon_cue(token)
        if cue is not None:
            found.append(cue)
    return found


def _quoted_chars(quotes: list[Quotation]) -> list[tuple[int, int]]:
    """The inner character ranges of all quotations."""
    return [quote.inner for quote in quotes]


def _in_quotes(token: Token, inside: list[tuple[int, int]]) -> bool:
    """Whether the token lies within a quotation."""
    return any(start <= token.idx < end for start, end in inside)


def _verb_cue(token: Token) -> Cue | None:
    """A cue for a speech verb, or None."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
        return None
    if _reduced_passive(token):
        return None
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    if token.lemma_.lower() == "point" and particle is None:
        return None
    last = particle.i if particle is not None and particle.i == token.i + 1 else token.i
    cited = _cited(token)
    return Cue(token.i, token.i, last, "verb", speaker_of(token), cited)


def _reduced_passive(token: Token) -> bool:
    """ "When asked if ...", "Asked what ...": a participle whose subject was spoken *to*."""
    if token.tag_ != "VBN":
        return False
    return not any(c.dep_ in {"nsubj", "aux", "auxpass"} for c in token.children)


def needs_support(cue: Cue, doc: Doc) -> bool:
    """Whether the cue counts only next to a quotation ("continued")."""
    return doc[cue.head].lemma_.lower() in _NEEDS_SUPPORT and cue.last == cue.head


def _according_cue(token: Token) -> Cue | None:
    """A cue for "according to X", or None."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    if to.lower_ != "to":
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
    return Cue(token.i, token.i, to.i, "according", source.i if source is not None else None)


def _colon_cue(token: Token) -> Cue | None:
    """A line that opens with a short name and a colon: "Trump: ..." (headlines, transcripts).

    The words before the colon must name someone (a proper noun or a named entity) and hold no
    verb; at least three words must follow on the same line.
    """
    if token.text != ":" or not _line_rest_has_words(token):
        return None
    start = _line_start(token)
    prefix = token.doc[start : token.i]
    if not 0 < len(prefix) <= _COLON_PREFIX_WORDS or not _capitalised(prefix[0]):
        return None
    if len(prefix) == 1 and len(prefix[0].text) == 1:
        return None  # "Q:" / "A:" label turns in an interview; they name no one
    if any(t.pos_ in {"VERB", "AUX"} or (t.is_punct and t.text not in ".'’") for t in prefix):
        return None
    if not _names_someone(list(prefix)):
        return None
    return Cue(token.i, token.i, token.i, "colon", prefix.root.i)


def _capitalised(token: Token) -> bool:
    """Title case or all capitals."""
    return bool(token.is_title or token.is_upper)


def _names_someone(prefix: list[Token]) -> bool:
    """Capitalised words, not an editorial label, naming a person or organisation (or written
    in capitals, as transcripts name their speakers: "TAPPER:")."""
    if not all(_capitalised(t) or t.is_punct for t in prefix):
        return False
    if any(t.lower_ in EDITORIAL_LABELS for t in prefix):
        return False
    named = any(t.ent_type_ in {"PERSON", "ORG"} for t in prefix)
    return named or all(t.is_upper or t.is_punct for t in prefix)


def _line_start(token: Token) -> int:
    """The index of the first token of the token's line."""
    i = token.i
    while i > 0 and "\n" not in token.doc[i - 1].text and "\n" not in token.doc[i - 1].whitespace_:
        i -= 1
    return i


def _line_rest_has_words(token: Token) -> bool:
    """Whether at least three words follow the token before the end of its line."""
    words = 0
    for nxt in token.doc[token.i + 1 :]:
        if "\n" in nxt.text:
            break
        words += int(nxt.is_alpha or nxt.like_num)
        if words >= 3 or "\n" in nxt.whitespace_:
            break
    return words >= 3


def speaker_of(verb: Token) -> int | None:
    """The head token of the verb's speaker: its subject, or one borrowed from the verbs above."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None  # "X was told that ...": X heard it, did not say it
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _antecedent_of_relative(current, subject)
        if current.dep_ not in _CLIMB or current.head is current:
            return None
        current = current.head
    return None


def _antecedent_of_relative(verb: Token, subject: Token) -> int | None:
    """ "Hall, who said": the subject "who" stands for the noun the relative clause modifies."""
    if subject.lower_ in _RELATIVE and subject.tag_ in {"WP", "WDT"}:
        return verb.head.i if verb.dep_ == "relcl" else None
    if subject.pos_ in {"PUNCT", "SPACE"}:
        return None
    return subject.i


def _cited(verb: Token) -> int | None:
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
