"""Quotation-mark scanning on raw text: where each quotation opens and closes.

spaCy's tokenizer does not say whether a straight ``"`` opens or closes a quotation, and its sentence
splitter often cuts a closing mark off into the next sentence, so quotations are found here, on the
characters, before and independently of the parse. Rules (general to English news copy):

- typographic marks are unambiguous: ``“`` opens, ``”`` closes;
- a straight ``"`` opens when no quotation is open and closes one that is, except that a mark after a
  space (or bracket, dash, paragraph start) and before a word opens a new quotation;
- a quotation never crosses a paragraph break; one still open at the end of its paragraph runs to the
  paragraph's end (the news convention for a quotation that continues in the next paragraph omits the
  closing mark);
- a mark that opens while a quotation is already open closes the open one first (unbalanced copy);
- two apostrophes ``''`` are a straight double mark (archived newspaper copy writes
  ``''Not now,'' he said.``); the quotation's ``start`` is the second apostrophe of an opening pair
  and its ``end`` one past the first of a closing pair, so ``inner`` is the quoted words;
- single quotes are not scanned: they are mostly apostrophes, and a nested ``'...'`` lies inside a
  double-quoted quotation anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = frozenset("“„«")
CLOSE_MARKS = frozenset("”»")
STRAIGHT = '"'
DOUBLE_APOSTROPHE = "''"
QUOTE_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT}
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
# The marks a paragraph is scanned for, left to right (``''`` before a lone ``'``, which is no mark).
_MARK = re.compile("''|[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]")


@dataclass(frozen=True)
class Quotation:
    """One quotation: ``start`` is the opening mark, ``end`` one past the closing mark (or the end of
    the paragraph when the quotation is left open); ``inner`` excludes the marks."""

    start: int
    end: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks: ``(start + 1, end - 1)`` or to the paragraph end."""
        return (self.start + 1, self.end - 1 if self.closed else self.end)

    def word_count(self, text: str) -> int:
        """How many words the quotation holds (short ones are often scare quotes or titles)."""
        start, end = self.inner
        return len(_WORD.findall(text, start, end))


def find_quotations(text: str) -> list[Quotation]:
    """Every double-quoted quotation in ``text``, in order, never crossing a line break."""
    found: list[Quotation] = []
    for para in _PARAGRAPH.finditer(text):
        found.extend(_scan_paragraph(text, para.start(), para.end()))
    return found


def _scan_paragraph(text: str, start: int, end: int) -> list[Quotation]:
    """Pair the marks of one paragraph ``text[start:end]`` (only the marks are visited)."""
    found: list[Quotation] = []
    open_at: int | None = None
    for mark in _MARK.finditer(text, start, end):
        i, double = mark.start(), mark.end() - mark.start() == 2
        role = _mark_role(text, i, start, is_open=open_at is not None, width=2 if double else 1)
        if role == "open":
            if open_at is not None:
                found.append(Quotation(open_at, _rstrip(text, open_at, i), closed=False))
            open_at = i + 1 if double else i
        elif role == "close" and open_at is not None:
            found.append(Quotation(open_at, i + 1, closed=True))
            open_at = None
    if open_at is not None and _rstrip(text, open_at, end) > open_at + 1:
        found.append(Quotation(open_at, _rstrip(text, open_at, end), closed=False))
    return found


def _mark_role(text: str, i: int, para_start: int, *, is_open: bool, width: int = 1) -> str | None:
    """``open``, ``close`` or ``None`` for the mark of ``width`` characters at ``i``.

    A straight mark (or ``''``) toggles, except that one standing before a word after a space while
    a quotation is open starts a new quotation (the previous one lost its closing mark).
    """
    char = text[i]
    if char in OPEN_MARKS:
        return "open"
    if char in CLOSE_MARKS:
        return "close"
    if char != STRAIGHT and width == 1:
        return None
    if not is_open:
        return "open"
    before_ok = i == para_start or text[i - 1] in _OPENING_CONTEXT
    after_word = i + width < len(text) and text[i + width].isalnum()
    return "open" if before_ok and after_word else "close"


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved left over trailing whitespace, never before ``start + 1``."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def quotation_at(quotations: list[Quotation], offset: int) -> Quotation | None:
    """The quotation whose marks enclose character ``offset``, if any."""
    for quote in quotations:
        if quote.start <= offset < quote.end:
            return quote
    return None
