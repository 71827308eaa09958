"""The content of an attribution: what a cue says was said.

For a cue and its clause (``frames.clause_range``), the first of these that holds enough words wins:

1. the cue's complement: its ``ccomp`` (the one after the verb first), else a "that" clause the
   parser hung elsewhere within eight words after the verb, else an open complement after it
   ("urged him *to resign*"), else, for verbs such as "announced", its direct object. An
   evaluative verb ("called", "described", "praised") takes its object and predicate instead, and
   only with a quotation, a naming predicate ("called it *a sham*") or a demand ("called *for*");
2. a quotation touching the clause: ``"...," X said`` or ``X said: "..."`` (after a colon the
   quotation may start on the next line);
3. the rest of the sentence across a comma: before a sentence-final clause ("*The U.S. has
   warned ...*, Kirby said last week"), after an opening one ("According to X, *...*"), or the
   whole sentence around a mid-sentence "..., he said, ..."; it must hold a finite verb (a
   participial opener such as "Courted by most candidates, X said ..." is not what X said);
4. for a line opening "Name: ..." (a ``colon`` cue), the rest of the line.

A quotation is never cut in two (``spans.snap_to_quotations``), and the span is tidied
(``spans.tidy_content``): edge punctuation and unpaired marks go, an exact quotation becomes its
quoted words. One word is enough only for an exact quotation ("No," she said).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from broadsheet.analyze.cues import EVALUATIVE_VERBS, NAMING_VERBS, Cue
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.spans import (
    char_span,
    snap_to_quotations,
    strip_space,
    subtree_range,
    text_of,
    tidy_content,
    word_count,
)
from broadsheet.model import Span

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOT_EVALUATION = frozenset({"punct", "cc", "conj", "advcl", "npadvmod", "advmod", "parataxis"})
OBJECT_CONTENT_VERBS = frozenset(
    {
        "announce", "confirm", "deny", "pledge", "tweet", "promise", "propose", "reveal",
        "disclose", "reiterate", "acknowledge", "admit", "predict", "vow"
    }
)


def find_content(
    doc: Doc, cue: Cue, clause: tuple[int, int], quotes: list[Quotation], sentence: Span
) -> Span | None:
    """The content of a cue whose head lies in ``sentence`` (see the module docstring), or None."""
    clause_chars = char_span(doc, *clause)
    if cue.kind == "colon":
        line_end = text_of(doc).find("\n", clause_chars[1])
        sentence = (sentence[0], len(text_of(doc)) if line_end < 0 else line_end)
        candidates: tuple[Span | None, ...] = ((clause_chars[1], sentence[1]),)
    else:
        frame = _frame_content(text_of(doc), clause_chars, sentence)
        candidates = (
            _evaluation(doc, cue, quotes) if _is_evaluative(doc, cue) else _complement(doc, cue, clause),
            _adjacent_quotation(text_of(doc), clause_chars, quotes),
            frame if frame is not None and _is_clause(doc, frame, quotes) else None,
        )
    for candidate in candidates:
        if candidate is None:
            continue
        limit = (
            (sentence[0], clause_chars[0])
            if candidate[1] <= clause_chars[0]
            else (clause_chars[1], max(sentence[1], candidate[1]))
        )
        span = tidy_content(text_of(doc), snap_to_quotations(candidate, quotes, limit), quotes)
        if _enough_words(text_of(doc), span, quotes):
            return span
    return None


def _enough_words(text: str, span: Span, quotes: list[Quotation]) -> bool:
    """Two words make a content; one is enough for an exact quotation ("No," she said)."""
    words = word_count(text, span)
    return words >= 2 or (words == 1 and is_quotation(span, quotes))


def _complement(doc: Doc, cue: Cue, clause: tuple[int, int]) -> Span | None:
    """The clausal complement of a verb cue, outside its clause, without a leading "that".

    The complement after the verb wins over one before it. When the parser hung the "that" clause
    elsewhere ("warned for months that ..." as a relative clause of "months"), a "that" within
    eight words after the verb still starts the content. An open complement after the verb counts
    too: "urged him *to resign*", "said *legalizing it could ...*" (a ``ccomp`` the small parser
    labels ``xcomp``).
    """
    if cue.kind != "verb":
        return None
    verb = doc[cue.head]
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    comp = (
        next((c for c in comps if c.i > verb.i), comps[0] if comps else None)
        or _that_clause(verb)
        or next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    )
    if comp is None:
        return _object_content(doc, verb)
    skip = frozenset(range(clause[0], clause[1] + 1)) - frozenset(t.i for t in comp.subtree)
    first, last = subtree_range(comp, skip)
    if first <= clause[0] <= last:
        return None
    if doc[first].lower_ == "that" and doc[first].dep_ == "mark" and first < last:
        first += 1
    return char_span(doc, first, last)


def _that_clause(verb: Token) -> Token | None:
    """The verb of a "that" clause starting within eight words after ``verb``, if any."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 10)]:
        if token.is_punct or token.is_sent_start:
            return None
        if token.lower_ == "that" and token.head.pos_ in {"VERB", "AUX"} and token.head.i > token.i:
            return token.head if token.dep_ == "mark" or token.head.dep_ == "relcl" else None
    return None


def _is_evaluative(doc: Doc, cue: Cue) -> bool:
    """Whether the cue is an evaluative verb (called, praised ...)."""
    return cue.kind == "verb" and doc[cue.head].lemma_.lower() in EVALUATIVE_VERBS


def _evaluation(doc: Doc, cue: Cue, quotes: list[Quotation]) -> Span | None:
    """What an evaluative verb says: its object and predicate ("called Trump *a fascist*").

    Kept only with a quotation in it, a naming predicate (called/described ... X as Y, X Y), or
    a demand ("called for a ban", "called on Congress to act").
    """
    verb = doc[cue.head]
    parts = [c for c in verb.rights if c.dep_ not in _NOT_EVALUATION]
    if not parts:
        return None
    span = char_span(doc, parts[0].left_edge.i, max(c.right_edge.i for c in parts))
    quoted = any(q.start < span[1] and span[0] < q.end for q in quotes)
    named = verb.lemma_.lower() in NAMING_VERBS and any(_names(c) for c in parts)
    demand = verb.lemma_.lower() == "call" and any(c.lower_ in {"for", "on"} for c in parts)
    return span if quoted or named or demand else None


def _names(part: Token) -> bool:
    """A naming predicate: "called it *a sham*" (oprd/xcomp), "described him *as* ..."."""
    if part.dep_ in {"oprd", "xcomp", "ccomp"} or part.lower_ == "as":
        return True
    return part.dep_ == "dobj" and any(child.lower_ == "as" for child in part.children)


def _object_content(doc: Doc, verb: Token) -> Span | None:
    """The direct object of a verb that takes what was said as object ("announced *a plan*")."""
    if verb.lemma_.lower() not in OBJECT_CONTENT_VERBS:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    return char_span(doc, *subtree_range(obj))


def _adjacent_quotation(text: str, clause: Span, quotes: list[Quotation]) -> Span | None:
    """A quotation touching the cue clause: ``"...," X said`` or ``X said: "..."`` (only after a
    colon may the quotation start on the next line). A quotation before the clause must end on a
    comma, dash, "?" or "!": after a full stop (``"... a disgrace." She called``) a new sentence
    begins."""
    for quote in quotes:
        gap_before = text[quote.end : clause[0]]
        gap_after = text[clause[1] : quote.start]
        if quote.end <= clause[0] and _only_punct(gap_before, ",?!—– ") and _open_ending(text, quote):
            return (quote.start, quote.end)
        after = ",:—– \n" if ":" in gap_after else ",:—– "
        if clause[1] <= quote.start and _only_punct(gap_after, after):
            return (quote.start, quote.end)
    return None


def _open_ending(text: str, quote: Quotation) -> bool:
    """Whether the quotation (with what follows its mark) ends on a comma, dash, "?" or "!"."""
    inner_end = text[quote.inner[0] : quote.inner[1]].rstrip()
    after = text[quote.end : quote.end + 1]
    return inner_end[-1:] in {",", "?", "!", "—", "–", "-"} or after in {",", "—", "–"}


def _only_punct(gap: str, allowed: str) -> bool:
    """Whether a gap between two spans holds nothing but the allowed characters (or nothing)."""
    return len(gap) <= 5 and all(char in allowed for char in gap)


def _frame_content(text: str, clause: Span, sentence: Span) -> Span | None:
    """The rest of the sentence beyond a comma: before a final clause, after an opening one."""
    left = strip_space(text, (sentence[0], clause[0]))
    right = strip_space(text, (clause[1], sentence[1]))
    left_text, right_text = text[left[0] : left[1]], text[right[0] : right[1]]
    comma_before = left_text.rstrip("\"”'’ ").endswith((",", "—", "–"))
    comma_after = right_text.startswith((",", ":", "—", "–"))
    left_words, right_words = word_count(text, left) >= 2, word_count(text, right) >= 2
    if comma_before and comma_after and left_words and right_words:
        return strip_space(text, sentence)
    if comma_before and left_words:
        return left
    if comma_after and right_words and not left_words:
        return right
    return None


def _is_clause(doc: Doc, span: Span, quotes: list[Quotation]) -> bool:
    """Whether a span says something: it holds a finite verb, or it is a quotation."""
    if is_quotation(span, quotes):
        return True
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk is not None and any(t.tag_ in FINITE_TAGS for t in chunk)


def is_quotation(span: Span, quotes: list[Quotation]) -> bool:
    """Whether ``span`` lies inside one quotation."""
    return any(q.start <= span[0] and span[1] <= q.end for q in quotes)


