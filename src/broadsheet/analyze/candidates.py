"""Candidate contents and sources of a cue: every reading the parse allows, for a model to choose.

A cue (its head token, from ``cues``) can attribute many different stretches of text, and the
parse of the small English model is often wrong about which. Rather than one hand-ordered rule,
every plausible reading is proposed here, named by ``kind``; ``choose`` (a model learned from the
PolNeAR train split) scores them. Content readings:

- ``ccomp`` / ``that``: the clausal complement ("said *the talks failed*"), or a "that" clause the
  parser hung elsewhere shortly after the verb;
- ``xcomp``, ``object``, ``rights``: an open complement ("urged him *to resign*", "wants *to win*"),
  the direct object ("announced *a plan*"), everything on the verb's right ("called *for a ban*",
  "called *it a sham*");
- ``raised``: the subject with the verb's open complement ("*the bank* is expected *to wait*");
- ``quote_before`` / ``quote_after``: the quotation touching the cue clause, and ``quote_pair`` the
  two quotations around it when the first opens the sentence and the second follows the cue
  clause or opens the next sentence (``"X," she said. "Y."``, ``"X," said Ann Lee, an economist at
  the bank. "Y."``: one interrupted quotation, which annotators mark as one attribution);
- ``left`` / ``right`` / ``sentence``: the rest of the sentence before or after the cue clause, or all
  of it ("..., Kirby said", "According to X, ...", "In a new poll, ...");
- ``governor``: for a prepositional or participial cue, the clause it hangs on minus the cue's own
  phrase ("*Trump leads* in the poll");
- ``line``: for a line opening "Name: ...", the rest of the line; ``byline`` for ``"..." ― Name``, the
  words before the dash.

Source readings: ``subject`` (the verb's subject, borrowed from the verbs above when it has none),
``relative`` (the "who" of "Obama, who said"), ``antecedent`` (the noun a relative clause modifies),
``object`` (the object of "according to" or "in the poll"), ``agent`` ("was told by X"),
``possessor`` ("Trump's claim"), ``prefix`` (the name before a colon) and ``suffix`` (after a dash).
Every span is a ``(start, end)`` character pair into the text, tidied of edge punctuation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from broadsheet.analyze.quotes import DOUBLE_APOSTROPHE, QUOTE_MARKS, Quotation
from broadsheet.analyze.spans import char_span, strip_space, text_of, tidy_content, word_count
from broadsheet.model import Span

DASHES = frozenset({"―", "—", "–"})
_NOT_RIGHT = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "npadvmod", "advmod"})
_CLAUSE_DEPS = frozenset(
    {"nsubj", "aux", "auxpass", "neg", "advmod", "npadvmod", "dobj", "dative", "iobj", "prt", "agent", "mark"}
)
_MAX_GAP = 4


@dataclass(frozen=True)
class Candidate:
    """One reading: its kind and character span (``first``/``last``: its token range)."""

    kind: str
    span: Span
    first: int
    last: int


@dataclass(frozen=True)
class CueSite:
    """Where a cue stands: its head token, the clause around it (token range), its sentence (token
    range) and the quotations of the text."""

    head: int
    clause: tuple[int, int]
    sentence: tuple[int, int]
    quotes: tuple[Quotation, ...]


def make_site(doc: Doc, head: int, quotes: tuple[Quotation, ...]) -> CueSite:
    """The site of a cue whose head is token ``head``."""
    return CueSite(head, clause_of(doc[head], quotes), sentence_of(doc, head), quotes)


_SENTENCES_KEY = "broadsheet.sentence_of"


def sentence_of(doc: Doc, index: int) -> tuple[int, int]:
    """First and last token of the sentence holding token ``index`` (the table is built once per
    Doc: spaCy's ``token.sent`` walks the sentence on every call)."""
    table = doc.user_data.get(_SENTENCES_KEY)
    if not isinstance(table, list):
        table = []
        for sent in doc.sents:
            table.extend([(sent.start, sent.end - 1)] * (sent.end - sent.start))
        doc.user_data[_SENTENCES_KEY] = table
    bounds: tuple[int, int] = table[index]
    return bounds


def clause_of(token: Token, quotes: tuple[Quotation, ...]) -> tuple[int, int]:
    """The narrator's words around a cue: the cue with its subject, auxiliaries, objects and
    adverbs, never a quotation nor a clause (token range)."""
    members = {token.i}
    for child in token.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "prep" and child.i > token.i and _short(child)):
            members.update(t.i for t in child.subtree if not quoted(t, quotes) and not t.is_space)
    if token.dep_ == "pobj" or token.lower_ == "according":
        members.update(t.i for t in token.subtree)
    return _contiguous(token.i, members)


def _short(token: Token) -> bool:
    """A phrase of at most six words ("in a statement", "on Monday", "to reporters")."""
    return token.right_edge.i - token.left_edge.i < 6


def quoted(token: Token, quotes: tuple[Quotation, ...]) -> bool:
    """Whether a token lies inside a quotation."""
    return any(q.start <= token.idx < q.end for q in quotes)


def _contiguous(head: int, members: set[int]) -> tuple[int, int]:
    """The run of consecutive member tokens around ``head``."""
    first = last = head
    while first - 1 in members:
        first -= 1
    while last + 1 in members:
        last += 1
    return first, last


def _candidate(doc: Doc, kind: str, first: int, last: int) -> Candidate | None:
    """A candidate over tokens ``first``..``last`` tidied of edge punctuation; None when it holds no word."""
    if last < first:
        return None
    start, end = strip_space(text_of(doc), char_span(doc, first, last))
    if word_count(text_of(doc), (start, end)) == 0:
        return None
    return Candidate(kind, (start, end), first, last)


def content_candidates(doc: Doc, site: CueSite) -> list[Candidate]:
    """Every content reading of the cue at ``site`` (see the module docstring), without repeats."""
    seen: set[Span] = set()
    found = []
    for candidate in _content_readings(doc, site):
        if candidate is None:
            continue
        span = _without_that(doc, tidy_content(text_of(doc), candidate.span, list(site.quotes)))
        if span[1] > span[0] and span not in seen:
            seen.add(span)
            found.append(Candidate(candidate.kind, span, candidate.first, candidate.last))
    return found


def _without_that(doc: Doc, span: Span) -> Span:
    """The span without a leading complementiser "that" ("said *that* the talks failed")."""
    text = text_of(doc)
    if not text.startswith(("that ", "That "), span[0]) or word_count(text, span) < 3:
        return span
    start = span[0] + 5
    while start < span[1] and text[start].isspace():
        start += 1
    first = doc.char_span(span[0], span[0] + 4)
    return (start, span[1]) if first is not None and first[0].dep_ == "mark" else span


def _content_readings(doc: Doc, site: CueSite) -> Iterator[Candidate | None]:
    """The raw readings, in a fixed order."""
    head = doc[site.head]
    if head.text == ":":
        yield _line(doc, site)
    if head.text in DASHES:
        yield _byline(doc, site)
    yield from _complements(doc, site)
    yield from _quotations(doc, site)
    yield from _sentence_parts(doc, site)
    yield _governor(doc, site)


def _complements(doc: Doc, site: CueSite) -> Iterator[Candidate | None]:
    """``ccomp``, ``that``, ``xcomp``, ``object``, ``rights`` and ``raised`` readings."""
    head = doc[site.head]
    after = [c for c in head.children if c.i > site.clause[1] or c.i > head.i]
    for child in head.children:
        if child.dep_ == "ccomp":
            yield _candidate(doc, "ccomp", *_subtree_outside(child, site))
    that = _that_clause(head)
    if that is not None:
        yield _candidate(doc, "that", *_subtree_outside(that, site))
    for child in after:
        if child.dep_ == "xcomp":
            yield _candidate(doc, "xcomp", child.left_edge.i, child.right_edge.i)
            subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.i < head.i:
                yield _candidate(doc, "raised", subject.left_edge.i, child.right_edge.i)
        elif child.dep_ in {"dobj", "pobj"}:
            yield _candidate(doc, "object", child.left_edge.i, child.right_edge.i)
    rights = [c for c in after if c.dep_ not in _NOT_RIGHT and c.i > head.i]
    if rights:
        yield _candidate(doc, "rights", rights[0].left_edge.i, max(c.right_edge.i for c in rights))


def _subtree_outside(token: Token, site: CueSite) -> tuple[int, int]:
    """The token range of ``token``'s subtree, cut at the cue clause when the clause lies inside it."""
    first, last = token.left_edge.i, token.right_edge.i
    if first <= site.clause[0] <= last:
        if token.i < site.clause[0]:
            last = site.clause[0] - 1
        else:
            first = site.clause[1] + 1
    return first, last


def _that_clause(verb: Token) -> Token | None:
    """The verb of a "that" clause starting within eight words after ``verb``, if any."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 10)]:
        if token.is_punct or token.is_sent_start:
            return None
        if token.lower_ == "that" and token.head.pos_ in {"VERB", "AUX"} and token.head.i > token.i:
            return token.head
    return None


def _quotations(doc: Doc, site: CueSite) -> Iterator[Candidate | None]:
    """``quote_before``, ``quote_after`` and ``quote_pair`` readings."""
    text = text_of(doc)
    clause = char_span(doc, *site.clause)
    before = next((q for q in reversed(site.quotes) if _gap(text, q.end, clause[0])), None)
    after = next((q for q in site.quotes if _gap(text, clause[1], q.start, colon=True)), None)
    if before is not None:
        yield _quote_candidate(doc, "quote_before", before.start, before.end)
        resumed = after if after is not None and _set_off(text, clause[1], after.start) else None
        follow = resumed or _next_in_paragraph(text, site, clause[1], _sentence_end(doc, site))
        opens = not any(char.isalnum() for char in text[doc[site.sentence[0]].idx : before.start])
        if follow is not None and opens:
            end = follow.end + 1 if text.startswith(DOUBLE_APOSTROPHE, follow.end - 1) else follow.end
            yield _quote_candidate(doc, "quote_pair", _opening(text, before), end)
    if after is not None:
        yield _quote_candidate(doc, "quote_after", after.start, after.end)


def _set_off(text: str, start: int, end: int) -> bool:
    """Whether a comma, colon or dash sets the quotation after the cue clause off from it
    (``"A," he said, "B."``), rather than the quotation being a word of the clause's own phrase
    (``he said on ABC's "This Week."``, ``said Ann Lee, who thinks they "need to ..."``)."""
    return any(char in ",:—–-" for char in text[start:end])


def _gap(text: str, start: int, end: int, *, colon: bool = False) -> bool:
    """Whether only a little punctuation separates ``start`` from ``end`` (an apostrophe: the
    rest of an archived copy's ``''``)."""
    allowed = ",?!—–-' :\n" if colon else ",?!—–-' "
    return 0 <= end - start <= _MAX_GAP + 1 and all(char in allowed for char in text[start:end])


def _next_in_paragraph(text: str, site: CueSite, after: int, sentence_end: int) -> Quotation | None:
    """The quotation that opens the next sentence of the same paragraph (``"X," she said. "Y."``,
    and ``"X," said Ann Lee, an economist at the bank. "Y."``: the words after the cue clause run
    to a full stop with no quotation mark among them)."""
    line_end = text.find("\n", after)
    line_end = len(text) if line_end < 0 else line_end
    for quote in site.quotes:
        if after <= quote.start < line_end:
            opens = _opening(text, quote)
            between = text[after:opens].strip()
            if between in {".", ",", ":"}:
                return quote
            closes = between.endswith(".") and not text[sentence_end:opens].strip()
            return quote if closes and not any(mark in between for mark in QUOTE_MARKS) else None
    return None


def _opening(text: str, quote: Quotation) -> int:
    """Where a quotation opens, the first of two apostrophes included (archived copy's ``''``)."""
    return quote.start - 1 if text.startswith(DOUBLE_APOSTROPHE, quote.start - 1) else quote.start


def _sentence_end(doc: Doc, site: CueSite) -> int:
    """The character just after the last token of the cue's sentence."""
    last = doc[site.sentence[1]]
    return int(last.idx + len(last.text))


def _quote_candidate(doc: Doc, kind: str, start: int, end: int) -> Candidate | None:
    """A candidate over characters ``start``..``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return Candidate(kind, (start, end), span.start, span.end - 1)


def _sentence_parts(doc: Doc, site: CueSite) -> Iterator[Candidate | None]:
    """``left``, ``right`` and ``sentence`` readings."""
    first, last = site.sentence
    yield _candidate(doc, "left", first, site.clause[0] - 1)
    yield _candidate(doc, "right", site.clause[1] + 1, last)
    yield _candidate(doc, "sentence", first, last)


def _governor(doc: Doc, site: CueSite) -> Candidate | None:
    """For a prepositional cue ("in the poll", "according to"), the clause it modifies without it."""
    head = doc[site.head]
    phrase = head.head if head.dep_ == "pobj" else head
    if phrase.dep_ not in {"prep", "advcl", "npadvmod"} and head.lower_ != "according":
        return None
    governor = phrase.head
    if governor is phrase:
        return None
    first, last = governor.left_edge.i, governor.right_edge.i
    own = (phrase.left_edge.i, phrase.right_edge.i)
    if own[0] <= first:
        first = own[1] + 1
    elif own[1] >= last:
        last = own[0] - 1
    return _candidate(doc, "governor", first, last)


def _line(doc: Doc, site: CueSite) -> Candidate | None:
    """The rest of the line after a colon."""
    last = site.head
    while last + 1 < len(doc) and "\n" not in doc[last + 1].text and "\n" not in doc[last].whitespace_:
        last += 1
    return _candidate(doc, "line", site.head + 1, last)


def _byline(doc: Doc, site: CueSite) -> Candidate | None:
    """The words before a dash that closes a line with a name (``"..." ― Sonya Herridge``)."""
    first = site.head
    while first > 0 and "\n" not in doc[first - 1].text and "\n" not in doc[first - 1].whitespace_:
        first -= 1
    return _candidate(doc, "byline", first, site.head - 1)
