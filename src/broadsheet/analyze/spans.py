"""Small helpers between spaCy tokens and character spans into ``Article.text``.

Every span the analyze stage returns is a ``(start, end)`` character pair such that
``text[start:end]`` is exactly the string it goes with; these helpers keep that true while trimming
punctuation, quotation marks and a leading complementiser off a clause.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from broadsheet.analyze.quotes import DOUBLE_APOSTROPHE, QUOTE_MARKS, Quotation
from broadsheet.model import Span

_EDGE_PUNCT = frozenset(",;:—–-.")
_TEXT_KEY = "broadsheet.text"
_ENTS_KEY = "broadsheet.ents"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins the tokens again on every access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def ents_of(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, computed once per Doc (spaCy rebuilds the tuple on every access)."""
    cached = doc.user_data.get(_ENTS_KEY)
    if not isinstance(cached, tuple):
        cached = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return cached


_WORD = re.compile(r"\w+")


_DATELINE_MARKS = frozenset({"—", "–", "-", "--", "("})


def in_dateline(token: Token) -> bool:
    """Whether ``token`` is part of a paragraph's dateline ("BERLIN --", "BUFFALO, N.Y. —",
    "WASHINGTON (Reuters) -"): capitals from the paragraph's start, then a dash or a parenthesis.
    A dateline names where a story was filed, never who spoke."""
    if not _capitals(token):
        return False
    start = token.i
    while start > 0 and not _breaks_line(token.doc[start - 1]):
        if not _capitals(token.doc[start - 1]) and token.doc[start - 1].text != ",":
            return False
        start -= 1
    after = token.doc[token.i + 1 : token.i + 5]
    return any(t.text in _DATELINE_MARKS for t in after)


_HEADING_WORDS = 8
_STOPS = frozenset({".", ":", "!", "?"})
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"})


def in_heading(token: Token) -> bool:
    """Whether ``token`` is on a title-cased line standing alone, a heading ("Gender Equality."):
    at most eight words, each title-cased (or a small word such as "of"), no verb, nothing after
    a closing stop or colon. A heading names a section, never who acts in the sentences under it;
    a label in capitals ("FULL TEXT.", "ABSTRACT.") only marks a part of the same text."""
    doc = token.doc
    first = token.i
    while first > 0 and not _breaks_line(doc[first - 1]):
        first -= 1
    last = token.i
    while last < len(doc) - 1 and not _breaks_line(doc[last]):
        last += 1
    line = [t for t in doc[first : last + 1] if not t.is_space]
    words = [t for t in line if not t.is_punct]
    if not 0 < len(words) <= _HEADING_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    if any(t.text in _STOPS for t in line[:-1]):
        return False  # a stop inside the line: a sentence runs on after it
    return all(t.is_title or t.lower_ in _SMALL_WORDS for t in words) and words[0].is_title


def _capitals(token: Token) -> bool:
    return token.text.isupper() and sum(c.isalpha() for c in token.text) >= 2


def _breaks_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def char_span(doc: Doc, first: int, last: int) -> Span:
    """The characters of tokens ``first`` .. ``last`` (both included)."""
    end_token = doc[last]
    return (doc[first].idx, end_token.idx + len(end_token.text))


def subtree_range(token: Token, skip: frozenset[int] = frozenset()) -> tuple[int, int]:
    """First and last token index of ``token``'s subtree, ignoring the tokens in ``skip``."""
    indices = [t.i for t in token.subtree if t.i not in skip and not t.is_space]
    return (min(indices), max(indices)) if indices else (token.i, token.i)


def word_count(text: str, span: Span) -> int:
    """How many ``\\w+`` words ``text[start:end]`` holds."""
    return len(_WORD.findall(text, span[0], span[1]))


def strip_space(text: str, span: Span) -> Span:
    """``span`` without surrounding whitespace."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def tidy_content(text: str, span: Span, quotes: list[Quotation]) -> Span:
    """A clause's span without edge punctuation and unpaired quotation marks.

    A content that is exactly one quotation becomes the quoted words (marks and the trailing comma
    dropped); a closing mark whose quotation opened inside the content is kept, so a paraphrase that
    embeds a quotation reads with both its marks.
    """
    start, end = _strip_edges(text, strip_space(text, span))
    whole = _whole_quotation(quotes, start, end)
    whole = whole or _whole_quotation(quotes, *_inside_apostrophes(text, start, end))
    if whole is not None:
        return _strip_edges(text, whole.inner)
    return _balance_marks(text, (start, end), quotes)


def _inside_apostrophes(text: str, start: int, end: int) -> Span:
    """The span without the outer apostrophe of ``''`` marks at its ends (archived copy's quotes)."""
    if text.startswith(DOUBLE_APOSTROPHE, start):
        start += 1
    if end - start >= 2 and text.startswith(DOUBLE_APOSTROPHE, end - 2):
        end -= 1
    return start, end


def _strip_edges(text: str, span: Span) -> Span:
    """Drop whitespace and commas, semicolons, colons, dashes and full stops at both ends."""
    start, end = strip_space(text, span)
    while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    return (start, end)


def _whole_quotation(quotes: list[Quotation], start: int, end: int) -> Quotation | None:
    """The quotation that ``start..end`` covers exactly (give or take trailing punctuation)."""
    for quote in quotes:
        if quote.start == start and end >= quote.end - 1 and end <= quote.end + 1:
            return quote
        if quote.inner[0] <= start and end <= quote.inner[1] and quote.start >= start - 1:
            return quote
    return None


def _balance_marks(text: str, span: Span, quotes: list[Quotation]) -> Span:
    """Drop a closing mark whose quotation opened before the span, and an opener never closed in it."""
    start, end = span
    if end > start and text[end - 1] in QUOTE_MARKS and not _opens_inside(quotes, start, end - 1):
        end = _strip_edges(text, (start, end - 1))[1]
    if end > start and text[start] in QUOTE_MARKS and not _closes_inside(quotes, start, end):
        start = _strip_edges(text, (start + 1, end))[0]
    return (start, end)


def _opens_inside(quotes: list[Quotation], start: int, close_mark: int) -> bool:
    """Whether the quotation closed by the mark at ``close_mark`` opened at or after ``start``."""
    return any(q.end - 1 == close_mark and q.start >= start for q in quotes)


def _closes_inside(quotes: list[Quotation], open_mark: int, end: int) -> bool:
    """Whether the quotation opened at ``open_mark`` ends (or runs on) inside the span."""
    return any(q.start == open_mark and q.end <= end + 1 for q in quotes)


def snap_to_quotations(span: Span, quotes: list[Quotation], limit: Span) -> Span:
    """Widen ``span`` so that no quotation is cut in two, staying inside ``limit``.

    A quotation is one unit: a parse that ends a clause in the middle of one (the parser often hangs
    the last words of ``"...," said X`` on the verb) gets the rest of it back.
    """
    start, end = span
    for quote in quotes:
        if quote.start < start < quote.end and quote.start >= limit[0]:
            start = quote.start
        if quote.start < end < quote.end and quote.end <= limit[1]:
            end = quote.end
    return (start, end)
